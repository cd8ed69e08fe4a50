// Shared helpers for the devserver tests: real HTTP via Node's fetch against an
// in-process server started per test file.
const { createDevServer } = require('../../devserver');

const DEMO = { username: 'demo', phone: '13800000000', email: 'demo@example.com', password: 'Demo@123456' };

/** Starts a fresh in-memory server. */
function start(options = {}) {
  return createDevServer({ port: 0, ...options });
}

/**
 * @param {{url: string, config: any}} srv
 */
function client(srv) {
  const A = { 'x-authing-app-id': srv.config.appId };
  const U = { 'x-authing-userpool-id': srv.config.userPoolId };

  async function request(method, path, { json, body, headers = {} } = {}) {
    const init = { method, headers: { ...headers } };
    if (json !== undefined) {
      init.body = JSON.stringify(json);
      init.headers['content-type'] = 'application/json';
    } else if (body !== undefined) {
      init.body = body;
    }
    const res = await fetch(srv.url + path, init);
    const text = await res.text();
    let data;
    try { data = JSON.parse(text); } catch { data = undefined; }
    return { status: res.status, headers: res.headers, text, json: data };
  }

  const post = (path, json, headers) => request('POST', path, { json, headers });
  const get = (path, headers) => request('GET', path, { headers });
  const form = (path, fields, headers = {}) => request('POST', path, {
    body: new URLSearchParams(fields).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
  });

  /** PASSWORD login; returns the whole response. */
  const passwordLogin = (passwordPayload, options = {}) => post('/api/v3/signin',
    { connection: 'PASSWORD', passwordPayload, options }, A);

  /** Logs the demo user in and returns the token data. */
  async function loginDemo(scope) {
    const r = await passwordLogin({ account: DEMO.username, password: DEMO.password }, scope ? { scope } : {});
    if (r.status !== 200) throw new Error(`demo login failed: ${r.text}`);
    return r.json.data;
  }

  const profile = (token, query = '') => get(`/api/v3/get-profile${query}`, { ...U, authorization: token });

  /** A wx.login code from the simulated WeChat. */
  const wxCode = async (openid) => (await post('/__dev/wx/login', openid ? { openid } : {})).json.code;

  const advanceClock = (ms) => post('/__dev/clock', { advanceMs: ms });

  return { A, U, request, post, get, form, passwordLogin, loginDemo, profile, wxCode, advanceClock };
}

/** Decodes a JWT payload without checking it. */
function jwtPayload(token) {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
}

module.exports = { DEMO, start, client, jwtPayload };
