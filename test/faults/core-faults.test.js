/**
 * @jest-environment node
 */
// Fault matrix for the headless client: every network method × every failure mode, over real
// HTTP against an isolated devserver. Each call must RESOLVE (never reject) to [error] with a
// readable message and the fitting `code`, must really have hit the faulted path (the fault is
// used up), and must leave the stored login state byte-for-byte as it was.
const { startDevServer, call } = require('../helpers/server');
const { createWxShim } = require('../../devserver/wx-shim');
const { createNodeTransport } = require('../../devserver/wx-shim/node-transport');
const core = require('../../miniprogram_dist/index');
const { encryptRsa } = require('../../miniprogram_dist/crypto/rsa');
const { FAULTS, TIMEOUT_MS, faultSpec, closedPort, PNG, tmpFile, expectReadable } = require('./support');

let srv;
let wx;
let refusedHost;
let baseline; // the raw stored login state (JSON text) every row starts from
let key;

const dev = (method, p, body) => call(srv.url, method, p, body).then((r) => r.json);

function client({ host = srv.url, timeout } = {}) {
  return new core.Authing({
    appId: srv.config.appId, userPoolId: srv.config.userPoolId, host, timeout,
    encryptFunction: encryptRsa, platform: core.createWechatPlatform(wx),
  });
}

beforeAll(async () => {
  srv = await startDevServer();
  wx = createWxShim({ baseUrl: srv.url, transport: createNodeTransport(), openid: 'faults-core' });
  refusedHost = `http://127.0.0.1:${await closedPort()}`;
  key = core.stateKey(srv.config.appId);
  // A real login state (with a refresh token) is what every row starts from.
  const [err] = await client().loginByPassword({
    passwordPayload: { account: 'demo', password: 'Demo@123456' },
    options: { scope: 'openid profile offline_access' },
  });
  if (err) throw new Error(`baseline login failed: ${err.message}`);
  baseline = wx.__control.storage.get(key);
  expect(JSON.parse(baseline).refresh_token).toBeTruthy();
});
afterAll(() => srv && srv.close());

beforeEach(async () => {
  await dev('DELETE', '/__dev/faults');
  // Public keys live per client and in storage: a new client on a cleared storage really asks the server.
  wx.__control.storage.clear();
  wx.__control.storage.set(key, baseline);
});

const WECHAT = () => srv.config.wechatIdpIdentifier;
const phoneCode = async () => (await dev('POST', '/__dev/wx/phone-code', { phoneNumber: '13800000000' })).code;

/**
 * Every core method that makes a request: the path a fault is put on, and the call. `faultPath`
 * may depend on the fault (updateAvatar's upload has a 60 s timeout floor by design, so its
 * timeout row delays the profile-update step that follows the upload).
 */
