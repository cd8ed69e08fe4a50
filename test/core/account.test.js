// The account methods carried over from the seed: bindPhone, bindEmail, updatePhoneRequest /
// updatePhone, updateEmailRequest / updateEmail, deleteAccountRequest / deleteAccount, decryptData,
// bindWxByCode / bindPlatformByCode — over HTTP against an isolated devserver. Each: success and
// wire format (path, A/U/T headers, body) as in the contract table, documented errors, input
// validation with zero requests, and the auth gate.
const { core, encryptRsa, encryptSm2, bareClient, DEMO, setup, bodyOf, expectSdkHeaders, expectContractHeaders, expectReadableError, deepFreeze } = require('./support');

let t;
let idp;
beforeAll(async () => { t = await setup(); idp = t.config.wechatIdpIdentifier; });
afterAll(() => t.close());
beforeEach(async () => { t.mark(); t.wx.clearStorageSync(); await t.dev.del('/__dev/faults'); });

// Phones, emails and WeChat users are unique per use. The devserver allows one code per phone /
// email per minute whatever the channel (as Authing), so a flow that sends a second code to the
// same target first moves the server clock past that minute.
let seq = 0;
const newPhone = () => `137${String(20000000 + ++seq).slice(-8)}`;
const newEmail = () => `core-account-${++seq}@example.com`;

/** Sends a code through the client (as an app would) and reads it from the dev inbox. */
const pastCooldown = () => t.dev.post('/__dev/clock', { advanceMs: 60 * 1000 });

async function smsCode(client, phoneNumber, channel, phoneCountryCode) {
  await pastCooldown();
  const [err] = await client.sendSms({ phoneNumber, channel, phoneCountryCode });
  expect(err).toBeNull();
  const q = new URLSearchParams({ phone: phoneNumber, phoneCountryCode: phoneCountryCode || '+86', channel });
  return (await t.dev.get(`/__dev/sms/latest?${q}`)).code;
}

async function emailCode(client, email, channel) {
  await pastCooldown();
  const [err] = await client.sendEmailCode({ email, channel });
  expect(err).toBeNull();
  return (await t.dev.get(`/__dev/email/latest?${new URLSearchParams({ email, channel })}`)).code;
}

/** A new WeChat-only user (no phone, email or password), logged in through the client. */
async function wechatUser(options = {}) {
  t.wx.__control.openid = `core-account-openid-${++seq}`;
  const client = t.client(options);
  const [err, state] = await client.loginByCode({ extIdpConnidentifier: idp });
  expect(err).toBeNull();
  t.mark();
  return { client, token: state.access_token };
}

async function passwordUser(options = {}) {
  const client = t.client(options);
  const username = `core-account-${++seq}`;
  const password = 'Account@123';
  const [err, state] = await client.loginByPassword({ passwordPayload: { username, password }, options: { autoRegister: true, scope: 'openid profile offline_access' } });
  expect(err).toBeNull();
  t.mark();
  return { client, token: state.access_token, username, password };
}

async function phoneUser(options = {}) {
  const client = t.client(options);
  const phone = newPhone();
  const passCode = await smsCode(client, phone, 'CHANNEL_LOGIN');
  const [err, state] = await client.loginByPassCode({ passCodePayload: { phone, passCode }, options: { autoRegister: true } });
  expect(err).toBeNull();
  t.mark();
  return { client, token: state.access_token, phone };
}

async function emailUser(options = {}) {
  const client = t.client(options);
  const email = newEmail();
  const passCode = await emailCode(client, email, 'CHANNEL_LOGIN');
  const [err, state] = await client.loginByPassCode({ passCodePayload: { email, passCode }, options: { autoRegister: true } });
  expect(err).toBeNull();
  t.mark();
  return { client, token: state.access_token, email };
}

async function profileOf(client) {
  const [err, user] = await client.getUserInfo({ withIdentities: true });
  expect(err).toBeNull();
  return user;
}

/** The one request to `path` since the last mark, checked for the SDK headers and the given A/U/T. */
function onlyRequest(path, headers) {
  const reqs = t.sent(path);
  expect(reqs).toHaveLength(1);
  expect(reqs[0].method).toBe('POST');
  expectSdkHeaders(reqs[0]);
  expectContractHeaders(reqs[0], headers, t.config);
  return reqs[0];
}

/** A wechat platform that counts login() calls and first hands out the given codes. */
function countingPlatform(codes = []) {
  const base = core.createWechatPlatform(t.wx);
  const queue = [...codes];
  const calls = { login: 0 };
  return { calls, platform: { ...base, login: () => { calls.login++; return queue.length ? Promise.resolve(queue.shift()) : base.login(); } } };
}

/** A client without a login state (the storage is cleared). */
function notLoggedIn(options) {
  t.wx.clearStorageSync();
  return t.client(options);
}

