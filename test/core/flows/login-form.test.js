// The <authing-login> flow (core/flows/login-form) without any simulator: a recording host, the REAL
// client and an isolated devserver over HTTP. Checks the render contract (one onChange per action, none
// per keystroke), validation before any request, the in-flight guard, consent parking, the countdown
// and the event details.
const { call } = require('../../helpers/server');
const core = require('../../../miniprogram_dist/index');
const {
  LoginForm, parseMethods, parseEncrypt, validateLoginAccount, passwordPayload,
} = require('../../helpers/kit').internal('core/flows/login-form');
const { CountdownStore, countdownKey } = require('../../helpers/kit').internal('core/flows/countdown');
const { fieldOfError, fieldErrorText } = require('../../helpers/kit').internal('core/flows/field-errors');
const { vocabularyProblems } = require('../../helpers/vocabulary');
const { useFlowServer } = require('./flow-host');

const DEMO = { username: 'demo', phone: '13800000000', email: 'demo@example.com', password: 'Demo@123456' };

const env = useFlowServer({ shimOpenid: 'flow-openid' });
const { client } = env;

/** A LoginForm with a recording host; `c` is the client the flow gets (undefined = not configured). */
function makeForm(config = {}, { c = client(), countdowns = new CountdownStore({ storage: null }) } = {}) {
  const rec = { changes: 0, events: [], notices: [] };
  const form = new LoginForm({
    getClient: () => c || undefined,
    onChange: () => { rec.changes += 1; },
    emit: (name, detail) => rec.events.push({ name, detail }),
    notify: (n) => rec.notices.push(n),
    message: (key) => `msg:${key}`,
  }, config, countdowns);
  return { form, rec };
}

/** Server-side API requests (not /__dev/) made since `mark`. */
const since = (mark, path) => env.srv.requests.slice(mark).filter((r) => !path || r.path === path);

describe('helpers', () => {
  test('parseMethods: order kept, unknown and duplicates dropped, nothing → the defaults (email is opt-in)', () => {
    expect(parseMethods(['sms', 'password', 'sms', 'fax'])).toEqual(['sms', 'password']);
    expect(parseMethods('wechat, sms')).toEqual(['wechat', 'sms']);
    expect(parseMethods('')).toEqual(['password', 'sms', 'wechat']);
    expect(parseMethods(undefined)).toEqual(['password', 'sms', 'wechat']);
    // email is known but opt-in: listed → kept in order, never added by default.
    expect(parseMethods('password,sms,email,wechat')).toEqual(['password', 'sms', 'email', 'wechat']);
    expect(parseMethods(['EMAIL', 'fax'])).toEqual(['email']);
    expect(makeForm().form.state.methods).toEqual(['password', 'sms', 'wechat']);
    expect(parseEncrypt('rsa')).toBe('rsa');
    expect(parseEncrypt('aes')).toBe('none');
  });

  test('account validation and the passwordPayload field', () => {
    expect(validateLoginAccount('')).toEqual({ key: 'required', params: { field: 'account' } });
    expect(validateLoginAccount('alice@')).toEqual({ key: 'invalidEmail' });
    expect(validateLoginAccount('a@b')).toEqual({ key: 'invalidEmail' });
    expect(validateLoginAccount('has space')).toEqual({ key: 'invalidAccount' });
    expect(validateLoginAccount('demo')).toBeNull();
    expect(passwordPayload(' demo@example.com ', 'p')).toEqual({ email: 'demo@example.com', password: 'p' });
    expect(passwordPayload('13800000000', 'p')).toEqual({ phone: '13800000000', password: 'p' });
    expect(passwordPayload('demo', 'p')).toEqual({ username: 'demo', password: 'p' });
  });
});

