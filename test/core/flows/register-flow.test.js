// The <authing-register> flow (core/flows/register-flow) without any simulator: a recording host, the REAL
// client and an isolated devserver over HTTP. Sign-up by password and by code ends logged in (`register`
// then `login`), the server's message lands on its field, bad input sends nothing, consent parks the
// action, and a failed sign-in after the sign-up retries the sign-in only.
const { call } = require('../../helpers/server');
require('../../../miniprogram_dist/journey');
require('../../../miniprogram_dist/account'); // email codes
require('../../../miniprogram_dist/crypto/rsa');
const { RegisterFlow, parseRegisterMethods, parseSignUpFields } = require('../../helpers/kit').internal('core/flows/register-flow');
const { CountdownStore } = require('../../helpers/kit').internal('core/flows/countdown');
const { vocabularyProblems } = require('../../helpers/vocabulary');
const { useFlowServer } = require('./flow-host');

const env = useFlowServer({ shimOpenid: 'register-flow-openid', clearFaults: true });
const { client } = env;

function makeFlow(config = {}, c = client()) {
  const rec = { changes: 0, events: [], notices: [] };
  const flow = new RegisterFlow({
    getClient: () => (c ? [null, c] : [{ message: 'not configured', code: 'invalid_options' }, undefined]),
    onChange: () => { rec.changes += 1; },
    emit: (name, detail) => rec.events.push({ name, detail }),
    notify: (n) => rec.notices.push(n),
  }, config, new CountdownStore({ storage: null }));
  return { flow, rec, client: c };
}

const since = (mark, path) => env.srv.requests.slice(mark).filter((r) => !path || r.path === path);
const names = (rec) => rec.events.map((e) => e.name);
const type = (flow, values) => { for (const [k, v] of Object.entries(values)) flow.input(k, v); };

let seq = 0;
const fresh = () => `${process.pid % 1000}${Date.now() % 100000}${++seq}`;
const freshPhone = () => `137${String(process.pid % 1000).padStart(3, '0')}${String(++seq).padStart(5, '0')}`;

describe('helpers', () => {
  test('methods: known ones in order, nothing → password + sms; fields: the sign-up profile fields only, none by default', () => {
    expect(parseRegisterMethods('email, password, fax, email')).toEqual(['email', 'password']);
    expect(parseRegisterMethods('')).toEqual(['password', 'sms']);
    expect(parseSignUpFields('nickname, street-address, gender, nope')).toEqual(['nickname', 'streetAddress']);
    expect(parseSignUpFields(undefined)).toEqual([]);
  });
});

