// MFA at login and binding a phone after a WeChat login, through the built client over HTTP against
// an isolated devserver: the MFA-required error and its challenge, the V2 verify calls with
// `Authorization: Bearer <mfaToken>`, the stored login state afterwards, TOTP from the secret,
// recovery codes once, an expired mfaToken, and the taken-phone message.
const crypto = require('crypto');
const { core, encryptRsa, DEMO, setup, bodyOf, expectSdkHeaders, expectContractHeaders, expectReadableError } = require('./support');
const journey = require('../../miniprogram_dist/journey');
const { startDevServer } = require('../helpers/server');
const { totpCode } = require('../helpers/totp');

let t;
beforeAll(async () => { t = await setup(); });
afterAll(() => t.close());
beforeEach(() => { t.mark(); t.wx.clearStorageSync(); });

const MFA_SMS = { username: 'mfa-sms', phone: '13800000101', email: 'mfa-sms@example.com' };

async function mfaChallengeOf(client, account) {
  const [err, state] = await client.loginByPassword({ passwordPayload: { account, password: DEMO.password } });
  expect(state).toBeUndefined();
  expectReadableError(err, 'server');
  const challenge = journey.readMfaChallenge(err);
  expect(challenge).not.toBeNull();
  return { err, challenge };
}

describe('MFA at login', () => {
  test('SMS user: the login fails with the challenge; a wrong code is refused, the right one stores a login state', async () => {
    const client = t.client();
    const { err, challenge } = await mfaChallengeOf(client, MFA_SMS.username);
    expect(err).toMatchObject({ apiCode: 1636, statusCode: 1636, message: '请完成多因素认证' });
    expect(challenge).toMatchObject({
      code: 1636, factors: [{ type: 'SMS', sort: 1 }, { type: 'EMAIL', sort: 2 }], recoveryCodeAllowed: false,
      phone: MFA_SMS.phone, phoneCountryCode: '+86', email: MFA_SMS.email, username: 'mfa-sms', mfaToken: expect.any(String),
    });
    expect(t.stored()).toBeUndefined();

    t.mark();
    const [sendErr] = await client.sendMfaSms({ phoneNumber: challenge.phone, phoneCountryCode: challenge.phoneCountryCode });
    expect(sendErr).toBeNull();
    expect(bodyOf(t.sent('/api/v3/send-sms')[0])).toEqual({ phoneNumber: MFA_SMS.phone, phoneCountryCode: '+86', channel: 'CHANNEL_VERIFY_MFA' });
    const code = await t.dev.smsCode(MFA_SMS.phone, 'CHANNEL_VERIFY_MFA');

    const [wrongErr, wrongState] = await client.verifyMfaSms({ mfaToken: challenge.mfaToken, phone: challenge.phone, code: code === '000000' ? '111111' : '000000' });
    expect(wrongState).toBeUndefined();
    expectReadableError(wrongErr, 'server');
    expect(wrongErr.apiCode).toBe(2001);
    expect(t.stored()).toBeUndefined();

    t.mark();
    const [okErr, state] = await client.verifyMfaSms({ mfaToken: challenge.mfaToken, phone: challenge.phone, code, phoneCountryCode: '+86' });
    expect(okErr).toBeNull();
    expect(state).toMatchObject({ access_token: expect.any(String), token_type: 'Bearer', expires_in: expect.any(Number), expires_at: expect.any(Number) });
    const [sent] = t.sent('/api/v2/applications/mfa/sms/verify');
    expectSdkHeaders(sent);
    expectContractHeaders(sent, { A: true, U: true, T: `Bearer ${challenge.mfaToken}` }, t.config);
    expect(bodyOf(sent)).toEqual({ phone: MFA_SMS.phone, code, phoneCountryCode: '+86' });
    const [, stored] = await client.getLoginState();
    expect(stored.access_token).toBe(state.access_token);
    const [profileErr, me] = await client.getUserInfo();
    expect(profileErr).toBeNull();
    expect(me.username).toBe('mfa-sms');
  });

  test('email factor: code via V2 /api/v2/email/send, verify stores the state', async () => {
    const client = t.client({ encryptFunction: encryptRsa });
    const [err] = await client.loginByPassword({ passwordPayload: { account: MFA_SMS.username, password: DEMO.password }, options: { passwordEncryptType: 'rsa' } });
    const challenge = journey.readMfaChallenge(err);
    t.mark();
    const [sendErr] = await client.sendMfaEmail({ email: challenge.email });
    expect(sendErr).toBeNull();
    const [sent] = t.sent('/api/v2/email/send');
    expectContractHeaders(sent, { U: true }, t.config);
    expect(bodyOf(sent)).toEqual({ email: MFA_SMS.email, scene: 'MFA_VERIFY_CODE' });
    const code = await t.dev.emailCode(MFA_SMS.email, 'CHANNEL_VERIFY_MFA');
    const [verifyErr, state] = await client.verifyMfaEmail({ mfaToken: challenge.mfaToken, email: challenge.email, code });
    expect(verifyErr).toBeNull();
    expect(state.access_token).toEqual(expect.any(String));
  });

  test('TOTP user: a code computed from the printed secret logs in (1635, personal MFA)', async () => {
    const client = t.client({ lang: 'en-US' });
    const { err, challenge } = await mfaChallengeOf(client, 'mfa-totp');
    expect(err.message).toBe('Multi-factor authentication required');
    expect(challenge).toMatchObject({ code: 1635, factors: [{ type: 'OTP' }], recoveryCodeAllowed: true });
    const [wrongErr] = await client.verifyMfaTotp({ mfaToken: challenge.mfaToken, totp: '000000' === totpCode(t.config.demoTotpSecret, t.srv.now()) ? '111111' : '000000' });
    expect(wrongErr).toMatchObject({ code: 'server', apiCode: 6001, message: 'The authenticator code is incorrect' });
    t.mark();
    const [okErr, state] = await client.verifyMfaTotp({ mfaToken: challenge.mfaToken, totp: totpCode(t.config.demoTotpSecret, t.srv.now()) });
    expect(okErr).toBeNull();
    expect(state.access_token).toEqual(expect.any(String));
    expect(t.sent('/api/v2/mfa/totp/verify')).toHaveLength(1);
  });

  test('a recovery code logs in once, not twice', async () => {
    const client = t.client();
    const recoveryCode = (await t.dev.get('/__dev/mfa?username=mfa-totp')).recoveryCodes.find((c) => !c.used).code;
    const first = (await mfaChallengeOf(client, 'mfa-totp')).challenge;
    const [err, state] = await client.verifyMfaRecoveryCode({ mfaToken: first.mfaToken, recoveryCode });
    expect(err).toBeNull();
    expect(state.access_token).toEqual(expect.any(String));
    await client.clearLoginState();
    const second = (await mfaChallengeOf(client, 'mfa-totp')).challenge;
    const [againErr, againState] = await client.verifyMfaRecoveryCode({ mfaToken: second.mfaToken, recoveryCode });
    expect(againState).toBeUndefined();
    expect(againErr).toMatchObject({ code: 'server', apiCode: 6002 });
    expect(t.stored()).toBeUndefined();
  });

  test('an expired mfaToken is refused with the server message and stores nothing', async () => {
    const client = t.client({ lang: 'en-US' });
    const { challenge } = await mfaChallengeOf(client, 'mfa-totp');
    await t.advanceClock((t.config.mfaTokenTtl + 1) * 1000);
    try {
      const [err, state] = await client.verifyMfaTotp({ mfaToken: challenge.mfaToken, totp: totpCode(t.config.demoTotpSecret, t.srv.now()) });
      expect(state).toBeUndefined();
      expect(err).toMatchObject({ code: 'server', statusCode: 401, apiCode: 2021, message: 'The MFA step timed out, please log in again' });
    } finally {
      await t.advanceClock(-(t.config.mfaTokenTtl + 1) * 1000);
    }
    expect(t.stored()).toBeUndefined();
  });

  test('bad input is refused before any request', async () => {
    const client = t.client({ lang: 'en-US' });
    t.mark();
    const cases = [
      [client.verifyMfaSms({ mfaToken: '', phone: MFA_SMS.phone, code: '123456' }), 'Invalid argument: mfaToken'],
      [client.verifyMfaSms({ mfaToken: 'x', phone: '123', code: '123456' }), 'Please enter a valid phone number'],
      [client.verifyMfaEmail({ mfaToken: 'x', email: 'nope', code: '123456' }), 'Please enter a valid email address'],
      [client.verifyMfaTotp({ mfaToken: 'x', totp: '12ab56' }), 'Please enter the 6-digit code'],
      [client.verifyMfaRecoveryCode({ mfaToken: 'x', recoveryCode: ' ' }), 'Please enter your verification code'],
      [client.sendMfaSms({ phoneNumber: '1' }), 'Please enter a valid phone number'],
      [client.sendMfaEmail({ email: '' }), 'Please enter your email'],
      [client.verifyMfaTotp(undefined), 'Invalid argument: mfaToken'],
    ];
    for (const [promise, message] of cases) expect((await promise)[0]).toMatchObject({ code: 'invalid_argument', message });
    expect(t.sent()).toHaveLength(0);
  });
});

