// Work done before the tap, over real HTTP: the encryption (public key persisted per host, entropy,
// SM2's ephemeral point) and the wx.login code. "Within one event-loop turn of the tap" is counted,
// not timed: a 0 ms timer armed at the tap marks the end of that turn, and the platform's request()
// records whether the timer had fired when it was called.
const { call } = require('../helpers/server');
const { createWxShim } = require('../../devserver/wx-shim');
const { createNodeTransport } = require('../../devserver/wx-shim/node-transport');
const { core, DEMO, setup, bodyOf } = require('./support');
const sm2Module = require('../../miniprogram_dist/crypto/sm2');
const { keyStorageKey } = require('../helpers/kit').internal('core/public-key');

let t;
beforeAll(async () => { t = await setup(); });
afterAll(() => t.close());

/** A client whose requests say whether the current tap's turn had ended when they left. */
function countingClient(wx = t.wx, options = {}) {
  const platform = core.createWechatPlatform(wx);
  const counted = Object.create(platform);
  const calls = [];
  let tap = { ended: true };
  counted.request = (req) => {
    calls.push({ path: new URL(req.url).pathname, turnEnded: tap.ended });
    return platform.request(req);
  };
  const client = new core.Authing({ appId: t.config.appId, userPoolId: t.config.userPoolId, host: t.srv.url, platform: counted, ...options });
  /** Starts `action` as a tap would and resolves with its result once settled. */
  async function tapAndWait(action) {
    const marker = { ended: false };
    tap = marker;
    setTimeout(() => { marker.ended = true; }, 0);
    return action();
  }
  return { client, calls, tapAndWait };
}

const passwordLogin = (client, type) => client.loginByPassword({ passwordPayload: { account: DEMO.username, password: DEMO.password }, options: { passwordEncryptType: type } });