describe('sign-up by password', () => {
  test('username + password twice + nickname: register, then login (stored); one render now, one when it settles', async () => {
    const { flow, rec, client: c } = makeFlow({ fields: 'nickname' });
    const username = `reg-${fresh()}`;
    type(flow, { account: username, password: 'Signup@123', confirm: 'Signup@123', nickname: 'Newbie' });
    expect(rec.changes).toBe(0); // typing renders nothing
    const mark = env.srv.requests.length;
    const p = flow.submit();
    expect(flow.state.busy).toBe('register');
    expect(rec.changes).toBe(1);
    await p;
    expect(rec.changes).toBe(2);
    expect(flow.state.busy).toBe(null);
    expect(names(rec)).toEqual(['register', 'login']);
    const reg = rec.events[0].detail;
    expect(reg.method).toBe('password');
    expect(reg.user.username).toBe(username);
    expect(typeof reg.user.id).toBe('string');
    expect(rec.events[1].detail.method).toBe('password');
    expect(rec.events[1].detail.userInfo.username).toBe(username);
    expect(JSON.stringify(rec.events)).not.toContain('Signup@123');
    expect(vocabularyProblems(rec.events)).toEqual([]);
    const signUp = JSON.parse(since(mark, '/api/v3/signup')[0].body);
    expect(signUp.connection).toBe('PASSWORD');
    expect(signUp.passwordPayload.username).toBe(username);
    expect(signUp.profile).toEqual({ nickname: 'Newbie' });
    expect(since(mark, '/api/v3/signin')).toHaveLength(1);
    const [, state] = await c.getLoginState();
    expect(state && state.access_token).toBeTruthy();
  });

  test('an email account with encrypt="rsa": both requests carry the encrypted password', async () => {
    const { flow, rec } = makeFlow({ encrypt: 'rsa' });
    const email = `reg-${fresh()}@example.com`;
    type(flow, { account: email, password: 'Signup@123', confirm: 'Signup@123' });
    const mark = env.srv.requests.length;
    await flow.submit();
    expect(names(rec)).toEqual(['register', 'login']);
    expect(rec.events[0].detail.user.email).toBe(email);
    const signUp = JSON.parse(since(mark, '/api/v3/signup')[0].body);
    expect(signUp.passwordPayload.email).toBe(email);
    expect(signUp.options.passwordEncryptType).toBe('rsa');
    expect(signUp.passwordPayload.password).not.toBe('Signup@123');
    const signIn = JSON.parse(since(mark, '/api/v3/signin')[0].body);
    expect(signIn.options.passwordEncryptType).toBe('rsa');
  });

  test('a taken username: the server\'s message on the account field, no toast, an error event; everything typed stays', async () => {
    const { flow, rec } = makeFlow();
    type(flow, { account: 'demo', password: 'Signup@123', confirm: 'Signup@123' });
    await flow.submit();
    const e = flow.state.errors.account;
    expect(e.error.apiCode).toBe(2026);
    expect(e.error.message).toContain('demo');
    expect(rec.notices).toEqual([]);
    expect(names(rec)).toEqual(['error']);
    expect(rec.events[0].detail).toMatchObject({ action: 'register', method: 'password', code: expect.any(String) });
    expect(flow.value('account')).toBe('demo');
    expect(flow.value('password')).toBe('Signup@123');
    expect(flow.state.busy).toBe(null);
    // typing into the field clears its error (one render)
    const before = rec.changes;
    flow.input('account', 'demo2');
    expect(flow.state.errors.account).toBe(null);
    expect(rec.changes).toBe(before + 1);
  });

  test('bad input: each problem on its field, localized later, zero requests', async () => {
    const { flow, rec } = makeFlow({ fields: 'nickname' });
    const mark = env.srv.requests.length;
    await flow.submit();
    expect(flow.state.errors).toEqual({ account: { key: 'required', params: { field: 'account' } }, password: { key: 'required', params: { field: 'password' } } });
    type(flow, { account: 'alice@', password: '123', confirm: '123' });
    await flow.submit();
    expect(flow.state.errors.account).toEqual({ key: 'invalidEmail' });
    expect(flow.state.errors.password).toEqual({ key: 'invalidPassword', params: { min: 6, max: 64 } });
    type(flow, { account: `ok-${fresh()}`, password: 'Signup@123', confirm: 'Signup@124', nickname: 'x'.repeat(65) });
    await flow.submit();
    expect(flow.state.errors).toEqual({ confirm: { key: 'passwordMismatch' }, nickname: { key: 'tooLong', params: { field: 'nickname', max: 64 } } });
    flow.input('confirm', '');
    await flow.submit();
    expect(flow.state.errors.confirm).toEqual({ key: 'required', params: { field: 'confirm' } });
    expect(since(mark)).toEqual([]);
    expect(names(rec)).toEqual([]);
  });

  test('the sign-in after the sign-up fails: error {action:"login"} as a toast; the retry signs in only', async () => {
    const { flow, rec } = makeFlow();
    type(flow, { account: `retry-${fresh()}`, password: 'Signup@123', confirm: 'Signup@123' });
    await call(env.srv.url, 'POST', '/__dev/faults', { path: '/api/v3/signin', kind: 'envelope', status: 500 });
    const mark = env.srv.requests.length;
    await flow.submit();
    expect(names(rec)).toEqual(['register', 'error']);
    expect(rec.events[1].detail.action).toBe('login');
    expect(rec.notices).toHaveLength(1);
    expect(rec.notices[0].type).toBe('error');
    await flow.submit();
    expect(names(rec)).toEqual(['register', 'error', 'login']);
    expect(since(mark, '/api/v3/signup')).toHaveLength(1);
    expect(since(mark, '/api/v3/signin')).toHaveLength(2);
  });
});

