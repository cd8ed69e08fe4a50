/** @jest-environment node */
// GET /api/v3/get-profile, POST /api/v3/update-profile, POST /api/v3/update-password.
const { sm2 } = require('sm-crypto');
const { DEMO, rsaEncrypt, useServer } = require('./helpers');

const c = useServer();
let keys;
beforeAll(async () => {
  keys = (await c.get('/api/v3/system')).json;
});

const update = (token, body) => c.post('/api/v3/update-profile', body, { ...c.U, authorization: token });
const updatePassword = (token, body) => c.post('/api/v3/update-password', body, { ...c.U, authorization: token });

/** A fresh password user so tests do not depend on each other. */
async function newUser(account, password = 'first-pass-1') {
  const r = await c.passwordLogin({ account, password }, { autoRegister: true });
  expect(r.status).toBe(200);
  return r.json.data.access_token;
}

describe('GET /api/v3/get-profile', () => {
  test('returns the UserDto, never the password hash', async () => {
    const r = await c.profile((await c.loginDemo()).access_token);
    expect(r.status).toBe(200);
    const u = r.json.data;
    expect(u).toMatchObject({
      userId: expect.any(String), status: 'Activated', username: 'demo', email: DEMO.email, phone: DEMO.phone,
      phoneCountryCode: '+86', gender: 'U', emailVerified: true, phoneVerified: true, loginsCount: expect.any(Number),
      photo: `${c.srv.url}/__files/default-avatar.svg`,
    });
    for (const key of ['createdAt', 'updatedAt', 'lastLogin']) expect(Number.isNaN(Date.parse(u[key]))).toBe(false);
    for (const key of ['name', 'nickname', 'birthdate', 'country', 'province', 'city', 'address', 'streetAddress',
      'postalCode', 'company', 'externalId']) expect(u).toHaveProperty(key);
    expect(u).not.toHaveProperty('identities');
    expect(u).not.toHaveProperty('customData');
    expect(u).not.toHaveProperty('departmentIds');
    // The only password-named field is Authing's `passwordLastSetAt` (a time); no hash, no password.
    expect(r.text).not.toMatch(/scrypt/i);
    expect(Object.keys(u).filter((k) => /password/i.test(k))).toEqual(['passwordLastSetAt']);
    expect(Number.isNaN(Date.parse(u.passwordLastSetAt))).toBe(false);
    expect(r.text.replace(/"passwordLastSetAt"/g, '')).not.toMatch(/password/i);
  });

  test('with* query flags add identities, customData and departmentIds', async () => {
    const t = (await c.loginDemo()).access_token;
    const r = await c.profile(t, '?withCustomData=true&withIdentities=true&withDepartmentIds=true');
    expect(r.json.data).toMatchObject({ identities: [], customData: {}, departmentIds: [] });
    const off = await c.profile(t, '?withCustomData=false&withIdentities=false&withDepartmentIds=false');
    expect(off.json.data).not.toHaveProperty('identities');
  });

  test('the default avatar is served', async () => {
    const r = await c.get('/__files/default-avatar.svg');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('image/svg+xml');
  });

  test('needs the userpool header and a token', async () => {
    const t = (await c.loginDemo()).access_token;
    expect((await c.get('/api/v3/get-profile', { authorization: t })).status).toBe(400);
    expect((await c.get('/api/v3/get-profile', c.U)).status).toBe(401);
  });
});

describe('POST /api/v3/update-profile', () => {
  test('updates the allowed fields and returns the new UserDto', async () => {
    const t = await newUser('profile-user-1');
    const body = {
      name: '张三', nickname: 'San', photo: 'https://example.com/p.png', externalId: 'ext-1', birthdate: '1990-02-28',
      country: 'CN', province: 'Zhejiang', city: 'Hangzhou', address: 'addr', streetAddress: 'street', postalCode: '310000',
      gender: 'M', username: 'renamed-user-1', company: 'ACME', customData: { level: 3 },
      unknownField: 'ignored', passwordHash: 'ignored-too',
    };
    const r = await update(t, body);
    expect(r.status).toBe(200);
    const { unknownField, passwordHash, ...expected } = body;
    expect(r.json.data).toMatchObject(expected);
    expect(r.json.data).not.toHaveProperty('unknownField');
    const again = (await c.profile(t, '?withCustomData=true')).json.data;
    expect(again).toMatchObject({ ...expected, customData: { level: 3 } });
    // The old username is free, the new one logs in.
    expect((await c.passwordLogin({ username: 'renamed-user-1', password: 'first-pass-1' })).status).toBe(200);
  });

  test('customData is merged key by key; null clears a string field', async () => {
    const t = await newUser('profile-user-2');
    await update(t, { customData: { a: 1, b: 2 }, city: 'X' });
    const r = await update(t, { customData: { b: 3, c: 4 }, city: null });
    expect(r.json.data.customData).toEqual({ a: 1, b: 3, c: 4 });
    expect(r.json.data.city).toBeNull();
  });

  test.each([
    ['a number for name', { name: 42 }, /name must be a string/],
    ['an object for nickname', { nickname: {} }, /nickname must be a string/],
    ['256 characters', { company: 'x'.repeat(256) }, /company must be at most 255 characters/],
    ['gender X', { gender: 'X' }, /gender must be one of M, F, U/],
    ['gender lower-case', { gender: 'm' }, /gender/],
    ['birthdate not a date', { birthdate: '1990-02-30' }, /birthdate must be a valid date/],
    ['birthdate format', { birthdate: '02/03/1990' }, /birthdate/],
    ['customData an array', { customData: [1] }, /customData must be an object/],
    ['customData a string', { customData: 'x' }, /customData must be an object/],
    ['empty username', { username: '  ' }, /username must not be empty/],
  ])('rejects %s with 400 and changes nothing', async (_n, body, message) => {
    const t = (await c.loginDemo()).access_token;
    const r = await update(t, { nickname: 'should-not-stick', ...body });
    expect(r.status).toBe(400);
    expect(r.json).toMatchObject({ statusCode: 400, apiCode: 1002 });
    expect(r.json.message).toMatch(message);
    expect((await c.profile(t)).json.data.nickname).not.toBe('should-not-stick');
  });

  test('a username taken by someone else → 400 apiCode 2026', async () => {
    const t = await newUser('profile-user-3');
    const r = await update(t, { username: 'demo' });
    expect(r.status).toBe(400);
    expect(r.json.apiCode).toBe(2026);
    // Setting your own username again is fine.
    expect((await update(t, { username: 'profile-user-3' })).status).toBe(200);
  });

  test('needs a token', async () => {
    expect((await c.post('/api/v3/update-profile', { name: 'x' }, c.U)).status).toBe(401);
  });
});

