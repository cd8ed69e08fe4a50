// @ts-check
// Node transport for the wx shim: real HTTP through node:http, files from disk, node:crypto random.
const http = require('http');
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');

/** WeChat's FileSystemManager (the synchronous calls the kit uses) over node:fs; errors carry WeChat-style errMsg. */
function createFileSystemManager() {
  const fail = (api, e) => {
    const err = new Error(`${api}:fail ${e.code === 'ENOENT' ? 'no such file or directory' : e.message}`);
    /** @type {any} */ (err).errMsg = err.message;
    return err;
  };
  return {
    statSync(p) {
      try {
        const s = fs.statSync(p);
        return { size: s.size, mode: s.mode, isFile: () => s.isFile(), isDirectory: () => s.isDirectory() };
      } catch (e) { throw fail('statSync', e); }
    },
    /** readFileSync(path, encoding?, position?, length?) — ArrayBuffer without an encoding, as on a device. */
    readFileSync(p, encoding, position = 0, length) {
      try {
        const fd = fs.openSync(p, 'r');
        try {
          const size = length === undefined ? fs.fstatSync(fd).size - position : length;
          const buf = Buffer.alloc(Math.max(0, size));
          const out = buf.subarray(0, fs.readSync(fd, buf, 0, buf.length, position));
          return encoding ? out.toString(encoding) : out.buffer.slice(out.byteOffset, out.byteOffset + out.length);
        } finally { fs.closeSync(fd); }
      } catch (e) { throw fail('readFileSync', e); }
    },
  };
}

/** @returns {import('./index').Transport} */
function createNodeTransport() {
  return {
    send(req) {
      /** @type {http.ClientRequest | undefined} */
      let handle;
      let timer;
      const promise = new Promise((resolve, reject) => {
        const u = new URL(req.url);
        const body = req.body === undefined ? undefined : (typeof req.body === 'string' ? Buffer.from(req.body) : Buffer.from(req.body));
        const headers = { ...req.headers };
        if (body) headers['content-length'] = String(body.length);
        handle = http.request({ method: req.method, hostname: u.hostname, port: u.port, path: u.pathname + u.search, headers }, (res) => {
          const chunks = [];
          res.on('data', (c) => chunks.push(c));
          res.on('end', () => {
            clearTimeout(timer);
            /** @type {Record<string,string>} */
            const h = {};
            for (const [k, v] of Object.entries(res.headers)) h[k] = Array.isArray(v) ? v.join(', ') : String(v);
            resolve({ statusCode: res.statusCode || 0, headers: h, text: Buffer.concat(chunks).toString('utf8') });
          });
          res.on('error', (e) => { clearTimeout(timer); reject(e); });
        });
        handle.on('error', (e) => { clearTimeout(timer); reject(e); });
        timer = setTimeout(() => { reject(new Error('timeout')); handle && handle.destroy(); }, req.timeout);
        if (body) {
          // Write in slices so upload progress is observable, as on a device.
          const slice = 64 * 1024;
          for (let at = 0; at < body.length; at += slice) {
            handle.write(body.subarray(at, at + slice));
            req.onUploadProgress && req.onUploadProgress(Math.min(at + slice, body.length), body.length);
          }
        }
        handle.end();
      });
      return { promise, abort: () => { clearTimeout(timer); handle && handle.destroy(new Error('abort')); } };
    },
    async readFile(p) {
      return { bytes: new Uint8Array(await fs.promises.readFile(p)), name: path.basename(p) };
    },
    randomBytes(length) {
      return new Uint8Array(crypto.randomBytes(length));
    },
    fileSystemManager: createFileSystemManager(),
  };
}

module.exports = { createNodeTransport };
