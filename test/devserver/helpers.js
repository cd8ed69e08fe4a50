// Shared helpers for the devserver tests: real HTTP via Node's fetch against an
// in-process server started per test file.
const JSEncrypt = require('jsencrypt');
const { createDevServer } = require('../../devserver');

const DEMO = { username: 'demo', phone: '13800000000', email: 'demo@example.com', password: 'Demo@123456' };

/** Starts a fresh in-memory server. */
function start(options = {}) {
  return createDevServer({ port: 0, ...options });
}

/**
 * Starts a fresh server before this file's tests and closes it after them. Returns its client at
 * once, so module-level helpers can use it; `c.srv` is the server itself once the tests run.
 */
function useServer(options) {
  let srv;
  beforeAll(async () => { srv = await start(options); });
  afterAll(() => srv.close());
  return client(() => srv);
}

/**
 * HTTP helpers for one server.
 * @param {{url: string, config: any} | (() => {url: string, config: any})} server the server, or a
 *   getter for one started later (useServer)
 */
function client(server) {
  const srvOf = typeof server === 'function' ? server : () => server;

  // The assertions below read English messages: ask for en-US unless a test picks a language.
  async function request(method, path, { json, body, headers = {} } = {}) {
    const init = { method, headers: { 'x-authing-lang': 'en-US', ...headers } };
    if (json !== undefined) {
      init.body = JSON.stringify(json);
      init.headers['content-type'] = 'application/json';
    } else if (body !== undefined) {
      init.body = body;
    }
    const res = await fetch(srvOf().url + path, init);
    const text = await res.text();
    let data;
    try { data = JSON.parse(text); } catch { data = undefined; }
    return { status: res.status, headers: res.headers, text, json: data };
  }

  const c = {
    get srv() { return srvOf(); },
    /** The A (app id) and U (user pool id) headers of the contract. */
    get A() { return { 'x-authing-app-id': srvOf().config.appId }; },
    get U() { return { 'x-authing-userpool-id': srvOf().config.userPoolId }; },
  };

  const post = (path, json, headers) => request('POST', path, { json, headers });
  const get = (path, headers) => request('GET', path, { headers });
  const form = (path, fields, headers = {}) => request('POST', path, {
    body: new URLSearchParams(fields).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
  });

  /** PASSWORD login; returns the whole response. */
  const passwordLogin = (passwordPayload, options = {}) => post('/api/v3/signin',
    { connection: 'PASSWORD', passwordPayload, options }, c.A);

  /** Logs the demo user in and returns the token data. */
  async function loginDemo(scope) {
    const r = await passwordLogin({ account: DEMO.username, password: DEMO.password }, scope ? { scope } : {});
    if (r.status !== 200) throw new Error(`demo login failed: ${r.text}`);
    return r.json.data;
  }

  const profile = (token, query = '') => get(`/api/v3/get-profile${query}`, { ...c.U, authorization: token });

  /** A wx.login code from the simulated WeChat. */
  const wxCode = async (openid) => (await post('/__dev/wx/login', openid ? { openid } : {})).json.code;

  const advanceClock = (ms) => post('/__dev/clock', { advanceMs: ms });

  return Object.assign(c, { request, post, get, form, passwordLogin, loginDemo, profile, wxCode, advanceClock });
}

/** RSA-encrypts `text` with the server's PEM public key, as the SDK's encryptFunction would. */
function rsaEncrypt(publicKey, text) {
  const enc = new JSEncrypt();
  enc.setPublicKey(publicKey);
  return enc.encrypt(text);
}

/** Decodes a JWT payload without checking it. */
function jwtPayload(token) {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
}

module.exports = { DEMO, start, useServer, client, rsaEncrypt, jwtPayload };