describe('render contract and validation', () => {
  test('typing renders nothing; an empty submit shows both problems with one render and no request', async () => {
    const { form, rec } = makeForm();
    const mark = env.srv.requests.length;
    form.input('account', 'd');
    form.input('account', 'de');
    expect(rec.changes).toBe(0);
    form.input('account', '');
    await form.submit();
    expect(rec.changes).toBe(1);
    expect(form.state.errors.account).toEqual({ key: 'required', params: { field: 'account' } });
    expect(form.state.errors.password).toEqual({ key: 'required', params: { field: 'password' } });
    expect(form.state.busy).toBeNull();
    expect(since(mark)).toHaveLength(0);
    // Typing into a field with an error clears it: one render, then none for further keys.
    form.input('account', 'd');
    form.input('account', 'de');
    expect(rec.changes).toBe(2);
    expect(form.state.errors.account).toBeNull();
    expect(form.state.errors.password).not.toBeNull();
  });

  test('sms: malformed phone and a wrong code length, per country code', async () => {
    const { form, rec } = makeForm({ methods: ['sms'] });
    const mark = env.srv.requests.length;
    form.input('phone', '12345');
    form.input('code', '12');
    await form.submit();
    expect(form.state.errors.phone).toEqual({ key: 'invalidPhone' });
    expect(form.state.errors.code).toEqual({ key: 'invalidSmsCode', params: { length: 6 } });
    await form.sendCode();
    expect(form.state.errors).toMatchObject({ phone: { key: 'invalidPhone' }, code: null });
    form.setCountryCode('+852');
    form.input('phone', '51234567');
    await form.sendCode(); // a valid HK number: this one goes out
    expect(since(mark, '/api/v3/send-sms')).toHaveLength(1);
    expect(since(mark)).toHaveLength(1);
    expect(rec.events.map((e) => e.name)).toEqual(['send-code']);
  });

  test('configure: a property change keeps the current tab unless it disappeared or default-method changed', () => {
    const { form, rec } = makeForm();
    form.selectMethod('sms');
    form.configure({ countdown: 30, methods: ['password', 'sms', 'wechat'], defaultMethod: '' });
    expect(form.state.method).toBe('sms');
    form.configure({ methods: 'password,wechat' });
    expect(form.state.method).toBe('password');
    form.configure({ defaultMethod: 'wechat' });
    expect(form.state.method).toBe('wechat');
    expect(rec.events.map((e) => e.name)).toEqual(['tab-change']); // only the user's own switch is an event
  });

  test('tabs: methods order, default method, tab-change event; unknown tabs ignored', () => {
    const { form, rec } = makeForm({ methods: 'wechat,password', defaultMethod: 'password' });
    expect(form.state.methods).toEqual(['wechat', 'password']);
    expect(form.state.method).toBe('password');
    form.selectMethod('sms');
    form.selectMethod('password');
    expect(rec.changes).toBe(0);
    form.selectMethod('wechat');
    expect(rec.changes).toBe(1);
    expect(rec.events).toEqual([{ name: 'tab-change', detail: { method: 'wechat' } }]);
  });

  test('screens: another step in place of the form and back, one render and one screen-change each; typed values kept', () => {
    const { form, rec } = makeForm();
    form.input('account', 'alice');
    expect(form.state.screen).toBe('login');
    form.showScreen('register');
    expect(form.state.screen).toBe('register');
    form.showScreen('register'); // already there
    form.showScreen('elsewhere'); // unknown
    form.showScreen(undefined);
    expect(rec.changes).toBe(1);
    form.showScreen('login');
    expect(rec.changes).toBe(2);
    expect(rec.events).toEqual([{ name: 'screen-change', detail: { screen: 'register' } }, { name: 'screen-change', detail: { screen: 'login' } }]);
    expect(form.value('account')).toBe('alice');
  });

  test('screens: no switch while a request is in flight', async () => {
    const { form, rec } = makeForm();
    form.input('account', DEMO.username);
    form.input('password', DEMO.password);
    const pending = form.submit();
    form.showScreen('reset-password');
    expect(form.state.screen).toBe('login');
    await pending;
    expect(rec.events.map((e) => e.name)).toEqual(['login']);
  });

  test('after the embedded reset: the password tab, the account filled in, a notice, screen-change and password-reset passed on', () => {
    const { form, rec } = makeForm({ methods: ['sms', 'password'] });
    form.input('account', 'someone-else');
    form.showScreen('reset-password');
    const changes = rec.changes;
    form.passwordReset({ method: 'sms', account: '13700000042' });
    expect(rec.changes).toBe(changes + 1);
    expect(form.state).toMatchObject({ screen: 'login', method: 'password' });
    expect(form.value('account')).toBe('13700000042');
    expect(rec.notices).toEqual([{ type: 'info', key: 'passwordResetDone' }]);
    expect(rec.events.slice(-2)).toEqual([
      { name: 'screen-change', detail: { screen: 'login' } },
      { name: 'password-reset', detail: { method: 'sms', account: '13700000042' } },
    ]);
    form.passwordReset({ method: 'sms' }); // no account: ignored
    form.passwordReset(null);
    expect(rec.events).toHaveLength(3);
    expect(vocabularyProblems(rec.events)).toEqual([]);
  });
});

