// @ts-check
// Browser transport for the wx shim (used by the live browser preview in preview/): real HTTP via
// XMLHttpRequest (upload progress included), temp files read from data:/blob:/http(s) URLs or paths
// served by the page's origin, and crypto.getRandomValues. Same interface as ./node-transport.js.

// Headers a page may not set on XMLHttpRequest (the browser sets or refuses them).
const FORBIDDEN = /^(accept-charset|accept-encoding|access-control-request-.*|connection|content-length|cookie2?|date|dnt|expect|host|keep-alive|origin|referer|te|trailer|transfer-encoding|upgrade|via|user-agent|proxy-.*|sec-.*)$/i;

/**
 * @param {{ fileNames?: Map<string, string> }} [options]  fileNames: temp path → original file name
 *   (blob: URLs carry none); the preview runtime fills it when the user picks a file.
 * @returns {import('./index').Transport & { fileNames: Map<string, string> }}
 */
function createBrowserTransport(options = {}) {
  const fileNames = options.fileNames || new Map();

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

  return {
    fileNames,

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
      if (/^data:/i.test(p)) return { bytes: decodeDataUrl(p), name: nameFor(p) };
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
