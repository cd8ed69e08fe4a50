/** @jest-environment node */
// Account endpoints over HTTP: bind-phone / bind-email, the two-step phone and email changes,
// account deletion, decrypt-wechat-miniprogram-data and the WeChat bind. Codes come from the dev
// inbox on the channels the README names; the update/delete tokens are single-use and expire
// after 5 minutes of server clock (moved with /__dev/clock, never waited for).
const { DEMO, jwtPayload, rsaEncrypt, useServer } = require('./helpers');

// The send cooldown is per number / address across channels (as Authing's): a flow that signs
// up by code and then verifies the same phone waits it out, by a 1 s cooldown and a 1 s clock step.
const c = useServer({ sendCooldown: 1 });

const IDP = 'wechat-miniprogram';
const T = (token) => ({ ...c.U, authorization: token });

// Numbers and addresses are unique per test: one send per target + channel per minute.
let seq = 0;
const phone = () => `139${String(10000000 + ++seq).slice(-8)}`;
const email = () => `flow${++seq}@example.com`;
const openid = () => `flow-openid-${++seq}`;

async function smsCode(phoneNumber, channel, phoneCountryCode = '+86') {
  await c.advanceClock(1000);
  const sent = await c.post('/api/v3/send-sms', { phoneNumber, channel, phoneCountryCode }, c.U);
  expect(sent.status).toBe(200);
  const q = new URLSearchParams({ phone: phoneNumber, phoneCountryCode, channel });
  return (await c.get(`/__dev/sms/latest?${q}`)).json.code;
}

async function emailCode(address, channel) {
  await c.advanceClock(1000);
  expect((await c.post('/api/v3/send-email', { email: address, channel }, c.U)).status).toBe(200);
  return (await c.get(`/__dev/email/latest?${new URLSearchParams({ email: address, channel })}`)).json.code;
}

/** A user that signed in with WeChat only: no phone, email or password. */
async function wechatUser(id = openid()) {
  const r = await c.post('/api/v3/signin-by-mobile', {
    connection: 'wechat_mini_program_code', extIdpConnidentifier: IDP, wechatMiniProgramCodePayload: { code: await c.wxCode(id) },
  }, c.A);
  expect(r.status).toBe(200);
  return r.json.data.access_token;
}

/** A user registered by SMS code: has a phone. */
async function phoneUser(number = phone()) {
  const passCode = await smsCode(number, 'CHANNEL_LOGIN');
  const r = await c.post('/api/v3/signin', { connection: 'PASSCODE', passCodePayload: { phone: number, passCode }, options: { autoRegister: true } }, c.A);
  expect(r.status).toBe(200);
  return { token: r.json.data.access_token, phone: number };
}

/** A user registered by email code: has an email. */
async function emailUser(address = email()) {
  const passCode = await emailCode(address, 'CHANNEL_LOGIN');
  const r = await c.post('/api/v3/signin', { connection: 'PASSCODE', passCodePayload: { email: address, passCode }, options: { autoRegister: true } }, c.A);
  expect(r.status).toBe(200);
  return { token: r.json.data.access_token, email: address };
}

/** A user with a username and password. */
async function passwordUser(password = 'Flow@123456') {
  const username = `flow-user-${++seq}`;
  const r = await c.passwordLogin({ username, password }, { autoRegister: true, scope: 'openid profile offline_access' });
  expect(r.status).toBe(200);
  return { token: r.json.data.access_token, refreshToken: r.json.data.refresh_token, username, password };
}

const me = async (token) => (await c.profile(token, '?withIdentities=true')).json.data;

function expectError(r, status, apiCode, message) {
  expect(r.status).toBe(status);
  expect(r.json).toMatchObject({ statusCode: status, apiCode, requestId: expect.any(String) });
  if (message) expect(r.json.message).toMatch(message);
}