describe('password login', () => {
  test('success: busy render + settle render, ONE request (userInfo from the id_token), login event without the password', async () => {
    const { form, rec } = makeForm();
    form.input('account', DEMO.email);
    form.input('password', DEMO.password);
    const mark = env.srv.requests.length;
    const done = form.submit();
    expect(form.state.busy).toBe('password');
    expect(rec.changes).toBe(1);
    await done;
    expect(rec.changes).toBe(2);
    expect(form.state.busy).toBeNull();
    const signin = since(mark, '/api/v3/signin');
    expect(signin).toHaveLength(1);
    expect(JSON.parse(signin[0].body).passwordPayload).toEqual({ email: DEMO.email, password: DEMO.password });
    // One round trip: the sign-in only; userInfo comes from the id_token's claims.
    expect(since(mark)).toHaveLength(1);
    const login = rec.events.find((e) => e.name === 'login');
    expect(login.detail.method).toBe('password');
    expect(typeof login.detail.loginState.access_token).toBe('string');
    expect(login.detail.userInfoSource).toBe('claims');
    expect(login.detail.userInfo).toEqual(core.userInfoFromClaims(login.detail.loginState.id_token));
    expect(login.detail.userInfo).toMatchObject({ userId: expect.any(String), nickname: expect.any(String), gender: expect.stringMatching(/^[MFU]$/) });
    expect(JSON.stringify(rec.events)).not.toContain(DEMO.password);
  });

  test("fetchUserInfo 'full': the login event carries get-profile's answer (two requests)", async () => {
    const { form, rec } = makeForm({ fetchUserInfo: 'full' });
    form.input('account', DEMO.email);
    form.input('password', DEMO.password);
    const mark = env.srv.requests.length;
    await form.submit();
    expect(since(mark).map((r) => r.path)).toEqual(['/api/v3/signin', '/api/v3/get-profile']);
    const login = rec.events.find((e) => e.name === 'login');
    expect(login.detail).toMatchObject({ userInfoSource: 'profile', userInfo: { email: DEMO.email } });
  });

  test('fetchUserInfo parsing: true / "claims" → claims, "full" → full, false / "false" / "none" → none', () => {
    const { parseFetchUserInfo } = require('../../helpers/kit').internal('core/flows/login-form');
    expect([true, 'claims', '', undefined].map(parseFetchUserInfo)).toEqual([true, true, true, true]);
    expect(parseFetchUserInfo('full')).toBe('full');
    expect([false, 'false', 'none'].map(parseFetchUserInfo)).toEqual([false, false, false]);
  });

  test('five rapid submits → one request', async () => {
    const { form } = makeForm({ fetchUserInfo: false });
    form.input('account', DEMO.username);
    form.input('password', DEMO.password);
    const mark = env.srv.requests.length;
    await Promise.all([form.submit(), form.submit(), form.submit(), form.submit(), form.submit()]);
    expect(since(mark, '/api/v3/signin')).toHaveLength(1);
    expect(since(mark)).toHaveLength(1);
  });

  test('wrong password: the failure sits on the password field only (no toast), error event, values kept, not busy', async () => {
    const { form, rec } = makeForm();
    form.input('account', DEMO.username);
    form.input('password', 'wrong-password');
    await form.submit();
    expect(form.state.busy).toBeNull();
    const error = form.state.errors.password.error;
    expect(error.apiCode).toBe(2333);
    expect(form.state.errors.account).toBeNull();
    expect(form.state).not.toHaveProperty('formError');
    expect(form.value('account')).toBe(DEMO.username);
    expect(form.value('password')).toBe('wrong-password');
    expect(rec.events).toEqual([{ name: 'error', detail: { action: 'login', method: 'password', code: 'server', message: error.message, error } }]);
    expect(vocabularyProblems(rec.events)).toEqual([]);
    // One display: inline on the field, so no toast notice.
    expect(rec.notices).toEqual([]);
    expect(JSON.stringify(rec.events)).not.toContain('wrong-password');
    // The next edit of that field clears the shown failure (one render).
    const before = rec.changes;
    form.input('password', 'x');
    expect(form.state.errors.password).toBeNull();
    expect(rec.changes).toBe(before + 1);
  });

  test('a failure tied to no field of the action (not configured, captcha-free server errors) is a toast only', async () => {
    const { form, rec } = makeForm({}, { c: null });
    form.input('account', DEMO.username);
    form.input('password', DEMO.password);
    await form.submit();
    expect(Object.values(form.state.errors).every((e) => e === null)).toBe(true);
    expect(rec.notices).toEqual([{ type: 'error', method: 'password', error: { message: 'msg:notConfigured', code: 'invalid_options' } }]);
    expect(rec.events.map((e) => e.name)).toEqual(['error']);
    expect(vocabularyProblems(rec.events)).toEqual([]);
  });

  test('fieldOfError: the apiCodes about one input land on that input when the action used it, else nowhere', () => {
    const e = (apiCode) => ({ message: 'm', code: 'server', apiCode });
    expect(fieldOfError(e(2333), ['account', 'password'])).toBe('password');
    expect(fieldOfError(e(2006), ['oldPassword', 'password'])).toBe('password');
    expect(fieldOfError(e(2004), ['account', 'password'])).toBe('account');
    expect(fieldOfError(e(2001), ['phone', 'code'])).toBe('code');
    expect(fieldOfError(e(2001), ['email', 'emailCode'])).toBe('emailCode');
    expect(fieldOfError(e(3101), ['phone'])).toBe('phone');
    expect(fieldOfError(e(3104), ['email'])).toBe('email');
    // A captcha code (2001) during a password login has no field in the form; 429 and friends neither.
    expect(fieldOfError(e(2001), ['account', 'password'])).toBeNull();
    expect(fieldOfError(e(2004), ['phone', 'code'])).toBeNull();
    expect(fieldOfError({ message: 'm', code: 'server', statusCode: 429 }, ['phone'])).toBeNull();
    expect(fieldOfError({ message: 'm', code: 'network' }, ['account', 'password'])).toBeNull();
  });

  test('fieldErrorText: the component text that words a field failure in the form language (tries left when known)', () => {
    const e = (apiCode, data) => ({ message: 'm', code: 'server', apiCode, data });
    expect(fieldErrorText(e(2333))).toEqual({ key: 'wrongPassword' });
    expect(fieldErrorText(e(2333, { remainCount: 2 }))).toEqual({ key: 'wrongPasswordRemain', params: { remainCount: 2 } });
    expect(fieldErrorText(e(2001))).toEqual({ key: 'wrongCode' });
    expect(fieldErrorText(e(3101))).toEqual({ key: 'invalidPhone' });
    expect(fieldErrorText(e(3104))).toEqual({ key: 'invalidEmail' });
    expect(fieldErrorText(e(2004))).toEqual({ key: 'unknownAccount' });
    expect(fieldErrorText(e(1001))).toBeNull();
    expect(fieldErrorText({ message: 'm', code: 'timeout' })).toBeNull();
  });

  test('encrypt=rsa: the one client encrypts with the registered RSA encryptor and sends passwordEncryptType', async () => {
    const { form, rec } = makeForm({ encrypt: 'rsa', fetchUserInfo: false });
    form.input('account', DEMO.username);
    form.input('password', DEMO.password);
    const mark = env.srv.requests.length;
    await form.submit();
    const body = JSON.parse(since(mark, '/api/v3/signin')[0].body);
    expect(body.options.passwordEncryptType).toBe('rsa');
    expect(body.passwordPayload.password).not.toBe(DEMO.password);
    expect(rec.events.map((e) => e.name).filter((n) => n !== 'agreement-change')).toEqual(['login']);
  });

  test('no client configured → readable error, no request', async () => {
    const { form, rec } = makeForm({}, { c: null });
    form.input('account', DEMO.username);
    form.input('password', DEMO.password);
    await form.submit();
    expect(rec.events).toEqual([{ name: 'error', detail: { action: 'login', method: 'password', code: 'invalid_options', message: 'msg:notConfigured', error: { message: 'msg:notConfigured', code: 'invalid_options' } } }]);
  });

  test('before-login veto: no request, cancel event; the hook never sees the password', async () => {
    const { form, rec } = makeForm();
    const seen = [];
    form.setBeforeLogin(async (ctx) => { seen.push(ctx); return false; });
    form.input('account', DEMO.username);
    form.input('password', DEMO.password);
    const mark = env.srv.requests.length;
    await form.submit();
    expect(seen).toEqual([{ method: 'password', account: DEMO.username }]);
    expect(since(mark)).toHaveLength(0);
    expect(rec.events).toEqual([{ name: 'cancel', detail: { action: 'login', method: 'password', reason: 'before-login' } }]);
    expect(form.state.busy).toBeNull();
    form.setBeforeLogin(() => true);
    await form.submit();
    expect(rec.events.map((e) => e.name)).toEqual(['cancel', 'login']);
  });
});

