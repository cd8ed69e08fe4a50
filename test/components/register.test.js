// <authing-register> rendered by miniprogram-simulate with REAL tdesign children, driven like a user
// against the devserver over HTTP — standalone and as the sign-up screen of <authing-login>. Sign-up by
// password and by code ends logged in (`register` then `login`); a taken account and a wrong code show the
// server's message on their field; bad input shows a localized message and sends nothing.
const { simulate, loadKitComponent, mount, bindings, userActions, clearCountdowns, checkEventVocabulary } = require('../helpers/mp');
const { until } = require('../helpers/until');
const { shared, dev } = require('../helpers/server');
const core = require('../../miniprogram_dist/index');

checkEventVocabulary();

const EVENTS = ['register', 'login', 'error', 'send-code', 'cancel', 'navigate', 'screen-change', 'agreement-change'];
const PROPS = `app-id="${shared.appId}" user-pool-id="${shared.userPoolId}" host="${shared.url}"`;

let registerTag;
let loginTag;
const mounted = [];
beforeAll(() => {
  loginTag = loadKitComponent('login'); // loads <authing-register> as its child too
  registerTag = loadKitComponent('register');
});
beforeEach(() => {
  wx.__control.storage.clear();
  clearCountdowns();
});
afterEach(() => {
  while (mounted.length) mounted.pop().detach();
});

function render(tagName, tag, attrs = PROPS, data = {}) {
  const { host, events } = mount({ [tagName]: tag }, `<${tagName} id="c" ${attrs} ${bindings(EVENTS)} />`, { events: EVENTS, data });
  mounted.push(host);
  const c = host.querySelector('#c');
  return { host, c, events, ...userActions(host, c, events), data: () => c.instance.data };
}
const renderRegister = (attrs, data) => render('authing-register', registerTag, attrs, data);

/** API requests the wx shim sent since `mark` (optionally to one path). */
const sentSince = (mark, path) => wx.__control.log.slice(mark).filter((r) => !path || new URL(r.url).pathname === path);
const tips = (ui, id) => ui.q(id).data.tips;

let seq = 0;
const unique = () => `${process.pid % 1000}x${Date.now() % 1000000}x${++seq}`;
const freshPhone = () => `135${String(process.pid % 1000).padStart(3, '0')}${String(++seq).padStart(5, '0')}`;

async function fill(ui, values) {
  for (const [id, value] of Object.entries(values)) await ui.type(id, value);
}

