// Live browser preview of the demo mini-program, as a request handler that can be mounted into any
// Node HTTP server (the devserver for `npm start`):
//
//   GET /preview/                 index: every page of demo/app.json
//   GET /preview/<page>[?query]   the page running for real ("login" or "pages/login/index");
//                                 built on demand, rebuilt when an input file's mtime changes
//   GET /preview/_files/<path>    images referenced by the demo (e.g. <image src="/assets/x.png">)
//
//   const { createPreviewHandler } = require('./preview/server');
//   const handler = createPreviewHandler({ devserverUrl: '', root: 'demo' });  // '' = same origin
//   createDevServer({ port: 3000, mounts: [handler] });   // one port for API + preview (scripts/start.js)
//   // any other Node server: if (handler(req, res)) return;   or mountPreview(httpServer, handler)
const fs = require('fs');
const path = require('path');
const { buildPreview, ensureDemoNpm, filesStamp, miniprogramRoot, pageName, routeFor, DEFAULT_ROOT } = require('./build');

const STATIC_TYPES = {
  '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif',
  '.svg': 'image/svg+xml', '.webp': 'image/webp', '.ico': 'image/x-icon',
};

function escapeHtml(s) {
  return String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));
}

function sendHtml(res, status, html) {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(html);
}

function errorPage(title, err) {
  return `<!doctype html><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<body style="font:14px/1.5 system-ui,sans-serif;padding:24px;max-width:760px">
<h2 style="color:#d54941">${escapeHtml(title)}</h2><pre style="white-space:pre-wrap;background:#f6f6f6;padding:12px">${escapeHtml(err && err.stack ? err.stack : err)}</pre>
<p>Build the kit and lay out the demo's npm folder first: <code>npx gulp demo</code> (part of <code>npm start</code>).</p></body>`;
}

/**
 * @param {{ devserverUrl?: string, root?: string, base?: string }} [options]
 *   devserverUrl: where the pages' wx.request / uploadFile / login go ('' or omitted = same origin);
 *   root: the mini-program root, or a project folder whose project.config.json names it (the repo
 *   root → demo/; default demo/); base: URL prefix (default '/preview/').
 * @returns {(req: import('http').IncomingMessage, res: import('http').ServerResponse) => boolean}
 *   true when the request was a preview request (and has been answered).
 */
