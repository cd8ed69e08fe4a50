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

describe('how a failure is worded (core/errors)', () => {
  const { platformError, unexpected, readErrMsg, guard, kitError, invalidArgument } = require('../helpers/kit').internal('core/errors');
  const en = (key, params) => core.translate('en-US', key, params);

  test('a cancelled picker or request is cancel, whatever its kind or case', () => {
    for (const kind of ['request', 'platform']) {
      expect(platformError('en-US', { errMsg: 'chooseImage:fail cancel' }, kind)).toEqual({ code: 'cancel', message: en('cancel'), errMsg: 'chooseImage:fail cancel' });
      expect(platformError('en-US', { errMsg: 'login:fail User CANCELED' }, kind).code).toBe('cancel');
    }
  });

  test('a failed request: timeout when the text says so, else network; the text is kept', () => {
    for (const errMsg of ['request:fail timeout', 'request:fail time out', 'request:fail TimeOut']) {
      expect(platformError('en-US', { errMsg }, 'request')).toEqual({ code: 'timeout', message: en('timeout'), errMsg });
    }
    for (const errMsg of ['request:fail timed out', 'request:fail time  out', 'request:fail timeXout', '']) {
      expect(platformError('en-US', { errMsg }, 'request')).toEqual({ code: 'network', message: en('network'), errMsg });
    }
  });

  test('another platform failure shows its own text, or the network message when it has none', () => {
    expect(platformError('en-US', { errMsg: 'getStorage:fail data not found' }, 'platform'))
      .toEqual({ code: 'platform', message: 'getStorage:fail data not found', errMsg: 'getStorage:fail data not found' });
    expect(platformError('en-US', { errMsg: 'request:fail timeout' }, 'platform').code).toBe('platform');
    expect(platformError('en-US', undefined, 'platform')).toEqual({ code: 'platform', message: en('network'), errMsg: '' });
  });

  test('the text of a thrown value: errMsg, else message, else the string itself', () => {
    expect(readErrMsg({ errMsg: 'wx says', message: 'js says' })).toBe('wx says');
    expect(readErrMsg({ errMsg: 7, message: 'js says' })).toBe('js says');
    expect(readErrMsg(new TypeError('bad'))).toBe('bad');
    expect(readErrMsg({ message: 7 })).toBe('');
    expect(readErrMsg('plain text')).toBe('plain text');
    for (const other of [undefined, null, 0, 42, true]) expect(readErrMsg(other)).toBe('');
  });

  test('an unexpected throw keeps its text; guard turns throws and rejections into [error]', async () => {
    expect(unexpected('en-US', new Error('boom'))).toEqual({ code: 'platform', message: 'boom', errMsg: 'boom' });
    expect(unexpected('en-US', null)).toEqual({ code: 'platform', message: en('network'), errMsg: '' });
    await expect(guard('en-US', () => { throw new Error('sync'); })).resolves.toEqual([{ code: 'platform', message: 'sync', errMsg: 'sync' }, undefined]);
    await expect(guard('en-US', () => Promise.reject({ errMsg: 'async' }))).resolves.toEqual([{ code: 'platform', message: 'async', errMsg: 'async' }, undefined]);
    await expect(guard('en-US', async () => [null, 5])).resolves.toEqual([null, 5]);
  });

  test('the kit\'s own failures are localized with their parameters', () => {
    expect(kitError('en-US', 'bad_response', 'publicKeyMissing', { type: 'RSA' })).toEqual({ code: 'bad_response', message: en('publicKeyMissing', { type: 'RSA' }) });
    expect(invalidArgument('en-US', { key: 'tooLong', params: { field: 'city', max: 3 } })).toEqual({ code: 'invalid_argument', message: en('tooLong', { field: 'city', max: 3 }) });
    expect(invalidArgument('en-US', { key: 'invalidEmail' })).toEqual({ code: 'invalid_argument', message: en('invalidEmail') });
  });

  test('isLoggedOut: exactly the three codes that mean "log in again"', () => {
    for (const code of ['not_logged_in', 'login_expired', 'refresh_expired']) expect(core.isLoggedOut({ code })).toBe(true);
    for (const code of ['network', 'timeout', 'server', 'invalid_argument', 'platform', 'cancel', undefined]) expect(core.isLoggedOut({ code })).toBe(false);
    expect(core.isLoggedOut(null)).toBe(false);
    expect(core.isLoggedOut(undefined)).toBe(false);
  });
});
