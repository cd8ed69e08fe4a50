// Edges of the RSA encryptor (crypto.test.js has the round trips with an SPKI 2048-bit key): PKCS#1
// keys, other key sizes and exponents, the padding's exact shape, and the keys it must refuse.
const crypto = require('crypto');
const { encryptRsa } = require('../../miniprogram_dist/crypto/rsa');
const entropy = require('../helpers/kit').internal('core/crypto/entropy');

beforeEach(() => entropy.prepareEncryption());

function keyPair(modulusLength, type = 'spki', publicExponent = 65537) {
  return crypto.generateKeyPairSync('rsa', {
    modulusLength, publicExponent, publicKeyEncoding: { type, format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
}

/** The raw padded block of a ciphertext (Node refuses PKCS#1 v1.5 decryption, so unpadded by hand). */
function block(b64, privateKey) {
  return crypto.privateDecrypt({ key: privateKey, padding: crypto.constants.RSA_NO_PADDING }, Buffer.from(b64, 'base64'));
}

test('a PKCS#1 key (RSA PUBLIC KEY) of 1024 bits with exponent 3: a 128-byte block 00 02, non-zero padding, 00, the UTF-8 text', () => {
  const { publicKey, privateKey } = keyPair(1024, 'pkcs1', 3);
  expect(publicKey).toMatch(/BEGIN RSA PUBLIC KEY/);
  const cipher = encryptRsa('pässword', publicKey);
  expect(Buffer.from(cipher, 'base64')).toHaveLength(128);
  const b = block(cipher, privateKey);
  const text = Buffer.from('pässword', 'utf8');
  expect([b[0], b[1]]).toEqual([0, 2]);
  expect(b.indexOf(0, 2)).toBe(128 - text.length - 1);
  expect(b.subarray(2, 128 - text.length - 1).every((x) => x !== 0)).toBe(true);
  expect(b.subarray(128 - text.length)).toEqual(text);
});

test('the longest text a 1024-bit key takes is 117 bytes; the ciphertext is always the full key size', () => {
  const { publicKey, privateKey } = keyPair(1024);
  expect(() => encryptRsa('x'.repeat(118), publicKey)).toThrow('Message too long for RSA (118 bytes, max 117)');
  for (let i = 0; i < 8; i++) {
    const cipher = encryptRsa('x'.repeat(117), publicKey);
    expect(Buffer.from(cipher, 'base64')).toHaveLength(128);
    expect(block(cipher, privateKey).subarray(11).toString()).toBe('x'.repeat(117));
  }
});

test('refused keys: blank, not base64 DER, truncated, too small a modulus, exponent 1; a non-string text', () => {
  const { publicKey } = keyPair(1024);
  const bare = publicKey.replace(/-----[^-]+-----|\s/g, '');
  const der = Buffer.from(bare, 'base64');
  expect(() => encryptRsa('x', ' \n ')).toThrow('RSA public key is empty');
  expect(() => encryptRsa('x', undefined)).toThrow('RSA public key is empty');
  expect(() => encryptRsa('x', der.subarray(0, der.length - 10).toString('base64'))).toThrow('RSA public key could not be parsed');
  expect(() => encryptRsa('x', Buffer.from([0x30, 0x85, 1, 1, 1, 1, 1]).toString('base64'))).toThrow('RSA public key could not be parsed');
  // SEQUENCE { INTEGER n (256 bits), INTEGER 65537 }: a modulus under 512 bits.
  const small = Buffer.concat([Buffer.from([0x30, 0x26, 0x02, 0x21, 0x00]), Buffer.alloc(32, 0xff), Buffer.from([0x02, 0x03, 0x01, 0x00, 0x01])]);
  expect(() => encryptRsa('x', small.toString('base64'))).toThrow('RSA public key could not be parsed');
  // SEQUENCE { INTEGER n (1024 bits), INTEGER 1 }
  const one = Buffer.concat([Buffer.from([0x30, 0x81, 0x87, 0x02, 0x81, 0x81, 0x00]), Buffer.alloc(128, 0xff), Buffer.from([0x02, 0x01, 0x01])]);
  expect(() => encryptRsa('x', one.toString('base64'))).toThrow('RSA public key could not be parsed');
  const three = Buffer.concat([Buffer.from([0x30, 0x81, 0x87, 0x02, 0x81, 0x81, 0x00]), Buffer.alloc(128, 0xff), Buffer.from([0x02, 0x01, 0x03])]);
  expect(Buffer.from(encryptRsa('x', three.toString('base64')), 'base64')).toHaveLength(128);
  expect(() => encryptRsa(42, publicKey)).toThrow('RSA: plain text must be a string');
});
