// Hangs, bad input and secrets in errors: a wx.request that never calls back still settles; input the
// caller got wrong is invalid_argument before any request; third-party error texts never carry a secret.
const { core, DEMO, setup, bodyOf, expectReadableError } = require('../support');

let t;
beforeAll(async () => { t = await setup(); });
afterAll(() => t.close());
beforeEach(() => { t.mark(); t.wx.clearStorageSync(); });

const OFFLINE = { scope: 'openid profile offline_access' };
const login = (client, options = OFFLINE) => client.loginByPassword({ passwordPayload: { account: 'demo', password: DEMO.password }, options });

/** The shared wx shim with some methods replaced (the rest still talk to the devserver). */
const wxWith = (overrides) => Object.assign(Object.create(t.wx), overrides);

describe('the kit\'s own deadline', () => {
  test('a wx.request that never calls back resolves to a timeout [error]; the stored state is untouched', async () => {
    const client = t.client();
    await login(client);
    const before = JSON.stringify(t.stored());
    const hung = t.client({ timeout: 200, platform: core.createWechatPlatform(wxWith({ request: () => ({ abort() {} }) })) });
    for (const call of [() => login(hung), () => hung.refreshToken(), () => hung.logout(), () => hung.getUserInfo()]) {
      const [err, data] = await call();
      expect(data).toBeUndefined();
      expectReadableError(err, 'timeout');
      expect(JSON.stringify(t.stored())).toBe(before);
    }
  });

  test('a hung refresh does not block the next one (the single flight is released)', async () => {
    let hang = true;
    const base = core.createWechatPlatform(t.wx);
    const platform = { ...base, request: (req) => (hang ? new Promise(() => {}) : base.request(req)) };
    const client = t.client({ timeout: 100, platform });
    await login(t.client());
    expectReadableError((await client.refreshToken())[0], 'timeout');
    hang = false;
    expect((await client.refreshToken())[0]).toBeNull();
  });
});

describe('bad input is the caller\'s: invalid_argument, zero requests', () => {
  const cyclic = () => { const o = { a: 1 }; o.self = o; return o; };
  const hostile = {
    BigInt: () => ({ n: BigInt(1) }),
    cycle: cyclic,
    'throwing toJSON': () => ({ toJSON() { throw new Error(`toJSON leaked ${DEMO.password}`); } }),
    'toJSON giving a string': () => ({ toJSON: () => 'x' }),
    'nested BigInt': () => ({ deep: [{ n: BigInt(2) }] }),
  };

  test.each(Object.keys(hostile))('%s in customData / login options', async (name) => {
    const client = t.client();
    await login(client);
    t.mark();
    const before = JSON.stringify(t.stored());
    const results = [
      await client.updateUserInfo({ nickname: 'x', customData: hostile[name]() }),
      await client.loginByPassword({ passwordPayload: { account: 'demo', password: DEMO.password }, options: hostile[name]() }),
      await client.loginByPassCode({ passCodePayload: { phone: DEMO.phone, passCode: '123456' }, options: hostile[name]() }),
      await client.loginByCode({ extIdpConnidentifier: t.config.wechatIdpIdentifier, options: hostile[name]() }),
    ];
    for (const [err, data] of results) {
      expect(data).toBeUndefined();
      expectReadableError(err, 'invalid_argument');
      expect(JSON.stringify(err)).not.toContain(DEMO.password);
    }
    expect(t.sent()).toHaveLength(0);
    expect(JSON.stringify(t.stored())).toBe(before);
  });

  test('own "__proto__" keys in JSON-parsed options and customData never change behaviour nor reach the wire', async () => {
    const client = t.client();
    const args = JSON.parse(`{"passwordPayload":{"account":"demo","password":${JSON.stringify(DEMO.password)}},
      "options":{"scope":"openid profile","__proto__":{"passwordEncryptType":"rsa","scope":"evil"},"context":{"__proto__":{"admin":true}}}}`);
    expect(Object.prototype.hasOwnProperty.call(args.options, '__proto__')).toBe(true);
    const [err, state] = await client.loginByPassword(args);
    expect(err).toBeNull();
    expect(state.scope).toBe('openid profile');
    expect(t.sent('/api/v3/system')).toHaveLength(0); // no encryption was turned on
    const [signin] = t.sent('/api/v3/signin');
    expect(signin.body).not.toContain('__proto__');
    expect(bodyOf(signin).passwordPayload.password).toBe(DEMO.password);
    expect(bodyOf(signin).options).toEqual({ scope: 'openid profile', context: {} });
    t.mark();
    const [upErr] = await client.updateUserInfo(JSON.parse('{"nickname":"n","customData":{"k":"v","__proto__":{"isAdmin":true}}}'));
    expect(upErr).toBeNull();
    expect(t.sent('/api/v3/update-profile')[0].body).not.toContain('__proto__');
    expect({}.isAdmin).toBeUndefined();
  });

  test('documented limits apply before the request: a 1 MB username, a huge password or customData', async () => {
    const client = t.client();
    const mb = 'a'.repeat(1 << 20);
    const cases = [
      [() => client.loginByPassword({ passwordPayload: { username: mb, password: 'x' } }), 'tooLong', { field: 'username', max: 255 }],
      [() => client.loginByPassword({ passwordPayload: { account: mb, password: 'x' } }), 'tooLong', { field: 'account', max: 255 }],
      [() => client.loginByPassword({ passwordPayload: { account: 'demo', password: mb } }), 'tooLong', { field: 'password', max: 1024 }],
      [() => client.loginByCode({ extIdpConnidentifier: mb }), 'tooLong', { field: 'extIdpConnidentifier', max: 255 }],
      [() => client.updateUserInfo({ customData: { big: mb } }), 'tooLong', { field: 'customData', max: 65536 }],
    ];
    for (const [call, key, params] of cases) {
      const [err] = await call();
      expect(err).toEqual({ code: 'invalid_argument', message: core.translate('zh-CN', key, params) });
    }
    expect(t.sent()).toHaveLength(0);
  });
});