describe('sign-up by code', () => {
  test('sms: CHANNEL_REGISTER send starts the countdown; sign-up carries the password; login by phone', async () => {
    const { flow, rec } = makeFlow({ methods: 'sms,password' });
    expect(flow.state.method).toBe('sms');
    const phone = freshPhone();
    flow.input('phone', phone);
    const mark = env.srv.requests.length;
    await flow.sendCode();
    expect(JSON.parse(since(mark, '/api/v3/send-sms')[0].body)).toMatchObject({ phoneNumber: phone, channel: 'CHANNEL_REGISTER' });
    expect(flow.state.countdownEndsAt).toBeGreaterThan(Date.now());
    expect(rec.notices).toEqual([{ type: 'info', key: 'codeSent' }]);
    // a second tap during the countdown sends nothing
    await flow.sendCode();
    expect(since(mark, '/api/v3/send-sms')).toHaveLength(1);
    const code = (await call(env.srv.url, 'GET', `/__dev/sms/latest?phone=${phone}&channel=CHANNEL_REGISTER`)).json.code;
    type(flow, { code, password: 'Signup@123', confirm: 'Signup@123' });
    await flow.submit();
    expect(names(rec)).toEqual(['send-code', 'register', 'login']);
    expect(rec.events[1].detail).toMatchObject({ method: 'sms', user: { phone } });
    expect(rec.events[2].detail.method).toBe('sms');
    const signUp = JSON.parse(since(mark, '/api/v3/signup')[0].body);
    expect(signUp).toMatchObject({ connection: 'PASSCODE', passCodePayload: { phone, passCode: code, phoneCountryCode: '+86' } });
    expect(signUp.options.passwordForPhonePassCode).toBeTruthy();
    expect(JSON.parse(since(mark, '/api/v3/signin')[0].body).passwordPayload.phone).toBe(phone);
    expect(JSON.stringify(rec.events)).not.toContain(code);
    expect(vocabularyProblems(rec.events)).toEqual([]);
  });

  test('email: a wrong code shows the server\'s message on the code field; the right one signs up and in', async () => {
    const { flow, rec } = makeFlow({ methods: 'email' });
    const email = `code-${fresh()}@example.com`;
    flow.input('email', email);
    await flow.sendCode();
    expect(names(rec)).toEqual(['send-code']);
    const code = (await call(env.srv.url, 'GET', `/__dev/email/latest?email=${encodeURIComponent(email)}&channel=CHANNEL_REGISTER`)).json.code;
    const wrong = code === '000000' ? '111111' : '000000';
    type(flow, { emailCode: wrong, password: 'Signup@123', confirm: 'Signup@123' });
    await flow.submit();
    expect(flow.state.errors.emailCode.error.apiCode).toBe(2001);
    expect(flow.state.errors.emailCode.error.message).toBeTruthy();
    expect(rec.notices).toEqual([{ type: 'info', key: 'codeSent' }]);
    expect(names(rec)).toEqual(['send-code', 'error']);
    flow.input('emailCode', code);
    await flow.submit();
    expect(names(rec)).toEqual(['send-code', 'error', 'register', 'login']);
    expect(rec.events[2].detail).toMatchObject({ method: 'email', user: { email } });
  });

  test('countdowns of the sign-up channel: shown for the typed targets, both ended by one tick (one render)', () => {
    let now = 1_000_000;
    const store = new CountdownStore({ storage: null, now: () => now });
    store.start('CHANNEL_REGISTER:+86:13500000001', 60);
    store.start('email::tick@example.com', 60);
    store.start('CHANNEL_LOGIN:+86:13500000002', 60); // the login's: not a sign-up countdown
    const rec = { changes: 0 };
    const flow = new RegisterFlow({ getClient: () => [null, client()], onChange: () => { rec.changes += 1; }, emit: () => {}, notify: () => {} }, { methods: 'sms,email' }, store, () => now);
    flow.input('phone', '13500000001');
    flow.input('email', 'tick@example.com');
    expect(flow.state.countdownEndsAt).toBe(now + 60000);
    expect(flow.state.emailCountdownEndsAt).toBe(now + 60000);
    flow.input('phone', '13500000002');
    expect(flow.state.countdownEndsAt).toBe(0);
    flow.input('phone', '13500000001');
    const before = rec.changes;
    now += 61000;
    flow.countdownTick();
    expect(flow.state.countdownEndsAt).toBe(0);
    expect(flow.state.emailCountdownEndsAt).toBe(0);
    expect(rec.changes).toBe(before + 1);
  });

  test('bad phone or code format: on the field, zero requests', async () => {
    const { flow } = makeFlow({ methods: 'sms' });
    const mark = env.srv.requests.length;
    flow.input('phone', '12');
    await flow.sendCode();
    expect(flow.state.errors).toEqual({ phone: { key: 'invalidPhone' } });
    type(flow, { phone: freshPhone(), code: '12', password: 'Signup@123', confirm: 'Signup@123' });
    await flow.submit();
    expect(flow.state.errors).toEqual({ code: { key: 'invalidSmsCode', params: { length: 6 } } });
    expect(since(mark)).toEqual([]);
  });
});

