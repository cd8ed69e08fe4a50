// @ts-check
// A development stand-in for the `wx` object: the parts the kit uses (request, uploadFile, storage,
// login, getRandomValues, chooseMedia/chooseImage), working against the devserver for real.
// Used by the jest suite (Node transport), the bare-vm "WeChat runtime" test and the browser preview
// (browser transport). Semantics follow WeChat's documentation: request/uploadFile are callback-only
// and return a task; the other async APIs also return a Promise when no callback is given.

/**
 * @typedef {{ method: string, url: string, headers: Record<string,string>, body?: string | Uint8Array,
 *   timeout: number, onUploadProgress?: (sent: number, total: number) => void }} TransportRequest
 * @typedef {{ statusCode: number, headers: Record<string,string>, text: string }} TransportResponse
 * @typedef {{ send(req: TransportRequest): { promise: Promise<TransportResponse>, abort(): void },
 *   readFile(path: string): Promise<{ bytes: Uint8Array, name: string }>,
 *   randomBytes(length: number): Uint8Array, fileSystemManager?: object }} Transport
 * @typedef {{ tempFilePath: string, size: number, fileType?: string }} MediaFile
 */

const { createPrivacySim } = require('./privacy');

/** Calls success/fail/complete, or resolves/rejects when the caller passed no callback. */
function settle(opts, run) {
  const wantsPromise = !opts || (!opts.success && !opts.fail && !opts.complete);
  const p = Promise.resolve().then(run);
  if (wantsPromise) return p;
  p.then(
    (res) => { opts.success && opts.success(res); opts.complete && opts.complete(res); },
    (err) => { opts.fail && opts.fail(err); opts.complete && opts.complete(err); },
  );
  return undefined;
}

function toQuery(data) {
  return Object.keys(data)
    .filter((k) => data[k] !== undefined)
    .map((k) => encodeURIComponent(k) + '=' + encodeURIComponent(String(data[k])))
    .join('&');
}

function lowerKeys(h) {
  /** @type {Record<string,string>} */
  const out = {};
  for (const k of Object.keys(h || {})) out[k.toLowerCase()] = String(h[k]);
  return out;
}

/** wx.request's data-encoding rules (see its docs): GET → query; form header → k=v; object → JSON. */
function encodeRequest(opts) {
  const method = (opts.method || 'GET').toUpperCase();
  const headers = lowerKeys(opts.header);
  let url = opts.url;
  let body;
  const data = opts.data;
  if (method === 'GET') {
    if (data && typeof data === 'object') {
      const q = toQuery(data);
      if (q) url += (url.includes('?') ? '&' : '?') + q;
    }
  } else if (typeof data === 'string') {
    body = data;
  } else if (data !== undefined && data !== null) {
    if ((headers['content-type'] || '').includes('application/x-www-form-urlencoded')) body = toQuery(data);
    else { body = JSON.stringify(data); headers['content-type'] = headers['content-type'] || 'application/json'; }
  }
  return { method, url, headers, body };
}

