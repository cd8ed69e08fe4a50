// `require('authing-miniapp-kit/crypto/rsa')`: RSA password encryption, registered with the core
// for `passwordEncryptType: 'rsa'` and exported as a seed-compatible `encryptFunction`.
// RSAES-PKCS#1 v1.5, base64 output (what the seed's `@authing/miniapp-jsencrypt` sends). Only jsbn's
// BigInteger (the big-number library jsencrypt is built on) is used; the key is parsed here and the
// type-2 padding comes from the kit's entropy pool — never from Math.random.
import { BigInteger } from 'jsbn';
import type { EncryptFunction } from '../types';
import { base64Decode, base64Encode, hexToBytes, utf8Encode } from '../encoding';
// The registry and the entropy pool are the core's (shared state): taken from the core entry.
import { registerEncryptor, takeRandomBytes } from '../index';

interface RsaKey {
  n: BigInteger;
  e: number;
  /** Modulus length in bytes. */
  size: number;
}

interface Tlv {
  tag: number;
  start: number;
  end: number;
}

/** One DER element at `pos` (definite lengths only, as in every public key). */
function readTlv(der: number[], pos: number): Tlv {
  const tag = der[pos];
  let len = der[pos + 1];
  let start = pos + 2;
  if (len & 0x80) {
    const count = len & 0x7f;
    if (count < 1 || count > 4) throw new Error('RSA public key could not be parsed');
    len = 0;
    for (let i = 0; i < count; i++) len = len * 256 + der[start + i];
    start += count;
  }
  if (tag === undefined || start + len > der.length) throw new Error('RSA public key could not be parsed');
  return { tag, start, end: start + len };
}

/** The first SEQUENCE of exactly two INTEGERs (n, e): PKCS#1 directly, or inside SPKI's BIT STRING. */
function findModulus(der: number[], start: number, end: number): [number[], number[]] | null {
  const children: Tlv[] = [];
  for (let pos = start; pos < end; ) {
    const tlv = readTlv(der, pos);
    children.push(tlv);
    pos = tlv.end;
  }
  if (children.length === 2 && children[0].tag === 0x02 && children[1].tag === 0x02) {
    return [der.slice(children[0].start, children[0].end), der.slice(children[1].start, children[1].end)];
  }
  for (const c of children) {
    // BIT STRING content starts with its unused-bits byte.
    const found = c.tag === 0x30 ? findModulus(der, c.start, c.end) : c.tag === 0x03 ? findModulus(der, c.start + 1, c.end) : null;
    if (found) return found;
  }
  return null;
}

function toHex(bytes: number[]): string {
  let hex = '';
  for (const b of bytes) hex += (b < 16 ? '0' : '') + b.toString(16);
  return hex;
}

const parsed = new Map<string, RsaKey>();

/** PEM (SPKI or PKCS#1) or its bare base64 → n, e; cached per key text. */
function parseKey(publicKey: string): RsaKey {
  if (typeof publicKey !== 'string' || !publicKey.trim()) throw new Error('RSA public key is empty');
  const cached = parsed.get(publicKey);
  if (cached) return cached;
  const der = base64Decode(publicKey.replace(/-----[^-]+-----|\s/g, ''));
  let found: [number[], number[]] | null = null;
  try {
    found = der && der.length ? findModulus(der, 0, der.length) : null;
  } catch (e) {
    found = null;
  }
  const e = found ? parseInt(toHex(found[1]) || '0', 16) : 0;
  const n = found ? new BigInteger(toHex(found[0]), 16) : null;
  if (!n || n.bitLength() < 512 || !(e > 1) || e > 0x7fffffff) throw new Error('RSA public key could not be parsed');
  const key = { n, e, size: (n.bitLength() + 7) >> 3 };
  parsed.set(publicKey, key);
  return key;
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
  const { n, e, size } = parseKey(publicKey);
  let hex = new BigInteger(toHex(pad(utf8Encode(plainText), size)), 16).modPowInt(e, n).toString(16);
  if (hex.length > size * 2) throw new Error('RSA: unexpected ciphertext length');
  while (hex.length < size * 2) hex = '0' + hex;
  return base64Encode(hexToBytes(hex));
};

registerEncryptor('rsa', { encrypt: encryptRsa, prepare: (publicKey) => void parseKey(publicKey) });

export default encryptRsa;
