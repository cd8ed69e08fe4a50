// Property: whatever a server answers (any status, any body, a cut connection), every call resolves to
// a well-formed tuple with a readable error; the stored state is unchanged on error and coherent on
// success; the typed password and the stored tokens never appear in an output. The server is a
// loopback HTTP server started here that answers each request with the generated reply.
const http = require('http');
const { core, setup } = require('../support');
const { fc, RUNS, ERROR_CODES } = require('./generators');

let t;
let server;
let url;
let reply = { status: 200, body: '' };
beforeAll(async () => {
  t = await setup(); // only for its wx shim (storage, wx.login); requests go to the loopback server
  server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const r = reply;
      if (r.cut) { res.socket.destroy(); return; }
      res.writeHead(r.status, { 'content-type': r.contentType });
      res.end(r.body);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${server.address().port}`;
});
afterAll(async () => { await new Promise((resolve) => server.close(resolve)); await t.close(); });

const PASSWORD = 'Pr0perty-Secret!';
const STORED = { access_token: 'stored-access-0123456789', refresh_token: 'stored-refresh-0123456789', id_token: 'stored-id-0123456789', expires_at: Date.now() + 3600_000 };

/** A JSON body shaped like the kit's answers, with hostile field values. */
const tokenish = fc.record({
  access_token: fc.oneof(fc.string(), fc.constant('new-access-token'), fc.jsonValue()),
  refresh_token: fc.oneof(fc.string(), fc.constant(PASSWORD), fc.jsonValue()),
  id_token: fc.oneof(fc.string(), fc.constant('a.b.c'), fc.jsonValue()),
  expires_in: fc.oneof(fc.double(), fc.constant(1e308), fc.constant(-1), fc.string(), fc.jsonValue()),
  expire_in: fc.jsonValue(),
  error: fc.oneof(fc.string(), fc.constant('invalid_grant'), fc.jsonValue()),
  error_description: fc.jsonValue(),
}, { requiredKeys: [] });
const envelope = fc.record({
  statusCode: fc.oneof(fc.constant(200), fc.integer({ min: -1, max: 600 }), fc.jsonValue()),
  message: fc.oneof(fc.string(), fc.jsonValue(), fc.constant(`echo ${PASSWORD}`)),
  apiCode: fc.jsonValue(),
  data: fc.oneof(tokenish, fc.jsonValue()),
}, { requiredKeys: [] });
const body = fc.oneof(
  tokenish.map((o) => JSON.stringify(o)),
  envelope.map((o) => JSON.stringify(o)),
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 200 }),
  fc.constantFrom('', '{"statusCode":200,"data":', '<html>502</html>', '\uFEFF{"statusCode":200}', 'null', '[]', '{"__proto__":{"statusCode":200}}'),
);
const answer = fc.record({
  status: fc.oneof(fc.constant(200), fc.integer({ min: 200, max: 599 })),
  contentType: fc.constantFrom('application/json', 'text/plain', 'text/html'),
  body,
  cut: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
});

const CALLS = {
  loginByPassword: (c) => c.loginByPassword({ passwordPayload: { account: 'demo', password: PASSWORD } }),
  refreshToken: (c) => c.refreshToken(),
  logout: (c) => c.logout(),
  getUserInfo: (c) => c.getUserInfo(),
  updateUserInfo: (c) => c.updateUserInfo({ nickname: 'n' }),
  sendSms: (c) => c.sendSms({ phoneNumber: '13800000000', channel: 'CHANNEL_LOGIN' }),
  getPublicKey: (c) => c.getPublicKey('rsa'),
  updatePassword: (c) => c.updatePassword({ newPassword: PASSWORD, oldPassword: PASSWORD }),
  loginByCode: (c) => c.loginByCode({ extIdpConnidentifier: 'wechat-idp' }),
};
const TOKEN_RESULTS = ['loginByPassword', 'refreshToken', 'loginByCode'];

test('every call under any server answer: well-formed, readable, state unchanged on error, coherent on success, no secret out', async () => {
  await fc.assert(fc.asyncProperty(answer, fc.constantFrom(...Object.keys(CALLS)), async (a, name) => {
    reply = a;
    t.wx.setStorageSync(t.storageKey, { ...STORED, _kit: { method: 'password' } });
    const before = JSON.stringify(t.stored());
    const client = new core.Authing({ appId: t.config.appId, userPoolId: t.config.userPoolId, host: url, timeout: 2000, platform: core.createWechatPlatform(t.wx) });
    const result = await CALLS[name](client);
    expect(result).toHaveLength(2);
    const [err, data] = result;
    if (err) {
      expect(data).toBeUndefined();
      expect(ERROR_CODES).toContain(err.code);
      expect(typeof err.message).toBe('string');
      expect(err.message.trim()).not.toBe('');
      expect(err.message).not.toMatch(/\[object /);
      expect(JSON.stringify(t.stored())).toBe(before);
      for (const secret of [PASSWORD, STORED.access_token, STORED.refresh_token]) {
        // The server's own message may echo what it was sent; the kit adds nothing secret of its own.
        if (!a.body.includes(secret)) expect(JSON.stringify(err)).not.toContain(secret);
      }
    } else if (TOKEN_RESULTS.includes(name)) {
      const stored = t.stored();
      expect(typeof (stored.access_token || stored.id_token)).toBe('string');
      expect(stored.access_token).toBe(data.access_token);
      expect(Number.isFinite(stored.expires_at)).toBe(true);
    } else if (name === 'logout') {
      expect(t.stored()).toBeUndefined();
    } else {
      expect(JSON.stringify(t.stored())).toBe(before);
    }
  }), { numRuns: RUNS * 8 });
}, 20000 + RUNS * 8 * 50);
