// @ts-check
'use strict';

const { ApiError } = require('./envelope');
const { API_CODES } = require('./api-codes');
const { rsaDecrypt, sm2Decrypt } = require('./crypto-keys');
const tokens = require('./tokens');
const v = require('./validate');
const { msg } = require('./i18n');
const { normalizeEmail } = require('./identity');

/** @typedef {import('./index').RequestContext} RequestContext */

const ENCRYPT_TYPES = Object.freeze(/** @type {const} */ (['none', 'rsa', 'sm2']));

/**
 * @param {RequestContext} ctx
 * @param {string} header
 * @param {string} expected
 * @param {string} what  used in the "not found" message
 */
function requireHeader(ctx, header, expected, what) {
  const value = ctx.headers[header];
  if (typeof value !== 'string' || value === '') {
    throw new ApiError(400, API_CODES.HEADER_REQUIRED, msg(`缺少 ${header} 请求头`, `${header} header is required`));
  }
  if (value !== expected) {
    throw new ApiError(403, API_CODES.APP_NOT_FOUND, msg(`${what === 'app' ? '应用' : '用户池'}不存在：${value}`, `${what} not found: ${value}`));
  }
}

/** `x-authing-app-id` (contract "A"). @param {RequestContext} ctx */
function requireAppId(ctx) {
  requireHeader(ctx, 'x-authing-app-id', ctx.app.config.appId, 'app');
}

/** `x-authing-userpool-id` (contract "U"). @param {RequestContext} ctx */
function requireUserPoolId(ctx) {
  requireHeader(ctx, 'x-authing-userpool-id', ctx.app.config.userPoolId, 'userpool');
}

/** Authorization: raw token or Bearer. @param {RequestContext} ctx */
function requireUser(ctx) {
  const header = ctx.headers.authorization;
  return tokens.authenticate(ctx.app, typeof header === 'string' ? header : undefined).user;
}

/**
 * @param {RequestContext} ctx
 * @param {'rsa'|'sm2'} type
 * @param {string} cipher
 * @returns {Promise<string|null>}
 */
async function tryDecrypt(ctx, type, cipher) {
  const keys = await ctx.app.store.getKeys();
  return type === 'rsa' ? rsaDecrypt(keys.rsa.privateKey, cipher) : sm2Decrypt(keys.sm2.privateKey, cipher);
}

/**
 * Undo client-side password encryption. One generic message for every
 * failure, so a caller cannot learn why (padding oracle).
 * @param {RequestContext} ctx
 * @param {'none'|'rsa'|'sm2'} type
 * @param {string} value
 * @param {string} field  named in the error
 * @returns {Promise<string>}
 */
async function decryptPassword(ctx, type, value, field) {
  if (type === 'none') return value;
  const plain = await tryDecrypt(ctx, type, value);
  if (plain === null) {
    throw new ApiError(400, API_CODES.PASSWORD_DECRYPT_FAILED, msg(
      `${field} 无法用服务器的 ${type.toUpperCase()} 私钥解密（请用 GET /api/v3/system 的公钥加密）`,
      `${field} could not be decrypted with the server's ${type.toUpperCase()} key `
      + '(encrypt it with the public key from GET /api/v3/system)'));
  }
  return plain;
}

/**
 * A phone number and its country code from `obj` (country code default +86), checked like
 * send-sms checks them. 400 / 1002 when missing, 400 / 3101 when malformed.
 * @param {Record<string, any>} obj
 * @param {string} numberKey
 * @param {string} ccKey
 * @param {string} [prefix]  field path used in messages, e.g. 'phonePassCodePayload'
 * @returns {{phone: string, cc: string}}
 */
function readPhone(obj, numberKey, ccKey, prefix) {
  const label = (/** @type {string} */ key) => (prefix ? `${prefix}.${key}` : key);
  const phone = v.requireString(obj, numberKey, label(numberKey));
  const rawCc = v.optionalString(obj, ccKey, label(ccKey)) || '+86';
  const cc = v.normalizeCountryCode(rawCc);
  if (!cc) throw new ApiError(400, API_CODES.INVALID_PHONE, msg(`${label(ccKey)} 无效：${rawCc}`, `invalid ${label(ccKey)}: ${rawCc}`));
  if (!v.isPhone(phone, cc)) {
    throw new ApiError(400, API_CODES.INVALID_PHONE, msg(
      `${label(numberKey)} 无效：${phone}${cc === '+86' ? '（+86 手机号为 1 开头的 11 位数字）' : ''}`,
      `invalid ${label(numberKey)}: ${phone}${cc === '+86' ? ' (+86 numbers have 11 digits and start with 1)' : ''}`));
  }
  return { phone, cc };
}

/**
 * An email from `obj`, lower-cased. 400 / 1002 when missing, 400 / 3104 when malformed.
 * @param {Record<string, any>} obj
 * @param {string} key
 * @param {string} [prefix]
 * @returns {string}
 */
function readEmail(obj, key, prefix) {
  const label = prefix ? `${prefix}.${key}` : key;
  const sent = v.requireString(obj, key, label);
  const email = normalizeEmail(sent);
  if (!v.isEmail(email)) throw new ApiError(400, API_CODES.INVALID_EMAIL, msg(`${label} 无效：${sent}`, `invalid ${label}: ${sent}`));
  return email;
}

module.exports = { ENCRYPT_TYPES, requireAppId, requireUserPoolId, requireUser, tryDecrypt, decryptPassword, readPhone, readEmail };
