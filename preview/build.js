// Builds ONE self-contained HTML file that runs real mini-program pages in a browser
// (the component engine runs inside the browser, not in jsdom, so layout is real): everything is
// prepared here in Node, and the page then runs miniprogram-exparser + j-component + the official wcc output inside Chromium.
//
//   root/                      the miniprogramRoot (demo/), laid out like 「构建 npm」 (npx gulp demo)
//   app.json → pages           each page and its usingComponents graph (children first)
//   .wxml → wcc                 the official compiler (miniprogram-compiler), closure of import/include/wxs
//   .wxss → scoped CSS          miniprogram-simulate's compiler, class prefix = tag name, 1rpx = 0.5px
//   .js   → module map          CommonJS (tdesign's ESM converted by esbuild), WeChat require resolution
//   runtime.js (IIFE)           j-component, wx mocks + devserver shim, Page/App/Component shims, router
//
// CLI: node preview/build.js [page] [out.html]      (page: "login" or "pages/login/index")
const fs = require('fs');
const path = require('path');
const esbuild = require('esbuild');
const { resolveComponent, resolveModule } = require('./resolve');

const posix = path.posix;
const REPO = path.resolve(__dirname, '..');
const DEFAULT_ROOT = path.join(REPO, 'demo');

// ---------------------------------------------------------------------------------------------
// small cached file helpers (cache keyed by absolute path + mtime, so a long-running server
// rebuilds only what changed)

const fileCache = new Map();
function statMs(abs) {
  try { return fs.statSync(abs).mtimeMs; } catch (e) { return -1; }
}
function cached(kind, abs, compute) {
  const key = kind + '\0' + abs;
  const m = statMs(abs);
  const hit = fileCache.get(key);
  if (hit && hit.m === m) return hit.v;
  const v = compute();
  fileCache.set(key, { m, v });
  return v;
}
function readText(abs) {
  return cached('text', abs, () => (statMs(abs) < 0 ? null : fs.readFileSync(abs, 'utf8')));
}
function readJson(root, rel) {
  const txt = readText(path.join(root, rel));
  if (txt === null) return null;
  try { return JSON.parse(txt); } catch (e) { throw new Error(`${rel}: invalid JSON (${e.message})`); }
}

/**
 * The mini-program root for `dir`: `dir` itself when it has app.json, else the `miniprogramRoot` of
 * its project.config.json (a WeChat DevTools project folder, e.g. this repo → demo/).
 */
function miniprogramRoot(dir) {
  const abs = path.resolve(dir || DEFAULT_ROOT);
  if (fs.existsSync(path.join(abs, 'app.json'))) return abs;
  try {
    const cfg = JSON.parse(fs.readFileSync(path.join(abs, 'project.config.json'), 'utf8'));
    if (cfg.miniprogramRoot) return path.resolve(abs, cfg.miniprogramRoot);
  } catch (e) { /* no project file */ }
  return abs;
}

// ---------------------------------------------------------------------------------------------
// route helpers

/** "pages/login/index" → "login"; other routes keep their full path. */
function pageName(route) {
  const m = /^pages\/([^/]+)\/index$/.exec(route);
  return m ? m[1] : route;
}
/** "login", "/pages/login/index", "pages/login/index.html" → "pages/login/index" if registered. */
function routeFor(appJson, name) {
  const clean = String(name || '').replace(/^\/+/, '').replace(/\.(html|wxml|js)$/, '');
  const pages = appJson.pages || [];
  if (pages.includes(clean)) return clean;
  return pages.find((r) => pageName(r) === clean) || null;
}
function tagForRoute(route) {
  return 'page-' + route.replace(/[^a-zA-Z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase();
}

// ---------------------------------------------------------------------------------------------
// WXSS: @import inlined (relative or root-absolute), scoped with the tag prefix, rpx → phone-relative px, :host → tag

const RPX = /(^|[^\w.-])(-?\d*\.?\d+)rpx\b/g;
/** rpx → a length that follows the phone width (--wxp-rpx is set by runtime.js; 0.5px = 375 px wide). */
function rpxToPx(css) {
  return css.replace(RPX, (m, pre, n) => `${pre}calc(${n} * var(--wxp-rpx, 0.5px))`);
}

function wxssContent(root, rel, seen = new Set()) {
  if (seen.has(rel)) return '';
  seen.add(rel);
  const src = readText(path.join(root, rel));
  if (src === null) return '';
  return src.replace(/@import\s+(?:"([^"]+)"|'([^']+)')\s*;/g, (all, a, b) => {
    const spec = a || b;
    const target = spec.startsWith('/') ? spec.slice(1) : posix.normalize(posix.join(posix.dirname(rel), spec));
    return wxssContent(root, target, seen);
  });
}

