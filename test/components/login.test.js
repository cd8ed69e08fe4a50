// <authing-login> rendered by miniprogram-simulate with REAL tdesign children, driven like a user
// (input events on the native inputs, taps on the native buttons, getphonenumber with codes from the
// simulated WeChat) against the devserver over HTTP. No mocks of the server; no timed assertions
// (`until` only waits for an outcome).
const { simulate, loadKitComponent, mount, bindings, userActions, clearCountdowns, checkEventVocabulary } = require('../helpers/mp');
const { until } = require('../helpers/until');
const { shared, dev, startDevServer, call } = require('../helpers/server');
const core = require('../../miniprogram_dist/index');

checkEventVocabulary(); // every shared event detail recorded here matches the one vocabulary

const DEMO = { username: 'demo', phone: '13800000000', email: 'demo@example.com', password: 'Demo@123456' };
const EVENTS = ['login', 'error', 'send-code', 'tab-change', 'cancel', 'agreement-tap'];
const BINDINGS = bindings(EVENTS);
const PROPS = `app-id="${shared.appId}" user-pool-id="${shared.userPoolId}" host="${shared.url}"`;
const AGREEMENTS = [{ title: '用户协议', url: '/pages/terms/index' }, { title: '隐私政策', url: 'https://example.com/privacy' }];

let tag;
const mounted = [];
beforeAll(() => { tag = loadKitComponent('login'); });
beforeEach(() => {
  // Fresh login state (a stored WeChat login would be reused without a request) and no running countdown.
  wx.__control.storage.clear();
  clearCountdowns();
});
afterEach(() => {
  while (mounted.length) mounted.pop().detach();
  core.setDefaultClient(undefined);
});

/** Renders `<authing-login id="login" {attrs}>` in a host recording every event. */
function render(attrs = PROPS, data = {}) {
  const { host, events } = mount({ 'authing-login': tag }, `<authing-login id="login" ${attrs} ${BINDINGS} />`, { events: EVENTS, data });
  mounted.push(host);
  const login = host.querySelector('#login');
  const actions = userActions(host, login, events);
  const { q } = actions;
  const ui = {
    host, login, events, ...actions,
    data: () => login.instance.data,
    async tab(index) {
      login.querySelector('#authing-tabs').querySelectorAll('.t-tabs__item')[index].dispatchEvent('tap');
      await simulate.sleep(0);
    },
    tips: (id) => q(id).data.tips,
    loading: (id) => q(id).data.loading,
    /** Counts this component's setData calls (and keeps their payloads). */
    countSetData() {
      const calls = [];
      const inst = login.instance;
      const original = inst.setData;
      inst.setData = function (patch, cb) { calls.push(patch); return original.call(this, patch, cb); };
      return calls;
    },
  };
  return ui;
}

/** Requests the component made through the wx shim since `mark` (optionally for one path). */
const log = () => wx.__control.log;
const sentSince = (mark, path) => log().slice(mark).filter((r) => !path || new URL(r.url).pathname === path);
const phoneCode = (phoneNumber) => dev().post('/__dev/wx/phone-code', { phoneNumber }).then((r) => r.code);
/** A phone number nobody used yet in this run (server cooldown is per number). */
let phoneSeq = 0;
const freshPhone = () => `1390${String(process.pid % 1000).padStart(3, '0')}${String(++phoneSeq).padStart(4, '0')}`;

describe('rendering', () => {
  test('three tabs by default, password first; every control has an aria label', async () => {
    const ui = render();
    expect(ui.data().tabs.map((t) => t.value)).toEqual(['password', 'sms', 'wechat']);
    expect(ui.data().method).toBe('password');
    expect(ui.text()).toContain('密码登录');
    expect(ui.text()).toContain('验证码登录');
    expect(ui.text()).toContain('微信登录');
    for (const id of ['authing-submit-password', 'authing-submit-sms', 'authing-send-code', 'authing-wechat', 'authing-phone-login']) {
      expect(ui.q(id).data.ariaLabel).toBeTruthy();
    }
    for (const id of ['authing-account', 'authing-password', 'authing-phone', 'authing-code']) {
      expect(ui.q(id).data.ariaLabel).toBeTruthy();
    }
    expect(ui.q('authing-password-toggle')).toBeTruthy();
  });

  test('methods + default-method choose and order the tabs; one method → no tab bar', async () => {
    const two = render(`${PROPS} methods="wechat,sms" default-method="sms"`);
    expect(two.data().tabs.map((t) => t.value)).toEqual(['wechat', 'sms']);
    expect(two.data().method).toBe('sms');
    expect(two.q('authing-submit-password')).toBeUndefined();

    const one = render(`${PROPS} methods="{{['sms']}}"`);
    expect(one.q('authing-tabs')).toBeUndefined();
    expect(one.data().showTabs).toBe(false);
    expect(one.q('authing-submit-sms')).toBeTruthy();
    expect(one.q('authing-submit-password')).toBeUndefined();
    expect(one.q('authing-wechat')).toBeUndefined();
  });

  test('tab switch emits tab-change and keeps what was typed', async () => {
    const ui = render();
    await ui.type('authing-account', 'alice');
    await ui.tab(1);
    expect(ui.data().method).toBe('sms');
    await ui.tab(0);
    expect(ui.named('tab-change').map((e) => e.detail)).toEqual([{ method: 'sms' }, { method: 'password' }]);
    expect(ui.value('authing-account')).toBe('alice');
  });

  test('lang="en-US" renders English texts, validation included', async () => {
    const ui = render(`${PROPS} lang="en-US" agreements="{{agreements}}"`, { agreements: AGREEMENTS });
    expect(ui.text()).toContain('Password');
    expect(ui.text()).toContain('SMS code');
    expect(ui.text()).toContain('Log in');
    expect(ui.text()).toContain('I have read and accept');
    expect(ui.text()).not.toContain('密码登录');
    await ui.tap('authing-submit-password');
    expect(ui.tips('authing-account')).toBe('Please enter your account');
    expect(ui.tips('authing-password')).toBe('Please enter your password');
  });

  test('lang can change while mounted (one render), the tab and typed values stay', async () => {
    const ui = render(`${PROPS} lang="{{lang}}" default-method="sms"`, { lang: 'zh-CN' });
    await ui.type('authing-phone', '13800000000');
    const calls = ui.countSetData();
    ui.host.setData({ lang: 'en-US' });
    await simulate.sleep(0);
    expect(calls).toHaveLength(1);
    expect(ui.text()).toContain('Send code');
    expect(ui.data().method).toBe('sms');
    expect(ui.value('authing-phone')).toBe('13800000000');
  });

  test('texts overrides any string, including validation messages and field names', async () => {
    const ui = render(`${PROPS} texts="{{texts}}"`, { texts: { login: '立即登录', tabSms: '短信登录', required: '{field}不能为空', field_account: '用户名', nope: 1 } });
    expect(ui.text()).toContain('立即登录');
    expect(ui.text()).toContain('短信登录');
    await ui.tap('authing-submit-password');
    expect(ui.tips('authing-account')).toBe('用户名不能为空');
    expect(ui.text()).toContain('用户名不能为空');
  });

  test('password show / hide', async () => {
    const ui = render();
    expect(ui.q('authing-password').data.type).toBe('password');
    ui.q('authing-password-toggle').dispatchEvent('tap');
    await simulate.sleep(0);
    expect(ui.q('authing-password').data.type).toBe('text');
    expect(ui.data().passwordVisible).toBe(true);
  });
});