describe('bindPhone', () => {
  test('POST /api/v3/bind-phone, headers U + T, body {phoneNumber, passCode}; the envelope; the phone is bound', async () => {
    const { client, token } = await wechatUser();
    const phone = newPhone();
    const passCode = await smsCode(client, phone, 'CHANNEL_BIND_PHONE');
    t.mark();
    const [err, res] = await client.bindPhone(deepFreeze({ phoneNumber: ` ${phone} `, passCode }));
    expect(err).toBeNull();
    expect(res).toMatchObject({ statusCode: 200, message: expect.any(String) });
    const req = onlyRequest('/api/v3/bind-phone', { U: true, T: token });
    expect(bodyOf(req)).toEqual({ phoneNumber: phone, passCode });
    expect(await profileOf(client)).toMatchObject({ phone, phoneCountryCode: '+86', phoneVerified: true });
  });

  test('phoneCountryCode is sent when given', async () => {
    const { client, token } = await wechatUser();
    const passCode = await smsCode(client, '61234567', 'CHANNEL_BIND_PHONE', '+852');
    t.mark();
    const [err] = await client.bindPhone({ phoneNumber: '61234567', passCode, phoneCountryCode: '+852' });
    expect(err).toBeNull();
    expect(bodyOf(onlyRequest('/api/v3/bind-phone', { U: true, T: token }))).toEqual({ phoneNumber: '61234567', passCode, phoneCountryCode: '+852' });
  });

  test('server errors: a wrong code (2001), a phone another user owns (2026), an account that has one (2032)', async () => {
    const { client } = await wechatUser();
    const [wrong] = await client.bindPhone({ phoneNumber: DEMO.phone, passCode: '000000' });
    expectReadableError(wrong, 'server');
    expect(wrong).toMatchObject({ statusCode: 400, apiCode: 2001, requestId: expect.any(String) });
    const [taken] = await client.bindPhone({ phoneNumber: DEMO.phone, passCode: await smsCode(client, DEMO.phone, 'CHANNEL_BIND_PHONE') });
    expectReadableError(taken, 'server');
    expect(taken.apiCode).toBe(2026);
    const { client: hasPhone } = await phoneUser();
    const other = newPhone();
    const [bound] = await hasPhone.bindPhone({ phoneNumber: other, passCode: await smsCode(hasPhone, other, 'CHANNEL_BIND_PHONE') });
    expectReadableError(bound, 'server');
    expect(bound.apiCode).toBe(2032);
  });

  test.each([
    ['no argument', undefined],
    ['empty phone', { phoneNumber: '', passCode: '123456' }],
    ['malformed phone', { phoneNumber: '12345', passCode: '123456' }],
    ['unknown country code', { phoneNumber: '13700000000', passCode: '123456', phoneCountryCode: '+999' }],
    ['5-digit code', { phoneNumber: '13700000000', passCode: '12345' }],
    ['missing code', { phoneNumber: '13700000000' }],
  ])('validation: %s → invalid_argument, no request', async (_n, input) => {
    const { client } = await wechatUser();
    const [err] = await client.bindPhone(input);
    expectReadableError(err, 'invalid_argument');
    expect(t.sent()).toHaveLength(0);
  });

  test('not logged in → not_logged_in, no request; expired state → login_expired', async () => {
    const [err] = await notLoggedIn().bindPhone({ phoneNumber: '13700000000', passCode: '123456' });
    expectReadableError(err, 'not_logged_in');
    t.wx.setStorageSync(t.storageKey, { access_token: 'a.b.c', expires_in: 1, expires_at: Date.now() - 1000 });
    const [expired] = await t.client().bindPhone({ phoneNumber: '13700000000', passCode: '123456' });
    expectReadableError(expired, 'login_expired');
    expect(t.sent()).toHaveLength(0);
  });
});

describe('bindEmail', () => {
  test('POST /api/v3/bind-email, headers U + T, body {email, passCode}', async () => {
    const { client, token } = await wechatUser();
    const email = newEmail();
    const passCode = await emailCode(client, email, 'CHANNEL_BIND_EMAIL');
    t.mark();
    const [err, res] = await client.bindEmail(deepFreeze({ email, passCode }));
    expect(err).toBeNull();
    expect(res).toMatchObject({ statusCode: 200 });
    expect(bodyOf(onlyRequest('/api/v3/bind-email', { U: true, T: token }))).toEqual({ email, passCode });
    expect(await profileOf(client)).toMatchObject({ email, emailVerified: true });
  });

  test('an email another user owns → server error 2026', async () => {
    const { client } = await wechatUser();
    const [err] = await client.bindEmail({ email: DEMO.email, passCode: await emailCode(client, DEMO.email, 'CHANNEL_BIND_EMAIL') });
    expectReadableError(err, 'server');
    expect(err.apiCode).toBe(2026);
  });

  test('validation and auth gate, no request', async () => {
    const { client } = await wechatUser({ lang: 'en-US' });
    const [bad] = await client.bindEmail({ email: 'alice@', passCode: '123456' });
    expectReadableError(bad, 'invalid_argument');
    expect(bad.message).toBe('Please enter a valid email address');
    const [noCode] = await client.bindEmail({ email: 'alice@example.com', passCode: '' });
    expect(noCode.message).toBe('Please enter your verification code');
    const [gate] = await notLoggedIn().bindEmail({ email: 'alice@example.com', passCode: '123456' });
    expectReadableError(gate, 'not_logged_in');
    expect(t.sent()).toHaveLength(0);
  });
});

