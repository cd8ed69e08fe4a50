// signUp, verifyResetPasswordRequest / resetPassword and getCaptchaCode through the built client,
// over HTTP against an isolated devserver: wire format (path, headers, body, encryption), the
// server's messages in place, validation with zero requests, and single-use reset tokens.
const { core, bareClient, encryptRsa, encryptSm2, DEMO, setup, bodyOf, expectSdkHeaders, expectContractHeaders, expectReadableError } = require('./support');
const journey = require('../../miniprogram_dist/journey');

let t;
beforeAll(async () => { t = await setup(); });
afterAll(() => t.close());
beforeEach(() => { t.mark(); t.wx.clearStorageSync(); });

let seq = 0;
const newPhone = () => `136${String(30000000 + ++seq).slice(-8)}`;
const newEmail = () => `core-journey-${++seq}@example.com`;

// The devserver allows one code per phone / email per minute whatever the channel (as Authing):
// every send first moves the server clock past that minute.
const pastCooldown = () => t.advanceClock(t.config.sendCooldown * 1000);

async function smsCode(client, phoneNumber, channel) {
  await pastCooldown();
  const [err] = await client.sendSms({ phoneNumber, channel });
  expect(err).toBeNull();
  return (await t.dev.get(`/__dev/sms/latest?${new URLSearchParams({ phone: phoneNumber, channel })}`)).code;
}
async function emailCode(client, email, channel) {
  await pastCooldown();
  const [err] = await client.sendEmailCode({ email, channel });
  expect(err).toBeNull();
  return (await t.dev.get(`/__dev/email/latest?${new URLSearchParams({ email, channel })}`)).code;
}