describe('the constructor refuses malformed options with a clear message', () => {
  const base = () => ({ appId: t.config.appId, userPoolId: t.config.userPoolId, host: t.srv.url, platform: core.createWechatPlatform(t.wx) });
  const idMessage = (name) => core.translate('en-US', 'invalidOptions', { detail: core.translate('en-US', 'optionIdChars', { name, max: 128 }) });

  test.each([
    ['NUL', 'app\u0000id'], ['a lone surrogate', 'app\uD800id'], ['full-width characters', 'ａｐｐ'], ['a zero-width space', 'app\u200Bid'],
    ['too long', 'a'.repeat(129)],
  ])('appId / userPoolId with %s', (_name, bad) => {
    expect(() => new core.Authing({ ...base(), lang: 'en-US', appId: bad })).toThrow(idMessage('appId'));
    expect(() => new core.Authing({ ...base(), lang: 'en-US', userPoolId: bad })).toThrow(idMessage('userPoolId'));
  });

  test('ports outside 1–65535 and timeouts above 2^31 − 1 ms', () => {
    const detail = (key, params) => core.translate('en-US', 'invalidOptions', { detail: core.translate('en-US', key, params) });
    for (const host of ['http://127.0.0.1:99999', 'http://localhost:65536', 'http://127.0.0.1:0']) {
      expect(() => new core.Authing({ ...base(), lang: 'en-US', host })).toThrow(detail('optionPort'));
    }
    expect(new core.Authing({ ...base(), host: 'http://127.0.0.1:65535' }).options.host).toBe('http://127.0.0.1:65535');
    expect(() => new core.Authing({ ...base(), lang: 'en-US', timeout: 2 ** 31 })).toThrow(detail('optionTimeoutRange', { max: 2 ** 31 - 1 }));
    expect(new core.Authing({ ...base(), timeout: 2 ** 31 - 1 }).options.timeout).toBe(2 ** 31 - 1);
  });
});

describe('secrets never reach ErrorData through a third-party text', () => {
  /** A platform whose failures quote what they were given (as a careless adapter or proxy might). */
  function echoingPlatform(fail) {
    const base = core.createWechatPlatform(t.wx);
    return {
      ...base,
      request: async (req) => {
        if (fail(req)) throw { errMsg: `request:fail timeout while sending ${typeof req.data === 'string' ? req.data : JSON.stringify(req.data)} ${JSON.stringify(req.header)}` };
        return base.request(req);
      },
    };
  }

  test('password login, refresh and logout failures quote no password or token', async () => {
    const [, state] = await login(t.client());
    const client = t.client({ platform: echoingPlatform((req) => !req.url.endsWith('/api/v3/system')) });
    const errors = [
      (await login(client))[0],
      (await client.refreshToken())[0],
      (await client.logout())[0],
      (await client.getUserInfo())[0],
    ];
    const secrets = [DEMO.password, state.access_token, state.refresh_token, encodeURIComponent(state.refresh_token)];
    for (const err of errors) {
      expectReadableError(err, 'timeout');
      for (const secret of secrets) expect(JSON.stringify(err)).not.toContain(secret);
    }
  });

  test('a platform text that quotes no secret is kept for diagnosis', async () => {
    const base = core.createWechatPlatform(t.wx);
    const platform = { ...base, request: async () => { throw { errMsg: 'request:fail url not in domain list' }; } };
    const [err] = await login(t.client({ platform }));
    expect(err).toEqual({ code: 'network', message: core.translate('zh-CN', 'network'), errMsg: 'request:fail url not in domain list' });
  });

  test('a storage failure quoting the token set it was given', async () => {
    const platform = { ...core.createWechatPlatform(t.wx), setStorage: async (_k, v) => { throw new Error(`quota exceeded: ${JSON.stringify(v)}`); } };
    const [err] = await login(t.client({ platform }));
    expectReadableError(err, 'platform');
    expect(JSON.stringify(err)).not.toMatch(/eyJ/); // no JWT
  });
});
