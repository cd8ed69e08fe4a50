// <authing-bind-phone>, embedded by <authing-login bind-phone="…"> after a WeChat code login and on its own,
// rendered by miniprogram-simulate with REAL tdesign children and driven like a user against the shared
// devserver over HTTP (codes read from its /__dev/sms inbox). No mocks; `until` only waits for an outcome.
const { simulate, loadKitComponent, mount, bindings, userActions, clearCountdowns, checkEventVocabulary } = require('../helpers/mp');
const { until } = require('../helpers/until');
const { shared, dev } = require('../helpers/server');
const core = require('../../miniprogram_dist/index');

checkEventVocabulary();

const DEMO_PHONE = '13800000000';
const EVENTS = ['login', 'error', 'send-code', 'cancel', 'screen-change', 'bind'];
const PROPS = `app-id="${shared.appId}" user-pool-id="${shared.userPoolId}" host="${shared.url}"`;

// The login first: it registers the nested <authing-bind-phone> (simulate registers a path once per file).
let loginTag;
let bindTag;
beforeAll(() => {
  loginTag = loadKitComponent('login');
  bindTag = loadKitComponent('bind-phone');
});
const mounted = [];
beforeEach(() => {
  wx.__control.storage.clear();
  clearCountdowns();
});
afterEach(() => {
  while (mounted.length) mounted.pop().detach();
  wx.__control.openid = undefined;
});

let seq = 0;
/** A WeChat user nobody has logged in as yet (so: no phone). */
const freshOpenid = () => { wx.__control.openid = `bind-phone-${process.pid}-${++seq}`; };
/** A phone number nobody used yet in this run. */
const freshPhone = () => `1367${String(process.pid % 1000).padStart(3, '0')}${String(++seq).padStart(4, '0')}`;
const bindCode = (phone) => dev().smsCode(phone, 'CHANNEL_BIND_PHONE');
const log = () => wx.__control.log;
const sentSince = (mark, path) => log().slice(mark).filter((r) => !path || new URL(r.url).pathname === path);

function render(tag, name, attrs) {
  const { host, events } = mount({ [name]: tag }, `<${name} id="c" ${attrs} ${bindings(EVENTS)} />`, { events: EVENTS });
  mounted.push(host);
  const c = host.querySelector('#c');
  return { host, c, events, ...userActions(host, c, events) };
}

/** <authing-login> after a WeChat tap of a phoneless user: the bind-phone step and what a user does in it. */
async function loginToBindStep(mode, extra = '') {
  freshOpenid();
  const ui = render(loginTag, 'authing-login', `${PROPS} default-method="wechat" phone-binding="${mode}" ${extra}`);
  await ui.tap('authing-wechat');
  await until(() => ui.c.querySelector('#authing-screen-bind-phone'), 'the bind-phone screen');
  const step = ui.c.querySelector('#authing-screen-bind-phone');
  return { ui, step: userActions(ui.host, step, ui.events) };
}

