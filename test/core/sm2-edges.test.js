// Edges of the SM2 encryptor (crypto.test.js and before-the-tap.test.js have the round trips and the
// prepared ephemeral): compressed and mixed-case keys, points off the curve, texts longer than one
// KDF block, and a prepared ephemeral serving exactly one ciphertext.
const { sm2 } = require('sm-crypto');
const sm2Module = require('../../miniprogram_dist/crypto/sm2');
const entropy = require('../helpers/kit').internal('core/crypto/entropy');

const { encryptSm2 } = sm2Module;
const keys = sm2.generateKeyPairHex();

beforeEach(() => entropy.prepareEncryption());

test('a compressed key (02/03 + x) and surrounding spaces are accepted; the text decrypts', () => {
  const compressed = sm2.compressPublicKeyHex(keys.publicKey);
  expect(compressed).toMatch(/^0[23][0-9a-f]{64}$/);
  expect(sm2.doDecrypt(encryptSm2('密码', ` ${compressed.toUpperCase()} `), keys.privateKey, 1)).toBe('密码');
});

test('texts longer than one 32-byte KDF block (and exactly one block) decrypt', () => {
  for (const text of ['x'.repeat(32), 'y'.repeat(33), '长密码'.repeat(12)]) {
    const cipher = encryptSm2(text, keys.publicKey);
    expect(cipher).toHaveLength(128 + 64 + 2 * Buffer.byteLength(text));
    expect(sm2.doDecrypt(cipher, keys.privateKey, 1)).toBe(text);
  }
});

test('refused: a point off the curve, the wrong length, a non-string text', () => {
  const x = keys.publicKey.slice(2, 66);
  const y = keys.publicKey.slice(66);
  const otherY = (BigInt(`0x${y}`) ^ 1n).toString(16).padStart(64, '0');
  expect(() => encryptSm2('x', `04${x}${otherY}`)).toThrow('SM2 public key is not a point on the curve');
  expect(() => encryptSm2('x', `04${x}${y}00`)).toThrow('SM2 public key must be a hex point (04 + x + y)');
  expect(() => encryptSm2('x', `05${x}${y}`)).toThrow('SM2 public key must be a hex point (04 + x + y)');
  expect(() => encryptSm2('x', `04${x}`)).toThrow('SM2 public key must be a hex point (04 + x + y)');
  expect(() => encryptSm2(7, keys.publicKey)).toThrow('SM2: plain text must be a string');
});

test('a prepared ephemeral heads exactly one ciphertext; the next one has a new C1', () => {
  sm2Module.prepareSm2(keys.publicKey);
  const c1 = sm2Module.preparedSm2(keys.publicKey);
  expect(c1).toMatch(/^[0-9a-f]{128}$/);
  const first = encryptSm2('a', keys.publicKey);
  expect(first.slice(0, 128)).toBe(c1);
  expect(sm2Module.preparedSm2(keys.publicKey)).toBeUndefined();
  expect(encryptSm2('a', keys.publicKey).slice(0, 128)).not.toBe(c1);
  expect(sm2.doDecrypt(first, keys.privateKey, 1)).toBe('a');
});
