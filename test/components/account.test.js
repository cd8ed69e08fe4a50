// <authing-account> in miniprogram-simulate with real tdesign children (t-cell, t-popup, t-input,
// t-radio-group, t-button), against one devserver over HTTP; each test signs up its own user. What the
// user sees (cells, popups, input tips) and what the server did (login with old / new password, the
// profile, the request log) are both checked.
const { simulate, loadKitComponent, mount, bindings, recordRenders, userActions, clearCountdowns, checkEventVocabulary } = require('../helpers/mp');
const { startDevServer, dev } = require('../helpers/server');
const { untilEvent, until } = require('../helpers/until');
const U = require('../helpers/account-users');

checkEventVocabulary();

const EVENTS = ['account-change', 'account-delete', 'logout', 'error'];
let srv;
let tag;
beforeAll(async () => {
  srv = await startDevServer({ sendCooldown: 1 });
  wx.__control.baseUrl = srv.url;
  tag = loadKitComponent('account');
});
afterAll(() => srv.close());
beforeEach(() => { wx.clearStorageSync(); clearCountdowns(); });

/** Mounts the component (after the test's user logged in) and waits for the account to show. */
async function render(attrs = '') {
  const template = `<authing-account id="acc" app-id="${srv.config.appId}" user-pool-id="${srv.config.userPoolId}" host="${srv.url}" ${attrs} ${bindings(EVENTS)} />`;
  const { host, events } = mount({ 'authing-account': tag }, template, { events: EVENTS });
  const acc = host.querySelector('#acc');
  await until(() => !acc.data.loading, 'loaded');
  const ui = userActions(host, acc, events);
  return {
    acc, events, ui, renders: recordRenders(acc),
    /** The popup's text only. */
    popupText: () => (acc.querySelector('#authing-dialog') ? acc.querySelector('#authing-dialog').dom.textContent : ''),
    async open(cell) {
      acc.querySelector(`#authing-${cell}`).querySelector('.t-cell').dispatchEvent('tap');
      await simulate.sleep(0);
    },
    tip: (field) => acc.querySelector(`#authing-field-${field}`).data.tips,
    /** The label of a code input's send button. */
    sendText: (field) => acc.data.fieldViews.find((f) => f.name === field).sendText,
    /** Taps a send button and waits for its countdown (the server accepted the send). */
    async send(field) {
      acc.querySelector(`#authing-send-${field}`).querySelector('.t-button').dispatchEvent('tap');
      await until(() => /\d/.test(acc.data.fieldViews.find((f) => f.name === field).sendText), `${field} sent`);
    },
    /** Taps `id` and waits for the next `name` event (earlier ones are dropped first). */
    async tapFor(id, name) {
      events.length = 0;
      await ui.tap(id);
      return untilEvent(events, name);
    },
  };
}

const api = (from, path) => srv.requests.slice(from).filter((r) => r.path.startsWith(path)).length;

test('shows the account (masked phone, password set or not) in zh-CN and en-US; nobody logged in: a calm message', async () => {
  const { phone } = await U.phoneUser(srv);
  const zh = await render();
  const masked = `${phone.slice(0, 3)}****${phone.slice(-4)}`;
  expect(zh.acc.data.phone).toBe(masked);
  expect(zh.ui.text()).toContain('账号');
  expect(zh.ui.text()).toContain(masked);
  expect(zh.ui.text()).not.toContain(phone);
  expect(zh.acc.data.passwordNote).toBe('未设置');
  const en = await render('lang="en-US"');
  expect(en.ui.text()).toContain('Delete account');
  expect(en.ui.text()).toContain('Not set');

  wx.clearStorageSync();
  const out = await render();
  expect(out.acc.data.signedOut).toBe(true);
  expect(out.ui.text()).toContain('尚未登录');
  expect(out.acc.querySelector('#authing-logout')).toBeFalsy();
  expect(out.events).toEqual([{ name: 'error', detail: expect.objectContaining({ action: 'load', code: 'not_logged_in' }) }]);
});

