/** @jest-environment node */
// POST /api/v3/signin, connection PASSWORD: plain / RSA / SM2 passwords, lookups,
// autoRegister, and every rejection path.
const { sm2 } = require('sm-crypto');
const { DEMO, jwtPayload, rsaEncrypt, start, useServer } = require('./helpers');

const c = useServer();
let keys;
beforeAll(async () => {
  keys = (await c.get('/api/v3/system')).json;
});

describe('GET /api/v3/system', () => {
  test('serves RSA and SM2 public keys top-level, without an envelope', () => {
    expect(keys.rsa.publicKey).toMatch(/^-----BEGIN PUBLIC KEY-----\n[\s\S]+\n-----END PUBLIC KEY-----\n?$/);
    expect(keys.sm2.publicKey).toMatch(/^04[0-9a-f]{128}$/);
    expect(typeof keys.version).toBe('string');
    expect(keys.publicIps).toEqual([]);
    expect(keys.statusCode).toBeUndefined();
    expect(keys.data).toBeUndefined();
  });

  test('keys are generated once: concurrent first calls on a fresh server agree', async () => {
    const fresh = await start({ seed: false });
    try {
      const [a, b] = await Promise.all([fetch(`${fresh.url}/api/v3/system`), fetch(`${fresh.url}/api/v3/system`)]);
      const [ja, jb] = [await a.json(), await b.json()];
      expect(ja).toEqual(jb);
      expect(ja.rsa.publicKey).not.toBe(keys.rsa.publicKey);
    } finally {
      await fresh.close();
    }
  });

  test('the RSA key is 2048-bit SPKI', () => {
    const key = require('crypto').createPublicKey(keys.rsa.publicKey);
    expect(key.asymmetricKeyType).toBe('rsa');
    expect(key.asymmetricKeyDetails.modulusLength).toBe(2048);
  });
});

describe('successful logins', () => {
  test('plain password by account returns Authing login data', async () => {
    const r = await c.passwordLogin({ account: DEMO.username, password: DEMO.password });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ statusCode: 200, requestId: expect.any(String) });
    const d = r.json.data;
    expect(d).toMatchObject({
      token_type: 'Bearer', expires_in: 7200, expire_in: 7200, scope: 'openid profile',
      access_token: expect.any(String), id_token: expect.any(String),
    });
    expect(d.refresh_token).toBeUndefined();
    const p = jwtPayload(d.access_token);
    expect(p).toMatchObject({ aud: c.srv.config.appId, iss: `${c.srv.url}/oidc`, scope: 'openid profile' });
    expect(p.exp - p.iat).toBe(7200);
    expect(jwtPayload(d.id_token)).toMatchObject({ sub: p.sub, aud: c.srv.config.appId, preferred_username: 'demo' });
  });

  test.each([
    ['username', { username: DEMO.username }],
    ['email (any case)', { email: 'Demo@Example.com' }],
    ['phone', { phone: DEMO.phone }],
    ['account = email', { account: DEMO.email }],
    ['account = phone', { account: DEMO.phone }],
  ])('plain password by %s', async (_name, id) => {
    const r = await c.passwordLogin({ ...id, password: DEMO.password });
    expect(r.status).toBe(200);
    expect(r.json.data.access_token).toBeTruthy();
  });

  test('RSA-encrypted password (jsencrypt, PKCS#1 v1.5) is decrypted', async () => {
    const cipher = rsaEncrypt(keys.rsa.publicKey, DEMO.password);
    expect(typeof cipher).toBe('string');
    const r = await c.passwordLogin({ account: DEMO.username, password: cipher }, { passwordEncryptType: 'rsa' });
    expect(r.status).toBe(200);
    expect(r.json.data.access_token).toBeTruthy();
  });

  test('SM2-encrypted password (sm-crypto C1C3C2) is decrypted, with or without a 04 prefix', async () => {
    const cipher = sm2.doEncrypt(DEMO.password, keys.sm2.publicKey, 1);
    for (const sent of [cipher, `04${cipher}`]) {
      const r = await c.passwordLogin({ account: DEMO.username, password: sent }, { passwordEncryptType: 'sm2' });
      expect(r.status).toBe(200);
    }
  });

  test('passwordEncryptType none means plain text', async () => {
    const r = await c.passwordLogin({ account: DEMO.username, password: DEMO.password }, { passwordEncryptType: 'none' });
    expect(r.status).toBe(200);
  });

  test('custom scope is echoed and dedupes words', async () => {
    const r = await c.passwordLogin({ account: DEMO.username, password: DEMO.password },
      { scope: 'openid  profile email phone profile' });
    expect(r.json.data.scope).toBe('openid profile email phone');
    expect(jwtPayload(r.json.data.id_token)).toMatchObject({ email: DEMO.email, phone_number: DEMO.phone });
  });

  test('each login increments loginsCount', async () => {
    const first = (await c.profile((await c.loginDemo()).access_token)).json.data.loginsCount;
    const second = (await c.profile((await c.loginDemo()).access_token)).json.data.loginsCount;
    expect(second).toBe(first + 1);
  });
});

