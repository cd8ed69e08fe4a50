// @ts-check
'use strict';

const crypto = require('crypto');
const { promisify } = require('util');
const { msg } = require('./i18n');
const { ApiError } = require('./envelope');
const { API_CODES } = require('./api-codes');

const scrypt = /** @type {(pw: string, salt: Buffer, len: number, opts: crypto.ScryptOptions) => Promise<Buffer>} */ (
  promisify(crypto.scrypt)
);

const KEY_LEN = 32;
const MIN_LEN = 6;
const MAX_LEN = 64;

/**
 * Password policy: 6-64 characters; anything else is refused with 2103 before it is hashed.
 * @param {string} password  decrypted
 */
function requirePolicy(password) {
  const len = [...password].length;
  if (len < MIN_LEN || len > MAX_LEN) {
    throw new ApiError(400, API_CODES.PASSWORD_POLICY, msg(`密码长度需为 ${MIN_LEN}-${MAX_LEN} 位`, `password must be ${MIN_LEN}-${MAX_LEN} characters`));
  }
}

/**
 * Stored form: `scrypt$N$r$p$saltB64$hashB64` so the cost can change without
 * breaking old hashes in a persisted data file.
 * @param {string} password
 * @param {number} [N]
 * @returns {Promise<string>}
 */
async function hashPassword(password, N = 4096) {
  const salt = crypto.randomBytes(16);
  const r = 8;
  const p = 1;
  const hash = await scrypt(password, salt, KEY_LEN, { N, r, p });
  return ['scrypt', N, r, p, salt.toString('base64'), hash.toString('base64')].join('$');
}

/**
 * @param {string} password
 * @param {string|null|undefined} stored
 * @returns {Promise<boolean>}
 */
async function verifyPassword(password, stored) {
  if (!stored) return false;
  const [scheme, N, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt') return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = await scrypt(password, Buffer.from(salt, 'base64'), expected.length,
    { N: Number(N), r: Number(r), p: Number(p) });
  return crypto.timingSafeEqual(actual, expected);
}

module.exports = { requirePolicy, hashPassword, verifyPassword, MIN_LEN, MAX_LEN };