describe('signUp', () => {
  test('by username + RSA-encrypted password with profile fields: the user, no stored state; login with it works', async () => {
    const client = t.client({ encryptFunction: encryptRsa });
    const username = `core-signup-${++seq}`;
    const [err, user] = await client.signUp({
      connection: 'PASSWORD',
      passwordPayload: { username, password: 'Signup@123' },
      profile: { nickname: 'Newbie', gender: 'M' },
      options: { passwordEncryptType: 'rsa' },
    });
    expect(err).toBeNull();
    expect(user).toMatchObject({ userId: expect.any(String), username, nickname: 'Newbie', gender: 'M' });
    const [sent] = t.sent('/api/v3/signup');
    expectSdkHeaders(sent);
    expectContractHeaders(sent, { A: true, U: true }, t.config);
    const body = bodyOf(sent);
    expect(body).toMatchObject({ connection: 'PASSWORD', passwordPayload: { username }, options: { passwordEncryptType: 'rsa' }, profile: { nickname: 'Newbie', gender: 'M' } });
    expect(body.passwordPayload.password).not.toBe('Signup@123');
    expect(t.stored()).toBeUndefined();
    const [loginErr] = await client.loginByPassword({ passwordPayload: { account: username, password: 'Signup@123' } });
    expect(loginErr).toBeNull();
  });

  test('by phone code (CHANNEL_REGISTER) with an SM2-encrypted passwordForPhonePassCode', async () => {
    const client = t.client({ encryptFunction: encryptSm2 });
    const phone = newPhone();
    const passCode = await smsCode(client, phone, 'CHANNEL_REGISTER');
    const [err, user] = await client.signUp({
      connection: 'PASSCODE', passCodePayload: { phone, passCode }, options: { passwordForPhonePassCode: 'Phone@123', passwordEncryptType: 'sm2' },
    });
    expect(err).toBeNull();
    expect(user).toMatchObject({ phone, phoneVerified: true });
    const body = bodyOf(t.sent('/api/v3/signup')[0]);
    expect(body.passCodePayload).toEqual({ phone, phoneCountryCode: '+86', passCode });
    expect(body.options.passwordForPhonePassCode).not.toBe('Phone@123');
    const [loginErr] = await client.loginByPassword({ passwordPayload: { phone, password: 'Phone@123' } });
    expect(loginErr).toBeNull();
  });

  test('by email code; a duplicate and a wrong code come back as the server\'s message, in the client language', async () => {
    const client = t.client({ lang: 'en-US' });
    const email = newEmail();
    const [wrongErr] = await client.signUp({ connection: 'PASSCODE', passCodePayload: { email, passCode: '000000' } });
    expectReadableError(wrongErr, 'server');
    expect(wrongErr.apiCode).toBe(2001);
    const passCode = await emailCode(client, email, 'CHANNEL_REGISTER');
    const [err, user] = await client.signUp({ connection: 'PASSCODE', passCodePayload: { email, passCode } });
    expect(err).toBeNull();
    expect(user.email).toBe(email);
    const [dupErr] = await client.signUp({ connection: 'PASSWORD', passwordPayload: { email, password: 'Signup@123' } });
    expect(dupErr).toMatchObject({ code: 'server', apiCode: 2026, message: `email already exists: ${email}` });
    const [dupUser] = await t.client().signUp({ connection: 'PASSWORD', passwordPayload: { username: DEMO.username, password: 'Signup@123' } });
    expect(dupUser).toMatchObject({ apiCode: 2026, message: `用户名已存在：${DEMO.username}` });
  });

  test('profile.phone travels with its completion code (CHANNEL_COMPLETE_PHONE) in options', async () => {
    const client = t.client();
    const phone = newPhone();
    const code = await smsCode(client, phone, 'CHANNEL_COMPLETE_PHONE');
    t.mark();
    const username = `core-complete-${++seq}`;
    const [err, user] = await client.signUp({
      connection: 'PASSWORD', passwordPayload: { username, password: 'Signup@123' },
      profile: { phone, givenName: 'Ada', nickname: 'A' }, options: { phonePassCodeForInformationCompletion: code },
    });
    expect(err).toBeNull();
    expect(user).toMatchObject({ username, phone, phoneVerified: true, nickname: 'A' });
    expect(bodyOf(t.sent('/api/v3/signup')[0])).toMatchObject({
      profile: { phone, givenName: 'Ada', nickname: 'A' }, options: { phonePassCodeForInformationCompletion: code },
    });
  });

  test('bad input is refused before any request, with the localized policy message', async () => {
    const zh = t.client();
    const en = t.client({ lang: 'en-US' });
    const cases = [
      [zh, { connection: 'PASSWORD', passwordPayload: { username: 'someone', password: '123' } }, '密码长度应为 6-64 位'],
      [en, { connection: 'PASSWORD', passwordPayload: { username: 'someone', password: '123' } }, 'Password must be 6-64 characters'],
      [en, { connection: 'PASSWORD', passwordPayload: { password: 'Signup@123' } }, 'Please enter your username'],
      [en, { connection: 'PASSWORD', passwordPayload: { email: 'not-an-email', password: 'Signup@123' } }, 'Please enter a valid email address'],
      [en, { connection: 'PASSCODE', passCodePayload: { phone: '123', passCode: '123456' } }, 'Please enter a valid phone number'],
      [en, { connection: 'PASSCODE', passCodePayload: { phone: newPhone(), passCode: '12' } }, 'Please enter the 6-digit code'],
      [en, { connection: 'PASSCODE', passCodePayload: { phone: newPhone(), passCode: '123456' }, options: { passwordForPhonePassCode: 'x' } }, 'Password must be 6-64 characters'],
      [en, { connection: 'WECHAT' }, 'Invalid argument: connection'],
      [en, { connection: 'PASSWORD', passwordPayload: { username: 'a', password: 'Signup@123' }, profile: { gender: 'X' } }, 'Gender must be male, female or unknown'],
      [en, { connection: 'PASSWORD', passwordPayload: { username: 'a', password: 'Signup@123' }, profile: { phone: newPhone() } }, 'Please enter your verification code'],
      [en, { connection: 'PASSWORD', passwordPayload: { username: 'a', password: 'Signup@123' }, options: { passwordEncryptType: 'aes' } }, 'Unsupported password encryption: aes'],
      [en, undefined, 'Invalid argument: connection'],
    ];
    for (const [client, data, message] of cases) {
      const [err, value] = await client.signUp(data);
      expect(value).toBeUndefined();
      expect(err).toMatchObject({ code: 'invalid_argument', message });
    }
    expect(t.sent()).toHaveLength(0);
  });

  test('encryption without an encryptor fails before the request', async () => {
    const [err] = await bareClient(t, ['journey']).signUp({ connection: 'PASSWORD', passwordPayload: { username: 'x1', password: 'Signup@123' }, options: { passwordEncryptType: 'rsa' } });
    expectReadableError(err, 'encrypt');
    expect(t.sent('/api/v3/signup')).toHaveLength(0);
  });
});

