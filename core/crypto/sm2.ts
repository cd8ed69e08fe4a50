// SM2 password encryption compatible with the seed's `@authing/miniapp-sm2encrypt`:
// sm-crypto `doEncrypt(plain, publicKey, 1)` → C1C3C2, lowercase hex, no `04` prefix.
// sm-crypto 0.5.8 throws at require time when there is no window / module.require /
// globalThis.crypto (WeChat), so it is required lazily, after a `crypto.getRandomValues`
// backed by the secure entropy pool has been installed.
import type { EncryptFunction } from '../types';
import { availableEntropy, fillRandom } from './entropy';

/** sm-crypto's RNG seed, drawn once when it loads. */
const SEED_BYTES = 32;

type SmCrypto = typeof import('sm-crypto');

let lib: SmCrypto | undefined;

interface CryptoHolder {
  crypto?: { getRandomValues?: unknown };
}

function installCrypto(): void {
  const g: CryptoHolder | undefined = typeof globalThis !== 'undefined' ? (globalThis as unknown as CryptoHolder) : undefined;
  if (g && !(g.crypto && typeof g.crypto.getRandomValues === 'function')) {
    // Only when absent: a real Web Crypto (jsdom, browsers, Node) is left alone.
    g.crypto = { getRandomValues: fillRandom };
  }
}

function load(): SmCrypto {
  if (lib) return lib;
  // Check first: a require that fails half-way may stay cached as broken in some runtimes.
  if (availableEntropy() < SEED_BYTES) {
    throw new Error(`Not enough secure random bytes to load sm-crypto (${availableEntropy()} < ${SEED_BYTES}); await prepareEncryption() before encrypting`);
  }
  installCrypto();
  // sm-crypto seeds its RNG once, at load, with 32 bytes from crypto.getRandomValues (our pool
  // when the runtime has no Web Crypto); its ephemeral keys come from that seeded stream.
  lib = require('sm-crypto') as SmCrypto;
  return lib;
}

/** `encryptFunction` for `passwordEncryptType: 'sm2'`. Throws a clear Error on a bad key. */
export const encryptSm2: EncryptFunction = (plainText, publicKey) => {
  if (typeof plainText !== 'string') throw new Error('SM2: plain text must be a string');
  let key = typeof publicKey === 'string' ? publicKey.trim().toLowerCase() : '';
  if (/^[0-9a-f]{128}$/.test(key)) key = '04' + key; // bare x||y: add the uncompressed-point prefix
  if (!/^(04[0-9a-f]{128}|0[23][0-9a-f]{64})$/.test(key)) throw new Error('SM2 public key must be a hex point (04 + x + y)');
  const cipher = load().sm2.doEncrypt(plainText, key, 1);
  if (typeof cipher !== 'string' || !/^[0-9a-f]+$/i.test(cipher)) throw new Error('SM2 encryption failed');
  return cipher.toLowerCase();
};

export default encryptSm2;