describe('consent, links, configuration', () => {
  test('agreements: the action is parked until agreed; declining sends nothing and emits cancel', async () => {
    const { flow, rec } = makeFlow({ consentRequired: true });
    type(flow, { account: `consent-${fresh()}`, password: 'Signup@123', confirm: 'Signup@123' });
    const mark = env.srv.requests.length;
    await flow.submit();
    expect(flow.state.consent.prompting).toBe(true);
    flow.dismiss();
    expect(names(rec)).toEqual(['cancel']);
    expect(rec.events[0].detail).toEqual({ action: 'register', method: 'password', reason: 'consent' });
    expect(since(mark)).toEqual([]);
    await flow.submit();
    await flow.agree();
    expect(names(rec)).toEqual(['cancel', 'agreement-change', 'register', 'login']);
    expect(vocabularyProblems(rec.events)).toEqual([]);
  });

  test('agreed already (the embedding login\'s checkbox): no prompt, the sign-up goes ahead', async () => {
    const { flow, rec } = makeFlow({ consentRequired: true, agreed: true });
    expect(flow.state.consent).toMatchObject({ required: true, agreed: true });
    type(flow, { account: `agreed-${fresh()}`, password: 'Signup@123', confirm: 'Signup@123' });
    await flow.submit();
    expect(names(rec)).toEqual(['register', 'login']);
  });

  test('the login link emits navigate {to:"login"}; tabs switch with tab-change and keep values; no client → a toast', async () => {
    const { flow, rec } = makeFlow({}, null);
    flow.navigate('login');
    flow.input('account', 'kept');
    flow.selectMethod('sms');
    flow.selectMethod('fax');
    expect(flow.state.method).toBe('sms');
    flow.selectMethod('password');
    expect(flow.value('account')).toBe('kept');
    type(flow, { password: 'Signup@123', confirm: 'Signup@123' });
    await flow.submit();
    expect(names(rec)).toEqual(['navigate', 'tab-change', 'tab-change', 'error']);
    expect(rec.events[0].detail).toEqual({ to: 'login' });
    expect(rec.notices[0]).toEqual({ type: 'error', error: { message: 'not configured', code: 'invalid_options' } });
    expect(flow.state.busy).toBe(null);
  });
});
