// loginByPassword + getPublicKey over real HTTP: wire format, validation, RSA/SM2, key cache.
const crypto = require('crypto');
const { sm2 } = require('sm-crypto');
const { prepareEncryption } = require('../helpers/kit').internal('core/crypto/entropy');
const { core, encryptRsa, encryptSm2, bareClient, DEMO, setup, bodyOf, expectSdkHeaders, expectContractHeaders, expectReadableError, deepFreeze } = require('./support');

/** An encryptFunction that does not use the kit's pool (like the seed's own helper package). */
function encryptRsaWithNodeCrypto(plain, pem) {
  return crypto.publicEncrypt({ key: pem, padding: crypto.constants.RSA_PKCS1_PADDING }, Buffer.from(plain)).toString('base64');
}

let t;
beforeAll(async () => { t = await setup(); });
afterAll(() => t.close());
beforeEach(async () => { t.mark(); t.wx.clearStorageSync(); });

describe('loginByPassword (plain)', () => {
  test('success: POST /api/v3/signin with header A only, PASSWORD body, state saved under the seed key', async () => {
    const client = t.client();
    const input = deepFreeze({ passwordPayload: { account: '  demo ', password: DEMO.password }, options: { scope: 'openid profile' } });
    const [err, state] = await client.loginByPassword(input);
    expect(err).toBeNull();
    expect(typeof state.access_token).toBe('string');
    expect(state.expires_in).toBe(7200);
    expect(state._kit).toBeUndefined();

    const [req] = t.sent('/api/v3/signin');
    expect(req.method).toBe('POST');
    expectSdkHeaders(req);
    expectContractHeaders(req, { A: true }, t.config);
    expect(bodyOf(req)).toEqual({
      connection: 'PASSWORD',
      passwordPayload: { account: 'demo', password: DEMO.password },
      options: { scope: 'openid profile' },
    });
    const stored = t.stored();
    expect(stored.access_token).toBe(state.access_token);
    expect(stored.expires_at).toBe(state.expires_at);
    expect(t.sent()).toHaveLength(1);
  });

  test.each([
    ['username', { username: 'demo' }],
    ['email', { email: DEMO.email }],
    ['phone', { phone: DEMO.phone }],
  ])('logs in by %s', async (_field, account) => {
    const [err] = await t.client().loginByPassword({ passwordPayload: { ...account, password: DEMO.password } });
    expect(err).toBeNull();
    expect(bodyOf(t.sent('/api/v3/signin')[0]).passwordPayload).toEqual({ ...account, password: DEMO.password });
  });

  test('wrong password → server error with statusCode, apiCode, requestId; state untouched', async () => {
    const [err, data] = await t.client().loginByPassword({ passwordPayload: { account: 'demo', password: 'nope-nope' } });
    expect(data).toBeUndefined();
    expectReadableError(err, 'server');
    expect(err.statusCode).toBe(400);
    expect(err.apiCode).toBe(2333);
    expect(typeof err.requestId).toBe('string');
    expect(t.stored()).toBeUndefined();
  });

  test.each([
    ['empty password', { passwordPayload: { account: 'demo', password: '' } }, /密码/],
    ['no account', { passwordPayload: { password: 'x' } }, /账号/],
    ['blank account', { passwordPayload: { account: '   ', password: 'x' } }, /账号/],
    ['bad email', { passwordPayload: { email: 'not-an-email', password: 'x' } }, /邮箱/],
    ['no payload', {}, /账号/],
    ['unknown encrypt type', { passwordPayload: { account: 'demo', password: 'x' }, options: { passwordEncryptType: 'aes' } }, /aes/],
  ])('validation: %s → invalid_argument, no request', async (_name, input, message) => {
    const [err] = await t.client().loginByPassword(input);
    expectReadableError(err, 'invalid_argument');
    expect(err.message).toMatch(message);
    expect(t.sent()).toHaveLength(0);
  });

  test('validation messages follow lang (en-US), and lang is sent as x-authing-lang', async () => {
    const client = t.client({ lang: 'en-US' });
    const [err] = await client.loginByPassword({ passwordPayload: { account: 'demo', password: '' } });
    expect(err.message).toBe('Please enter your password');
    const [ok] = await client.loginByPassword({ passwordPayload: { account: 'demo', password: DEMO.password } });
    expect(ok).toBeNull();
    expectSdkHeaders(t.sent('/api/v3/signin')[0], 'en-US');
  });
});

