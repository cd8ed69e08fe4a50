// Shared setup for the core tests: an isolated devserver per file (own store, clock, faults,
// request log), a wx shim pointed at it, and helpers to read what went over the wire.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { startDevServer, call, dev } = require('../helpers/server');
const { createWxShim } = require('../../devserver/wx-shim');
const { createNodeTransport } = require('../../devserver/wx-shim/node-transport');

const core = require('../../miniprogram_dist/index');
const { encryptRsa } = require('../../miniprogram_dist/crypto/rsa');
const { encryptSm2 } = require('../../miniprogram_dist/crypto/sm2');

const DEMO = { username: 'demo', phone: '13800000000', email: 'demo@example.com', password: 'Demo@123456' };

/** Starts a devserver for this file; returns helpers bound to it. Call in beforeAll. */
async function setup(serverOptions = {}) {
  const srv = await startDevServer(serverOptions);
  const devControls = dev(srv.url);
  const wx = createWxShim({ baseUrl: srv.url, transport: createNodeTransport(), openid: `openid-${path.basename(expect.getState().testPath || 'x')}` });
  const ctx = {
    srv,
    wx,
    config: srv.config,
    /** A client on this server with the wx shim (override anything). */
    client(options = {}) {
      return new core.Authing({
        appId: srv.config.appId, userPoolId: srv.config.userPoolId, host: srv.url,
        platform: core.createWechatPlatform(wx), ...options,
      });
    },
    /** Requests the server recorded since the last `mark()`, optionally for one path. */
    sent(pathFilter) {
      const list = srv.requests.slice(ctx._mark);
      return pathFilter ? list.filter((r) => r.path === pathFilter) : list;
    },
    mark() { ctx._mark = srv.requests.length; },
    _mark: 0,
    dev: devControls,
    /** A wx.login code from the simulated WeChat (rotates the session_key like WeChat). */
    wxCode: () => call(srv.url, 'POST', '/__dev/wx/login', { openid: wx.__control.openid }).then((r) => r.json.code),
    userInfo: () => call(srv.url, 'POST', '/__dev/wx/user-info', { openid: wx.__control.openid, nickName: 'Tester' }).then((r) => r.json),
    phoneCode: (phoneNumber) => call(srv.url, 'POST', '/__dev/wx/phone-code', { phoneNumber }).then((r) => r.json.code),
    smsCode: devControls.smsCode,
    fault: (spec) => call(srv.url, 'POST', '/__dev/faults', spec).then((r) => r.json),
    advanceClock: (advanceMs) => call(srv.url, 'POST', '/__dev/clock', { advanceMs }),
    /** Calls the API directly (not through the client), e.g. to check a token was revoked. */
    api: (method, p, body, headers) => call(srv.url, method, p, body, headers),
    storageKey: `authing:${srv.config.appId}:login-state`,
    stored() { return wx.getStorageSync(ctx.storageKey) || undefined; },
    async close() { await srv.close(); },
  };
  return ctx;
}

/**
 * A fresh copy of the built core with none of the opt-in modules the test setup registers (or only
 * the given ones, e.g. ['account']), as in an app that imports nothing else.
 */
function bareCore(entries = []) {
  let bare;
  jest.isolateModules(() => {
    bare = require('../../miniprogram_dist/index');
    for (const entry of entries) require(`../../miniprogram_dist/${entry}`);
  });
  return bare;
}

/** A client of `bareCore(entries)` on a test context's server and wx shim. */
function bareClient(t, entries = [], options = {}) {
  const bare = bareCore(entries);
  return new bare.Authing({
    appId: t.config.appId, userPoolId: t.config.userPoolId, host: t.srv.url, platform: bare.createWechatPlatform(t.wx), ...options,
  });
}

function headersOf(record) { return record.headers; }

/** A recorded request body as an object (JSON or form). */
function bodyOf(record) {
  const type = String(record.headers['content-type'] || '');
  if (type.includes('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(record.body));
  return record.body ? JSON.parse(record.body) : undefined;
}

/** The SDK headers every request carries (contract §3.1) plus x-authing-lang. */
function expectSdkHeaders(record, lang = 'zh-CN') {
  expect(record.headers['x-authing-request-from']).toBe('sdk-miniapp');
  expect(record.headers['x-authing-sdk-version']).toBe(core.SDK_VERSION);
  expect(record.headers['x-authing-lang']).toBe(lang);
}

/** Asserts exactly which of the contract's A/U/T/F headers a request carried. */
function expectContractHeaders(record, { A = false, U = false, T, F = false }, config) {
  expect(record.headers['x-authing-app-id']).toBe(A ? config.appId : undefined);
  expect(record.headers['x-authing-userpool-id']).toBe(U ? config.userPoolId : undefined);
  expect(record.headers.authorization).toBe(T || undefined);
  if (F) expect(record.headers['content-type']).toBe('application/x-www-form-urlencoded');
  else if (record.method === 'POST') expect(record.headers['content-type']).toMatch(/^application\/json/);
}

/** A readable error: string message, never '{}' / '[object Object]', a code always set. */
function expectReadableError(err, code) {
  expect(err).toBeTruthy();
  expect(typeof err.message).toBe('string');
  expect(err.message.length).toBeGreaterThan(0);
  expect(err.message).not.toMatch(/^\{.*\}$|\[object Object\]/);
  if (code) expect(err.code).toBe(code);
  else expect(typeof err.code).toBe('string');
}

/** Deep-frozen copy: a method that mutates its argument would throw in strict mode. */
function deepFreeze(value) {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

/** A tiny real PNG on disk for avatar uploads. */
function writePng(name = 'avatar.png') {
  const png = Buffer.from(
    '89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360f8cfc0f01f0005000201e226' + '05a40000000049454e44ae426082',
    'hex',
  );
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'core-avatar-')), name);
  fs.writeFileSync(file, png);
  return { file, size: png.length };
}

function writeFile(name, content) {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'core-file-')), name);
  fs.writeFileSync(file, content);
  return { file, size: Buffer.byteLength(content) };
}

module.exports = {
  core, encryptRsa, encryptSm2, DEMO, setup, bareCore, bareClient, headersOf, bodyOf, expectSdkHeaders, expectContractHeaders, expectReadableError,
  deepFreeze, writePng, writeFile,
};
