// @ts-check
'use strict';

const crypto = require('crypto');
const { promisify } = require('util');
const { sm2 } = require('sm-crypto');

/**
 * @typedef {object} KeySet
 * @property {{publicKey: string, privateKey: string}} rsa  PEM SPKI / PEM PKCS#8, 2048 bit
 * @property {{publicKey: string, privateKey: string}} sm2  hex, public key '04'+x+y
 */

const generateKeyPair = promisify(crypto.generateKeyPair);

/** @returns {Promise<KeySet>} */
async function generateKeys() {
  // RSA runs on the libuv pool; generate the SM2 pair (synchronous JS) meanwhile.
  const pending = generateKeyPair('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  const pair = sm2.generateKeyPairHex();
  const rsa = await pending;
  return {
    rsa: { publicKey: String(rsa.publicKey), privateKey: String(rsa.privateKey) },
    sm2: { publicKey: pair.publicKey, privateKey: pair.privateKey },
  };
}

/**
 * RSAES-PKCS#1 v1.5 (what jsencrypt produces). Node 20 refuses
 * RSA_PKCS1_PADDING for private decryption (CVE-2023-46809), so decrypt raw and
 * unpad by hand. Every failure returns null so callers answer with one generic
 * error and leak nothing about which padding check failed.
 * @param {string} privateKeyPem
 * @param {string} cipherB64
 * @returns {string|null}
 */
function rsaDecrypt(privateKeyPem, cipherB64) {
  try {
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(cipherB64)) return null;
    const key = crypto.createPrivateKey(privateKeyPem);
    const size = (/** @type {any} */ (key.asymmetricKeyDetails)?.modulusLength || 2048) / 8;
    const cipher = Buffer.from(cipherB64, 'base64');
    if (cipher.length !== size) return null;
    const block = crypto.privateDecrypt({ key, padding: crypto.constants.RSA_NO_PADDING }, cipher);
    // EM = 0x00 || 0x02 || PS (>= 8 non-zero bytes) || 0x00 || M
    if (block.length !== size || block[0] !== 0x00 || block[1] !== 0x02) return null;
    const sep = block.indexOf(0x00, 2);
    if (sep < 10) return null;
    const text = block.subarray(sep + 1).toString('utf8');
    return text === '' ? null : text;
  } catch {
    return null;
  }
}

/**
 * SM2 C1C3C2 hex (sm-crypto cipherMode 1). sm-crypto omits the '04' point
 * prefix on C1 while other libraries add it, so accept both.
 * @param {string} privateKeyHex
 * @param {string} cipherHex
 * @returns {string|null}
 */
function sm2Decrypt(privateKeyHex, cipherHex) {
  if (!/^[0-9a-fA-F]+$/.test(cipherHex) || cipherHex.length % 2 !== 0 || cipherHex.length < 194) {
    return null;
  }
  const hex = cipherHex.toLowerCase();
  /** @param {string} h */
  const attempt = (h) => {
    try {
      return sm2.doDecrypt(h, privateKeyHex, 1) || null;
    } catch {
      return null;
    }
  };
  // doDecrypt returns '' when the C3 hash check fails, e.g. for a '04'-prefixed input.
  return attempt(hex) || (hex.startsWith('04') ? attempt(hex.slice(2)) : null);
}

module.exports = { generateKeys, rsaDecrypt, sm2Decrypt };