test('change password: the policy first; bad input on its inputs with zero requests; a wrong old password in place; then the old one is refused at login', async () => {
  const { username, password } = await U.passwordUser(srv);
  const c = await render();
  expect(c.acc.data.passwordNote).toBe('已设置');
  await c.open('password');
  expect(c.popupText()).toContain('修改密码');
  expect(c.popupText()).toContain('新密码长度为 6-64 位');
  const before = srv.requests.length;
  c.renders.length = 0;
  await c.ui.type('authing-field-newPassword', '123');
  await c.ui.type('authing-field-confirmPassword', '124');
  expect(c.renders).toEqual([]); // typing renders nothing
  await c.ui.tap('authing-submit');
  expect(c.renders.length).toBe(1);
  expect(c.tip('password')).toBe('请输入当前密码');
  expect(c.tip('newPassword')).toBe('密码长度应为 6-64 位');
  expect(c.tip('confirmPassword')).toBe('两次输入的新密码不一致');
  expect(srv.requests.length).toBe(before);
  expect(c.events.pop().detail).toMatchObject({ action: 'update-password', code: 'invalid_argument' });

  await c.ui.type('authing-field-password', 'Wrong@123456');
  await c.ui.type('authing-field-newPassword', 'Next@123456');
  await c.ui.type('authing-field-confirmPassword', 'Next@123456');
  expect((await c.tapFor('authing-submit', 'error')).detail).toMatchObject({ action: 'update-password', error: { apiCode: 2006 } });
  expect(c.tip('password')).toBe('密码错误');
  expect(c.tip('newPassword')).toBe('');
  expect(c.ui.value('authing-field-newPassword')).toBe('Next@123456'); // kept
  expect(c.acc.data.dialog).toBe('password');

  await c.ui.type('authing-field-password', password);
  const change = await c.tapFor('authing-submit', 'account-change');
  expect(change.detail).toMatchObject({ action: 'update-password', userInfo: { username } });
  expect(c.acc.data.dialog).toBe('');
  expect(c.ui.text()).toContain('密码已修改');
  expect(await U.canLogIn(srv, username, password)).toBe(false);
  expect(await U.canLogIn(srv, username, 'Next@123456')).toBe(true);
});

test('change the phone: codes to the current and the new number (countdown on the button); a wrong code on its input', async () => {
  const { phone } = await U.phoneUser(srv);
  const c = await render();
  await c.open('phone');
  expect(c.popupText()).toContain('更换手机号');
  expect(c.popupText()).toContain(`原手机号 ${phone.slice(0, 3)}****${phone.slice(-4)} 的验证码`);
  await U.pastCooldown(srv);
  await c.send('oldCode');
  expect(c.sendText('oldCode')).toMatch(/^\d+ 秒后重发$/);
  expect(c.popupText()).toMatch(/\d+ 秒后重发/);
  const oldCode = await U.smsCode(srv, phone, 'CHANNEL_UNBIND_PHONE');
  const next = U.newPhone();
  await c.ui.type('authing-field-phone', next);
  await c.send('code');
  const newCode = await U.smsCode(srv, next, 'CHANNEL_BIND_PHONE');
  await c.ui.type('authing-field-oldCode', oldCode);
  await c.ui.type('authing-field-code', newCode === '000000' ? '111111' : '000000');
  await c.tapFor('authing-submit', 'error');
  expect(c.tip('code')).toBe('验证码错误或已失效');
  expect(c.tip('oldCode')).toBe('');
  await c.ui.type('authing-field-code', newCode);
  const change = await c.tapFor('authing-submit', 'account-change');
  expect(change.detail).toMatchObject({ action: 'update-phone', userInfo: { phone: next } });
  expect(c.acc.data.phone).toBe(`${next.slice(0, 3)}****${next.slice(-4)}`);
});