const METHODS = [
  { name: 'getPublicKey', path: '/api/v3/system', run: (c) => c.getPublicKey('rsa') },
  { name: 'prepareEncryption', path: '/api/v3/system', run: (c) => c.prepareEncryption('sm2') },
  { name: 'loginByPassword', path: '/api/v3/signin', run: (c) => c.loginByPassword({ passwordPayload: { account: 'demo', password: 'Demo@123456' } }) },
  {
    name: 'loginByPassword (rsa: key fetch)', path: '/api/v3/system',
    run: (c) => c.loginByPassword({ passwordPayload: { account: 'demo', password: 'Demo@123456' }, options: { passwordEncryptType: 'rsa' } }),
  },
  { name: 'sendSms', path: '/api/v3/send-sms', run: (c) => c.sendSms({ phoneNumber: '13800000000', channel: 'CHANNEL_LOGIN' }) },
  { name: 'sendEmailCode', path: '/api/v3/send-email', run: (c) => c.sendEmailCode({ email: 'demo@example.com', channel: 'CHANNEL_LOGIN' }) },
  { name: 'loginByPassCode', path: '/api/v3/signin', run: (c) => c.loginByPassCode({ passCodePayload: { phone: '13800000000', passCode: '123456' } }) },
  { name: 'loginByCode', path: '/api/v3/signin-by-mobile', run: (c) => c.loginByCode({ extIdpConnidentifier: WECHAT() }) },
  {
    name: 'loginByPhone', path: '/api/v3/signin-by-mobile',
    run: async (c, code) => c.loginByPhone({ extIdpConnidentifier: WECHAT(), wechatMiniProgramCodeAndPhonePayload: { wxPhoneInfo: { code } } }),
    prepare: phoneCode,
  },
  { name: 'getPhone', path: '/api/v3/get-wechat-miniprogram-phone', run: (c, code) => c.getPhone({ extIdpConnidentifier: WECHAT(), code }), prepare: phoneCode },
  { name: 'refreshToken', path: '/oidc/token', run: (c) => c.refreshToken() },
  { name: 'updatePassword', path: '/api/v3/update-password', run: (c) => c.updatePassword({ oldPassword: 'Demo@123456', newPassword: 'Demo@654321' }) },
  { name: 'getUserInfo', path: '/api/v3/get-profile', run: (c) => c.getUserInfo() },
  { name: 'updateUserInfo', path: '/api/v3/update-profile', run: (c) => c.updateUserInfo({ nickname: 'Faulty' }) },
  {
    name: 'updateAvatar (upload step)', path: (fault) => (fault.kind === 'delay' ? '/api/v3/update-profile' : '/api/v2/upload'),
    run: (c) => c.updateAvatar({ filePath: tmpFile('avatar.png', PNG) }),
  },
  { name: 'updateAvatar (profile step)', path: '/api/v3/update-profile', run: (c) => c.updateAvatar({ filePath: tmpFile('avatar.png', PNG) }) },
  { name: 'logout', path: '/oidc/token/revocation', run: (c) => c.logout() },
  // Account methods. Tokens and codes are made up: under a fault the answer never comes, and the
  // delayed rows' late answers (after the client timed out) are harmless refusals.
  { name: 'bindPhone', path: '/api/v3/bind-phone', run: (c) => c.bindPhone({ phoneNumber: '13900000009', passCode: '123456' }) },
  { name: 'bindEmail', path: '/api/v3/bind-email', run: (c) => c.bindEmail({ email: 'faults@example.com', passCode: '123456' }) },
  {
    name: 'updatePhoneRequest', path: '/api/v3/verify-update-phone-request',
    run: (c) => c.updatePhoneRequest({ phonePassCodePayload: { newPhoneNumber: '13900000009', newPhonePassCode: '123456', oldPhoneNumber: '13800000000', oldPhonePassCode: '123456' } }),
  },
  { name: 'updatePhone', path: '/api/v3/update-phone', run: (c) => c.updatePhone({ updatePhoneToken: 'made-up-token' }) },
  {
    name: 'updateEmailRequest', path: '/api/v3/verify-update-email-request',
    run: (c) => c.updateEmailRequest({ emailPassCodePayload: { newEmail: 'faults@example.com', newEmailPassCode: '123456', oldEmail: 'demo@example.com', oldEmailPassCode: '123456' } }),
  },
  { name: 'updateEmail', path: '/api/v3/update-email', run: (c) => c.updateEmail({ updateEmailToken: 'made-up-token' }) },
  {
    name: 'deleteAccountRequest', path: '/api/v3/verify-delete-account-request',
    run: (c) => c.deleteAccountRequest({ verifyMethod: 'PHONE_PASSCODE', phonePassCodePayload: { phoneNumber: '13800000000', passCode: '123456' } }),
  },
  {
    name: 'deleteAccountRequest (rsa: key fetch)', path: '/api/v3/system',
    run: (c) => c.deleteAccountRequest({ verifyMethod: 'PASSWORD', passwordPayload: { password: 'Demo@123456', passwordEncryptType: 'rsa' } }),
  },
  { name: 'deleteAccount', path: '/api/v3/delete-account', run: (c) => c.deleteAccount({ deleteAccountToken: 'made-up-token' }) },
  {
    name: 'decryptData', path: '/api/v3/decrypt-wechat-miniprogram-data',
    run: (c) => c.decryptData({ extIdpConnidentifier: WECHAT(), encryptedData: 'e30=', iv: 'AAAAAAAAAAAAAAAAAAAAAA==', code: 'made-up-code' }),
  },
  {
    name: 'decryptData (fresh code)', path: '/api/v3/decrypt-wechat-miniprogram-data',
    run: (c) => c.decryptData({ extIdpConnidentifier: WECHAT(), encryptedData: 'e30=', iv: 'AAAAAAAAAAAAAAAAAAAAAA==' }),
  },
  { name: 'bindWxByCode', path: '/connections/social/wechat-miniprogram/bind', run: (c) => c.bindWxByCode({ extIdpConnidentifier: WECHAT() }) },
  { name: 'bindPlatformByCode', path: '/connections/social/wechat-miniprogram/bind', run: (c) => c.bindPlatformByCode() },
  // Account journey (core/journey). Codes and tokens are made up, as above.
  { name: 'signUp', path: '/api/v3/signup', run: (c) => c.signUp({ connection: 'PASSCODE', passCodePayload: { phone: '13900000009', passCode: '123456' } }) },
  {
    name: 'verifyResetPasswordRequest', path: '/api/v3/verify-reset-password-request',
    run: (c) => c.verifyResetPasswordRequest({ verifyMethod: 'PHONE_PASSCODE', phonePassCodePayload: { phoneNumber: '13800000000', passCode: '123456' } }),
  },
  { name: 'resetPassword', path: '/api/v3/reset-password', run: (c) => c.resetPassword({ password: 'Demo@654321', passwordResetToken: 'made-up-token' }) },
  { name: 'getCaptchaCode', path: '/api/v3/get-captcha-code', run: (c) => c.getCaptchaCode() },
  { name: 'sendMfaSms', path: '/api/v3/send-sms', run: (c) => c.sendMfaSms({ phoneNumber: '13800000000' }) },
  { name: 'sendMfaEmail', path: '/api/v2/email/send', run: (c) => c.sendMfaEmail({ email: 'demo@example.com' }) },
  { name: 'verifyMfaSms', path: '/api/v2/applications/mfa/sms/verify', run: (c) => c.verifyMfaSms({ mfaToken: 'made-up', phone: '13800000000', code: '123456' }) },
  { name: 'verifyMfaEmail', path: '/api/v2/applications/mfa/email/verify', run: (c) => c.verifyMfaEmail({ mfaToken: 'made-up', email: 'demo@example.com', code: '123456' }) },
  { name: 'verifyMfaTotp', path: '/api/v2/mfa/totp/verify', run: (c) => c.verifyMfaTotp({ mfaToken: 'made-up', totp: '123456' }) },
  { name: 'verifyMfaRecoveryCode', path: '/api/v2/mfa/totp/recovery', run: (c) => c.verifyMfaRecoveryCode({ mfaToken: 'made-up', recoveryCode: 'abcd-ef01' }) },
];

