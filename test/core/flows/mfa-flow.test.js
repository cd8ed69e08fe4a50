// The <authing-mfa> flow (core/flows/mfa-flow) without any simulator: a recording host, the REAL client
// and an isolated devserver over HTTP. The challenge comes from a real password sign-in of the MFA demo
// users; codes come from the devserver's inbox or are computed here from the TOTP secret.
const { totpCode, wrongTotp } = require('../../helpers/totp');
require('../../../miniprogram_dist/journey');
const { MfaFlow, parseChallenge } = require('../../helpers/kit').internal('core/flows/mfa-flow');
const { maskEmail, maskPhone, factorOptions } = require('../../helpers/kit').internal('core/flows/mfa-factors');
const { CountdownStore } = require('../../helpers/kit').internal('core/flows/countdown');
const { recordingHost, useFlowServer } = require('./flow-host');

const PASSWORD = 'Demo@123456';
const env = useFlowServer({ clearStorage: true });
const { client } = env;

/** A password sign-in of an MFA user: the error carrying the challenge. */
async function signInError(c, account) {
  const [err, state] = await c.loginByPassword({ passwordPayload: { account, password: PASSWORD } });
  expect(state).toBeUndefined();
  return err;
}

async function start(account, config = {}) {
  const c = client();
  const err = await signInError(c, account);
  const { host, rec } = recordingHost({ notConfigured: 'no client' }, { client: c });
  const flow = new MfaFlow(host, new CountdownStore({ storage: null }), config);
  flow.setChallenge(parseChallenge(err));
  return { c, flow, rec, err, names: () => rec.events.map((e) => e.name) };
}

const requests = (path) => env.srv.requests.filter((r) => r.path === path).length;
const loginEvent = (rec) => rec.events.find((e) => e.name === 'login');

test('masks: phone keeps 3 + 4 digits, email two characters and the domain', () => {
  expect(maskPhone('13800000101')).toBe('138****0101');
  expect(maskPhone('12345')).toBe('***45');
  expect(maskEmail('mfa-sms@example.com')).toBe('mf***@example.com');
  expect(maskEmail('a@b.co')).toBe('***@b.co');
  expect(factorOptions({ factors: [{ type: 'SMS', sort: 1 }, { type: 'OTP', sort: 2 }], phone: null, email: null, recoveryCodeAllowed: true }).map((o) => o.factor))
    .toEqual(['totp', 'recovery-code']); // SMS without a phone is left out
});

test('SMS user: the factors in the server\'s order, masked; wrong code on the field (typed code kept); right code logs in with the marker', async () => {
  const { c, flow, rec } = await start('mfa-sms');
  expect(flow.state.options).toEqual([
    { factor: 'sms', target: '13800000101', masked: '138****0101', countryCode: '+86' },
    { factor: 'email', target: 'mfa-sms@example.com', masked: 'mf***@example.com', countryCode: '' },
  ]);
  expect(flow.state.factor).toBe('sms');
  expect(rec.changes).toBe(1);

  // Nothing typed: refused on the field before any request.
  const verifies = requests('/api/v2/applications/mfa/sms/verify');
  await flow.verify();
  expect(flow.state.error).toEqual({ key: 'required', params: { field: 'code' } });
  expect(requests('/api/v2/applications/mfa/sms/verify')).toBe(verifies);
  // Typing clears the shown error (one render), further typing renders nothing.
  const before = rec.changes;
  flow.input('1');
  flow.input('12');
  expect(rec.changes).toBe(before + 1);

  await flow.sendCode();
  expect(flow.state.countdownEndsAt).toBeGreaterThan(Date.now());
  expect(flow.state.notice).toEqual({ tone: 'info', key: 'codeSent' });
  expect(rec.events.find((e) => e.name === 'send-code').detail).toEqual({ phone: '13800000101', countryCode: '+86' });
  // While the countdown runs a second tap sends nothing.
  const sends = requests('/api/v3/send-sms');
  await flow.sendCode();
  expect(requests('/api/v3/send-sms')).toBe(sends);

  const code = await env.dev.smsCode('13800000101', 'CHANNEL_VERIFY_MFA');
  const wrong = code === '000000' ? '111111' : '000000';
  flow.input(wrong);
  await flow.verify();
  expect(flow.state.error.error).toMatchObject({ apiCode: 2001 });
  expect(flow.state.busy).toBeNull();
  expect(flow.value).toBe(wrong);
  expect(loginEvent(rec)).toBeUndefined();
  expect(rec.events.pop()).toMatchObject({ name: 'error', detail: { action: 'verify-mfa', error: { apiCode: 2001 } } });

  flow.input(code);
  await flow.verify();
  const login = loginEvent(rec).detail;
  expect(login).toMatchObject({ method: 'password', mfa: 'sms', loginState: { access_token: expect.any(String) }, userInfo: { username: 'mfa-sms' } });
  expect(flow.state.done).toBe(true);
  const [, stored] = await c.getLoginState();
  expect(stored.access_token).toBe(login.loginState.access_token);
  // The stored state works on the V3 API.
  const [profileErr, profile] = await c.getUserInfo();
  expect(profileErr).toBeNull();
  expect(profile.username).toBe('mfa-sms');
});