describe('autoRegister', () => {
  test.each([
    ['a username', 'new-user-1', 'username'],
    ['an email', 'New.User@Example.com', 'email'],
    ['a phone', '13912345678', 'phone'],
  ])('creates a user from %s given as account', async (_n, account, field) => {
    const r = await c.passwordLogin({ account, password: 'secret-123' }, { autoRegister: true });
    expect(r.status).toBe(200);
    const me = (await c.profile(r.json.data.access_token)).json.data;
    expect(me[field]).toBe(field === 'email' ? account.toLowerCase() : account);
    // The second login finds the same user and checks the password.
    const again = await c.passwordLogin({ account, password: 'secret-123' });
    expect(jwtPayload(again.json.data.access_token).sub).toBe(me.userId);
    const wrong = await c.passwordLogin({ account, password: 'secret-124' }, { autoRegister: true });
    expect(wrong.json.apiCode).toBe(2333);
  });

  test('applies the password policy (6-64 characters)', async () => {
    const short = await c.passwordLogin({ account: 'shorty', password: '12345' }, { autoRegister: true });
    expect(short.status).toBe(400);
    expect(short.json).toMatchObject({ statusCode: 400, apiCode: 2103 });
    const long = await c.passwordLogin({ account: 'longy', password: 'x'.repeat(65) }, { autoRegister: true });
    expect(long.json.apiCode).toBe(2103);
  });

  test('rejects a malformed explicit email', async () => {
    const r = await c.passwordLogin({ email: 'not-an-email', password: 'secret-123' }, { autoRegister: true });
    expect(r.status).toBe(400);
    expect(r.json.apiCode).toBe(3104);
  });
});