describe('POST /api/v3/bind-phone', () => {
  const bind = (token, body) => c.post('/api/v3/bind-phone', body, T(token));

  test('binds a phone (CHANNEL_BIND_PHONE code) to an account without one; no data, phone verified', async () => {
    const token = await wechatUser();
    const number = phone();
    const r = await bind(token, { phoneNumber: number, passCode: await smsCode(number, 'CHANNEL_BIND_PHONE') });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ statusCode: 200, message: expect.any(String) });
    expect(r.json).not.toHaveProperty('data');
    expect(await me(token)).toMatchObject({ phone: number, phoneCountryCode: '+86', phoneVerified: true });
  });

  test('a foreign number with its country code', async () => {
    const token = await wechatUser();
    const r = await bind(token, { phoneNumber: '91234567', phoneCountryCode: '+852', passCode: await smsCode('91234567', 'CHANNEL_BIND_PHONE', '+852') });
    expect(r.status).toBe(200);
    expect(await me(token)).toMatchObject({ phone: '91234567', phoneCountryCode: '+852' });
  });

  test('codes: wrong channel, wrong code, used code, expired code → 400 / 2001', async () => {
    const token = await wechatUser();
    const number = phone();
    const loginCode = await smsCode(number, 'CHANNEL_LOGIN');
    expectError(await bind(token, { phoneNumber: number, passCode: loginCode }), 400, 2001, /incorrect/);
    const code = await smsCode(number, 'CHANNEL_BIND_PHONE');
    expectError(await bind(token, { phoneNumber: number, passCode: code === '000000' ? '111111' : '000000' }), 400, 2001);
    await c.advanceClock(5 * 60 * 1000);
    expectError(await bind(token, { phoneNumber: number, passCode: code }), 400, 2001, /expired/);
    await c.advanceClock(61 * 1000); // send cooldown
    const fresh = await smsCode(number, 'CHANNEL_BIND_PHONE');
    const other = await wechatUser();
    expect((await bind(token, { phoneNumber: number, passCode: fresh })).status).toBe(200);
    expectError(await bind(other, { phoneNumber: number, passCode: fresh }), 400, 2001, /already been used/);
  });

  test('an account that already has a phone → 400 / 2032 (use update-phone)', async () => {
    const { token } = await phoneUser();
    const number = phone();
    expectError(await bind(token, { phoneNumber: number, passCode: await smsCode(number, 'CHANNEL_BIND_PHONE') }), 400, 2032, /update-phone/);
  });

  test('a phone another user owns → 400 / 2026, checked after the code', async () => {
    const token = await wechatUser();
    expectError(await bind(token, { phoneNumber: DEMO.phone, passCode: '123456' }), 400, 2001);
    const r = await bind(token, { phoneNumber: DEMO.phone, passCode: await smsCode(DEMO.phone, 'CHANNEL_BIND_PHONE') });
    expectError(r, 400, 2026, /phone already exists/);
    expect((await me(token)).phone).toBeNull();
  });

  test.each([
    ['no Authorization', 401, 2020, {}],
    ['missing passCode', 400, 1002, { phoneNumber: '13900000001' }],
    ['malformed phone', 400, 3101, { phoneNumber: '12345', passCode: '123456' }],
    ['bad country code', 400, 3101, { phoneNumber: '13900000001', phoneCountryCode: 'x', passCode: '123456' }],
  ])('%s → %i / %i', async (name, status, apiCode, body) => {
    const token = name === 'no Authorization' ? undefined : await wechatUser();
    const r = await c.post('/api/v3/bind-phone', body, token ? T(token) : c.U);
    expectError(r, status, apiCode);
  });

  test('the user pool header is required', async () => {
    const token = await wechatUser();
    expectError(await c.post('/api/v3/bind-phone', { phoneNumber: phone(), passCode: '123456' }, { authorization: token }), 400, 1005);
  });
});

