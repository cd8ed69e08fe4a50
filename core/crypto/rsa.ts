// RSA password encryption compatible with the seed's `@authing/miniapp-jsencrypt`:
// RSAES-PKCS#1 v1.5, base64 output. jsencrypt only parses the key and does the modular
// exponentiation; the type-2 padding is built here from the secure entropy pool because
// jsencrypt's own padding RNG seeds from Math.random when there is no `window` (WeChat).
import JSEncrypt from 'jsencrypt';
import type { EncryptFunction } from '../types';
import { base64Encode, hexToBytes, utf8Encode } from '../encoding';
import { takeRandomBytes } from './entropy';

/** jsbn's BigInteger as far as this file needs it. */
interface BigIntegerLike {
  bitLength(): number;
  toString(radix: number): string;
  constructor: new (bytes: number[]) => BigIntegerLike;
}

/** jsencrypt's parsed key (`n`, `e` and `doPublic` are not in its public typings). */
interface RawRsaKey {
  n?: BigIntegerLike | null;
  e?: number;
  doPublic(x: BigIntegerLike): BigIntegerLike;
}

function parseKey(publicKey: string): { key: RawRsaKey; n: BigIntegerLike; size: number } {
  if (typeof publicKey !== 'string' || !publicKey.trim()) throw new Error('RSA public key is empty');
  const jse = new JSEncrypt();
  jse.setPublicKey(publicKey.trim());
  const key = jse.getKey() as unknown as RawRsaKey;
  const n = key && key.n;
  if (!n || typeof n.bitLength !== 'function' || !key.e || n.bitLength() < 512) throw new Error('RSA public key could not be parsed');
  return { key, n, size: (n.bitLength() + 7) >> 3 };
}

/** PKCS#1 v1.5 type 2: 00 02 PS(non-zero random, >= 8) 00 M. */
function pad(message: number[], size: number): number[] {
  if (message.length > size - 11) throw new Error(`Message too long for RSA (${message.length} bytes, max ${size - 11})`);
  const ps: number[] = [];
  const need = size - 3 - message.length;
  while (ps.length < need) {
    const bytes = takeRandomBytes(need - ps.length);
    for (let i = 0; i < bytes.length; i++) if (bytes[i] !== 0) ps.push(bytes[i]);
  }
  return [0, 2].concat(ps, [0], message);
}

/** `encryptFunction` for `passwordEncryptType: 'rsa'`. Throws a clear Error on a bad key or long text. */
export const encryptRsa: EncryptFunction = (plainText, publicKey) => {
  if (typeof plainText !== 'string') throw new Error('RSA: plain text must be a string');
  const { key, n, size } = parseKey(publicKey);
  const BigInteger = n.constructor;
  const cipher = key.doPublic(new BigInteger(pad(utf8Encode(plainText), size)));
  let hex = cipher.toString(16);
  if (hex.length > size * 2) throw new Error('RSA: unexpected ciphertext length');
  while (hex.length < size * 2) hex = '0' + hex;
  return base64Encode(hexToBytes(hex));
};

export default encryptRsa;