/**
 * logout: RFC 7009 — HTTP 200 is the revocation endpoint's success answer whatever its body, so a
 * 200 with malformed JSON or an empty body IS a successful logout (state cleared). A 500 page or an
 * Authing error envelope says the token was NOT revoked: that is an error and the state stays.
 */
const LOGOUT_SUCCEEDS_ON = new Set(['badjson', 'empty']);

const ROWS = [];
for (const m of METHODS) for (const f of FAULTS) ROWS.push([m.name, f.name, m, f]);

test.each(ROWS)('%s × %s → [error], never rejects, state unchanged', async (_m, _f, method, fault) => {
  const faultPath = typeof method.path === 'function' ? method.path(fault) : method.path;
  const c = client({ host: fault.kind === 'refused' ? refusedHost : srv.url, timeout: fault.kind === 'delay' ? TIMEOUT_MS : undefined });
  const arg = method.prepare ? await method.prepare() : undefined;
  if (fault.kind !== 'refused') await dev('POST', '/__dev/faults', faultSpec(fault, faultPath));
  const requestsBefore = srv.requests.length;

  const result = await method.run(c, arg); // a rejection fails the test here
  expect(Array.isArray(result)).toBe(true);
  expect(result).toHaveLength(2);
  const [err, data] = result;

  if (fault.kind === 'refused') {
    expect(srv.requests.length).toBe(requestsBefore); // nothing reached our server
  } else {
    // The call really went through the faulted path: the fault was used up, and recorded.
    expect(await dev('GET', '/__dev/faults')).toEqual(expect.objectContaining({ faults: [] }));
    expect(srv.requests.slice(requestsBefore).some((r) => r.path === faultPath && r.fault === fault.kind)).toBe(true);
  }

  if (method.name === 'logout' && LOGOUT_SUCCEEDS_ON.has(fault.kind)) {
    expect(result).toEqual([null, true]);
    expect(wx.__control.storage.has(key)).toBe(false);
    return;
  }
  expect(data).toBeUndefined();
  expectReadable(err);
  expect(err.code).toBe(fault.code);
  if (fault.status) expect(err.statusCode).toBe(fault.status);
  if (fault.kind === 'envelope') expect(err).toMatchObject({ message: fault.message, statusCode: 503, apiCode: 9999, requestId: expect.any(String) });
  expect(wx.__control.storage.get(key)).toBe(baseline); // exactly as it was (same JSON text)
});