describe('readMfaChallenge and mfaLoginState (tolerant parsing)', () => {
  test('the code in statusCode only, or in apiCode only with another statusCode, is read', async () => {
    for (const field of ['statusCode', 'apiCode']) {
      const srv = await startDevServer({ mfaCodeField: field });
      try {
        const client = t.client({ host: srv.url });
        const [err] = await client.loginByPassword({ passwordPayload: { account: MFA_SMS.username, password: DEMO.password } });
        expect(journey.readMfaChallenge(err)).toMatchObject({ code: 1636, phone: MFA_SMS.phone });
      } finally {
        await srv.close();
      }
    }
  });

  test('an older V2 server (HTTP 200, only `code`): a wrong TOTP is an error with its code, the right one logs in', async () => {
    const srv = await startDevServer({ v2StatusCode: false });
    try {
      const client = t.client({ host: srv.url });
      const [err] = await client.loginByPassword({ passwordPayload: { account: 'mfa-totp', password: DEMO.password } });
      const { mfaToken } = journey.readMfaChallenge(err);
      const [wrongErr, wrongState] = await client.verifyMfaTotp({ mfaToken, totp: totpCode(srv.config.demoTotpSecret, srv.now() + 120000) });
      expect(wrongState).toBeUndefined();
      expect(wrongErr).toMatchObject({ code: 'server', apiCode: 6001, message: '动态口令错误', requestId: expect.any(String) });
      const [okErr, state] = await client.verifyMfaTotp({ mfaToken, totp: totpCode(srv.config.demoTotpSecret, srv.now()) });
      expect(okErr).toBeNull();
      expect(state.access_token).toEqual(expect.any(String));
    } finally {
      await srv.close();
    }
  });

  test('other errors, missing tokens and unknown factors', () => {
    expect(journey.readMfaChallenge({ code: 'server', message: 'x', apiCode: 2333, data: { mfaToken: 't' } })).toBeNull();
    expect(journey.readMfaChallenge({ code: 'server', message: 'x', apiCode: 1636 })).toBeNull();
    expect(journey.readMfaChallenge(null)).toBeNull();
    const c = journey.readMfaChallenge({
      code: 'server', message: 'x', statusCode: 1636,
      data: { mfaToken: 't', phone: '13800000000', applicationMfa: [{ mfaPolicy: 'FACE', status: 1, sort: 1 }, { mfaPolicy: 'EMAIL', status: 1, sort: 3 }, { mfaPolicy: 'SMS', status: 0, sort: 2 }], totpMfaEnabled: true },
    });
    expect(c.factors.map((f) => f.type)).toEqual(['EMAIL', 'OTP']);
    expect(c).toMatchObject({ phone: '13800000000', email: null, recoveryCodeAllowed: true });
  });

  test('mfaLoginState maps a V2 user (token + tokenExpiredAt) and keeps a V3 token set', () => {
    const now = Date.UTC(2026, 0, 1);
    expect(journey.mfaLoginState({ token: 'jwt', tokenExpiredAt: new Date(now + 7200 * 1000).toISOString(), username: 'u' }, now))
      .toEqual({ access_token: 'jwt', token_type: 'Bearer', expires_in: 7200 });
    expect(journey.mfaLoginState({ access_token: 'a', id_token: 'i', refresh_token: 'r', expires_in: 60, token: 'ignored' }, now))
      .toEqual({ access_token: 'a', id_token: 'i', refresh_token: 'r', token_type: 'Bearer', expires_in: 60 });
    expect(journey.mfaLoginState({ token: 'jwt', tokenExpiredAt: 'garbage' }, now)).toEqual({ access_token: 'jwt', token_type: 'Bearer' });
    expect(journey.mfaLoginState({ username: 'no token' }, now)).toBeUndefined();
  });
});

