// Answer shapes the devserver never sends but other Authing deployments may (the kit parses them
// tolerantly, or refuses them as bad_response): scripted through a platform whose request answers
// the given paths itself and sends everything else to the devserver.
const { core, DEMO, setup, expectReadableError } = require('./support');

let t;
beforeAll(async () => { t = await setup(); });
afterAll(() => t.close());
beforeEach(() => { t.wx.clearStorageSync(); t.mark(); });

const SVG = '<svg xmlns="http://www.w3.org/2000/svg"><text>AB12</text></svg>';

/** A client whose requests to the scripted paths get `{statusCode: 200, data: body}`. */
function scripted(answers, options = {}) {
  const base = core.createWechatPlatform(t.wx);
  const platform = {
    ...base,
    request: (req) => {
      const path = req.url.slice(t.srv.url.length).split('?')[0];
      return path in answers ? Promise.resolve({ statusCode: 200, data: answers[path], header: {} }) : base.request(req);
    },
  };
  return t.client({ platform, ...options });
}

describe('getCaptchaCode', () => {
  test.each([
    ['captchaCodeSvg + captchaToken', { captchaCodeSvg: SVG, captchaToken: 't1' }],
    ['captchaCode + token (older drafts)', { captchaCode: SVG, token: 't1' }],
    ['svg + token, blank preferred names skipped', { captchaCodeSvg: ' ', svg: SVG, captchaToken: '', token: 't1' }],
  ])('%s', async (_what, data) => {
    const [err, captcha] = await scripted({ '/api/v3/get-captcha-code': { statusCode: 200, data } }).getCaptchaCode();
    expect(err).toBeNull();
    expect(captcha).toEqual({ captchaCodeSvg: SVG, captchaToken: 't1' });
  });

  test.each([
    ['no token', { captchaCodeSvg: SVG }],
    ['no image', { captchaToken: 't1' }],
    ['an image that is not SVG', { captchaCodeSvg: 'data:image/png;base64,AAAA', captchaToken: 't1' }],
    ['no data', null],
  ])('%s → bad_response', async (_what, data) => {
    const [err] = await scripted({ '/api/v3/get-captcha-code': { statusCode: 200, data } }).getCaptchaCode();
    expectReadableError(err, 'bad_response');
  });
});

describe('getPhone', () => {
  test('the phone fields directly in data (the Java DTO) are read too; a copy is returned', async () => {
    const data = { phoneNumber: '13900000081', purePhoneNumber: '13900000081', countryCode: '86' };
    const [err, info] = await scripted({ '/api/v3/get-wechat-miniprogram-phone': { statusCode: 200, data } }).getPhone({ extIdpConnidentifier: 'wechat', code: 'c' });
    expect(err).toBeNull();
    expect(info).toEqual(data);
    expect(info).not.toBe(data);
  });

  test.each([
    ['no phoneNumber', { phone_info: { purePhoneNumber: '139' } }],
    ['a numeric phoneNumber', { phoneNumber: 13900000081 }],
    ['no data', null],
  ])('%s → bad_response', async (_what, data) => {
    const [err] = await scripted({ '/api/v3/get-wechat-miniprogram-phone': { statusCode: 200, data } }).getPhone({ extIdpConnidentifier: 'wechat', code: 'c' });
    expectReadableError(err, 'bad_response');
  });
});

describe('account answers', () => {
  async function loggedIn(answers) {
    const client = scripted(answers);
    expect((await client.loginByPassword({ passwordPayload: { account: DEMO.username, password: DEMO.password } }))[0]).toBeNull();
    return client;
  }

  test('decryptData: a list or a string as data → bad_response', async () => {
    for (const data of [[{ openId: 'o' }], 'decrypted']) {
      const client = scripted({ '/api/v3/decrypt-wechat-miniprogram-data': { statusCode: 200, data } });
      const [err] = await client.decryptData({ extIdpConnidentifier: 'wechat', encryptedData: 'e', iv: 'i', code: 'c' });
      expectReadableError(err, 'bad_response');
    }
  });

  test('a verify-*-request token that is empty or not a string → bad_response', async () => {
    for (const updatePhoneToken of ['', 42]) {
      const client = await loggedIn({ '/api/v3/verify-update-phone-request': { statusCode: 200, data: { updatePhoneToken, tokenExpiresIn: 300 } } });
      const [err] = await client.updatePhoneRequest({ phonePassCodePayload: { newPhoneNumber: '13700000000', newPhonePassCode: '123456' } });
      expectReadableError(err, 'bad_response');
    }
  });
});

describe('MFA on an older V2 server', () => {
  test('a failure without a message gets its code as the message; a requestId only when it is a string', async () => {
    const client = scripted({ '/api/v2/mfa/totp/verify': { code: 6001, requestId: 7 }, '/api/v2/email/send': { code: 2001, message: '', requestId: 'r1' } });
    const [err] = await client.verifyMfaTotp({ mfaToken: 'tok', totp: '123456' });
    expect(err).toEqual({ code: 'server', message: '6001', apiCode: 6001 });
    const [sendErr] = await client.sendMfaEmail({ email: 'a@example.com' });
    expect(sendErr).toEqual({ code: 'server', message: '2001', apiCode: 2001, requestId: 'r1' });
  });

  test('a verify success whose data is not an object → bad_response, nothing stored', async () => {
    for (const data of [null, 'jwt']) {
      const [err, state] = await scripted({ '/api/v2/mfa/totp/verify': { code: 200, message: 'ok', data } }).verifyMfaTotp({ mfaToken: 'tok', totp: '123456' });
      expect(state).toBeUndefined();
      expectReadableError(err, 'bad_response');
    }
    expect(t.stored()).toBeUndefined();
  });

  test('a success without a code field is a success', async () => {
    const [err, data] = await scripted({ '/api/v2/email/send': { message: 'sent' } }).sendMfaEmail({ email: 'a@example.com' });
    expect(err).toBeNull();
    expect(data).toEqual({ message: 'sent' });
  });
});
