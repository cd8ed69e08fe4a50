// @ts-check
'use strict';

const crypto = require('crypto');

/**
 * TOTP (RFC 6238) over HOTP (RFC 4226): HMAC-SHA1, 30-second steps, 6 digits — what every
 * authenticator app uses by default. Secrets travel as RFC 4648 base32 without padding.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const STEP_SECONDS = 30;
const DIGITS = 6;

/** @param {Buffer} bytes @returns {string} */
function base32Encode(bytes) {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

/**
 * Case-insensitive; spaces, dashes and '=' padding are ignored. Throws on other characters.
 * @param {string} text
 * @returns {Buffer}
 */
function base32Decode(text) {
  const clean = text.toUpperCase().replace(/[\s=-]/g, '');
  let bits = 0;
  let value = 0;
  const out = [];
  for (const ch of clean) {
    const index = ALPHABET.indexOf(ch);
    if (index < 0) throw new TypeError(`not a base32 character: ${ch}`);
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/**
 * HOTP value for one counter (RFC 4226 §5.3 dynamic truncation).
 * @param {Buffer} key
 * @param {number} counter
 * @returns {string}
 */
function hotp(key, counter) {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = crypto.createHmac('sha1', key).update(message).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** DIGITS).padStart(DIGITS, '0');
}

/**
 * The code for the 30-second step containing `timeMs`.
 * @param {string} secret base32
 * @param {number} timeMs
 */
function totp(secret, timeMs) {
  return hotp(base32Decode(secret), Math.floor(timeMs / 1000 / STEP_SECONDS));
}

/**
 * True when `code` matches the current step or one step either side (clock drift between the
 * phone and the server, and a code typed just as it rolled over).
 * @param {string} secret base32
 * @param {string} code
 * @param {number} timeMs
 */
function verifyTotp(secret, code, timeMs) {
  if (!/^\d{6}$/.test(code)) return false;
  const key = base32Decode(secret);
  const step = Math.floor(timeMs / 1000 / STEP_SECONDS);
  return [-1, 0, 1].some((drift) => crypto.timingSafeEqual(Buffer.from(hotp(key, step + drift)), Buffer.from(code)));
}

/** A new random 160-bit secret, base32 (32 characters). */
function newTotpSecret() {
  return base32Encode(crypto.randomBytes(20));
}

/**
 * The `otpauth://` URI authenticator apps import (Key Uri Format).
 * @param {{secret: string, account: string, issuer: string}} opts
 */
function otpauthUri({ secret, account, issuer }) {
  const label = encodeURIComponent(`${issuer}:${account}`);
  return `otpauth://totp/${label}?secret=${secret}&issuer=${encodeURIComponent(issuer)}&algorithm=SHA1&digits=${DIGITS}&period=${STEP_SECONDS}`;
}

module.exports = { base32Encode, base32Decode, hotp, totp, verifyTotp, newTotpSecret, otpauthUri, STEP_SECONDS };
