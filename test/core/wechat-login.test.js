// loginByCode / loginByPhone / getPhone against the devserver's simulated WeChat: single-use,
// 5-minute codes and session_key rotation on every wx.login.
const { core, setup, bodyOf, expectSdkHeaders, expectContractHeaders, expectReadableError, deepFreeze } = require('./support');

let t;
let idp;
beforeAll(async () => { t = await setup(); idp = t.config.wechatIdpIdentifier; });
afterAll(() => t.close());
beforeEach(async () => { t.mark(); t.wx.clearStorageSync(); });

/** A wechat platform whose login() first hands out the given codes, then real fresh ones. */
function platformWithCodes(codes) {
  const base = core.createWechatPlatform(t.wx);
  const queue = [...codes];
  const calls = { login: 0 };
  return { calls, platform: { ...base, login: () => { calls.login++; return queue.length ? Promise.resolve(queue.shift()) : base.login(); } } };
}

describe('loginByCode', () => {
  test('success: fresh code, POST /api/v3/signin-by-mobile with header A and the seed body', async () => {
    const input = deepFreeze({ extIdpConnidentifier: idp, options: { scope: 'openid profile' } });
    const [err, state] = await t.client().loginByCode(input);
    expect(err).toBeNull();
    expect(state.access_token).toBeTruthy();
    const reqs = t.sent('/api/v3/signin-by-mobile');
    expect(reqs).toHaveLength(1);
    expectSdkHeaders(reqs[0]);
    expectContractHeaders(reqs[0], { A: true }, t.config);
    const body = bodyOf(reqs[0]);
    expect(body).toEqual({
      connection: 'wechat_mini_program_code', extIdpConnidentifier: idp,
      wechatMiniProgramCodePayload: { encryptedData: '', iv: '', code: expect.stringMatching(/^[0-9a-f]{32}$/) },
      options: { scope: 'openid profile' },
    });
    expect(t.stored()._kit).toEqual({ method: 'wechat_mini_program_code', source: idp });
  });

  test('no constructor side effects: creating a client calls neither wx.login nor storage', async () => {
    const calls = [];
    const spy = new Proxy(core.createWechatPlatform(t.wx), { get: (target, key) => (typeof target[key] === 'function' ? (...a) => { calls.push(key); return target[key](...a); } : target[key]) });
    t.client({ platform: spy });
    await new Promise((r) => setTimeout(r, 20));
    expect(calls).toEqual([]);
    expect(t.sent()).toHaveLength(0);
  });

  test('codes issued earlier expired (clock +6 min) and the session_key rotated: the FIRST call succeeds', async () => {
    await t.wxCode();
    await t.wxCode(); // stale codes an older SDK would have cached
    await t.advanceClock(6 * 60 * 1000);
    await t.wxCode(); // another wx.login elsewhere in the app rotates the session_key
    const [err, state] = await t.client().loginByCode({ extIdpConnidentifier: idp });
    expect(err).toBeNull();
    expect(state.access_token).toBeTruthy();
    expect(t.sent('/api/v3/signin-by-mobile')).toHaveLength(1);
  });

  test('encryptedData fetched before the call (our wx.login rotates the session_key) → retried without it, first call succeeds', async () => {
    const { encryptedData, iv } = await t.userInfo();
    const [err, state] = await t.client().loginByCode({ extIdpConnidentifier: idp, wechatMiniProgramCodePayload: { encryptedData, iv } });
    expect(err).toBeNull();
    expect(state.access_token).toBeTruthy();
    const [first, second] = t.sent('/api/v3/signin-by-mobile').map(bodyOf);
    expect(first.wechatMiniProgramCodePayload).toMatchObject({ encryptedData, iv });
    expect(second.wechatMiniProgramCodePayload).toMatchObject({ encryptedData: '', iv: '' });
    expect(second.wechatMiniProgramCodePayload.code).not.toBe(first.wechatMiniProgramCodePayload.code);
  });

  test('a code the server rejects (used) → one retry with a fresh code (apiCode path)', async () => {
    const used = await t.wxCode();
    await t.api('POST', '/api/v3/signin-by-mobile', { connection: 'wechat_mini_program_code', extIdpConnidentifier: idp, wechatMiniProgramCodePayload: { code: used } }, { 'x-authing-app-id': t.config.appId });
    t.wx.clearStorageSync();
    t.mark();
    const { platform, calls } = platformWithCodes([used]);
    const [err] = await t.client({ platform }).loginByCode({ extIdpConnidentifier: idp });
    expect(err).toBeNull();
    expect(calls.login).toBe(2);
    expect(t.sent('/api/v3/signin-by-mobile').map((r) => r.status)).toEqual([400, 200]);
  });

  test('a code rejection reported only by message (another server) is also retried once', async () => {
    await t.fault({ path: '/api/v3/signin-by-mobile', kind: 'envelope', count: 1, status: 400, body: 'invalid code, code been used, rid: 1 (40163)' });
    const [err] = await t.client().loginByCode({ extIdpConnidentifier: idp });
    expect(err).toBeNull();
    expect(t.sent('/api/v3/signin-by-mobile')).toHaveLength(2);
  });

  test('retries only once: a second rejection is returned as a server error', async () => {
    const used = await t.wxCode();
    await t.api('POST', '/api/v3/signin-by-mobile', { connection: 'wechat_mini_program_code', extIdpConnidentifier: idp, wechatMiniProgramCodePayload: { code: used } }, { 'x-authing-app-id': t.config.appId });
    t.mark();
    const { platform } = platformWithCodes([used, used, used]);
    const [err] = await t.client({ platform }).loginByCode({ extIdpConnidentifier: idp });
    expectReadableError(err, 'server');
    expect(err.apiCode).toBe(3001);
    expect(t.sent('/api/v3/signin-by-mobile')).toHaveLength(2);
  });

  test('cached state is reused only for the same method and identity source', async () => {
    const client = t.client();
    expect((await client.loginByCode({ extIdpConnidentifier: idp }))[0]).toBeNull();
    t.mark();
    const [err, again] = await client.loginByCode({ extIdpConnidentifier: idp });
    expect(err).toBeNull();
    expect(again.access_token).toBe(t.stored().access_token);
    expect(t.sent()).toHaveLength(0); // reused, like the seed
    // A different identity source: not reused (the server answers for itself).
    const [other] = await client.loginByCode({ extIdpConnidentifier: 'another-idp' });
    expectReadableError(other, 'server');
    expect(other.apiCode).toBe(3000);
    // A password login's state is never returned by a code login.
    await client.loginByPassword({ passwordPayload: { account: 'demo', password: 'Demo@123456' } });
    t.mark();
    const [, fromCode] = await client.loginByCode({ extIdpConnidentifier: idp });
    expect(t.sent('/api/v3/signin-by-mobile')).toHaveLength(1);
    expect(fromCode.access_token).toBe(t.stored().access_token);
  });

  test('an expired cached state of the same login is not reused; unreadable storage just logs in', async () => {
    const client = t.client();
    expect((await client.loginByCode({ extIdpConnidentifier: idp }))[0]).toBeNull();
    t.wx.setStorageSync(t.storageKey, { ...t.stored(), expires_at: Date.now() - 1000 });
    t.mark();
    const [err, fresh] = await client.loginByCode({ extIdpConnidentifier: idp });
    expect(err).toBeNull();
    expect(t.sent('/api/v3/signin-by-mobile')).toHaveLength(1);
    expect(fresh.expires_at).toBeGreaterThan(Date.now());
    const base = core.createWechatPlatform(t.wx);
    const unreadable = t.client({ platform: { ...base, getStorage: () => Promise.reject({ errMsg: 'getStorage:fail disk' }) } });
    t.mark();
    const [unreadErr, state] = await unreadable.loginByCode({ extIdpConnidentifier: idp });
    expect(unreadErr).toBeNull();
    expect(t.sent('/api/v3/signin-by-mobile')).toHaveLength(1);
    expect(t.stored().access_token).toBe(state.access_token);
  });

  test('wx.login failing → code platform with a localized message, no request', async () => {
    const platform = { ...core.createWechatPlatform(t.wx), login: () => Promise.reject({ errMsg: 'login:fail system error' }) };
    const [err] = await t.client({ platform, lang: 'en-US' }).loginByCode({ extIdpConnidentifier: idp });
    expectReadableError(err, 'platform');
    expect(err.message).toBe('Could not get a WeChat login code, please retry');
    expect(err.errMsg).toBe('login:fail system error');
    expect(t.sent()).toHaveLength(0);
  });

  test.each([
    ['missing extIdpConnidentifier', {}],
    ['encryptedData without iv', { extIdpConnidentifier: 'x', wechatMiniProgramCodePayload: { encryptedData: 'abc' } }],
    ['wrong connection', { extIdpConnidentifier: 'x', connection: 'password' }],
  ])('validation: %s → invalid_argument, no login, no request', async (_n, input) => {
    const { platform, calls } = platformWithCodes([]);
    const [err] = await t.client({ platform }).loginByCode(input);
    expectReadableError(err, 'invalid_argument');
    expect(calls.login).toBe(0);
    expect(t.sent()).toHaveLength(0);
  });
});