describe('consent', () => {
  test('an action without consent is parked (no request); agree checks the box and runs it', async () => {
    const { form, rec } = makeForm({ consentRequired: true, fetchUserInfo: false });
    form.input('account', DEMO.username);
    form.input('password', DEMO.password);
    const mark = env.srv.requests.length;
    await form.submit();
    expect(form.state.consent).toEqual({ required: true, agreed: false, prompting: true, pending: 'password' });
    expect(since(mark)).toHaveLength(0);
    expect(rec.changes).toBe(1);
    await form.agree();
    expect(form.state.consent).toEqual({ required: true, agreed: true, prompting: false, pending: null });
    expect(since(mark, '/api/v3/signin')).toHaveLength(1);
    expect(rec.events.map((e) => e.name).filter((n) => n !== 'agreement-change')).toEqual(['login']);
  });

  test('validation comes before the consent prompt', async () => {
    const { form } = makeForm({ consentRequired: true });
    await form.submit();
    expect(form.state.consent.prompting).toBe(false);
    expect(form.state.errors.account).not.toBeNull();
  });

  test('cancel in the prompt → cancel event {reason: consent}', async () => {
    const { form, rec } = makeForm({ consentRequired: true, methods: ['wechat'] });
    await form.wechatLogin();
    form.dismiss();
    expect(rec.events).toEqual([{ name: 'cancel', detail: { action: 'login', method: 'wechat', reason: 'consent' } }]);
    expect(form.state.consent.agreed).toBe(false);
  });

  test('phone: the gate tap only prompts; agreePhone continues with the code of the agree button', async () => {
    const { form, rec } = makeForm({ consentRequired: true, methods: ['wechat'], fetchUserInfo: false });
    await form.phoneTap();
    expect(form.state.consent.pending).toBe('phone');
    const { json } = await call(env.srv.url, 'POST', '/__dev/wx/phone-code', { phoneNumber: '13800000011' });
    const mark = env.srv.requests.length;
    await form.agreePhone({ errMsg: 'getPhoneNumber:ok', code: json.code });
    expect(since(mark, '/api/v3/signin-by-mobile')).toHaveLength(1);
    expect(rec.events.map((e) => e.name).filter((n) => n !== 'agreement-change')).toEqual(['login']);
    expect(rec.events.find((e) => e.name === 'login').detail.method).toBe('phone');
  });
});

