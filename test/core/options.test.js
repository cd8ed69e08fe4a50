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

describe('each option refused with its own message', () => {
  const detail = (key, params) => core.translate('en-US', 'invalidOptions', { detail: core.translate('en-US', key, params) });
  const en = (override) => make({ ...base(), lang: 'en-US', ...override });
  const invalid = (name) => detail('optionInvalid', { name });

  test('appId / userPoolId: absent, not a usable string, or outside visible ASCII', () => {
    for (const name of ['appId', 'userPoolId']) {
      for (const absent of [undefined, null, '']) expect(en({ [name]: absent })).toThrow(detail('optionRequired', { name }));
      for (const bad of [42, ' ', 'a b', 'a\tb', 'ab\n']) expect(en({ [name]: bad })).toThrow(invalid(name));
      expect(en({ [name]: 'a\u007Fb' })).toThrow(detail('optionIdChars', { name, max: 128 }));
      for (const ok of ['!~', 'a'.repeat(128), '5f3e-ABC_x.y']) expect(new core.Authing({ ...base(), [name]: ok }).options[name]).toBe(ok);
    }
  });

  test('host: only http(s)://name-or-[ip][:port][/path], plain http only to loopback', () => {
    for (const bad of [5, null, '', '   ', 'https://', 'https//a.cn', 'https://a.cn#x', 'https://a.cn/p q', 'https://a_b.cn', 'https://a.cn:',
      'https://a.cn:123456', 'https://a.cn:port', 'xhttps://a.cn', 'https://user@a.cn', 'https://[xyz]']) {
      expect(en({ host: bad })).toThrow(invalid('host'));
    }
    for (const notLoopback of ['http://127.0.0.1.example.com', 'http://x127.0.0.1', 'http://127.0.0', 'http://127.0.0.1234', 'http://localhost.example.com',
      'http://mylocalhost', 'http://[::2]', 'http://128.0.0.1']) {
      expect(en({ host: notLoopback })).toThrow(detail('optionInsecureHost'));
    }
    for (const [host, expected] of [
      [' https://a.cn/base/ ', 'https://a.cn/base'], ['https://[fe80::1]:8443/x', 'https://[fe80::1]:8443/x'], ['http://LOCALHOST:1', 'http://LOCALHOST:1'],
      ['http://127.255.0.9', 'http://127.255.0.9'], ['https://a-b.example.cn:443', 'https://a-b.example.cn:443'], ['http://127.0.0.1:1', 'http://127.0.0.1:1'],
    ]) {
      expect(new core.Authing({ ...base(), host }).options.host).toBe(expected);
    }
  });

  test('lang, timeout, encryptFunction and platform', () => {
    expect(make({ ...base(), lang: null })).toThrow(core.translate('zh-CN', 'invalidOptions', { detail: core.translate('zh-CN', 'optionInvalid', { name: 'lang' }) }));
    for (const bad of ['5000', -1, Infinity, null]) expect(en({ timeout: bad })).toThrow(invalid('timeout'));
    expect(new core.Authing({ ...base(), timeout: 1 }).options.timeout).toBe(1);
    expect(en({ encryptFunction: null })).toThrow(invalid('encryptFunction'));
    expect(new core.Authing({ ...base(), encryptFunction: (p) => p }).options.host).toBe('https://core.authing.cn');
    const methods = base().platform;
    const { name: _name, ...functions } = methods;
    for (const bad of [null, 'wx', Object.assign(() => {}, functions)]) expect(en({ platform: bad })).toThrow(invalid('platform'));
    for (const method of ['request', 'uploadFile', 'getStorage', 'setStorage', 'removeStorage', 'login', 'chooseImage', 'getRandomValues']) {
      expect(en({ platform: { ...methods, [method]: undefined } })).toThrow(invalid('platform'));
    }
    expect(new core.Authing({ ...base(), platform: methods }).options.platform).toBe(methods);
  });

  test('options that are not an object: the zh-CN message naming options', () => {
    const message = core.translate('zh-CN', 'invalidOptions', { detail: core.translate('zh-CN', 'optionRequired', { name: 'options' }) });
    for (const bad of [undefined, null, 'app', 5]) expect(make(bad)).toThrow(message);
  });
});