describe('POST /api/v3/bind-email', () => {
  const bind = (token, body) => c.post('/api/v3/bind-email', body, T(token));

  test('binds an email (CHANNEL_BIND_EMAIL code), stored lower-cased and verified', async () => {
    const token = await wechatUser();
    const address = email();
    const r = await bind(token, { email: address.toUpperCase(), passCode: await emailCode(address, 'CHANNEL_BIND_EMAIL') });
    expect(r.status).toBe(200);
    expect(r.json).not.toHaveProperty('data');
    expect(await me(token)).toMatchObject({ email: address, emailVerified: true });
  });

  test('already has an email → 2032; taken by another user → 2026; wrong channel → 2001; malformed → 3104', async () => {
    const { token: withEmail } = await emailUser();
    const a = email();
    expectError(await bind(withEmail, { email: a, passCode: await emailCode(a, 'CHANNEL_BIND_EMAIL') }), 400, 2032);
    const token = await wechatUser();
    expectError(await bind(token, { email: DEMO.email, passCode: await emailCode(DEMO.email, 'CHANNEL_BIND_EMAIL') }), 400, 2026, /email already exists/);
    const b = email();
    expectError(await bind(token, { email: b, passCode: await emailCode(b, 'CHANNEL_UPDATE_EMAIL') }), 400, 2001);
    expectError(await bind(token, { email: 'not-an-email', passCode: '123456' }), 400, 3104);
  });
});

