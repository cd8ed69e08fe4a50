// Edges of the account methods' argument checks: which message a refused argument gets (the field
// or parameter it names, in en-US), and what an accepted one looks like on the wire (trimmed values,
// optional fields sent only when given, null meaning "not given"). account.test.js has the flows.
const { core, setup, bodyOf } = require('./support');

let t;
let idp;
beforeAll(async () => { t = await setup(); idp = t.config.wechatIdpIdentifier; });
afterAll(() => t.close());
beforeEach(async () => { t.wx.clearStorageSync(); t.mark(); });

let seq = 0;

/** The wx shim's platform, counting wx.login calls. */
function countingPlatform() {
  const base = core.createWechatPlatform(t.wx);
  const calls = { login: 0 };
  return { calls, platform: { ...base, login: () => { calls.login++; return base.login(); } } };
}

/** A client holding a stored, unexpired login state (the checks run before any token is used). */
function loggedIn(options = {}) {
  t.wx.setStorageSync(t.storageKey, { access_token: 'h.p.s', expires_in: 7200, expires_at: Date.now() + 3600e3 });
  return t.client({ lang: 'en-US', ...options });
}

/** A real WeChat-only user, logged in through the client; the mark is set after the login. */
async function wechatUser() {
  t.wx.__control.openid = `core-account-edges-${++seq}`;
  const client = t.client();
  const [err] = await client.loginByCode({ extIdpConnidentifier: idp });
  expect(err).toBeNull();
  t.mark();
  return client;
}

/** The body of the one request sent to `path` since the mark. */
function sentBody(path) {
  const reqs = t.sent(path);
  expect(reqs).toHaveLength(1);
  return bodyOf(reqs[0]);
}

const LONGEST = 'p'.repeat(1024); // the longest password a login-type check accepts
const phone = (payload) => (c) => c.updatePhoneRequest({ phonePassCodePayload: { newPhoneNumber: '13700000000', newPhonePassCode: '123456', ...payload } });
const email = (payload) => (c) => c.updateEmailRequest({ emailPassCodePayload: { newEmail: 'a@example.com', newEmailPassCode: '123456', ...payload } });
const del = (data) => (c) => c.deleteAccountRequest(data);
const decrypt = (data) => (c) => c.decryptData({ extIdpConnidentifier: 'wechat', encryptedData: 'e', iv: 'i', ...data });