describe('updatePhoneRequest + updatePhone', () => {
  async function request(user, extra = {}) {
    const phone = newPhone();
    const oldPhonePassCode = await smsCode(user.client, user.phone, 'CHANNEL_UNBIND_PHONE');
    const newPhonePassCode = await smsCode(user.client, phone, 'CHANNEL_BIND_PHONE');
    t.mark();
    const input = { phonePassCodePayload: { newPhoneNumber: phone, newPhonePassCode, oldPhoneNumber: user.phone, oldPhonePassCode, ...extra } };
    return { phone, input, oldPhonePassCode, newPhonePassCode, result: await user.client.updatePhoneRequest(deepFreeze(input)) };
  }

  test('request: POST /api/v3/verify-update-phone-request (U + T, verifyMethod PHONE_PASSCODE) → token; update: POST /api/v3/update-phone', async () => {
    const user = await phoneUser();
    const { phone, oldPhonePassCode, newPhonePassCode, result: [err, data] } = await request(user);
    expect(err).toBeNull();
    expect(data).toEqual({ updatePhoneToken: expect.any(String), tokenExpiresIn: 300 });
    expect(bodyOf(onlyRequest('/api/v3/verify-update-phone-request', { U: true, T: user.token }))).toEqual({
      verifyMethod: 'PHONE_PASSCODE',
      phonePassCodePayload: { newPhoneNumber: phone, newPhonePassCode, oldPhoneNumber: user.phone, oldPhonePassCode },
    });
    t.mark();
    const [upErr, res] = await user.client.updatePhone(deepFreeze({ updatePhoneToken: data.updatePhoneToken }));
    expect(upErr).toBeNull();
    expect(res).toMatchObject({ statusCode: 200 });
    expect(bodyOf(onlyRequest('/api/v3/update-phone', { U: true, T: user.token }))).toEqual({ updatePhoneToken: data.updatePhoneToken });
    expect((await profileOf(user.client)).phone).toBe(phone);
    // single use
    const [again] = await user.client.updatePhone({ updatePhoneToken: data.updatePhoneToken });
    expectReadableError(again, 'server');
    expect(again.apiCode).toBe(2030);
  });

  test('country codes are sent when given; an account without a phone needs no old phone', async () => {
    const { client, token } = await wechatUser();
    const newPhonePassCode = await smsCode(client, '61234568', 'CHANNEL_BIND_PHONE', '+852');
    t.mark();
    const [err, data] = await client.updatePhoneRequest({ verifyMethod: 'PHONE_PASSCODE', phonePassCodePayload: { newPhoneNumber: '61234568', newPhonePassCode, newPhoneCountryCode: '+852', oldPhoneNumber: '', oldPhonePassCode: '' } });
    expect(err).toBeNull();
    expect(bodyOf(onlyRequest('/api/v3/verify-update-phone-request', { U: true, T: token }))).toEqual({
      verifyMethod: 'PHONE_PASSCODE', phonePassCodePayload: { newPhoneNumber: '61234568', newPhonePassCode, newPhoneCountryCode: '+852' },
    });
    expect((await client.updatePhone(data))[0]).toBeNull();
    expect(await profileOf(client)).toMatchObject({ phone: '61234568', phoneCountryCode: '+852' });
  });

  test('the token expires after 5 minutes (server clock) → server error 2030, phone unchanged', async () => {
    const user = await phoneUser();
    const { result: [, data] } = await request(user);
    await t.advanceClock(5 * 60 * 1000);
    const [err] = await user.client.updatePhone(data);
    expectReadableError(err, 'server');
    expect(err).toMatchObject({ apiCode: 2030, message: expect.stringMatching(/已过期/) });
    expect((await profileOf(user.client)).phone).toBe(user.phone);
  });

  test('server errors: the account has a phone but none was verified (2031); a wrong code (2001)', async () => {
    const user = await phoneUser();
    const phone = newPhone();
    const newPhonePassCode = await smsCode(user.client, phone, 'CHANNEL_BIND_PHONE');
    const [missing] = await user.client.updatePhoneRequest({ phonePassCodePayload: { newPhoneNumber: phone, newPhonePassCode } });
    expectReadableError(missing, 'server');
    expect(missing.apiCode).toBe(2031);
    const [wrong] = await user.client.updatePhoneRequest({ phonePassCodePayload: { newPhoneNumber: phone, newPhonePassCode, oldPhoneNumber: user.phone, oldPhonePassCode: '000000' } });
    expect(wrong.apiCode).toBe(2001);
  });

  test.each([
    ['no payload', {}],
    ['other verifyMethod', { verifyMethod: 'EMAIL_PASSCODE', phonePassCodePayload: { newPhoneNumber: '13700000000', newPhonePassCode: '123456' } }],
    ['malformed new phone', { phonePassCodePayload: { newPhoneNumber: '1370000', newPhonePassCode: '123456' } }],
    ['bad new code', { phonePassCodePayload: { newPhoneNumber: '13700000000', newPhonePassCode: 'abc' } }],
    ['old phone without its code', { phonePassCodePayload: { newPhoneNumber: '13700000000', newPhonePassCode: '123456', oldPhoneNumber: '13700000001' } }],
    ['old code without the phone', { phonePassCodePayload: { newPhoneNumber: '13700000000', newPhonePassCode: '123456', oldPhonePassCode: '123456' } }],
  ])('validation: %s → invalid_argument, no request', async (_n, input) => {
    const { client } = await wechatUser();
    const [err] = await client.updatePhoneRequest(input);
    expectReadableError(err, 'invalid_argument');
    expect(t.sent()).toHaveLength(0);
  });

  test('localized messages name the current phone and its code', async () => {
    const { client } = await wechatUser({ lang: 'en-US' });
    const base = { newPhoneNumber: '13700000000', newPhonePassCode: '123456' };
    expect((await client.updatePhoneRequest({ phonePassCodePayload: { ...base, oldPhonePassCode: '123456' } }))[0].message).toBe('Please enter your current phone number');
    expect((await client.updatePhoneRequest({ phonePassCodePayload: { ...base, oldPhoneNumber: '13700000001' } }))[0].message).toBe('Please enter your verification code for your current phone number');
    expect((await client.updatePhoneRequest({ verifyMethod: 'SMS', phonePassCodePayload: base }))[0].message).toBe('Unsupported verification method: SMS');
    expect((await t.client().updatePhoneRequest({ phonePassCodePayload: { ...base, oldPhonePassCode: '123456' } }))[0].message).toBe('请输入原手机号');
    expect(t.sent()).toHaveLength(0);
  });

  test('updatePhone: a missing token → invalid_argument; auth gate on both steps', async () => {
    const { client } = await wechatUser();
    for (const input of [undefined, {}, { updatePhoneToken: '' }, { updatePhoneToken: 42 }]) {
      const [err] = await client.updatePhone(input);
      expectReadableError(err, 'invalid_argument');
    }
    const [r] = await notLoggedIn().updatePhoneRequest({ phonePassCodePayload: { newPhoneNumber: '13700000000', newPhonePassCode: '123456' } });
    expectReadableError(r, 'not_logged_in');
    const [u] = await notLoggedIn().updatePhone({ updatePhoneToken: 'x' });
    expectReadableError(u, 'not_logged_in');
    expect(t.sent()).toHaveLength(0);
  });
});