describe('forgot password', () => {
  /** A fresh account with a password, a phone and an email. */
  async function account(client) {
    const phone = newPhone();
    const passCode = await smsCode(client, phone, 'CHANNEL_REGISTER');
    const [err, user] = await client.signUp({ connection: 'PASSCODE', passCodePayload: { phone, passCode }, options: { passwordForPhonePassCode: 'Old@12345' } });
    expect(err).toBeNull();
    t.mark();
    return { phone, userId: user.userId };
  }

  test('by phone code, then login with the new (RSA-encrypted) password; the token cannot be used twice', async () => {
    const client = t.client({ encryptFunction: encryptRsa });
    const { phone } = await account(client);
    const passCode = await smsCode(client, phone, 'CHANNEL_RESET_PASSWORD');
    const [err, req] = await client.verifyResetPasswordRequest({ verifyMethod: 'PHONE_PASSCODE', phonePassCodePayload: { phoneNumber: phone, passCode } });
    expect(err).toBeNull();
    expect(req).toEqual({ passwordResetToken: expect.any(String), tokenExpiresIn: 300 });
    const [sent] = t.sent('/api/v3/verify-reset-password-request');
    expectContractHeaders(sent, { A: true, U: true }, t.config);
    expect(bodyOf(sent)).toEqual({ verifyMethod: 'PHONE_PASSCODE', phonePassCodePayload: { phoneNumber: phone, passCode } });

    const [resetErr, done] = await client.resetPassword({ password: 'New@12345', passwordResetToken: req.passwordResetToken, passwordEncryptType: 'rsa' });
    expect(resetErr).toBeNull();
    expect(done).toEqual({ success: true });
    const resetBody = bodyOf(t.sent('/api/v3/reset-password')[0]);
    expect(resetBody).toMatchObject({ passwordResetToken: req.passwordResetToken, passwordEncryptType: 'rsa' });
    expect(resetBody.password).not.toBe('New@12345');

    const [twiceErr] = await client.resetPassword({ password: 'Again@12345', passwordResetToken: req.passwordResetToken });
    expectReadableError(twiceErr, 'server');
    expect(twiceErr.apiCode).toBe(2030);
    const [loginErr] = await client.loginByPassword({ passwordPayload: { phone, password: 'New@12345' } });
    expect(loginErr).toBeNull();
    const [oldErr] = await client.loginByPassword({ passwordPayload: { phone, password: 'Old@12345' } });
    expect(oldErr.apiCode).toBe(2333);
  });

  test('by email code, then login with the new password', async () => {
    const client = t.client();
    const email = newEmail();
    const username = `core-reset-${++seq}`;
    const [signErr] = await client.signUp({ connection: 'PASSWORD', passwordPayload: { username, email, password: 'Old@12345' } });
    expect(signErr).toBeNull();
    const passCode = await emailCode(client, email, 'CHANNEL_RESET_PASSWORD');
    const [err, req] = await client.verifyResetPasswordRequest({ verifyMethod: 'EMAIL_PASSCODE', emailPassCodePayload: { email, passCode } });
    expect(err).toBeNull();
    const [resetErr] = await client.resetPassword({ password: 'Mail@12345', passwordResetToken: req.passwordResetToken });
    expect(resetErr).toBeNull();
    const [loginErr, state] = await client.loginByPassword({ passwordPayload: { account: username, password: 'Mail@12345' } });
    expect(loginErr).toBeNull();
    expect(state.access_token).toEqual(expect.any(String));
  });

  test('a wrong code shows the server message; bad input is refused before any request', async () => {
    const client = t.client({ lang: 'en-US' });
    const [wrong] = await client.verifyResetPasswordRequest({ verifyMethod: 'EMAIL_PASSCODE', emailPassCodePayload: { email: newEmail(), passCode: '000000' } });
    expectReadableError(wrong, 'server');
    expect(wrong.apiCode).toBe(2001);
    t.mark();
    const bad = [
      [client.verifyResetPasswordRequest({ verifyMethod: 'PASSWORD' }), 'Unsupported verification method: PASSWORD'],
      [client.verifyResetPasswordRequest({ verifyMethod: 'PHONE_PASSCODE', phonePassCodePayload: { phoneNumber: '12', passCode: '123456' } }), 'Please enter a valid phone number'],
      [client.verifyResetPasswordRequest({ verifyMethod: 'EMAIL_PASSCODE' }), 'Please enter your email'],
      [client.resetPassword({ password: 'short', passwordResetToken: 'abc' }), 'Password must be 6-64 characters'],
      [client.resetPassword({ password: 'Long@12345', passwordResetToken: ' ' }), 'Invalid argument: passwordResetToken'],
      [client.resetPassword({ password: 'Long@12345', passwordResetToken: 'abc', passwordEncryptType: 'md5' }), 'Unsupported password encryption: md5'],
    ];
    for (const [promise, message] of bad) expect((await promise)[0]).toMatchObject({ code: 'invalid_argument', message });
    expect(t.sent()).toHaveLength(0);
  });
});