// [method, what, call(client), message key, params]
const REFUSED = [
  ['sendEmailCode', 'no argument', (c) => c.sendEmailCode(undefined), 'required', { field: 'email' }],
  ['sendEmailCode', 'malformed email', (c) => c.sendEmailCode({ email: 'a@', channel: 'CHANNEL_LOGIN' }), 'invalidEmail'],
  ['sendEmailCode', 'unknown channel', (c) => c.sendEmailCode({ email: 'a@example.com', channel: 'CHANNEL_X' }), 'invalidChannel', { channel: 'CHANNEL_X' }],
  ['updatePassword', 'no argument', (c) => c.updatePassword(undefined), 'required', { field: 'password' }],
  ['updatePassword', 'empty old password', (c) => c.updatePassword({ newPassword: 'Valid@123456', oldPassword: '' }), 'required', { field: 'password' }],
  ['updatePassword', 'non-string old password', (c) => c.updatePassword({ newPassword: 'Valid@123456', oldPassword: 42 }), 'required', { field: 'password' }],
  ['updatePassword', 'old password over 1024 characters', (c) => c.updatePassword({ newPassword: 'Valid@123456', oldPassword: `${LONGEST}p` }), 'tooLong', { field: 'password', max: 1024 }],
  ['updatePassword', 'unknown encryption', (c) => c.updatePassword({ newPassword: 'Valid@123456', passwordEncryptType: 'md5' }), 'invalidEncryptType', { type: 'md5' }],
  ['bindPhone', 'no argument', (c) => c.bindPhone(undefined), 'required', { field: 'phone' }],
  ['bindPhone', 'no phone', (c) => c.bindPhone({ passCode: '123456' }), 'required', { field: 'phone' }],
  ['bindPhone', 'malformed phone', (c) => c.bindPhone({ phoneNumber: '12345', passCode: '123456' }), 'invalidPhone'],
  ['bindPhone', 'non-string country code', (c) => c.bindPhone({ phoneNumber: '13700000000', passCode: '123456', phoneCountryCode: 86 }), 'invalidParam', { name: 'phoneCountryCode' }],
  ['bindPhone', 'unknown country code', (c) => c.bindPhone({ phoneNumber: '13700000000', passCode: '123456', phoneCountryCode: '+999' }), 'invalidCountryCode'],
  ['bindPhone', 'no code', (c) => c.bindPhone({ phoneNumber: '13700000000' }), 'required', { field: 'code' }],
  ['bindPhone', 'letters as the code', (c) => c.bindPhone({ phoneNumber: '13700000000', passCode: '12345a' }), 'invalidSmsCode', { length: 6 }],
  ['bindEmail', 'no argument', (c) => c.bindEmail(undefined), 'required', { field: 'email' }],
  ['bindEmail', 'no email', (c) => c.bindEmail({ passCode: '123456' }), 'required', { field: 'email' }],
  ['bindEmail', 'no code', (c) => c.bindEmail({ email: 'a@example.com' }), 'required', { field: 'code' }],
  ['bindEmail', '5-digit code', (c) => c.bindEmail({ email: 'a@example.com', passCode: '12345' }), 'invalidSmsCode', { length: 6 }],
  ['updatePhoneRequest', 'no argument', (c) => c.updatePhoneRequest(undefined), 'required', { field: 'phone' }],
  ['updatePhoneRequest', 'a string as the payload', (c) => c.updatePhoneRequest({ phonePassCodePayload: '13700000000' }), 'required', { field: 'phone' }],
  ['updatePhoneRequest', 'non-string verifyMethod', (c) => c.updatePhoneRequest({ verifyMethod: 1, phonePassCodePayload: {} }), 'invalidParam', { name: 'verifyMethod' }],
  ['updatePhoneRequest', 'another verifyMethod', (c) => c.updatePhoneRequest({ verifyMethod: 'EMAIL_PASSCODE', phonePassCodePayload: {} }), 'invalidVerifyMethod', { method: 'EMAIL_PASSCODE' }],
  ['updatePhoneRequest', 'no new phone', phone({ newPhoneNumber: undefined }), 'required', { field: 'phone' }],
  ['updatePhoneRequest', 'non-string new country code', phone({ newPhoneCountryCode: 852 }), 'invalidParam', { name: 'newPhoneCountryCode' }],
  ['updatePhoneRequest', 'no new code', phone({ newPhonePassCode: '' }), 'required', { field: 'code' }],
  ['updatePhoneRequest', 'malformed current phone', phone({ oldPhoneNumber: '123', oldPhonePassCode: '123456' }), 'invalidPhone'],
  ['updatePhoneRequest', 'bad current code', phone({ oldPhoneNumber: '13700000001', oldPhonePassCode: '1' }), 'invalidSmsCode', { length: 6 }],
  ['updatePhoneRequest', 'no current code', phone({ oldPhoneNumber: '13700000001', oldPhonePassCode: null }), 'required', { field: 'oldPhoneCode' }],
  ['updatePhoneRequest', 'non-string current country code', phone({ oldPhoneNumber: '13700000001', oldPhonePassCode: '123456', oldPhoneCountryCode: 86 }), 'invalidParam', { name: 'oldPhoneCountryCode' }],
  ['updateEmailRequest', 'no argument', (c) => c.updateEmailRequest(undefined), 'required', { field: 'email' }],
  ['updateEmailRequest', 'a string as the payload', (c) => c.updateEmailRequest({ emailPassCodePayload: 'a@example.com' }), 'required', { field: 'email' }],
  ['updateEmailRequest', 'non-string verifyMethod', (c) => c.updateEmailRequest({ verifyMethod: true, emailPassCodePayload: {} }), 'invalidParam', { name: 'verifyMethod' }],
  ['updateEmailRequest', 'another verifyMethod', (c) => c.updateEmailRequest({ verifyMethod: 'PHONE_PASSCODE', emailPassCodePayload: {} }), 'invalidVerifyMethod', { method: 'PHONE_PASSCODE' }],
  ['updateEmailRequest', 'no new email', email({ newEmail: '' }), 'required', { field: 'email' }],
  ['updateEmailRequest', 'no new code', email({ newEmailPassCode: undefined }), 'required', { field: 'code' }],
  ['updateEmailRequest', 'no current email', email({ oldEmailPassCode: '123456' }), 'required', { field: 'oldEmail' }],
  ['updateEmailRequest', 'no current code', email({ oldEmail: 'b@example.com' }), 'required', { field: 'oldEmailCode' }],
  ['updateEmailRequest', 'malformed current email', email({ oldEmail: 'b@', oldEmailPassCode: '123456' }), 'invalidEmail'],
  ['updateEmailRequest', 'bad current code', email({ oldEmail: 'b@example.com', oldEmailPassCode: 'x' }), 'invalidSmsCode', { length: 6 }],
  ['deleteAccountRequest', 'no argument', del(undefined), 'invalidParam', { name: 'verifyMethod' }],
  ['deleteAccountRequest', 'null verifyMethod', del({ verifyMethod: null, passwordPayload: { password: 'x' } }), 'invalidParam', { name: 'verifyMethod' }],
  ['deleteAccountRequest', 'non-string verifyMethod', del({ verifyMethod: 3 }), 'invalidParam', { name: 'verifyMethod' }],
  ['deleteAccountRequest', 'unknown verifyMethod', del({ verifyMethod: 'FACE' }), 'invalidVerifyMethod', { method: 'FACE' }],
  ['deleteAccountRequest', 'PHONE_PASSCODE without its payload', del({ verifyMethod: 'PHONE_PASSCODE' }), 'required', { field: 'phone' }],
  ['deleteAccountRequest', 'PHONE_PASSCODE without a phone', del({ verifyMethod: 'PHONE_PASSCODE', phonePassCodePayload: { passCode: '123456' } }), 'required', { field: 'phone' }],
  ['deleteAccountRequest', 'PHONE_PASSCODE, non-string country code', del({ verifyMethod: 'PHONE_PASSCODE', phonePassCodePayload: { phoneNumber: '13700000000', passCode: '123456', phoneCountryCode: 86 } }), 'invalidParam', { name: 'phoneCountryCode' }],
  ['deleteAccountRequest', 'PHONE_PASSCODE without a code', del({ verifyMethod: 'PHONE_PASSCODE', phonePassCodePayload: { phoneNumber: '13700000000' } }), 'required', { field: 'code' }],
  ['deleteAccountRequest', 'EMAIL_PASSCODE without its payload', del({ verifyMethod: 'EMAIL_PASSCODE', phonePassCodePayload: { phoneNumber: '13700000000', passCode: '123456' } }), 'required', { field: 'email' }],
  ['deleteAccountRequest', 'EMAIL_PASSCODE without an email', del({ verifyMethod: 'EMAIL_PASSCODE', emailPassCodePayload: { passCode: '123456' } }), 'required', { field: 'email' }],
  ['deleteAccountRequest', 'EMAIL_PASSCODE without a code', del({ verifyMethod: 'EMAIL_PASSCODE', emailPassCodePayload: { email: 'a@example.com' } }), 'required', { field: 'code' }],
  ['deleteAccountRequest', 'PASSWORD without its payload', del({ verifyMethod: 'PASSWORD' }), 'required', { field: 'password' }],
  ['deleteAccountRequest', 'PASSWORD, non-string password', del({ verifyMethod: 'PASSWORD', passwordPayload: { password: 123456 } }), 'required', { field: 'password' }],
  ['deleteAccountRequest', 'PASSWORD over 1024 characters', del({ verifyMethod: 'PASSWORD', passwordPayload: { password: `${LONGEST}p` } }), 'tooLong', { field: 'password', max: 1024 }],
  ['deleteAccountRequest', 'PASSWORD, unknown encryption', del({ verifyMethod: 'PASSWORD', passwordPayload: { password: 'x', passwordEncryptType: 'md5' } }), 'invalidEncryptType', { type: 'md5' }],
  ['decryptData', 'no argument', (c) => c.decryptData(undefined), 'required', { field: 'extIdpConnidentifier' }],
  ['decryptData', 'no extIdpConnidentifier', decrypt({ extIdpConnidentifier: ' ' }), 'required', { field: 'extIdpConnidentifier' }],
  ['decryptData', 'non-string encryptedData', decrypt({ encryptedData: 42 }), 'invalidParam', { name: 'encryptedData' }],
  ['decryptData', 'blank encryptedData', decrypt({ encryptedData: ' ' }), 'invalidParam', { name: 'encryptedData' }],
  ['decryptData', 'non-string iv', decrypt({ iv: {} }), 'invalidParam', { name: 'iv' }],
  ['decryptData', 'blank code', decrypt({ code: '  ' }), 'invalidParam', { name: 'code' }],
  ['decryptData', 'non-string code', decrypt({ code: 7 }), 'invalidParam', { name: 'code' }],
  ['bindWxByCode', 'a string as the argument', (c) => c.bindWxByCode('code'), 'invalidParam', { name: 'data' }],
  ['bindWxByCode', 'non-string extIdpConnidentifier', (c) => c.bindWxByCode({ extIdpConnidentifier: 42 }), 'invalidParam', { name: 'extIdpConnidentifier' }],
  ['bindWxByCode', 'encryptedData without iv', (c) => c.bindWxByCode({ encryptedData: 'e' }), 'invalidParam', { name: 'encryptedData' }],
  ['bindWxByCode', 'non-string rawData', (c) => c.bindWxByCode({ rawData: 1 }), 'invalidParam', { name: 'rawData' }],
];