describe('updateEmailRequest + updateEmail', () => {
  test('request: POST /api/v3/verify-update-email-request (U + T, verifyMethod EMAIL_PASSCODE) → token; update: POST /api/v3/update-email', async () => {
    const user = await emailUser();
    const email = newEmail();
    const oldEmailPassCode = await emailCode(user.client, user.email, 'CHANNEL_UPDATE_EMAIL');
    const newEmailPassCode = await emailCode(user.client, email, 'CHANNEL_UPDATE_EMAIL');
    t.mark();
    const [err, data] = await user.client.updateEmailRequest(deepFreeze({ emailPassCodePayload: { newEmail: email, newEmailPassCode, oldEmail: user.email, oldEmailPassCode } }));
    expect(err).toBeNull();
    expect(data).toEqual({ updateEmailToken: expect.any(String), tokenExpiresIn: 300 });
    expect(bodyOf(onlyRequest('/api/v3/verify-update-email-request', { U: true, T: user.token }))).toEqual({
      verifyMethod: 'EMAIL_PASSCODE', emailPassCodePayload: { newEmail: email, newEmailPassCode, oldEmail: user.email, oldEmailPassCode },
    });
    t.mark();
    const [upErr, res] = await user.client.updateEmail({ updateEmailToken: data.updateEmailToken });
    expect(upErr).toBeNull();
    expect(res).toMatchObject({ statusCode: 200 });
    expect(bodyOf(onlyRequest('/api/v3/update-email', { U: true, T: user.token }))).toEqual({ updateEmailToken: data.updateEmailToken });
    expect((await profileOf(user.client)).email).toBe(email);
    const [again] = await user.client.updateEmail(data);
    expect(again).toMatchObject({ code: 'server', apiCode: 2030 });
  });

  test('server error: the current email is not this account\'s (2031)', async () => {
    const user = await emailUser();
    const email = newEmail();
    const [err] = await user.client.updateEmailRequest({
      emailPassCodePayload: { newEmail: email, newEmailPassCode: await emailCode(user.client, email, 'CHANNEL_UPDATE_EMAIL'), oldEmail: DEMO.email, oldEmailPassCode: '123456' },
    });
    expectReadableError(err, 'server');
    expect(err.apiCode).toBe(2031);
  });

  test.each([
    ['no payload', {}],
    ['other verifyMethod', { verifyMethod: 'PHONE_PASSCODE', emailPassCodePayload: { newEmail: 'a@example.com', newEmailPassCode: '123456' } }],
    ['malformed new email', { emailPassCodePayload: { newEmail: 'a@', newEmailPassCode: '123456' } }],
    ['old email without its code', { emailPassCodePayload: { newEmail: 'a@example.com', newEmailPassCode: '123456', oldEmail: 'b@example.com' } }],
    ['malformed old email', { emailPassCodePayload: { newEmail: 'a@example.com', newEmailPassCode: '123456', oldEmail: 'b@', oldEmailPassCode: '123456' } }],
  ])('validation: %s → invalid_argument, no request', async (_n, input) => {
    const { client } = await wechatUser();
    const [err] = await client.updateEmailRequest(input);
    expectReadableError(err, 'invalid_argument');
    expect(t.sent()).toHaveLength(0);
  });

  test('auth gate on both steps; updateEmail without a token → invalid_argument', async () => {
    const [r] = await notLoggedIn().updateEmailRequest({ emailPassCodePayload: { newEmail: 'a@example.com', newEmailPassCode: '123456' } });
    expectReadableError(r, 'not_logged_in');
    const [u] = await notLoggedIn().updateEmail({ updateEmailToken: 'x' });
    expectReadableError(u, 'not_logged_in');
    const [bad] = await t.client().updateEmail({});
    expectReadableError(bad, 'invalid_argument');
    expect(t.sent()).toHaveLength(0);
  });
});