describe('validation before any request', () => {
  test('empty fields, malformed email / phone, wrong code length: messages in place, zero requests', async () => {
    const ui = render();
    const mark = log().length;
    await ui.tap('authing-submit-password');
    expect(ui.tips('authing-account')).toBe('请输入账号');
    expect(ui.tips('authing-password')).toBe('请输入密码');
    expect(ui.q('authing-account').data.status).toBe('error');
    await ui.type('authing-account', 'alice@');
    await ui.type('authing-password', 'whatever1');
    await ui.tap('authing-submit-password');
    expect(ui.tips('authing-account')).toBe('请输入正确的邮箱地址');
    expect(ui.text()).toContain('请输入正确的邮箱地址');

    await ui.tab(1);
    await ui.tap('authing-send-code');
    expect(ui.tips('authing-phone')).toBe('请输入手机号');
    await ui.type('authing-phone', '1380000');
    await ui.tap('authing-send-code');
    expect(ui.tips('authing-phone')).toBe('请输入正确的手机号');
    await ui.type('authing-phone', '13800000000');
    await ui.type('authing-code', '12345');
    await ui.tap('authing-submit-sms');
    expect(ui.tips('authing-code')).toBe('请输入 6 位数字验证码');
    await ui.type('authing-code', '12a456');
    await ui.tap('authing-submit-sms');
    expect(ui.tips('authing-code')).toBe('请输入 6 位数字验证码');

    expect(sentSince(mark)).toHaveLength(0);
    expect(ui.named('error')).toHaveLength(0);
  });
});

