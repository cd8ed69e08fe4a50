/**
 * @jest-environment node
 */
// The preview build (preview/build.js) in Node, without a browser: the demo bundles cleanly (every
// component, template and module found), WXSS units follow WeChat (750rpx = the phone width), page styles
// stay on their page, and the live handler serves pages, the index and 404s.
const http = require('http');
const path = require('path');
const { buildPreview, ensureDemoNpm, rpxToPx, routeFor, pageName } = require('../../preview/build');
const { createPreviewHandler } = require('../../preview/server');

const DEMO = path.resolve(__dirname, '../../demo');
const app = require('../../demo/app.json');

beforeAll(() => ensureDemoNpm(DEMO));

test('rpx → a multiple of --wxp-rpx (the phone width / 750; 0.5px = 375 px wide), decimals and negatives, names untouched', () => {
  const u = (n) => `calc(${n} * var(--wxp-rpx, 0.5px))`;
  expect(rpxToPx('a{margin:32rpx -16rpx 1.5rpx .5rpx}')).toBe(`a{margin:${u(32)} ${u(-16)} ${u(1.5)} ${u('.5')}}`);
  expect(rpxToPx('b{font:32rpx / 48rpx x;width:calc(100% - 64rpx)}')).toBe(`b{font:${u(32)} / ${u(48)} x;width:calc(100% - ${u(64)})}`);
  expect(rpxToPx('c{--td-spacer-2rpx:1px}')).toBe('c{--td-spacer-2rpx:1px}');
});

test('routes: short names and full paths', () => {
  expect(routeFor(app, 'login')).toBe('pages/login/index');
  expect(routeFor(app, '/pages/me/index')).toBe('pages/me/index');
  expect(routeFor(app, 'nope')).toBe(null);
  expect(pageName('pages/login-en/index')).toBe('login-en');
});

test('the demo builds into one self-contained page with every app page, no unresolved path', () => {
  const r = buildPreview({ root: DEMO, page: 'login', devserverUrl: 'http://127.0.0.1:3000' });
  expect(r.warnings).toEqual([]);
  expect(r.route).toBe('pages/login/index');
  const payload = JSON.parse(/window\.__PREVIEW__ = (\{.*?\});<\/script>/s.exec(r.html)[1]);
  expect(payload.pages).toEqual(['pages/login/index', ...app.pages.filter((p) => p !== 'pages/login/index')]);
  expect(Object.keys(payload.modules)).toEqual(expect.arrayContaining(['app.js', 'config.js', 'miniprogram_npm/authing-miniapp-kit/index.js']));
  expect(payload.components.map((c) => c.tagName)).toEqual(expect.arrayContaining(['authing-login', 't-input', 't-button']));
  expect(payload.mapHostFrom).toBe('config.js');
  expect(payload.devserverUrl).toBe('http://127.0.0.1:3000');
  // no external resources: the page works offline
  expect(r.html).not.toMatch(/<(script|link)[^>]+(src|href)="https?:/);
  expect(r.html).not.toMatch(/tdesign\.gtimg\.com/);
  // page styles are scoped to their page (login-en's brand colour must not reach login)
  expect(r.html).toMatch(/page\[data-route="pages\/login-en\/index"\]\{--authing-primary-color:\s*#7c3aed/);
  expect(r.html).not.toMatch(/(^|[},])page\{--authing-primary-color/m);
});

function get(handler, url) {
  return new Promise((resolve, reject) => {
    const srv = http.createServer((req, res) => { if (!handler(req, res)) { res.writeHead(599); res.end(); } });
    srv.listen(0, '127.0.0.1', () => {
      http.get(`http://127.0.0.1:${srv.address().port}${url}`, (res) => {
        let body = '';
        res.on('data', (c) => { body += c; });
        res.on('end', () => { srv.close(); resolve({ status: res.statusCode, body, type: res.headers['content-type'] }); });
      }).on('error', (e) => { srv.close(); reject(e); });
    });
  });
}

test('live handler: index, pages by short name, 404 for unknown pages, passes other paths on', async () => {
  // the repo root works too: its project.config.json names demo/ (scripts/start.js passes it)
  const handler = createPreviewHandler({ root: path.resolve(DEMO, '..') });
  const index = await get(handler, '/preview/');
  expect(index.status).toBe(200);
  for (const p of app.pages) expect(index.body).toContain(`/preview/${pageName(p)}`);
  const login = await get(handler, '/preview/login');
  expect(login.status).toBe(200);
  expect(login.type).toMatch(/text\/html/);
  expect(login.body).toContain('"entry":"pages/login/index"');
  expect((await get(handler, '/preview/nope')).status).toBe(404);
  expect((await get(handler, '/preview')).status).toBe(302);
  expect((await get(handler, '/api/v3/system')).status).toBe(599); // not ours
  expect((await get(handler, '/preview/_files/..%2f..%2fpackage.json')).status).toBe(404);
}, 30000);
