/** @jest-environment node */
// /api/v3/send-sms, /api/v3/send-email, the dev inboxes, and PASSCODE sign-in.
const { DEMO, jwtPayload, useServer } = require('./helpers');

const logLines = [];
const c = useServer({ log: (line) => logLines.push(line) });

const sendSms = (body, headers = c.U) => c.post('/api/v3/send-sms', body, headers);
const sendEmail = (body, headers = c.U) => c.post('/api/v3/send-email', body, headers);
const latest = async (q) => c.get(`/__dev/sms/latest?${new URLSearchParams(q)}`);
const passcodeLogin = (passCodePayload, options = {}) => c.post('/api/v3/signin',
  { connection: 'PASSCODE', passCodePayload, options }, c.A);

describe('POST /api/v3/send-sms', () => {
  test('sends a 6-digit code: envelope without data, code in the inbox and the log', async () => {
    const r = await sendSms({ phoneNumber: '13600000001', channel: 'CHANNEL_LOGIN', phoneCountryCode: '+86' });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ statusCode: 200, requestId: expect.any(String) });
    expect(r.json).not.toHaveProperty('data');
    const msg = (await latest({ phone: '13600000001', channel: 'CHANNEL_LOGIN' })).json;
    expect(msg).toMatchObject({ phone: '13600000001', phoneCountryCode: '+86', channel: 'CHANNEL_LOGIN', used: false, expired: false });
    expect(msg.code).toMatch(/^\d{6}$/);
    expect(msg.expiresAt - msg.sentAt).toBe(5 * 60 * 1000);
    expect(logLines.some((l) => l.includes('13600000001') && l.includes(msg.code))).toBe(true);
    const inbox = (await c.get('/__dev/sms?phone=13600000001')).json.messages;
    expect(inbox).toHaveLength(1);
  });

  test('phoneCountryCode defaults to +86', async () => {
    expect((await sendSms({ phoneNumber: '13600000002', channel: 'CHANNEL_REGISTER' })).status).toBe(200);
    expect((await latest({ phone: '13600000002', phoneCountryCode: '86' })).json.channel).toBe('CHANNEL_REGISTER');
  });

  test('accepts every SmsChannel of the contract', async () => {
    const channels = ['CHANNEL_LOGIN', 'CHANNEL_REGISTER', 'CHANNEL_RESET_PASSWORD', 'CHANNEL_BIND_PHONE',
      'CHANNEL_UNBIND_PHONE', 'CHANNEL_BIND_MFA', 'CHANNEL_VERIFY_MFA', 'CHANNEL_UNBIND_MFA',
      'CHANNEL_COMPLETE_PHONE', 'CHANNEL_IDENTITY_VERIFICATION', 'CHANNEL_DELETE_ACCOUNT'];
    for (const channel of channels) {
      expect((await sendSms({ phoneNumber: '13600000003', channel })).status).toBe(200);
      await c.advanceClock(60 * 1000); // one send per number per minute, whatever the channel
    }
    expect((await c.get('/__dev/sms?phone=13600000003')).json.messages).toHaveLength(channels.length);
  });

  test('one send per phone per 60 s, across channels → 429 with the seconds left (and Retry-After)', async () => {
    const body = { phoneNumber: '13600000004', channel: 'CHANNEL_LOGIN' };
    expect((await sendSms(body)).status).toBe(200);
    await c.advanceClock(20 * 1000);
    const again = await sendSms(body);
    expect(again.status).toBe(429);
    expect(again.json).toMatchObject({ statusCode: 429, apiCode: 3103, data: { retryAfter: 40 } });
    expect(again.json.message).toMatch(/\b40 seconds/);
    expect(again.headers.get('retry-after')).toBe('40');
    // Another channel to the same phone is limited too; another phone is not.
    expect((await sendSms({ ...body, channel: 'CHANNEL_REGISTER' })).status).toBe(429);
    expect((await sendSms({ ...body, phoneNumber: '13600000005' })).status).toBe(200);
    await c.advanceClock(40 * 1000);
    expect((await sendSms({ ...body, channel: 'CHANNEL_REGISTER' })).status).toBe(200);
  });

  test.each([
    ['+086', '+086'], ['+0086', '+0086'], ['0086', '0086'], ['86', '86'], ['full-width ＋８６', '＋８６'],
  ])('the cooldown holds for the same number spelled with country code %s', async (_n, phoneCountryCode) => {
    const phoneNumber = `1360001${String(Math.floor(Math.random() * 9000) + 1000)}`;
    expect((await sendSms({ phoneNumber, channel: 'CHANNEL_LOGIN', phoneCountryCode: '+86' })).status).toBe(200);
    const again = await sendSms({ phoneNumber, channel: 'CHANNEL_RESET_PASSWORD', phoneCountryCode });
    expect(again.status).toBe(429);
    expect(again.json.apiCode).toBe(3103);
  });

  test.each([
    ['unknown channel', { phoneNumber: '13600000006', channel: 'CHANNEL_NOPE' }, 3102, /unknown channel: CHANNEL_NOPE/],
    ['an email channel', { phoneNumber: '13600000006', channel: 'CHANNEL_UPDATE_EMAIL' }, 3102, /unknown channel/],
    ['too short', { phoneNumber: '1360000', channel: 'CHANNEL_LOGIN' }, 3101, /invalid phoneNumber/],
    ['+86 not starting with 1', { phoneNumber: '23600000006', channel: 'CHANNEL_LOGIN' }, 3101, /11 digits/],
    ['letters', { phoneNumber: '1360000000a', channel: 'CHANNEL_LOGIN' }, 3101, /invalid phoneNumber/],
    ['bad country code', { phoneNumber: '13600000006', channel: 'CHANNEL_LOGIN', phoneCountryCode: 'abc' }, 3101, /phoneCountryCode/],
    ['no phoneNumber', { channel: 'CHANNEL_LOGIN' }, 1002, /phoneNumber is required/],
    ['phoneNumber a number', { phoneNumber: 13600000006, channel: 'CHANNEL_LOGIN' }, 1002, /phoneNumber must be a string/],
    ['no channel', { phoneNumber: '13600000006' }, 1002, /channel is required/],
  ])('%s → 400', async (_n, body, apiCode, message) => {
    const r = await sendSms(body);
    expect(r.status).toBe(400);
    expect(r.json.apiCode).toBe(apiCode);
    expect(r.json.message).toMatch(message);
  });

  test('other country codes take 4-15 digits', async () => {
    expect((await sendSms({ phoneNumber: '2025550123', channel: 'CHANNEL_LOGIN', phoneCountryCode: '+1' })).status).toBe(200);
    expect((await latest({ phone: '2025550123', phoneCountryCode: '+1' })).json.code).toMatch(/^\d{6}$/);
  });

  test('x-authing-userpool-id is required and must match', async () => {
    const body = { phoneNumber: '13600000007', channel: 'CHANNEL_LOGIN' };
    const missing = await sendSms(body, {});
    expect(missing.status).toBe(400);
    expect(missing.json.message).toBe('x-authing-userpool-id header is required');
    expect((await sendSms(body, { 'x-authing-userpool-id': 'x' })).status).toBe(403);
  });

  test('/__dev/sms/latest without a code → 404, without phone → 400', async () => {
    expect((await latest({ phone: '13999999999' })).status).toBe(404);
    expect((await c.get('/__dev/sms/latest')).status).toBe(400);
  });
});