describe('password login', () => {
  test('success: login event with a real token and the profile, never the password; the server saw one sign-in', async () => {
    const ui = render();
    const mark = log().length;
    const serverMark = (await dev().get('/__dev/requests')).length;
    await ui.type('authing-account', DEMO.username);
    await ui.type('authing-password', DEMO.password);
    await ui.tap('authing-submit-password');
    expect(ui.loading('authing-submit-password')).toBe(false); // busy shows only if the request is still pending after a short delay
    await until(() => ui.named('login').length, 'login event');
    const { detail } = ui.named('login')[0];
    expect(detail.method).toBe('password');
    expect(detail.loginState.access_token.split('.')).toHaveLength(3);
    expect(detail.userInfo.username).toBe(DEMO.username);
    expect(JSON.stringify(ui.events)).not.toContain(DEMO.password);
    expect(sentSince(mark, '/api/v3/signin')).toHaveLength(1);
    // The shared server also serves other test files: find this request by its exact body.
    const mine = sentSince(mark, '/api/v3/signin')[0].body;
    const seen = (await dev().get('/__dev/requests')).slice(serverMark).filter((r) => r.path === '/api/v3/signin' && r.body === mine);
    expect(seen).toHaveLength(1);
    expect(JSON.parse(seen[0].body)).toMatchObject({ connection: 'PASSWORD', passwordPayload: { username: DEMO.username } });
    expect(seen[0].status).toBe(200);
    expect(ui.loading('authing-submit-password')).toBe(false);
  });

  test('scope property: sent as options.scope on every method; offline_access brings a refresh token', async () => {
    const ui = render(`${PROPS} scope="openid profile offline_access" fetch-user-info="{{false}}"`);
    const mark = log().length;
    await ui.type('authing-account', DEMO.username);
    await ui.type('authing-password', DEMO.password);
    await ui.tap('authing-submit-password');
    await until(() => ui.named('login').length, 'password login');
    expect(JSON.parse(sentSince(mark, '/api/v3/signin')[0].body).options).toEqual({ scope: 'openid profile offline_access' });
    expect(ui.named('login')[0].detail.loginState.refresh_token).toEqual(expect.any(String));

    wx.__control.storage.clear();
    const wechatMark = log().length;
    await ui.tab(2);
    await ui.tap('authing-wechat');
    await until(() => ui.named('login').length === 2, 'wechat login');
    const body = JSON.parse(sentSince(wechatMark, '/api/v3/signin-by-mobile')[0].body);
    expect(body.options).toEqual({ scope: 'openid profile offline_access' });
  });

  test('RSA-encrypted (property-configured client): the server gets ciphertext and logs the user in', async () => {
    const ui = render(`${PROPS} encrypt="rsa" fetch-user-info="{{false}}"`);
    const mark = log().length;
    await ui.type('authing-account', DEMO.email);
    await ui.type('authing-password', DEMO.password);
    await ui.tap('authing-submit-password');
    await until(() => ui.events.length, 'an event');
    expect(ui.events.map((e) => [e.name, e.detail.error && e.detail.error.message])).toEqual([['login', undefined]]);
    expect(ui.named('login')[0].detail.userInfo).toBeUndefined();
    const body = JSON.parse(sentSince(mark, '/api/v3/signin')[0].body);
    expect(body.options.passwordEncryptType).toBe('rsa');
    expect(body.passwordPayload.email).toBe(DEMO.email);
    expect(body.passwordPayload.password).not.toBe(DEMO.password);
  });

  test('SM2-encrypted with the app\'s shared client (no own app-id)', async () => {
    core.setDefaultClient(new core.Authing({ appId: shared.appId, userPoolId: shared.userPoolId, host: shared.url }));
    const ui = render('encrypt="sm2"');
    const mark = log().length;
    await ui.type('authing-account', DEMO.phone);
    await ui.type('authing-password', DEMO.password);
    await ui.tap('authing-submit-password');
    await until(() => ui.events.length, 'an event');
    expect(ui.events.map((e) => [e.name, e.detail.error && e.detail.error.message])).toEqual([['login', undefined]]);
    const body = JSON.parse(sentSince(mark, '/api/v3/signin')[0].body);
    expect(body.options.passwordEncryptType).toBe('sm2');
    expect(body.passwordPayload.phone).toBe(DEMO.phone);
    expect(body.passwordPayload.password).toMatch(/^[0-9a-f]+$/);
  });

  test('a field failure is worded by the form texts (overridable), not left in the client language', async () => {
    const ui = render(`${PROPS} texts="{{texts}}"`, { texts: { wrongPasswordRemain: 'Nope, {remainCount} left' } });
    await ui.type('authing-account', 'nobody-at-all');
    await ui.type('authing-password', 'not-the-password');
    await ui.tap('authing-submit-password');
    await until(() => ui.named('error').length, 'error event');
    const { error } = ui.named('error')[0].detail;
    expect(error.apiCode).toBe(2333);
    expect(ui.data().errPassword).toBe(`Nope, ${error.data.remainCount} left`);
  });

  test('wrong password: message on the password field only (no toast), error event, input kept, button enabled again', async () => {
    const ui = render();
    await ui.type('authing-account', DEMO.username);
    await ui.type('authing-password', 'not-the-password');
    await ui.tap('authing-submit-password');
    await until(() => ui.named('error').length, 'error event');
    const { detail } = ui.named('error')[0];
    expect(detail.method).toBe('password');
    expect(detail.error.apiCode).toBe(2333);
    expect(JSON.stringify(detail)).not.toContain('not-the-password');
    // Worded by the form (its language, overridable), with the tries left the server reported.
    expect(typeof detail.error.data.remainCount).toBe('number');
    expect(ui.data().errPassword).toBe(`账号或密码错误，还可尝试 ${detail.error.data.remainCount} 次`);
    expect(ui.data().errAccount).toBe('');
    expect(ui.q('authing-password').data.tips).toBe(ui.data().errPassword);
    expect(ui.q('authing-password').data.status).toBe('error');
    // One display: no toast repeats it.
    expect(ui.q('authing-toast').data.visible).toBeFalsy();
    expect(ui.value('authing-account')).toBe(DEMO.username);
    expect(ui.value('authing-password')).toBe('not-the-password');
    expect(ui.loading('authing-submit-password')).toBe(false);
    expect(ui.q('authing-submit-password').data.disabled).toBe(false);
    // Retyping clears the message; a correct password then works from the same form.
    await ui.type('authing-password', DEMO.password);
    expect(ui.data().errPassword).toBe('');
    await ui.tap('authing-submit-password');
    await until(() => ui.named('login').length, 'login event');
  });

  test('five rapid taps → exactly one request', async () => {
    const ui = render(`${PROPS} fetch-user-info="{{false}}"`);
    await ui.type('authing-account', DEMO.username);
    await ui.type('authing-password', DEMO.password);
    const mark = log().length;
    const button = ui.q('authing-submit-password').querySelector('.t-button');
    for (let i = 0; i < 5; i++) button.dispatchEvent('tap');
    await simulate.sleep(0);
    for (let i = 0; i < 5; i++) ui.login.instance.onSubmit(); // and five more, bypassing the loading UI
    await until(() => ui.named('login').length, 'login event');
    expect(sentSince(mark, '/api/v3/signin')).toHaveLength(1);
    expect(sentSince(mark)).toHaveLength(1);
    expect(ui.named('login')).toHaveLength(1);
  });

  test('before-login veto via setBeforeLogin: no request, cancel event; then allowed', async () => {
    const ui = render(`${PROPS} fetch-user-info="{{false}}"`);
    const seen = [];
    ui.login.instance.setBeforeLogin((ctx) => { seen.push(ctx); return seen.length > 1; });
    await ui.type('authing-account', DEMO.username);
    await ui.type('authing-password', DEMO.password);
    const mark = log().length;
    await ui.tap('authing-submit-password');
    await until(() => ui.named('cancel').length, 'cancel event');
    expect(ui.named('cancel')[0].detail).toEqual({ action: 'login', method: 'password', reason: 'before-login' });
    expect(sentSince(mark)).toHaveLength(0);
    expect(ui.loading('authing-submit-password')).toBe(false);
    await ui.tap('authing-submit-password');
    await until(() => ui.named('login').length, 'login event');
    expect(seen).toEqual([{ method: 'password', account: DEMO.username }, { method: 'password', account: DEMO.username }]);
  });
});