describe('getCaptchaCode', () => {
  test('after captchaAfter wrong passwords: the image and token, and a sign-in with them gets in', async () => {
    const client = t.client({ lang: 'en-US' });
    const username = `core-captcha-${++seq}`;
    const [signErr] = await client.signUp({ connection: 'PASSWORD', passwordPayload: { username, password: 'Right@12345' } });
    expect(signErr).toBeNull();
    for (let i = 0; i < t.config.captchaAfter; i++) {
      const [wrongErr] = await client.loginByPassword({ passwordPayload: { username, password: 'Wrong@12345' } });
      expect(wrongErr.apiCode).toBe(2333);
    }
    const [askedErr] = await client.loginByPassword({ passwordPayload: { username, password: 'Right@12345' } });
    expect(askedErr).toMatchObject({ code: 'server', apiCode: 2000 });

    t.mark();
    const [err, captcha] = await client.getCaptchaCode();
    expect(err).toBeNull();
    expect(captcha).toEqual({ captchaCodeSvg: expect.stringMatching(/^<svg[\s\S]*<\/svg>$/), captchaToken: expect.any(String) });
    const [sent] = t.sent('/api/v3/get-captcha-code');
    expect(sent.method).toBe('GET');
    expectContractHeaders(sent, { A: true, U: true }, t.config);
    const { code } = await t.dev.get(`/__dev/captcha?token=${encodeURIComponent(captcha.captchaToken)}`);

    const [loginErr, state] = await client.loginByPassword({
      passwordPayload: { username, password: 'Right@12345' }, options: { captchaCode: code, captchaToken: captcha.captchaToken },
    });
    expect(loginErr).toBeNull();
    expect(state.access_token).toEqual(expect.any(String));
    expect(bodyOf(t.sent('/api/v3/signin')[0]).options).toMatchObject({ captchaCode: code, captchaToken: captcha.captchaToken });
  });

  test('an error envelope or an empty answer gives a readable [error], never a throw; GET with headers A + U', async () => {
    await t.fault({ path: '/api/v3/get-captcha-code', kind: 'envelope', status: 500, body: 'captcha service down' });
    const [err, data] = await t.client().getCaptchaCode();
    expect(data).toBeUndefined();
    expect(err).toMatchObject({ code: 'server', message: 'captcha service down', statusCode: 500 });
    const [sent] = t.sent('/api/v3/get-captcha-code');
    expect(sent.method).toBe('GET');
    expectSdkHeaders(sent);
    expectContractHeaders(sent, { A: true, U: true }, t.config);
    await t.fault({ path: '/api/v3/get-captcha-code', kind: 'empty' });
    const [emptyErr] = await t.client({ lang: 'en-US' }).getCaptchaCode();
    expectReadableError(emptyErr, 'bad_response');
  });

  test('captchaImageSrc makes a data URI that decodes back to the SVG', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><text>AB#&</text></svg>';
    const src = journey.captchaImageSrc(svg);
    expect(src.startsWith('data:image/svg+xml;charset=utf-8,')).toBe(true);
    expect(decodeURIComponent(src.slice(src.indexOf(',') + 1))).toBe(svg);
  });
});
