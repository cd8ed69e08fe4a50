// Edges of MFA at login (mfa.test.js has the flows): how readMfaChallenge reads the factors and
// contact fields of a challenge, what the verify calls put on the wire, an older V2 server's
// `{code, message}` failures, and a verify answer without a token set.
const { setup, bodyOf, expectReadableError } = require('./support');
const journey = require('../../miniprogram_dist/journey');
const { startDevServer } = require('../helpers/server');

let t;
beforeAll(async () => { t = await setup(); });
afterAll(() => t.close());
beforeEach(async () => { t.mark(); t.wx.clearStorageSync(); await t.dev.del('/__dev/faults'); });

const challenge = (data, codes = { apiCode: 1636 }) => journey.readMfaChallenge({ code: 'server', message: 'x', ...codes, data: { mfaToken: 'tok', ...data } });
const types = (c) => c.factors.map((f) => `${f.type}:${f.sort}`);

describe('readMfaChallenge', () => {
  test('which field carries the code: apiCode first, then statusCode; neither → null', () => {
    expect(challenge({}, { apiCode: 1635, statusCode: 1636 }).code).toBe(1635);
    expect(challenge({}, { apiCode: 2333, statusCode: 1636 }).code).toBe(1636);
    expect(challenge({}, { statusCode: 1635 }).code).toBe(1635);
    expect(challenge({}, { apiCode: 2333, statusCode: 400 })).toBeNull();
    expect(journey.readMfaChallenge('MFA')).toBeNull();
    expect(journey.readMfaChallenge({ code: 'server', message: 'x', apiCode: 1636, data: 'tok' })).toBeNull();
    expect(challenge({ mfaToken: '' })).toBeNull();
    expect(challenge({ mfaToken: 42 })).toBeNull();
  });

  test('factors: server order by sort, position when no sort, disabled / unknown / repeated / malformed entries left out', () => {
    const c = challenge({ applicationMfa: [null, 'SMS', { mfaPolicy: 'EMAIL', status: 1, sort: 9 }, { mfaPolicy: 'SMS', status: 1 }, { mfaPolicy: 'SMS', status: 1, sort: 1 }, { mfaPolicy: 'OTP', status: 0, sort: 2 }, { mfaPolicy: 'PASSKEY', status: 1, sort: 0 }] });
    expect(types(c)).toEqual(['SMS:4', 'EMAIL:9']);
    expect(c.recoveryCodeAllowed).toBe(false);
    expect(types(challenge({ applicationMfa: { mfaPolicy: 'SMS' } }))).toEqual([]);
  });

  test('TOTP enabled but not listed comes after the listed factors; listed, it is not repeated; only `true` enables it', () => {
    const after = challenge({ applicationMfa: [{ mfaPolicy: 'EMAIL', sort: 7 }, { mfaPolicy: 'SMS', sort: 3 }], totpMfaEnabled: true });
    expect(types(after)).toEqual(['SMS:3', 'EMAIL:7', 'OTP:8']);
    expect(after.recoveryCodeAllowed).toBe(true);
    expect(types(challenge({ totpMfaEnabled: true }))).toEqual(['OTP:1']);
    expect(types(challenge({ applicationMfa: [{ mfaPolicy: 'OTP', sort: 5 }, { mfaPolicy: 'SMS', sort: 6 }], totpMfaEnabled: true }))).toEqual(['OTP:5', 'SMS:6']);
    expect(types(challenge({ applicationMfa: [{ mfaPolicy: 'SMS', sort: 1 }], totpMfaEnabled: 'true' }))).toEqual(['SMS:1']);
  });

  test('contact fields: the mfa* ones first, then the plain ones; empty or non-string → null; raw is a copy of data', () => {
    const data = {
      mfaPhone: '13800000001', phone: '13800000002', mfaPhoneCountryCode: '+852', phoneCountryCode: '+86',
      mfaEmail: 'mfa@example.com', email: 'plain@example.com', username: 'u', nickname: 'n',
    };
    expect(challenge(data)).toMatchObject({ mfaToken: 'tok', phone: '13800000001', phoneCountryCode: '+852', email: 'mfa@example.com', username: 'u', nickname: 'n' });
    expect(challenge(data).raw).toEqual({ mfaToken: 'tok', ...data });
    expect(challenge({ mfaPhone: '', phone: '13800000002', mfaPhoneCountryCode: null, phoneCountryCode: '+86', mfaEmail: 7, email: 'plain@example.com' }))
      .toMatchObject({ phone: '13800000002', phoneCountryCode: '+86', email: 'plain@example.com', username: null, nickname: null });
    expect(challenge({ username: '', nickname: 5 })).toMatchObject({ phone: null, phoneCountryCode: null, email: null, username: null, nickname: null });
  });
});

describe('mfaLoginState', () => {
  const now = Date.UTC(2026, 0, 1);
  const state = (data) => journey.mfaLoginState(data, now);

  test('the lifetime: expires_in (or the expire_in spelling) when positive, else tokenExpiredAt (ISO or ms) when in the future, in whole seconds', () => {
    expect(state({ access_token: 'a', expires_in: '90' }).expires_in).toBe(90);
    expect(state({ access_token: 'a', expire_in: 45 }).expires_in).toBe(45);
    expect(state({ token: 'a', expires_in: 0, tokenExpiredAt: now + 30500 }).expires_in).toBe(30);
    expect(state({ token: 'a', expires_in: -5, tokenExpiredAt: new Date(now + 60000).toISOString() }).expires_in).toBe(60);
    expect(state({ token: 'a', tokenExpiredAt: now })).not.toHaveProperty('expires_in');
    expect(state({ token: 'a', tokenExpiredAt: now - 1000 })).not.toHaveProperty('expires_in');
    expect(state({ token: 'a', tokenExpiredAt: true })).not.toHaveProperty('expires_in');
  });

  test('the tokens: an empty access_token falls back to token; a given token_type is kept; empty id / refresh tokens and scope are left out', () => {
    expect(state({ access_token: '', token: 't', token_type: 'DPoP', id_token: '', refresh_token: 'r', scope: 'openid' }))
      .toEqual({ access_token: 't', token_type: 'DPoP', refresh_token: 'r', scope: 'openid' });
    expect(state({ access_token: 5, token: '' })).toBeUndefined();
    expect(state({ access_token: 'a', id_token: 'i', refresh_token: '', scope: 7 })).toEqual({ access_token: 'a', token_type: 'Bearer', id_token: 'i' });
  });
});