describe('phone change: verify-update-phone-request → update-phone', () => {
  const request = (token, payload, verifyMethod = 'PHONE_PASSCODE') => c.post('/api/v3/verify-update-phone-request', { verifyMethod, phonePassCodePayload: payload }, T(token));
  const update = (token, updatePhoneToken) => c.post('/api/v3/update-phone', { updatePhoneToken }, T(token));

  async function codes(oldPhone, newPhone) {
    return { oldPhonePassCode: await smsCode(oldPhone, 'CHANNEL_UNBIND_PHONE'), newPhonePassCode: await smsCode(newPhone, 'CHANNEL_BIND_PHONE') };
  }

  test('old phone (CHANNEL_UNBIND_PHONE) + new phone (CHANNEL_BIND_PHONE) → token (300 s) → phone changed; the token works once', async () => {
    const { token, phone: oldPhone } = await phoneUser();
    const newPhone = phone();
    const { oldPhonePassCode, newPhonePassCode } = await codes(oldPhone, newPhone);
    const r = await request(token, { newPhoneNumber: newPhone, newPhonePassCode, oldPhoneNumber: oldPhone, oldPhonePassCode });
    expect(r.status).toBe(200);
    expect(r.json.data).toEqual({ updatePhoneToken: expect.any(String), tokenExpiresIn: 300 });
    expect((await me(token)).phone).toBe(oldPhone); // nothing changes before step 2
    const done = await update(token, r.json.data.updatePhoneToken);
    expect(done.status).toBe(200);
    expect(done.json).not.toHaveProperty('data');
    expect(await me(token)).toMatchObject({ phone: newPhone, phoneVerified: true });
    expectError(await update(token, r.json.data.updatePhoneToken), 400, 2030, /already been used/);
  });

  test('the token expires 5 minutes after the request (server clock)', async () => {
    const { token, phone: oldPhone } = await phoneUser();
    const newPhone = phone();
    const { oldPhonePassCode, newPhonePassCode } = await codes(oldPhone, newPhone);
    const { updatePhoneToken } = (await request(token, { newPhoneNumber: newPhone, newPhonePassCode, oldPhoneNumber: oldPhone, oldPhonePassCode })).json.data;
    await c.advanceClock(300 * 1000);
    expectError(await update(token, updatePhoneToken), 400, 2030, /expired/);
    expect((await me(token)).phone).toBe(oldPhone);
  });

  test('a token just before expiry still works', async () => {
    const { token, phone: oldPhone } = await phoneUser();
    const newPhone = phone();
    const { oldPhonePassCode, newPhonePassCode } = await codes(oldPhone, newPhone);
    const { updatePhoneToken } = (await request(token, { newPhoneNumber: newPhone, newPhonePassCode, oldPhoneNumber: oldPhone, oldPhonePassCode })).json.data;
    await c.advanceClock(299 * 1000);
    expect((await update(token, updatePhoneToken)).status).toBe(200);
  });

  test('an account with a phone must verify it: missing → 2031, not its phone → 2031', async () => {
    const { token, phone: oldPhone } = await phoneUser();
    const newPhone = phone();
    const newPhonePassCode = await smsCode(newPhone, 'CHANNEL_BIND_PHONE');
    expectError(await request(token, { newPhoneNumber: newPhone, newPhonePassCode }), 400, 2031, /oldPhoneNumber and .*oldPhonePassCode are required/);
    const stranger = phone();
    const strangerCode = await smsCode(stranger, 'CHANNEL_UNBIND_PHONE');
    expectError(await request(token, { newPhoneNumber: newPhone, newPhonePassCode, oldPhoneNumber: stranger, oldPhonePassCode: strangerCode }), 400, 2031, /not this account's phone/);
    expect((await me(token)).phone).toBe(oldPhone);
  });

  test('both codes are checked before either is burnt: a wrong old code leaves the new code usable', async () => {
    const { token, phone: oldPhone } = await phoneUser();
    const newPhone = phone();
    const { oldPhonePassCode, newPhonePassCode } = await codes(oldPhone, newPhone);
    const wrong = oldPhonePassCode === '000000' ? '111111' : '000000';
    expectError(await request(token, { newPhoneNumber: newPhone, newPhonePassCode, oldPhoneNumber: oldPhone, oldPhonePassCode: wrong }), 400, 2001, /oldPhonePassCode/);
    // a code for the old phone from the wrong channel (BIND instead of UNBIND) is refused too
    const bindChannel = await smsCode(oldPhone, 'CHANNEL_BIND_PHONE');
    expectError(await request(token, { newPhoneNumber: newPhone, newPhonePassCode, oldPhoneNumber: oldPhone, oldPhonePassCode: bindChannel }), 400, 2001, /oldPhonePassCode/);
    const r = await request(token, { newPhoneNumber: newPhone, newPhonePassCode, oldPhoneNumber: oldPhone, oldPhonePassCode });
    expect(r.status).toBe(200);
  });

  test('an account without a phone changes it like a bind (no old phone); sending one anyway → 2031', async () => {
    const token = await wechatUser();
    const newPhone = phone();
    const newPhonePassCode = await smsCode(newPhone, 'CHANNEL_BIND_PHONE');
    expectError(await request(token, { newPhoneNumber: newPhone, newPhonePassCode, oldPhoneNumber: phone(), oldPhonePassCode: '123456' }), 400, 2031, /no phone number/);
    const r = await request(token, { newPhoneNumber: newPhone, newPhonePassCode });
    expect(r.status).toBe(200);
    expect((await update(token, r.json.data.updatePhoneToken)).status).toBe(200);
    expect((await me(token)).phone).toBe(newPhone);
  });

  test('the new phone taken at request time → 2026; taken between the two steps → 2026 at update', async () => {
    const token = await wechatUser();
    expectError(await request(token, { newPhoneNumber: DEMO.phone, newPhonePassCode: await smsCode(DEMO.phone, 'CHANNEL_BIND_PHONE') }), 400, 2026);
    const contested = phone();
    const { updatePhoneToken } = (await request(token, { newPhoneNumber: contested, newPhonePassCode: await smsCode(contested, 'CHANNEL_BIND_PHONE') })).json.data;
    await phoneUser(contested); // someone registers it meanwhile
    expectError(await update(token, updatePhoneToken), 400, 2026);
  });

  test('tokens are bound to their user and their step', async () => {
    const token = await wechatUser();
    const other = await wechatUser();
    const newPhone = phone();
    const { updatePhoneToken } = (await request(token, { newPhoneNumber: newPhone, newPhonePassCode: await smsCode(newPhone, 'CHANNEL_BIND_PHONE') })).json.data;
    expectError(await update(other, updatePhoneToken), 400, 2030, /another account/);
    expectError(await c.post('/api/v3/update-email', { updateEmailToken: updatePhoneToken }, T(token)), 400, 2030, /invalid/);
    expectError(await update(token, 'made-up'), 400, 2030, /invalid/);
    expect((await update(token, updatePhoneToken)).status).toBe(200); // still unused
  });

  test('bad requests: verifyMethod, missing payload, no token field, no Authorization', async () => {
    const token = await wechatUser();
    expectError(await request(token, { newPhoneNumber: phone(), newPhonePassCode: '123456' }, 'EMAIL_PASSCODE'), 400, 1002, /verifyMethod must be PHONE_PASSCODE/);
    expectError(await c.post('/api/v3/verify-update-phone-request', { verifyMethod: 'PHONE_PASSCODE' }, T(token)), 400, 1002, /phonePassCodePayload is required/);
    expectError(await request(token, { newPhoneNumber: phone() }), 400, 1002, /newPhonePassCode is required/);
    expectError(await c.post('/api/v3/update-phone', {}, T(token)), 400, 1002, /updatePhoneToken is required/);
    expectError(await c.post('/api/v3/update-phone', { updatePhoneToken: 'x' }, c.U), 401, 2020);
  });
});

describe('email change: verify-update-email-request → update-email', () => {
  const request = (token, payload) => c.post('/api/v3/verify-update-email-request', { verifyMethod: 'EMAIL_PASSCODE', emailPassCodePayload: payload }, T(token));
  const update = (token, updateEmailToken) => c.post('/api/v3/update-email', { updateEmailToken }, T(token));

  test('old + new email codes (CHANNEL_UPDATE_EMAIL) → token → email changed; single use; expiry', async () => {
    const { token, email: oldEmail } = await emailUser();
    const newEmail = email();
    const r = await request(token, {
      newEmail, newEmailPassCode: await emailCode(newEmail, 'CHANNEL_UPDATE_EMAIL'),
      oldEmail, oldEmailPassCode: await emailCode(oldEmail, 'CHANNEL_UPDATE_EMAIL'),
    });
    expect(r.status).toBe(200);
    expect(r.json.data).toEqual({ updateEmailToken: expect.any(String), tokenExpiresIn: 300 });
    expect((await update(token, r.json.data.updateEmailToken)).status).toBe(200);
    expect(await me(token)).toMatchObject({ email: newEmail, emailVerified: true });
    expectError(await update(token, r.json.data.updateEmailToken), 400, 2030, /already been used/);

    // A second change, with BIND / UNBIND channel codes, whose token is left to expire.
    await c.advanceClock(61 * 1000);
    const third = email();
    const again = await request(token, {
      newEmail: third, newEmailPassCode: await emailCode(third, 'CHANNEL_BIND_EMAIL'),
      oldEmail: newEmail, oldEmailPassCode: await emailCode(newEmail, 'CHANNEL_UNBIND_EMAIL'),
    });
    expect(again.status).toBe(200);
    await c.advanceClock(301 * 1000);
    expectError(await update(token, again.json.data.updateEmailToken), 400, 2030, /expired/);
    expect((await me(token)).email).toBe(newEmail);
  });

  test('the current email must be verified and be this account\'s; the new one must be free', async () => {
    const { token, email: oldEmail } = await emailUser();
    const newEmail = email();
    const newEmailPassCode = await emailCode(newEmail, 'CHANNEL_UPDATE_EMAIL');
    expectError(await request(token, { newEmail, newEmailPassCode }), 400, 2031, /oldEmail and .*oldEmailPassCode are required/);
    expectError(await request(token, { newEmail, newEmailPassCode, oldEmail: DEMO.email, oldEmailPassCode: '123456' }), 400, 2031, /not this account's email/);
    expectError(await request(token, { newEmail, newEmailPassCode, oldEmail, oldEmailPassCode: '123456' }), 400, 2001, /oldEmailPassCode/);
    expectError(await request(token, {
      newEmail: DEMO.email, newEmailPassCode: await emailCode(DEMO.email, 'CHANNEL_UPDATE_EMAIL'),
      oldEmail, oldEmailPassCode: await emailCode(oldEmail, 'CHANNEL_UPDATE_EMAIL'),
    }), 400, 2026);
    expectError(await c.post('/api/v3/verify-update-email-request', { verifyMethod: 'PHONE_PASSCODE', emailPassCodePayload: {} }, T(token)), 400, 1002);
  });
});

describe('account deletion: verify-delete-account-request → delete-account', () => {
  const request = (token, body) => c.post('/api/v3/verify-delete-account-request', body, T(token));
  const remove = (token, deleteAccountToken) => c.post('/api/v3/delete-account', { deleteAccountToken }, T(token));

  test('PASSWORD: deletes the user for good — tokens revoked, refresh refused, login impossible', async () => {
    const user = await passwordUser();
    const secondLogin = (await c.passwordLogin({ username: user.username, password: user.password })).json.data.access_token;
    const r = await request(user.token, { verifyMethod: 'PASSWORD', passwordPayload: { password: user.password } });
    expect(r.status).toBe(200);
    expect(r.json.data).toEqual({ deleteAccountToken: expect.any(String), tokenExpiresIn: 300 });
    expect((await c.profile(user.token)).status).toBe(200); // not deleted yet
    const done = await remove(user.token, r.json.data.deleteAccountToken);
    expect(done.status).toBe(200);
    expect(done.json).not.toHaveProperty('data');
    expectError(await c.profile(user.token), 401, 2022); // the presented token is revoked
    expectError(await c.profile(secondLogin), 401, 2023, /no longer exists/); // every other token is dead
    const refreshed = await c.form('/oidc/token', { grant_type: 'refresh_token', refresh_token: user.refreshToken }, c.A);
    expect(refreshed.json.error).toBe('invalid_grant');
    expectError(await c.passwordLogin({ username: user.username, password: user.password }), 400, 2333);
    expectError(await remove(secondLogin, r.json.data.deleteAccountToken), 401, 2023);
  });

  test('PASSWORD encrypted with the server\'s RSA key', async () => {
    const user = await passwordUser();
    const { publicKey } = (await c.get('/api/v3/system')).json.rsa;
    const r = await request(user.token, { verifyMethod: 'PASSWORD', passwordPayload: { password: rsaEncrypt(publicKey, user.password), passwordEncryptType: 'rsa' } });
    expect(r.status).toBe(200);
    expectError(await request(user.token, { verifyMethod: 'PASSWORD', passwordPayload: { password: 'garbage', passwordEncryptType: 'rsa' } }), 400, 2102);
  });

  test('PASSWORD: wrong password → 2034; an account without a password → 2033', async () => {
    const user = await passwordUser();
    expectError(await request(user.token, { verifyMethod: 'PASSWORD', passwordPayload: { password: 'Wrong@123456' } }), 400, 2034);
    const token = await wechatUser();
    expectError(await request(token, { verifyMethod: 'PASSWORD', passwordPayload: { password: 'Any@123456' } }), 400, 2033, /no password/);
  });

  test('PHONE_PASSCODE: the account\'s own phone, code on CHANNEL_DELETE_ACCOUNT', async () => {
    const { token, phone: own } = await phoneUser();
    const stranger = phone();
    expectError(await request(token, { verifyMethod: 'PHONE_PASSCODE', phonePassCodePayload: { phoneNumber: stranger, passCode: await smsCode(stranger, 'CHANNEL_DELETE_ACCOUNT') } }), 400, 2031);
    expectError(await request(token, { verifyMethod: 'PHONE_PASSCODE', phonePassCodePayload: { phoneNumber: own, passCode: await smsCode(own, 'CHANNEL_UNBIND_PHONE') } }), 400, 2001);
    const r = await request(token, { verifyMethod: 'PHONE_PASSCODE', phonePassCodePayload: { phoneNumber: own, passCode: await smsCode(own, 'CHANNEL_DELETE_ACCOUNT') } });
    expect(r.status).toBe(200);
    expect((await remove(token, r.json.data.deleteAccountToken)).status).toBe(200);
    expect((await c.profile(token)).status).toBe(401);
    const noPhone = await wechatUser();
    expectError(await request(noPhone, { verifyMethod: 'PHONE_PASSCODE', phonePassCodePayload: { phoneNumber: own, passCode: '123456' } }), 400, 2033, /no phone number/);
  });

  test('EMAIL_PASSCODE: the account\'s own email, code on CHANNEL_DELETE_ACCOUNT; the token expires', async () => {
    const { token, email: own } = await emailUser();
    const r = await request(token, { verifyMethod: 'EMAIL_PASSCODE', emailPassCodePayload: { email: own, passCode: await emailCode(own, 'CHANNEL_DELETE_ACCOUNT') } });
    expect(r.status).toBe(200);
    await c.advanceClock(300 * 1000);
    expectError(await remove(token, r.json.data.deleteAccountToken), 400, 2030, /expired/);
    expect((await c.profile(token)).status).toBe(200); // still there
    expectError(await request(token, { verifyMethod: 'EMAIL_PASSCODE', emailPassCodePayload: { email: DEMO.email, passCode: '123456' } }), 400, 2031);
  });

  test('a delete token is bound to its user and its step', async () => {
    const a = await passwordUser();
    const b = await passwordUser();
    const { deleteAccountToken } = (await request(a.token, { verifyMethod: 'PASSWORD', passwordPayload: { password: a.password } })).json.data;
    expectError(await remove(b.token, deleteAccountToken), 400, 2030, /another account/);
    expectError(await c.post('/api/v3/update-phone', { updatePhoneToken: deleteAccountToken }, T(a.token)), 400, 2030);
    expect((await c.profile(b.token)).status).toBe(200);
  });

  test('bad requests: unknown verifyMethod, missing payload, no Authorization', async () => {
    const user = await passwordUser();
    expectError(await request(user.token, { verifyMethod: 'FACE' }), 400, 1002, /verifyMethod must be one of PHONE_PASSCODE, EMAIL_PASSCODE, PASSWORD/);
    expectError(await request(user.token, { verifyMethod: 'PASSWORD' }), 400, 1002, /passwordPayload is required/);
    expectError(await c.post('/api/v3/delete-account', { deleteAccountToken: 'x' }, c.U), 401, 2020);
    expectError(await c.post('/api/v3/delete-account', {}, T(user.token)), 400, 1002);
  });
});

describe('POST /api/v3/decrypt-wechat-miniprogram-data', () => {
  const decrypt = (body, headers = c.U) => c.post('/api/v3/decrypt-wechat-miniprogram-data', { extIdpConnidentifier: IDP, ...body }, headers);
  const userInfo = async (id) => (await c.post('/__dev/wx/user-info', { openid: id, nickName: 'Decrypt Me' })).json;

  test('decrypts with the session_key of the given code → data is the decrypted object; the code is single use', async () => {
    const id = openid();
    const code = await c.wxCode(id);
    const { encryptedData, iv } = await userInfo(id);
    const r = await decrypt({ encryptedData, iv, code });
    expect(r.status).toBe(200);
    expect(r.json.data).toMatchObject({ openId: id, nickName: 'Decrypt Me', watermark: { appid: c.srv.config.wechatAppId, timestamp: expect.any(Number) } });
    expectError(await decrypt({ encryptedData, iv, code }), 400, 3001, /code been used/);
  });

  test('data made under an older session_key does not decrypt with a newer code → 3002', async () => {
    const id = openid();
    await c.wxCode(id);
    const { encryptedData, iv } = await userInfo(id);
    const newer = await c.wxCode(id); // rotates the session_key
    expectError(await decrypt({ encryptedData, iv, code: newer }), 400, 3002, /decrypt/);
  });

  test('an expired code → 3001; wrong identity source → 3000; missing field → 1002; no user pool → 1005', async () => {
    const id = openid();
    const code = await c.wxCode(id);
    const { encryptedData, iv } = await userInfo(id);
    await c.advanceClock(5 * 60 * 1000);
    expectError(await decrypt({ encryptedData, iv, code }), 400, 3001, /expired/);
    expectError(await decrypt({ encryptedData, iv, code: 'x', extIdpConnidentifier: 'nope' }), 400, 3000);
    expectError(await decrypt({ encryptedData, code: 'x' }), 400, 1002, /iv is required/);
    expectError(await decrypt({ encryptedData, iv, code: 'x' }, {}), 400, 1005);
  });
});

describe('POST /connections/social/wechat-miniprogram/bind', () => {
  const bind = (token, body) => c.post('/connections/social/wechat-miniprogram/bind', body, T(token));

  test('attaches the WeChat identity of the code to the logged-in user; a later code login finds that user', async () => {
    const user = await passwordUser();
    const id = openid();
    const r = await bind(user.token, { code: await c.wxCode(id), extIdpConnidentifier: IDP });
    expect(r.status).toBe(200);
    expect(r.json.data).toMatchObject({ userId: jwtPayload(user.token).sub, username: user.username });
    expect(r.json.data.identities).toEqual([expect.objectContaining({ provider: 'wechat', userIdInIdp: id, extIdpId: IDP })]);
    const login = await c.post('/api/v3/signin-by-mobile', {
      connection: 'wechat_mini_program_code', extIdpConnidentifier: IDP, wechatMiniProgramCodePayload: { code: await c.wxCode(id) },
    }, c.A);
    expect(jwtPayload(login.json.data.access_token).sub).toBe(jwtPayload(user.token).sub);
    // Binding the same WeChat user again is a no-op.
    const again = await bind(user.token, { code: await c.wxCode(id) });
    expect(again.status).toBe(200);
    expect(again.json.data.identities).toHaveLength(1);
  });

  test('encryptedData/iv of the code\'s session_key fill an empty nickname', async () => {
    const user = await passwordUser();
    const id = openid();
    const code = await c.wxCode(id);
    const info = (await c.post('/__dev/wx/user-info', { openid: id, nickName: 'Bound Nick' })).json;
    const r = await bind(user.token, { code, encryptedData: info.encryptedData, iv: info.iv, rawData: info.rawData });
    expect(r.status).toBe(200);
    expect(r.json.data.nickname).toBe('Bound Nick');
  });

  test('a WeChat user bound to another account → 3004; an account bound to another WeChat user → 3004', async () => {
    const id = openid();
    await wechatUser(id); // this openid already has its own account
    const user = await passwordUser();
    expectError(await bind(user.token, { code: await c.wxCode(id) }), 400, 3004, /another account/);
    expect((await me(user.token)).identities).toEqual([]);
    expect((await bind(user.token, { code: await c.wxCode(openid()) })).status).toBe(200);
    expectError(await bind(user.token, { code: await c.wxCode(openid()) }), 400, 3004, /another WeChat user/);
  });

  test('bad code → 3001; stale encryptedData → 3002; wrong identity source → 3000; half user data → 1002; no token → 401', async () => {
    const user = await passwordUser();
    expectError(await bind(user.token, { code: 'made-up' }), 400, 3001);
    const id = openid();
    await c.wxCode(id);
    const info = (await c.post('/__dev/wx/user-info', { openid: id })).json;
    expectError(await bind(user.token, { code: await c.wxCode(id), encryptedData: info.encryptedData, iv: info.iv }), 400, 3002);
    expectError(await bind(user.token, { code: 'x', extIdpConnidentifier: 'other' }), 400, 3000);
    expectError(await bind(user.token, { code: 'x', encryptedData: 'abc' }), 400, 1002, /together/);
    expectError(await c.post('/connections/social/wechat-miniprogram/bind', { code: 'x' }, c.U), 401, 2020);
    expect((await me(user.token)).identities).toEqual([]);
  });
});
