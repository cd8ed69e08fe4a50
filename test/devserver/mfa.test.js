/** @jest-environment node */
// MFA at login over HTTP: the MFA-required answer of /api/v3/signin for the seeded demo users, the
// V2 verify endpoints with `Authorization: Bearer <mfaToken>`, SMS / email / TOTP / recovery codes,
// the mfaToken's lifetime and single use, and the TOTP implementation against RFC 6238.
const { DEMO, useServer, start, client, jwtPayload } = require('./helpers');
const { totp, hotp, base32Encode, base32Decode } = require('../../devserver/totp');

const c = useServer();
const EN = { 'x-authing-lang': 'en-US' };
const ZH = { 'x-authing-lang': 'zh-CN' };
const MFA_SMS = { username: 'mfa-sms', phone: '13800000101', email: 'mfa-sms@example.com' };

const bearer = (mfaToken) => ({ ...c.A, ...c.U, authorization: `Bearer ${mfaToken}` });
async function challenge(username, cl = c, headers = {}) {
  const r = await cl.post('/api/v3/signin', { connection: 'PASSWORD', passwordPayload: { account: username, password: DEMO.password } }, { ...cl.A, ...headers });
  expect(r.status).toBe(200);
  return r.json;
}
const policy = async (username) => (await c.get(`/__dev/mfa?username=${username}`)).json;
// One send per phone per sendCooldown whatever the channel: step the server clock past it first.
async function mfaSmsCode(cl = c) {
  await cl.advanceClock(cl.srv.config.sendCooldown * 1000);
  expect((await cl.post('/api/v3/send-sms', { phoneNumber: MFA_SMS.phone, channel: 'CHANNEL_VERIFY_MFA' }, cl.U)).status).toBe(200);
  return (await cl.get(`/__dev/sms/latest?phone=${MFA_SMS.phone}&channel=CHANNEL_VERIFY_MFA`)).json.code;
}

describe('TOTP (RFC 6238 / RFC 4226)', () => {
  test('matches the RFC 6238 SHA-1 test vectors (last 6 digits) and RFC 4226 HOTP values', () => {
    const secret = base32Encode(Buffer.from('12345678901234567890'));
    expect(totp(secret, 59 * 1000)).toBe('287082');
    expect(totp(secret, 1111111109 * 1000)).toBe('081804');
    expect(totp(secret, 1234567890 * 1000)).toBe('005924');
    expect(totp(secret, 2000000000 * 1000)).toBe('279037');
    expect(hotp(Buffer.from('12345678901234567890'), 0)).toBe('755224');
    expect(hotp(Buffer.from('12345678901234567890'), 9)).toBe('520489');
    expect(base32Decode(secret.toLowerCase()).toString()).toBe('12345678901234567890');
  });
});