/** Methods that never call the API (storage, or WeChat's own wx.login): they cannot meet these faults. */
const LOCAL = [
  ['getLoginState', (c) => c.getLoginState(), (res) => expect(res[1]).toEqual(expect.objectContaining({ access_token: JSON.parse(baseline).access_token })), true],
  ['getLoginCode', (c) => c.getLoginCode(), (res) => expect(res).toEqual([null, expect.any(String)]), true],
  ['prepareWechatCode', (c) => c.prepareWechatCode(), (res) => expect(res).toEqual([null, true]), true],
  ['saveLoginState', (c) => c.saveLoginState({ access_token: 'a.b.c', expires_in: 60 }), (res) => expect(res[0]).toBeNull(), false],
  ['clearLoginState', (c) => c.clearLoginState(), (res) => expect(res).toEqual([null, true]), false],
];

describe('methods that make no API request, even with every path faulted', () => {
  beforeEach(async () => {
    for (const m of METHODS) {
      const p = typeof m.path === 'function' ? m.path({ kind: 'html500' }) : m.path;
      await dev('POST', '/__dev/faults', { path: p, kind: 'html500', count: 5 });
    }
  });

  test.each(LOCAL)('%s: no request', async (_name, run, check, keepsState) => {
    const before = srv.requests.length;
    const res = await run(client());
    check(res);
    expect(srv.requests.length).toBe(before);
    if (keepsState) expect(wx.__control.storage.get(key)).toBe(baseline);
  });
});

test('every method of the core API table (core/README.md) is in this matrix', () => {
  const readme = require('fs').readFileSync(require('path').join(__dirname, '../../core/README.md'), 'utf8');
  const documented = [...new Set([...readme.matchAll(/^\| `([a-zA-Z]+)\(/gm)].map((m) => m[1]))];
  const covered = new Set([...METHODS.map((m) => m.name.split(' ')[0]), ...LOCAL.map((l) => l[0])]);
  expect(documented.length).toBeGreaterThan(10);
  expect(documented.filter((name) => !covered.has(name))).toEqual([]);
});
