// sendSms + loginByPassCode (phone and email) over HTTP.
const { DEMO, setup, bodyOf, expectSdkHeaders, expectContractHeaders, expectReadableError, deepFreeze } = require('./support');

let t;
beforeAll(async () => { t = await setup(); });
afterAll(() => t.close());
beforeEach(async () => { t.mark(); t.wx.clearStorageSync(); });

describe('sendSms', () => {
  test('success: POST /api/v3/send-sms, header U only, +86 default, returns the envelope', async () => {
    const input = deepFreeze({ phoneNumber: ' 13700000001 ', channel: 'CHANNEL_LOGIN' });
    const [err, res] = await t.client().sendSms(input);
    expect(err).toBeNull();
    expect(res).toMatchObject({ statusCode: 200, message: expect.any(String) });
    const [req] = t.sent('/api/v3/send-sms');
    expectSdkHeaders(req);
    expectContractHeaders(req, { U: true }, t.config);
    expect(bodyOf(req)).toEqual({ phoneNumber: '13700000001', channel: 'CHANNEL_LOGIN', phoneCountryCode: '+86' });
    expect(await t.smsCode('13700000001')).toMatch(/^\d{6}$/);
  });

  test('a second send within the cooldown → server error (429 envelope)', async () => {
    const client = t.client();
    await client.sendSms({ phoneNumber: '13700000002', channel: 'CHANNEL_LOGIN' });
    const [err] = await client.sendSms({ phoneNumber: '13700000002', channel: 'CHANNEL_LOGIN' });
    expectReadableError(err, 'server');
    expect(err.statusCode).toBe(429);
    expect(err.apiCode).toBe(3103);
  });

  test('other country codes are validated against their own pattern', async () => {
    const [err] = await t.client().sendSms({ phoneNumber: '91234567', channel: 'CHANNEL_LOGIN', phoneCountryCode: '+852' });
    expect(err).toBeNull();
    expect(bodyOf(t.sent('/api/v3/send-sms')[0]).phoneCountryCode).toBe('+852');
  });

  test.each([
    ['bad phone', { phoneNumber: '12345', channel: 'CHANNEL_LOGIN' }],
    ['unknown channel', { phoneNumber: '13700000003', channel: 'CHANNEL_NOPE' }],
    ['unknown country code', { phoneNumber: '13700000003', channel: 'CHANNEL_LOGIN', phoneCountryCode: '+999' }],
    ['nothing', undefined],
  ])('validation: %s → invalid_argument, no request', async (_n, input) => {
    const [err] = await t.client().sendSms(input);
    expectReadableError(err, 'invalid_argument');
    expect(t.sent()).toHaveLength(0);
  });
});

describe('sendEmailCode', () => {
  test.each([
    ['bad email', { email: 'not-an-email', channel: 'CHANNEL_LOGIN' }],
    ['an SMS-only channel', { email: DEMO.email, channel: 'CHANNEL_BIND_PHONE' }],
    ['nothing', undefined],
  ])('validation: %s → invalid_argument, no request', async (_n, input) => {
    const [err] = await t.client().sendEmailCode(input);
    expectReadableError(err, 'invalid_argument');
    expect(t.sent()).toHaveLength(0);
  });
});

describe('loginByPassCode', () => {
  test('phone: PASSCODE body with +86 default, header A; state saved', async () => {
    const client = t.client();
    await client.sendSms({ phoneNumber: DEMO.phone, channel: 'CHANNEL_LOGIN' });
    const passCode = await t.smsCode(DEMO.phone);
    t.mark();
    const [err, state] = await client.loginByPassCode(deepFreeze({ passCodePayload: { phone: DEMO.phone, passCode } }));
    expect(err).toBeNull();
    expect(t.stored().access_token).toBe(state.access_token);
    const [req] = t.sent('/api/v3/signin');
    expectSdkHeaders(req);
    expectContractHeaders(req, { A: true }, t.config);
    expect(bodyOf(req)).toEqual({ connection: 'PASSCODE', passCodePayload: { passCode, phone: DEMO.phone, phoneCountryCode: '+86' } });
  });

  test('email: sendEmailCode then login; no phoneCountryCode sent', async () => {
    const [sendErr] = await t.client().sendEmailCode(deepFreeze({ email: ` ${DEMO.email} `, channel: 'CHANNEL_LOGIN' }));
    expect(sendErr).toBeNull();
    const [sent] = t.sent('/api/v3/send-email');
    expectSdkHeaders(sent);
    expectContractHeaders(sent, { U: true }, t.config);
    expect(bodyOf(sent)).toEqual({ email: DEMO.email, channel: 'CHANNEL_LOGIN' });
    const latest = await t.dev.get(`/__dev/email/latest?email=${encodeURIComponent(DEMO.email)}&channel=CHANNEL_LOGIN`);
    t.mark();
    const [err] = await t.client().loginByPassCode({ passCodePayload: { email: DEMO.email, passCode: latest.code } });
    expect(err).toBeNull();
    expect(bodyOf(t.sent('/api/v3/signin')[0]).passCodePayload).toEqual({ passCode: latest.code, email: DEMO.email });
  });

  test('wrong code → server error', async () => {
    const [err] = await t.client().loginByPassCode({ passCodePayload: { phone: DEMO.phone, passCode: '000000' } });
    expectReadableError(err, 'server');
    expect(err.apiCode).toBe(2001);
  });

  test.each([
    ['5-digit code', { passCodePayload: { phone: DEMO.phone, passCode: '12345' } }],
    ['letters', { passCodePayload: { phone: DEMO.phone, passCode: 'abcdef' } }],
    ['no phone or email', { passCodePayload: { passCode: '123456' } }],
    ['bad phone', { passCodePayload: { phone: '999', passCode: '123456' } }],
    ['bad email', { passCodePayload: { email: 'x@', passCode: '123456' } }],
  ])('validation: %s → invalid_argument, no request', async (_n, input) => {
    const [err] = await t.client().loginByPassCode(input);
    expectReadableError(err, 'invalid_argument');
    expect(t.sent()).toHaveLength(0);
  });
});
