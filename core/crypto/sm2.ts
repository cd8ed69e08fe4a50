// `require('authing-miniapp-kit/crypto/sm2')`: SM2 password encryption, registered with the core
// for `passwordEncryptType: 'sm2'` and exported as a seed-compatible `encryptFunction`.
// Output as the seed's `@authing/miniapp-sm2encrypt` (sm-crypto `doEncrypt(plain, key, 1)`): C1C3C2,
// lowercase hex, C1 without its 04 prefix. Only sm-crypto's curve arithmetic and SM3 are used; the
// ephemeral key k comes from the kit's entropy pool (no globalThis.crypto shim, no Math.random).
//
// 99 % of the cost is the two point multiplications C1 = k·G and S = k·P, which do not depend on
// the password: `prepare(key)` computes them ahead (the client calls it before the tap) and the
// next encryption with that key takes the prepared pair ONCE — it is removed before use, so no two
// ciphertexts ever share a k.
import { BigInteger } from 'jsbn';
import { ECCurveFp } from 'sm-crypto/src/sm2/ec';
import type { ECPoint } from 'sm-crypto/src/sm2/ec';
import { sm3 } from 'sm-crypto/src/sm2/sm3';
import type { EncryptFunction } from '../types';
import { hexToBytes, utf8Encode } from '../encoding';
// The registry and the entropy pool are the core's (shared state): taken from the core entry.
import { registerEncryptor, takeRandomBytes } from '../index';

// The SM2 recommended curve (GB/T 32918.5).
const P = new BigInteger('FFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF00000000FFFFFFFFFFFFFFFF', 16);
const A = new BigInteger('FFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF00000000FFFFFFFFFFFFFFFC', 16);
const B = new BigInteger('28E9FA9E9D9F5E344D5A9E4BCF6509A7F39789F515AB8F92DDBCBD414D940E93', 16);
const N = new BigInteger('FFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFF7203DF6B21C6052B53BBF40939D54123', 16);
const GX = '32C4AE2C1F1981195F9904466A39C9948FE30BBFF2660BE1715A4589334C74C7';
const GY = 'BC3736A2F4F6779C59BDCEE36B692153D0A9877CC62A474002DF32E52139F0A0';

let curve: ECCurveFp | undefined;
let G: ECPoint | undefined;

/** The curve and base point, built on first use (not at require time). */
function base(): { curve: ECCurveFp; G: ECPoint } {
  if (!curve || !G) {
    curve = new ECCurveFp(P, A, B);
    G = curve.decodePointHex('04' + GX + GY) as ECPoint;
  }
  return { curve, G };
}

/** One ephemeral key's password-independent half: C1 (hex, no 04) and x2, y2 of k·P. */
export interface Ephemeral {
  c1: string;
  x2: number[];
  y2: number[];
}

function hex64(n: BigInteger): string {
  let hex = n.toString(16);
  while (hex.length < 64) hex = '0' + hex;
  return hex;
}

/** A checked public point (uncompressed, compressed, or bare x||y). */
function publicPoint(publicKey: string): ECPoint {
  let key = typeof publicKey === 'string' ? publicKey.trim().toLowerCase() : '';
  if (/^[0-9a-f]{128}$/.test(key)) key = '04' + key; // bare x||y: add the uncompressed-point prefix
  if (!/^(04[0-9a-f]{128}|0[23][0-9a-f]{64})$/.test(key)) throw new Error('SM2 public key must be a hex point (04 + x + y)');
  const { curve: c } = base();
  const point = c.decodePointHex(key);
  const x = point && !point.isInfinity() ? point.getX() : null;
  // y² = x³ + ax + b: refuse points off the curve (a bad key would leak nothing, but never decrypts).
  if (!point || !x || !point.getY().square().equals(x.square().multiply(x).add(c.a.multiply(x)).add(c.b))) {
    throw new Error('SM2 public key is not a point on the curve');
  }
  return point;
}

/** A fresh k in [1, n-1] from the pool, and its two products. */
export function newEphemeral(publicKey: string): Ephemeral {
  const point = publicPoint(publicKey);
  const bytes = takeRandomBytes(40); // 320 bits reduced mod n-1: negligible bias
  let hex = '';
  for (let i = 0; i < bytes.length; i++) hex += (bytes[i] < 16 ? '0' : '') + bytes[i].toString(16);
  const k = new BigInteger(hex, 16).mod(N.subtract(BigInteger.ONE)).add(BigInteger.ONE);
  const c1 = base().G.multiply(k);
  const s = point.multiply(k);
  return {
    c1: hex64(c1.getX().toBigInteger()) + hex64(c1.getY().toBigInteger()),
    x2: hexToBytes(hex64(s.getX().toBigInteger())),
    y2: hexToBytes(hex64(s.getY().toBigInteger())),
  };
}

/** C1C3C2 from an ephemeral: C3 = SM3(x2 ‖ M ‖ y2), C2 = M ⊕ KDF(x2 ‖ y2). */
export function encryptWith(eph: Ephemeral, plainText: string): string {
  const msg = utf8Encode(plainText);
  const c3 = sm3(eph.x2.concat(msg, eph.y2));
  const z = eph.x2.concat(eph.y2);
  const c2: number[] = [];
  let block: number[] = [];
  for (let i = 0, ct = 1; i < msg.length; i++) {
    if (i % 32 === 0) block = sm3(z.concat([(ct >>> 24) & 255, (ct >>> 16) & 255, (ct >>> 8) & 255, ct++ & 255]));
    c2.push(msg[i] ^ block[i % 32]);
  }
  let hex = eph.c1;
  for (const b of c3.concat(c2)) hex += (b < 16 ? '0' : '') + b.toString(16);
  return hex;
}

/** Prepared ephemerals by public key: at most one each, removed when taken. */
const prepared = new Map<string, Ephemeral>();

/** Precomputes the next ephemeral for `publicKey` (replacing an unused one). */
export function prepareSm2(publicKey: string): void {
  prepared.set(publicKey, newEphemeral(publicKey));
}

/** The C1 (public anyway: it heads the ciphertext) of the unused prepared ephemeral for `publicKey`, if any. */
export function preparedSm2(publicKey: string): string | undefined {
  const eph = prepared.get(publicKey);
  return eph && eph.c1;
}

/** `encryptFunction` for `passwordEncryptType: 'sm2'`. Throws a clear Error on a bad key. */
export const encryptSm2: EncryptFunction = (plainText, publicKey) => {
  if (typeof plainText !== 'string') throw new Error('SM2: plain text must be a string');
  const eph = prepared.get(publicKey);
  // Taken out before use: a prepared k serves exactly one ciphertext.
  prepared.delete(publicKey);
  return encryptWith(eph || newEphemeral(publicKey), plainText);
};

registerEncryptor('sm2', { encrypt: encryptSm2, prepare: prepareSm2 });

export default encryptSm2;
