// <authing-reset-password> in miniprogram-simulate with real tdesign children, standalone and embedded in
// <authing-login>, driven like a user against an isolated devserver over HTTP (users made by
// test/helpers/reset-users.js). Reset by phone and by email code, then the new password logs in and the
// old one is refused; a wrong code sits on the code field; bad input sends nothing; the login's
// "forgot password" round trip ends on the password tab with the account filled in.
const { simulate, loadKitComponent, mount, bindings, userActions, clearCountdowns, checkEventVocabulary } = require('../helpers/mp');
const { until } = require('../helpers/until');
const { startDevServer, dev } = require('../helpers/server');
const { OLD_PASSWORD, phoneUser, emailUser, signIn } = require('../helpers/reset-users');

checkEventVocabulary(); // every shared event detail recorded here matches the one vocabulary

const EVENTS = ['password-reset', 'send-code', 'navigate', 'error', 'login', 'screen-change'];
const NEW_PASSWORD = 'Fresh@2468';

let srv;
let resetTag;
let loginTag;
const mounted = [];
beforeAll(async () => {
  srv = await startDevServer();
  resetTag = loadKitComponent('reset-password');
  loginTag = loadKitComponent('login');
});
afterAll(() => srv.close());
beforeEach(() => {
  wx.__control.storage.clear();
  clearCountdowns();
});
afterEach(() => { while (mounted.length) mounted.pop().detach(); });

const props = () => `app-id="${srv.config.appId}" user-pool-id="${srv.config.userPoolId}" host="${srv.url}"`;
const sent = (path) => srv.requests.filter((r) => r.path === path);

function render(tag, name, attrs = '') {
  const { host, events } = mount({ [tag]: name === 'login' ? loginTag : resetTag }, `<${tag} id="c" ${props()} ${attrs} ${bindings(EVENTS)} />`, { events: EVENTS });
  mounted.push(host);
  const c = host.querySelector('#c');
  return { host, c, events, ...userActions(host, c, events) };
}

/** What a user does in the reset form `r` (a mounted component, standalone or embedded). */
function resetUi(host, r, events) {
  const ui = userActions(host, r, events);
  return {
    ...ui,
    tipOf: (id) => ui.q(id).data.tips,
    tapLink: async (id) => { ui.q(id).dispatchEvent('tap'); await simulate.sleep(0); },
    async emailTab() {
      r.querySelector('#authing-reset-tabs').querySelectorAll('.t-tabs__item')[1].dispatchEvent('tap');
      await simulate.sleep(0);
    },
    /** Step 1 to the end: the target, the code the devserver delivered, "next". */
    async verify(user) {
      if (user.phone) await ui.type('authing-reset-phone', user.phone);
      else await ui.type('authing-reset-email', user.email);
      await ui.tap('authing-reset-send');
      // The send settled: its countdown runs (embedded, the page hears no send-code), or a failure shows.
      await until(() => r.data.resendLeft > 0 || r.data.tone === 'error', 'the code send');
      const code = user.phone
        ? await dev(srv.url).smsCode(user.phone, 'CHANNEL_RESET_PASSWORD')
        : await dev(srv.url).emailCode(user.email, 'CHANNEL_RESET_PASSWORD');
      await ui.type(user.phone ? 'authing-reset-code' : 'authing-reset-email-code', code);
      await ui.tap('authing-reset-verify');
      await until(() => r.data.step === 'password', 'step 2');
      return code;
    },
    async newPassword(password, confirm = password) {
      await ui.type('authing-reset-new-password', password);
      await ui.type('authing-reset-confirm', confirm);
      await ui.tap('authing-reset-submit');
    },
  };
}