describe('refused arguments name what is wrong (en-US), before any request', () => {
  // Rows without params get an explicit undefined: test.each must not mistake the 5th argument for `done`.
  test.each(REFUSED.map((r) => [r[0], r[1], r[2], r[3], r[4]]))('%s: %s', async (_method, _what, run, key, params) => {
    const { platform, calls } = countingPlatform();
    const [err, data] = await run(loggedIn({ platform }));
    expect(data).toBeUndefined();
    expect(err).toEqual(expect.objectContaining({ code: 'invalid_argument', message: core.translate('en-US', key, params) }));
    expect(calls.login).toBe(0);
    expect(t.sent()).toHaveLength(0);
  });
});

describe('accepted arguments on the wire', () => {
  test('bindPhone and bindEmail send trimmed codes and country code', async () => {
    const client = await wechatUser();
    await client.bindPhone({ phoneNumber: ' 61234567 ', passCode: ' 123456 ', phoneCountryCode: ' +852 ' });
    expect(sentBody('/api/v3/bind-phone')).toEqual({ phoneNumber: '61234567', passCode: '123456', phoneCountryCode: '+852' });
    await client.bindEmail({ email: ' a@example.com ', passCode: ' 654321 ' });
    expect(sentBody('/api/v3/bind-email')).toEqual({ email: 'a@example.com', passCode: '654321' });
  });

  test('sendEmailCode sends the trimmed email and the channel', async () => {
    const [err] = await t.client().sendEmailCode({ email: ' edges@example.com ', channel: 'CHANNEL_BIND_EMAIL' });
    expect(err).toBeNull();
    expect(sentBody('/api/v3/send-email')).toEqual({ email: 'edges@example.com', channel: 'CHANNEL_BIND_EMAIL' });
  });

  test('updatePhoneRequest: a null verifyMethod and null current phone mean "not given"; the current phone\'s country code is sent when given', async () => {
    const client = await wechatUser();
    await client.updatePhoneRequest({ verifyMethod: null, phonePassCodePayload: { newPhoneNumber: '13700000000', newPhonePassCode: ' 111111 ', oldPhoneNumber: null, oldPhonePassCode: null } });
    expect(sentBody('/api/v3/verify-update-phone-request')).toEqual({ verifyMethod: 'PHONE_PASSCODE', phonePassCodePayload: { newPhoneNumber: '13700000000', newPhonePassCode: '111111' } });
    t.mark();
    await client.updatePhoneRequest({ phonePassCodePayload: { newPhoneNumber: '13700000000', newPhonePassCode: '111111', oldPhoneNumber: ' 61234567 ', oldPhonePassCode: ' 222222 ', oldPhoneCountryCode: '+852' } });
    expect(sentBody('/api/v3/verify-update-phone-request').phonePassCodePayload).toEqual({
      newPhoneNumber: '13700000000', newPhonePassCode: '111111', oldPhoneNumber: '61234567', oldPhonePassCode: '222222', oldPhoneCountryCode: '+852',
    });
  });

  test('updateEmailRequest: empty current fields are "not given"; given ones are trimmed; a token is trimmed', async () => {
    const client = await wechatUser();
    await client.updateEmailRequest({ verifyMethod: 'EMAIL_PASSCODE', emailPassCodePayload: { newEmail: ' n@example.com ', newEmailPassCode: '111111', oldEmail: '', oldEmailPassCode: null } });
    expect(sentBody('/api/v3/verify-update-email-request')).toEqual({ verifyMethod: 'EMAIL_PASSCODE', emailPassCodePayload: { newEmail: 'n@example.com', newEmailPassCode: '111111' } });
    t.mark();
    await client.updateEmailRequest({ emailPassCodePayload: { newEmail: 'n@example.com', newEmailPassCode: '111111', oldEmail: ' o@example.com ', oldEmailPassCode: ' 222222 ' } });
    expect(sentBody('/api/v3/verify-update-email-request').emailPassCodePayload).toEqual({
      newEmail: 'n@example.com', newEmailPassCode: '111111', oldEmail: 'o@example.com', oldEmailPassCode: '222222',
    });
    t.mark();
    await client.updatePhone({ updatePhoneToken: ' token-1 ' });
    expect(sentBody('/api/v3/update-phone')).toEqual({ updatePhoneToken: 'token-1' });
  });

  test('deleteAccountRequest: a 1024-character password and a phone payload with its country code are sent', async () => {
    const client = await wechatUser();
    const [err] = await client.deleteAccountRequest({ verifyMethod: 'PASSWORD', passwordPayload: { password: LONGEST } });
    expect(err.code).toBe('server');
    expect(sentBody('/api/v3/verify-delete-account-request')).toEqual({ verifyMethod: 'PASSWORD', passwordPayload: { password: LONGEST } });
    t.mark();
    await client.deleteAccountRequest({ verifyMethod: 'PHONE_PASSCODE', phonePassCodePayload: { phoneNumber: '61234567', passCode: '123456', phoneCountryCode: '+852' } });
    expect(sentBody('/api/v3/verify-delete-account-request')).toEqual({
      verifyMethod: 'PHONE_PASSCODE', phonePassCodePayload: { phoneNumber: '61234567', passCode: '123456', phoneCountryCode: '+852' },
    });
  });

  test('updatePassword: a 1024-character old password is sent (the server judges it: a WeChat-only user has none to check)', async () => {
    const client = await wechatUser();
    const [err] = await client.updatePassword({ newPassword: 'Valid@123456', oldPassword: LONGEST });
    expect(err).toBeNull();
    expect(sentBody('/api/v3/update-password')).toEqual({ newPassword: 'Valid@123456', oldPassword: LONGEST });
  });

  test('decryptData: a null code means "take a fresh one"; the caller\'s values are trimmed', async () => {
    const { platform, calls } = countingPlatform();
    await t.client({ platform }).decryptData({ extIdpConnidentifier: ` ${idp} `, encryptedData: ' e ', iv: ' i ', code: null });
    expect(calls.login).toBe(1);
    expect(sentBody('/api/v3/decrypt-wechat-miniprogram-data')).toEqual({ extIdpConnidentifier: idp, encryptedData: 'e', iv: 'i', code: expect.stringMatching(/^[0-9a-f]{32}$/) });
    t.mark();
    await t.client({ platform }).decryptData({ extIdpConnidentifier: idp, encryptedData: 'e', iv: 'i', code: ' c1 ' });
    expect(calls.login).toBe(1);
    expect(sentBody('/api/v3/decrypt-wechat-miniprogram-data').code).toBe('c1');
  });

  test('bindWxByCode: null is no argument; an empty rawData and null fields are left out; extIdpConnidentifier is trimmed', async () => {
    const client = await wechatUser();
    const newWechat = () => { t.wx.__control.openid = `core-account-edges-${++seq}`; };
    newWechat();
    await client.bindWxByCode(null);
    expect(Object.keys(sentBody('/connections/social/wechat-miniprogram/bind'))).toEqual(['code']);
    t.mark();
    newWechat();
    await client.bindWxByCode({ extIdpConnidentifier: ` ${idp} `, rawData: '', encryptedData: null, iv: null });
    expect(Object.keys(sentBody('/connections/social/wechat-miniprogram/bind')).sort()).toEqual(['code', 'extIdpConnidentifier']);
    expect(sentBody('/connections/social/wechat-miniprogram/bind').extIdpConnidentifier).toBe(idp);
    t.mark();
    newWechat();
    await client.bindWxByCode({ rawData: null });
    expect(Object.keys(sentBody('/connections/social/wechat-miniprogram/bind'))).toEqual(['code']);
  });

  test('bindWxByCode: rawData alone (no encryptedData) is sent as given', async () => {
    const client = await wechatUser();
    t.wx.__control.openid = `core-account-edges-${++seq}`;
    await client.bindWxByCode({ rawData: ' {"nickName":"A"} ' });
    expect(sentBody('/connections/social/wechat-miniprogram/bind')).toEqual({ code: expect.any(String), rawData: ' {"nickName":"A"} ' });
  });
});

