/** @jest-environment node */
// POST /api/v3/signup, /api/v3/verify-reset-password-request and /api/v3/reset-password over HTTP:
// codes from the dev inbox, duplicates, password policy, encrypted passwords, single-use reset tokens,
// messages in the request's language.
const { DEMO, useServer, rsaEncrypt } = require('./helpers');

const c = useServer();

let seq = 0;
const newPhone = () => `135${String(10000000 + ++seq).slice(-8)}`;
const newEmail = () => `journey-${++seq}@example.com`;
const EN = { 'x-authing-lang': 'en-US' };
const ZH = { 'x-authing-lang': 'zh-CN' };

const signUp = (body, headers = {}) => c.post('/api/v3/signup', body, { ...c.A, ...headers });
const sendSms = (phoneNumber, channel) => c.post('/api/v3/send-sms', { phoneNumber, channel }, c.U);
const sendEmail = (email, channel) => c.post('/api/v3/send-email', { email, channel }, c.U);
// One send per phone / email per sendCooldown whatever the channel (as Authing): every send first
// moves the server clock past it.
const pastCooldown = () => c.advanceClock(c.srv.config.sendCooldown * 1000);
const smsCode = async (phone, channel) => {
  await pastCooldown();
  expect((await sendSms(phone, channel)).status).toBe(200);
  return (await c.get(`/__dev/sms/latest?${new URLSearchParams({ phone, channel })}`)).json.code;
};
const emailCode = async (email, channel) => {
  await pastCooldown();
  expect((await sendEmail(email, channel)).status).toBe(200);
  return (await c.get(`/__dev/email/latest?${new URLSearchParams({ email, channel })}`)).json.code;
};
const publicKey = async () => (await c.get('/api/v3/system')).json.rsa.publicKey;