describe('wechat', () => {
  test('phone deny / unavailable → calm notice + cancel, no request', async () => {
    const { form, rec } = makeForm({ methods: ['wechat'] });
    const mark = env.srv.requests.length;
    await form.phoneResult({ errMsg: 'getPhoneNumber:fail user deny' });
    await form.phoneResult({ errMsg: 'getPhoneNumber:fail no permission', errno: 102 });
    await form.phoneResult({});
    expect(since(mark)).toHaveLength(0);
    expect(rec.events).toEqual([
      { name: 'cancel', detail: { action: 'login', method: 'phone', reason: 'deny' } },
      { name: 'cancel', detail: { action: 'login', method: 'phone', reason: 'unavailable', errMsg: 'getPhoneNumber:fail no permission' } },
      { name: 'cancel', detail: { action: 'login', method: 'phone', reason: 'unavailable', errMsg: 'getPhoneNumber:fail' } },
    ]);
    expect(rec.notices.map((n) => n.key)).toEqual(['phoneDenied', 'phoneUnavailable', 'phoneUnavailable']);
  });

  test('privacy authorization declined → `cancel` {reason:"privacy"}, no notice on top of the popup, no request', async () => {
    const { form, rec } = makeForm({ methods: ['wechat'] });
    const mark = env.srv.requests.length;
    await form.phoneResult({ errMsg: 'getPhoneNumber:fail privacy permission is not authorized', errno: 104 });
    expect(since(mark)).toHaveLength(0);
    expect(rec.events).toEqual([{ name: 'cancel', detail: { action: 'login', method: 'phone', reason: 'privacy' } }]);
    expect(rec.notices).toEqual([]);
    expect(form.state.busy).toBeNull();
  });

  test('code login with the configured identity source', async () => {
    const { form, rec } = makeForm({ methods: ['wechat'], fetchUserInfo: false });
    const mark = env.srv.requests.length;
    await form.wechatLogin();
    const req = since(mark, '/api/v3/signin-by-mobile');
    expect(req).toHaveLength(1);
    expect(JSON.parse(req[0].body)).toMatchObject({ connection: 'wechat_mini_program_code', extIdpConnidentifier: env.srv.config.wechatIdpIdentifier });
    expect(rec.events[0]).toMatchObject({ name: 'login', detail: { method: 'wechat' } });
  });
});