test('bind an email, then change it', async () => {
  await U.passwordUser(srv);
  const c = await render();
  expect(c.acc.data.email).toBe('');
  await c.open('email');
  expect(c.popupText()).toContain('绑定邮箱');
  const before = srv.requests.length;
  await c.ui.type('authing-field-email', 'nope');
  await c.ui.tap('authing-send-code');
  expect(c.tip('email')).toBe('请输入正确的邮箱地址');
  expect(srv.requests.length).toBe(before);
  const first = U.newEmail();
  await c.ui.type('authing-field-email', first);
  await U.pastCooldown(srv);
  await c.send('code');
  await c.ui.type('authing-field-code', await U.emailCode(srv, first, 'CHANNEL_BIND_EMAIL'));
  expect((await c.tapFor('authing-submit', 'account-change')).detail).toMatchObject({ action: 'bind-email', userInfo: { email: first } });

  await c.open('email');
  expect(c.popupText()).toContain('更换邮箱');
  await U.pastCooldown(srv);
  await c.send('oldCode');
  const second = U.newEmail();
  await c.ui.type('authing-field-email', second);
  await c.send('code');
  await c.ui.type('authing-field-oldCode', await U.emailCode(srv, first, 'CHANNEL_UPDATE_EMAIL'));
  await c.ui.type('authing-field-code', await U.emailCode(srv, second, 'CHANNEL_UPDATE_EMAIL'));
  expect((await c.tapFor('authing-submit', 'account-change')).detail).toMatchObject({ action: 'update-email', userInfo: { email: second } });
});

test('delete the account: warning, verification (wrong password in place), final confirmation, then logged out and unable to log in', async () => {
  const { username, password } = await U.passwordUser(srv);
  const c = await render('lang="en-US"');
  await c.open('delete');
  expect(c.popupText()).toContain('cannot be restored');
  const before = srv.requests.length;
  await c.ui.tap('authing-submit');
  expect(c.tip('password')).toBe('Please enter your current password');
  expect(srv.requests.length).toBe(before);
  await c.ui.type('authing-field-password', 'Wrong@123456');
  expect((await c.tapFor('authing-submit', 'error')).detail).toMatchObject({ action: 'delete-account', error: { apiCode: 2034 } });
  expect(c.tip('password')).toBe('Wrong password');
  expect(c.acc.data.confirming).toBe(false);
  await c.ui.type('authing-field-password', password);
  await c.ui.tap('authing-submit');
  await until(() => c.acc.data.confirming, 'the final confirmation');
  expect(c.popupText()).toContain('Delete your account?');
  expect(api(before, '/api/v3/delete-account')).toBe(0); // not before the final confirmation
  expect((await c.tapFor('authing-confirm-delete', 'account-delete')).detail).toEqual({});
  expect(c.acc.data.signedOut).toBe(true);
  expect(c.ui.text()).toContain('Your account was deleted');
  expect(await U.canLogIn(srv, username, password)).toBe(false);
  expect((await U.clientOf(srv).getLoginState())[0].code).toBe('not_logged_in'); // the stored state is gone
});

test('logout: a failed one keeps the user signed in with the reason; a working one shows the logged-out state and emits `logout`', async () => {
  await U.passwordUser(srv);
  const c = await render();
  await dev(srv.url).post('/__dev/faults', { path: '/oidc/token/revocation', kind: 'html500', count: 1 });
  expect((await c.tapFor('authing-logout', 'error')).detail).toMatchObject({ action: 'logout' });
  expect(c.acc.data.signedOut).toBe(false);
  expect(c.acc.data.message.length).toBeGreaterThan(0);
  expect(c.ui.text()).toContain(c.acc.data.message);
  await c.tapFor('authing-logout', 'logout');
  expect(c.acc.data.signedOut).toBe(true);
  expect(c.ui.text()).toContain('已退出登录');
});
