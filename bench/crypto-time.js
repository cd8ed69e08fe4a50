// Tap → request on the wire for an encrypted password login (RSA-2048 on jsencrypt, SM2 on
// sm-crypto), measured the way the login component runs it: the BUILT bundles evaluated in a bare
// `vm` context with only ES builtins and a `wx` object (test/core/vm-loader.js), talking real HTTP
// to the devserver (which decrypts every ciphertext, or the login fails and the bench stops).
//   - prepared: `client.prepareEncryption(type)` has run (the component calls it when the password
//     field shows / first gets input): public key, entropy pool, SM2's ephemeral point are ready.
//   - the figure: performance.now() from the loginByPassword call (the tap) to the moment the kit
//     hands the request to wx.request. Warm = same client, after a previous login; cold = a fresh
//     runtime and client (new module state) whose public key is persisted in storage, prepared
//     before the tap, counting the API requests of prepare + login (no GET /api/v3/system expected).
//   - unprepared: the encryptFunction call alone with no prepared state (what a tap costs when the
//     field was never shown first), for reference.
const { performance } = require('perf_hooks');
const { createMiniProgramRuntime } = require('../test/core/vm-loader');
const { createDevServer } = require('../devserver');
const { createWxShim } = require('../devserver/wx-shim');
const { createNodeTransport } = require('../devserver/wx-shim/node-transport');

const DEMO = { account: 'demo', password: 'Demo@123456' };

function stats(samples) {
  const s = samples.slice().sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
  const round = (v) => Math.round(v * 1000) / 1000;
  return { runs: s.length, medianMs: round(at(0.5)), p95Ms: round(at(0.95)), minMs: round(s[0]), maxMs: round(s[s.length - 1]) };
}

/** A fresh mini-program runtime (module state) on `wx`, with the encryptor of `type` registered. */
function freshClient(srv, wx, type) {
  const rt = createMiniProgramRuntime({ wx });
  const core = rt.require('miniprogram_dist/index.js');
  rt.require(`miniprogram_dist/crypto/${type}.js`); // registers the encryptor with this runtime's core
  return new core.Authing({ appId: srv.config.appId, userPoolId: srv.config.userPoolId, host: srv.url, platform: core.createWechatPlatform(wx) });
}

/** One tapped login: ms from the call to wx.request, and the API requests the server saw. */
async function tap(srv, wx, client, type) {
  const api = () => srv.requests.filter((r) => r.method !== 'OPTIONS').length;
  const before = api();
  let sentAt;
  const request = wx.request;
  wx.request = (opts) => { if (sentAt === undefined) sentAt = performance.now(); return request(opts); };
  const t = performance.now();
  const pending = client.loginByPassword({ passwordPayload: { ...DEMO }, options: { passwordEncryptType: type } });
  const [err] = await pending;
  wx.request = request;
  if (err) throw new Error(`${type} login failed (the devserver must decrypt every ciphertext): ${err.message}`);
  return { ms: sentAt - t, requests: api() - before };
}

async function measureOne(srv, type, { warmup, runs }) {
  const wx = createWxShim({ baseUrl: srv.url, transport: createNodeTransport() });
  const client = freshClient(srv, wx, type);

  // First ever login of this app: fetches and persists the key while preparing.
  const [prepErr] = await client.prepareEncryption(type);
  if (prepErr) throw new Error(`${type} prepareEncryption: ${prepErr.message}`);
  await tap(srv, wx, client, type);

  for (let i = 0; i < warmup; i++) {
    await client.prepareEncryption(type);
    await tap(srv, wx, client, type);
  }
  const warm = [];
  for (let i = 0; i < runs; i++) {
    await client.prepareEncryption(type);
    warm.push((await tap(srv, wx, client, type)).ms);
  }

  // Cold starts: a new runtime each time, the key persisted by the previous runs.
  const cold = [];
  let coldRequests = 0;
  for (let i = 0; i < Math.max(10, Math.round(runs / 4)); i++) {
    const before = srv.requests.filter((r) => r.method !== 'OPTIONS').length;
    const c = freshClient(srv, wx, type);
    await c.prepareEncryption(type);
    const r = await tap(srv, wx, c, type);
    cold.push(r.ms);
    coldRequests = Math.max(coldRequests, srv.requests.filter((q) => q.method !== 'OPTIONS').length - before);
  }

  // Reference: the encryptor with nothing prepared (fresh runtime, pool filled, no ephemeral).
  const rt = createMiniProgramRuntime({ wx });
  const core = rt.require('miniprogram_dist/index.js');
  const encrypt = rt.require(`miniprogram_dist/crypto/${type}.js`)[type === 'rsa' ? 'encryptRsa' : 'encryptSm2'];
  await core.__kitInternals['core/crypto/entropy'].prepareEncryption(core.createWechatPlatform(wx));
  const system = await (await fetch(`${srv.url}/api/v3/system`)).json();
  const key = (system[type] || (system.data || {})[type]).publicKey;
  const t = performance.now();
  encrypt(DEMO.password, key);
  const unpreparedMs = Math.round((performance.now() - t) * 1000) / 1000;
  return { warm: stats(warm), cold: { ...stats(cold), requests: coldRequests }, unpreparedMs, warmup };
}

async function measureCrypto({ warmup = 5, runs = 40 } = {}) {
  // A generous attempt limit: the bench logs the demo user in many times in a row.
  const srv = await createDevServer({ port: 0, log: false });
  try {
    const rsa = await measureOne(srv, 'rsa', { warmup, runs });
    const sm2 = await measureOne(srv, 'sm2', { warmup, runs });
    return { rsa, sm2, runtime: 'bare vm context (test/core/vm-loader.js) + devserver over HTTP' };
  } finally {
    await srv.close();
  }
}

module.exports = { measureCrypto };

if (require.main === module) measureCrypto().then((r) => console.log(JSON.stringify(r, null, 2)));
