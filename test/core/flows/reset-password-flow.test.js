// The forgot-password flow (core/flows/reset-password-flow) without any simulator: a recording host, the
// REAL client and an isolated devserver over HTTP. Reset by phone and by email code, then the new password
// logs in and the old one is refused; the reset token works once; a wrong code sits on the code field;
// bad input is refused before any request; an expired token brings back step 1 with the typed values.
const { OLD_PASSWORD, clientOf, pastCooldown, phoneUser, emailUser, signIn } = require('../../helpers/reset-users');
const { ResetPasswordFlow, parseResetMethods, checkNewPassword } = require('../../helpers/kit').internal('core/flows/reset-password-flow');
const { CountdownStore } = require('../../helpers/kit').internal('core/flows/countdown');
const { RESET_PASSWORD_TEXTS } = require('../../helpers/kit').internal('components/reset-password/texts');
const { recordingHost, useFlowServer } = require('./flow-host');
const { vocabularyProblems } = require('../../helpers/vocabulary');
require('../../../miniprogram_dist/crypto/rsa');

const T = RESET_PASSWORD_TEXTS['zh-CN'];
const NEW_PASSWORD = 'New@654321';
const env = useFlowServer({ pointWx: false });

/** The flow's clock (its resend countdowns), moved forward with the server's where a test needs it. */
let offset = 0;
const now = () => Date.now() + offset;
function makeFlow(config = { methods: 'sms,email' }, c = clientOf(env.srv)) {
  const { host, rec } = recordingHost(T, { client: c });
  return { flow: new ResetPasswordFlow(host, config, new CountdownStore({ storage: null, now }), now), rec };
}
const sent = (path) => env.srv.requests.filter((r) => r.path === path);
const bodyOf = (r) => JSON.parse(r.body);
const named = (rec, name) => rec.events.filter((e) => e.name === name);

/** Step 1 up to the typed code: the send, and the code the devserver delivered. */
async function codeFor(flow, rec, target) {
  if (flow.state.method === 'sms') flow.input('phone', target.phone);
  else flow.input('email', target.email);
  await flow.sendCode();
  expect(named(rec, 'send-code').pop().detail).toEqual(target.phone ? { phone: target.phone, countryCode: '+86' } : { email: target.email });
  const code = target.phone
    ? await env.dev.smsCode(target.phone, 'CHANNEL_RESET_PASSWORD')
    : await env.dev.emailCode(target.email, 'CHANNEL_RESET_PASSWORD');
  expect(code).toMatch(/^\d{6}$/);
  return code;
}

test('by phone code: send → verify → new password twice → `password-reset`; the new password logs in, the old one is refused', async () => {
  const user = await phoneUser(env.srv);
  const { flow, rec } = makeFlow();
  expect(flow.state).toMatchObject({ step: 'verify', method: 'sms', methods: ['sms', 'email'], busy: null });
  const code = await codeFor(flow, rec, user);
  expect(flow.state.notice).toEqual({ tone: 'info', key: 'codeSent' });
  expect(flow.state.countdownEndsAt).toBeGreaterThan(Date.now());
  expect(bodyOf(sent('/api/v3/send-sms').pop())).toMatchObject({ phoneNumber: user.phone, channel: 'CHANNEL_RESET_PASSWORD', phoneCountryCode: '+86' });
  const changes = rec.changes;
  flow.input('code', code);
  expect(rec.changes).toBe(changes); // typing renders nothing
  const verifying = flow.verify();
  expect(flow.state.busy).toBe('verify');
  await verifying;
  expect(flow.state).toMatchObject({ step: 'password', busy: null, notice: null });
  expect(bodyOf(sent('/api/v3/verify-reset-password-request').pop())).toEqual({
    verifyMethod: 'PHONE_PASSCODE', phonePassCodePayload: { phoneNumber: user.phone, passCode: code, phoneCountryCode: '+86' },
  });
  // The token is nowhere in the state the view renders.
  expect(JSON.stringify(flow.state)).not.toMatch(/token/i);
  flow.input('password', NEW_PASSWORD);
  flow.input('confirm', NEW_PASSWORD);
  await flow.reset();
  expect(flow.state).toMatchObject({ step: 'done', busy: null, notice: { tone: 'success', key: 'resetDone' } });
  const body = bodyOf(sent('/api/v3/reset-password').pop());
  expect(body).toEqual({ password: NEW_PASSWORD, passwordResetToken: expect.any(String) });
  expect(named(rec, 'password-reset')).toEqual([{ name: 'password-reset', detail: { method: 'sms', account: user.phone } }]);
  expect(flow.value('password')).toBe('');
  expect(await signIn(env.srv, { phone: user.phone, password: NEW_PASSWORD })).toBeNull();
  expect(await signIn(env.srv, { phone: user.phone, password: OLD_PASSWORD })).toMatchObject({ apiCode: 2333 });
  expect(vocabularyProblems(rec.events)).toEqual([]);
});