describe('the wire of the MFA calls', () => {
  test('verify calls send trimmed fields with the mfaToken as a Bearer token; a blank or non-string country code is not sent', async () => {
    const client = t.client();
    const bodies = [];
    const run = async (call, path) => {
      t.mark();
      await call;
      const [req] = t.sent(path);
      expect(req.headers.authorization).toBe('Bearer tok');
      bodies.push(bodyOf(req));
    };
    await run(client.verifyMfaSms({ mfaToken: ' tok ', phone: ' 61234567 ', code: ' 123456 ', phoneCountryCode: ' +852 ' }), '/api/v2/applications/mfa/sms/verify');
    await run(client.verifyMfaSms({ mfaToken: 'tok', phone: '13800000000', code: '123456', phoneCountryCode: '  ' }), '/api/v2/applications/mfa/sms/verify');
    await run(client.verifyMfaSms({ mfaToken: 'tok', phone: '13800000000', code: '123456', phoneCountryCode: 852 }), '/api/v2/applications/mfa/sms/verify');
    await run(client.verifyMfaEmail({ mfaToken: 'tok', email: ' a@example.com ', code: ' 123456 ' }), '/api/v2/applications/mfa/email/verify');
    await run(client.verifyMfaTotp({ mfaToken: 'tok', totp: ' 123456 ' }), '/api/v2/mfa/totp/verify');
    await run(client.verifyMfaRecoveryCode({ mfaToken: 'tok', recoveryCode: ' abcd-efgh ' }), '/api/v2/mfa/totp/recovery');
    expect(bodies).toEqual([
      { phone: '61234567', code: '123456', phoneCountryCode: '+852' },
      { phone: '13800000000', code: '123456' },
      { phone: '13800000000', code: '123456' },
      { email: 'a@example.com', code: '123456' },
      { totp: '123456' },
      { recoveryCode: 'abcd-efgh' },
    ]);
    expect(t.stored()).toBeUndefined();
  });

  test('sendMfaSms always sends CHANNEL_VERIFY_MFA, whatever channel the caller gave', async () => {
    const [err] = await t.client().sendMfaSms({ phoneNumber: '13800000111', channel: 'CHANNEL_LOGIN' });
    expect(err).toBeNull();
    expect(bodyOf(t.sent('/api/v3/send-sms')[0])).toEqual({ phoneNumber: '13800000111', phoneCountryCode: '+86', channel: 'CHANNEL_VERIFY_MFA' });
  });

  test('bad arguments of the send calls are refused before any request (en-US)', async () => {
    const client = t.client({ lang: 'en-US' });
    expect((await client.sendMfaEmail(undefined))[0]).toMatchObject({ code: 'invalid_argument', message: 'Please enter your email' });
    expect((await client.sendMfaEmail({ email: 'a@' }))[0]).toMatchObject({ code: 'invalid_argument', message: 'Please enter a valid email address' });
    expect((await client.sendMfaSms(undefined))[0]).toMatchObject({ code: 'invalid_argument' });
    expect((await client.verifyMfaSms({ mfaToken: 'tok', phone: '13800000000', code: '12' }))[0]).toMatchObject({ code: 'invalid_argument', message: 'Please enter the 6-digit code' });
    expect((await client.verifyMfaEmail({ mfaToken: 'tok', email: 'a@example.com', code: '' }))[0]).toMatchObject({ code: 'invalid_argument', message: 'Please enter your verification code' });
    expect(t.sent()).toHaveLength(0);
  });

  test('a verify answer without a token set → bad_response, nothing stored', async () => {
    await t.fault({ path: '/api/v2/mfa/totp/verify', kind: 'empty' });
    const [err, state] = await t.client().verifyMfaTotp({ mfaToken: 'tok', totp: '123456' });
    expect(state).toBeUndefined();
    expectReadableError(err, 'bad_response');
    expect(t.stored()).toBeUndefined();
  });
});

describe('an older V2 server (HTTP 200, only `code`)', () => {
  let old;
  beforeAll(async () => { old = await startDevServer({ v2StatusCode: false }); });
  afterAll(() => old.close());

  test('sendMfaEmail: a sent code is a success; a refused one (a second code within the minute) is an error with the server\'s code, message and requestId', async () => {
    const client = t.client({ host: old.url });
    const [first, data] = await client.sendMfaEmail({ email: 'mfa-sms@example.com' });
    expect(first).toBeNull();
    expect(data).toMatchObject({ code: 200 });
    const [second, none] = await client.sendMfaEmail({ email: 'mfa-sms@example.com' });
    expect(none).toBeUndefined();
    expectReadableError(second, 'server');
    expect(second).toEqual(expect.objectContaining({ apiCode: expect.any(Number), requestId: expect.any(String) }));
    expect(second.apiCode).not.toBe(200);
    expect(second.message).not.toBe(String(second.apiCode));
  });
});