describe('setData budget', () => {
  test('typing: none; each tap / tab: one; a quick login: one (the settled render)', async () => {
    const ui = render(`${PROPS} fetch-user-info="{{false}}"`);
    const calls = ui.countSetData();
    for (const ch of 'demo') await ui.type('authing-account', DEMO.username.slice(0, DEMO.username.indexOf(ch) + 1));
    expect(calls).toHaveLength(0);
    await ui.tap('authing-submit-password'); // password missing
    expect(calls).toHaveLength(1);
    await ui.type('authing-password', 'D'); // clears the password error
    expect(calls).toHaveLength(2);
    for (let i = 2; i <= DEMO.password.length; i++) await ui.type('authing-password', DEMO.password.slice(0, i));
    expect(calls).toHaveLength(2);
    await ui.tab(1);
    expect(calls).toHaveLength(3);
    await ui.tab(0);
    expect(calls).toHaveLength(4);
    calls.length = 0;
    await ui.tap('authing-submit-password');
    await until(() => ui.named('login').length, 'login event');
    // The request settled before the busy delay: no "loading" render at all, and nothing else changed.
    expect(calls.length).toBeLessThanOrEqual(1);
    expect(calls.every((c) => !('busy' in c))).toBe(true);
  });

  test('a slow login: the busy state after a short delay, then one settled render', async () => {
    const ui = render(`${PROPS} fetch-user-info="{{false}}"`);
    await ui.type('authing-account', DEMO.username);
    await ui.type('authing-password', DEMO.password);
    await dev().post('/__dev/faults', { path: '/api/v3/signin', kind: 'delay', delayMs: 700, count: 1 });
    const calls = ui.countSetData();
    await ui.tap('authing-submit-password');
    await simulate.sleep(100);
    expect(calls).toHaveLength(0);
    await simulate.sleep(400);
    expect(calls).toEqual([expect.objectContaining({ busy: 'password' })]);
    expect(ui.loading('authing-submit-password')).toBe(true);
    await until(() => ui.named('login').length, 'login event');
    expect(calls).toHaveLength(2);
    expect(calls[1].busy).toBe('');
  });
});

describe('SMS code', () => {
  test('send → countdown after success only → survives a tab switch and a NEW instance → login with the code', async () => {
    const phone = freshPhone();
    const ui = render(`${PROPS} auto-register countdown="{{45}}"`);
    await ui.tab(1);
    await ui.type('authing-phone', phone);
    const calls = ui.countSetData();
    await ui.tap('authing-send-code');
    await until(() => ui.named('send-code').length, 'send-code event');
    expect(ui.named('send-code')[0].detail).toEqual({ phone, countryCode: '+86' });
    // A quick send: one render, the answer with its countdown (the busy state never showed).
    expect(calls[0].busy).toBeUndefined();
    expect(calls[0].resendLeft).toBeGreaterThan(40);
    expect(ui.q('authing-send-code').data.disabled).toBe(true);
    expect(ui.text()).toMatch(/\d+s 后重发/);
    expect(ui.q('authing-toast').data.message).toBe('验证码已发送');

    await ui.tab(0);
    await ui.tab(1);
    expect(ui.data().resendLeft).toBeGreaterThan(40);

    // Leave the page and come back: a new instance restores the countdown and the phone number.
    ui.host.detach();
    mounted.splice(mounted.indexOf(ui.host), 1);
    // The phone claim comes with the `phone` scope (userInfo is read from the id_token).
    const again = render(`${PROPS} auto-register default-method="sms" scope="openid profile phone"`);
    expect(again.data().resendLeft).toBeGreaterThan(40);
    expect(again.value('authing-phone')).toBe(phone);
    expect(again.q('authing-send-code').data.disabled).toBe(true);
    const mark = log().length;
    again.login.instance.onSendCode(); // even bypassing the disabled button
    await simulate.sleep(0);
    expect(sentSince(mark)).toHaveLength(0);

    const code = await dev().smsCode(phone);
    expect(code).toMatch(/^\d{6}$/);
    await again.type('authing-code', code);
    await again.tap('authing-submit-sms');
    await until(() => again.named('login').length, 'login event');
    expect(again.named('login')[0].detail).toMatchObject({ method: 'sms', userInfo: { phone } });
    expect(typeof again.named('login')[0].detail.loginState.access_token).toBe('string');
  });

  test('a rejected send (rate limit) shows the error and starts no countdown', async () => {
    const phone = freshPhone();
    await call(shared.url, 'POST', '/api/v3/send-sms', { phoneNumber: phone, channel: 'CHANNEL_LOGIN', phoneCountryCode: '+86' },
      { 'x-authing-userpool-id': shared.userPoolId });
    const ui = render(`${PROPS} default-method="sms"`);
    await ui.type('authing-phone', phone);
    await ui.tap('authing-send-code');
    await until(() => ui.named('error').length, 'error event');
    expect(ui.named('error')[0].detail).toMatchObject({ method: 'sms', action: 'send-code', error: { statusCode: 429 } });
    expect(ui.data().resendLeft).toBe(0);
    // A rate limit is about no field: a toast only.
    expect(ui.q('authing-toast').data.message).toBe(ui.named('error')[0].detail.error.message);
    expect(ui.data().errPhone).toBe('');
    expect(ui.q('authing-send-code').data.disabled).toBe(false);
    expect(ui.named('send-code')).toHaveLength(0);
  });

  test('country code picker: +852 numbers are validated and sent with their code', async () => {
    const ui = render(`${PROPS} default-method="sms"`);
    const idx = ui.data().countryLabels.findIndex((l) => l.includes('+852'));
    ui.login.querySelector('.authing-login__country').dispatchEvent('change', { detail: { value: idx } });
    await simulate.sleep(0);
    expect(ui.data().countryCode).toBe('+852');
    const mark = log().length;
    await ui.type('authing-phone', '13800000000');
    await ui.tap('authing-send-code');
    expect(ui.tips('authing-phone')).toBe('请输入正确的手机号');
    const hk = `5${String(Date.now()).slice(-7)}`;
    await ui.type('authing-phone', hk);
    await ui.tap('authing-send-code');
    await until(() => ui.named('send-code').length, 'send-code event');
    expect(ui.named('send-code')[0].detail).toEqual({ phone: hk, countryCode: '+852' });
    expect(JSON.parse(sentSince(mark, '/api/v3/send-sms')[0].body)).toMatchObject({ phoneNumber: hk, phoneCountryCode: '+852' });
  });
});