function multipart(fields, fileField, file) {
  const boundary = '----wxshim' + Math.floor(Math.random() * 1e12).toString(16);
  // No TextEncoder in every host (jest's jsdom lacks it), so encode UTF-8 by hand.
  const enc = { encode: (str) => Uint8Array.from(unescape(encodeURIComponent(str)), (c) => c.charCodeAt(0)) };
  /** @type {Uint8Array[]} */
  const parts = [];
  for (const [k, v] of Object.entries(fields || {})) {
    parts.push(enc.encode(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  parts.push(enc.encode(`--${boundary}\r\nContent-Disposition: form-data; name="${fileField}"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`));
  parts.push(file.bytes);
  parts.push(enc.encode(`\r\n--${boundary}--\r\n`));
  const total = parts.reduce((n, p) => n + p.length, 0);
  const body = new Uint8Array(total);
  let at = 0;
  for (const p of parts) { body.set(p, at); at += p.length; }
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

/**
 * @param {{ baseUrl: string, transport: Transport, openid?: string }} config
 */
function createWxShim(config) {
  const { transport } = config;
  /** @type {Map<string, string>} JSON-serialised, as WeChat stores structured values */
  const store = new Map();
  /** @type {MediaFile[]} files the next chooseMedia/chooseImage calls return; empty = the user cancels */
  const mediaQueue = [];
  const privacy = createPrivacySim(settle);
  const control = {
    /** WeChat's privacy authorization, simulated; off until `privacy.enable()` (./privacy.js). */
    privacy: privacy.control,
    baseUrl: config.baseUrl,
    openid: config.openid || 'dev-openid-1',
    mediaQueue,
    /** Requests made through this shim: [{method, url, headers, body}] (for wire-format assertions). */
    log: /** @type {Array<{method: string, url: string, headers: Record<string,string>, body?: string}>} */ ([]),
    storage: store,
  };

  async function devPost(path, body) {
    const { promise } = transport.send({
      method: 'POST', url: control.baseUrl + path, headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body || {}), timeout: 10000,
    });
    const res = await promise;
    if (res.statusCode !== 200) throw new Error(`${path} answered ${res.statusCode}: ${res.text}`);
    return JSON.parse(res.text);
  }

  const wx = {
    __control: control,
    ...privacy.api,

    request(opts) {
      const { method, url, headers, body } = encodeRequest(opts);
      control.log.push({ method, url, headers, body: typeof body === 'string' ? body : undefined });
      const job = transport.send({ method, url, headers, body, timeout: opts.timeout || 60000 });
      job.promise.then(
        (res) => {
          let data = res.text;
          if ((opts.dataType || 'json') === 'json') {
            try { data = JSON.parse(res.text); } catch (e) { /* WeChat hands back the raw text */ }
          }
          const out = { data, statusCode: res.statusCode, header: res.headers, errMsg: 'request:ok' };
          opts.success && opts.success(out); opts.complete && opts.complete(out);
        },
        (err) => {
          const out = { errMsg: 'request:fail ' + (err && err.message ? err.message : String(err)), errno: 600001 };
          opts.fail && opts.fail(out); opts.complete && opts.complete(out);
        },
      );
      return { abort: job.abort, onHeadersReceived() {}, offHeadersReceived() {} };
    },

    uploadFile(opts) {
      /** @type {Array<(r: {progress: number, totalBytesSent: number, totalBytesExpectedToSend: number}) => void>} */
      const listeners = [];
      let aborted = false;
      let abortJob = () => { aborted = true; };
      (async () => {
        const file = await transport.readFile(opts.filePath);
        const { body, contentType } = multipart(opts.formData, opts.name, file);
        const headers = { ...lowerKeys(opts.header), 'content-type': contentType };
        control.log.push({ method: 'POST', url: opts.url, headers });
        if (aborted) throw new Error('abort');
        const job = transport.send({
          method: 'POST', url: opts.url, headers, body, timeout: opts.timeout || 60000,
          onUploadProgress: (sent, total) => listeners.forEach((l) => l({
            progress: Math.round((sent / total) * 100), totalBytesSent: sent, totalBytesExpectedToSend: total,
          })),
        });
        abortJob = job.abort;
        return job.promise;
      })().then(
        (res) => {
          const out = { data: res.text, statusCode: res.statusCode, errMsg: 'uploadFile:ok' };
          opts.success && opts.success(out); opts.complete && opts.complete(out);
        },
        (err) => {
          const out = { errMsg: 'uploadFile:fail ' + (err && err.message ? err.message : String(err)) };
          opts.fail && opts.fail(out); opts.complete && opts.complete(out);
        },
      );
      return {
        abort: () => abortJob(),
        onProgressUpdate: (fn) => { listeners.push(fn); },
        offProgressUpdate: (fn) => { const i = listeners.indexOf(fn); if (i >= 0) listeners.splice(i, 1); },
      };
    },

    getStorage(opts) {
      return settle(opts, () => {
        if (!store.has(opts.key)) throw { errMsg: 'getStorage:fail data not found' };
        return { data: JSON.parse(/** @type {string} */ (store.get(opts.key))), errMsg: 'getStorage:ok' };
      });
    },
    setStorage(opts) {
      return settle(opts, () => { store.set(opts.key, JSON.stringify(opts.data)); return { errMsg: 'setStorage:ok' }; });
    },
    removeStorage(opts) {
      return settle(opts, () => { store.delete(opts.key); return { errMsg: 'removeStorage:ok' }; });
    },
    clearStorage(opts) {
      return settle(opts, () => { store.clear(); return { errMsg: 'clearStorage:ok' }; });
    },
    getStorageSync(key) { return store.has(key) ? JSON.parse(/** @type {string} */ (store.get(key))) : ''; },
    setStorageSync(key, data) { store.set(key, JSON.stringify(data)); },
    removeStorageSync(key) { store.delete(key); },
    clearStorageSync() { store.clear(); },

    /** A real single-use code from the devserver's simulated WeChat (rotates the session_key). */
    login(opts) {
      return settle(opts, async () => {
        try {
          const { code } = await devPost('/__dev/wx/login', { openid: control.openid });
          return { code, errMsg: 'login:ok' };
        } catch (e) {
          throw { errMsg: 'login:fail ' + (e && e.message) };
        }
      });
    },

    getRandomValues(opts) {
      return settle(opts, () => {
        if (!(opts.length > 0)) throw { errMsg: 'getRandomValues:fail invalid length' };
        const bytes = transport.randomBytes(opts.length);
        return { randomValues: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength), errMsg: 'getRandomValues:ok' };
      });
    },

    chooseMedia(opts) {
      return settle(opts, () => {
        const next = mediaQueue.shift();
        if (!next) throw { errMsg: 'chooseMedia:fail cancel' };
        return { tempFiles: [{ fileType: 'image', ...next }], type: next.fileType === 'video' ? 'video' : 'image', errMsg: 'chooseMedia:ok' };
      });
    },
    /** Local temp files (size and first bytes before an upload), when the transport can read them. */
    getFileSystemManager() {
      if (!transport.fileSystemManager) throw new Error('getFileSystemManager is not available in this environment');
      return transport.fileSystemManager;
    },

    chooseImage(opts) {
      return settle(opts, () => {
        const next = mediaQueue.shift();
        if (!next) throw { errMsg: 'chooseImage:fail cancel' };
        return { tempFilePaths: [next.tempFilePath], tempFiles: [{ path: next.tempFilePath, size: next.size }], errMsg: 'chooseImage:ok' };
      });
    },
  };
  return wx;
}

module.exports = { createWxShim, encodeRequest };
