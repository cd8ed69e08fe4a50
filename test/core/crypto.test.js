// Unit checks of the encryption entry points and their helpers (jsdom, like component tests).
const crypto = require('crypto');
const { sm2 } = require('sm-crypto');
const { encryptRsa } = require('../../miniprogram_dist/crypto/rsa');
const rsaModule = require('../../miniprogram_dist/crypto/rsa');
const sm2Module = require('../../miniprogram_dist/crypto/sm2');
const entropy = require('../helpers/kit').internal('core/crypto/entropy');
const encoding = require('../helpers/kit').internal('core/encoding');
const { jwtExpiry } = require('../helpers/kit').internal('core/jwt');

const { publicKey, privateKey } = crypto.generateKeyPairSync('rsa', {
  modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
});

/** PKCS#1 v1.5 unpadding by hand (Node ≥ 20.11 refuses RSA_PKCS1_PADDING for decryption). */
function rsaDecrypt(b64) {
  const block = crypto.privateDecrypt({ key: privateKey, padding: crypto.constants.RSA_NO_PADDING }, Buffer.from(b64, 'base64'));
  expect([block[0], block[1]]).toEqual([0, 2]);
  const sep = block.indexOf(0, 2);
  expect(sep).toBeGreaterThanOrEqual(10);
  return block.subarray(sep + 1).toString('utf8');
}

beforeEach(() => entropy.prepareEncryption());

describe('encryptRsa', () => {
  test('round-trips ASCII and UTF-8 (PEM or bare base64 key); default export is the same function', () => {
    expect(rsaModule.default).toBe(encryptRsa);
    expect(rsaDecrypt(encryptRsa('Demo@123456', publicKey))).toBe('Demo@123456');
    const bare = publicKey.replace(/-----[^-]+-----|\s/g, '');
    expect(rsaDecrypt(encryptRsa('密码 🔑 pässword', bare))).toBe('密码 🔑 pässword');
  });

  test('random padding: the same text encrypts differently; Math.random untouched', () => {
    const spy = jest.spyOn(Math, 'random');
    expect(encryptRsa('same', publicKey)).not.toBe(encryptRsa('same', publicKey));
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  });

  test('throws clear errors: too long, bad key, empty key', () => {
    expect(() => encryptRsa('x'.repeat(246), publicKey)).toThrow(/too long.*max 245/);
    expect(encryptRsa('x'.repeat(245), publicKey)).toHaveLength(344);
    expect(() => encryptRsa('x', 'not a key')).toThrow(/could not be parsed/);
    expect(() => encryptRsa('x', '')).toThrow(/empty/);
  });

  test('draws its padding from the entropy pool and refuses when it is short', () => {
    const before = entropy.availableEntropy();
    encryptRsa('abc', publicKey);
    expect(entropy.availableEntropy()).toBeLessThanOrEqual(before - (256 - 3 - 3));
    entropy.takeRandomBytes(entropy.availableEntropy());
    expect(() => encryptRsa('abc', publicKey)).toThrow(/prepareEncryption/);
  });
});

describe('encryptSm2', () => {
  const keys = sm2.generateKeyPairHex();

  test('C1C3C2 lowercase hex without 04, decryptable in mode 1; bare x||y key accepted', () => {
    expect(sm2Module.default).toBe(sm2Module.encryptSm2);
    const cipher = sm2Module.encryptSm2('密码Demo', keys.publicKey);
    expect(cipher).toMatch(/^[0-9a-f]+$/);
    expect(cipher).toHaveLength(128 + 64 + 2 * Buffer.byteLength('密码Demo'));
    expect(sm2.doDecrypt(cipher, keys.privateKey, 1)).toBe('密码Demo');
    const bare = sm2Module.encryptSm2('x', keys.publicKey.slice(2).toUpperCase());
    expect(sm2.doDecrypt(bare, keys.privateKey, 1)).toBe('x');
  });

  test('bad keys throw a clear error', () => {
    expect(() => sm2Module.encryptSm2('x', 'zz')).toThrow(/hex point/);
    expect(() => sm2Module.encryptSm2('x', undefined)).toThrow(/hex point/);
  });
});

describe('entropy pool', () => {
  test('prepareEncryption() without a platform uses the global wx.getRandomValues, in ≤1024-byte chunks', async () => {
    entropy.takeRandomBytes(entropy.availableEntropy());
    const spy = jest.spyOn(global.wx, 'getRandomValues');
    await entropy.prepareEncryption();
    expect(entropy.availableEntropy()).toBeGreaterThanOrEqual(entropy.POOL_TARGET);
    expect(spy.mock.calls.every(([o]) => o.length <= 1024)).toBe(true);
    spy.mockRestore();
  });

  test('concurrent prepares share work; a platform source works too', async () => {
    entropy.takeRandomBytes(entropy.availableEntropy());
    let calls = 0;
    const source = { getRandomValues: async (n) => { calls++; return new Uint8Array(crypto.randomBytes(n)); } };
    await Promise.all([entropy.prepareEncryption(source), entropy.prepareEncryption(source), entropy.prepareEncryption(source)]);
    expect(calls).toBe(2); // 2048 bytes in two 1024-byte chunks, once
  });

  test('a failing or short source rejects (and a later call can still succeed)', async () => {
    entropy.takeRandomBytes(entropy.availableEntropy());
    await expect(entropy.prepareEncryption({ getRandomValues: () => Promise.reject(new Error('no')) })).rejects.toThrow('no');
    await expect(entropy.prepareEncryption({ getRandomValues: async () => new Uint8Array(3) })).rejects.toThrow(/too few/);
    await entropy.prepareEncryption();
    expect(entropy.availableEntropy()).toBeGreaterThanOrEqual(entropy.POOL_TARGET);
  });

  test('takeRandomBytes consumes; fillRandom fills a typed array view', () => {
    const view = entropy.fillRandom(new Uint32Array(4));
    expect(view).toHaveLength(4);
    const n = entropy.availableEntropy();
    expect(entropy.takeRandomBytes(5)).toHaveLength(5);
    expect(entropy.availableEntropy()).toBe(n - 5);
  });
});

describe('encoding helpers (no TextEncoder / btoa in WeChat)', () => {
  test('utf8 and base64 agree with Node', () => {
    for (const text of ['', 'a', 'ab', 'abc', '密码', '🔑x', 'é\u0000z', '\uD800 lone']) {
      const bytes = encoding.utf8Encode(text);
      expect(Buffer.from(bytes).toString('utf8')).toBe(Buffer.from(text, 'utf8').toString('utf8'));
      expect(encoding.base64Encode(bytes)).toBe(Buffer.from(bytes).toString('base64'));
      expect(encoding.base64Decode(encoding.base64Encode(bytes))).toEqual(bytes);
      expect(encoding.utf8Decode(bytes)).toBe(Buffer.from(bytes).toString('utf8'));
    }
    expect(encoding.base64Decode('a$b')).toBeNull();
  });

  test('jwtExpiry reads exp from base64url JWTs only', () => {
    const jwt = (p) => `e30.${Buffer.from(JSON.stringify(p)).toString('base64url')}.x`;
    expect(jwtExpiry(jwt({ exp: 1700000000, name: '名字' }))).toBe(1700000000);
    expect(jwtExpiry(jwt({ exp: 'soon' }))).toBeUndefined();
    expect(jwtExpiry('opaque-token')).toBeUndefined();
    expect(jwtExpiry(undefined)).toBeUndefined();
  });
});