describe('PASSCODE sign-in by phone', () => {
  async function smsCode(phone, channel = 'CHANNEL_LOGIN') {
    expect((await sendSms({ phoneNumber: phone, channel })).status).toBe(200);
    return (await latest({ phone, channel })).json.code;
  }

  test('logs the demo user in with an SMS code', async () => {
    await c.advanceClock(61 * 1000); // clear any cooldown from earlier tests
    const code = await smsCode(DEMO.phone);
    const r = await passcodeLogin({ phone: DEMO.phone, passCode: code, phoneCountryCode: '+86' });
    expect(r.status).toBe(200);
    const me = (await c.profile(r.json.data.access_token)).json.data;
    expect(me.username).toBe(DEMO.username);
  });

  test('a code is single use', async () => {
    await c.advanceClock(61 * 1000);
    const code = await smsCode(DEMO.phone);
    expect((await passcodeLogin({ phone: DEMO.phone, passCode: code })).status).toBe(200);
    const again = await passcodeLogin({ phone: DEMO.phone, passCode: code });
    expect(again.status).toBe(400);
    expect(again.json).toMatchObject({ apiCode: 2001, message: expect.stringMatching(/already been used/) });
    expect((await latest({ phone: DEMO.phone })).json.used).toBe(true);
  });

  test('a code expires after 5 minutes', async () => {
    await c.advanceClock(61 * 1000);
    const code = await smsCode(DEMO.phone);
    await c.advanceClock(5 * 60 * 1000 + 1);
    const r = await passcodeLogin({ phone: DEMO.phone, passCode: code });
    expect(r.status).toBe(400);
    expect(r.json).toMatchObject({ apiCode: 2001, message: expect.stringMatching(/expired/) });
  });

  test('a wrong code is refused and the right one still works', async () => {
    await c.advanceClock(61 * 1000);
    const code = await smsCode(DEMO.phone);
    const wrong = code === '000000' ? '111111' : '000000';
    const r = await passcodeLogin({ phone: DEMO.phone, passCode: wrong });
    expect(r.json).toMatchObject({ statusCode: 400, apiCode: 2001, message: expect.stringMatching(/incorrect/) });
    expect((await passcodeLogin({ phone: DEMO.phone, passCode: code })).status).toBe(200);
  });

  test('a resend replaces the earlier code', async () => {
    await c.advanceClock(61 * 1000);
    const first = await smsCode('13600000010');
    await c.advanceClock(61 * 1000);
    const second = await smsCode('13600000010');
    const options = { autoRegister: true };
    if (first !== second) expect((await passcodeLogin({ phone: '13600000010', passCode: first }, options)).json.apiCode).toBe(2001);
    expect((await passcodeLogin({ phone: '13600000010', passCode: second }, options)).status).toBe(200);
  });

  test('unknown phone: 2004 without autoRegister, a new user with it', async () => {
    const code = await smsCode('13600000011');
    const r = await passcodeLogin({ phone: '13600000011', passCode: code });
    expect(r.status).toBe(400);
    expect(r.json.apiCode).toBe(2004);
    await c.advanceClock(61 * 1000);
    const code2 = await smsCode('13600000011', 'CHANNEL_REGISTER');
    const ok = await passcodeLogin({ phone: '13600000011', passCode: code2 }, { autoRegister: true });
    expect(ok.status).toBe(200);
    const me = (await c.profile(ok.json.data.access_token)).json.data;
    expect(me).toMatchObject({ phone: '13600000011', phoneCountryCode: '+86', phoneVerified: true, username: null });
  });

  test('a code sent to another country code does not match', async () => {
    await sendSms({ phoneNumber: '13600000012', channel: 'CHANNEL_LOGIN', phoneCountryCode: '+852' });
    const code = (await latest({ phone: '13600000012', phoneCountryCode: '852' })).json.code;
    const r = await passcodeLogin({ phone: '13600000012', passCode: code, phoneCountryCode: '+86' }, { autoRegister: true });
    expect(r.json.apiCode).toBe(2001);
  });

  test.each([
    ['no passCodePayload', undefined, /passCodePayload is required/],
    ['no passCode', { phone: DEMO.phone }, /passCodePayload\.passCode is required/],
    ['neither phone nor email', { passCode: '123456' }, /passCodePayload\.phone or passCodePayload\.email is required/],
    ['phone not a string', { passCode: '123456', phone: 13800000000 }, /passCodePayload\.phone must be a string/],
  ])('%s → 400', async (_n, payload, message) => {
    const r = await c.post('/api/v3/signin', { connection: 'PASSCODE', passCodePayload: payload }, c.A);
    expect(r.status).toBe(400);
    expect(r.json.message).toMatch(message);
  });
});