describe('crypto before the tap', () => {
  test.each(['rsa', 'sm2'])('%s: after prepareEncryption the sign-in leaves within the tap\'s turn and the devserver decrypts it', async (type) => {
    const { client, calls, tapAndWait } = countingClient();
    const [prepErr, prepared] = await client.prepareEncryption(type);
    expect(prepErr).toBeNull();
    expect(prepared).toBe(true);
    calls.length = 0;
    const [err, state] = await tapAndWait(() => passwordLogin(client, type));
    expect(err).toBeNull();
    expect(typeof state.access_token).toBe('string');
    expect(calls).toEqual([{ path: '/api/v3/signin', turnEnded: false }]);
  });

  test('control: unprepared on a fresh storage, the sign-in waits for the key (a later turn, after /system)', async () => {
    t.wx.removeStorageSync(keyStorageKey(t.srv.url));
    const { client, calls, tapAndWait } = countingClient();
    const [err] = await tapAndWait(() => passwordLogin(client, 'sm2'));
    expect(err).toBeNull();
    expect(calls).toEqual([{ path: '/api/v3/system', turnEnded: false }, { path: '/api/v3/signin', turnEnded: true }]);
  });

  test('a prepared SM2 ephemeral serves ONE ciphertext; the next is prepared in the background; all decrypt', async () => {
    const client = t.client();
    await client.prepareEncryption('sm2');
    const [, key] = await client.getPublicKey('sm2');
    const c1 = sm2Module.preparedSm2(key);
    expect(c1).toMatch(/^[0-9a-f]{128}$/);
    t.mark();
    // Two logins in the same turn: only one may take the prepared k.
    const results = await Promise.all([passwordLogin(client, 'sm2'), passwordLogin(client, 'sm2')]);
    expect(results.map(([err]) => err)).toEqual([null, null]);
    const firstTwo = t.sent('/api/v3/signin').map((r) => bodyOf(r).passwordPayload.password.slice(0, 128));
    expect(firstTwo.filter((c) => c === c1)).toHaveLength(1);
    expect(new Set(firstTwo).size).toBe(2);
    // The background preparation replaced it with a new ephemeral, used by the next login.
    const next = sm2Module.preparedSm2(key);
    expect(next).toMatch(/^[0-9a-f]{128}$/);
    expect([c1, ...firstTwo]).not.toContain(next);
    t.mark();
    expect((await passwordLogin(client, 'sm2'))[0]).toBeNull();
    expect(bodyOf(t.sent('/api/v3/signin')[0]).passwordPayload.password.slice(0, 128)).toBe(next);
  });

  test('cold start: a fresh client with the persisted key logs in with exactly one request', async () => {
    await t.client().prepareEncryption('rsa');
    expect(t.wx.getStorageSync(keyStorageKey(t.srv.url))).toMatchObject({ keys: { rsa: { publicKey: expect.stringMatching(/BEGIN PUBLIC KEY/) } }, at: expect.any(Number) });
    t.mark();
    const [err] = await passwordLogin(t.client(), 'rsa');
    expect(err).toBeNull();
    expect(t.sent().map((r) => r.path)).toEqual(['/api/v3/signin']);
  });

  test('a persisted key past its TTL is fetched again', async () => {
    const stored = t.wx.getStorageSync(keyStorageKey(t.srv.url));
    t.wx.setStorageSync(keyStorageKey(t.srv.url), { ...stored, at: Date.now() - 25 * 3600 * 1000 });
    t.mark();
    expect((await passwordLogin(t.client(), 'rsa'))[0]).toBeNull();
    expect(t.sent().map((r) => r.path)).toEqual(['/api/v3/system', '/api/v3/signin']);
  });

  test('a persisted key the server no longer accepts is dropped: the next login fetches the new one', async () => {
    const other = await setup();
    try {
      // A key persisted for this host from another server (rotated keys).
      await t.client().prepareEncryption('rsa');
      const foreign = t.wx.getStorageSync(keyStorageKey(t.srv.url));
      other.wx.setStorageSync(keyStorageKey(other.srv.url), foreign);
      const client = other.client();
      other.mark();
      const [err] = await client.loginByPassword({ passwordPayload: { account: DEMO.username, password: DEMO.password }, options: { passwordEncryptType: 'rsa' } });
      expect(err.code).toBe('server');
      expect(other.sent().map((r) => r.path)).toEqual(['/api/v3/signin']);
      expect(other.wx.getStorageSync(keyStorageKey(other.srv.url))).toBeFalsy();
      other.mark();
      expect((await client.loginByPassword({ passwordPayload: { account: DEMO.username, password: DEMO.password }, options: { passwordEncryptType: 'rsa' } }))[0]).toBeNull();
      expect(other.sent().map((r) => r.path)).toEqual(['/api/v3/system', '/api/v3/signin']);
    } finally {
      await other.close();
    }
  });

  test('prepareEncryption: none resolves without work; an unknown type is refused before any request', async () => {
    t.mark();
    expect(await t.client().prepareEncryption('none')).toEqual([null, true]);
    const [err] = await t.client().prepareEncryption('aes');
    expect(err.code).toBe('invalid_argument');
    expect(t.sent()).toEqual([]);
  });
});

