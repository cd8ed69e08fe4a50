/**
 * @jest-environment node
 */
// The demo opens in WeChat DevTools as a user would get it: project.config.json points at demo/,
// app.json is valid, every registered page has its four files, and every usingComponents path and
// require() resolves inside demo/ + demo/miniprogram_npm the way WeChat resolves them (after
// `gulp demo`, whose npm layout ensureDemoNpm() reproduces from miniprogram_dist).
const fs = require('fs');
const path = require('path');
const vm = require('vm');
const { resolveComponent, resolveModule } = require('../../preview/resolve');
const { ensureDemoNpm } = require('../../preview/build');

const ROOT = path.resolve(__dirname, '../..');
const DEMO = path.join(ROOT, 'demo');
const readJson = (rel) => JSON.parse(fs.readFileSync(path.join(DEMO, rel), 'utf8'));
const exists = (rel) => fs.existsSync(path.join(DEMO, rel));
const KIT_COMPONENTS = ['login', 'phone-button', 'avatar-uploader', 'profile-form', 'bind-phone', 'register'];

let app;
beforeAll(() => {
  ensureDemoNpm(DEMO);
  app = readJson('app.json');
});

test('project.config.json at the root opens demo/ with domain checks off', () => {
  const cfg = JSON.parse(fs.readFileSync(path.join(ROOT, 'project.config.json'), 'utf8'));
  expect(cfg.miniprogramRoot).toBe('demo/');
  expect(cfg.compileType).toBe('miniprogram');
  expect(cfg.appid).toBe('touristappid');
  expect(cfg.setting.urlCheck).toBe(false);
});

test('app.json is valid and every page it registers has .js .json .wxml .wxss', () => {
  expect(Array.isArray(app.pages)).toBe(true);
  expect(app.pages).toEqual(expect.arrayContaining([
    'pages/login/index', 'pages/login-en/index', 'pages/phone/index', 'pages/avatar/index', 'pages/profile/index', 'pages/me/index', 'pages/register/index',
  ]));
  expect(new Set(app.pages).size).toBe(app.pages.length);
  const missing = [];
  for (const page of app.pages) {
    for (const ext of ['.js', '.json', '.wxml', '.wxss']) if (!exists(page + ext)) missing.push(page + ext);
    expect(() => readJson(page + '.json')).not.toThrow();
  }
  expect(missing).toEqual([]);
  for (const key of ['themeLocation', 'sitemapLocation']) if (app[key]) expect(exists(app[key])).toBe(true);
  if (app.themeLocation) {
    // every "@var" in the window config is defined for both themes
    const theme = readJson(app.themeLocation);
    for (const v of Object.values(app.window || {})) {
      if (typeof v === 'string' && v.startsWith('@')) {
        expect(theme.light).toHaveProperty(v.slice(1));
        expect(theme.dark).toHaveProperty(v.slice(1));
      }
    }
  }
});

test('pages use the kit exactly as an npm user writes it', () => {
  const used = {};
  for (const page of app.pages) Object.assign(used, readJson(page + '.json').usingComponents || {});
  for (const name of KIT_COMPONENTS) {
    expect(used[`authing-${name}`]).toBe(`authing-miniapp-kit/components/${name}/index`);
  }
  for (const [tag, spec] of Object.entries({ ...app.usingComponents, ...used })) {
    if (tag.startsWith('t-')) expect(spec).toMatch(/^tdesign-miniprogram\/([\w-]+)\/\1$/);
  }
});

test('every usingComponents path resolves inside demo/ + miniprogram_npm, transitively', () => {
  const problems = [];
  const seen = new Set();
  const appUsing = {};
  for (const [tag, spec] of Object.entries(app.usingComponents || {})) {
    const base = resolveComponent(DEMO, 'app.json', spec);
    if (!base) problems.push(`app.json: ${tag} → ${spec}`);
    else appUsing[tag] = base;
  }
  const visit = (base, isPage) => {
    if (seen.has(base)) return;
    seen.add(base);
    const json = readJson(base + '.json');
    if (!isPage && json.component !== true) problems.push(`${base}.json: "component": true missing`);
    for (const ext of ['.js', '.wxml']) if (!exists(base + ext)) problems.push(`${base}${ext} missing`);
    for (const [tag, spec] of Object.entries(json.usingComponents || {})) {
      const target = resolveComponent(DEMO, base + '.json', spec);
      if (!target) problems.push(`${base}.json: ${tag} → ${spec} does not resolve`);
      else visit(target, false);
    }
  };
  for (const page of app.pages) visit(page, true);
  for (const base of Object.values(appUsing)) visit(base, false);
  expect(problems).toEqual([]);
  for (const name of KIT_COMPONENTS) expect(seen.has(`miniprogram_npm/authing-miniapp-kit/components/${name}/index`)).toBe(true);
  // The privacy popup no page names: each kit component embeds it (relative usingComponents).
  expect(seen.has('miniprogram_npm/authing-miniapp-kit/components/privacy-popup/index')).toBe(true);
  // nothing resolved outside the mini-program root
  for (const base of seen) expect(base.startsWith('..')).toBe(false);
});

test('every require() reachable from app.js and the pages resolves (WeChat lookup, miniprogram_npm)', () => {
  const problems = [];
  const seen = new Set();
  const queue = ['app.js', ...app.pages.map((p) => p + '.js')];
  while (queue.length) {
    const rel = queue.shift();
    if (seen.has(rel) || rel.endsWith('.json')) continue;
    seen.add(rel);
    const src = fs.readFileSync(path.join(DEMO, rel), 'utf8');
    const re = /\brequire\s*\(\s*(['"])([^'"\n]+)\1\s*\)/g;
    let m;
    while ((m = re.exec(src))) {
      const target = resolveModule(DEMO, rel, m[2]);
      if (!target) problems.push(`${rel}: require('${m[2]}')`);
      else if (!target.startsWith('miniprogram_npm/')) queue.push(target);
    }
  }
  expect(problems).toEqual([]);
  expect(resolveModule(DEMO, 'app.js', 'authing-miniapp-kit')).toBe('miniprogram_npm/authing-miniapp-kit/index.js');
  expect(resolveModule(DEMO, 'pages/me/index.js', 'tdesign-miniprogram/toast/index')).toBe('miniprogram_npm/tdesign-miniprogram/toast/index.js');
});

test('demo JS is plain CommonJS (WeChat compiles it; no ES modules, no TS build step)', () => {
  const files = ['app.js', 'config.js', ...app.pages.map((p) => p + '.js')];
  for (const rel of files) {
    const src = fs.readFileSync(path.join(DEMO, rel), 'utf8');
    expect(() => new vm.Script(src, { filename: rel })).not.toThrow();
    expect(src).not.toMatch(/^\s*(import|export)\s/m);
  }
  expect(exists('app.ts')).toBe(false);
});

test('config.js is the one configuration file and app.js shares one client', () => {
  const config = require(path.join(DEMO, 'config.js')); // eslint-disable-line global-require, import/no-dynamic-require
  expect(config).toEqual({
    appId: expect.any(String), userPoolId: expect.any(String), host: 'http://127.0.0.1:3000', extIdpConnidentifier: 'wechat-miniprogram',
  });
  const appJs = fs.readFileSync(path.join(DEMO, 'app.js'), 'utf8');
  expect(appJs).toMatch(/require\('authing-miniapp-kit'\)/);
  expect(appJs).toMatch(/setDefaultClient\(new Authing\(config\)\)/);
});
