// Constructor: validation (the only place that throws, localized), defaults, no side effects.
const { core, setup } = require('./support');

let t;
beforeAll(async () => { t = await setup(); });
afterAll(() => t.close());

const base = () => ({ appId: 'app', userPoolId: 'pool', platform: core.createWechatPlatform(t.wx) });
const make = (o) => () => new core.Authing(o);

test('defaults: core.authing.cn, 10 s, zh-CN, global wx platform', () => {
  const client = new core.Authing({ appId: 'app', userPoolId: 'pool' });
  const { platform, ...rest } = client.options;
  expect(rest).toEqual({ appId: 'app', userPoolId: 'pool', host: 'https://core.authing.cn', timeout: 10000, lang: 'zh-CN' });
  expect(platform.name).toBe('wx');
  expect(Object.isFrozen(client.options)).toBe(true);
});

test.each([
  ['https://example.authing.cn/', 'https://example.authing.cn'],
  ['https://example.com/authing//', 'https://example.com/authing'],
  ['http://127.0.0.1:3000', 'http://127.0.0.1:3000'],
  ['http://127.1.2.3', 'http://127.1.2.3'],
  ['http://localhost:8080/', 'http://localhost:8080'],
  ['http://[::1]:9000', 'http://[::1]:9000'],
])('host %s → %s', (host, expected) => {
  expect(new core.Authing({ ...base(), host }).options.host).toBe(expected);
});

test.each([
  ['plain http to a public host', { host: 'http://core.authing.cn' }, /https/],
  ['http to a LAN address', { host: 'http://192.168.1.2' }, /https/],
  ['no scheme', { host: 'core.authing.cn' }, /host/],
  ['query string', { host: 'https://a.cn/?x=1' }, /host/],
  ['ftp', { host: 'ftp://a.cn' }, /host/],
  ['missing appId', { appId: undefined }, /appId/],
  ['empty userPoolId', { userPoolId: '' }, /userPoolId/],
  ['appId with spaces', { appId: 'a b' }, /appId/],
  ['timeout 0', { timeout: 0 }, /timeout/],
  ['timeout NaN', { timeout: NaN }, /timeout/],
  ['lang fr', { lang: 'fr-FR' }, /lang/],
  ['encryptFunction not a function', { encryptFunction: 'rsa' }, /encryptFunction/],
  ['platform missing methods', { platform: { request() {} } }, /platform/],
])('%s → throws a clear error', (_n, override, message) => {
  expect(make({ ...base(), ...override })).toThrow(message);
  expect(make({ ...base(), ...override })).toThrow(/^初始化参数错误：/);
});

test('no options at all → throws', () => {
  expect(() => new core.Authing(undefined)).toThrow(/options/);
});

test('messages follow a valid lang', () => {
  expect(make({ ...base(), lang: 'en-US', host: 'http://example.com' })).toThrow('Invalid options: host must use https (plain http is allowed for loopback addresses only)');
});

test('no global wx and no platform → a clear error', () => {
  const saved = global.wx;
  delete global.wx;
  try {
    expect(() => new core.Authing({ appId: 'a', userPoolId: 'p', lang: 'en-US' })).toThrow(/No global wx object/);
  } finally {
    global.wx = saved;
  }
});

test('the constructor has no side effects (no login, no storage, no request)', async () => {
  const calls = [];
  const platform = {};
  for (const [k, fn] of Object.entries(core.createWechatPlatform(t.wx))) platform[k] = typeof fn === 'function' ? (...a) => { calls.push(k); return fn(...a); } : fn;
  const before = t.srv.requests.length;
  new core.Authing({ ...base(), platform, host: t.srv.url });
  await new Promise((r) => setTimeout(r, 20));
  expect(calls).toEqual([]);
  expect(t.srv.requests.length).toBe(before);
});

test('the package entry exports the public API', () => {
  const entry = require('../../miniprogram_dist/index');
  for (const name of ['Authing', 'setDefaultClient', 'getDefaultClient', 'createWechatPlatform', 'createTaroPlatform', 'createUniPlatform',
    'translate', 'isLang', 'validatePhone', 'validateEmail', 'validatePassword', 'SDK_VERSION']) {
    expect(entry[name]).toBeDefined();
  }
  expect(entry.SDK_VERSION).toMatch(/^5\.\d+\.\d+$/);
  expect(entry.KIT_VERSION).toBe(require('../../package.json').version);
  const client = new entry.Authing(base());
  entry.setDefaultClient(client);
  expect(entry.getDefaultClient()).toBe(client);
  entry.setDefaultClient(undefined);
});
