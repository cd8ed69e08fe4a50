/**
 * @jest-environment node
 */
// The built core and both crypto modules in a bare `vm` context shaped like WeChat's JS runtime:
// ES builtins and `wx` only — no window, document, crypto, process, Buffer, TextEncoder,
// atob/btoa, and a `module` without `.require`. jsdom would hide sm-crypto's load-time failure
// (toolchain notes P13) and jsencrypt's Math.random seeding (P14); this catches both.
const vm = require('vm');
const { startDevServer } = require('../helpers/server');
const { createWxShim } = require('../../devserver/wx-shim');
const { createNodeTransport } = require('../../devserver/wx-shim/node-transport');
const { createMiniProgramRuntime } = require('./vm-loader');

let srv;
beforeAll(async () => { srv = await startDevServer(); });
afterAll(() => srv.close());

/** A fresh WeChat-like runtime whose Math.random records every call. */
function runtime() {
  const wx = createWxShim({ baseUrl: srv.url, transport: createNodeTransport() });
  const randomCalls = [];
  const rt = createMiniProgramRuntime({ wx, __recordRandom: () => randomCalls.push(new Error('Math.random called').stack) });
  vm.runInContext('Math.random = function () { __recordRandom(); return 0.5; };', rt.context);
  return { ...rt, wx, randomCalls };
}

test('the sandbox really lacks what WeChat lacks', () => {
  const { context } = runtime();
  const missing = vm.runInContext(
    `[typeof window, typeof document, typeof self, typeof navigator, typeof crypto, typeof process, typeof Buffer,
      typeof TextEncoder, typeof TextDecoder, typeof atob, typeof btoa, typeof require, typeof module]`,
    context,
  );
  expect(new Set(missing)).toEqual(new Set(['undefined']));
});

test('control: sm-crypto required whole throws there (why the kit takes only its curve and SM3 parts)', () => {
  const rt = runtime();
  expect(() => rt.require('node_modules/sm-crypto/src/index.js')).toThrow(/crypto\.getRandomValues/);
});

test('RSA and SM2 password logins complete; Math.random is never called', async () => {
  const rt = runtime();
  const core = rt.require('miniprogram_dist/index.js');
  rt.require('miniprogram_dist/crypto/rsa.js'); // registers itself
  const sm2Module = rt.require('miniprogram_dist/crypto/sm2.js');
  expect(sm2Module.default).toBe(sm2Module.encryptSm2);
  const options = { appId: srv.config.appId, userPoolId: srv.config.userPoolId, host: srv.url };
  const randomSpy = jest.spyOn(rt.wx, 'getRandomValues');

  // The encryptors registered themselves when required: no encryptFunction needed.
  const rsaClient = new core.Authing(options);
  const login = (client, type) => client.loginByPassword({ passwordPayload: { account: 'demo', password: 'Demo@123456' }, options: { passwordEncryptType: type } });
  const [rsaErr, rsaState] = await login(rsaClient, 'rsa');
  expect(rsaErr).toBeNull();
  expect(typeof rsaState.access_token).toBe('string');

  const sm2Client = new core.Authing({ ...options, encryptFunction: sm2Module.encryptSm2 });
  const [registeredErr] = await login(new core.Authing(options), 'sm2');
  expect(registeredErr).toBeNull();
  const [sm2Err, sm2State] = await login(sm2Client, 'sm2');
  expect(sm2Err).toBeNull();
  expect(typeof sm2State.access_token).toBe('string');

  // Both really loaded inside the sandbox (not from Node's module system): the crypto bundles inline
  // jsbn / sm-crypto's curve and SM3 and share the one core bundle; nothing comes from node_modules.
  expect([...rt.loaded].sort()).toEqual(['miniprogram_dist/crypto/rsa.js', 'miniprogram_dist/crypto/sm2.js', 'miniprogram_dist/index.js']);
  expect(randomSpy).toHaveBeenCalled(); // entropy came from wx.getRandomValues
  expect(rt.randomCalls).toEqual([]);
  // No globalThis.crypto shim: the kit's own RNG (the entropy pool) feeds both encryptors.
  expect(vm.runInContext('typeof crypto', rt.context)).toBe('undefined');

  const wrong = await rsaClient.loginByPassword({ passwordPayload: { account: 'demo', password: 'wrong-password' }, options: { passwordEncryptType: 'rsa' } });
  expect(wrong[0].code).toBe('server');
  expect(rt.randomCalls).toEqual([]);
});

