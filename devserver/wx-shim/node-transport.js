// @ts-check
// Node transport for the wx shim: real HTTP through node:http, files from disk, node:crypto random.
const http = require('http');
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');

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
  };
}

module.exports = { createNodeTransport };