test('by email code with an RSA-encrypted password; the same reset token is refused the second time', async () => {
  const user = await emailUser(env.srv);
  const { flow, rec } = makeFlow({ methods: 'email', encrypt: 'rsa' });
  expect(flow.state.methods).toEqual(['email']);
  const code = await codeFor(flow, rec, user);
  expect(bodyOf(sent('/api/v3/send-email').pop())).toMatchObject({ email: user.email, channel: 'CHANNEL_RESET_PASSWORD' });
  flow.input('emailCode', code);
  await flow.verify();
  expect(bodyOf(sent('/api/v3/verify-reset-password-request').pop())).toEqual({ verifyMethod: 'EMAIL_PASSCODE', emailPassCodePayload: { email: user.email, passCode: code } });
  flow.input('password', NEW_PASSWORD);
  flow.input('confirm', NEW_PASSWORD);
  await flow.reset();
  expect(named(rec, 'password-reset').pop().detail).toEqual({ method: 'email', account: user.email });
  const body = bodyOf(sent('/api/v3/reset-password').pop());
  expect(body.passwordEncryptType).toBe('rsa');
  expect(body.password).not.toBe(NEW_PASSWORD);
  expect(await signIn(env.srv, { email: user.email, password: NEW_PASSWORD })).toBeNull();
  expect(await signIn(env.srv, { email: user.email, password: OLD_PASSWORD })).toMatchObject({ apiCode: 2333 });
  // Single use: the token the flow sent is spent.
  const [again] = await clientOf(env.srv).resetPassword({ password: 'Again@123456', passwordResetToken: body.passwordResetToken });
  expect(again).toMatchObject({ apiCode: 2030 });
  expect(await signIn(env.srv, { email: user.email, password: NEW_PASSWORD })).toBeNull();
});

test('a wrong code sits on the code field, the typed values stay, the step stays; then the right code goes on', async () => {
  const user = await phoneUser(env.srv);
  const { flow, rec } = makeFlow();
  const code = await codeFor(flow, rec, user);
  const wrong = code === '000000' ? '111111' : '000000';
  flow.input('code', wrong);
  await flow.verify();
  expect(flow.state.step).toBe('verify');
  expect(flow.state.busy).toBeNull();
  expect(flow.state.errors.code).toEqual({ error: expect.objectContaining({ apiCode: 2001, message: expect.any(String) }) });
  expect(flow.state.notice).toBeNull(); // one display: on the field only
  expect(named(rec, 'error').pop().detail).toMatchObject({ action: 'reset-password', method: 'sms', code: expect.any(String) });
  expect(flow.value('phone')).toBe(user.phone);
  expect(flow.value('code')).toBe(wrong);
  const changes = rec.changes;
  flow.input('code', code); // the error goes away: one render
  expect(rec.changes).toBe(changes + 1);
  expect(flow.state.errors.code).toBeNull();
  await flow.verify();
  expect(flow.state.step).toBe('password');
  // "Get a new code": step 1 again with the phone kept; the spent code is gone, so nothing is sent without a new one.
  flow.restart();
  expect(flow.state).toMatchObject({ step: 'verify', notice: null });
  expect(flow.value('phone')).toBe(user.phone);
  expect(flow.value('code')).toBe('');
  const before = env.srv.requests.length;
  await flow.verify();
  expect(flow.state.errors.code).toEqual({ key: 'required', params: { field: 'code' } });
  expect(env.srv.requests.length).toBe(before);
  expect(vocabularyProblems(rec.events)).toEqual([]);
});

