// Edges of the WeChat logins' argument checks (wechat-login.test.js has the flows): which field or
// parameter a refusal names (en-US) before any wx.login or request, and accepted arguments on the
// wire (trimmed identifiers and codes, the explicit connection names, options passed through).
const { core, setup, bodyOf } = require('./support');

let t;
let idp;
beforeAll(async () => { t = await setup(); idp = t.config.wechatIdpIdentifier; });
afterAll(() => t.close());
beforeEach(() => { t.mark(); t.wx.clearStorageSync(); });

/** The wx shim's platform, counting wx.login calls. */
function countingPlatform() {
  const base = core.createWechatPlatform(t.wx);
  const calls = { login: 0 };
  return { calls, platform: { ...base, login: () => { calls.login++; return base.login(); } } };
}

const phoneLogin = (payload, extra = {}) => (c) => c.loginByPhone({ extIdpConnidentifier: 'wechat', wechatMiniProgramCodeAndPhonePayload: payload, ...extra });

// [method, what, call(client), message key, params]
const REFUSED = [
  ['getPhone', 'no argument', (c) => c.getPhone(undefined), 'required', { field: 'code' }],
  ['getPhone', 'no code', (c) => c.getPhone({ extIdpConnidentifier: 'wechat', code: ' ' }), 'required', { field: 'code' }],
  ['getPhone', 'no identifier', (c) => c.getPhone({ code: 'abc' }), 'required', { field: 'extIdpConnidentifier' }],
  ['loginByCode', 'no argument', (c) => c.loginByCode(undefined), 'required', { field: 'extIdpConnidentifier' }],
  ['loginByCode', 'blank identifier', (c) => c.loginByCode({ extIdpConnidentifier: ' ' }), 'required', { field: 'extIdpConnidentifier' }],
  ['loginByCode', 'the phone connection', (c) => c.loginByCode({ extIdpConnidentifier: 'wechat', connection: 'wechat_mini_program_code_and_phone' }), 'invalidParam', { name: 'connection' }],
  ['loginByCode', 'a string as the payload', (c) => c.loginByCode({ extIdpConnidentifier: 'wechat', wechatMiniProgramCodePayload: 'e' }), 'invalidParam', { name: 'wechatMiniProgramCodePayload' }],
  ['loginByCode', 'encryptedData without iv', (c) => c.loginByCode({ extIdpConnidentifier: 'wechat', wechatMiniProgramCodePayload: { encryptedData: 'e' } }), 'invalidParam', { name: 'wechatMiniProgramCodePayload' }],
  ['loginByCode', 'non-string rawData', (c) => c.loginByCode({ extIdpConnidentifier: 'wechat', wechatMiniProgramCodePayload: { rawData: 5 } }), 'invalidParam', { name: 'rawData' }],
  ['loginByCode', 'a string as the options', (c) => c.loginByCode({ extIdpConnidentifier: 'wechat', options: 'scope' }), 'invalidParam', { name: 'options' }],
  ['loginByPhone', 'no argument', (c) => c.loginByPhone(undefined), 'required', { field: 'extIdpConnidentifier' }],
  ['loginByPhone', 'no identifier', phoneLogin({ wxPhoneInfo: { code: 'p' } }, { extIdpConnidentifier: '' }), 'required', { field: 'extIdpConnidentifier' }],
  ['loginByPhone', 'the code connection', phoneLogin({ wxPhoneInfo: { code: 'p' } }, { connection: 'wechat_mini_program_code' }), 'invalidParam', { name: 'connection' }],
  ['loginByPhone', 'no payload', phoneLogin(undefined), 'required', { field: 'code' }],
  ['loginByPhone', 'a string as wxPhoneInfo', phoneLogin({ wxPhoneInfo: 'p' }), 'required', { field: 'code' }],
  ['loginByPhone', 'iv without encryptedData', phoneLogin({ wxPhoneInfo: { code: 'p' }, wxLoginInfo: { iv: 'i' } }), 'invalidParam', { name: 'wxLoginInfo' }],
  ['loginByPhone', 'non-string rawData', phoneLogin({ wxPhoneInfo: { code: 'p' }, wxLoginInfo: { rawData: {} } }), 'invalidParam', { name: 'rawData' }],
  ['loginByPhone', 'a list as the options', phoneLogin({ wxPhoneInfo: { code: 'p' } }, { options: ['scope'] }), 'invalidParam', { name: 'options' }],
];

describe('refused arguments name what is wrong (en-US), before any wx.login or request', () => {
  test.each(REFUSED)('%s: %s', async (_method, _what, run, key, params) => {
    const { platform, calls } = countingPlatform();
    const [err, data] = await run(t.client({ lang: 'en-US', platform }));
    expect(data).toBeUndefined();
    expect(err).toEqual(expect.objectContaining({ code: 'invalid_argument', message: core.translate('en-US', key, params) }));
    expect(calls.login).toBe(0);
    expect(t.sent()).toHaveLength(0);
  });
});