describe('WeChat code before the tap', () => {
  /** A wx shim of its own WeChat user (fresh openid: a new account). */
  function wechatUser(openid) {
    const wx = createWxShim({ baseUrl: t.srv.url, transport: createNodeTransport(), openid });
    const userInfo = (nickName) => call(t.srv.url, 'POST', '/__dev/wx/user-info', { openid, nickName }).then((r) => r.json);
    return { wx, userInfo };
  }

  test('prepared code: encryptedData obtained after it decrypts; the tap sends one request in its turn, no wx.login after it', async () => {
    const user = wechatUser('before-tap-1');
    const { client, calls, tapAndWait } = countingClient(user.wx);
    expect(await client.prepareWechatCode()).toEqual([null, true]);
    const { encryptedData, iv } = await user.userInfo('Early Bird');
    const login = jest.spyOn(user.wx, 'login');
    t.mark();
    const [err, state] = await tapAndWait(() => client.loginByCode({ extIdpConnidentifier: t.config.wechatIdpIdentifier, wechatMiniProgramCodePayload: { encryptedData, iv } }));
    expect(err).toBeNull();
    expect(login).not.toHaveBeenCalled();
    expect(calls.filter((c) => c.path === '/api/v3/signin-by-mobile')).toEqual([{ path: '/api/v3/signin-by-mobile', turnEnded: false }]);
    const sent = t.sent('/api/v3/signin-by-mobile');
    expect(sent).toHaveLength(1);
    expect(bodyOf(sent[0]).wechatMiniProgramCodePayload).toMatchObject({ encryptedData, iv });
    expect(core.userInfoFromClaims(state).nickname).toBe('Early Bird');
  });

  test('a kept code is used once: the next login takes a new wx.login code', async () => {
    const user = wechatUser('before-tap-2');
    const client = new core.Authing({ appId: t.config.appId, userPoolId: t.config.userPoolId, host: t.srv.url, platform: core.createWechatPlatform(user.wx) });
    await client.prepareWechatCode();
    const login = jest.spyOn(user.wx, 'login');
    t.mark();
    const idp = t.config.wechatIdpIdentifier;
    expect((await client.loginByCode({ extIdpConnidentifier: idp }))[0]).toBeNull();
    await client.clearLoginState();
    expect((await client.loginByCode({ extIdpConnidentifier: idp }))[0]).toBeNull();
    expect(login).toHaveBeenCalledTimes(1);
    const codes = t.sent('/api/v3/signin-by-mobile').map((r) => bodyOf(r).wechatMiniProgramCodePayload.code);
    expect(codes).toHaveLength(2);
    expect(codes[0]).not.toBe(codes[1]);
  });

  test('a rotated session_key: the retry drops encryptedData but keeps the nickname (from rawData)', async () => {
    const user = wechatUser('before-tap-rotated');
    const client = new core.Authing({ appId: t.config.appId, userPoolId: t.config.userPoolId, host: t.srv.url, platform: core.createWechatPlatform(user.wx) });
    // encryptedData from BEFORE the code: the login's own wx.login rotates the session_key under it.
    const { encryptedData, iv, rawData } = await user.userInfo('Rotated Rita');
    t.mark();
    const [err, state] = await client.loginByCode({ extIdpConnidentifier: t.config.wechatIdpIdentifier, wechatMiniProgramCodePayload: { encryptedData, iv, rawData } });
    expect(err).toBeNull();
    const sent = t.sent('/api/v3/signin-by-mobile').map((r) => bodyOf(r).wechatMiniProgramCodePayload);
    expect(sent.map((p) => p.encryptedData)).toEqual([encryptedData, '']);
    // rawData never goes to the sign-in (the seed's wire shape)...
    expect(sent.every((p) => !('rawData' in p))).toBe(true);
    // ...but its nickname reaches the profile.
    const [, profile] = await client.getUserInfo();
    expect(profile.nickname).toBe('Rotated Rita');
    expect(state.access_token).toBe((await client.getLoginState())[1].access_token);
  });

  test('without rawData the rotated case still logs in (nickname unknown), as before', async () => {
    const user = wechatUser('before-tap-rotated-2');
    const client = new core.Authing({ appId: t.config.appId, userPoolId: t.config.userPoolId, host: t.srv.url, platform: core.createWechatPlatform(user.wx) });
    const { encryptedData, iv } = await user.userInfo('Lost Name');
    t.mark();
    expect((await client.loginByCode({ extIdpConnidentifier: t.config.wechatIdpIdentifier, wechatMiniProgramCodePayload: { encryptedData, iv } }))[0]).toBeNull();
    expect(t.sent('/api/v3/update-profile')).toEqual([]);
  });

  test('rawData that is not a string is refused before any request', async () => {
    t.mark();
    const [err] = await t.client().loginByCode({ extIdpConnidentifier: 'x', wechatMiniProgramCodePayload: { rawData: 42 } });
    expect(err.code).toBe('invalid_argument');
    expect(t.sent()).toEqual([]);
  });
});