describe('sms countdown', () => {
  test('starts only after a successful send, is keyed by phone, blocks a resend without a request', async () => {
    const countdowns = new CountdownStore({ storage: null });
    const { form, rec } = makeForm({ methods: ['sms'], countdown: 30 }, { countdowns });
    form.input('phone', '13800000021');
    const mark = env.srv.requests.length;
    const sending = form.sendCode();
    expect(form.state.busy).toBe('send-code');
    expect(form.state.countdownEndsAt).toBe(0);
    await sending;
    expect(form.state.countdownEndsAt).toBeGreaterThan(Date.now());
    expect(countdowns.remainingSeconds(countdownKey('CHANNEL_LOGIN', '+86', '13800000021'))).toBeGreaterThan(25);
    expect(rec.events).toEqual([{ name: 'send-code', detail: { phone: '13800000021', countryCode: '+86' } }]);
    await form.sendCode();
    expect(since(mark, '/api/v3/send-sms')).toHaveLength(1);
    // Another number has no countdown; switching back brings it back (a render each time it changes).
    const before = rec.changes;
    form.input('phone', '13800000022');
    expect(form.state.countdownEndsAt).toBe(0);
    form.input('phone', '13800000021');
    expect(form.state.countdownEndsAt).toBeGreaterThan(0);
    expect(rec.changes).toBe(before + 2);
    // A new form (page re-entered) restores the countdown and its phone.
    const again = makeForm({ methods: ['sms'], fetchUserInfo: 'full' }, { countdowns });
    again.form.restore();
    expect(again.form.value('phone')).toBe('13800000021');
    expect(again.form.state.countdownEndsAt).toBeGreaterThan(0);
    // ...and logs in (auto-register: a new number) with the code from the inbox.
    const code = (await call(env.srv.url, 'GET', '/__dev/sms/latest?phone=13800000021&channel=CHANNEL_LOGIN')).json.code;
    again.form.configure({ autoRegister: true });
    again.form.input('code', code);
    await again.form.submit();
    expect(again.rec.events.map((e) => e.name)).toEqual(['login']);
    expect(again.rec.events[0].detail).toMatchObject({ method: 'sms', userInfo: { phone: '13800000021' } });
  });

  test('a wrong SMS code sits on the code field (no toast); editing the code clears it', async () => {
    const { form, rec } = makeForm({ methods: ['sms'], autoRegister: true });
    form.input('phone', '13800000024');
    await form.sendCode();
    const code = (await call(env.srv.url, 'GET', '/__dev/sms/latest?phone=13800000024&channel=CHANNEL_LOGIN')).json.code;
    form.input('code', code === '000000' ? '111111' : '000000');
    await form.submit();
    const error = form.state.errors.code.error;
    expect(error.apiCode).toBe(2001);
    expect(form.state.errors.phone).toBeNull();
    expect(rec.notices).toEqual([{ type: 'info', key: 'codeSent' }]);
    expect(rec.events.map((e) => e.name)).toEqual(['send-code', 'error']);
    expect(rec.events[1].detail).toEqual({ action: 'login', method: 'sms', code: 'server', message: error.message, error });
    form.input('code', code);
    expect(form.state.errors.code).toBeNull();
    await form.submit();
    expect(rec.events.map((e) => e.name)).toEqual(['send-code', 'error', 'login']);
  });

  test('a rejected send (server cooldown) shows the error and starts no countdown', async () => {
    await call(env.srv.url, 'POST', '/api/v3/send-sms', { phoneNumber: '13800000023', channel: 'CHANNEL_LOGIN', phoneCountryCode: '+86' },
      { 'x-authing-userpool-id': env.srv.config.userPoolId });
    const { form, rec } = makeForm({ methods: ['sms'] });
    form.input('phone', '13800000023');
    await form.sendCode();
    expect(form.state.countdownEndsAt).toBe(0);
    // A cooldown is about no field: a toast only.
    const error = rec.notices[0].error;
    expect(error.statusCode).toBe(429);
    expect(rec.notices).toEqual([{ type: 'error', method: 'sms', error }]);
    expect(form.state.errors.phone).toBeNull();
    expect(rec.events).toEqual([{ name: 'error', detail: { action: 'send-code', method: 'sms', code: 'server', message: error.message, error } }]);
  });
});

