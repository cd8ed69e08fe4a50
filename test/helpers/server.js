// Test-side access to the devserver: the shared one (started in globalSetup) or an isolated one.
const http = require('http');

const shared = {
  url: process.env.AUTHING_DEVSERVER_URL,
  appId: process.env.AUTHING_APP_ID,
  userPoolId: process.env.AUTHING_USERPOOL_ID,
  wechatIdp: process.env.AUTHING_WECHAT_IDP,
};

/**
 * The kit's tests check what the kit sent (bodies with passwords and codes) and index the request
 * log by position: keep bodies as sent and the whole log (the devserver's defaults redact and cap it).
 */
const TEST_SERVER_OPTIONS = Object.freeze({ logSecrets: true, requestLogLimit: 1000000 });

/** A fresh in-process devserver (own store, clock and faults); close it in afterAll. */
async function startDevServer(options = {}) {
  const { createDevServer } = require('../../devserver');
  return createDevServer({ port: 0, log: false, ...TEST_SERVER_OPTIONS, ...options });
}

/** JSON over real HTTP to a devserver (for /__dev/ control calls and direct API checks). */
function call(baseUrl, method, path, body, headers = {}) {
  return new Promise((resolve, reject) => {
    const u = new URL(baseUrl + path);
    const payload = body === undefined ? undefined : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
    const req = http.request({
      method, hostname: u.hostname, port: u.port, path: u.pathname + u.search,
      headers: { ...(payload ? { 'content-type': 'application/json', 'content-length': payload.length } : {}), ...headers },
    }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json;
        try { json = JSON.parse(text); } catch (e) { json = undefined; }
        resolve({ status: res.statusCode, headers: res.headers, text, json });
      });
    });
    req.on('error', reject);
    if (payload) req.write(payload);
    req.end();
  });
}

const dev = (baseUrl = shared.url) => ({
  post: (path, body) => call(baseUrl, 'POST', path, body).then((r) => r.json),
  get: (path) => call(baseUrl, 'GET', path).then((r) => r.json),
  del: (path) => call(baseUrl, 'DELETE', path).then((r) => r.json),
  /** Latest SMS code sent to a phone on a channel. */
  smsCode: (phone, channel = 'CHANNEL_LOGIN') =>
    call(baseUrl, 'GET', `/__dev/sms/latest?phone=${encodeURIComponent(phone)}&channel=${channel}`).then((r) => r.json && r.json.code),
  /** Latest email code sent to an address on a channel. */
  emailCode: (email, channel = 'CHANNEL_LOGIN') =>
    call(baseUrl, 'GET', `/__dev/email/latest?email=${encodeURIComponent(email)}&channel=${channel}`).then((r) => r.json && r.json.code),
});

/**
 * A fresh devserver with the demo user logged in through the core client; the wx shim's storage (which
 * the components read) holds that login and the shim's simulated WeChat is this server's. `profile()` /
 * `setProfile(body)` read and write the demo user's profile directly over HTTP.
 */
async function loggedInServer() {
  const { Authing } = require('../../miniprogram_dist/index');
  const srv = await startDevServer();
  wx.__control.baseUrl = srv.url;
  wx.clearStorageSync();
  const client = new Authing({ appId: srv.config.appId, userPoolId: srv.config.userPoolId, host: srv.url });
  const [err] = await client.loginByPassword({ passwordPayload: { account: 'demo', password: 'Demo@123456' } });
  if (err) throw new Error(`login failed: ${err.message}`);
  const [, state] = await client.getLoginState();
  const headers = { authorization: state.access_token, 'x-authing-app-id': srv.config.appId, 'x-authing-userpool-id': srv.config.userPoolId };
  const profile = async () => (await call(srv.url, 'GET', '/api/v3/get-profile', undefined, headers)).json.data;
  const setProfile = async (body) => (await call(srv.url, 'POST', '/api/v3/update-profile', body, headers)).json.data;
  return { srv, profile, setProfile };
}

module.exports = { shared, startDevServer, call, dev, loggedInServer, TEST_SERVER_OPTIONS };