test('by phone code: two steps, `password-reset` {method, account}; the new password logs in, the old one is refused', async () => {
  const user = await phoneUser(srv);
  const { host, c, events } = render('authing-reset-password', 'reset');
  const ui = resetUi(host, c, events);
  expect(ui.text()).toContain('找回密码');
  await ui.verify(user);
  expect(c.data.step).toBe('password');
  expect(ui.named('send-code')[0].detail).toEqual({ phone: user.phone, countryCode: '+86' });
  await ui.newPassword(NEW_PASSWORD);
  await until(() => ui.named('password-reset').length, 'password-reset');
  expect(ui.named('password-reset')).toEqual([{ name: 'password-reset', detail: { method: 'sms', account: user.phone } }]);
  expect(ui.text()).toContain('密码已重置，请使用新密码登录');
  // Neither the password nor the token ever reached the view's data.
  expect(JSON.stringify(c.data)).not.toContain(NEW_PASSWORD);
  expect(JSON.stringify(c.data)).not.toContain(JSON.parse(sent('/api/v3/reset-password').pop().body).passwordResetToken);
  expect(await signIn(srv, { phone: user.phone, password: NEW_PASSWORD })).toBeNull();
  expect(await signIn(srv, { phone: user.phone, password: OLD_PASSWORD })).toMatchObject({ apiCode: 2333 });
});

test('by email code (en-US): a wrong code sits on the code field in place, the typed code stays; the right one goes on', async () => {
  const user = await emailUser(srv);
  const { host, c, events } = render('authing-reset-password', 'reset', 'lang="en-US" methods="sms,email"');
  const ui = resetUi(host, c, events);
  await ui.emailTab();
  await ui.type('authing-reset-email', user.email);
  await ui.tap('authing-reset-send');
  await until(() => ui.named('send-code').length, 'send-code');
  const code = await dev(srv.url).emailCode(user.email, 'CHANNEL_RESET_PASSWORD');
  const wrong = code === '000000' ? '111111' : '000000';
  await ui.type('authing-reset-email-code', wrong);
  await ui.tap('authing-reset-verify');
  await until(() => ui.named('error').length, 'error');
  expect(ui.tipOf('authing-reset-email-code')).toBe('Wrong or expired code');
  expect(ui.named('error')[0].detail).toMatchObject({ action: 'reset-password', method: 'email', error: expect.objectContaining({ apiCode: 2001 }) });
  expect(c.data.message).toBe(''); // one display: the field only
  expect(ui.value('authing-reset-email')).toBe(user.email);
  expect(c.data.step).toBe('verify');
  expect(ui.q('authing-reset-verify').data.disabled).toBe(false);
  await ui.type('authing-reset-email-code', code);
  expect(ui.tipOf('authing-reset-email-code')).toBe('');
  await ui.tap('authing-reset-verify');
  await until(() => c.data.step === 'password', 'step 2');
  await ui.newPassword(NEW_PASSWORD);
  await until(() => ui.named('password-reset').length, 'password-reset');
  expect(ui.named('password-reset')[0].detail).toEqual({ method: 'email', account: user.email });
  expect(ui.text()).toContain('Password changed. Log in with the new one.');
  expect(await signIn(srv, { email: user.email, password: NEW_PASSWORD })).toBeNull();
});

test('bad input: localized messages on the fields, zero requests, nothing typed lost', async () => {
  const { host, c, events } = render('authing-reset-password', 'reset', 'methods="sms,email"');
  const ui = resetUi(host, c, events);
  const before = srv.requests.length;
  await ui.tap('authing-reset-verify');
  expect(ui.tipOf('authing-reset-phone')).toBe('请输入手机号');
  expect(ui.tipOf('authing-reset-code')).toBe('请输入验证码');
  await ui.type('authing-reset-phone', '1380000');
  await ui.tap('authing-reset-send');
  expect(ui.tipOf('authing-reset-phone')).toBe('请输入正确的手机号');
  await ui.emailTab();
  await ui.type('authing-reset-email', 'alice@');
  await ui.tap('authing-reset-send');
  expect(ui.tipOf('authing-reset-email')).toBe('请输入正确的邮箱地址');
  expect(srv.requests.length).toBe(before);
  expect(events).toEqual([]);
  expect(ui.value('authing-reset-email')).toBe('alice@');
});

