// Round trips per flow, counted where they land: the devserver's request log (`srv.requests`, CORS
// preflights excluded; /__dev/ controls such as wx.login codes and the SMS inbox are never recorded).
// The BUILT core client runs in Node with the wx shim (real HTTP). Each figure sits beside what
// Authing's own SDK (@authing/miniapp-wx 5.x) sends for the same flow, per docs/wire-contract.md.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { createDevServer } = require('../devserver');
const { createWxShim } = require('../devserver/wx-shim');
const { createNodeTransport } = require('../devserver/wx-shim/node-transport');
const core = require('../miniprogram_dist/index');
const { encryptRsa } = require('../miniprogram_dist/crypto/rsa');
const { encryptSm2 } = require('../miniprogram_dist/crypto/sm2');
require('../miniprogram_dist/account'); // updateAvatar and the other account methods

const DEMO = { account: 'demo', password: 'Demo@123456', phone: '13800000000' };
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

/**
 * The anchor: requests Authing's SDK makes for each flow (contract §3.2, §5, §6, §8, §9).
 * `why` is the derivation shown in the README.
 */
const ANCHOR = {
  'password login (plain)': { count: 1, why: 'POST /api/v3/signin' },
  'password login RSA, 1st': { count: 2, why: 'GET /api/v3/system + signin (§5: key fetched on every encrypted call)' },
  'password login RSA, 2nd (same client)': { count: 2, why: 'no key cache (§5)' },
  'password login SM2, 1st': { count: 2, why: 'GET /api/v3/system + signin' },
  'password login SM2, 2nd (same client)': { count: 2, why: 'no key cache (§5)' },
  'SMS login (send + login)': { count: 2, why: 'send-sms + signin PASSCODE' },
  'WeChat code login': { count: 1, why: 'signin-by-mobile (wx.login is local)' },
  'WeChat code login, again (state valid)': { count: 0, why: 'short-circuits on any valid state (§3.2 notes)' },
  'phone login (code + phone)': { count: 1, why: 'signin-by-mobile code_and_phone' },
  'getPhone (phone number only)': { count: 1, why: 'get-wechat-miniprogram-phone' },
  refresh: { count: 1, why: 'POST /oidc/token' },
  'profile load': { count: 1, why: 'GET /api/v3/get-profile' },
  'profile save': { count: 1, why: 'POST /api/v3/update-profile' },
  'avatar change': { count: 2, why: 'upload + update-profile (§6)' },
  logout: { count: 1, why: 'revocation of the access token only (§9)' },
};

async function measureRoundTrips() {
  const servers = [];
  const start = async () => {
    const srv = await createDevServer({ port: 0, log: false });
    servers.push(srv);
    return srv;
  };
  const api = (srv) => srv.requests.filter((r) => r.method !== 'OPTIONS');
  const rows = [];
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'authing-bench-'));

  /** Runs `fn` (must succeed) and records how many API requests it cost on `srv`. */
  async function flow(name, srv, fn) {
    const before = api(srv).length;
    const result = await fn();
    if (Array.isArray(result) && result[0]) throw new Error(`${name}: ${result[0].message}`);
    const requests = api(srv).slice(before);
    rows.push({ flow: name, anchor: ANCHOR[name].count, anchorWhy: ANCHOR[name].why, kit: requests.length, paths: requests.map((r) => `${r.method} ${r.path}`) });
  }

  try {
    const makeClient = (srv, extra = {}) => {
      const wx = createWxShim({ baseUrl: srv.url, transport: createNodeTransport(), openid: `bench-${Math.random().toString(16).slice(2)}` });
      const client = new core.Authing({ appId: srv.config.appId, userPoolId: srv.config.userPoolId, host: srv.url, platform: core.createWechatPlatform(wx), ...extra });
      return { client, wx };
    };
    const password = (c, type) => c.loginByPassword({ passwordPayload: { account: DEMO.account, password: DEMO.password }, options: type ? { passwordEncryptType: type } : undefined });

    const main = await start();
    const { client, wx } = makeClient(main);
    await flow('password login (plain)', main, () => password(client));

    // Encrypted logins: a fresh server (host) each, so "1st" really starts with no cached key.
    for (const [type, encryptFunction] of [['RSA', encryptRsa], ['SM2', encryptSm2]]) {
      const srv = await start();
      const { client: c } = makeClient(srv, { encryptFunction });
      await flow(`password login ${type}, 1st`, srv, () => password(c, type.toLowerCase()));
      await flow(`password login ${type}, 2nd (same client)`, srv, () => password(c, type.toLowerCase()));
    }

    await flow('SMS login (send + login)', main, async () => {
      const sent = await client.sendSms({ phoneNumber: DEMO.phone, channel: 'CHANNEL_LOGIN' });
      if (sent[0]) return sent;
      const { code } = await (await fetch(`${main.url}/__dev/sms/latest?phone=${DEMO.phone}&channel=CHANNEL_LOGIN`)).json();
      return client.loginByPassCode({ passCodePayload: { phone: DEMO.phone, passCode: code } });
    });

    const idp = main.config.wechatIdpIdentifier;
    await client.clearLoginState();
    await flow('WeChat code login', main, () => client.loginByCode({ extIdpConnidentifier: idp }));
    await flow('WeChat code login, again (state valid)', main, () => client.loginByCode({ extIdpConnidentifier: idp }));
    await client.clearLoginState();
    const phoneCode = async () => (await (await fetch(`${main.url}/__dev/wx/phone-code`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ phoneNumber: DEMO.phone }),
    })).json()).code;
    const code1 = await phoneCode();
    await flow('phone login (code + phone)', main, () => client.loginByPhone({ extIdpConnidentifier: idp, wechatMiniProgramCodeAndPhonePayload: { wxPhoneInfo: { code: code1 } } }));
    const code2 = await phoneCode();
    await flow('getPhone (phone number only)', main, () => client.getPhone({ extIdpConnidentifier: idp, code: code2 }));

    // Token and profile flows as the demo user, with a refresh token.
    const [err] = await client.loginByPassword({ passwordPayload: { account: DEMO.account, password: DEMO.password }, options: { scope: 'openid profile offline_access' } });
    if (err) throw new Error(err.message);
    await flow('refresh', main, () => client.refreshToken());
    await flow('profile load', main, () => client.getUserInfo());
    await flow('profile save', main, () => client.updateUserInfo({ nickname: 'Bench' }));
    const file = path.join(tmp, 'avatar.png');
    fs.writeFileSync(file, PNG);
    wx.__control.mediaQueue.push({ tempFilePath: file, size: PNG.length, fileType: 'image' });
    await flow('avatar change', main, () => client.updateAvatar());
    await flow('logout', main, () => client.logout());
  } finally {
    for (const s of servers) await s.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return rows;
}

module.exports = { measureRoundTrips, ANCHOR };

if (require.main === module) measureRoundTrips().then((r) => console.table(r.map(({ paths, anchorWhy, ...x }) => x)));