describe('binding a phone after a WeChat login', () => {
  async function phonelessWechatUser(client) {
    t.wx.__control.openid = `core-mfa-openid-${crypto.randomBytes(4).toString('hex')}`;
    const [err] = await client.loginByCode({ extIdpConnidentifier: t.config.wechatIdpIdentifier });
    expect(err).toBeNull();
    const [, me] = await client.getUserInfo();
    expect(me.phone).toBeNull();
  }

  test('a phoneless WeChat user binds a phone by CHANNEL_BIND_PHONE code', async () => {
    const client = t.client();
    await phonelessWechatUser(client);
    const phone = '13700009901';
    const [sendErr] = await client.sendSms({ phoneNumber: phone, channel: 'CHANNEL_BIND_PHONE' });
    expect(sendErr).toBeNull();
    const passCode = await t.dev.smsCode(phone, 'CHANNEL_BIND_PHONE');
    const [bindErr] = await client.bindPhone({ phoneNumber: phone, passCode });
    expect(bindErr).toBeNull();
    const [, me] = await client.getUserInfo();
    expect(me).toMatchObject({ phone, phoneVerified: true });
  });

  test('a phone that belongs to another account gets the server\'s message and nothing changes', async () => {
    const client = t.client({ lang: 'en-US' });
    await phonelessWechatUser(client);
    await client.sendSms({ phoneNumber: DEMO.phone, channel: 'CHANNEL_BIND_PHONE' });
    const passCode = await t.dev.smsCode(DEMO.phone, 'CHANNEL_BIND_PHONE');
    const [err] = await client.bindPhone({ phoneNumber: DEMO.phone, passCode });
    expectReadableError(err, 'server');
    expect(err.apiCode).toBe(2026);
    const answer = t.sent('/api/v3/bind-phone').pop();
    expect(answer.status).toBe(400);
    const [, me] = await client.getUserInfo();
    expect(me.phone).toBeNull();
  });
});