describe('in <authing-login> after a WeChat login', () => {
  test('a phoneless user is asked for a phone, binds it by SMS code, and only then login (phoneBound)', async () => {
    const { ui, step } = await loginToBindStep('required');
    expect(ui.c.instance.data.screen).toBe('bind-phone');
    expect(ui.named('login')).toHaveLength(0);
    expect(ui.named('screen-change').map((e) => e.detail)).toEqual([{ screen: 'bind-phone' }]);
    expect(step.text()).toContain('绑定手机号');
    expect(step.q('authing-bind-skip')).toBeUndefined(); // required: no way around it

    const phone = freshPhone();
    await step.type('authing-bind-phone', phone);
    await step.tap('authing-bind-send-code');
    await until(() => ui.named('send-code').length, 'send-code passed on by the login');
    expect(ui.named('send-code')[0].detail).toEqual({ phone, countryCode: '+86' });
    await until(() => step.q('authing-bind-send-code').data.disabled, 'the countdown');
    expect(step.text()).toMatch(/\d+s 后重发/);

    await step.type('authing-bind-code', await bindCode(phone));
    await step.tap('authing-bind-submit');
    await until(() => ui.named('login').length, 'login');
    const detail = ui.named('login')[0].detail;
    expect(detail).toMatchObject({ method: 'wechat', phoneBound: true, loginState: { access_token: expect.any(String) } });
    expect(ui.c.instance.data.screen).toBe('login');
    const client = new core.Authing({ appId: shared.appId, userPoolId: shared.userPoolId, host: shared.url });
    const [, user] = await client.getUserInfo();
    expect(user.phone).toBe(phone);
  });

  test("optional: skip → cancel {bind-phone, skip}, then login without a phone; nothing sent by the skip", async () => {
    const { ui, step } = await loginToBindStep('optional');
    const mark = log().length;
    await step.tap('authing-bind-skip');
    await until(() => ui.named('login').length, 'login');
    expect(ui.named('cancel').map((e) => e.detail)).toEqual([{ action: 'bind-phone', reason: 'skip' }]);
    expect(ui.named('login')[0].detail.method).toBe('wechat');
    expect(ui.named('login')[0].detail).not.toHaveProperty('phoneBound');
    expect(sentSince(mark)).toHaveLength(0);
    expect(ui.c.querySelector('#authing-screen-bind-phone')).toBeUndefined();
  });

  test("a phone of another account: the server's message on the phone field; a wrong code on the code field", async () => {
    const { ui, step } = await loginToBindStep('optional');
    await step.type('authing-bind-phone', DEMO_PHONE);
    await step.tap('authing-bind-send-code');
    await until(() => ui.named('send-code').length, 'send-code');
    const code = await bindCode(DEMO_PHONE);
    await step.type('authing-bind-code', code === '000000' ? '111111' : '000000');
    await step.tap('authing-bind-submit');
    await until(() => step.q('authing-bind-code').data.tips, 'the code tip');
    expect(step.q('authing-bind-code').data.tips).toBe('验证码错误或已失效');
    expect(step.q('authing-bind-phone').data.tips).toBe('');

    await step.type('authing-bind-code', code);
    await step.tap('authing-bind-submit');
    await until(() => step.q('authing-bind-phone').data.tips, 'the phone tip');
    expect(step.q('authing-bind-phone').data.tips).toBe(`手机号已被使用：${DEMO_PHONE}`);
    expect(step.q('authing-bind-code').data.tips).toBe('');
    // Shown once, in place: no message line, and the typed values stay.
    expect(step.q('authing-bind-message')).toBeUndefined();
    expect(step.value('authing-bind-phone')).toBe(DEMO_PHONE);
    const errors = ui.named('error').map((e) => e.detail);
    expect(errors.map((e) => [e.action, e.error.apiCode])).toEqual([['bind-phone', 2001], ['bind-phone', 2026]]);
    expect(ui.named('login')).toHaveLength(0);
    expect(step.q('authing-bind-submit').data.loading).toBe(false);
  });

  test('bad input: the message on its field and zero requests', async () => {
    const { step } = await loginToBindStep('optional');
    const mark = log().length;
    await step.tap('authing-bind-send-code');
    expect(step.q('authing-bind-phone').data.tips).toBe('请输入手机号');
    await step.type('authing-bind-phone', '123');
    await step.tap('authing-bind-submit');
    expect(step.q('authing-bind-phone').data.tips).toBe('请输入正确的手机号');
    expect(step.q('authing-bind-code').data.tips).toBe('请输入验证码');
    await simulate.sleep(20);
    expect(sentSince(mark)).toHaveLength(0);
  });

  test("a WeChat user who already has a phone (claims with scope phone) logs in at once", async () => {
    freshOpenid();
    const phone = freshPhone();
    const { code } = await dev().post('/__dev/wx/phone-code', { phoneNumber: phone });
    const c = new core.Authing({ appId: shared.appId, userPoolId: shared.userPoolId, host: shared.url });
    const [err] = await c.loginByPhone({ extIdpConnidentifier: shared.wechatIdp, wechatMiniProgramCodeAndPhonePayload: { wxPhoneInfo: { code } } });
    expect(err).toBeNull();
    wx.__control.storage.clear();
    const ui = render(loginTag, 'authing-login', `${PROPS} default-method="wechat" phone-binding="required" scope="openid profile phone"`);
    const mark = log().length;
    await ui.tap('authing-wechat');
    await until(() => ui.named('login').length, 'login');
    expect(ui.named('login')[0].detail.userInfo.phone).toBe(phone);
    expect(ui.named('screen-change')).toHaveLength(0);
    expect(sentSince(mark, '/api/v3/get-profile')).toHaveLength(0);
  });
});

describe('standalone', () => {
  test('en-US texts, skippable, and the skip event; a logged-out user gets the message line', async () => {
    const ui = render(bindTag, 'authing-bind-phone', `${PROPS} lang="en-US" skippable`);
    expect(ui.text()).toContain('Bind your phone');
    expect(ui.text()).toContain('Skip for now');
    await ui.type('authing-bind-phone', freshPhone());
    await ui.type('authing-bind-code', '123456');
    await ui.tap('authing-bind-submit');
    await until(() => ui.q('authing-bind-message'), 'the message line');
    expect(ui.named('error')[0].detail).toMatchObject({ action: 'bind-phone', method: 'sms' });
    expect(ui.q('authing-bind-submit').data.loading).toBe(false);
    await ui.tap('authing-bind-skip');
    expect(ui.named('cancel').map((e) => e.detail)).toEqual([{ action: 'bind-phone', reason: 'skip' }]);
  });
});
