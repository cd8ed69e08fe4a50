// Arguments are never mutated (the seed wrote phoneCountryCode / encrypted passwords into the
// caller's objects). Every input is deep-frozen AND compared before/after.
const { encryptRsa, DEMO, setup, deepFreeze, writePng } = require('./support');

let t;
beforeAll(async () => { t = await setup(); });
afterAll(() => t.close());

test('no method mutates its argument, with encryption on', async () => {
  const client = t.client({ encryptFunction: encryptRsa });
  const idp = t.config.wechatIdpIdentifier;
  const png = writePng();
  const { encryptedData, iv } = await t.userInfo();
  const phoneCode = await t.phoneCode('13600000001');
  const inputs = {
    loginByPassword: { passwordPayload: { account: ' demo ', password: DEMO.password }, options: { passwordEncryptType: 'rsa', scope: 'openid profile offline_access' } },
    sendSms: { phoneNumber: '13600000002', channel: 'CHANNEL_LOGIN' },
    loginByPassCode: { passCodePayload: { phone: '13600000002', passCode: '000000' }, options: { autoRegister: true } },
    loginByCode: { extIdpConnidentifier: idp, wechatMiniProgramCodePayload: { encryptedData, iv }, options: { scope: 'openid' } },
    loginByPhone: { extIdpConnidentifier: idp, wechatMiniProgramCodeAndPhonePayload: { wxPhoneInfo: { code: phoneCode } } },
    getPhone: { extIdpConnidentifier: idp, code: 'used-or-not' },
    saveLoginState: undefined,
    updatePassword: { newPassword: DEMO.password, oldPassword: DEMO.password, passwordEncryptType: 'rsa' },
    getUserInfo: { withCustomData: true },
    updateUserInfo: { nickname: 'n', customData: { deep: { x: 1 } } },
    updateAvatar: { filePath: png.file, maxSize: 1e6 },
  };
  for (const [method, input] of Object.entries(inputs)) {
    if (input === undefined) continue;
    const snapshot = JSON.stringify(input);
    deepFreeze(input);
    if (['updatePassword', 'getUserInfo', 'updateUserInfo', 'updateAvatar'].includes(method)) {
      await client.loginByPassword({ passwordPayload: { account: 'demo', password: DEMO.password } });
    }
    const result = await client[method](input);
    expect([method, JSON.stringify(input)]).toEqual([method, snapshot]);
    // Frozen inputs would have made a mutating implementation fail; these all succeed:
    if (!['loginByPassCode', 'getPhone'].includes(method)) expect([method, result[0]]).toEqual([method, null]);
  }
  const state = deepFreeze({ access_token: 'a', expires_in: 100 });
  const [err, saved] = await client.saveLoginState(state);
  expect(err).toBeNull();
  expect(saved).not.toBe(state);
  expect(state).toEqual({ access_token: 'a', expires_in: 100 });
});