describe('POST /api/v3/signup', () => {
  test('PASSWORD with a username and profile fields answers the user, no tokens; the password then signs in', async () => {
    const username = `journey-user-${++seq}`;
    const r = await signUp({
      connection: 'PASSWORD',
      passwordPayload: { username, password: 'Signup@123' },
      profile: { nickname: 'Newbie', gender: 'F', company: 'ACME', customData: { plan: 'free' } },
    }, ZH);
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ statusCode: 200, message: '注册成功' });
    expect(r.json.data).toMatchObject({ username, nickname: 'Newbie', gender: 'F', company: 'ACME', customData: { plan: 'free' } });
    expect(r.json.data).not.toHaveProperty('access_token');
    expect(r.json.data).not.toHaveProperty('passwordHash');
    const login = await c.passwordLogin({ account: username, password: 'Signup@123' });
    expect(login.status).toBe(200);
    expect(login.json.data.access_token).toEqual(expect.any(String));
  });

  test('PASSWORD with an RSA-encrypted password (options.passwordEncryptType) and an email', async () => {
    const email = newEmail();
    const password = rsaEncrypt(await publicKey(), 'Secret@123');
    const r = await signUp({ connection: 'PASSWORD', passwordPayload: { email, password }, options: { passwordEncryptType: 'rsa' } });
    expect(r.status).toBe(200);
    expect(r.json.data.email).toBe(email);
    expect((await c.passwordLogin({ email, password: 'Secret@123' })).status).toBe(200);
  });

  test('duplicate username, email and phone: 2026 with a message naming which, in the request language', async () => {
    const dupUser = await signUp({ connection: 'PASSWORD', passwordPayload: { username: DEMO.username, password: 'Signup@123' } }, ZH);
    expect(dupUser.status).toBe(400);
    expect(dupUser.json).toMatchObject({ apiCode: 2026, message: `用户名已存在：${DEMO.username}` });
    const dupEmail = await signUp({ connection: 'PASSWORD', passwordPayload: { email: DEMO.email, password: 'Signup@123' } }, EN);
    expect(dupEmail.json).toMatchObject({ apiCode: 2026, message: `email already exists: ${DEMO.email}` });
    const passCode = await smsCode(DEMO.phone, 'CHANNEL_REGISTER');
    const dupPhone = await signUp({ connection: 'PASSCODE', passCodePayload: { phone: DEMO.phone, passCode } }, EN);
    expect(dupPhone.json).toMatchObject({ apiCode: 2026, message: `phone already exists: ${DEMO.phone}` });
  });

  test('password policy is checked: 2103 with the rule, in zh-CN and en-US', async () => {
    const body = { connection: 'PASSWORD', passwordPayload: { username: `short-${++seq}`, password: '12345' } };
    expect((await signUp(body, ZH)).json).toMatchObject({ apiCode: 2103, message: '密码长度需为 6-64 位' });
    expect((await signUp(body, EN)).json).toMatchObject({ apiCode: 2103, message: 'password must be 6-64 characters' });
  });

  test('PASSCODE by phone with a CHANNEL_REGISTER code and a password; the code is single use', async () => {
    const phone = newPhone();
    const passCode = await smsCode(phone, 'CHANNEL_REGISTER');
    const body = { connection: 'PASSCODE', passCodePayload: { phone, passCode }, options: { passwordForPhonePassCode: 'Phone@123' } };
    const r = await signUp(body);
    expect(r.status).toBe(200);
    expect(r.json.data).toMatchObject({ phone, phoneCountryCode: '+86', phoneVerified: true });
    expect((await c.passwordLogin({ phone, password: 'Phone@123' })).status).toBe(200);
    const again = await signUp({ connection: 'PASSCODE', passCodePayload: { phone, passCode } });
    expect(again.json.apiCode).toBe(2001);
  });

  test('PASSCODE by email; a wrong code, a code of another channel and an expired code are refused with 2001', async () => {
    const email = newEmail();
    const wrong = await signUp({ connection: 'PASSCODE', passCodePayload: { email, passCode: '000000' } });
    expect(wrong.status).toBe(400);
    expect(wrong.json.apiCode).toBe(2001);
    const loginCode = await emailCode(email, 'CHANNEL_LOGIN');
    expect((await signUp({ connection: 'PASSCODE', passCodePayload: { email, passCode: loginCode } })).json.apiCode).toBe(2001);
    const expiring = await emailCode(email, 'CHANNEL_REGISTER');
    await c.advanceClock(5 * 60 * 1000 + 1000);
    try {
      expect((await signUp({ connection: 'PASSCODE', passCodePayload: { email, passCode: expiring } })).json.apiCode).toBe(2001);
    } finally {
      await c.advanceClock(-(5 * 60 * 1000 + 1000));
    }
  });

  test('an unknown connection and a payload without an account are refused before anything is created', async () => {
    expect((await signUp({ connection: 'WECHAT', passwordPayload: { username: 'x', password: 'Signup@123' } }, EN)).json)
      .toMatchObject({ apiCode: 2100, message: expect.stringMatching(/WECHAT/) });
    expect((await signUp({ connection: 'PASSWORD', passwordPayload: { password: 'Signup@123' } }, EN)).json)
      .toMatchObject({ apiCode: 1002, message: 'A username or an email is required' });
    expect((await c.post('/api/v3/signup', { connection: 'PASSWORD' }, {})).status).toBe(400);
  });

  test('profile.phone needs a CHANNEL_COMPLETE_PHONE code in options', async () => {
    const phone = newPhone();
    const username = `journey-complete-${++seq}`;
    const missing = await signUp({ connection: 'PASSWORD', passwordPayload: { username, password: 'Signup@123' }, profile: { phone } });
    expect(missing.json.apiCode).toBe(1002);
    const code = await smsCode(phone, 'CHANNEL_COMPLETE_PHONE');
    const r = await signUp({
      connection: 'PASSWORD', passwordPayload: { username, password: 'Signup@123' }, profile: { phone },
      options: { phonePassCodeForInformationCompletion: code },
    });
    expect(r.status).toBe(200);
    expect(r.json.data).toMatchObject({ username, phone, phoneVerified: true });
  });
});

