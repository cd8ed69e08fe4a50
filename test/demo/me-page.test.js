// The demo's "me" page (demo/pages/me/index.js) against a real devserver: the signed-in state it reads, and
// how it follows <authing-account>'s events (logout, deletion, a changed profile).
require('miniprogram-simulate'); // the rest of WeChat's `wx` that tdesign's toast module reads on load
const { startDevServer } = require('../helpers/server');
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

// Logout and deletion moved into <authing-account> (test/components/account.test.js covers a failed logout
// keeping the login and the component's own messages); the page follows the component's events.
test('the component\'s `logout` signs the page out with "已退出登录", `account-delete` with "账号已注销"', async () => {
  for (const [type, message] of [['logout', '已退出登录'], ['account-delete', '账号已注销']]) {
    const { page } = await loggedIn();
    page.onSignedOut({ type, detail: {} });
    expect(page.data).toMatchObject({ loggedIn: false, user: {}, state: {}, message });
  }
});

test('`account-change` puts the new profile in the header; a not-logged-in error signs the page out', async () => {
  const { page } = await loggedIn();
  page.onAccountChange({ type: 'account-change', detail: { action: 'update-phone', userInfo: { userId: 'u1', nickname: 'Neo' } } });
  expect(page.data.user).toEqual({ userId: 'u1', nickname: 'Neo' });
  page.onAccountChange({ type: 'account-change', detail: { action: 'update-password' } }); // no profile: kept
  expect(page.data.user).toEqual({ userId: 'u1', nickname: 'Neo' });
  page.onAccountError({ type: 'error', detail: { action: 'update-phone', code: 'server', message: 'x', error: { message: 'x' } } });
  expect(page.data.loggedIn).toBe(true);
  page.onAccountError({ type: 'error', detail: { action: 'load', code: 'not_logged_in', message: 'x', error: { message: 'x' } } });
  expect(page.data.loggedIn).toBe(false);
});

test('coming back to the page reloads the account component (not on the first show: it loads itself)', async () => {
  const { page } = await loggedIn();
  let reloads = 0;
  page.selectComponent = (sel) => (sel === '#account' ? { reload: () => { reloads += 1; } } : null);
  page.onShow();
  expect(reloads).toBe(0);
  page.onShow();
  expect(reloads).toBe(1);
});