describe('rejections', () => {
  test('wrong password → 400 with apiCode 2333 and the tries left before the lock', async () => {
    const r = await c.passwordLogin({ account: DEMO.username, password: 'wrong-password' });
    expect(r.status).toBe(400);
    expect(r.json).toMatchObject({ statusCode: 400, apiCode: 2333, message: expect.stringMatching(/password/i), requestId: expect.any(String) });
    expect(r.json.data).toEqual({ remainCount: 4 });
    expect((await c.loginDemo()).access_token).toEqual(expect.any(String)); // a success clears the count
  });

  test('unknown account gets the same answer as a wrong password', async () => {
    const r = await c.passwordLogin({ account: 'nobody-here', password: 'whatever1' });
    expect(r.status).toBe(400);
    expect(r.json.apiCode).toBe(2333);
  });

  test('garbage RSA ciphertext → 400 decryption error', async () => {
    for (const bad of ['not base64 at all!', Buffer.alloc(256, 7).toString('base64'), 'false', rsaEncrypt(keys.rsa.publicKey, DEMO.password).slice(4)]) {
      const r = await c.passwordLogin({ account: DEMO.username, password: bad }, { passwordEncryptType: 'rsa' });
      expect(r.status).toBe(400);
      expect(r.json.apiCode).toBe(2102);
      expect(r.json.message).toMatch(/could not be decrypted/);
    }
  });

  test('plain password sent as rsa / SM2 ciphertext sent as rsa → decryption error', async () => {
    const sm2Cipher = sm2.doEncrypt(DEMO.password, keys.sm2.publicKey, 1);
    const r = await c.passwordLogin({ account: DEMO.username, password: sm2Cipher }, { passwordEncryptType: 'rsa' });
    expect(r.json.apiCode).toBe(2102);
    const r2 = await c.passwordLogin({ account: DEMO.username, password: DEMO.password }, { passwordEncryptType: 'sm2' });
    expect(r2.json.apiCode).toBe(2102);
    const tampered = sm2Cipher.slice(0, -2) + (sm2Cipher.endsWith('00') ? '01' : '00');
    const r3 = await c.passwordLogin({ account: DEMO.username, password: tampered }, { passwordEncryptType: 'sm2' });
    expect(r3.json.apiCode).toBe(2102);
  });

  test('unknown passwordEncryptType → 400 naming the field', async () => {
    const r = await c.passwordLogin({ account: DEMO.username, password: DEMO.password }, { passwordEncryptType: 'aes' });
    expect(r.status).toBe(400);
    expect(r.json.message).toMatch(/options\.passwordEncryptType/);
  });

  test('unknown connection → 400 apiCode 2100', async () => {
    for (const connection of ['LDAP', 'SOMETHING']) {
      const r = await c.post('/api/v3/signin', { connection, passwordPayload: { account: 'demo', password: 'x' } }, c.A);
      expect(r.status).toBe(400);
      expect(r.json).toMatchObject({ apiCode: 2100, message: expect.stringContaining(connection) });
    }
  });

  test.each([
    ['no connection', {}, /connection is required/],
    ['connection not a string', { connection: 5 }, /connection must be a string/],
    ['no passwordPayload', { connection: 'PASSWORD' }, /passwordPayload is required/],
    ['passwordPayload not an object', { connection: 'PASSWORD', passwordPayload: 'x' }, /passwordPayload must be an object/],
    ['no password', { connection: 'PASSWORD', passwordPayload: { account: 'demo' } }, /passwordPayload\.password is required/],
    ['password a number', { connection: 'PASSWORD', passwordPayload: { account: 'demo', password: 123456 } }, /passwordPayload\.password must be a string/],
    ['no account', { connection: 'PASSWORD', passwordPayload: { password: 'x' } }, /passwordPayload\.account/],
    ['options not an object', { connection: 'PASSWORD', passwordPayload: { account: 'demo', password: 'x' }, options: [] }, /options must be an object/],
    ['autoRegister not a boolean', { connection: 'PASSWORD', passwordPayload: { account: 'demo', password: 'x' }, options: { autoRegister: 'yes' } }, /options\.autoRegister must be a boolean/],
  ])('%s → 400 naming the field', async (_n, body, message) => {
    const r = await c.post('/api/v3/signin', body, c.A);
    expect(r.status).toBe(400);
    expect(r.json).toMatchObject({ statusCode: 400, apiCode: 1002 });
    expect(r.json.message).toMatch(message);
  });

  test('missing x-authing-app-id → 400, wrong one → 403', async () => {
    const body = { connection: 'PASSWORD', passwordPayload: { account: DEMO.username, password: DEMO.password } };
    const missing = await c.post('/api/v3/signin', body);
    expect(missing.status).toBe(400);
    expect(missing.json).toMatchObject({ apiCode: 1005, message: 'x-authing-app-id header is required' });
    const wrong = await c.post('/api/v3/signin', body, { 'x-authing-app-id': 'other-app' });
    expect(wrong.status).toBe(403);
    expect(wrong.json).toMatchObject({ apiCode: 1006, message: 'app not found: other-app' });
  });

  test('the server still answers after all of that', async () => {
    expect((await c.passwordLogin({ account: DEMO.username, password: DEMO.password })).status).toBe(200);
  });
});