describe('standalone', () => {
  test('renders the password tab with labels; en-US texts; the login link emits navigate', async () => {
    const ui = renderRegister();
    expect(ui.data().tabs.map((t) => t.value)).toEqual(['password', 'sms']);
    expect(ui.text()).toContain('已有账号？');
    expect(ui.text()).toContain('确认密码');
    for (const id of ['authing-register-account', 'authing-register-password', 'authing-register-confirm', 'authing-register-phone', 'authing-register-code']) {
      expect(ui.q(id).data.ariaLabel).toBeTruthy();
    }
    ui.q('authing-register-to-login').dispatchEvent('tap');
    await simulate.sleep(0);
    expect(ui.named('navigate').map((e) => e.detail)).toEqual([{ to: 'login' }]);

    const en = renderRegister(`${PROPS} lang="en-US"`);
    expect(en.text()).toContain('Confirm');
    expect(en.text()).toContain('Already have an account?');
    expect(en.text()).not.toContain('确认密码');
  });

  test('bad input: localized messages on the fields, zero requests', async () => {
    const ui = renderRegister(`${PROPS} lang="en-US"`);
    const mark = wx.__control.log.length;
    await ui.tap('authing-register-submit');
    expect(tips(ui, 'authing-register-account')).toBe('Please enter your username or email');
    expect(tips(ui, 'authing-register-password')).toBe('Please enter your password');
    await fill(ui, { 'authing-register-account': `bad-${unique()}`, 'authing-register-password': '12345', 'authing-register-confirm': '12345' });
    await ui.tap('authing-register-submit');
    expect(tips(ui, 'authing-register-password')).toBe('Password must be 6-64 characters');
    await fill(ui, { 'authing-register-password': 'Signup@123', 'authing-register-confirm': 'Signup@12' });
    await ui.tap('authing-register-submit');
    expect(tips(ui, 'authing-register-confirm')).toBe('The two passwords do not match');
    expect(sentSince(mark)).toEqual([]);
    expect(ui.named('register')).toEqual([]);
  });

  test('password sign-up with a nickname: register, then login; the client is logged in', async () => {
    const ui = renderRegister(`${PROPS} fields="nickname"`);
    const username = `cmp-${unique()}`;
    await fill(ui, {
      'authing-register-account': username, 'authing-register-password': 'Signup@123', 'authing-register-confirm': 'Signup@123', 'authing-register-field-nickname': 'Neo',
    });
    await ui.tap('authing-register-submit');
    await until(() => ui.named('login').length, 'login');
    expect(ui.events.map((e) => e.name)).toEqual(['register', 'login']);
    expect(ui.named('register')[0].detail).toMatchObject({ method: 'password', user: { username } });
    expect(ui.named('login')[0].detail.method).toBe('password');
    expect(ui.named('login')[0].detail.userInfo.nickname).toBe('Neo');
    expect(ui.q('authing-register-submit').data.loading).toBeFalsy();
    const client = new core.Authing({ appId: shared.appId, userPoolId: shared.userPoolId, host: shared.url });
    const [, state] = await client.getLoginState();
    expect(state && state.access_token).toBeTruthy();
  });

  test('a taken username: the server\'s message on the account field (no toast); typed values stay', async () => {
    const ui = renderRegister();
    await fill(ui, { 'authing-register-account': 'demo', 'authing-register-password': 'Signup@123', 'authing-register-confirm': 'Signup@123' });
    await ui.tap('authing-register-submit');
    await until(() => ui.named('error').length, 'error');
    expect(tips(ui, 'authing-register-account')).toBe(ui.named('error')[0].detail.message);
    expect(tips(ui, 'authing-register-account')).toContain('demo');
    expect(ui.named('error')[0].detail).toMatchObject({ action: 'register', method: 'password' });
    expect(ui.q('authing-toast').data.visible).toBeFalsy();
    expect(ui.value('authing-register-account')).toBe('demo');
    expect(ui.named('register')).toEqual([]);
  });

  test('sms sign-up: code sent (CHANNEL_REGISTER, countdown shown), a wrong code on the code field, the right one logs in', async () => {
    const ui = renderRegister(`${PROPS} default-method="sms"`);
    const phone = freshPhone();
    await ui.type('authing-register-phone', phone);
    await ui.tap('authing-register-send-code');
    await until(() => ui.named('send-code').length, 'send-code');
    expect(ui.named('send-code')[0].detail).toEqual({ phone, countryCode: '+86' });
    expect(ui.data().resendLeft).toBeGreaterThan(0);
    const code = await dev().smsCode(phone, 'CHANNEL_REGISTER');
    const wrong = code === '000000' ? '111111' : '000000';
    await fill(ui, { 'authing-register-code': wrong, 'authing-register-password': 'Signup@123', 'authing-register-confirm': 'Signup@123' });
    await ui.tap('authing-register-submit');
    await until(() => ui.named('error').length, 'error');
    expect(tips(ui, 'authing-register-code')).toBe(ui.named('error')[0].detail.message);
    expect(ui.named('error')[0].detail.error.apiCode).toBe(2001);
    await ui.type('authing-register-code', code);
    await ui.tap('authing-register-submit');
    await until(() => ui.named('login').length, 'login');
    expect(ui.named('register')[0].detail).toMatchObject({ method: 'sms', user: { phone } });
    expect(ui.named('login')[0].detail.method).toBe('sms');
  });

  test('agreements: the sign-up waits for consent; agree continues it', async () => {
    const ui = renderRegister(`${PROPS} agreements="用户协议,隐私政策"`);
    await fill(ui, { 'authing-register-account': `consent-${unique()}`, 'authing-register-password': 'Signup@123', 'authing-register-confirm': 'Signup@123' });
    const mark = wx.__control.log.length;
    await ui.tap('authing-register-submit');
    expect(ui.data().consentVisible).toBe(true);
    expect(sentSince(mark)).toEqual([]);
    await ui.tap('authing-register-consent-agree');
    await until(() => ui.named('login').length, 'login');
    expect(ui.events.map((e) => e.name)).toEqual(['agreement-change', 'register', 'login']);
  });
});