describe('email code (opt-in method)', () => {
  const ALL = 'methods="password,sms,email,wechat"';
  let emailSeq = 0;
  const freshEmail = () => `mp${process.pid}-${++emailSeq}@example.com`;

  test('the email tab is shown only when listed in methods; labelled controls; English texts', async () => {
    const plain = render();
    expect(plain.data().tabs.map((t) => t.value)).toEqual(['password', 'sms', 'wechat']);
    expect(plain.q('authing-email')).toBeUndefined();
    expect(plain.q('authing-submit-email')).toBeUndefined();
    expect(plain.text()).not.toContain('邮箱登录');

    const ui = render(`${PROPS} ${ALL}`);
    expect(ui.data().tabs).toEqual([
      { value: 'password', label: '密码登录' }, { value: 'sms', label: '验证码登录' },
      { value: 'email', label: '邮箱登录' }, { value: 'wechat', label: '微信登录' },
    ]);
    expect(ui.data().method).toBe('password');
    for (const id of ['authing-email', 'authing-email-code', 'authing-send-email-code', 'authing-submit-email']) {
      expect(ui.q(id).data.ariaLabel).toBeTruthy();
    }
    expect(ui.q('authing-email').data.type).toBe('text');
    expect(ui.q('authing-email-code').data.type).toBe('number');
    await ui.tab(2);
    expect(ui.data().method).toBe('email');
    expect(ui.named('tab-change').map((e) => e.detail)).toEqual([{ method: 'email' }]);

    const en = render(`${PROPS} methods="email" lang="en-US" texts="{{texts}}"`, { texts: { emailPlaceholder: 'you@company.com' } });
    expect(en.q('authing-tabs')).toBeUndefined();
    expect(en.q('authing-email').data.label).toBe('Email');
    expect(en.q('authing-email').data.placeholder).toBe('you@company.com');
    expect(en.text()).toContain('Send code');
    expect(render(`${PROPS} ${ALL} lang="en-US"`).data().tabs[2]).toEqual({ value: 'email', label: 'Email' });
  });

  test('validation: empty / malformed email, short code → messages in place, zero requests, no setData per keystroke', async () => {
    const ui = render(`${PROPS} ${ALL} default-method="email"`);
    const mark = log().length;
    const calls = ui.countSetData();
    await ui.tap('authing-send-email-code');
    expect(ui.tips('authing-email')).toBe('请输入邮箱');
    expect(ui.q('authing-email').data.status).toBe('error');
    expect(calls).toHaveLength(1);
    await ui.type('authing-email', 'a'); // clears the error: one render
    for (const v of ['al', 'alice', 'alice@']) await ui.type('authing-email', v);
    expect(calls).toHaveLength(2);
    await ui.tap('authing-send-email-code');
    expect(ui.tips('authing-email')).toBe('请输入正确的邮箱地址');
    await ui.type('authing-email', 'alice@example.com');
    await ui.type('authing-email-code', '12345');
    await ui.tap('authing-submit-email');
    expect(ui.tips('authing-email-code')).toBe('请输入 6 位数字验证码');
    expect(ui.tips('authing-email')).toBe('');
    // The SMS tab's fields are not touched.
    expect(ui.tips('authing-phone')).toBe('');
    expect(ui.tips('authing-code')).toBe('');
    expect(sentSince(mark)).toHaveLength(0);
    expect(ui.named('error')).toHaveLength(0);
    expect(ui.value('authing-email')).toBe('alice@example.com');
  });

  test('send (code from the dev inbox) → countdown after success only → survives a tab switch and a NEW instance → login', async () => {
    const email = freshEmail();
    const ui = render(`${PROPS} ${ALL} auto-register countdown="{{45}}" scope="openid profile email"`);
    await ui.tab(2);
    await ui.type('authing-email', email);
    const calls = ui.countSetData();
    const mark = log().length;
    await dev().post('/__dev/faults', { path: '/api/v3/send-email', kind: 'delay', delayMs: 700, count: 1 });
    await ui.tap('authing-send-email-code');
    await simulate.sleep(550); // still pending after the busy delay: "sending" shows
    expect(ui.loading('authing-send-email-code')).toBe(true);
    expect(ui.loading('authing-send-code')).toBe(false); // the SMS tab's button is not the one sending
    await until(() => ui.named('send-code').length, 'send-code event');
    expect(ui.named('send-code')[0].detail).toEqual({ email });
    expect(sentSince(mark, '/api/v3/send-email')).toHaveLength(1);
    expect(JSON.parse(sentSince(mark, '/api/v3/send-email')[0].body)).toEqual({ email, channel: 'CHANNEL_LOGIN' });
    expect(calls[0]).toMatchObject({ busy: 'send-email-code' });
    expect(calls[0].emailResendLeft).toBeUndefined();
    expect(calls[1].emailResendLeft).toBeGreaterThan(40);
    expect(ui.q('authing-send-email-code').data.disabled).toBe(true);
    expect(ui.text()).toMatch(/\d+s 后重发/);
    expect(ui.q('authing-toast').data.message).toBe('验证码已发送');
    // Keyed by channel "email" + address: the SMS countdown is not running.
    expect(ui.data().resendLeft).toBe(0);
    expect(ui.q('authing-send-code').data.disabled).toBe(false);

    await ui.tab(1);
    await ui.tab(2);
    expect(ui.data().emailResendLeft).toBeGreaterThan(40);

    ui.host.detach();
    mounted.splice(mounted.indexOf(ui.host), 1);
    const again = render(`${PROPS} ${ALL} auto-register default-method="email" scope="openid profile email"`);
    expect(again.data().emailResendLeft).toBeGreaterThan(40);
    expect(again.value('authing-email')).toBe(email);
    expect(again.value('authing-phone')).toBe('');
    expect(again.q('authing-send-email-code').data.disabled).toBe(true);
    const resendMark = log().length;
    again.login.instance.onSendCode(); // even bypassing the disabled button
    await simulate.sleep(0);
    expect(sentSince(resendMark)).toHaveLength(0);

    const code = await dev().emailCode(email);
    expect(code).toMatch(/^\d{6}$/);
    await again.type('authing-email-code', code);
    const loginMark = log().length;
    await again.tap('authing-submit-email');
    expect(again.loading('authing-submit-email')).toBe(false); // a quick login never shows its busy state
    await until(() => again.named('login').length, 'login event');
    const { detail } = again.named('login')[0];
    expect(detail).toMatchObject({ method: 'email', userInfo: { email } });
    expect(detail.loginState.access_token.split('.')).toHaveLength(3);
    const body = JSON.parse(sentSince(loginMark, '/api/v3/signin')[0].body);
    expect(body).toEqual({ connection: 'PASSCODE', passCodePayload: { email, passCode: code }, options: { autoRegister: true, scope: 'openid profile email' } });
    expect(again.loading('authing-submit-email')).toBe(false);
  });

  test('five rapid send taps → one request', async () => {
    const ui = render(`${PROPS} methods="email"`);
    await ui.type('authing-email', freshEmail());
    const mark = log().length;
    const button = ui.q('authing-send-email-code').querySelector('.t-button');
    for (let i = 0; i < 5; i++) button.dispatchEvent('tap');
    await simulate.sleep(0);
    for (let i = 0; i < 5; i++) ui.login.instance.onSendCode();
    await until(() => ui.named('send-code').length, 'send-code event');
    expect(sentSince(mark)).toHaveLength(1);
    expect(ui.named('send-code')).toHaveLength(1);
  });

  test('consent: send and login are both gated; cancel → cancel event; agree continues the send', async () => {
    const email = freshEmail();
    const ui = render(`${PROPS} ${ALL} default-method="email" auto-register fetch-user-info="{{false}}" agreements="{{agreements}}"`, { agreements: AGREEMENTS });
    await ui.type('authing-email', email);
    const mark = log().length;
    await ui.tap('authing-send-email-code');
    expect(ui.data().consentVisible).toBe(true);
    await ui.tap('authing-consent-cancel');
    expect(ui.named('cancel')).toEqual([{ name: 'cancel', detail: { action: 'send-code', method: 'email', reason: 'consent' } }]);
    await ui.type('authing-email-code', '123456');
    await ui.tap('authing-submit-email');
    expect(ui.data().consentVisible).toBe(true);
    await ui.tap('authing-consent-cancel');
    expect(sentSince(mark)).toHaveLength(0);
    await ui.tap('authing-send-email-code');
    await ui.tap('authing-consent-agree');
    await until(() => ui.named('send-code').length, 'send-code event');
    expect(ui.data().agreed).toBe(true);
    await ui.type('authing-email-code', await dev().emailCode(email));
    await ui.tap('authing-submit-email'); // consent given: no prompt now
    await until(() => ui.named('login').length, 'login event');
    expect(ui.named('login')[0].detail.method).toBe('email');
  });

  test('server errors: a rejected send and a wrong code keep the input and re-enable the buttons', async () => {
    const email = freshEmail();
    await call(shared.url, 'POST', '/api/v3/send-email', { email, channel: 'CHANNEL_LOGIN' }, { 'x-authing-userpool-id': shared.userPoolId });
    const ui = render(`${PROPS} methods="email" auto-register`);
    await ui.type('authing-email', email);
    await ui.tap('authing-send-email-code');
    await until(() => ui.named('error').length, 'error event');
    expect(ui.named('error')[0].detail).toMatchObject({ method: 'email', action: 'send-code', error: { statusCode: 429 } });
    expect(ui.data().emailResendLeft).toBe(0);
    const sendMessage = ui.named('error')[0].detail.error.message;
    expect(ui.q('authing-toast').data.message).toBe(sendMessage);
    expect(ui.data().errEmail).toBe('');
    expect(ui.q('authing-send-email-code').data.disabled).toBe(false);
    expect(ui.loading('authing-send-email-code')).toBe(false);
    expect(ui.named('send-code')).toHaveLength(0);
    expect(ui.value('authing-email')).toBe(email);

    const code = await dev().emailCode(email);
    const wrong = code === '000000' ? '111111' : '000000';
    await ui.type('authing-email-code', wrong);
    await ui.tap('authing-submit-email');
    await until(() => ui.named('error').length === 2, 'second error event');
    expect(ui.named('error')[1].detail).toMatchObject({ method: 'email', error: { apiCode: 2001 } });
    expect(ui.named('error')[1].detail.action).toBe('login');
    // The wrong code sits on the code field; no second toast.
    expect(ui.data().errEmailCode).toBe('验证码错误或已失效');
    expect(ui.q('authing-toast').data.message).toBe(sendMessage);
    expect(ui.value('authing-email')).toBe(email);
    expect(ui.value('authing-email-code')).toBe(wrong);
    expect(ui.loading('authing-submit-email')).toBe(false);
    expect(ui.q('authing-submit-email').data.disabled).toBe(false);
    await ui.type('authing-email-code', code);
    expect(ui.data().errEmailCode).toBe('');
    await ui.tap('authing-submit-email');
    await until(() => ui.named('login').length, 'login event');
    expect(ui.named('login')[0].detail.method).toBe('email');
  });
});