test('step 2 checks the policy and the match before any request (en-US); "back to login" emits navigate', async () => {
  const user = await phoneUser(srv);
  const { host, c, events } = render('authing-reset-password', 'reset', 'lang="en-US"');
  const ui = resetUi(host, c, events);
  await ui.verify(user);
  const before = srv.requests.length;
  await ui.newPassword('12345');
  expect(ui.tipOf('authing-reset-new-password')).toBe('Password must be 6-64 characters');
  await ui.newPassword(NEW_PASSWORD, 'Fresh@246');
  expect(ui.tipOf('authing-reset-confirm')).toBe('The passwords do not match');
  expect(srv.requests.length).toBe(before);
  await ui.tapLink('authing-reset-login');
  expect(ui.named('navigate')).toEqual([{ name: 'navigate', detail: { to: 'login' } }]);
});

test('inside <authing-login>: "forgot password" on the password tab → the reset in place → back on the password tab with the account filled in, then the new password logs in', async () => {
  const user = await emailUser(srv);
  // The login has the email tab (so the app imports the account module): its reset step offers email too.
  const { host, c, events, q, named, type, tap } = render('authing-login', 'login', 'methods="password,sms,email"');
  expect(q('authing-reset-entry')).toBeTruthy();
  expect(c.querySelector('#authing-screen-reset-password')).toBeFalsy();
  await type('authing-password', 'typed-before');
  q('authing-reset-entry').dispatchEvent('tap');
  await simulate.sleep(0);
  expect(c.data.screen).toBe('reset-password');
  expect(named('screen-change')).toEqual([{ name: 'screen-change', detail: { screen: 'reset-password' } }]);
  const r = c.querySelector('#authing-screen-reset-password');
  expect(r).toBeTruthy();
  const ui = resetUi(host, r, events);
  await ui.emailTab();
  await ui.verify(user);
  await ui.newPassword(NEW_PASSWORD);
  await until(() => c.data.screen === 'login', 'the login form again');
  expect(c.data.method).toBe('password');
  expect(q('authing-account').data.value).toBe(user.email);
  expect(q('authing-toast').data.message).toBe('密码已修改，请使用新密码登录');
  expect(named('password-reset')).toEqual([{ name: 'password-reset', detail: { method: 'email', account: user.email } }]);
  expect(named('screen-change').pop().detail).toEqual({ screen: 'login' });
  expect(c.querySelector('#authing-screen-reset-password')).toBeFalsy();
  // The login form stayed mounted under the step: what was typed before the trip is still there.
  expect(q('authing-password').data.value).toBe('typed-before');
  await type('authing-password', NEW_PASSWORD);
  await tap('authing-submit-password');
  await until(() => named('login').length || named('error').length, 'login');
  expect(named('login')[0].detail.method).toBe('password');
});

test('inside <authing-login>: the step\'s "back to login" shows the form again; its failures reach the page as `error`; reset-entry="{{false}}" hides the link', async () => {
  const { host, c, events, q, named } = render('authing-login', 'login');
  q('authing-reset-entry').dispatchEvent('tap');
  await simulate.sleep(0);
  const r = c.querySelector('#authing-screen-reset-password');
  expect(r.data.showTabs).toBe(false); // a login without the email tab: the reset offers the phone only
  const ui = resetUi(host, r, events);
  await dev(srv.url).post('/__dev/faults', { path: '/api/v3/send-sms', kind: 'envelope', status: 500, body: 'sms gateway down' });
  await ui.type('authing-reset-phone', '13700009999');
  await ui.tap('authing-reset-send');
  await until(() => named('error').length, 'error');
  expect(named('error')[0].detail).toMatchObject({ action: 'send-code', method: 'sms', message: 'sms gateway down' });
  expect(r.data.message).toBe('sms gateway down');
  await ui.tapLink('authing-reset-login');
  expect(c.data.screen).toBe('login');
  expect(named('navigate')).toEqual([]); // the login handled it
  const hidden = render('authing-login', 'login', 'reset-entry="{{false}}"');
  expect(hidden.q('authing-reset-entry')).toBeFalsy();
});