function createPreviewHandler(options = {}) {
  const root = miniprogramRoot(options.root || DEFAULT_ROOT);
  const base = (options.base || '/preview/').replace(/\/?$/, '/');
  const devserverUrl = options.devserverUrl ? String(options.devserverUrl).replace(/\/+$/, '') : '';
  const isKitDemo = root === path.resolve(DEFAULT_ROOT);
  /** route → {html, files, stamp} */
  const cache = new Map();

  function appJson() {
    return JSON.parse(fs.readFileSync(path.join(root, 'app.json'), 'utf8'));
  }

  function build(route) {
    if (isKitDemo) {
      try { ensureDemoNpm(root); } catch (e) { /* miniprogram_dist missing: buildPreview explains */ }
    }
    const hit = cache.get(route);
    if (hit && filesStamp(hit.files) === hit.stamp) return hit.html;
    const r = buildPreview({
      root, page: route, devserverUrl, history: true, routeBase: base, assetBase: `${base}_files/`,
    });
    for (const w of r.warnings) console.warn(`[preview] ${w}`);
    cache.set(route, { html: r.html, files: r.files, stamp: filesStamp(r.files) });
    return r.html;
  }

  function indexPage() {
    const app = appJson();
    const items = (app.pages || []).map((route) => {
      let title = '';
      try { title = JSON.parse(fs.readFileSync(path.join(root, route + '.json'), 'utf8')).navigationBarTitleText || ''; } catch (e) { /* none */ }
      return `<li><a href="${base}${encodeURI(pageName(route))}">${escapeHtml(pageName(route))}</a> <span>${escapeHtml(title)}</span> <code>${escapeHtml(route)}</code></li>`;
    }).join('\n');
    return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>authing-miniapp-kit · live preview</title>
<style>
body{font:15px/1.6 system-ui,"Noto Sans CJK SC",sans-serif;margin:0;background:#f3f3f3;color:#222}
main{max-width:720px;margin:0 auto;padding:32px 20px}
h1{font-size:22px;margin:0 0 4px}p{color:#555}
ul{list-style:none;padding:0;background:#fff;border-radius:12px;overflow:hidden}
li{padding:12px 16px;border-bottom:1px solid #eee;display:flex;gap:12px;align-items:baseline}
li:last-child{border:0}a{color:#0052d9;font-weight:600;text-decoration:none;min-width:90px}
code{color:#888;font-size:12px;margin-left:auto}
</style></head><body><main>
<h1>authing-miniapp-kit · live preview</h1>
<p>The demo mini-program (<code>demo/</code>) running in your browser: WeChat's component engine
(exparser), the official WXML compiler (wcc) and the real kit + TDesign code. <code>wx.request</code>,
<code>wx.uploadFile</code> and <code>wx.login</code> go to the local devserver. Demo account:
<b>demo</b> / <b>Demo@123456</b>.</p>
<ul>
${items}
</ul>
<p>Best viewed in a narrow window or the browser's device mode (375 px wide). Pages share one
storage (<code>localStorage</code>), so a login carries over between pages.</p>
</main></body></html>`;
  }

  function serveFile(res, rel) {
    const abs = path.resolve(root, rel);
    const type = STATIC_TYPES[path.extname(abs).toLowerCase()];
    if (!type || !abs.startsWith(root + path.sep) || abs.split(path.sep).includes('node_modules')) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    fs.readFile(abs, (err, buf) => {
      if (err) { res.writeHead(404, { 'content-type': 'text/plain' }); res.end('not found'); return; }
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-cache' });
      res.end(buf);
    });
  }

  return function previewHandler(req, res) {
    const url = new URL(req.url || '/', 'http://localhost');
    const p = url.pathname;
    if (p !== base.slice(0, -1) && !p.startsWith(base)) return false;
    const method = (req.method || 'GET').toUpperCase();
    if (method !== 'GET' && method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain' });
      res.end('method not allowed');
      return true;
    }
    if (p === base.slice(0, -1)) {
      res.writeHead(302, { location: base + url.search });
      res.end();
      return true;
    }
    const rest = decodeURIComponent(p.slice(base.length));
    try {
      if (rest === '' || rest === 'index.html') {
        sendHtml(res, 200, indexPage());
        return true;
      }
      if (rest.startsWith('_files/')) {
        serveFile(res, rest.slice('_files/'.length));
        return true;
      }
      const route = routeFor(appJson(), rest);
      if (!route) {
        sendHtml(res, 404, errorPage(`No page "${rest}"`, `Pages in app.json: ${(appJson().pages || []).join(', ')}`));
        return true;
      }
      sendHtml(res, 200, build(route));
    } catch (err) {
      console.error('[preview]', err);
      sendHtml(res, 500, errorPage('Preview build failed', err));
    }
    return true;
  };
}

/**
 * Puts `handler` in front of an http.Server's existing request listeners (e.g. the devserver's
 * `srv.server`), so one port serves both. Returns a function that undoes it.
 */
function mountPreview(srvOrServer, handler) {
  const server = srvOrServer.server || srvOrServer;
  const listeners = server.listeners('request');
  server.removeAllListeners('request');
  const combined = (req, res) => {
    if (handler(req, res)) return;
    for (const l of listeners) l.call(server, req, res);
  };
  server.on('request', combined);
  return () => {
    server.removeListener('request', combined);
    for (const l of listeners) server.on('request', l);
  };
}

module.exports = { createPreviewHandler, mountPreview };