describe('WeChat', () => {
  test('one-tap code login with the shared client', async () => {
    core.setDefaultClient(new core.Authing({ appId: shared.appId, userPoolId: shared.userPoolId, host: shared.url }));
    const ui = render('default-method="wechat"');
    const mark = log().length;
    await ui.tap('authing-wechat');
    await until(() => ui.events.length, 'an event');
    expect(ui.named('login')).toHaveLength(1);
    expect(ui.named('login')[0].detail.method).toBe('wechat');
    expect(ui.named('login')[0].detail.loginState.access_token).toBeTruthy();
    const req = sentSince(mark, '/api/v3/signin-by-mobile');
    expect(req).toHaveLength(1);
    expect(JSON.parse(req[0].body)).toMatchObject({ connection: 'wechat_mini_program_code', extIdpConnidentifier: shared.wechatIdp });
  });

  test('phone one-tap login: getphonenumber with a code from the simulated WeChat', async () => {
    // The phone claim comes with the `phone` scope (userInfo is read from the id_token).
    const ui = render(`${PROPS} default-method="wechat" scope="openid profile phone"`);
    expect(ui.q('authing-phone-login').data.openType).toBe('getPhoneNumber');
    const code = await phoneCode('13800000031');
    const mark = log().length;
    ui.q('authing-phone-login').querySelector('.t-button').dispatchEvent('getphonenumber', { detail: { errMsg: 'getPhoneNumber:ok', code } });
    await until(() => ui.events.length, 'an event');
    await until(() => ui.named('login').length || ui.named('error').length, 'outcome');
    expect(ui.named('error')).toHaveLength(0);
    expect(ui.named('login')).toHaveLength(1);
    expect(ui.named('login')[0].detail).toMatchObject({ method: 'phone', userInfo: { phone: '13800000031' } });
    const req = sentSince(mark, '/api/v3/signin-by-mobile');
    expect(req).toHaveLength(1);
    expect(JSON.parse(req[0].body)).toMatchObject({ connection: 'wechat_mini_program_code_and_phone', wechatMiniProgramCodeAndPhonePayload: { wxPhoneInfo: { code } } });
  });

  test('deny → calm message and one cancel event, no request, no error', async () => {
    const ui = render(`${PROPS} default-method="wechat"`);
    const mark = log().length;
    ui.q('authing-phone-login').querySelector('.t-button').dispatchEvent('getphonenumber', { detail: { errMsg: 'getPhoneNumber:fail user deny' } });
    await until(() => ui.named('cancel').length, 'cancel event');
    await simulate.sleep(10);
    expect(ui.named('cancel')).toEqual([{ name: 'cancel', detail: { action: 'login', method: 'phone', reason: 'deny' } }]);
    expect(ui.named('error')).toHaveLength(0);
    expect(sentSince(mark)).toHaveLength(0);
    expect(ui.q('authing-toast').data.message).toBe('已取消手机号授权，可选择其他方式登录');
  });
});