describe('deleteAccountRequest + deleteAccount', () => {
  test('PASSWORD: POST /api/v3/verify-delete-account-request → token; POST /api/v3/delete-account deletes the user AND clears the stored state', async () => {
    const user = await passwordUser();
    const [err, data] = await user.client.deleteAccountRequest(deepFreeze({ verifyMethod: 'PASSWORD', passwordPayload: { password: user.password } }));
    expect(err).toBeNull();
    expect(data).toEqual({ deleteAccountToken: expect.any(String), tokenExpiresIn: 300 });
    expect(bodyOf(onlyRequest('/api/v3/verify-delete-account-request', { U: true, T: user.token }))).toEqual({ verifyMethod: 'PASSWORD', passwordPayload: { password: user.password } });
    t.mark();
    expect(t.stored()).toBeTruthy();
    const [delErr, res] = await user.client.deleteAccount(deepFreeze({ deleteAccountToken: data.deleteAccountToken }));
    expect(delErr).toBeNull();
    expect(res).toMatchObject({ statusCode: 200 });
    expect(bodyOf(onlyRequest('/api/v3/delete-account', { U: true, T: user.token }))).toEqual({ deleteAccountToken: data.deleteAccountToken });
    expect(t.stored()).toBeUndefined();
    expectReadableError((await user.client.getLoginState())[0], 'not_logged_in');
    const profile = await t.api('GET', '/api/v3/get-profile', undefined, { authorization: user.token, 'x-authing-userpool-id': t.config.userPoolId });
    expect(profile.status).toBe(401);
    const [login] = await t.client().loginByPassword({ passwordPayload: { username: user.username, password: user.password } });
    expectReadableError(login, 'server');
    expect(login.apiCode).toBe(2333);
  });

  test.each([
    ['rsa', encryptRsa, /^[A-Za-z0-9+/]{342}==$/],
    ['sm2', encryptSm2, /^[0-9a-f]{200,}$/],
  ])('PASSWORD with passwordEncryptType %s: the password is encrypted (the seed sent it in clear) and accepted', async (type, encryptFunction, shape) => {
    const user = await passwordUser({ encryptFunction });
    const [err, data] = await user.client.deleteAccountRequest(deepFreeze({ verifyMethod: 'PASSWORD', passwordPayload: { password: user.password, passwordEncryptType: type } }));
    expect(err).toBeNull();
    expect(data.deleteAccountToken).toEqual(expect.any(String));
    const body = bodyOf(onlyRequest('/api/v3/verify-delete-account-request', { U: true, T: user.token }));
    expect(body.passwordPayload.passwordEncryptType).toBe(type);
    expect(body.passwordPayload.password).toMatch(shape);
    expect(body.passwordPayload.password).not.toContain(user.password);
  });

  test('PASSWORD encrypted with no encryptor registered (nor encryptFunction) → encrypt error, no request', async () => {
    const user = await passwordUser();
    const bare = bareClient(t, ['account']);
    await bare.saveLoginState((await user.client.getLoginState())[1]);
    t.mark();
    const [err] = await bare.deleteAccountRequest({ verifyMethod: 'PASSWORD', passwordPayload: { password: user.password, passwordEncryptType: 'rsa' } });
    expectReadableError(err, 'encrypt');
    expect(t.sent()).toHaveLength(0);
  });

  test('PHONE_PASSCODE: only phonePassCodePayload is sent (CHANNEL_DELETE_ACCOUNT code)', async () => {
    const user = await phoneUser();
    const passCode = await smsCode(user.client, user.phone, 'CHANNEL_DELETE_ACCOUNT');
    t.mark();
    const [err, data] = await user.client.deleteAccountRequest({
      verifyMethod: 'PHONE_PASSCODE', phonePassCodePayload: { phoneNumber: user.phone, passCode }, emailPassCodePayload: { email: 'ignored@example.com', passCode: '123456' },
    });
    expect(err).toBeNull();
    expect(bodyOf(onlyRequest('/api/v3/verify-delete-account-request', { U: true, T: user.token }))).toEqual({
      verifyMethod: 'PHONE_PASSCODE', phonePassCodePayload: { phoneNumber: user.phone, passCode },
    });
    expect((await user.client.deleteAccount(data))[0]).toBeNull();
    expect(t.stored()).toBeUndefined();
  });

  test('EMAIL_PASSCODE: only emailPassCodePayload is sent', async () => {
    const user = await emailUser();
    const passCode = await emailCode(user.client, user.email, 'CHANNEL_DELETE_ACCOUNT');
    t.mark();
    const [err] = await user.client.deleteAccountRequest({ verifyMethod: 'EMAIL_PASSCODE', emailPassCodePayload: { email: user.email, passCode } });
    expect(err).toBeNull();
    expect(bodyOf(onlyRequest('/api/v3/verify-delete-account-request', { U: true, T: user.token }))).toEqual({
      verifyMethod: 'EMAIL_PASSCODE', emailPassCodePayload: { email: user.email, passCode },
    });
  });

  test('server errors: wrong password (2034); an expired or used token (2030) keeps the login state', async () => {
    const user = await passwordUser();
    const [wrong] = await user.client.deleteAccountRequest({ verifyMethod: 'PASSWORD', passwordPayload: { password: 'Wrong@12345' } });
    expectReadableError(wrong, 'server');
    expect(wrong.apiCode).toBe(2034);
    const [, data] = await user.client.deleteAccountRequest({ verifyMethod: 'PASSWORD', passwordPayload: { password: user.password } });
    await t.advanceClock(5 * 60 * 1000);
    const stored = JSON.stringify(t.stored());
    const [expired] = await user.client.deleteAccount(data);
    expectReadableError(expired, 'server');
    expect(expired).toMatchObject({ apiCode: 2030, message: expect.stringMatching(/已过期/) });
    expect(JSON.stringify(t.stored())).toBe(stored);
    expect((await user.client.getUserInfo())[0]).toBeNull(); // the account is still there
  });

  test.each([
    ['no argument', undefined],
    ['no verifyMethod', { passwordPayload: { password: 'x' } }],
    ['unknown verifyMethod', { verifyMethod: 'FACE' }],
    ['PHONE_PASSCODE without its payload', { verifyMethod: 'PHONE_PASSCODE', emailPassCodePayload: { email: 'a@example.com', passCode: '123456' } }],
    ['PHONE_PASSCODE with a bad phone', { verifyMethod: 'PHONE_PASSCODE', phonePassCodePayload: { phoneNumber: '123', passCode: '123456' } }],
    ['EMAIL_PASSCODE with a bad code', { verifyMethod: 'EMAIL_PASSCODE', emailPassCodePayload: { email: 'a@example.com', passCode: '12' } }],
    ['PASSWORD without a password', { verifyMethod: 'PASSWORD', passwordPayload: { password: '' } }],
    ['PASSWORD with an unknown encryption', { verifyMethod: 'PASSWORD', passwordPayload: { password: 'x', passwordEncryptType: 'md5' } }],
  ])('validation: %s → invalid_argument, no request', async (_n, input) => {
    const { client } = await wechatUser();
    const [err] = await client.deleteAccountRequest(input);
    expectReadableError(err, 'invalid_argument');
    expect(t.sent()).toHaveLength(0);
  });

  test('messages: unknown verifyMethod in both languages; deleteAccount without a token', async () => {
    expect((await t.client().deleteAccountRequest({ verifyMethod: 'FACE' }))[0].message).toBe('不支持的验证方式：FACE');
    expect((await t.client({ lang: 'en-US' }).deleteAccountRequest({ verifyMethod: 'FACE' }))[0].message).toBe('Unsupported verification method: FACE');
    const [err] = await t.client({ lang: 'en-US' }).deleteAccount({ deleteAccountToken: ' ' });
    expect(err).toMatchObject({ code: 'invalid_argument', message: 'Invalid argument: deleteAccountToken' });
    expect(t.sent()).toHaveLength(0);
  });

  test('not logged in → not_logged_in on both steps, no request, no public-key fetch', async () => {
    const [r] = await notLoggedIn({ encryptFunction: encryptRsa }).deleteAccountRequest({ verifyMethod: 'PASSWORD', passwordPayload: { password: 'x', passwordEncryptType: 'rsa' } });
    expectReadableError(r, 'not_logged_in');
    const [d] = await notLoggedIn().deleteAccount({ deleteAccountToken: 'x' });
    expectReadableError(d, 'not_logged_in');
    expect(t.sent()).toHaveLength(0);
  });
});