describe('email codes', () => {
  test('send-email + PASSCODE sign-in by email', async () => {
    const r = await sendEmail({ email: DEMO.email, channel: 'CHANNEL_LOGIN' });
    expect(r.status).toBe(200);
    expect(r.json).not.toHaveProperty('data');
    const msg = (await c.get(`/__dev/email/latest?email=${encodeURIComponent(DEMO.email)}`)).json;
    expect(msg).toMatchObject({ email: DEMO.email, channel: 'CHANNEL_LOGIN' });
    const login = await passcodeLogin({ email: 'DEMO@example.com', passCode: msg.code });
    expect(login.status).toBe(200);
    expect(jwtPayload(login.json.data.access_token).sub).toBe((await c.profile(login.json.data.access_token)).json.data.userId);
    expect((await c.profile(login.json.data.access_token)).json.data.username).toBe(DEMO.username);
    // The same inbox is readable at /__dev/email?email=… and /__dev/sms?email=…
    expect((await c.get(`/__dev/email?email=${encodeURIComponent(DEMO.email)}`)).json.messages[0].used).toBe(true);
    expect((await c.get(`/__dev/sms?email=${encodeURIComponent(DEMO.email)}`)).json.messages).toHaveLength(1);
  });

  test('autoRegister by email creates a verified-email user', async () => {
    await sendEmail({ email: 'new@example.com', channel: 'CHANNEL_REGISTER' });
    const { code } = (await c.get('/__dev/email/latest?email=new@example.com')).json;
    const r = await passcodeLogin({ email: 'new@example.com', passCode: code }, { autoRegister: true });
    expect((await c.profile(r.json.data.access_token)).json.data).toMatchObject({ email: 'new@example.com', emailVerified: true });
  });

  test('rate limit, channel and format checks', async () => {
    expect((await sendEmail({ email: 'rl@example.com', channel: 'CHANNEL_LOGIN' })).status).toBe(200);
    expect((await sendEmail({ email: 'rl@example.com', channel: 'CHANNEL_LOGIN' })).status).toBe(429);
    expect((await sendEmail({ email: 'rl@example.com', channel: 'CHANNEL_BIND_PHONE' })).json.apiCode).toBe(3102);
    expect((await sendEmail({ email: 'not-an-email', channel: 'CHANNEL_LOGIN' })).json.apiCode).toBe(3104);
    expect((await sendEmail({ channel: 'CHANNEL_LOGIN' })).json.message).toBe('email is required');
    expect((await sendEmail({ email: 'a@b.co', channel: 'CHANNEL_LOGIN' }, {})).status).toBe(400);
  });
});
