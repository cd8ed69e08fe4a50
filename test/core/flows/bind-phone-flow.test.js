// The <authing-bind-phone> flow (core/flows/bind-phone-flow) without any simulator: a recording host, the REAL
// client logged in by a WeChat code (a user without a phone) and an isolated devserver over HTTP. Bad input
// sends nothing; a wrong code and a phone of another account land on their field; the right code binds.
const { createWechatPlatform } = require('../../../miniprogram_dist/index');
require('../../../miniprogram_dist/account');
const { BindPhoneFlow } = require('../../helpers/kit').internal('core/flows/bind-phone-flow');
const { lacksPhone, bindFieldOfError } = require('../../helpers/kit').internal('core/flows/bind-phone');
const { CountdownStore } = require('../../helpers/kit').internal('core/flows/countdown');
const { BIND_PHONE_TEXTS } = require('../../helpers/kit').internal('components/bind-phone/texts');
const { recordingHost, useFlowServer } = require('./flow-host');

const DEMO_PHONE = '13800000000';
const env = useFlowServer({ clearFaults: true });
let seq = 0;

/** A client logged in by a WeChat code as a brand-new (phoneless) user. */
async function wechatUser(scope) {
  wx.clearStorageSync();
  wx.__control.openid = `bind-flow-${++seq}`;
  const client = env.client();
  const [err, loginState] = await client.loginByCode({ extIdpConnidentifier: env.srv.config.wechatIdpIdentifier, ...(scope ? { options: { scope } } : {}) });
  if (err) throw new Error(err.message);
  return { client, loginState };
}

function makeFlow(client, config = {}, store = new CountdownStore({ storage: null })) {
  const { host, rec } = recordingHost(BIND_PHONE_TEXTS['zh-CN'], { client, extra: { bindPhone: (c, d) => c.bindPhone(d) } });
  return { flow: new BindPhoneFlow(host, config, store), rec, store };
}
const sent = (path) => env.srv.requests.filter((r) => r.path === path);
const smsCode = (phone) => env.dev.smsCode(phone, 'CHANNEL_BIND_PHONE');
const uniquePhone = () => `1370000${String(1000 + seq).slice(-4)}`;

test('bad input: problems on their fields, one render each, zero requests', async () => {
  const { client } = await wechatUser();
  const { flow, rec } = makeFlow(client);
  const before = env.srv.requests.length;
  await flow.sendCode();
  expect(flow.state.errors.phone).toEqual({ key: 'required', params: { field: 'phone' } });
  flow.input('phone', '12345');
  expect(flow.state.errors.phone).toBeNull(); // typing clears the visible error
  await flow.submit();
  expect(flow.state.errors.phone.key).toBe('invalidPhone');
  expect(flow.state.errors.code).toEqual({ key: 'required', params: { field: 'code' } });
  flow.input('phone', '13700009999'); // clears the phone error: a render
  flow.input('code', '12'); // clears the code error: a render
  flow.input('code', '123'); // nothing visible changes: no render
  await flow.submit();
  expect(flow.state.errors).toEqual({ phone: null, code: { key: 'invalidSmsCode', params: { length: 6 } } });
  expect(env.srv.requests.length).toBe(before);
  expect(rec.events).toEqual([]);
  // sendCode, submit ×2 and the two inputs that cleared a visible error; the clean input rendered nothing.
  expect(rec.changes).toBe(6);
});