describe('MFA-required answer', () => {
  test('the SMS user: 1636 in apiCode and statusCode, factors in order, contacts and a short-lived mfaToken', async () => {
    const json = await challenge('mfa-sms', c, ZH);
    expect(json).toMatchObject({ statusCode: 1636, apiCode: 1636, message: '请完成多因素认证' });
    const d = json.data;
    expect(d.applicationMfa).toEqual([{ mfaPolicy: 'SMS', status: 1, sort: 1 }, { mfaPolicy: 'EMAIL', status: 1, sort: 2 }]);
    expect(d).toMatchObject({ mfaPhone: MFA_SMS.phone, mfaPhoneCountryCode: '+86', mfaEmail: MFA_SMS.email, totpMfaEnabled: false });
    expect(d).not.toHaveProperty('access_token');
    const claims = jwtPayload(d.mfaToken);
    expect(claims.exp - claims.iat).toBe(360);
    expect(claims.data).toMatchObject({ userId: expect.any(String), stage: 1 });
  });

  test('the TOTP user answers 1635 (personal MFA), in the request language; a PASSCODE sign-in is challenged too', async () => {
    const r = await c.passwordLogin({ account: 'mfa-totp', password: DEMO.password }, {});
    expect(r.json).toMatchObject({ apiCode: 1635, data: { totpMfaEnabled: true, applicationMfa: [{ mfaPolicy: 'OTP' }] } });
    const en = await c.post('/api/v3/signin', { connection: 'PASSWORD', passwordPayload: { account: 'mfa-totp', password: DEMO.password } }, { ...c.A, ...EN });
    expect(en.json.message).toBe('Multi-factor authentication required');
    expect((await c.post('/api/v3/send-sms', { phoneNumber: MFA_SMS.phone, channel: 'CHANNEL_LOGIN' }, c.U)).status).toBe(200);
    const passCode = (await c.get(`/__dev/sms/latest?phone=${MFA_SMS.phone}&channel=CHANNEL_LOGIN`)).json.code;
    const byCode = await c.post('/api/v3/signin', { connection: 'PASSCODE', passCodePayload: { phone: MFA_SMS.phone, passCode } }, c.A);
    expect(byCode.json.apiCode).toBe(1636);
  });

  test('a user without MFA still signs in directly; a wrong password is refused before any MFA', async () => {
    expect((await c.passwordLogin({ account: DEMO.username, password: DEMO.password })).json.data.access_token).toEqual(expect.any(String));
    expect((await c.passwordLogin({ account: 'mfa-sms', password: 'wrong-password' })).json.apiCode).toBe(2333);
  });

  test('mfaCodeField puts the code only where configured', async () => {
    for (const [field, expected] of [['apiCode', { statusCode: 403, apiCode: 1636 }], ['statusCode', { statusCode: 1636 }]]) {
      const srv = await start({ mfaCodeField: field });
      try {
        const json = await challenge('mfa-sms', client(srv));
        expect(json).toMatchObject(expected);
        if (field === 'statusCode') expect(json).not.toHaveProperty('apiCode');
      } finally {
        await srv.close();
      }
    }
  });
});

