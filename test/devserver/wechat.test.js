/** @jest-environment node */
// POST /api/v3/signin-by-mobile (WeChat code / code+phone), get-wechat-miniprogram-phone,
// and the /__dev/wx/* simulation: single-use codes, 5-minute expiry, session_key rotation.
const { DEMO, jwtPayload, useServer } = require('./helpers');

const c = useServer();

const IDP = 'wechat-miniprogram';
const codeLogin = (payload, extra = {}) => c.post('/api/v3/signin-by-mobile', {
  connection: 'wechat_mini_program_code', extIdpConnidentifier: IDP, wechatMiniProgramCodePayload: payload, ...extra,
}, c.A);
const phoneLogin = (wxLoginInfo, wxPhoneInfo, extra = {}) => c.post('/api/v3/signin-by-mobile', {
  connection: 'wechat_mini_program_code_and_phone', extIdpConnidentifier: IDP,
  wechatMiniProgramCodeAndPhonePayload: { wxLoginInfo, wxPhoneInfo }, ...extra,
}, c.A);
const phoneCode = async (body = {}) => (await c.post('/__dev/wx/phone-code', body)).json.code;
const userInfo = async (openid) => (await c.post('/__dev/wx/user-info', { openid, nickName: 'Wx Nick', avatarUrl: 'https://example.com/a.png' })).json;
const me = async (data) => (await c.profile(data.access_token, '?withIdentities=true')).json.data;

describe('code login', () => {
  test('creates a user with a WeChat identity, and finds it again next time', async () => {
    const r = await codeLogin({ code: await c.wxCode('openid-a'), encryptedData: '', iv: '' });
    expect(r.status).toBe(200);
    expect(r.json.data).toMatchObject({ token_type: 'Bearer', expires_in: 7200, expire_in: 7200 });
    const user = await me(r.json.data);
    expect(user.identities).toEqual([expect.objectContaining({
      provider: 'wechat', type: 'openid', userIdInIdp: 'openid-a', extIdpId: IDP, userId: user.userId,
    })]);
    expect(user.phone).toBeNull();
    const again = await codeLogin({ code: await c.wxCode('openid-a') });
    expect(jwtPayload(again.json.data.access_token).sub).toBe(user.userId);
  });

  test('the default openid of /__dev/wx/login is dev-openid-1', async () => {
    const r = await codeLogin({ code: await c.wxCode() });
    expect((await me(r.json.data)).identities[0].userIdInIdp).toBe('dev-openid-1');
  });

  test('encryptedData from /__dev/wx/user-info decrypts and fills the profile', async () => {
    const code = await c.wxCode('openid-b');
    const info = await userInfo('openid-b');
    expect(JSON.parse(info.rawData)).toMatchObject({ nickName: 'Wx Nick' });
    const r = await codeLogin({ code, encryptedData: info.encryptedData, iv: info.iv });
    expect(r.status).toBe(200);
    expect(await me(r.json.data)).toMatchObject({ nickname: 'Wx Nick', photo: 'https://example.com/a.png' });
  });

  test('a code works only once', async () => {
    const code = await c.wxCode('openid-c');
    expect((await codeLogin({ code })).status).toBe(200);
    const second = await codeLogin({ code });
    expect(second.status).toBe(400);
    expect(second.json).toMatchObject({ apiCode: 3001, message: expect.stringMatching(/code been used/) });
  });

  test('an unknown code is refused', async () => {
    const r = await codeLogin({ code: 'made-up-code' });
    expect(r.status).toBe(400);
    expect(r.json.apiCode).toBe(3001);
  });

  test('a code older than 5 minutes is refused (server clock)', async () => {
    const fresh = await c.wxCode('openid-d');
    const stale = await c.wxCode('openid-d');
    await c.advanceClock(5 * 60 * 1000 - 2000);
    expect((await codeLogin({ code: fresh })).status).toBe(200);
    await c.advanceClock(3000);
    const r = await codeLogin({ code: stale });
    expect(r.status).toBe(400);
    expect(r.json).toMatchObject({ apiCode: 3001, message: expect.stringMatching(/expired/) });
  });

  test('earlier codes stay usable after a new wx.login, but carry the old session_key', async () => {
    const older = await c.wxCode('openid-e');
    const info = await userInfo('openid-e'); // encrypted under the key of `older`
    const newer = await c.wxCode('openid-e'); // rotates the session_key
    const stale = await codeLogin({ code: newer, encryptedData: info.encryptedData, iv: info.iv });
    expect(stale.status).toBe(400);
    expect(stale.json).toMatchObject({ apiCode: 3002, message: expect.stringMatching(/decrypt/) });
    const ok = await codeLogin({ code: older, encryptedData: info.encryptedData, iv: info.iv });
    expect(ok.status).toBe(200);
  });

  test('garbage encryptedData / iv are refused with a decryption error', async () => {
    for (const [encryptedData, iv] of [['AAAA', 'short'], ['bm90IGVuY3J5cHRlZA==', Buffer.alloc(16).toString('base64')]]) {
      const r = await codeLogin({ code: await c.wxCode('openid-f'), encryptedData, iv });
      expect(r.status).toBe(400);
      expect(r.json.apiCode).toBe(3002);
      expect(r.json.message).toMatch(/decryption/);
    }
  });

  test('encryptedData without iv → 400', async () => {
    const r = await codeLogin({ code: await c.wxCode('openid-f'), encryptedData: 'abc' });
    expect(r.status).toBe(400);
    expect(r.json.message).toMatch(/encryptedData and iv/);
  });
});