describe('loginByPhone', () => {
  test('success: code + phone body as the seed sends it; the phone is bound', async () => {
    const phoneCode = await t.phoneCode('13900000001');
    const input = deepFreeze({ extIdpConnidentifier: idp, wechatMiniProgramCodeAndPhonePayload: { wxPhoneInfo: { code: phoneCode } } });
    const [err, state] = await t.client().loginByPhone(input);
    expect(err).toBeNull();
    const [req] = t.sent('/api/v3/signin-by-mobile');
    expectContractHeaders(req, { A: true }, t.config);
    expect(bodyOf(req)).toEqual({
      connection: 'wechat_mini_program_code_and_phone', extIdpConnidentifier: idp,
      wechatMiniProgramCodeAndPhonePayload: {
        wxPhoneInfo: { code: phoneCode },
        wxLoginInfo: { encryptedData: '', iv: '', code: expect.any(String) },
      },
    });
    const profile = await t.api('GET', '/api/v3/get-profile', undefined, { authorization: state.access_token, 'x-authing-userpool-id': t.config.userPoolId });
    expect(profile.json.data.phone).toBe('13900000001');
  });

  test('after stale codes + rotated session_key + stale encryptedData: first call succeeds (newer payload name)', async () => {
    const { encryptedData, iv } = await t.userInfo();
    await t.wxCode();
    await t.advanceClock(6 * 60 * 1000);
    const phoneCode = await t.phoneCode('13900000002');
    const [err, state] = await t.client().loginByPhone({
      extIdpConnidentifier: idp,
      miniProgramCodeAndPhonePayload: { wxPhoneInfo: { code: phoneCode }, wxLoginInfo: { encryptedData, iv } },
    });
    expect(err).toBeNull();
    expect(state.access_token).toBeTruthy();
    expect(t.sent('/api/v3/signin-by-mobile').map((r) => r.status)).toEqual([400, 200]);
  });

  test('missing phone code → invalid_argument; a used phone code → server error', async () => {
    const [err] = await t.client().loginByPhone({ extIdpConnidentifier: idp, wechatMiniProgramCodeAndPhonePayload: { wxPhoneInfo: {} } });
    expectReadableError(err, 'invalid_argument');
    expect(t.sent()).toHaveLength(0);
    const phoneCode = await t.phoneCode('13900000003');
    const client = t.client();
    expect((await client.loginByPhone({ extIdpConnidentifier: idp, wechatMiniProgramCodeAndPhonePayload: { wxPhoneInfo: { code: phoneCode } } }))[0]).toBeNull();
    t.wx.clearStorageSync();
    const [used] = await client.loginByPhone({ extIdpConnidentifier: idp, wechatMiniProgramCodeAndPhonePayload: { wxPhoneInfo: { code: phoneCode } } });
    expectReadableError(used, 'server');
    expect(used.apiCode).toBe(3003);
  });
});