test('email factor: picked, code sent to the email, verified; the login keeps the first step\'s method', async () => {
  const { flow, rec } = await start('mfa-sms', { method: 'sms', fetchUserInfo: false });
  flow.selectFactor('totp'); // not offered: ignored
  expect(flow.state.factor).toBe('sms');
  flow.selectFactor('email');
  expect(flow.state.factor).toBe('email');
  await flow.sendCode();
  expect(rec.events.find((e) => e.name === 'send-code').detail).toEqual({ email: 'mfa-sms@example.com' });
  flow.input(await env.dev.emailCode('mfa-sms@example.com', 'CHANNEL_VERIFY_MFA'));
  await flow.verify();
  const login = loginEvent(rec).detail;
  expect(login).toMatchObject({ method: 'sms', mfa: 'email' });
  expect(login.userInfo).toBeUndefined();
});

test('TOTP user: a wrong code on the field, the code computed from the secret logs in', async () => {
  const { flow, rec } = await start('mfa-totp');
  expect(flow.state.options.map((o) => o.factor)).toEqual(['totp', 'recovery-code']);
  flow.input(wrongTotp(env.srv.config.demoTotpSecret, env.srv.now()));
  await flow.verify();
  expect(flow.state.error.error).toMatchObject({ apiCode: 6001 });
  flow.input(totpCode(env.srv.config.demoTotpSecret, env.srv.now()));
  await flow.verify();
  expect(loginEvent(rec).detail).toMatchObject({ method: 'password', mfa: 'totp' });
});

test('a recovery code logs in once; the second time it is refused on the field', async () => {
  const recoveryCode = (await env.dev.get('/__dev/mfa?username=mfa-totp')).recoveryCodes.find((c) => !c.used).code;
  const first = await start('mfa-totp');
  first.flow.selectFactor('recovery-code');
  first.flow.input(recoveryCode);
  await first.flow.verify();
  expect(loginEvent(first.rec).detail).toMatchObject({ mfa: 'recovery-code' });

  const second = await start('mfa-totp');
  second.flow.selectFactor('recovery-code');
  second.flow.input(recoveryCode);
  await second.flow.verify();
  expect(loginEvent(second.rec)).toBeUndefined();
  expect(second.flow.state.error.error).toMatchObject({ apiCode: 6002 });
  expect(second.flow.value).toBe(recoveryCode);
});

test('an expired mfaToken: the step is over, its message shown, `error` then `navigate` back to login', async () => {
  const { flow, rec, c } = await start('mfa-totp');
  await env.dev.post('/__dev/clock', { advanceMs: (env.srv.config.mfaTokenTtl + 1) * 1000 });
  try {
    flow.input(totpCode(env.srv.config.demoTotpSecret, env.srv.now()));
    await flow.verify();
  } finally {
    await env.dev.post('/__dev/clock', { advanceMs: -(env.srv.config.mfaTokenTtl + 1) * 1000 });
  }
  expect(flow.state).toMatchObject({ over: true, busy: null, notice: { tone: 'error', key: 'expired' } });
  expect(rec.events.map((e) => e.name)).toEqual(['error', 'navigate']);
  expect(rec.events[0].detail).toMatchObject({ action: 'verify-mfa', error: { apiCode: 2021, statusCode: 401 } });
  expect(rec.events[1].detail).toEqual({ to: 'login' });
  const [, stored] = await c.getLoginState();
  expect(stored).toBeFalsy();
  // Over: verifying again sends nothing.
  const count = requests('/api/v2/mfa/totp/verify');
  await flow.verify();
  expect(requests('/api/v2/mfa/totp/verify')).toBe(count);
});

