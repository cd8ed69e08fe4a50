// One core behaviour suite, run over the three platform adapters (four API shapes).
const { core, encryptRsa, encryptSm2, DEMO, setup, bodyOf, expectReadableError, writePng } = require('./support');
const { createFakeTaro, createFakeUni } = require('./platform-fakes');
const entropy = require('../helpers/kit').internal('core/crypto/entropy');

let t;
beforeAll(async () => { t = await setup(); });
afterAll(() => t.close());

const ADAPTERS = [
  ['wx', (wx, log) => core.createWechatPlatform(new Proxy(wx, { get: (o, k) => { if (typeof o[k] === 'function' && k !== '__control') log.push(k); return o[k]; } }))],
  ['taro', (wx, log) => core.createTaroPlatform(createFakeTaro(wx, log))],
  ['uni (Vue 2 [err, res])', (wx, log) => core.createUniPlatform(createFakeUni(wx, { vue2: true }, log))],
  ['uni (Vue 3 promises)', (wx, log) => core.createUniPlatform(createFakeUni(wx, { vue2: false }, log))],
];

describe.each(ADAPTERS)('adapter: %s', (name, makePlatform) => {
  let client;
  let log;
  beforeEach(() => {
    t.wx.clearStorageSync();
    t.wx.__control.mediaQueue.length = 0;
    log = [];
    client = t.client({ platform: makePlatform(t.wx, log), encryptFunction: encryptRsa });
    t.mark();
  });

  test('storage: nothing stored → not_logged_in (not-found mapped, not an error)', async () => {
    const [err] = await client.getLoginState();
    expectReadableError(err, 'not_logged_in');
    expect(log).toContain('getStorage');
  });

  test('RSA password login (random bytes from the platform), state saved, profile readable', async () => {
    entropy.takeRandomBytes(entropy.availableEntropy()); // drain: this login must refill from this adapter
    const globalRandom = jest.spyOn(global.wx, 'getRandomValues');
    const [err, state] = await client.loginByPassword({ passwordPayload: { account: 'demo', password: DEMO.password }, options: { passwordEncryptType: 'rsa', scope: 'openid profile offline_access' } });
    expect(err).toBeNull();
    expect(t.stored().access_token).toBe(state.access_token);
    expect(log).toEqual(expect.arrayContaining(['request', 'setStorage']));
    // wx and Taro have getRandomValues; uni does not, so the adapter uses the global wx.
    if (name.startsWith('uni')) expect(globalRandom).toHaveBeenCalled();
    else expect(log).toContain('getRandomValues');
    globalRandom.mockRestore();
    const [, again] = await client.getLoginState();
    expect(again.access_token).toBe(state.access_token);
    const [userErr, user] = await client.getUserInfo({ withIdentities: true });
    expect(userErr).toBeNull();
    expect(user.username).toBe('demo');
    expect(t.sent('/api/v3/get-profile')[0].query).toBe('?withIdentities=true');
  });

  test('SM2 password login', async () => {
    const sm2Client = t.client({ platform: makePlatform(t.wx, log), encryptFunction: encryptSm2 });
    const [err] = await sm2Client.loginByPassword({ passwordPayload: { account: 'demo', password: DEMO.password }, options: { passwordEncryptType: 'sm2' } });
    expect(err).toBeNull();
  });

  test('WeChat code login uses the platform login', async () => {
    const [err] = await client.loginByCode({ extIdpConnidentifier: t.config.wechatIdpIdentifier });
    expect(err).toBeNull();
    expect(log).toContain('login');
  });

  test('refresh (form body string) and logout (revocation)', async () => {
    await client.loginByPassword({ passwordPayload: { account: 'demo', password: DEMO.password }, options: { scope: 'openid profile offline_access' } });
    const [err, state] = await client.refreshToken();
    expect(err).toBeNull();
    expect(t.sent('/oidc/token')[0].headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(await client.logout()).toEqual([null, true]);
    expect(bodyOf(t.sent('/oidc/token/revocation')[0])).toEqual({ client_id: t.config.appId, token: state.access_token });
    expect(t.stored()).toBeUndefined();
    expect(log).toContain('removeStorage');
  });

  test('avatar: image picker mapping, upload with progress, cancel', async () => {
    await client.loginByPassword({ passwordPayload: { account: 'demo', password: DEMO.password } });
    const png = writePng();
    t.wx.__control.mediaQueue.push({ tempFilePath: png.file, size: png.size });
    const progress = [];
    const [err, res] = await client.updateAvatar({ onProgress: (p) => progress.push(p) });
    expect(err).toBeNull();
    expect(res.userInfo.photo).toBe(res.data.url);
    expect(progress).toContain(100);
    expect(log).toContain(name === 'wx' ? 'chooseMedia' : 'chooseImage');
    const [cancel] = await client.updateAvatar();
    expectReadableError(cancel, 'cancel');
  });

  test('network failure → network error', async () => {
    await t.fault({ path: '/api/v3/send-sms', kind: 'reset', count: 1 });
    const [err] = await client.sendSms({ phoneNumber: '13500000001', channel: 'CHANNEL_LOGIN' });
    expectReadableError(err, 'network');
  });
});