describe('inside <authing-login>', () => {
  const renderLogin = (attrs = PROPS) => render('authing-login', loginTag, attrs);
  const step = (ui) => ui.c.querySelector('#authing-screen-register');
  const stepActions = (ui) => userActions(ui.host, step(ui), ui.events);

  test('the "sign up" link shows the sign-up in place; its login link comes back with what was typed; register-entry=false hides it', async () => {
    const ui = renderLogin();
    await ui.type('authing-account', 'kept-account');
    expect(step(ui)).toBeUndefined();
    ui.q('authing-register-entry').dispatchEvent('tap');
    await simulate.sleep(0);
    expect(ui.data().screen).toBe('register');
    expect(step(ui)).toBeTruthy();
    expect(step(ui).instance.data.tabs.map((t) => t.value)).toEqual(['password', 'sms']);
    step(ui).querySelector('#authing-register-to-login').dispatchEvent('tap');
    await simulate.sleep(0);
    expect(ui.data().screen).toBe('login');
    expect(ui.value('authing-account')).toBe('kept-account');
    expect(ui.named('screen-change').map((e) => e.detail)).toEqual([{ screen: 'register' }, { screen: 'login' }]);
    expect(ui.named('navigate')).toEqual([]); // switched in place, not reported to the page

    // Consent given in the login carries over: the sign-up does not ask again.
    const consenting = renderLogin(`${PROPS} agreements="用户协议,隐私政策"`);
    consenting.c.querySelector('#authing-agree').querySelector('.t-checkbox').dispatchEvent('tap');
    await simulate.sleep(0);
    consenting.q('authing-register-entry').dispatchEvent('tap');
    await simulate.sleep(0);
    expect(step(consenting).instance.data).toMatchObject({ consentRequired: true, agreed: true });

    const hidden = renderLogin(`${PROPS} register-entry="{{false}}"`);
    expect(hidden.q('authing-register-entry')).toBeUndefined();
  });

  test('sign-up inside the login: the login re-emits register and login; bad input and a duplicate stay in place', async () => {
    const ui = renderLogin(`${PROPS} register-fields="nickname"`);
    ui.q('authing-register-entry').dispatchEvent('tap');
    await simulate.sleep(0);
    const r = stepActions(ui);
    const mark = wx.__control.log.length;
    await r.tap('authing-register-submit');
    expect(r.q('authing-register-account').data.tips).toBe('请输入用户名或邮箱');
    expect(sentSince(mark)).toEqual([]);
    await fill(r, { 'authing-register-account': 'demo', 'authing-register-password': 'Signup@123', 'authing-register-confirm': 'Signup@123' });
    await r.tap('authing-register-submit');
    await until(() => r.q('authing-register-account').data.tips.includes('demo'), 'duplicate shown');
    // The step's failure reaches the page as the login's own `error` (shown once, in the step).
    await until(() => ui.named('error').length, 'error re-emitted');
    expect(ui.named('error').map((e) => [e.detail.action, e.detail.error.apiCode])).toEqual([['register', 2026]]);
    const username = `in-login-${unique()}`;
    await fill(r, { 'authing-register-account': username, 'authing-register-field-nickname': 'Inner' });
    await r.tap('authing-register-submit');
    await until(() => ui.named('login').length, 'login');
    expect(ui.named('register')[0].detail).toMatchObject({ method: 'password', user: { username } });
    expect(ui.named('login')[0].detail.method).toBe('password');
    expect(ui.named('login')[0].detail.userInfo.nickname).toBe('Inner');
  });

  test('code sign-up inside the login: a wrong code on its field, the right one ends logged in (register + login re-emitted)', async () => {
    const ui = renderLogin(`${PROPS} methods="sms,password"`);
    ui.q('authing-register-entry').dispatchEvent('tap');
    await simulate.sleep(0);
    // The login offers SMS codes, so the sign-up does too.
    expect(step(ui).instance.data.tabs.map((t) => t.value)).toEqual(['password', 'sms']);
    step(ui).querySelector('#authing-register-tabs').querySelectorAll('.t-tabs__item')[1].dispatchEvent('tap');
    await simulate.sleep(0);
    const r = stepActions(ui);
    const phone = freshPhone();
    await r.type('authing-register-phone', phone);
    await r.tap('authing-register-send-code');
    await until(() => step(ui).instance.data.resendLeft > 0, 'countdown');
    await until(() => ui.named('send-code').length, 'send-code re-emitted');
    expect(ui.named('send-code')[0].detail).toMatchObject({ phone });
    const code = await dev().smsCode(phone, 'CHANNEL_REGISTER');
    await fill(r, { 'authing-register-code': code === '000000' ? '111111' : '000000', 'authing-register-password': 'Signup@123', 'authing-register-confirm': 'Signup@123' });
    await r.tap('authing-register-submit');
    await until(() => r.q('authing-register-code').data.tips, 'wrong code shown');
    expect(ui.named('register')).toEqual([]);
    await r.type('authing-register-code', code);
    await r.tap('authing-register-submit');
    await until(() => ui.named('login').length, 'login');
    expect(ui.named('register')[0].detail).toMatchObject({ method: 'sms', user: { phone } });
    expect(ui.named('login')[0].detail.method).toBe('sms');
  });
});
