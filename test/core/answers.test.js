// How each kind of server answer reaches the caller (contract §3.3, §10): the exact `[error, data]`
// for Authing envelopes, OAuth/OIDC error bodies, non-JSON and empty bodies, status boundaries, and
// the revocation rule of RFC 7009 (a 2xx revokes unless the body says otherwise). A loopback server
// started here answers each request with the reply the test sets; the wx shim carries it as WeChat does.
const http = require('http');
const { core, setup, bareClient } = require('./support');

let t;
let server;
let url;
let reply;
let received;
beforeAll(async () => {
  t = await setup(); // its wx shim only (storage, transport); requests go to the loopback server
  server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const record = { method: req.method, path: req.url, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      received.push(record);
      const r = typeof reply === 'function' ? reply(record) : reply; // a function answers per request
      res.writeHead(r.status, { 'content-type': r.contentType || 'application/json' });
      res.end(typeof r.body === 'string' ? r.body : JSON.stringify(r.body));
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${server.address().port}`;
});
afterAll(async () => { await new Promise((resolve) => server.close(resolve)); await t.close(); });
beforeEach(() => { received = []; t.wx.clearStorageSync(); });

const HTTP_503 = '服务暂时不可用（HTTP 503），请稍后重试';
const BAD_RESPONSE = '服务返回了无法识别的数据，请稍后重试';

/** A client of the loopback server; `wx` lets one test change what the platform reports. */
function client(wx = t.wx, options = {}) {
  return new core.Authing({ appId: t.config.appId, userPoolId: t.config.userPoolId, host: url, platform: core.createWechatPlatform(wx), ...options });
}

/** The wx shim, but reporting statusCode 0 for every answer it receives. */
function zeroStatusWx() {
  return { ...t.wx, request: (opts) => t.wx.request({ ...opts, success: (res) => opts.success({ ...res, statusCode: 0 }) }) };
}

/** sendSms hands back the envelope as the server sent it, so it shows the classification as is. */
function answerTo(status, body, contentType) {
  reply = { status, body, contentType };
  return client().sendSms({ phoneNumber: '13800000000', channel: 'CHANNEL_LOGIN' });
}

describe('Authing envelopes', () => {
  test('statusCode 200 in an HTTP 200 → [null, the envelope as sent]', async () => {
    const envelope = { statusCode: 200, message: 'sent', data: { ttl: 60 } };
    expect(await answerTo(200, envelope)).toEqual([null, envelope]);
  });

  test('an HTTP 2xx other than 200 is a success too; 300 is not', async () => {
    expect(await answerTo(299, { statusCode: 200, message: 'ok' })).toEqual([null, { statusCode: 200, message: 'ok' }]);
    const [err, data] = await answerTo(300, { statusCode: 200, message: 'ok' });
    expect(data).toBeUndefined();
    expect(err).toEqual({ code: 'http', message: '服务暂时不可用（HTTP 300），请稍后重试', statusCode: 300 });
  });

  test('an error envelope → code server with its message, statusCode, apiCode, requestId and data', async () => {
    const [err, data] = await answerTo(200, { statusCode: 400, message: '手机号格式错误', apiCode: 1234, requestId: 'req-1', data: { remaining: 2 } });
    expect(data).toBeUndefined();
    expect(err).toEqual({ code: 'server', message: '手机号格式错误', statusCode: 400, apiCode: 1234, requestId: 'req-1', data: { remaining: 2 } });
  });

  test('an error envelope keeps only well-typed extras: apiCode a number, requestId a string, data an object', async () => {
    const [err] = await answerTo(200, { statusCode: 403, message: 'denied', apiCode: '1234', requestId: 7, data: ['x'] });
    expect(err).toEqual({ code: 'server', message: 'denied', statusCode: 403 });
    const [withText] = await answerTo(200, { statusCode: 403, message: 'denied', data: 'text' });
    expect(withText).toEqual({ code: 'server', message: 'denied', statusCode: 403 });
    const [withNull] = await answerTo(200, { statusCode: 403, message: 'denied', data: null });
    expect(withNull).toEqual({ code: 'server', message: 'denied', statusCode: 403 });
  });

  test('an error envelope with no readable message → the localized HTTP message with its statusCode', async () => {
    const [blank] = await answerTo(200, { statusCode: 503, message: '   ' });
    expect(blank).toEqual({ code: 'server', message: HTTP_503, statusCode: 503 });
    const [notText] = await answerTo(200, { statusCode: 503, message: { text: 'x' } });
    expect(notText).toEqual({ code: 'server', message: HTTP_503, statusCode: 503 });
  });

  test('an envelope statusCode 0 names the HTTP status in its message', async () => {
    const [err] = await answerTo(503, { statusCode: 0 });
    expect(err).toEqual({ code: 'server', message: HTTP_503, statusCode: 0 });
  });

  test('statusCode 200 inside an HTTP error status is the HTTP error', async () => {
    const [err] = await answerTo(503, { statusCode: 200, message: 'ok', data: {} });
    expect(err).toEqual({ code: 'http', message: HTTP_503, statusCode: 503 });
  });

  test('a platform that reports status 0 with an envelope of 200 → success (the envelope decides)', async () => {
    // Some runtimes report statusCode 0 for an answer they did receive: the body still counts.
    const zeroStatus = zeroStatusWx();
    reply = { status: 200, body: { statusCode: 200, message: 'sent' } };
    const ok = await client(zeroStatus).sendSms({ phoneNumber: '13800000000', channel: 'CHANNEL_LOGIN' });
    expect(ok).toEqual([null, { statusCode: 200, message: 'sent' }]);
    reply = { status: 200, body: { statusCode: 429, message: 'too many' } };
    const [err] = await client(zeroStatus).sendSms({ phoneNumber: '13800000000', channel: 'CHANNEL_LOGIN' });
    expect(err).toEqual({ code: 'server', message: 'too many', statusCode: 429 });
  });

  test('a short timeout still leaves the platform its whole time: the kit\'s own deadline comes after it', async () => {
    reply = { status: 200, body: { statusCode: 200, message: 'sent' } };
    const quick = client(t.wx, { timeout: 1000 });
    expect(await quick.sendSms({ phoneNumber: '13800000000', channel: 'CHANNEL_LOGIN' })).toEqual([null, { statusCode: 200, message: 'sent' }]);
  });

  test('a JSON body after a byte-order mark is still read', async () => {
    expect(await answerTo(200, '\uFEFF {"statusCode":200,"message":"bom"} ', 'text/plain')).toEqual([null, { statusCode: 200, message: 'bom' }]);
  });
});

describe('OAuth / OIDC error bodies', () => {
  test('error + error_description → code server, the description as message, both fields kept, the HTTP status', async () => {
    const [err] = await answerTo(400, { error: 'invalid_request', error_description: 'phone missing' });
    expect(err).toEqual({ code: 'server', message: 'phone missing', statusCode: 400, error: 'invalid_request', error_description: 'phone missing' });
  });

  test('without a description the error names itself; blank fields fall back to message, then to the HTTP text', async () => {
    expect((await answerTo(401, { error: 'invalid_token' }))[0]).toEqual({ code: 'server', message: 'invalid_token', statusCode: 401, error: 'invalid_token' });
    expect((await answerTo(400, { error: ' ', error_description: '', message: 'see docs' }))[0]).toStrictEqual({ code: 'server', message: 'see docs', statusCode: 400 });
    expect((await answerTo(503, { error: '' }))[0]).toEqual({ code: 'server', message: HTTP_503, statusCode: 503 });
  });

  test('an OIDC error in an HTTP 200 is still an error', async () => {
    const [err, data] = await answerTo(200, { error: 'access_denied' });
    expect(data).toBeUndefined();
    expect(err).toEqual({ code: 'server', message: 'access_denied', statusCode: 200, error: 'access_denied' });
  });
});

describe('bodies that are not an answer', () => {
  test('an HTML error page → code http with the status', async () => {
    expect(await answerTo(503, '<html>503</html>', 'text/html')).toEqual([{ code: 'http', message: HTTP_503, statusCode: 503 }, undefined]);
  });

  test.each([
    ['an empty body', ''],
    ['whitespace', '  \n'],
    ['JSON null', 'null'],
    ['a JSON array', '[{"statusCode":200}]'],
    ['a JSON string', '"ok"'],
    ['cut-off JSON', '{"statusCode":200,"data":'],
    ['JSON without statusCode', '{"message":"ok"}'],
  ])('%s in an HTTP 200 → bad_response', async (_name, body) => {
    expect(await answerTo(200, body, 'text/plain')).toEqual([{ code: 'bad_response', message: BAD_RESPONSE, statusCode: 200 }, undefined]);
  });

  test('a JSON array is not an answer even where no envelope is expected, whether the platform parsed it or not', async () => {
    for (const body of ['[{"rsa":{"publicKey":"k"}}]', '\uFEFF[{"rsa":{"publicKey":"k"}}]']) {
      reply = { status: 200, body, contentType: 'text/plain' };
      expect(await client().getPublicKey('rsa')).toEqual([{ code: 'bad_response', message: BAD_RESPONSE, statusCode: 200 }, undefined]);
    }
  });

  test('a platform status 0 counts only with an envelope of 200: anything else is an HTTP failure', async () => {
    const zeroStatus = zeroStatusWx();
    reply = { status: 200, body: { rsa: { publicKey: 'k' } } };
    expect(await client(zeroStatus).getPublicKey('rsa')).toEqual([{ code: 'http', message: '服务暂时不可用（HTTP 0），请稍后重试', statusCode: 0 }, undefined]);
  });

  test('a plain JSON object is an answer where no envelope is expected (public keys)', async () => {
    reply = { status: 200, body: { rsa: { publicKey: 'rsa-key' } } };
    expect(await client().getPublicKey('rsa')).toEqual([null, 'rsa-key']);
  });
});

describe('revocation (logout)', () => {
  const TOKENS = { access_token: 'access-1', refresh_token: 'refresh-1', expires_in: 3600 };

  async function logoutAnswered(status, body) {
    const c = client();
    await c.saveLoginState(TOKENS);
    reply = { status, body, contentType: 'application/json' };
    const result = await c.logout();
    return { result, stored: t.wx.getStorageSync(t.storageKey) || undefined };
  }

  test.each([
    ['an empty 200', 200, ''],
    ['a 204-like empty 299', 299, ''],
    ['an envelope of 200', 200, { statusCode: 200 }],
    ['any other JSON', 200, { revoked: true }],
    ['text', 200, 'ok'],
  ])('%s revokes: [null, true], state cleared', async (_name, status, body) => {
    const { result, stored } = await logoutAnswered(status, body);
    expect(result).toEqual([null, true]);
    expect(stored).toBeUndefined();
    expect(received.map((r) => r.path)).toEqual(['/oidc/token/revocation', '/oidc/token/revocation']);
  });

  test('when both revocations fail, the access token\'s error is reported; when one fails, that one', async () => {
    const failing = (which) => (record) => {
      const token = new URLSearchParams(record.body).get('token');
      return which.includes(token) ? { status: 400, body: { error: 'invalid_token', error_description: token } } : { status: 200, body: '' };
    };
    const c = client();
    await c.saveLoginState(TOKENS);
    reply = failing(['access-1', 'refresh-1']);
    expect((await c.logout())[0]).toMatchObject({ code: 'server', message: 'access-1' });
    reply = failing(['refresh-1']);
    expect((await c.logout())[0]).toMatchObject({ code: 'server', message: 'refresh-1' });
    expect(t.wx.getStorageSync(t.storageKey)).toMatchObject({ access_token: 'access-1' });
  });

  test.each([
    ['an error envelope in a 200', 200, { statusCode: 400, message: 'bad token' }, { code: 'server', message: 'bad token', statusCode: 400 }],
    ['an OIDC error in a 200', 200, { error: 'unsupported_token_type' }, { code: 'server', message: 'unsupported_token_type', statusCode: 200, error: 'unsupported_token_type' }],
    ['a 300', 300, '', { code: 'http', message: '服务暂时不可用（HTTP 300），请稍后重试', statusCode: 300 }],
    ['a 503', 503, '', { code: 'http', message: HTTP_503, statusCode: 503 }],
  ])('%s does not revoke: the error, state kept', async (_name, status, body, error) => {
    const { result, stored } = await logoutAnswered(status, body);
    expect(result).toEqual([error, undefined]);
    expect(stored).toMatchObject({ access_token: 'access-1', refresh_token: 'refresh-1' });
  });
});

describe('login answers', () => {
  const passwordLogin = () => client().loginByPassword({ passwordPayload: { account: 'demo', password: 'Demo@123456' } });

  test('tokens in the envelope\'s data are stored with the login method; the caller gets them without the marker', async () => {
    reply = { status: 200, body: { statusCode: 200, data: { access_token: 'a-1', id_token: 'i-1', expires_in: 600 } } };
    const before = Date.now();
    const [err, state] = await passwordLogin();
    expect(err).toBeNull();
    expect(state).toEqual({ access_token: 'a-1', id_token: 'i-1', expires_in: 600, expires_at: expect.any(Number) });
    expect(state.expires_at).toBeGreaterThanOrEqual(before + 570_000);
    expect(t.wx.getStorageSync(t.storageKey)).toEqual({ ...state, _kit: { method: 'password' } });
  });

  test('tokens at the top level (data null) are the answer itself', async () => {
    reply = { status: 200, body: { statusCode: 200, data: null, access_token: 'a-2', expires_in: 600 } };
    const [err, state] = await passwordLogin();
    expect(err).toBeNull();
    expect(state).toMatchObject({ statusCode: 200, access_token: 'a-2', expires_in: 600 });
  });

  test.each([
    ['no token', { message: 'welcome' }],
    ['a token field that is not a string', { access_token: ['a'], id_token: 'i-1', expires_in: 600 }],
    ['no expiry at all', { access_token: 'opaque' }],
  ])('%s → bad_response, nothing stored', async (_name, data) => {
    reply = { status: 200, body: { statusCode: 200, data } };
    expect(await passwordLogin()).toEqual([{ code: 'bad_response', message: BAD_RESPONSE }, undefined]);
    expect(t.wx.getStorageSync(t.storageKey)).toBe('');
  });

  test('an id token without an access token logs in, but auth-gated calls say not_logged_in without a request', async () => {
    const c = client();
    await c.saveLoginState({ access_token: '', id_token: 'id-1', expires_in: 600 });
    const [err] = await c.getUserInfo();
    expect(err).toEqual({ code: 'not_logged_in', message: '尚未登录，请先登录' });
    expect(received).toEqual([]);
  });
});

describe('refresh answers', () => {
  const STORED = { access_token: 'old-access', refresh_token: 'old-refresh', expires_in: 600 };

  /** A client with a stored password login whose refresh is answered with `status` / `body`. */
  async function refreshAnswered(status, body) {
    const c = client();
    await c.saveLoginState(STORED);
    t.wx.setStorageSync(t.storageKey, { ...t.wx.getStorageSync(t.storageKey), _kit: { method: 'password' } });
    reply = { status, body };
    return c;
  }

  test('new tokens are stored; the old refresh token stays when the answer\'s is empty; the login method is kept', async () => {
    const c = await refreshAnswered(200, { access_token: 'new-access', refresh_token: '', expires_in: 600 });
    const [err, state] = await c.refreshToken();
    expect(err).toBeNull();
    expect(state).toMatchObject({ access_token: 'new-access', refresh_token: 'old-refresh' });
    expect(t.wx.getStorageSync(t.storageKey)).toMatchObject({ access_token: 'new-access', refresh_token: 'old-refresh', _kit: { method: 'password' } });
    expect(received).toHaveLength(1);
    expect(received[0].path).toBe('/oidc/token');
  });

  test('a success without tokens → bad_response; the stored state is untouched', async () => {
    const c = await refreshAnswered(200, { token_type: 'Bearer' });
    const before = t.wx.getStorageSync(t.storageKey);
    expect(await c.refreshToken()).toEqual([{ code: 'bad_response', message: BAD_RESPONSE }, undefined]);
    expect(t.wx.getStorageSync(t.storageKey)).toEqual(before);
  });

  test('invalid_grant → refresh_expired with the OIDC fields; any other error is passed on as it is', async () => {
    const c = await refreshAnswered(400, { error: 'invalid_grant', error_description: 'used' });
    expect((await c.refreshToken())[0]).toEqual({ code: 'refresh_expired', message: 'used', statusCode: 400, error: 'invalid_grant', error_description: 'used' });
    reply = { status: 400, body: { error: 'invalid_client' } };
    expect((await c.refreshToken())[0]).toEqual({ code: 'server', message: 'invalid_client', statusCode: 400, error: 'invalid_client' });
    expect(t.wx.getStorageSync(t.storageKey)).toMatchObject({ access_token: 'old-access', refresh_token: 'old-refresh' });
  });

  test('a refresh token that is not a string → refresh_expired without a request', async () => {
    const c = client();
    t.wx.setStorageSync(t.storageKey, { access_token: 'a', refresh_token: 5, expires_at: Date.now() + 60_000 });
    expect(await c.refreshToken()).toEqual([{ code: 'refresh_expired', message: '登录已过期且无法自动续期，请重新登录' }, undefined]);
    expect(received).toEqual([]);
  });

  test('concurrent callers share one request but each gets its own copy; a later call asks again', async () => {
    const c = await refreshAnswered(200, { access_token: 'new-access', expires_in: 600 });
    const [[, first], [, second]] = await Promise.all([c.refreshToken(), c.refreshToken()]);
    expect(received).toHaveLength(1);
    first.access_token = 'changed by the first caller';
    expect(second.access_token).toBe('new-access');
    reply = { status: 503, body: '' };
    const [[errA], [errB]] = await Promise.all([c.refreshToken(), c.refreshToken()]);
    expect(received).toHaveLength(2);
    errA.message = 'changed';
    expect(errB).toEqual({ code: 'http', message: HTTP_503, statusCode: 503 });
  });
});

describe('client arguments', () => {
  test('an unknown key type or encryption is refused by name before any request', async () => {
    const c = client();
    expect(await c.getPublicKey('dsa')).toEqual([{ code: 'invalid_argument', message: '不支持的密码加密方式：dsa' }, undefined]);
    expect(await c.getPublicKey(['rsa'])).toEqual([{ code: 'invalid_argument', message: '不支持的密码加密方式：<array>' }, undefined]);
    expect(await c.prepareEncryption('aes')).toEqual([{ code: 'invalid_argument', message: '不支持的密码加密方式：aes' }, undefined]);
    expect(await c.prepareEncryption('none')).toEqual([null, true]);
    expect(received).toEqual([]);
  });

  test('a token set with no lifetime is refused naming expires_in; a given expires_at must be a finite number', async () => {
    const c = client();
    expect(await c.saveLoginState({ access_token: 'opaque', expires_at: 'tomorrow' })).toEqual([{ code: 'invalid_argument', message: '参数 expires_in 不正确' }, undefined]);
    expect(t.wx.getStorageSync(t.storageKey)).toBe('');
  });

  test('the options a client exposes are its resolved settings, frozen', () => {
    const c = client(t.wx, { timeout: 5000, lang: 'en-US' });
    expect(Object.keys(c.options).sort()).toEqual(['appId', 'host', 'lang', 'platform', 'timeout', 'userPoolId']);
    expect(c.options).toMatchObject({ appId: t.config.appId, userPoolId: t.config.userPoolId, host: url, timeout: 5000, lang: 'en-US' });
    expect(Object.isFrozen(c.options)).toBe(true);
  });
});

describe('preparing encryption', () => {
  test('with no encryptor for the type (nor encryptFunction) → an encrypt error naming the module, no request', async () => {
    const bare = bareClient(t, [], { host: url });
    const [err] = await bare.prepareEncryption('sm2');
    expect(err).toEqual({ code: 'encrypt', message: '未加载 SM2 密码加密：请在 app 中引入 authing-miniapp-kit/crypto/sm2（或传入 encryptFunction）' });
    expect(received).toEqual([]);
  });

  test('a key the registered encryptor cannot use → an encrypt error with its reason', async () => {
    reply = { status: 200, body: { sm2: { publicKey: 'not-a-point' } } };
    const [err] = await client().prepareEncryption('sm2');
    expect(err).toEqual({ code: 'encrypt', message: '密码加密失败，请稍后重试', errMsg: 'SM2 public key must be a hex point (04 + x + y)' });
  });

  test('a client\'s own encryptFunction is used as it is: no precomputation with the registered one', async () => {
    reply = { status: 200, body: { sm2: { publicKey: 'not-a-point' } } };
    expect(await client(t.wx, { encryptFunction: (v) => `enc:${v}` }).prepareEncryption('sm2')).toEqual([null, true]);
  });

  test('the key request failing → its error', async () => {
    reply = { status: 503, body: '<html>503</html>', contentType: 'text/html' };
    expect(await client().prepareEncryption('rsa')).toEqual([{ code: 'http', message: HTTP_503, statusCode: 503 }, undefined]);
  });
});