describe('code + phone login', () => {
  test('binds the phone to a new WeChat user', async () => {
    const r = await phoneLogin({ code: await c.wxCode('openid-p1') }, { code: await phoneCode({ phoneNumber: '13700000001' }) });
    expect(r.status).toBe(200);
    expect(await me(r.json.data)).toMatchObject({ phone: '13700000001', phoneCountryCode: '+86', phoneVerified: true });
  });

  test('binds the phone to an existing WeChat user', async () => {
    const first = await codeLogin({ code: await c.wxCode('openid-p2') });
    const userId = jwtPayload(first.json.data.access_token).sub;
    const r = await phoneLogin({ code: await c.wxCode('openid-p2') }, { code: await phoneCode({ phoneNumber: '13700000002' }) });
    const user = await me(r.json.data);
    expect(user).toMatchObject({ userId, phone: '13700000002' });
  });

  test('merges into the user that already owns the phone (the demo user)', async () => {
    const wxOnly = await codeLogin({ code: await c.wxCode('openid-p3') });
    const wxToken = wxOnly.json.data.access_token;
    const r = await phoneLogin({ code: await c.wxCode('openid-p3') }, { code: await phoneCode({ phoneNumber: DEMO.phone }) });
    const user = await me(r.json.data);
    expect(user.username).toBe(DEMO.username);
    expect(user.identities.map((i) => i.userIdInIdp)).toContain('openid-p3');
    // The WeChat-only account had nothing else and is gone; plain code login now lands on demo.
    expect((await c.profile(wxToken)).status).toBe(401);
    const again = await codeLogin({ code: await c.wxCode('openid-p3') });
    expect(jwtPayload(again.json.data.access_token).sub).toBe(user.userId);
  });

  test('phone codes are single use', async () => {
    const pc = await phoneCode({ phoneNumber: '13700000004' });
    expect((await phoneLogin({ code: await c.wxCode('openid-p4') }, { code: pc })).status).toBe(200);
    const r = await phoneLogin({ code: await c.wxCode('openid-p4') }, { code: pc });
    expect(r.status).toBe(400);
    expect(r.json.apiCode).toBe(3003);
  });

  test('missing wxPhoneInfo.code → 400 naming the field', async () => {
    const r = await phoneLogin({ code: 'x' }, {});
    expect(r.status).toBe(400);
    expect(r.json.message).toBe('wechatMiniProgramCodeAndPhonePayload.wxPhoneInfo.code is required');
  });
});