test('the challenge property: the sign-in error or readMfaChallenge\'s object; the same token again changes nothing; back navigates', async () => {
  const c = client();
  const err = await signInError(c, 'mfa-sms');
  const { host, rec } = recordingHost({}, { client: c });
  const flow = new MfaFlow(host, new CountdownStore({ storage: null }));
  flow.setChallenge(err);
  expect(flow.state.factor).toBe('sms');
  flow.setChallenge(parseChallenge(err));
  expect(rec.changes).toBe(1);
  flow.setChallenge(null);
  expect(flow.state.options).toEqual([]);
  expect(parseChallenge({ message: 'wrong password', apiCode: 2333 })).toBeNull();
  flow.back();
  expect(rec.events).toEqual([{ name: 'navigate', detail: { to: 'login' } }]);
});

test('no client: the failure is the notice and an `error` event, nothing sent', async () => {
  const c = client();
  const err = await signInError(c, 'mfa-sms');
  const { host, rec } = recordingHost({ notConfigured: 'no client' });
  const flow = new MfaFlow(host, new CountdownStore({ storage: null }));
  flow.setChallenge(err);
  await flow.sendCode();
  expect(flow.state.notice).toEqual({ tone: 'error', error: { code: 'invalid_options', message: 'no client' } });
  expect(rec.events[0]).toMatchObject({ name: 'error', detail: { action: 'send-code', code: 'invalid_options' } });
});

describe('the login form hands over to the MFA step', () => {
  const { LoginForm } = require('../../helpers/kit').internal('core/flows/login-form');

  function makeForm(config = {}) {
    const rec = { changes: 0, events: [], notices: [] };
    const c = client();
    const form = new LoginForm({
      getClient: () => c,
      onChange: () => { rec.changes += 1; },
      emit: (name, detail) => rec.events.push({ name, detail }),
      notify: (n) => rec.notices.push(n),
      message: (key) => key,
    }, config, new CountdownStore({ storage: null }));
    return { form, rec, c };
  }

  test('an SMS-code sign-in answering "MFA required": the mfa screen with the challenge, no error; the step\'s login comes out with the first method', async () => {
    // Past the server's send cooldown for this number (the first test sent it an MFA code).
    await env.dev.post('/__dev/clock', { advanceMs: (env.srv.config.sendCooldown + 1) * 1000 });
    const { form, rec } = makeForm({ methods: ['sms', 'password'] });
    form.input('phone', '13800000101');
    await form.sendCode();
    form.input('code', await env.dev.smsCode('13800000101'));
    await form.submit();
    expect(form.state.screen).toBe('mfa');
    expect(form.mfaStep).toMatchObject({ method: 'sms', challenge: { code: 1636, phone: '13800000101', mfaToken: expect.any(String) } });
    expect(rec.events.map((e) => e.name)).toEqual(['send-code', 'screen-change']);
    expect(rec.notices.filter((n) => n.type === 'error')).toEqual([]);

    // What <authing-mfa> emits when done: the login re-emits it with the first step's method.
    const loginState = { access_token: 'a.b.c', token_type: 'Bearer', expires_in: 60 };
    form.mfaLoggedIn({ method: 'password', loginState, mfa: 'email' });
    expect(form.state.screen).toBe('login');
    expect(form.mfaStep).toBeNull();
    expect(rec.events.slice(-2)).toEqual([
      { name: 'screen-change', detail: { screen: 'login' } },
      { name: 'login', detail: { method: 'sms', loginState, mfa: 'email' } },
    ]);
    form.mfaLoggedIn({ method: 'password', loginState, mfa: 'email' }); // no step any more: nothing
    expect(rec.events.filter((e) => e.name === 'login').length).toBe(1);
  });

  test('a password sign-in of the TOTP user: step failures pass through as `error`; an expired one brings the form back with the message', async () => {
    const { form, rec } = makeForm();
    form.input('account', 'mfa-totp');
    form.input('password', PASSWORD);
    await form.submit();
    expect(form.state.screen).toBe('mfa');
    expect(form.mfaStep.method).toBe('password');
    const wrong = { action: 'verify-mfa', code: 'server', message: 'wrong', error: { message: 'wrong', apiCode: 6001, statusCode: 400 } };
    form.mfaFailed(wrong);
    expect(form.state.screen).toBe('mfa');
    expect(rec.events.pop()).toEqual({ name: 'error', detail: wrong });
    const expired = { action: 'verify-mfa', code: 'server', message: 'timed out', error: { message: 'timed out', apiCode: 2021, statusCode: 401 } };
    form.mfaFailed(expired);
    expect(form.state.screen).toBe('login');
    expect(rec.notices.pop()).toEqual({ type: 'info', key: 'mfaExpired' });
    expect(rec.events.slice(-2).map((e) => e.name)).toEqual(['screen-change', 'error']);
    expect(form.value('account')).toBe('mfa-totp');
  });
});
