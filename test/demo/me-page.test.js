// The demo's "me" page (demo/pages/me/index.js) against a real devserver: logout() that returns an
// error (the client keeps the login state) must not tell the user "已退出登录"; a working logout does.
require('miniprogram-simulate'); // the rest of WeChat's `wx` that tdesign's toast module reads on load
const { startDevServer, dev } = require('../helpers/server');
const kit = require('../../miniprogram_dist/index');

jest.mock('authing-miniapp-kit', () => require('../../miniprogram_dist/index'), { virtual: true });

let srv;
let definition;
beforeAll(async () => {
  srv = await startDevServer();
  wx.__control.baseUrl = srv.url;
  global.Page = (def) => { definition = def; };
  require('../../demo/pages/me/index');
});
afterAll(async () => {
  delete global.Page;
  await srv.close();
});

/** A page instance as WeChat makes it: its data, setData, and the t-toast it selects. */
function openPage() {
  const toasts = [];
  const page = Object.assign(Object.create(definition), {
    data: JSON.parse(JSON.stringify(definition.data)),
    setData(patch) { Object.assign(this.data, patch); },
    selectComponent: () => ({ show: (opts) => toasts.push(opts) }),
  });
  return { page, toasts };
}

async function loggedIn() {
  wx.clearStorageSync();
  const client = new kit.Authing({ appId: srv.config.appId, userPoolId: srv.config.userPoolId, host: srv.url });
  kit.setDefaultClient(client);
  const [err] = await client.loginByPassword({ passwordPayload: { account: 'demo', password: 'Demo@123456' } });
  expect(err).toBeNull();
  const { page, toasts } = openPage();
  await page.load();
  expect(page.data.loggedIn).toBe(true);
  return { client, page, toasts };
}

test('a failed logout keeps the page signed in and shows the error, not "已退出登录"', async () => {
  const { client, page, toasts } = await loggedIn();
  await dev(srv.url).post('/__dev/faults', { path: '/oidc/token/revocation', kind: 'html500', count: 1 });
  await page.onLogout();
  expect(page.data.message).not.toBe('已退出登录');
  expect(page.data.loggedIn).toBe(true);
  expect(page.data.busy).toBe('');
  expect(toasts).toEqual([expect.objectContaining({ theme: 'error', message: expect.any(String) })]);
  const [stateErr] = await client.getLoginState();
  expect(stateErr).toBeNull(); // the client kept the state, as the page says
});

test('a working logout signs the page out with "已退出登录"', async () => {
  const { client, page } = await loggedIn();
  await page.onLogout();
  expect(page.data.message).toBe('已退出登录');
  expect(page.data.loggedIn).toBe(false);
  const [stateErr] = await client.getLoginState();
  expect(stateErr).not.toBeNull();
});
