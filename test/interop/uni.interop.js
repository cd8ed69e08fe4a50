// The uni-app 3 app built from the README's snippets: its app.js and common/vendor.js (vite) registers the client,
// and the login component under wxcomponents/ (its own copy of the kit, laid out by
// `npx authing-miniapp-kit wxcomponents`), in miniprogram-simulate, logs in with it.
const fs = require('fs');
const path = require('path');
const { UNI_DIST } = require('./paths');
const { loadBuiltComponent, pointReadmeHostAtDevServer, loginThroughComponent } = require('./load-built');
const { resolveComponent } = require('./wechat-refs');
const { shared } = require('../helpers/server');

const registry = () => globalThis[Symbol.for('authing-miniapp-kit.registry')];
let appDefinition;

beforeAll(() => {
  pointReadmeHostAtDevServer(shared.url);
  wx.clearStorageSync();
  global.App = (def) => { appDefinition = def; };
  global.Page = global.Page || (() => {}); // uni-app's runtime looks for it when it loads
  require(path.join(UNI_DIST, 'app.js'));
});

test('the built app.js registers the README client (uni platform, README options)', () => {
  expect(appDefinition).toBeDefined();
  const client = registry().defaultClient;
  expect(client.options.platform.name).toBe('uni');
  expect(client.options).toMatchObject({ appId: 'demo-app-id', userPoolId: 'demo-userpool-id', host: 'http://127.0.0.1:3000' });
});

test('the README page binds the component\'s login event in the built template', () => {
  const wxml = fs.readFileSync(path.join(UNI_DIST, 'pages/index/index.wxml'), 'utf8');
  expect(wxml).toMatch(/<authing-login\b[^>]*\bbindlogin=/);
});

test('the built login component logs in with the app\'s client', async () => {
  const pageJson = path.join(UNI_DIST, 'pages/index/index.json');
  const base = resolveComponent(UNI_DIST, pageJson, JSON.parse(fs.readFileSync(pageJson, 'utf8')).usingComponents['authing-login']);
  const id = loadBuiltComponent(UNI_DIST, path.join(UNI_DIST, 'wxcomponents'), base, 'authing-login');
  const { events, host } = await loginThroughComponent(id);
  expect(events.map((e) => (e.name === 'error' ? e.detail.error.message : e.name))).toEqual(['login']);
  expect(events[0].detail.userInfo.username).toBe('demo');
  const [, state] = await registry().defaultClient.getLoginState();
  expect(state.access_token).toEqual(expect.any(String));
  host.detach();
});

test('the app bundle and the components run two copies of the kit that share one client', () => {
  const vendor = fs.readFileSync(path.join(UNI_DIST, 'common/vendor.js'), 'utf8');
  expect(vendor).toContain('authing-miniapp-kit.registry');
  // The components' copy: the kit's core bundle under wxcomponents/, which the login component requires.
  const componentsCore = fs.readFileSync(path.join(UNI_DIST, 'wxcomponents/authing-miniapp-kit/index.js'), 'utf8');
  expect(componentsCore).toContain('authing-miniapp-kit.registry');
  expect(fs.readFileSync(path.join(UNI_DIST, 'wxcomponents/authing-miniapp-kit/components/login/index.js'), 'utf8')).toMatch(/require\(["']\.\.\/\.\.\/index["']\)/);
});