describe('consent gating', () => {
  const withAgreements = (extra = '') => render(`${PROPS} agreements="{{agreements}}" fetch-user-info="{{false}}" ${extra}`, { agreements: AGREEMENTS });

  test('unchecked by default; the phone button is NOT open-type until consent', async () => {
    const ui = withAgreements('default-method="wechat"');
    expect(ui.q('authing-agree').data.checked).toBe(false);
    expect(ui.text()).toContain('《用户协议》');
    expect(ui.text()).toContain('《隐私政策》');
    expect(ui.q('authing-phone-login')).toBeUndefined();
    const gate = ui.q('authing-phone-gate');
    expect(gate.data.openType).toBeFalsy();
    expect(JSON.stringify(gate.querySelector('.t-button').toJSON().attrs)).not.toContain('getPhoneNumber');
    // Checking the box turns it into the open-type button.
    ui.q('authing-agree').querySelector('.t-checkbox').dispatchEvent('tap');
    await simulate.sleep(0);
    expect(ui.data().agreed).toBe(true);
    expect(ui.q('authing-phone-gate')).toBeUndefined();
    expect(ui.q('authing-phone-login').data.openType).toBe('getPhoneNumber');
  });

  test('password: prompt "请先阅读并同意《…》", no request; agree checks the box and logs in', async () => {
    const ui = withAgreements();
    await ui.type('authing-account', DEMO.username);
    await ui.type('authing-password', DEMO.password);
    const mark = log().length;
    await ui.tap('authing-submit-password');
    expect(ui.q('authing-consent').data.visible).toBe(true);
    expect(ui.data().consentText).toBe('请先阅读并同意《用户协议》和《隐私政策》');
    expect(ui.text()).toContain('请先阅读并同意');
    expect(sentSince(mark)).toHaveLength(0);
    await ui.tap('authing-consent-agree');
    await until(() => ui.named('login').length, 'login event');
    expect(ui.data().agreed).toBe(true);
    expect(ui.q('authing-consent').data.visible).toBe(false);
    expect(sentSince(mark, '/api/v3/signin')).toHaveLength(1);
  });

  test('sms: send-code and login are both gated; agree continues the send', async () => {
    const phone = freshPhone();
    const ui = withAgreements('default-method="sms" auto-register');
    await ui.type('authing-phone', phone);
    const mark = log().length;
    await ui.tap('authing-send-code');
    expect(ui.data().consentVisible).toBe(true);
    await ui.tap('authing-consent-cancel');
    expect(ui.named('cancel')).toEqual([{ name: 'cancel', detail: { action: 'send-code', method: 'sms', reason: 'consent' } }]);
    expect(sentSince(mark)).toHaveLength(0);
    await ui.tap('authing-send-code');
    await ui.tap('authing-consent-agree');
    await until(() => ui.named('send-code').length, 'send-code event');
    await ui.type('authing-code', await dev().smsCode(phone));
    await ui.tap('authing-submit-sms'); // consent given: no prompt now
    await until(() => ui.named('login').length, 'login event');
    expect(ui.named('login')[0].detail.method).toBe('sms');
  });

  test('sms login without consent (code typed) is gated too', async () => {
    const ui = withAgreements('default-method="sms"');
    await ui.type('authing-phone', DEMO.phone);
    await ui.type('authing-code', '123456');
    const mark = log().length;
    await ui.tap('authing-submit-sms');
    expect(ui.data().consentVisible).toBe(true);
    expect(sentSince(mark)).toHaveLength(0);
  });

  test('wechat code login: gated, agree continues it', async () => {
    const ui = withAgreements('default-method="wechat"');
    const mark = log().length;
    await ui.tap('authing-wechat');
    expect(ui.data().consentVisible).toBe(true);
    expect(sentSince(mark)).toHaveLength(0);
    await ui.tap('authing-consent-agree');
    await until(() => ui.named('login').length, 'login event');
    expect(ui.named('login')[0].detail.method).toBe('wechat');
  });

  test('phone: the plain button opens the prompt; its agree button is the open-type one and continues the login', async () => {
    const ui = withAgreements('default-method="wechat"');
    const mark = log().length;
    await ui.tap('authing-phone-gate');
    expect(ui.data().consentVisible).toBe(true);
    expect(sentSince(mark)).toHaveLength(0);
    expect(ui.q('authing-consent-agree')).toBeUndefined();
    const agree = ui.q('authing-consent-agree-phone');
    expect(agree.data.openType).toBe('getPhoneNumber|agreePrivacyAuthorization');
    const code = await phoneCode('13800000032');
    agree.querySelector('.t-button').dispatchEvent('getphonenumber', { detail: { errMsg: 'getPhoneNumber:ok', code } });
    await until(() => ui.named('login').length || ui.named('error').length, 'outcome');
    expect(ui.named('login')).toHaveLength(1);
    expect(ui.named('login')[0].detail.method).toBe('phone');
    expect(ui.data().agreed).toBe(true);
  });

  test('agreement links: a page path navigates, every tap is reported', async () => {
    const ui = withAgreements();
    const links = ui.login.querySelectorAll('.authing-login__link');
    links[1].dispatchEvent('tap');
    await simulate.sleep(0);
    expect(ui.named('agreement-tap')[0].detail).toEqual({ index: 1, title: '隐私政策', url: 'https://example.com/privacy' });
  });
});

