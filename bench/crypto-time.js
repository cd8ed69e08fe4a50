// Encryption time of the kit's two encryptFunctions (RSA-2048 on jsencrypt, SM2 on sm-crypto), run
// the way WeChat runs them: the BUILT modules evaluated in a bare `vm` context with only ES builtins
// and a `wx` object (no window, crypto, process, Buffer) — test/core/vm-loader.js. Random bytes come
// from wx.getRandomValues through the kit's entropy pool; refilling the pool is async and happens
// between runs, outside the timed section, so the figure is the synchronous encryptFunction call.
const { performance } = require('perf_hooks');
const { createMiniProgramRuntime } = require('../test/core/vm-loader');
const { createWxShim } = require('../devserver/wx-shim');
const { createNodeTransport } = require('../devserver/wx-shim/node-transport');
const { generateKeys, rsaDecrypt, sm2Decrypt } = require('../devserver/crypto-keys');

const PLAIN = 'Demo@123456';

function stats(samples) {
  const s = samples.slice().sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
  const round = (v) => Math.round(v * 1000) / 1000;
  return { runs: s.length, medianMs: round(at(0.5)), p95Ms: round(at(0.95)), minMs: round(s[0]), maxMs: round(s[s.length - 1]) };
}

async function measureOne(label, { encryptModule, exportName, publicKey, decrypt }, { warmup, runs }) {
  // A fresh sandbox per algorithm, so the first call really is the first (module load + key parse).
  const wx = createWxShim({ baseUrl: 'http://127.0.0.1:9', transport: createNodeTransport() });
  const rt = createMiniProgramRuntime({ wx });
  const core = rt.require('miniprogram_dist/index.js');
  const entropy = core.__kitInternals['core/crypto/entropy']; // the pool the crypto bundles draw from
  const { createWechatPlatform } = core;
  const platform = createWechatPlatform(wx);
  const encrypt = rt.require(encryptModule)[exportName];

  await entropy.prepareEncryption(platform);
  let t = performance.now();
  const first = encrypt(PLAIN, publicKey);
  const firstMs = performance.now() - t;
  if (decrypt(first) !== PLAIN) throw new Error(`${label}: the ciphertext does not decrypt to the plain text`);

  for (let i = 0; i < warmup; i++) {
    await entropy.prepareEncryption(platform);
    encrypt(PLAIN, publicKey);
  }
  const samples = [];
  let last;
  for (let i = 0; i < runs; i++) {
    await entropy.prepareEncryption(platform);
    t = performance.now();
    last = encrypt(PLAIN, publicKey);
    samples.push(performance.now() - t);
  }
  if (decrypt(last) !== PLAIN) throw new Error(`${label}: the last ciphertext does not decrypt`);
  return { ...stats(samples), firstCallMs: Math.round(firstMs * 1000) / 1000, warmup, cipherChars: last.length };
}

async function measureCrypto({ warmup = 20, runs = 200 } = {}) {
  const keys = await generateKeys();
  const rsa = await measureOne('RSA-2048', {
    encryptModule: 'miniprogram_dist/crypto/rsa.js', exportName: 'encryptRsa', publicKey: keys.rsa.publicKey,
    decrypt: (c) => rsaDecrypt(keys.rsa.privateKey, c),
  }, { warmup, runs });
  const sm2 = await measureOne('SM2', {
    encryptModule: 'miniprogram_dist/crypto/sm2.js', exportName: 'encryptSm2', publicKey: keys.sm2.publicKey,
    decrypt: (c) => sm2Decrypt(keys.sm2.privateKey, c),
  }, { warmup, runs });
  return { rsa, sm2, plainText: `${PLAIN.length} chars`, runtime: 'bare vm context (test/core/vm-loader.js)' };
}

module.exports = { measureCrypto };

if (require.main === module) measureCrypto().then((r) => console.log(JSON.stringify(r, null, 2)));