test('send → countdown and send-code; a second send while it runs sends nothing; a wrong code lands on the code field; the right one binds', async () => {
  const { client } = await wechatUser();
  const { flow, rec } = makeFlow(client);
  const phone = uniquePhone();
  flow.input('phone', ` ${phone} `);
  const sending = flow.sendCode();
  expect(flow.state.busy).toBe('send-code');
  await sending;
  expect(flow.state.busy).toBeNull();
  expect(flow.state.countdownEndsAt).toBeGreaterThan(Date.now() + 50000);
  expect(flow.state.notice).toEqual({ tone: 'info', key: 'codeSent' });
  expect(rec.events).toEqual([{ name: 'send-code', detail: { phone, countryCode: '+86' } }]);
  expect(JSON.parse(sent('/api/v3/send-sms').pop().body)).toMatchObject({ phoneNumber: phone, channel: 'CHANNEL_BIND_PHONE', phoneCountryCode: '+86' });
  const sends = sent('/api/v3/send-sms').length;
  await flow.sendCode();
  expect(sent('/api/v3/send-sms').length).toBe(sends);

  const code = await smsCode(phone);
  flow.input('code', code === '000000' ? '111111' : '000000');
  await flow.submit();
  expect(flow.state.errors.code.error.apiCode).toBe(2001);
  expect(flow.state.errors.phone).toBeNull();
  expect(flow.state.notice).toBeNull();
  expect(rec.events[1]).toMatchObject({ name: 'error', detail: { action: 'bind-phone', method: 'sms', code: expect.any(String) } });
  expect(flow.value('phone')).toBe(` ${phone} `); // nothing typed is lost

  flow.input('code', code);
  await flow.submit();
  expect(rec.events[2]).toEqual({ name: 'bind', detail: { method: 'sms' } });
  expect(flow.state).toMatchObject({ bound: true, busy: null, countdownEndsAt: 0, notice: { tone: 'success', key: 'bound' } });
  const [, user] = await client.getUserInfo();
  expect(user.phone).toBe(phone);
  // Done: further taps send nothing.
  const count = env.srv.requests.length;
  await flow.submit();
  await flow.sendCode();
  expect(env.srv.requests.length).toBe(count);
});

test('a phone that belongs to another account: the server\'s message on the phone field, in the client\'s language', async () => {
  const { client } = await wechatUser();
  const { flow, rec } = makeFlow(client);
  flow.input('phone', DEMO_PHONE);
  await flow.sendCode();
  flow.input('code', await smsCode(DEMO_PHONE));
  await flow.submit();
  const e = flow.state.errors.phone.error;
  expect(e.apiCode).toBe(2026);
  expect(e.message).toBe(`手机号已被使用：${DEMO_PHONE}`);
  expect(flow.state.errors.code).toBeNull();
  expect(flow.state.bound).toBe(false);
  expect(rec.events.map((x) => x.name)).toEqual(['send-code', 'error']);
});

test('a failure of no field goes to the message line (not logged in)', async () => {
  const client = env.client();
  wx.clearStorageSync();
  const { flow, rec } = makeFlow(client);
  flow.input('phone', '13700008888');
  flow.input('code', '123456');
  await flow.submit();
  expect(flow.state.errors).toEqual({ phone: null, code: null });
  expect(flow.state.notice.tone).toBe('error');
  expect(rec.events[0]).toMatchObject({ name: 'error', detail: { action: 'bind-phone', method: 'sms' } });
  expect(flow.state.busy).toBeNull();
});

test('no client configured: notConfigured in the message line, no request', async () => {
  const { flow, rec } = makeFlow(null);
  flow.input('phone', '13700008888');
  const before = env.srv.requests.length;
  await flow.sendCode();
  expect(flow.state.notice).toEqual({ tone: 'error', error: expect.objectContaining({ code: 'invalid_options', message: BIND_PHONE_TEXTS['zh-CN'].notConfigured }) });
  expect(rec.events[0].detail).toMatchObject({ action: 'send-code', code: 'invalid_options' });
  expect(env.srv.requests.length).toBe(before);
});

test('skip: only when skippable, as cancel {action: bind-phone, reason: skip}', async () => {
  const { flow, rec } = makeFlow(null);
  flow.skip();
  expect(rec.events).toEqual([]);
  flow.configure({ skippable: true });
  expect(flow.state.skippable).toBe(true);
  flow.skip();
  expect(rec.events).toEqual([{ name: 'cancel', detail: { action: 'bind-phone', reason: 'skip' } }]);
});