describe('decryptData', () => {
  test('POST /api/v3/decrypt-wechat-miniprogram-data, header U only, body with the caller\'s code; not auth-gated; no wx.login', async () => {
    t.wx.__control.openid = `core-account-openid-${++seq}`;
    const code = await t.wxCode();
    const { encryptedData, iv } = await t.userInfo(); // produced under the session_key of `code`
    const { platform, calls } = countingPlatform();
    const input = deepFreeze({ extIdpConnidentifier: idp, encryptedData, iv, code });
    const [err, data] = await t.client({ platform }).decryptData(input);
    expect(err).toBeNull();
    expect(data).toMatchObject({ openId: t.wx.__control.openid, nickName: 'Tester', watermark: { appid: t.config.wechatAppId, timestamp: expect.any(Number) } });
    expect(bodyOf(onlyRequest('/api/v3/decrypt-wechat-miniprogram-data', { U: true }))).toEqual({ extIdpConnidentifier: idp, encryptedData, iv, code });
    expect(calls.login).toBe(0);
  });

  test('without a code a fresh one is taken — which rotates the session_key: data made before no longer decrypts (3002)', async () => {
    t.wx.__control.openid = `core-account-openid-${++seq}`;
    const { encryptedData, iv } = await t.userInfo();
    const { platform, calls } = countingPlatform();
    const [err] = await t.client({ platform }).decryptData({ extIdpConnidentifier: idp, encryptedData, iv });
    expect(calls.login).toBe(1);
    expectReadableError(err, 'server');
    expect(err.apiCode).toBe(3002);
    const body = bodyOf(onlyRequest('/api/v3/decrypt-wechat-miniprogram-data', { U: true }));
    expect(body.code).toMatch(/^[0-9a-f]{32}$/);
    expect(t.sent()).toHaveLength(1); // no retry: another code cannot help
  });

  test('a used code → server error 3001; wx.login failing → platform error, no request', async () => {
    const code = await t.wxCode();
    const { encryptedData, iv } = await t.userInfo();
    const client = t.client();
    expect((await client.decryptData({ extIdpConnidentifier: idp, encryptedData, iv, code }))[0]).toBeNull();
    const [used] = await client.decryptData({ extIdpConnidentifier: idp, encryptedData, iv, code });
    expectReadableError(used, 'server');
    expect(used.apiCode).toBe(3001);
    t.mark();
    const platform = { ...core.createWechatPlatform(t.wx), login: () => Promise.reject({ errMsg: 'login:fail system error' }) };
    const [loginErr] = await t.client({ platform }).decryptData({ extIdpConnidentifier: idp, encryptedData, iv });
    expectReadableError(loginErr, 'platform');
    expect(t.sent()).toHaveLength(0);
  });

  test.each([
    ['no argument', undefined],
    ['missing extIdpConnidentifier', { encryptedData: 'e', iv: 'i', code: 'c' }],
    ['missing encryptedData', { extIdpConnidentifier: 'x', iv: 'i', code: 'c' }],
    ['blank iv', { extIdpConnidentifier: 'x', encryptedData: 'e', iv: ' ', code: 'c' }],
    ['empty code', { extIdpConnidentifier: 'x', encryptedData: 'e', iv: 'i', code: '' }],
    ['non-string code', { extIdpConnidentifier: 'x', encryptedData: 'e', iv: 'i', code: 7 }],
  ])('validation: %s → invalid_argument, no login, no request', async (_n, input) => {
    const { platform, calls } = countingPlatform();
    const [err] = await t.client({ platform }).decryptData(input);
    expectReadableError(err, 'invalid_argument');
    expect(calls.login).toBe(0);
    expect(t.sent()).toHaveLength(0);
  });
});