describe('email code (the generalised "target + code" path)', () => {
  let emailSeq = 0;
  const freshEmail = () => `flow${process.pid}-${++emailSeq}@example.com`;
  const emailCode = async (email) => (await call(env.srv.url, 'GET', `/__dev/email/latest?email=${encodeURIComponent(email)}&channel=CHANNEL_LOGIN`)).json.code;

  test('validation: empty / malformed email, short code → problems in place, one render each, zero requests', async () => {
    const { form, rec } = makeForm({ methods: ['email'] });
    const mark = env.srv.requests.length;
    await form.sendCode();
    expect(form.state.errors.email).toEqual({ key: 'required', params: { field: 'email' } });
    expect(rec.changes).toBe(1);
    form.input('email', 'alice@');
    expect(rec.changes).toBe(2); // the shown error goes away
    form.input('email', 'alice@x');
    expect(rec.changes).toBe(2); // further typing: no render
    await form.sendCode();
    expect(form.state.errors.email).toEqual({ key: 'invalidEmail' });
    form.input('email', 'alice@example.com');
    form.input('emailCode', '12345');
    await form.submit();
    expect(form.state.errors).toMatchObject({ email: null, emailCode: { key: 'invalidSmsCode', params: { length: 6 } } });
    // The SMS fields are untouched by the email tab.
    expect(form.state.errors.phone).toBeNull();
    expect(form.state.errors.code).toBeNull();
    expect(since(mark)).toHaveLength(0);
    expect(rec.events).toEqual([]);
  });

  test('send → countdown keyed by channel "email" + address (no SMS collision) → restore → login with the inbox code', async () => {
    const countdowns = new CountdownStore({ storage: null });
    const email = freshEmail();
    const { form, rec } = makeForm({ methods: ['sms', 'email'], defaultMethod: 'email', countdown: 30 }, { countdowns });
    form.input('email', `  ${email}  `);
    const mark = env.srv.requests.length;
    const sending = form.sendCode();
    expect(form.state.busy).toBe('send-email-code');
    expect(form.state.emailCountdownEndsAt).toBe(0);
    await form.sendCode(); // busy guard: ignored
    await sending;
    expect(since(mark, '/api/v3/send-email')).toHaveLength(1);
    expect(JSON.parse(since(mark, '/api/v3/send-email')[0].body)).toEqual({ email, channel: 'CHANNEL_LOGIN' });
    expect(since(mark)).toHaveLength(1);
    expect(form.state.busy).toBeNull();
    expect(form.state.emailCountdownEndsAt).toBeGreaterThan(Date.now());
    expect(form.state.countdownEndsAt).toBe(0);
    expect(countdowns.remainingSeconds(countdownKey('email', '', email))).toBeGreaterThan(25);
    expect(countdowns.latest('CHANNEL_LOGIN:')).toBeNull();
    expect(rec.events).toEqual([{ name: 'send-code', detail: { email } }]);
    expect(rec.notices).toEqual([{ type: 'info', key: 'codeSent' }]);
    // A resend during the countdown: no request. Tab switches keep it.
    await form.sendCode();
    form.selectMethod('sms');
    form.selectMethod('email');
    expect(form.state.emailCountdownEndsAt).toBeGreaterThan(0);
    expect(since(mark, '/api/v3/send-email')).toHaveLength(1);
    // Another address has none; the same address in other case has the same one.
    form.input('email', freshEmail());
    expect(form.state.emailCountdownEndsAt).toBe(0);
    form.input('email', email.toUpperCase());
    expect(form.state.emailCountdownEndsAt).toBeGreaterThan(0);
    // A new form restores the email countdown and address (and no SMS one).
    const again = makeForm({ methods: ['sms', 'email'], defaultMethod: 'email', autoRegister: true, scope: 'openid profile email' }, { countdowns });
    again.form.restore();
    expect(again.rec.changes).toBe(1);
    expect(again.form.value('email')).toBe(email);
    expect(again.form.value('phone')).toBe('');
    expect(again.form.state.emailCountdownEndsAt).toBeGreaterThan(0);
    expect(again.form.state.countdownEndsAt).toBe(0);
    again.form.input('emailCode', await emailCode(email));
    const loginMark = env.srv.requests.length;
    await again.form.submit();
    const body = JSON.parse(since(loginMark, '/api/v3/signin')[0].body);
    expect(body).toMatchObject({ connection: 'PASSCODE', passCodePayload: { email }, options: { autoRegister: true, scope: 'openid profile email' } });
    expect(body.passCodePayload.phone).toBeUndefined();
    expect(again.rec.events.map((e) => e.name)).toEqual(['login']);
    expect(again.rec.events[0].detail).toMatchObject({ method: 'email', userInfo: { email } });
    expect(again.rec.events[0].detail.loginState.access_token.split('.')).toHaveLength(3);
  });

  test('an SMS countdown neither blocks nor shows on the email tab; an email send leaves it running', async () => {
    const countdowns = new CountdownStore({ storage: null });
    const { form } = makeForm({ methods: ['sms', 'email'] }, { countdowns });
    countdowns.start(countdownKey('CHANNEL_LOGIN', '+86', '13800000041'), 30);
    form.input('phone', '13800000041');
    expect(form.state.countdownEndsAt).toBeGreaterThan(0);
    form.selectMethod('email');
    form.input('email', freshEmail());
    expect(form.state.emailCountdownEndsAt).toBe(0);
    const mark = env.srv.requests.length;
    await form.sendCode();
    expect(since(mark, '/api/v3/send-email')).toHaveLength(1);
    expect(form.state.countdownEndsAt).toBeGreaterThan(0);
  });

  test('consent: send and login are both parked; cancel → cancel {method: email}; agree resumes the send', async () => {
    const email = freshEmail();
    const { form, rec } = makeForm({ consentRequired: true, methods: ['email'], autoRegister: true, fetchUserInfo: false });
    form.input('email', email);
    const mark = env.srv.requests.length;
    await form.sendCode();
    expect(form.state.consent.pending).toBe('send-email-code');
    form.dismiss();
    expect(rec.events).toEqual([{ name: 'cancel', detail: { action: 'send-code', method: 'email', reason: 'consent' } }]);
    form.input('emailCode', '123456');
    await form.submit();
    expect(form.state.consent.pending).toBe('email');
    form.dismiss();
    expect(since(mark)).toHaveLength(0);
    await form.sendCode();
    await form.agree();
    expect(since(mark, '/api/v3/send-email')).toHaveLength(1);
    form.input('emailCode', await emailCode(email));
    await form.submit(); // agreed: no prompt
    expect(rec.events.map((e) => e.name)).toEqual(['cancel', 'cancel', 'agreement-change', 'send-code', 'login']);
    expect(rec.events[4].detail.method).toBe('email');
  });

  test('server errors: rejected send and wrong code → error in place + event, values kept, not busy, no countdown', async () => {
    const email = freshEmail();
    await call(env.srv.url, 'POST', '/api/v3/send-email', { email, channel: 'CHANNEL_LOGIN' }, { 'x-authing-userpool-id': env.srv.config.userPoolId });
    const { form, rec } = makeForm({ methods: ['email'], autoRegister: true });
    form.input('email', email);
    await form.sendCode();
    expect(form.state.busy).toBeNull();
    expect(form.state.emailCountdownEndsAt).toBe(0);
    const sendError = rec.notices[0].error;
    expect(sendError.statusCode).toBe(429);
    expect(rec.events).toEqual([{ name: 'error', detail: { action: 'send-code', method: 'email', code: 'server', message: sendError.message, error: sendError } }]);
    expect(rec.notices).toEqual([{ type: 'error', method: 'email', error: sendError }]);
    const code = await emailCode(email);
    const wrong = code === '000000' ? '111111' : '000000';
    form.input('emailCode', wrong);
    await form.submit();
    expect(form.state.busy).toBeNull();
    // A wrong code belongs on the code field: inline, no second toast.
    const codeError = form.state.errors.emailCode.error;
    expect(codeError.apiCode).toBe(2001);
    expect(rec.notices).toHaveLength(1);
    expect(rec.events[1]).toEqual({ name: 'error', detail: { action: 'login', method: 'email', code: 'server', message: codeError.message, error: codeError } });
    expect(form.value('email')).toBe(email);
    expect(form.value('emailCode')).toBe(wrong);
  });

  test('before-login gets the email (never the code)', async () => {
    const { form, rec } = makeForm({ methods: ['email'] });
    const seen = [];
    form.setBeforeLogin((ctx) => { seen.push(ctx); return false; });
    form.input('email', 'someone@example.com');
    form.input('emailCode', '123456');
    await form.submit();
    expect(seen).toEqual([{ method: 'email', email: 'someone@example.com' }]);
    expect(rec.events).toEqual([{ name: 'cancel', detail: { action: 'login', method: 'email', reason: 'before-login' } }]);
  });
});
