// The argument-check building blocks of the client methods (core/checks, core/json-argument): what a
// caller's value becomes before it goes on the wire, or the problem the client reports instead.
const checks = require('../helpers/kit').internal('core/checks');

const { shown, isObject, copyObject, optionalTrimmed, requiredString, checkEncryptType, checkUserData } = checks;
const param = (name) => ({ problem: { key: 'invalidParam', params: { name } } });

test('shown: how a message quotes a caller\'s value', () => {
  expect(shown('rsa')).toBe('rsa');
  expect(shown('x'.repeat(32))).toBe('x'.repeat(32));
  expect(shown('x'.repeat(33))).toBe(`${'x'.repeat(32)}…`);
  expect(shown(42)).toBe('42');
  expect(shown(false)).toBe('false');
  expect(shown(NaN)).toBe('<number>');
  expect(shown(Infinity)).toBe('<number>');
  expect(shown(undefined)).toBe('<none>');
  expect(shown(null)).toBe('<none>');
  expect(shown([1])).toBe('<array>');
  expect(shown({ a: 1 })).toBe('<object>');
  expect(shown(() => 1)).toBe('<function>');
});

test('isObject: plain objects only', () => {
  expect(isObject({})).toBe(true);
  for (const other of [null, undefined, [], 'x', 1, true]) expect(isObject(other)).toBe(false);
});

describe('copyObject / jsonArgument: options and customData travel as a JSON copy', () => {
  test('absent → undefined; not a plain object → invalidParam naming it', () => {
    expect(copyObject(undefined, 'options')).toEqual({ value: undefined });
    expect(copyObject(null, 'options')).toEqual({ value: undefined });
    for (const bad of [[], ['a'], 'x', 3, true]) expect(copyObject(bad, 'options')).toEqual(param('options'));
  });

  test('a fresh copy, without __proto__ keys at any depth, as JSON would send it', () => {
    const input = { scope: 'openid', n: 1, deep: { list: [1, { k: 'v' }] }, fn() {}, skip: undefined, when: new Date(0) };
    const { value } = copyObject(input, 'options');
    expect(value).toEqual({ scope: 'openid', n: 1, deep: { list: [1, { k: 'v' }] }, when: '1970-01-01T00:00:00.000Z' });
    expect(value).not.toBe(input);
    expect(value.deep).not.toBe(input.deep);
    const parsed = JSON.parse('{"a":1,"__proto__":{"admin":true},"b":{"__proto__":{"admin":true},"c":2}}');
    const copy = copyObject(parsed, 'customData').value;
    expect(copy).toEqual({ a: 1, b: { c: 2 } });
    expect(Object.keys(copy)).toEqual(['a', 'b']);
    expect(Object.prototype.hasOwnProperty.call(copy.b, '__proto__')).toBe(false);
    expect(copy.admin).toBeUndefined();
  });

  test('what JSON cannot carry is invalidParam, without the caller\'s error text', () => {
    const cyclic = { a: 1 };
    cyclic.self = cyclic;
    const cases = [{ n: BigInt(1) }, cyclic, { toJSON() { throw new Error('secret'); } }, { toJSON: () => 'x' }, { toJSON: () => undefined }, { toJSON: () => [1] }, { toJSON: () => null }];
    for (const bad of cases) expect(copyObject(bad, 'customData')).toEqual(param('customData'));
  });

  test('at most 65536 characters of JSON', () => {
    const sized = (n) => ({ k: 'x'.repeat(n - '{"k":""}'.length) });
    expect(JSON.stringify(sized(65536))).toHaveLength(65536);
    expect(copyObject(sized(65536), 'customData').value).toEqual(sized(65536));
    expect(copyObject(sized(65537), 'customData')).toEqual({ problem: { key: 'tooLong', params: { field: 'customData', max: 65536 } } });
  });
});

test('optionalTrimmed: absent or blank → undefined, a string → trimmed, anything else → invalidParam', () => {
  for (const absent of [undefined, null, '', '   ']) expect(optionalTrimmed(absent, 'iv')).toEqual({ value: undefined });
  expect(optionalTrimmed(' +86 ', 'phoneCountryCode')).toEqual({ value: '+86' });
  for (const bad of [86, {}, ['x'], false]) expect(optionalTrimmed(bad, 'phoneCountryCode')).toEqual(param('phoneCountryCode'));
});

test('requiredString: not blank, trimmed, at most 255 characters after trimming', () => {
  for (const blank of [undefined, null, '', '  ', 5]) expect(requiredString(blank, 'extIdpConnidentifier')).toEqual({ problem: { key: 'required', params: { field: 'extIdpConnidentifier' } } });
  expect(requiredString(' idp ', 'extIdpConnidentifier')).toEqual({ value: 'idp' });
  expect(requiredString(` ${'x'.repeat(255)} `, 'code')).toEqual({ value: 'x'.repeat(255) });
  expect(requiredString('x'.repeat(256), 'code')).toEqual({ problem: { key: 'tooLong', params: { field: 'code', max: 255 } } });
});

test('checkEncryptType: none, rsa, sm2 or absent', () => {
  for (const absent of [undefined, null]) expect(checkEncryptType(absent)).toEqual({ value: undefined });
  for (const type of ['none', 'rsa', 'sm2']) expect(checkEncryptType(type)).toEqual({ value: type });
  expect(checkEncryptType('RSA')).toEqual({ problem: { key: 'invalidEncryptType', params: { type: 'RSA' } } });
  expect(checkEncryptType('')).toEqual({ problem: { key: 'invalidEncryptType', params: { type: '' } } });
  expect(checkEncryptType({})).toEqual({ problem: { key: 'invalidEncryptType', params: { type: '<object>' } } });
});

test('checkUserData: encryptedData and iv travel together, trimmed', () => {
  const name = 'wechatMiniProgramCodePayload';
  for (const absent of [undefined, null]) expect(checkUserData(absent, name)).toEqual({ value: undefined });
  for (const empty of [{}, { encryptedData: '', iv: ' ' }, { encryptedData: null }]) expect(checkUserData(empty, name)).toEqual({ value: undefined });
  expect(checkUserData({ encryptedData: ' enc ', iv: ' iv ' }, name)).toEqual({ value: { encryptedData: 'enc', iv: 'iv' } });
  for (const half of [{ encryptedData: 'enc' }, { iv: 'iv' }, { encryptedData: 'enc', iv: ' ' }]) expect(checkUserData(half, name)).toEqual(param(name));
  for (const bad of ['x', [], 1]) expect(checkUserData(bad, name)).toEqual(param(name));
  expect(checkUserData({ encryptedData: 1, iv: 'iv' }, name)).toEqual(param(`${name}.encryptedData`));
  expect(checkUserData({ encryptedData: 'enc', iv: 1 }, name)).toEqual(param(`${name}.iv`));
});