describe('success answers without the expected data → bad_response', () => {
  afterEach(() => t.dev.del('/__dev/faults'));

  test.each([
    ['updatePhoneRequest', '/api/v3/verify-update-phone-request', (c) => c.updatePhoneRequest({ phonePassCodePayload: { newPhoneNumber: '13700000000', newPhonePassCode: '123456' } })],
    ['updateEmailRequest', '/api/v3/verify-update-email-request', (c) => c.updateEmailRequest({ emailPassCodePayload: { newEmail: 'a@example.com', newEmailPassCode: '123456' } })],
    ['deleteAccountRequest', '/api/v3/verify-delete-account-request', (c) => c.deleteAccountRequest({ verifyMethod: 'PASSWORD', passwordPayload: { password: 'x' } })],
    ['decryptData', '/api/v3/decrypt-wechat-miniprogram-data', (c) => c.decryptData({ extIdpConnidentifier: idp, encryptedData: 'e', iv: 'i', code: 'c' })],
  ])('%s', async (_method, path, run) => {
    const client = await wechatUser();
    await t.fault({ path, kind: 'envelope', status: 200, body: 'ok' });
    const [err, data] = await run(client);
    expect(data).toBeUndefined();
    expect(err).toEqual(expect.objectContaining({ code: 'bad_response' }));
    expect(t.sent(path)).toHaveLength(1);
  });
});