describe('signin-by-mobile request checks', () => {
  test('a wrong extIdpConnidentifier → 400 naming the configured one', async () => {
    const r = await codeLogin({ code: await c.wxCode() }, { extIdpConnidentifier: 'other-idp' });
    expect(r.status).toBe(400);
    expect(r.json.apiCode).toBe(3000);
    expect(r.json.message).toContain('other-idp');
    expect(r.json.message).toContain(IDP);
  });

  test('unsupported connection → 400 apiCode 2100', async () => {
    const r = await c.post('/api/v3/signin-by-mobile', { connection: 'douyin_mini_program_code', extIdpConnidentifier: IDP }, c.A);
    expect(r.status).toBe(400);
    expect(r.json.apiCode).toBe(2100);
  });

  test.each([
    ['no extIdpConnidentifier', { connection: 'wechat_mini_program_code' }, /extIdpConnidentifier is required/],
    ['no payload', { connection: 'wechat_mini_program_code', extIdpConnidentifier: IDP }, /wechatMiniProgramCodePayload is required/],
    ['no code', { connection: 'wechat_mini_program_code', extIdpConnidentifier: IDP, wechatMiniProgramCodePayload: {} }, /wechatMiniProgramCodePayload\.code is required/],
    ['code not a string', { connection: 'wechat_mini_program_code', extIdpConnidentifier: IDP, wechatMiniProgramCodePayload: { code: 1 } }, /code must be a string/],
  ])('%s → 400', async (_n, body, message) => {
    const r = await c.post('/api/v3/signin-by-mobile', body, c.A);
    expect(r.status).toBe(400);
    expect(r.json.message).toMatch(message);
  });

  test('needs x-authing-app-id', async () => {
    const r = await c.post('/api/v3/signin-by-mobile', { connection: 'wechat_mini_program_code' });
    expect(r.status).toBe(400);
    expect(r.json.message).toBe('x-authing-app-id header is required');
  });
});

describe('POST /api/v3/get-wechat-miniprogram-phone', () => {
  const getPhone = (body, headers = c.U) => c.post('/api/v3/get-wechat-miniprogram-phone', body, headers);

  test('returns phone_info for a getPhoneNumber code', async () => {
    const r = await getPhone({ extIdpConnidentifier: IDP, code: await phoneCode() });
    expect(r.status).toBe(200);
    expect(r.json.data).toEqual({
      phone_info: {
        phoneNumber: '13800000001', purePhoneNumber: '13800000001', countryCode: '86',
        watermark: { appid: c.srv.config.wechatAppId, timestamp: expect.any(Number) },
      },
    });
  });

  test('foreign numbers carry their country code in phoneNumber', async () => {
    const r = await getPhone({ extIdpConnidentifier: IDP, code: await phoneCode({ phoneNumber: '2025550123', countryCode: '1' }) });
    expect(r.json.data.phone_info).toMatchObject({ phoneNumber: '+12025550123', purePhoneNumber: '2025550123', countryCode: '1' });
  });

  test('codes are single use and expire after 5 minutes', async () => {
    const code = await phoneCode();
    expect((await getPhone({ extIdpConnidentifier: IDP, code })).status).toBe(200);
    const reused = await getPhone({ extIdpConnidentifier: IDP, code });
    expect(reused.json).toMatchObject({ statusCode: 400, apiCode: 3003, message: expect.stringMatching(/used/) });
    const old = await phoneCode();
    await c.advanceClock(5 * 60 * 1000 + 1);
    const expired = await getPhone({ extIdpConnidentifier: IDP, code: old });
    expect(expired.json).toMatchObject({ apiCode: 3003, message: expect.stringMatching(/expired/) });
  });

  test('checks the userpool header, identifier and fields', async () => {
    const code = await phoneCode();
    expect((await getPhone({ extIdpConnidentifier: IDP, code }, {})).json.message).toBe('x-authing-userpool-id header is required');
    const wrongPool = await getPhone({ extIdpConnidentifier: IDP, code }, { 'x-authing-userpool-id': 'nope' });
    expect(wrongPool.status).toBe(403);
    expect(wrongPool.json.message).toBe('userpool not found: nope');
    expect((await getPhone({ extIdpConnidentifier: 'x', code })).json.apiCode).toBe(3000);
    expect((await getPhone({ extIdpConnidentifier: IDP })).json.message).toBe('code is required');
    // The code was never consumed by the failed calls.
    expect((await getPhone({ extIdpConnidentifier: IDP, code })).status).toBe(200);
  });
});

describe('/__dev/wx/* validation', () => {
  test('phone-code refuses malformed numbers', async () => {
    const r = await c.post('/__dev/wx/phone-code', { phoneNumber: '123' });
    expect(r.status).toBe(400);
  });

  test('user-info for an openid without a session creates one', async () => {
    const info = await userInfo('fresh-openid');
    expect(info).toMatchObject({ encryptedData: expect.any(String), iv: expect.any(String), signature: expect.stringMatching(/^[0-9a-f]{40}$/) });
  });
});