test('the default platform (global wx) works in the sandbox: code login + storage', async () => {
  const rt = runtime();
  const core = rt.require('miniprogram_dist/index.js');
  const client = new core.Authing({ appId: srv.config.appId, userPoolId: srv.config.userPoolId, host: srv.url });
  const [err, state] = await client.loginByCode({ extIdpConnidentifier: srv.config.wechatIdpIdentifier });
  expect(err).toBeNull();
  const [, stored] = await client.getLoginState();
  expect(stored.access_token).toBe(state.access_token);
  expect(rt.wx.getStorageSync(`authing:${srv.config.appId}:login-state`).access_token).toBe(state.access_token);
});

test('encryptors refuse to run on an empty entropy pool (no Math.random fallback)', () => {
  const rt = runtime();
  const { encryptRsa } = rt.require('miniprogram_dist/crypto/rsa.js');
  const { encryptSm2 } = rt.require('miniprogram_dist/crypto/sm2.js');
  const pem = srvKey();
  expect(() => encryptRsa('secret', pem)).toThrow(/prepareEncryption/);
  const { sm2 } = require('sm-crypto');
  expect(() => encryptSm2('secret', sm2.generateKeyPairHex().publicKey)).toThrow(/prepareEncryption/);
  expect(rt.randomCalls).toEqual([]);
});

function srvKey() {
  const { generateKeyPairSync } = require('crypto');
  return generateKeyPairSync('rsa', { modulusLength: 1024, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } }).publicKey;
}

describe('the bundled components', () => {
  const fs = require('fs');
  const path = require('path');
  const DIST = path.resolve(__dirname, '../../miniprogram_dist');
  const NAMES = fs.readdirSync(path.join(DIST, 'components')).filter((n) => fs.existsSync(path.join(DIST, 'components', n, 'index.js')));
  const requiresOf = (name) => [...fs.readFileSync(path.join(DIST, 'components', name, 'index.js'), 'utf8').matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]);

  test('the control: the core bundle holds the login-state store', () => {
    expect(fs.readFileSync(path.join(DIST, 'index.js'), 'utf8')).toContain('login-state');
  });

  test('require only the core bundle, the opt-in entries and tdesign — never a copy of the core', () => {
    expect(NAMES).toEqual(expect.arrayContaining(['login', 'phone-button', 'avatar-uploader', 'profile-form', 'register']));
    for (const name of NAMES) {
      const specs = requiresOf(name);
      expect(specs).toContain('../../index');
      for (const spec of specs) expect(spec).toMatch(/^(\.\.\/\.\.\/(index|account|journey|i18n\/en-US|crypto\/(rsa|sm2))|tdesign-miniprogram\/.+)$/);
      // The login-state store (core only) is not inlined here.
      expect(fs.readFileSync(path.join(DIST, 'components', name, 'index.js'), 'utf8')).not.toContain('login-state');
    }
  });

  test('load in the bare runtime and share one core instance', () => {
    const defs = [];
    const rt = createMiniProgramRuntime({ wx: createWxShim({ baseUrl: srv.url, transport: createNodeTransport() }), Component: (def) => defs.push(def) });
    const plain = NAMES.filter((n) => !requiresOf(n).some((s) => s.startsWith('tdesign-miniprogram/')));
    expect(plain.length).toBeGreaterThan(0); // tdesign's own scripts are ES modules WeChat compiles; they cannot run here
    for (const name of plain) rt.require(`miniprogram_dist/components/${name}/index.js`);
    expect(defs).toHaveLength(plain.length);
    // Besides the components: the core once, and the opt-in entries they name (the avatar uploader needs `account`).
    const entries = new Set(plain.flatMap(requiresOf).filter((s) => s.startsWith('../../') && s !== '../../index').map((s) => `miniprogram_dist/${s.slice(6)}.js`));
    expect(rt.loaded.filter((f) => !f.startsWith('miniprogram_dist/components/')).sort()).toEqual(['miniprogram_dist/index.js', ...entries].sort());
  });
});