test('bad input: a localized problem on the field, zero requests; the typed values stay', async () => {
  const { flow, rec } = makeFlow();
  const before = env.srv.requests.length;
  await flow.sendCode();
  expect(flow.state.errors.phone).toEqual({ key: 'required', params: { field: 'phone' } });
  flow.input('phone', '12345');
  await flow.sendCode();
  expect(flow.state.errors.phone).toEqual({ key: 'invalidPhone' });
  flow.input('phone', '13700000001');
  flow.input('code', '12a');
  await flow.verify();
  expect(flow.state.errors).toMatchObject({ phone: null, code: { key: 'invalidSmsCode', params: { length: 6 } } });
  flow.selectMethod('email');
  flow.input('email', 'alice@');
  await flow.verify();
  expect(flow.state.errors).toMatchObject({ email: { key: 'invalidEmail' }, emailCode: { key: 'required', params: { field: 'code' } } });
  expect(env.srv.requests.length).toBe(before);
  expect(rec.events).toEqual([]);
  expect(flow.value('phone')).toBe('13700000001');
  // Step 2's checks, language-neutral: the policy first, then the confirmation.
  const inputs = (password, confirm) => ({ values: { password, confirm }, countryCode: '+86', codeLength: 6 });
  expect(checkNewPassword(inputs('', ''))).toEqual({ password: { key: 'required', params: { field: 'password' } } });
  expect(checkNewPassword(inputs('12345', '12345'))).toEqual({ password: { key: 'invalidPassword', params: { min: 6, max: 64 } } });
  expect(checkNewPassword(inputs('Abc@12345', ''))).toEqual({ confirm: { key: 'required', params: { field: 'confirm' } } });
  expect(checkNewPassword(inputs('Abc@12345', 'Abc@1234'))).toEqual({ confirm: { key: 'passwordMismatch' } });
  expect(checkNewPassword(inputs(' Abc@12345', ' Abc@12345'))).toBeNull(); // never trimmed
});

test('step 2 refuses a short or mismatched password before any request; an expired token brings back step 1 with the typed values', async () => {
  const user = await phoneUser(env.srv);
  const { flow, rec } = makeFlow();
  flow.input('code', await codeFor(flow, rec, user));
  await flow.verify();
  const before = env.srv.requests.length;
  flow.input('password', '123');
  await flow.reset();
  expect(flow.state.errors.password).toEqual({ key: 'invalidPassword', params: { min: 6, max: 64 } });
  flow.input('password', NEW_PASSWORD);
  flow.input('confirm', 'New@65432');
  await flow.reset();
  expect(flow.state.errors.confirm).toEqual({ key: 'passwordMismatch' });
  expect(env.srv.requests.length).toBe(before);
  flow.input('confirm', NEW_PASSWORD);
  // The token lives actionTokenTtl seconds by the server clock.
  await env.dev.post('/__dev/clock', { advanceMs: (env.srv.config.actionTokenTtl + 1) * 1000 });
  await flow.reset();
  expect(flow.state).toMatchObject({ step: 'verify', busy: null, notice: { tone: 'error', key: 'tokenExpired' } });
  expect(named(rec, 'error').pop().detail).toMatchObject({ action: 'reset-password', method: 'sms', error: expect.objectContaining({ apiCode: 2030 }) });
  expect(named(rec, 'password-reset')).toEqual([]);
  // Nothing typed is lost but the spent code.
  expect(flow.value('phone')).toBe(user.phone);
  expect(flow.value('code')).toBe('');
  expect(flow.value('password')).toBe(NEW_PASSWORD);
  expect(flow.value('confirm')).toBe(NEW_PASSWORD);
  // A new code (after the resend countdown, here and on the server) and the passwords typed before finish the reset.
  await flow.sendCode();
  expect(named(rec, 'send-code')).toHaveLength(1); // the countdown still runs: nothing sent
  offset += env.srv.config.sendCooldown * 1000;
  await pastCooldown(env.srv);
  flow.input('code', await codeFor(flow, rec, user));
  await flow.verify();
  await flow.reset();
  expect(flow.state.step).toBe('done');
  expect(await signIn(env.srv, { phone: user.phone, password: NEW_PASSWORD })).toBeNull();
});