let simulateWxss;
function compileWxss(root, rel, prefix) {
  const abs = path.join(root, rel);
  return cached('wxss:' + prefix, abs, () => {
    const raw = wxssContent(root, rel);
    if (!raw.trim()) return '';
    // eslint-disable-next-line global-require
    simulateWxss = simulateWxss || require('miniprogram-simulate/src/wxss');
    let css;
    try {
      css = simulateWxss.compile(raw, { prefix });
    } catch (e) {
      throw new Error(`${rel}: WXSS compile failed: ${e.message}`);
    }
    css = rpxToPx(css);
    // :host (only meaningful for components with a real host element) → the host's tag
    css = css.replace(/:host\(([^)]*)\)/g, `${prefix}$1`).replace(/:host\b/g, prefix);
    // Remote icon fonts are unreachable offline (icons are drawn from an SVG set instead).
    css = css.replace(/@font-face\s*{[^}]*url\(\s*['"]?(?:https?:)?\/\/[^}]*}/g, '');
    return css;
  });
}

/** `page` element selectors → `page[data-route="<route>"]` (the runtime marks each page element). */
function scopePage(css, route) {
  return css.replace(/(^|[{},\s>+~(])page(?![\w-])/g, `$1page[data-route="${route}"]`);
}

// ---------------------------------------------------------------------------------------------
// JS module map: CommonJS, ESM converted; deps resolved the WeChat way

const ESM = /(^|[\s;})])(import\s*[\w{*'"]|export\s*[\w{*])/m;
function jsModule(root, rel) {
  const abs = path.join(root, rel);
  return cached('js', abs, () => {
    let code = readText(abs);
    if (code === null) throw new Error(`missing module ${rel}`);
    if (rel.endsWith('.json')) return { code, deps: {} };
    if (ESM.test(code)) {
      try {
        code = esbuild.transformSync(code, { format: 'cjs', loader: 'js', target: 'es2020', sourcefile: rel, logLevel: 'silent' }).code;
      } catch (e) {
        throw new Error(`${rel}: cannot convert ES module: ${e.message}`);
      }
    }
    const deps = {};
    const missing = [];
    const re = /\brequire\s*\(\s*(['"])([^'"\n]+)\1\s*\)/g;
    let m;
    while ((m = re.exec(code))) {
      const spec = m[2];
      if (spec in deps) continue;
      const target = resolveModule(root, rel, spec);
      if (target) deps[spec] = target;
      else missing.push(spec);
    }
    return { code, deps, missing };
  });
}

// ---------------------------------------------------------------------------------------------
// WXML closure for wcc: a component's .wxml plus its <import>/<include>/<wxs src>, and wxs requires

function wxmlClosure(root, startRel, wxml, wxs) {
  const stack = [startRel];
  while (stack.length) {
    const rel = stack.pop();
    const isWxs = rel.endsWith('.wxs');
    const set = isWxs ? wxs : wxml;
    if (set.has(rel)) continue;
    const src = readText(path.join(root, rel));
    if (src === null) continue;
    set.add(rel);
    const refs = [];
    if (isWxs) {
      const re = /\brequire\s*\(\s*(['"])([^'"]+)\1\s*\)/g;
      let m;
      while ((m = re.exec(src))) refs.push(m[2]);
    } else {
      const re = /<(?:import|include|wxs)\b[^>]*?\bsrc\s*=\s*(?:"([^"]+)"|'([^']+)')/g;
      let m;
      while ((m = re.exec(src))) refs.push(m[1] || m[2]);
    }
    for (const spec of refs) {
      if (spec.includes('{{')) continue;
      let target = spec.startsWith('/') ? spec.slice(1) : posix.normalize(posix.join(posix.dirname(rel), spec));
      if (!/\.(wxml|wxs)$/.test(target)) target += '.wxml';
      stack.push(target);
    }
  }
}

const wccCache = new Map();
function compileWxml(root, wxmlList, wxsList) {
  const key = root + '\0' + wxmlList.join(',') + '\0' + wxsList.join(',');
  const stamp = [...wxmlList, ...wxsList].map((f) => statMs(path.join(root, f))).join(',');
  const hit = wccCache.get(key);
  if (hit && hit.stamp === stamp) return hit.src;
  // eslint-disable-next-line global-require
  const compiler = require('miniprogram-compiler');
  const src = compiler.wxmlToJs(root, { wxmlList, wxsList, maxBuffer: 64 * 1024 * 1024 });
  wccCache.set(key, { stamp, src });
  return src;
}

// ---------------------------------------------------------------------------------------------
// runtime bundle (esbuild IIFE), rebuilt when one of its sources changes

let runtimeCache;
function runtimeBundle() {
  const inputs = [
    path.join(__dirname, 'runtime.js'),
    path.join(REPO, 'devserver/wx-shim/index.js'),
    path.join(REPO, 'devserver/wx-shim/browser-transport.js'),
  ];
  const stamp = inputs.map(statMs).join(',');
  if (runtimeCache && runtimeCache.stamp === stamp) return runtimeCache.code;
  const out = esbuild.buildSync({
    entryPoints: [inputs[0]],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    alias: { path: 'path-browserify' },
    define: { global: 'globalThis', 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
    legalComments: 'none',
  });
  runtimeCache = { stamp, code: out.outputFiles[0].text };
  return runtimeCache.code;
}

// ---------------------------------------------------------------------------------------------
// icons: the t-icon font is a CDN download; draw icons from @iconify-json/tdesign instead. The whole
// set is embedded: tdesign builds icon names in templates ('check-' + icon + '-filled'), so the names
// a page needs can't be known from its sources.

let iconSet;
function allIcons() {
  if (!iconSet) {
    // eslint-disable-next-line global-require
    const json = require('@iconify-json/tdesign/icons.json');
    const icons = {};
    for (const [name, v] of Object.entries(json.icons)) icons[name] = v.body;
    for (const [name, v] of Object.entries(json.aliases || {})) if (icons[v.parent]) icons[name] = icons[v.parent];
    iconSet = { size: json.width || 24, icons };
  }
  return iconSet;
}

// ---------------------------------------------------------------------------------------------
// the build

/**
 * @param {object} opts
 * @param {string} [opts.root]          mini-program root, or a project folder whose project.config.json
 *                                      names it (default: demo/)
 * @param {string} [opts.page]          entry page: "login" or "pages/login/index" (default: first page)
 * @param {string[]|'all'} [opts.pages] pages bundled for in-page navigation (default: 'all')
 * @param {object} [opts.query]         the entry page's onLoad query
 * @param {string} [opts.devserverUrl]  where wx.request etc. go; '' = the page's own origin
 * @param {object} [opts.patch]         export overrides per module, e.g. {'config.js': {appId: 'x'}}
 * @param {string|null} [opts.mapHostFrom] module whose exported `host` is mapped to the devserver
 *                                      (default 'config.js' when the app has one)
 * @param {string} [opts.assetBase]     URL prefix for root-relative images (default '/preview/_files/')
 * @param {string} [opts.routeBase]     URL prefix of routes outside the bundle (default '/preview/')
 * @param {boolean} [opts.history]      keep the address bar in step with the router (live preview)
 * @param {object} [opts.props]         properties for the entry page's root component
 * @param {string} [opts.after]         JS run in the page after mount: async ({comp, wx, tap, sleep, $})
 * @returns {{ html: string, files: string[], route: string, stats: object }}
 */
function buildPreview(opts = {}) {
  const t0 = Date.now();
  const root = miniprogramRoot(opts.root);
  const appJson = readJson(root, 'app.json');
  if (!appJson) throw new Error(`${root}/app.json not found`);
  if (!fs.existsSync(path.join(root, 'miniprogram_npm'))) {
    throw new Error(`${root}/miniprogram_npm is missing: run \`npx gulp demo\` first (it lays out the npm packages like 构建 npm)`);
  }
  const allPages = appJson.pages || [];
  const entry = opts.page ? routeFor(appJson, opts.page) : allPages[0];
  if (!entry) throw new Error(`page "${opts.page}" is not registered in app.json (pages: ${allPages.join(', ')})`);
  const pages = opts.pages === undefined || opts.pages === 'all'
    ? [entry, ...allPages.filter((p) => p !== entry)]
    : [entry, ...opts.pages.map((p) => routeFor(appJson, p)).filter((p) => p && p !== entry)];

  const files = new Set([path.join(root, 'app.json')]);
  const warnings = [];

  // global usingComponents resolve against app.json's folder (the root)
  const appUsing = {};
  for (const [tag, spec] of Object.entries(appJson.usingComponents || {})) {
    const base = resolveComponent(root, 'app.json', spec);
    if (base) appUsing[tag] = base;
    else warnings.push(`app.json: usingComponents "${tag}": "${spec}" does not resolve`);
  }

  // component graph, children first; one registration per component file (first tag wins)
  const comps = new Map();
  const order = [];
  let nextId = 0;
  function visit(base, tagName, isPage) {
    if (comps.has(base)) return comps.get(base);
    const json = readJson(root, base + '.json') || {};
    files.add(path.join(root, base + '.json'));
    const comp = { id: `wxp${nextId++}-${tagName}`.replace(/[^a-zA-Z0-9-]/g, '-'), base, tagName, isPage, json, using: {} };
    comps.set(base, comp);
    const using = { ...appUsing };
    for (const [tag, spec] of Object.entries(json.usingComponents || {})) {
      const target = resolveComponent(root, base + '.json', spec);
      if (target) using[tag] = target;
      else warnings.push(`${base}.json: usingComponents "${tag}": "${spec}" does not resolve`);
    }
    for (const [tag, target] of Object.entries(using)) {
      if (target === base) continue;
      comp.using[tag] = visit(target, tag, false).id;
    }
    order.push(comp);
    return comp;
  }
  const pageComps = pages.map((route) => {
    if (!fs.existsSync(path.join(root, route + '.js'))) throw new Error(`page ${route}: ${route}.js not found`);
    return visit(route, tagForRoute(route), true);
  });

  // WXSS
  const css = [];
  for (const comp of order) {
    if (comp.isPage) continue;
    files.add(path.join(root, comp.base + '.wxss'));
    const c = compileWxss(root, comp.base + '.wxss', comp.tagName);
    if (c) css.push(`/* ${comp.base} <${comp.tagName}> */\n${c}`);
  }
  for (const comp of pageComps) {
    files.add(path.join(root, 'app.wxss'));
    files.add(path.join(root, comp.base + '.wxss'));
    const a = compileWxss(root, 'app.wxss', comp.tagName);
    const p = compileWxss(root, comp.base + '.wxss', comp.tagName);
    // Each WeChat page has its own webview: `page {}` rules of one page must not reach another.
    css.push(scopePage(`/* app.wxss <${comp.tagName}> */\n${a}\n/* ${comp.base} */\n${p}`, comp.base));
  }

  // WXML
  const wxml = new Set();
  const wxs = new Set();
  for (const comp of order) wxmlClosure(root, comp.base + '.wxml', wxml, wxs);
  const wxmlList = [...wxml].sort();
  const wxsList = [...wxs].sort();
  for (const f of [...wxmlList, ...wxsList]) files.add(path.join(root, f));
  for (const comp of order) {
    if (!wxml.has(comp.base + '.wxml')) throw new Error(`${comp.base}.wxml not found`);
  }
  const wcc = compileWxml(root, wxmlList, wxsList);

  // JS
  const modules = {};
  const jsQueue = [];
  if (fs.existsSync(path.join(root, 'app.js'))) jsQueue.push('app.js');
  for (const comp of order) jsQueue.push(comp.base + '.js');
  while (jsQueue.length) {
    const rel = jsQueue.shift();
    if (modules[rel]) continue;
    files.add(path.join(root, rel));
    const mod = jsModule(root, rel);
    modules[rel] = { code: mod.code, deps: mod.deps };
    for (const spec of mod.missing || []) warnings.push(`${rel}: require('${spec}') does not resolve`);
    for (const target of Object.values(mod.deps)) if (!modules[target]) jsQueue.push(target);
  }

  // per-page window config (navigation bar), "@var" values resolved from theme.json per theme
  const win = appJson.window || {};
  const themeJson = (appJson.themeLocation && readJson(root, appJson.themeLocation)) || {};
  if (appJson.themeLocation) files.add(path.join(root, appJson.themeLocation));
  const themed = (v, theme) => (typeof v === 'string' && v.startsWith('@') ? ((themeJson[theme] || {})[v.slice(1)] || themeJson.light?.[v.slice(1)]) : v);
  const pageConfigs = {};
  for (const comp of pageComps) {
    const j = comp.json;
    const pick = (key, dflt) => (j[key] !== undefined ? j[key] : (win[key] !== undefined ? win[key] : dflt));
    const cfg = { title: pick('navigationBarTitleText', ''), custom: pick('navigationStyle', 'default') === 'custom' };
    for (const theme of ['light', 'dark']) {
      cfg[theme] = {
        navBg: themed(pick('navigationBarBackgroundColor', '#000000'), theme) || '#000000',
        navText: themed(pick('navigationBarTextStyle', 'white'), theme) || 'white',
        bg: themed(pick('backgroundColor', '#ffffff'), theme) || '#ffffff',
      };
    }
    pageConfigs[comp.base] = cfg;
  }

  const icons = allIcons();

  const devserverUrl = opts.devserverUrl === undefined ? '' : String(opts.devserverUrl).replace(/\/+$/, '');
  const patch = opts.patch || {};
  // The demo's config.js names the devserver host it was written for (http://127.0.0.1:3000); the
  // preview's devserver may live elsewhere (another port). Requests to that host are sent to the
  // preview's devserver instead, like a hosts-file entry, so the app code and config stay untouched.
  const mapHostFrom = opts.mapHostFrom === undefined ? (modules['config.js'] ? 'config.js' : null) : opts.mapHostFrom;

  const payload = {
    version: 1,
    entry,
    entryQuery: opts.query || {},
    entryProps: opts.props || null,
    pages: pageComps.map((c) => c.base),
    allPages,
    tabBar: appJson.tabBar || null,
    darkmode: !!appJson.darkmode,
    pageConfigs,
    components: order.map((c) => ({ id: c.id, base: c.base, tagName: c.tagName, isPage: c.isPage, using: c.using })),
    modules,
    patch,
    mapHostFrom,
    devserverUrl,
    assetBase: opts.assetBase || '/preview/_files/',
    routeBase: opts.routeBase || '/preview/',
    history: !!opts.history,
    after: opts.after || null,
    icons,
  };

  const baseCss = readText(path.join(__dirname, 'base.css'));
  files.add(path.join(__dirname, 'base.css'));
  const scriptSafe = (s) => s.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
  const json = JSON.stringify(payload).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  const title = `${(pageConfigs[entry] && pageConfigs[entry].title) || pageName(entry)} · preview`;
  const html = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${title.replace(/[<&]/g, (c) => (c === '<' ? '&lt;' : '&amp;'))}</title>
<style id="wxp-base">${baseCss}</style>
<style id="wxp-wxss">${css.join('\n').replace(/<\/(style)/gi, '<\\/$1')}</style>
</head>
<body>
<div id="wxp-app"></div>
<script>window.__PREVIEW__ = ${json};</script>
<script>window.__PREVIEW__.wcc = function () {
${scriptSafe(wcc)}
};</script>
<script>${scriptSafe(runtimeBundle())}</script>
</body>
</html>
`;
  return {
    html,
    route: entry,
    files: [...files, path.join(__dirname, 'runtime.js'), path.join(REPO, 'devserver/wx-shim/index.js'),
      path.join(REPO, 'devserver/wx-shim/browser-transport.js')],
    warnings,
    stats: {
      ms: Date.now() - t0, bytes: Buffer.byteLength(html), components: order.length,
      modules: Object.keys(modules).length, wxml: wxmlList.length, icons: Object.keys(icons.icons).length,
    },
  };
}

/** Latest mtime over a build's input files (for the live handler's cache). */
function filesStamp(files) {
  let max = 0;
  for (const f of files) max = Math.max(max, statMs(f));
  return max;
}

/**
 * Makes sure root/miniprogram_npm exists and is not older than miniprogram_dist (what `gulp demo`
 * does after `gulp build`). Serialised through a lock folder so parallel jest workers don't race.
 */
function ensureDemoNpm(root = DEFAULT_ROOT) {
  const dist = path.join(REPO, 'miniprogram_dist');
  const kit = path.join(root, 'miniprogram_npm', 'authing-miniapp-kit');
  if (!fs.existsSync(path.join(dist, 'index.js'))) {
    throw new Error('miniprogram_dist/ is missing: run `npx gulp build` (or `npx gulp demo`) first');
  }
  const newest = (dir) => {
    let max = 0;
    for (const f of fs.readdirSync(dir, { recursive: true })) max = Math.max(max, statMs(path.join(dir, String(f))));
    return max;
  };
  const stale = () => !fs.existsSync(path.join(kit, 'index.js')) || newest(dist) > statMs(path.join(kit, 'index.js')) + 1;
  if (!stale()) return false;
  const lock = path.join(root, '.miniprogram_npm.lock');
  const started = Date.now();
  for (;;) {
    try { fs.mkdirSync(lock); break; } catch (e) {
      if (Date.now() - started > 60000) { fs.rmSync(lock, { recursive: true, force: true }); continue; }
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
    }
  }
  try {
    if (!stale()) return false;
    // eslint-disable-next-line global-require
    const { layoutMiniprogramNpm } = require('../scripts/miniprogram-npm');
    // Lay out beside the live folder, then swap by rename: readers never see a half-copied tree.
    const target = path.join(root, 'miniprogram_npm');
    const fresh = path.join(root, `.miniprogram_npm.new-${process.pid}`);
    const old = path.join(root, `.miniprogram_npm.old-${process.pid}`);
    layoutMiniprogramNpm({ root: REPO, target: path.relative(REPO, fresh) });
    if (fs.existsSync(target)) fs.renameSync(target, old);
    fs.renameSync(fresh, target);
    fs.rmSync(old, { recursive: true, force: true });
    return true;
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

module.exports = { buildPreview, ensureDemoNpm, filesStamp, miniprogramRoot, pageName, routeFor, rpxToPx, DEFAULT_ROOT };

if (require.main === module) {
  const [page, out] = process.argv.slice(2);
  const r = buildPreview({ page, devserverUrl: process.env.DEVSERVER_URL || 'http://127.0.0.1:3000' });
  for (const w of r.warnings) console.warn('warning:', w);
  const file = out || path.join(REPO, 'preview/out', pageName(r.route) + '.html');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, r.html);
  console.log(`${file}: ${(r.stats.bytes / 1024).toFixed(0)} KiB, ${r.stats.components} components, ${r.stats.modules} modules, ${r.stats.icons} icons, ${r.stats.ms} ms`);
}