describe('getPhone', () => {
  test('success: header U only, body {extIdpConnidentifier, code}, returns phone_info', async () => {
    const code = await t.phoneCode('13900000004');
    const [err, info] = await t.client().getPhone(deepFreeze({ extIdpConnidentifier: idp, code }));
    expect(err).toBeNull();
    expect(info).toMatchObject({ phoneNumber: '13900000004', purePhoneNumber: '13900000004', countryCode: '86' });
    const [req] = t.sent('/api/v3/get-wechat-miniprogram-phone');
    expectSdkHeaders(req);
    expectContractHeaders(req, { U: true }, t.config);
    expect(bodyOf(req)).toEqual({ extIdpConnidentifier: idp, code });
  });

  test('missing code or identifier → invalid_argument; used code → server error', async () => {
    for (const input of [{ extIdpConnidentifier: idp }, { code: 'abc' }, undefined]) {
      const [err] = await t.client().getPhone(input);
      expectReadableError(err, 'invalid_argument');
    }
    expect(t.sent()).toHaveLength(0);
    const code = await t.phoneCode('13900000005');
    await t.client().getPhone({ extIdpConnidentifier: idp, code });
    const [err] = await t.client().getPhone({ extIdpConnidentifier: idp, code });
    expectReadableError(err, 'server');
    expect(err.apiCode).toBe(3003);
  });
});

describe('getLoginCode', () => {
  test('each call is a fresh, single-use code from the platform (never cached)', async () => {
    const client = t.client();
    const [e1, first] = await client.getLoginCode();
    const [e2, second] = await client.getLoginCode();
    expect(e1).toBeNull();
    expect(e2).toBeNull();
    expect(first).toEqual(expect.any(String));
    expect(second).not.toBe(first);
    // The code is real: the server accepts it once.
    const [loginErr] = await t.api('POST', '/api/v3/signin-by-mobile',
      { connection: 'wechat_mini_program_code', extIdpConnidentifier: idp, wechatMiniProgramCodePayload: { code: second } },
      { 'x-authing-app-id': t.config.appId }).then((r) => [r.json.statusCode === 200 ? null : r.json]);
    expect(loginErr).toBeNull();
  });

  test('platform failure → [error] with a localized message, never a throw', async () => {
    const platform = { ...core.createWechatPlatform(t.wx), login: () => Promise.reject({ errMsg: 'login:fail system error' }) };
    const [err, code] = await t.client({ platform }).getLoginCode();
    expectReadableError(err, 'platform');
    expect(err.message).toBe('获取微信登录凭证失败，请重试');
    expect(code).toBeUndefined();
  });
});