test('a failure about no field is the form message (step and values stay); a policy refusal (2103) belongs on the password field', async () => {
  const user = await phoneUser(env.srv);
  const { flow, rec } = makeFlow();
  flow.input('code', await codeFor(flow, rec, user));
  await flow.verify();
  flow.input('password', NEW_PASSWORD);
  flow.input('confirm', NEW_PASSWORD);
  await env.dev.post('/__dev/faults', { path: '/api/v3/reset-password', kind: 'envelope', status: 400, body: 'too weak' });
  // An injected envelope has apiCode 9999: about no field, so the form message; the step and the values stay.
  await flow.reset();
  expect(flow.state).toMatchObject({ step: 'password', busy: null, notice: { tone: 'error', error: expect.objectContaining({ message: 'too weak' }) } });
  expect(flow.value('password')).toBe(NEW_PASSWORD);
  expect(named(rec, 'error').pop().detail).toMatchObject({ action: 'reset-password', message: 'too weak' });
  // The server's policy (65 characters is over it; the client checks the same limit, so send it directly).
  const { failureField } = require('../../helpers/kit').internal('core/flows/reset-password-flow');
  expect(failureField('sms', 'reset', { message: '密码不符合要求', apiCode: 2103 })).toBe('password');
  expect(failureField('sms', 'verify', { message: 'wrong', apiCode: 2001 })).toBe('code');
  expect(failureField('email', 'verify', { message: 'wrong', apiCode: 2001 })).toBe('emailCode');
  expect(failureField('sms', 'verify', { message: 'no user', apiCode: 2004 })).toBeNull();
  await flow.reset();
  expect(flow.state.step).toBe('done');
});

test('the resend countdown: a second send to the same number sends nothing; another method keeps its own countdown', async () => {
  const user = await phoneUser(env.srv);
  const { flow, rec } = makeFlow();
  await codeFor(flow, rec, user);
  const count = sent('/api/v3/send-sms').length;
  await flow.sendCode();
  expect(sent('/api/v3/send-sms').length).toBe(count);
  expect(flow.state.busy).toBeNull();
  flow.input('phone', '13700000002'); // another number: no countdown shown
  expect(flow.state.countdownEndsAt).toBe(0);
  flow.input('phone', user.phone);
  expect(flow.state.countdownEndsAt).toBeGreaterThan(Date.now());
  flow.selectMethod('email');
  expect(flow.state.emailCountdownEndsAt).toBe(0);
});

test('back to login → `navigate` {to: "login"}; "get a new code" → step 1; methods parse', async () => {
  const { flow, rec } = makeFlow();
  flow.backToLogin();
  expect(rec.events).toEqual([{ name: 'navigate', detail: { to: 'login' } }]);
  flow.restart(); // already on step 1: nothing
  expect(flow.state.step).toBe('verify');
  expect(parseResetMethods('email, sms')).toEqual(['email', 'sms']);
  expect(parseResetMethods(['password', 'wechat'])).toEqual(['sms']); // email is opt-in
  expect(parseResetMethods('')).toEqual(['sms']);
  expect(vocabularyProblems(rec.events)).toEqual([]);
});

test('no client configured: the failure is the form message and an `error` event, nothing else', async () => {
  const { host, rec } = recordingHost(T);
  const flow = new ResetPasswordFlow(host, {}, new CountdownStore({ storage: null }));
  flow.input('phone', '13700000003');
  await flow.sendCode();
  expect(flow.state.notice).toEqual({ tone: 'error', error: { code: 'invalid_options', message: T.notConfigured } });
  expect(rec.events).toEqual([{ name: 'error', detail: { action: 'send-code', method: 'sms', code: 'invalid_options', message: T.notConfigured, error: { code: 'invalid_options', message: T.notConfigured } } }]);
  expect(flow.state.busy).toBeNull();
});