test('restore: a bind countdown still running comes back with its phone and country code', () => {
  const store = new CountdownStore({ storage: null });
  store.start('CHANNEL_LOGIN:+86:13700000001', 60); // another channel: not this step's
  const { flow: first } = makeFlow(null, {}, store);
  first.restore();
  expect(first.value('phone')).toBe('');
  store.start('CHANNEL_BIND_PHONE:+852:61234567', 60);
  const { flow, rec } = makeFlow(null, {}, store);
  flow.restore();
  expect(flow.value('phone')).toBe('61234567');
  expect(flow.state.countryCode).toBe('+852');
  expect(flow.state.countdownEndsAt).toBeGreaterThan(Date.now());
  expect(rec.changes).toBe(1);
  // Another number: no countdown for it.
  flow.input('phone', '61234568');
  expect(flow.state.countdownEndsAt).toBe(0);
});

test('detach: a late answer neither renders nor emits', async () => {
  const { client } = await wechatUser();
  const { flow, rec } = makeFlow(client);
  flow.input('phone', uniquePhone());
  const p = flow.sendCode();
  const changes = rec.changes;
  flow.detach();
  await p;
  expect(rec.changes).toBe(changes);
  expect(rec.events).toEqual([]);
});

describe('lacksPhone (after a WeChat login)', () => {
  test('from the id_token when its scope has phone: no request', async () => {
    const { client, loginState } = await wechatUser('openid profile phone');
    const before = env.srv.requests.length;
    expect(await lacksPhone(client, { method: 'wechat', loginState })).toBe(true);
    expect(await lacksPhone(client, { method: 'wechat', loginState: { ...loginState, id_token: fakeToken({ sub: 'u', phone_number: '13700000000' }) } })).toBe(false);
    expect(env.srv.requests.length).toBe(before);
  });

  test('from a full profile already read: no request', async () => {
    const { client, loginState } = await wechatUser();
    const before = env.srv.requests.length;
    expect(await lacksPhone(client, { method: 'wechat', loginState, userInfo: { userId: 'u', phone: '13700000000' }, userInfoSource: 'profile' })).toBe(false);
    expect(env.srv.requests.length).toBe(before);
  });

  test('a profile that cannot be read counts as no phone (the step asks; the server refuses a second phone)', async () => {
    wx.clearStorageSync();
    wx.__control.openid = `bind-flow-${++seq}`;
    const client = env.client();
    const { code } = await env.dev.post('/__dev/wx/phone-code', { phoneNumber: uniquePhone() });
    const [err, loginState] = await client.loginByPhone({ extIdpConnidentifier: env.srv.config.wechatIdpIdentifier, wechatMiniProgramCodeAndPhonePayload: { wxPhoneInfo: { code } } });
    expect(err).toBeNull();
    expect(await lacksPhone(client, { method: 'wechat', loginState })).toBe(false);
    await env.dev.post('/__dev/faults', { path: '/api/v3/get-profile', kind: 'html500', count: 1 });
    expect(await lacksPhone(client, { method: 'wechat', loginState })).toBe(true);
  });

  test('otherwise one get-profile', async () => {
    const { client, loginState } = await wechatUser();
    const before = sent('/api/v3/get-profile').length;
    expect(await lacksPhone(client, { method: 'wechat', loginState })).toBe(true);
    expect(sent('/api/v3/get-profile').length).toBe(before + 1);
  });
});

test('bindFieldOfError: wrong code → code, malformed or taken phone → phone, else none', () => {
  expect(bindFieldOfError({ message: 'x', apiCode: 2001 }, ['phone', 'code'])).toBe('code');
  expect(bindFieldOfError({ message: 'x', apiCode: 3101 }, ['phone'])).toBe('phone');
  expect(bindFieldOfError({ message: 'x', apiCode: 2026 }, ['phone', 'code'])).toBe('phone');
  expect(bindFieldOfError({ message: 'x', apiCode: 2035 }, ['phone', 'code'])).toBe('phone');
  expect(bindFieldOfError({ message: 'x', apiCode: 2026 }, ['code'])).toBeNull();
  expect(bindFieldOfError({ message: 'x', apiCode: 2032 }, ['phone', 'code'])).toBeNull();
  expect(bindFieldOfError({ message: 'x' }, ['phone', 'code'])).toBeNull();
});