describe('forgot password: verify-reset-password-request → reset-password', () => {
  const verify = (body, headers = {}) => c.post('/api/v3/verify-reset-password-request', body, { ...c.A, ...headers });
  const reset = (body, headers = {}) => c.post('/api/v3/reset-password', body, { ...c.A, ...headers });

  async function newUser() {
    const phone = newPhone();
    const email = newEmail();
    const username = `journey-reset-${++seq}`;
    const r = await c.passwordLogin({ username, password: 'Old@12345' }, { autoRegister: true });
    expect(r.status).toBe(200);
    // Give it a phone and an email through the account API.
    const token = r.json.data.access_token;
    const headers = { ...c.U, authorization: token };
    const bindCode = await smsCode(phone, 'CHANNEL_BIND_PHONE');
    expect((await c.post('/api/v3/bind-phone', { phoneNumber: phone, passCode: bindCode }, headers)).status).toBe(200);
    const mailCode = await emailCode(email, 'CHANNEL_BIND_EMAIL');
    expect((await c.post('/api/v3/bind-email', { email, passCode: mailCode }, headers)).status).toBe(200);
    return { username, phone, email };
  }

  test('by phone code: token with expiry, the new (RSA-encrypted) password signs in, the old one does not', async () => {
    const u = await newUser();
    const passCode = await smsCode(u.phone, 'CHANNEL_RESET_PASSWORD');
    const r = await verify({ verifyMethod: 'PHONE_PASSCODE', phonePassCodePayload: { phoneNumber: u.phone, passCode } });
    expect(r.status).toBe(200);
    expect(r.json.data).toEqual({ passwordResetToken: expect.any(String), tokenExpiresIn: 300 });
    const password = rsaEncrypt(await publicKey(), 'New@12345');
    const done = await reset({ password, passwordResetToken: r.json.data.passwordResetToken, passwordEncryptType: 'rsa' }, ZH);
    expect(done.status).toBe(200);
    expect(done.json).toMatchObject({ statusCode: 200, message: '密码重置成功', data: { success: true } });
    expect((await c.passwordLogin({ account: u.username, password: 'New@12345' })).status).toBe(200);
    expect((await c.passwordLogin({ account: u.username, password: 'Old@12345' })).json.apiCode).toBe(2333);
  });

  test('by email code; the token cannot be used twice', async () => {
    const u = await newUser();
    const passCode = await emailCode(u.email, 'CHANNEL_RESET_PASSWORD');
    const r = await verify({ verifyMethod: 'EMAIL_PASSCODE', emailPassCodePayload: { email: u.email, passCode } });
    const passwordResetToken = r.json.data.passwordResetToken;
    expect((await reset({ password: 'Mail@12345', passwordResetToken })).status).toBe(200);
    const twice = await reset({ password: 'Other@12345', passwordResetToken });
    expect(twice.status).toBe(400);
    expect(twice.json.apiCode).toBe(2030);
    expect((await c.passwordLogin({ email: u.email, password: 'Mail@12345' })).status).toBe(200);
    expect((await c.passwordLogin({ email: u.email, password: 'Other@12345' })).json.apiCode).toBe(2333);
  });

  test('an expired token is refused; a policy failure does not burn the token', async () => {
    const u = await newUser();
    const passCode = await smsCode(u.phone, 'CHANNEL_RESET_PASSWORD');
    const { passwordResetToken } = (await verify({ verifyMethod: 'PHONE_PASSCODE', phonePassCodePayload: { phoneNumber: u.phone, passCode } })).json.data;
    const weak = await reset({ password: '123', passwordResetToken }, EN);
    expect(weak.json).toMatchObject({ apiCode: 2103, message: 'password must be 6-64 characters' });
    await c.advanceClock(301 * 1000);
    try {
      const late = await reset({ password: 'Late@12345', passwordResetToken });
      expect(late.json.apiCode).toBe(2030);
      expect(late.json.message).toMatch(/expired|过期/);
    } finally {
      await c.advanceClock(-301 * 1000);
    }
  });

  test('a wrong or login-channel code gets 2001; an unknown account gets 2004 only with a valid code', async () => {
    const u = await newUser();
    const wrong = await verify({ verifyMethod: 'PHONE_PASSCODE', phonePassCodePayload: { phoneNumber: u.phone, passCode: '000000' } });
    expect(wrong.json.apiCode).toBe(2001);
    const loginCode = await smsCode(u.phone, 'CHANNEL_LOGIN');
    expect((await verify({ verifyMethod: 'PHONE_PASSCODE', phonePassCodePayload: { phoneNumber: u.phone, passCode: loginCode } })).json.apiCode).toBe(2001);
    const stranger = newEmail();
    const code = await emailCode(stranger, 'CHANNEL_RESET_PASSWORD');
    const unknown = await verify({ verifyMethod: 'EMAIL_PASSCODE', emailPassCodePayload: { email: stranger, passCode: code } }, EN);
    expect(unknown.json).toMatchObject({ apiCode: 2004, message: 'User not found' });
    expect((await verify({ verifyMethod: 'PASSWORD' }, EN)).json).toMatchObject({ apiCode: 1002, message: expect.stringMatching(/PASSWORD/) });
  });
});
