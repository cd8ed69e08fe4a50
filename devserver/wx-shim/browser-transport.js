// @ts-check
// Browser transport for the wx shim (used by the live browser preview in preview/): real HTTP via
// XMLHttpRequest (upload progress included), temp files read from data:/blob:/http(s) URLs or paths
// served by the page's origin, and crypto.getRandomValues. Same interface as ./node-transport.js.

// Headers a page may not set on XMLHttpRequest (the browser sets or refuses them).
const FORBIDDEN = /^(accept-charset|accept-encoding|access-control-request-.*|connection|content-length|cookie2?|date|dnt|expect|host|keep-alive|origin|referer|te|trailer|transfer-encoding|upgrade|via|user-agent|proxy-.*|sec-.*)$/i;

/**
 * Temp files: `data:` URLs are read directly; anything else (blob: URLs of picked files) must be
 * registered with its bytes first, since a browser cannot read a blob synchronously.
 * @param {{ fileNames?: Map<string, string> }} [options]  fileNames: temp path → original file name
 * @returns {import('./index').Transport & { fileNames: Map<string, string>,
 *   registerFile(path: string, bytes: Uint8Array, name?: string): void, fileSystemManager: object }}
 */
function createBrowserTransport(options = {}) {
  const fileNames = options.fileNames || new Map();
  /** @type {Map<string, Uint8Array>} temp path → bytes */
  const files = new Map();

  function parseHeaders(raw) {
    /** @type {Record<string,string>} */
    const out = {};
    for (const line of String(raw || '').trim().split(/[\r\n]+/)) {
      const i = line.indexOf(':');
      if (i > 0) {
        const k = line.slice(0, i).trim().toLowerCase();
        const v = line.slice(i + 1).trim();
        out[k] = out[k] ? out[k] + ', ' + v : v;
      }
    }
    return out;
  }

  function decodeDataUrl(url) {
    const comma = url.indexOf(',');
    const meta = url.slice(5, comma);
    const data = url.slice(comma + 1);
    if (/;base64$/i.test(meta)) {
      const bin = atob(data);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      return bytes;
    }
    return new TextEncoder().encode(decodeURIComponent(data));
  }

  function nameFor(p, fallbackType) {
    if (fileNames.has(p)) return /** @type {string} */ (fileNames.get(p));
    if (/^(data|blob):/i.test(p)) {
      const m = /^data:image\/(\w+)/i.exec(p) || (fallbackType ? /^image\/(\w+)/i.exec(fallbackType) : null);
      return 'tmp_file.' + (m ? m[1].replace('jpeg', 'jpg') : 'bin');
    }
    const clean = p.split(/[?#]/)[0];
    return clean.slice(clean.lastIndexOf('/') + 1) || 'file';
  }

  /** Bytes of a temp file known without I/O (data: URL or registered), else null. */
  function tempBytes(p) {
    const key = String(p || '');
    if (files.has(key)) return /** @type {Uint8Array} */ (files.get(key));
    if (/^data:/i.test(key)) {
      const bytes = decodeDataUrl(key);
      files.set(key, bytes);
      return bytes;
    }
    return null;
  }
  const fsFail = (api, p) => {
    const err = new Error(`${api}:fail no such file or directory ${p}`);
    /** @type {any} */ (err).errMsg = err.message;
    return err;
  };
  // The synchronous subset components use before an upload (size, magic bytes), as on a device.
  const fileSystemManager = {
    statSync(p) {
      const b = tempBytes(p);
      if (!b) throw fsFail('statSync', p);
      return { size: b.length, mode: 33188, isFile: () => true, isDirectory: () => false };
    },
    /** readFileSync(path, encoding?, position?, length?) — ArrayBuffer without an encoding. */
    readFileSync(p, encoding, position = 0, length) {
      const b = tempBytes(p);
      if (!b) throw fsFail('readFileSync', p);
      const part = b.slice(position, length === undefined ? b.length : position + length);
      if (encoding === 'base64') {
        let bin = '';
        for (let i = 0; i < part.length; i++) bin += String.fromCharCode(part[i]);
        return btoa(bin);
      }
      if (encoding) return new TextDecoder().decode(part);
      return part.buffer;
    },
  };

  return {
    fileNames,
    fileSystemManager,

    registerFile(p, bytes, name) {
      files.set(p, bytes);
      if (name) fileNames.set(p, name);
    },

    send(req) {
      const xhr = new XMLHttpRequest();
      const promise = new Promise((resolve, reject) => {
        xhr.open(req.method, req.url, true);
        xhr.timeout = req.timeout || 0;
        for (const [k, v] of Object.entries(req.headers || {})) {
          if (!FORBIDDEN.test(k)) xhr.setRequestHeader(k, v);
        }
        if (req.onUploadProgress && xhr.upload) {
          const cb = req.onUploadProgress;
          xhr.upload.onprogress = (e) => { if (e.lengthComputable) cb(e.loaded, e.total); };
        }
        xhr.onload = () => resolve({
          statusCode: xhr.status, headers: parseHeaders(xhr.getAllResponseHeaders()), text: xhr.responseText,
        });
        xhr.onerror = () => reject(new Error('network error'));
        xhr.ontimeout = () => reject(new Error('timeout'));
        xhr.onabort = () => reject(new Error('abort'));
        const body = req.body;
        xhr.send(body === undefined ? null : /** @type {any} */ (body));
      });
      return { promise, abort: () => xhr.abort() };
    },

    async readFile(p) {
      const known = tempBytes(p);
      if (known) return { bytes: known, name: nameFor(p) };
      const res = await fetch(p);
      if (!res.ok) throw new Error(`readFile ${p}: ${res.status}`);
      const bytes = new Uint8Array(await res.arrayBuffer());
      return { bytes, name: nameFor(p, res.headers.get('content-type') || '') };
    },

    randomBytes(length) {
      const out = new Uint8Array(length);
      // getRandomValues fills at most 65536 bytes per call.
      for (let at = 0; at < length; at += 65536) crypto.getRandomValues(out.subarray(at, Math.min(length, at + 65536)));
      return out;
    },
  };
}

module.exports = { createBrowserTransport };
