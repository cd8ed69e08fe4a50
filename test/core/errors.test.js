// How failures are classified: every one resolves to [ErrorData] with a readable message and
// a code; nothing rejects. Faults are injected by the devserver (real sockets, real bodies).
const { core, DEMO, setup, expectReadableError } = require('./support');

let t;
beforeAll(async () => { t = await setup(); });
afterAll(() => t.close());
beforeEach(async () => { await t.dev.del('/__dev/faults'); t.mark(); t.wx.clearStorageSync(); });

const loginArgs = { passwordPayload: { account: 'demo', password: DEMO.password } };

test.each([
  ['reset', 'network', undefined],
  ['html500', 'http', 500],
  ['badjson', 'bad_response', 200],
  ['empty', 'bad_response', 200],
])('fault %s → code %s', async (kind, code, statusCode) => {
  await t.fault({ path: '/api/v3/signin', kind, count: 1 });
  const [err, data] = await t.client().loginByPassword(loginArgs);
  expect(data).toBeUndefined();
  expectReadableError(err, code);
  expect(err.statusCode).toBe(statusCode);
  expect(t.stored()).toBeUndefined();
});

test('connection reset keeps the platform errMsg for diagnostics', async () => {
  await t.fault({ path: '/api/v3/signin', kind: 'reset', count: 1 });
  const [err] = await t.client({ lang: 'en-US' }).loginByPassword(loginArgs);
  expect(err.message).toBe('Network error, please check your connection and retry');
  expect(err.errMsg).toMatch(/^request:fail/);
});

test('an HTML 500 gives the localized http message with the status', async () => {
  await t.fault({ path: '/api/v3/signin', kind: 'html500', count: 1 });
  const [err] = await t.client().loginByPassword(loginArgs);
  expect(err.message).toBe('服务暂时不可用（HTTP 500），请稍后重试');
});

test('a request slower than `timeout` → code timeout', async () => {
  await t.fault({ path: '/api/v3/signin', kind: 'delay', count: 1, delayMs: 2000 });
  const [err] = await t.client({ timeout: 200 }).loginByPassword(loginArgs);
  expectReadableError(err, 'timeout');
});

test('an Authing error envelope → code server with statusCode, apiCode, requestId and its message', async () => {
  await t.fault({ path: '/api/v3/signin', kind: 'envelope', count: 1, status: 403, body: '应用已停用' });
  const [err] = await t.client().loginByPassword(loginArgs);
  expectReadableError(err, 'server');
  expect(err).toMatchObject({ message: '应用已停用', statusCode: 403, apiCode: 9999 });
  expect(typeof err.requestId).toBe('string');
});

test('an OIDC error body maps error / error_description', async () => {
  t.wx.setStorageSync(t.storageKey, { access_token: 'a', refresh_token: 'not-a-real-token', expires_in: 7200, expires_at: Date.now() + 1e6 });
  const [err] = await t.client().refreshToken();
  expect(err).toMatchObject({ error: 'invalid_grant', error_description: expect.any(String), statusCode: 400 });
  expect(err.message).toBe(err.error_description);
});

test('a wrong app id is a server error, not a crash', async () => {
  const [err] = await t.client({ appId: 'someone-else' }).loginByPassword(loginArgs);
  expectReadableError(err, 'server');
  expect(err.statusCode).toBe(403);
});

test('an unreachable host → network', async () => {
  const [err] = await t.client({ host: 'http://127.0.0.1:1' }).getPublicKey('rsa');
  expectReadableError(err, 'network');
});

describe('storage failures never reject', () => {
  const broken = () => {
    const base = core.createWechatPlatform(t.wx);
    return {
      ...base,
      getStorage: () => { throw new Error('storage exploded'); },
      setStorage: () => Promise.reject({ errMsg: 'setStorage:fail exceed storage max size 10MB' }),
      removeStorage: () => { throw { errMsg: 'removeStorage:fail' }; },
    };
  };

  test('every method resolves to a tuple', async () => {
    const client = t.client({ platform: broken() });
    const idp = t.config.wechatIdpIdentifier;
    const calls = {
      getLoginState: () => client.getLoginState(),
      saveLoginState: () => client.saveLoginState({ access_token: 'a', expires_in: 10 }),
      clearLoginState: () => client.clearLoginState(),
      getPublicKey: () => client.getPublicKey('rsa'),
      loginByCode: () => client.loginByCode({ extIdpConnidentifier: idp }),
      loginByPhone: () => client.loginByPhone({ extIdpConnidentifier: idp, wechatMiniProgramCodeAndPhonePayload: { wxPhoneInfo: { code: 'x' } } }),
      loginByPassword: () => client.loginByPassword(loginArgs),
      sendSms: () => client.sendSms({ phoneNumber: '13700000099', channel: 'CHANNEL_LOGIN' }),
      loginByPassCode: () => client.loginByPassCode({ passCodePayload: { phone: DEMO.phone, passCode: '123456' } }),
      refreshToken: () => client.refreshToken(),
      getPhone: () => client.getPhone({ extIdpConnidentifier: idp, code: 'x' }),
      updatePassword: () => client.updatePassword({ newPassword: 'Valid@123456' }),
      getUserInfo: () => client.getUserInfo(),
      updateAvatar: () => client.updateAvatar(),
      updateUserInfo: () => client.updateUserInfo({ nickname: 'n' }),
      logout: () => client.logout(),
    };
    for (const [name, run] of Object.entries(calls)) {
      const result = await run();
      expect([name, Array.isArray(result), result.length]).toEqual([name, true, 2]);
      if (result[0]) expectReadableError(result[0]);
    }
    const [loginErr] = await calls.loginByPassword();
    expectReadableError(loginErr, 'platform');
    expect(loginErr.errMsg).toMatch(/exceed storage/);
    const [stateErr] = await client.getLoginState();
    expect(stateErr.message).toBe('storage exploded');
  });

  test('a throwing platform.request still resolves', async () => {
    const platform = { ...core.createWechatPlatform(t.wx), request: () => { throw new TypeError('bad'); } };
    const [err] = await t.client({ platform }).sendSms({ phoneNumber: '13700000098', channel: 'CHANNEL_LOGIN' });
    expectReadableError(err, 'network');
  });
});