describe('bindWxByCode / bindPlatformByCode', () => {
  const BIND = '/connections/social/wechat-miniprogram/bind';

  test('POST /connections/social/wechat-miniprogram/bind, headers U + T, body {code: fresh, ...caller fields}; a later code login is this user', async () => {
    const user = await passwordUser();
    t.wx.__control.openid = `core-account-openid-${++seq}`;
    const [err, data] = await user.client.bindWxByCode(deepFreeze({ extIdpConnidentifier: idp }));
    expect(err).toBeNull();
    expect(data.identities).toEqual([expect.objectContaining({ provider: 'wechat', userIdInIdp: t.wx.__control.openid })]);
    const req = onlyRequest(BIND, { U: true, T: user.token });
    expect(bodyOf(req)).toEqual({ code: expect.stringMatching(/^[0-9a-f]{32}$/), extIdpConnidentifier: idp });
    t.wx.clearStorageSync();
    const [, state] = await t.client().loginByCode({ extIdpConnidentifier: idp });
    expect(JSON.parse(Buffer.from(state.access_token.split('.')[1], 'base64url')).sub).toBe(data.userId);
  });

  test('no argument: only the fresh code is sent; bindPlatformByCode has the same wire', async () => {
    const user = await passwordUser();
    t.wx.__control.openid = `core-account-openid-${++seq}`;
    const [err] = await user.client.bindWxByCode();
    expect(err).toBeNull();
    expect(bodyOf(onlyRequest(BIND, { U: true, T: user.token }))).toEqual({ code: expect.any(String) });
    const other = await passwordUser();
    t.wx.__control.openid = `core-account-openid-${++seq}`;
    const { encryptedData, iv, rawData } = await t.userInfo();
    const [err2, data] = await other.client.bindPlatformByCode({ extIdpConnidentifier: idp, encryptedData, iv, rawData });
    expect(err2).toBeNull();
    expect(data.identities[0].userIdInIdp).toBe(t.wx.__control.openid);
    const [first] = t.sent(BIND);
    expectContractHeaders(first, { U: true, T: other.token }, t.config);
    expect(bodyOf(first)).toEqual({ code: expect.any(String), extIdpConnidentifier: idp, encryptedData, iv, rawData });
  });

  test('encryptedData fetched before the call (our wx.login rotated the session_key) → one retry without it (and without rawData)', async () => {
    const user = await passwordUser();
    t.wx.__control.openid = `core-account-openid-${++seq}`;
    const { encryptedData, iv, rawData } = await t.userInfo();
    const [err] = await user.client.bindWxByCode({ encryptedData, iv, rawData });
    expect(err).toBeNull();
    const [first, second] = t.sent(BIND);
    expect([first.status, second.status]).toEqual([400, 200]);
    expect(bodyOf(first)).toMatchObject({ encryptedData, iv, rawData });
    expect(bodyOf(second)).toEqual({ code: expect.any(String) });
    expect(bodyOf(second).code).not.toBe(bodyOf(first).code);
  });

  test('a code the server rejects (used) → one retry with a fresh code; a second rejection is returned', async () => {
    /** A wx.login code of a new WeChat user, already burnt at the server (by a decrypt call). */
    async function burntCode() {
      t.wx.__control.openid = `core-account-openid-${++seq}`;
      const code = await t.wxCode();
      await t.api('POST', '/api/v3/decrypt-wechat-miniprogram-data', { extIdpConnidentifier: idp, encryptedData: 'x', iv: 'y', code }, { 'x-authing-userpool-id': t.config.userPoolId });
      return code;
    }
    const user = await passwordUser();
    const used = await burntCode();
    t.mark();
    const once = countingPlatform([used]);
    const [err, data] = await t.client({ platform: once.platform }).bindWxByCode();
    expect(err).toBeNull();
    expect(data.userId).toBe((await profileOf(user.client)).userId);
    expect(once.calls.login).toBe(2);
    expect(t.sent(BIND).map((r) => r.status)).toEqual([400, 200]);

    await passwordUser();
    const usedAgain = await burntCode();
    t.mark();
    const twice = countingPlatform([usedAgain, usedAgain, usedAgain]);
    const [again] = await t.client({ platform: twice.platform }).bindWxByCode();
    expectReadableError(again, 'server');
    expect(again.apiCode).toBe(3001);
    expect(twice.calls.login).toBe(2);
    expect(t.sent(BIND)).toHaveLength(2);
  });

  test('a WeChat user bound to another account → server error 3004, no retry', async () => {
    await wechatUser(); // the current openid has its own account now
    const user = await passwordUser();
    const [err] = await user.client.bindWxByCode({ extIdpConnidentifier: idp });
    expectReadableError(err, 'server');
    expect(err.apiCode).toBe(3004);
    expect(t.sent(BIND)).toHaveLength(1);
  });

  test.each([
    ['encryptedData without iv', { encryptedData: 'abc' }],
    ['iv without encryptedData', { iv: 'abc' }],
    ['non-string extIdpConnidentifier', { extIdpConnidentifier: 42 }],
    ['non-string rawData', { rawData: {} }],
    ['not an object', 'code'],
  ])('validation: %s → invalid_argument, no login, no request', async (_n, input) => {
    await passwordUser(); // logged in: the arguments are checked first anyway
    const { platform, calls } = countingPlatform();
    const client = t.client({ platform });
    const [err] = await client.bindWxByCode(input);
    expectReadableError(err, 'invalid_argument');
    const [alias] = await client.bindPlatformByCode(input);
    expectReadableError(alias, 'invalid_argument');
    expect(calls.login).toBe(0);
    expect(t.sent()).toHaveLength(0);
  });

  test('not logged in → not_logged_in before any wx.login or request', async () => {
    const { platform, calls } = countingPlatform();
    const [err] = await t.client({ platform }).bindWxByCode({ extIdpConnidentifier: idp });
    expectReadableError(err, 'not_logged_in');
    const [alias] = await t.client({ platform }).bindPlatformByCode();
    expectReadableError(alias, 'not_logged_in');
    expect(calls.login).toBe(0);
    expect(t.sent()).toHaveLength(0);
  });
});