describe('server and network failures (isolated devserver, configured by properties)', () => {
  let iso;
  beforeAll(async () => { iso = await startDevServer(); });
  afterAll(() => iso.close());

  const fault = (spec) => call(iso.url, 'POST', '/__dev/faults', spec);

  async function failOnce(spec, expected) {
    await fault({ path: '/api/v3/signin', count: 1, ...spec });
    const ui = render(`app-id="${iso.config.appId}" user-pool-id="${iso.config.userPoolId}" host="${iso.url}" timeout="{{600}}"`);
    await ui.type('authing-account', DEMO.username);
    await ui.type('authing-password', DEMO.password);
    await ui.tap('authing-submit-password');
    await until(() => ui.events.length, 'an event');
    expect(ui.named('error')).toHaveLength(1);
    const { error } = ui.named('error')[0].detail;
    expect(error.code).toBe(expected.code);
    // No field to put a transport failure on: a toast only.
    expect(ui.q('authing-toast').data.message).toBe(expected.text(error));
    expect(ui.data().errAccount + ui.data().errPassword).toBe('');
    expect(ui.value('authing-account')).toBe(DEMO.username);
    expect(ui.value('authing-password')).toBe(DEMO.password);
    expect(ui.loading('authing-submit-password')).toBe(false);
    // The fault is gone: the same form now logs in.
    await ui.tap('authing-submit-password');
    await until(() => ui.named('login').length, 'login event');
  }

  test('HTTP 500 with an HTML body', () => failOnce({ kind: 'html500' }, { code: 'http', text: () => '服务暂时不可用（HTTP 500），请稍后重试' }));
  test('connection reset (network failure)', () => failOnce({ kind: 'reset' }, { code: 'network', text: () => '网络异常，请检查网络后重试' }));
  test('timeout', () => failOnce({ kind: 'delay', delayMs: 2000 }, { code: 'timeout', text: () => '请求超时，请稍后重试' }));
  test('an Authing error envelope', () => failOnce({ kind: 'envelope', status: 503, body: '服务维护中' }, { code: 'server', text: (e) => e.message }));
});