/** An unsigned JWT with these claims (lacksPhone reads, never verifies). */
function fakeToken(claims) {
  const b64 = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${b64({ alg: 'none' })}.${b64(claims)}.x`;
}

describe('<authing-login>\'s flow with bind-phone (LoginForm over a wx shim)', () => {
  const { createWxShim } = require('../../../devserver/wx-shim');
  const { createNodeTransport } = require('../../../devserver/wx-shim/node-transport');
  const { LoginForm } = require('../../helpers/kit').internal('core/flows/login-form');
  let shim;
  beforeAll(() => { shim = createWxShim({ baseUrl: env.srv.url, transport: createNodeTransport() }); });

  const makeClient = () => env.client({ platform: createWechatPlatform(shim) });
  function makeForm(config) {
    shim.__control.storage.clear();
    shim.__control.openid = `bind-login-${++seq}`;
    const c = makeClient();
    const rec = { events: [] };
    const form = new LoginForm({
      getClient: () => c, onChange: () => undefined, emit: (name, detail) => rec.events.push({ name, detail }), notify: () => undefined, message: (k) => k,
    }, { methods: ['wechat', 'password'], ...config }, new CountdownStore({ storage: null }));
    return { form, rec, c };
  }
  const names = (rec) => rec.events.map((e) => e.name);

  test("'off' (default): a phoneless WeChat user logs in at once, no extra request", async () => {
    const { form, rec } = makeForm({});
    const profiles = sent('/api/v3/get-profile').length;
    await form.wechatLogin();
    expect(names(rec)).toEqual(['login']);
    expect(form.state.screen).toBe('login');
    expect(sent('/api/v3/get-profile').length).toBe(profiles);
  });

  test("'optional': the bind-phone screen first; skip → cancel, then login without phoneBound", async () => {
    const { form, rec } = makeForm({ phoneBinding: 'optional' });
    await form.wechatLogin();
    expect(form.state.screen).toBe('bind-phone');
    expect(rec.events).toEqual([{ name: 'screen-change', detail: { screen: 'bind-phone' } }]);
    form.phoneSkipped();
    expect(names(rec)).toEqual(['screen-change', 'screen-change', 'cancel', 'login']);
    expect(rec.events[2].detail).toEqual({ action: 'bind-phone', reason: 'skip' });
    expect(rec.events[3].detail.method).toBe('wechat');
    expect(rec.events[3].detail).not.toHaveProperty('phoneBound');
    expect(form.state.screen).toBe('login');
    form.phoneSkipped(); // nothing held back any more
    expect(rec.events).toHaveLength(4);
  });

  test("'required': no skip; bound → login with phoneBound: true", async () => {
    const { form, rec } = makeForm({ phoneBinding: 'required' });
    await form.wechatLogin();
    expect(form.state.screen).toBe('bind-phone');
    form.phoneSkipped();
    expect(names(rec)).toEqual(['screen-change']);
    form.phoneBound();
    expect(names(rec)).toEqual(['screen-change', 'screen-change', 'login']);
    expect(rec.events[2].detail).toMatchObject({ method: 'wechat', phoneBound: true, loginState: { access_token: expect.any(String) } });
  });

  test('a WeChat user who has a phone (read from the id_token) and a password login are never asked', async () => {
    const { form, rec } = makeForm({ phoneBinding: 'required', scope: 'openid profile phone' });
    const phone = uniquePhone();
    // The phone is bound to this openid's user by a code + phone login first.
    const { code } = await env.dev.post('/__dev/wx/phone-code', { phoneNumber: phone });
    const [wxErr] = await makeClient().loginByPhone({ extIdpConnidentifier: env.srv.config.wechatIdpIdentifier, wechatMiniProgramCodeAndPhonePayload: { wxPhoneInfo: { code } } });
    shim.__control.storage.clear();
    expect(wxErr).toBeNull();
    const profiles = sent('/api/v3/get-profile').length;
    await form.wechatLogin();
    expect(names(rec)).toEqual(['login']);
    expect(rec.events[0].detail.userInfo.phone).toBe(phone);
    expect(sent('/api/v3/get-profile').length).toBe(profiles);

    const pw = makeForm({ phoneBinding: 'required', methods: ['password'] });
    pw.form.input('account', 'demo');
    pw.form.input('password', 'Demo@123456');
    await pw.form.submit();
    expect(names(pw.rec)).toEqual(['login']);
  });
});