describe('V2 verify endpoints with Bearer mfaToken', () => {
  test('SMS: a wrong code is refused, the right one answers a V2 user with a working token; the mfaToken is then used up', async () => {
    const { mfaToken } = (await challenge('mfa-sms')).data;
    const code = await mfaSmsCode();
    const wrong = await c.post('/api/v2/applications/mfa/sms/verify', { phone: MFA_SMS.phone, code: code === '000000' ? '111111' : '000000' }, bearer(mfaToken));
    expect(wrong.status).toBe(400);
    expect(wrong.json).toMatchObject({ code: 2001, apiCode: 2001, statusCode: 400 });
    const ok = await c.post('/api/v2/applications/mfa/sms/verify', { phone: MFA_SMS.phone, code }, bearer(mfaToken));
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ code: 200, statusCode: 200, data: { username: 'mfa-sms', token: expect.any(String), tokenExpiredAt: expect.any(String) } });
    const profile = await c.profile(ok.json.data.token);
    expect(profile.json.data.username).toBe('mfa-sms');
    const reuse = await c.post('/api/v2/applications/mfa/sms/verify', { phone: MFA_SMS.phone, code }, bearer(mfaToken));
    expect(reuse.json).toMatchObject({ apiCode: 2021, statusCode: 401 });
  });

  test('email: code sent through V2 /api/v2/email/send (scene MFA_VERIFY_CODE) verifies; another email is refused', async () => {
    const { mfaToken } = (await challenge('mfa-sms')).data;
    expect((await c.post('/api/v2/email/send', { email: MFA_SMS.email, scene: 'MFA_VERIFY_CODE' }, c.U)).json).toMatchObject({ code: 200 });
    const code = (await c.get(`/__dev/email/latest?email=${MFA_SMS.email}&channel=CHANNEL_VERIFY_MFA`)).json.code;
    const other = await c.post('/api/v2/applications/mfa/email/verify', { email: DEMO.email, code }, { ...bearer(mfaToken), ...EN });
    expect(other.json).toMatchObject({ apiCode: 2031, message: 'This is not the account\'s MFA email' });
    const ok = await c.post('/api/v2/applications/mfa/email/verify', { email: MFA_SMS.email, code }, bearer(mfaToken));
    expect(ok.json.data.token).toEqual(expect.any(String));
    expect((await c.post('/api/v2/email/send', { email: MFA_SMS.email, scene: 'NOPE' }, c.U)).json.apiCode).toBe(3102);
  });

  test('TOTP: a code computed from the secret signs in, a wrong one gets 6001; TOTP is refused for the SMS user', async () => {
    const secret = (await policy('mfa-totp')).totpSecret;
    expect(secret).toBe(c.srv.config.demoTotpSecret);
    const { mfaToken } = (await challenge('mfa-totp')).data;
    const now = c.srv.now();
    const right = totp(secret, now);
    const wrong = await c.post('/api/v2/mfa/totp/verify', { totp: right === '123456' ? '654321' : '123456' }, { ...bearer(mfaToken), ...EN });
    expect(wrong.json).toMatchObject({ code: 6001, message: 'The authenticator code is incorrect' });
    const ok = await c.post('/api/v2/mfa/totp/verify', { totp: totp(secret, c.srv.now()) }, bearer(mfaToken));
    expect(ok.json).toMatchObject({ code: 200, data: { username: 'mfa-totp' } });
    const smsToken = (await challenge('mfa-sms')).data.mfaToken;
    const refused = await c.post('/api/v2/applications/mfa/totp/verify', { totp: right }, bearer(smsToken));
    expect(refused.json.apiCode).toBe(6005);
  });

  test('recovery code: works once, not twice', async () => {
    const code = (await policy('mfa-totp')).recoveryCodes[0].code;
    const first = (await challenge('mfa-totp')).data.mfaToken;
    expect((await c.post('/api/v2/mfa/totp/recovery', { recoveryCode: code }, bearer(first))).json.code).toBe(200);
    expect((await policy('mfa-totp')).recoveryCodes[0].used).toBe(true);
    const second = (await challenge('mfa-totp')).data.mfaToken;
    const again = await c.post('/api/v2/applications/mfa/totp/recovery', { recoveryCode: code }, bearer(second));
    expect(again.json).toMatchObject({ code: 6002, apiCode: 6002 });
  });

  test('an expired, forged or missing mfaToken is refused with a message', async () => {
    const { mfaToken } = (await challenge('mfa-totp')).data;
    await c.advanceClock(361 * 1000);
    try {
      const late = await c.post('/api/v2/mfa/totp/verify', { totp: '123456' }, { ...bearer(mfaToken), ...EN });
      expect(late.status).toBe(401);
      expect(late.json).toMatchObject({ apiCode: 2021, message: 'The MFA step timed out, please log in again' });
    } finally {
      await c.advanceClock(-361 * 1000);
    }
    const access = await c.loginDemo();
    expect((await c.post('/api/v2/mfa/totp/verify', { totp: '123456' }, bearer(access.access_token))).json.apiCode).toBe(2023);
    expect((await c.post('/api/v2/mfa/totp/verify', { totp: '123456' }, c.A)).json).toMatchObject({ apiCode: 2020, message: expect.stringMatching(/MFA/) });
  });

  test('v2StatusCode: false answers the older V2 shape: HTTP 200 and only `code`', async () => {
    const srv = await start({ v2StatusCode: false });
    try {
      const old = client(srv);
      const { mfaToken } = (await challenge('mfa-totp', old)).data;
      const wrong = await old.post('/api/v2/mfa/totp/verify', { totp: 'abcdef' }, { ...old.A, ...ZH, authorization: `Bearer ${mfaToken}` });
      expect(wrong.status).toBe(200);
      expect(wrong.json).toEqual({ code: 6001, message: '动态口令错误', requestId: expect.any(String), data: null });
      const ok = await old.post('/api/v2/mfa/totp/verify', { totp: totp(srv.config.demoTotpSecret, srv.now()) }, { ...old.A, authorization: `Bearer ${mfaToken}` });
      expect(ok.json).toMatchObject({ code: 200, data: { token: expect.any(String) } });
      expect(ok.json).not.toHaveProperty('statusCode');
    } finally {
      await srv.close();
    }
  });

  test('/__dev/mfa sets a policy on any user', async () => {
    const set = await c.post('/__dev/mfa', { username: DEMO.username, factors: ['OTP'] });
    expect(set.json).toMatchObject({ factors: ['OTP'], totpSecret: expect.stringMatching(/^[A-Z2-7]{32}$/), recoveryCodes: expect.any(Array) });
    expect((await challenge(DEMO.username)).apiCode).toBe(1635);
    await c.post('/__dev/mfa', { username: DEMO.username, factors: [] });
    expect((await c.passwordLogin({ account: DEMO.username, password: DEMO.password })).json.statusCode).toBe(200);
    expect((await c.post('/__dev/mfa', { username: DEMO.username, factors: ['FACE'] })).status).toBe(400);
  });
});
