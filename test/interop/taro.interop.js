// The Taro 4 app built from the README's snippets: its app.js (webpack bundle) registers the client,
// and the login component from the build output, in miniprogram-simulate, logs in with it.
const fs = require('fs');
const path = require('path');
const { TARO_DIST } = require('./paths');
const { loadBuiltComponent, pointReadmeHostAtDevServer, loginThroughComponent } = require('./load-built');
const { resolveComponent } = require('./wechat-refs');
const { shared } = require('../helpers/server');

const registry = () => globalThis[Symbol.for('authing-miniapp-kit.registry')];
let appDefinition;

beforeAll(() => {
  pointReadmeHostAtDevServer(shared.url);
  wx.clearStorageSync();
  global.App = (def) => { appDefinition = def; };
  require(path.join(TARO_DIST, 'app.js'));
});

test('the built app.js registers the README client (Taro platform, README options)', () => {
  expect(appDefinition).toBeDefined();
  const client = registry().defaultClient;
  expect(client.options.platform.name).toBe('taro');
  expect(client.options).toMatchObject({ appId: 'demo-app-id', userPoolId: 'demo-userpool-id', host: 'http://127.0.0.1:3000' });
});

test('the README page binds the component\'s login event in the built template', () => {
  const wxml = fs.readFileSync(path.join(TARO_DIST, 'base.wxml'), 'utf8');
  expect(wxml).toMatch(/<authing-login\b[^>]*\bbindlogin=/);
});

test('the built login component logs in with the app\'s client', async () => {
  const pageJson = path.join(TARO_DIST, 'pages/index/index.json');
  const base = resolveComponent(TARO_DIST, pageJson, JSON.parse(fs.readFileSync(pageJson, 'utf8')).usingComponents['authing-login']);
  const id = loadBuiltComponent(TARO_DIST, path.join(TARO_DIST, 'npm'), base, 'authing-login');
  const { events, host } = await loginThroughComponent(id);
  expect(events.map((e) => (e.name === 'error' ? e.detail.error.message : e.name))).toEqual(['login']);
  expect(events[0].detail.userInfo.username).toBe('demo');
  const [, state] = await registry().defaultClient.getLoginState();
  expect(state.access_token).toEqual(expect.any(String));
  host.detach();
});