describe('accepted arguments on the wire', () => {
  const signIn = () => {
    const reqs = t.sent('/api/v3/signin-by-mobile');
    expect(reqs).toHaveLength(1);
    return bodyOf(reqs[0]);
  };

  test('loginByCode: the explicit connection name, a trimmed identifier, an empty or null rawData', async () => {
    t.wx.__control.openid = 'edges-code-1';
    const [err] = await t.client().loginByCode({ connection: 'wechat_mini_program_code', extIdpConnidentifier: ` ${idp} `, wechatMiniProgramCodePayload: { rawData: '' } });
    expect(err).toBeNull();
    expect(signIn()).toMatchObject({ connection: 'wechat_mini_program_code', extIdpConnidentifier: idp });
    expect(t.stored()._kit).toEqual({ method: 'wechat_mini_program_code', source: idp });
    t.wx.clearStorageSync();
    t.mark();
    const [again] = await t.client().loginByCode({ extIdpConnidentifier: idp, wechatMiniProgramCodePayload: { rawData: null } });
    expect(again).toBeNull();
    expect(Object.keys(signIn()).sort()).toEqual(['connection', 'extIdpConnidentifier', 'wechatMiniProgramCodePayload']);
  });

  test('loginByPhone: the explicit connection name, the trimmed phone code, the options passed through', async () => {
    const phoneCode = await t.phoneCode('13900000071');
    const [err] = await t.client().loginByPhone({
      connection: 'wechat_mini_program_code_and_phone', extIdpConnidentifier: idp,
      wechatMiniProgramCodeAndPhonePayload: { wxPhoneInfo: { code: ` ${phoneCode} ` }, wxLoginInfo: { rawData: '' } }, options: { scope: 'openid profile' },
    });
    expect(err).toBeNull();
    expect(signIn()).toEqual({
      connection: 'wechat_mini_program_code_and_phone', extIdpConnidentifier: idp,
      wechatMiniProgramCodeAndPhonePayload: { wxPhoneInfo: { code: phoneCode }, wxLoginInfo: { encryptedData: '', iv: '', code: expect.any(String) } },
      options: { scope: 'openid profile' },
    });
    expect(t.stored()._kit).toEqual({ method: 'wechat_mini_program_code_and_phone', source: idp });
  });

  test('getPhone: trimmed identifier and code; the answer is the phone info', async () => {
    const code = await t.phoneCode('13900000072');
    const [err, info] = await t.client().getPhone({ extIdpConnidentifier: ` ${idp} `, code: ` ${code} ` });
    expect(err).toBeNull();
    expect(info.phoneNumber).toBe('13900000072');
    expect(bodyOf(t.sent('/api/v3/get-wechat-miniprogram-phone')[0])).toEqual({ extIdpConnidentifier: idp, code });
  });
});

describe('the nickname from rawData after encryptedData had to be dropped', () => {
  let seq = 0;
  /** A code login of a new WeChat user whose encryptedData predates the login's own wx.login. */
  async function rotatedLogin(rawData) {
    t.wx.__control.openid = `edges-rotated-${++seq}`;
    const { encryptedData, iv } = await t.userInfo();
    t.mark();
    const [err] = await t.client().loginByCode({ extIdpConnidentifier: idp, wechatMiniProgramCodePayload: { encryptedData, iv, rawData } });
    expect(err).toBeNull();
    expect(t.sent('/api/v3/signin-by-mobile').map((r) => bodyOf(r).wechatMiniProgramCodePayload.encryptedData)).toEqual([encryptedData, '']);
    return t.sent('/api/v3/update-profile').map(bodyOf);
  }

  test('the trimmed nickName goes to the profile; the avatarUrl does not replace the photo the new account already has', async () => {
    expect(await rotatedLogin(JSON.stringify({ nickName: ' Rita ', avatarUrl: 'https://img.example.com/a.png' }))).toEqual([{ nickname: 'Rita' }]);
    const [, me] = await t.client().getUserInfo();
    expect(me.nickname).toBe('Rita');
    expect(me.photo).toEqual(expect.any(String));
    expect(me.photo).not.toBe('https://img.example.com/a.png');
  });

  test.each([
    ['not JSON', '{nickName:'],
    ['a blank nickName', JSON.stringify({ nickName: '  ', avatarUrl: 'https://img.example.com/b.png' })],
    ['a non-string nickName', JSON.stringify({ nickName: 7 })],
    ['JSON null', 'null'],
  ])('%s: the login succeeds, nothing is sent to the profile', async (_what, rawData) => {
    expect(await rotatedLogin(rawData)).toEqual([]);
  });
});