describe('encrypted password login', () => {
  test('getPublicKey reads GET /api/v3/system (SDK headers only) and caches per host', async () => {
    const other = await setup(); // a second host: its own cache entry
    try {
      const [err, pem] = await other.client().getPublicKey('rsa');
      expect(err).toBeNull();
      expect(pem).toMatch(/BEGIN PUBLIC KEY/);
      const [req] = other.sent('/api/v3/system');
      expect(req.method).toBe('GET');
      expectSdkHeaders(req);
      expectContractHeaders(req, {}, other.config);
      const [, sm2Key] = await other.client().getPublicKey('sm2');
      expect(sm2Key).toMatch(/^04[0-9a-f]{128}$/);
      expect(other.sent('/api/v3/system')).toHaveLength(1);
      const [bad] = await other.client().getPublicKey('dsa');
      expectReadableError(bad, 'invalid_argument');
    } finally {
      await other.close();
    }
  });

  test('RSA: first login costs system + signin, later ones 1 request; server decrypts it', async () => {
    const other = await setup();
    try {
      const client = other.client({ encryptFunction: encryptRsa });
      const login = () => client.loginByPassword({ passwordPayload: { account: 'demo', password: DEMO.password }, options: { passwordEncryptType: 'rsa' } });
      other.mark();
      expect((await login())[0]).toBeNull();
      expect(other.sent().map((r) => r.path)).toEqual(['/api/v3/system', '/api/v3/signin']);
      other.mark();
      expect((await login())[0]).toBeNull();
      expect(other.sent().map((r) => r.path)).toEqual(['/api/v3/signin']);
      const body = bodyOf(other.sent('/api/v3/signin')[0]);
      expect(body.options).toEqual({ passwordEncryptType: 'rsa' });
      expect(body.passwordPayload.password).toMatch(/^[A-Za-z0-9+/]{342}==$/); // 256-byte ciphertext
      expect(body.passwordPayload.password).not.toBe(DEMO.password);
      // SM2 on the same host reuses the cached /api/v3/system answer: 1 request.
      other.mark();
      const sm2Client = other.client({ encryptFunction: encryptSm2 });
      const [err] = await sm2Client.loginByPassword({ passwordPayload: { account: 'demo', password: DEMO.password }, options: { passwordEncryptType: 'sm2' } });
      expect(err).toBeNull();
      expect(other.sent().map((r) => r.path)).toEqual(['/api/v3/signin']);
      const sm2Body = bodyOf(other.sent('/api/v3/signin')[0]);
      expect(sm2Body.passwordPayload.password).toMatch(/^[0-9a-f]+$/);
      expect(sm2Body.passwordPayload.password).toHaveLength(128 + 64 + 2 * DEMO.password.length); // C1C3C2, no 04
    } finally {
      await other.close();
    }
  });

  test('SM2 login succeeds and the wire value decrypts with the server key pair (C1C3C2)', async () => {
    const keys = sm2.generateKeyPairHex();
    await prepareEncryption();
    const cipher = encryptSm2('pässwörd', keys.publicKey);
    expect(sm2.doDecrypt(cipher, keys.privateKey, 1)).toBe('pässwörd');
    const [err, state] = await t.client({ encryptFunction: encryptSm2 })
      .loginByPassword({ passwordPayload: { username: 'demo', password: DEMO.password }, options: { passwordEncryptType: 'sm2' } });
    expect(err).toBeNull();
    expect(state.access_token).toBeTruthy();
  });

  test('a throwing encryptFunction → code encrypt, no signin request (none at all once the key is cached)', async () => {
    await t.client().getPublicKey('rsa'); // warm the cache for this host
    t.mark();
    // Its text quotes the plaintext it was given: none of it may reach ErrorData.
    const client = t.client({ encryptFunction: (plain) => { throw new Error(`boom: cannot encrypt ${plain}`); } });
    const [err, data] = await client.loginByPassword({ passwordPayload: { account: 'demo', password: DEMO.password }, options: { passwordEncryptType: 'rsa' } });
    expect(data).toBeUndefined();
    expectReadableError(err, 'encrypt');
    expect(err).toEqual({ code: 'encrypt', message: core.translate('zh-CN', 'encrypt') });
    expect(t.sent()).toHaveLength(0);
  });

  test('encryptFunction returning false / "false" / non-string → code encrypt (never sends "false")', async () => {
    for (const bad of [false, 'false', '', 42]) {
      const client = t.client({ encryptFunction: () => bad });
      const [err] = await client.loginByPassword({ passwordPayload: { account: 'demo', password: DEMO.password }, options: { passwordEncryptType: 'sm2' } });
      expectReadableError(err, 'encrypt');
    }
    expect(t.sent('/api/v3/signin')).toHaveLength(0);
  });

  test('encryptRsa with a message too long for the key → code encrypt', async () => {
    const client = t.client({ encryptFunction: encryptRsa });
    const [err] = await client.loginByPassword({ passwordPayload: { account: 'demo', password: 'x'.repeat(300) }, options: { passwordEncryptType: 'rsa' } });
    // The encryptor's own text is not passed through (it was handed the secret).
    expect(err).toEqual({ code: 'encrypt', message: core.translate('zh-CN', 'encrypt') });
  });

  test('no secure random source: a custom encryptFunction still works, the kit encryptor fails with the cause', async () => {
    const entropy = require('../helpers/kit').internal('core/crypto/entropy');
    const { core } = require('./support');
    const platform = { ...core.createWechatPlatform(t.wx), getRandomValues: () => Promise.reject({ errMsg: 'getRandomValues:fail not supported' }) };
    await t.client().getPublicKey('rsa');
    entropy.takeRandomBytes(entropy.availableEntropy());
    const custom = t.client({ platform, encryptFunction: (plain, key) => encryptRsaWithNodeCrypto(plain, key) });
    const [ok] = await custom.loginByPassword({ passwordPayload: { account: 'demo', password: DEMO.password }, options: { passwordEncryptType: 'rsa' } });
    expect(ok).toBeNull();
    entropy.takeRandomBytes(entropy.availableEntropy());
    const [err] = await t.client({ platform, encryptFunction: encryptRsa })
      .loginByPassword({ passwordPayload: { account: 'demo', password: DEMO.password }, options: { passwordEncryptType: 'rsa' } });
    expectReadableError(err, 'encrypt');
    expect(err.errMsg).toMatch(/getRandomValues:fail/);
  });

  test.each([['rsa', 'RSA'], ['sm2', 'SM2']])('passwordEncryptType %s with no encryptor registered (nor encryptFunction) → code encrypt naming the module, no request', async (type, upper) => {
    t.mark();
    const [err] = await bareClient(t).loginByPassword({ passwordPayload: { account: 'demo', password: DEMO.password }, options: { passwordEncryptType: type } });
    expectReadableError(err, 'encrypt');
    expect(err.message).toBe(`未加载 ${upper} 密码加密：请在 app 中引入 authing-miniapp-kit/crypto/${type}（或传入 encryptFunction）`);
    const [enErr] = await bareClient(t, ['i18n/en-US'], { lang: 'en-US' })
      .loginByPassword({ passwordPayload: { account: 'demo', password: DEMO.password }, options: { passwordEncryptType: type } });
    expect(enErr.message).toBe(`${upper} password encryption is not loaded: import authing-miniapp-kit/crypto/${type} in your app (or pass encryptFunction)`);
    expect(t.sent()).toHaveLength(0);
  });

  test('a registered encryptor serves every client without an encryptFunction; a client encryptFunction still wins', async () => {
    t.mark();
    const [err] = await t.client().loginByPassword({ passwordPayload: { account: 'demo', password: DEMO.password }, options: { passwordEncryptType: 'sm2' } });
    expect(err).toBeNull();
    const seen = [];
    const own = (plain, key) => { seen.push(key); return encryptRsa(plain, key); };
    const [ownErr] = await t.client({ encryptFunction: own }).loginByPassword({ passwordPayload: { account: 'demo', password: DEMO.password }, options: { passwordEncryptType: 'rsa' } });
    expect(ownErr).toBeNull();
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatch(/BEGIN PUBLIC KEY/);
  });

  test('a "could not decrypt" answer drops the cached key, so the next login refetches it', async () => {
    const other = await setup();
    try {
      const client = other.client({ encryptFunction: encryptRsa });
      const login = () => client.loginByPassword({ passwordPayload: { account: 'demo', password: DEMO.password }, options: { passwordEncryptType: 'rsa' } });
      await login();
      await other.fault({ path: '/api/v3/signin', kind: 'envelope', count: 1, status: 400, body: 'password could not be decrypted with the server key' });
      const [err] = await login();
      expectReadableError(err, 'server');
      other.mark();
      expect((await login())[0]).toBeNull();
      expect(other.sent().map((r) => r.path)).toEqual(['/api/v3/system', '/api/v3/signin']);
    } finally {
      await other.close();
    }
  });

  test('passwordEncryptType none sends the password as typed', async () => {
    const [err] = await t.client({ encryptFunction: encryptRsa })
      .loginByPassword({ passwordPayload: { account: 'demo', password: DEMO.password }, options: { passwordEncryptType: 'none' } });
    expect(err).toBeNull();
    expect(bodyOf(t.sent('/api/v3/signin')[0]).passwordPayload.password).toBe(DEMO.password);
  });
});

test('encryptRsa output is PKCS#1 v1.5 type 2 with non-zero random padding (decrypted with the private key)', async () => {
  const { publicKey, privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
  await prepareEncryption();
  const block = crypto.privateDecrypt({ key: privateKey, padding: crypto.constants.RSA_NO_PADDING }, Buffer.from(encryptRsa('密码🔑', publicKey), 'base64'));
  expect(block[0]).toBe(0);
  expect(block[1]).toBe(2);
  const sep = block.indexOf(0, 2);
  expect(sep).toBeGreaterThanOrEqual(10);
  expect([...block.subarray(2, sep)].every((b) => b !== 0)).toBe(true);
  expect(block.subarray(sep + 1).toString('utf8')).toBe('密码🔑');
});