describe('POST /api/v3/update-password', () => {
  test('plain old + new password', async () => {
    const t = await newUser('pw-user-1');
    const r = await updatePassword(t, { oldPassword: 'first-pass-1', newPassword: 'second-pass-2' });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ statusCode: 200, requestId: expect.any(String) });
    expect(r.json).not.toHaveProperty('data');
    expect((await c.passwordLogin({ account: 'pw-user-1', password: 'first-pass-1' })).json.apiCode).toBe(2333);
    expect((await c.passwordLogin({ account: 'pw-user-1', password: 'second-pass-2' })).status).toBe(200);
  });

  test('RSA-encrypted newPassword with the old one in clear (what the SDK sends)', async () => {
    const t = await newUser('pw-user-2');
    const r = await updatePassword(t, { oldPassword: 'first-pass-1', newPassword: rsaEncrypt(keys.rsa.publicKey, 'rsa-pass-2'), passwordEncryptType: 'rsa' });
    expect(r.status).toBe(200);
    expect((await c.passwordLogin({ account: 'pw-user-2', password: 'rsa-pass-2' })).status).toBe(200);
  });

  test('both passwords encrypted (SM2)', async () => {
    const t = await newUser('pw-user-3');
    const enc = (s) => sm2.doEncrypt(s, keys.sm2.publicKey, 1);
    const r = await updatePassword(t, { oldPassword: enc('first-pass-1'), newPassword: enc('sm2-pass-3'), passwordEncryptType: 'sm2' });
    expect(r.status).toBe(200);
    expect((await c.passwordLogin({ account: 'pw-user-3', password: 'sm2-pass-3' })).status).toBe(200);
  });

  test('wrong old password → 400 apiCode 2006; missing old password → 400', async () => {
    const t = await newUser('pw-user-4');
    const wrong = await updatePassword(t, { oldPassword: 'nope-nope', newPassword: 'second-pass-2' });
    expect(wrong.status).toBe(400);
    expect(wrong.json.apiCode).toBe(2006);
    const missing = await updatePassword(t, { newPassword: 'second-pass-2' });
    expect(missing.json.message).toBe('oldPassword is required');
  });

  test('new password policy and decryption are enforced', async () => {
    const t = await newUser('pw-user-5');
    expect((await updatePassword(t, { oldPassword: 'first-pass-1', newPassword: '12345' })).json.apiCode).toBe(2103);
    expect((await updatePassword(t, { oldPassword: 'first-pass-1', newPassword: 'plain-text', passwordEncryptType: 'rsa' })).json.apiCode).toBe(2102);
    expect((await updatePassword(t, { oldPassword: 'first-pass-1' })).json.message).toBe('newPassword is required');
    expect((await updatePassword(t, { oldPassword: 'first-pass-1', newPassword: 'abcdefg', passwordEncryptType: 'des' })).status).toBe(400);
  });

  test('a WeChat-only user (no password yet) sets one without oldPassword', async () => {
    const code = (await c.post('/__dev/wx/login', { openid: 'pw-openid' })).json.code;
    const login = await c.post('/api/v3/signin-by-mobile', {
      connection: 'wechat_mini_program_code', extIdpConnidentifier: 'wechat-miniprogram', wechatMiniProgramCodePayload: { code },
    }, c.A);
    const t = login.json.data.access_token;
    expect((await updatePassword(t, { newPassword: 'wx-user-pass' })).status).toBe(200);
    await update(t, { username: 'wx-user' });
    expect((await c.passwordLogin({ username: 'wx-user', password: 'wx-user-pass' })).status).toBe(200);
  });

  test('needs a token', async () => {
    expect((await c.post('/api/v3/update-password', { newPassword: 'abcdefg' }, c.U)).status).toBe(401);
  });
});

describe('a handler that throws', () => {
  test('answers a 500 envelope and the server keeps serving', async () => {
    const users = require('../../devserver/users');
    const t = (await c.loginDemo()).access_token;
    const spy = jest.spyOn(users, 'toUserDto').mockImplementation(() => { throw new Error('boom'); });
    try {
      const r = await c.profile(t);
      expect(r.status).toBe(500);
      expect(r.json).toMatchObject({ statusCode: 500, apiCode: 1500, requestId: expect.any(String) });
      expect(r.text).not.toContain('boom');
    } finally {
      spy.mockRestore();
    }
    expect((await c.profile(t)).status).toBe(200);
  });
});
