// @ts-check
'use strict';

const { ApiError } = require('./envelope');
const { API_CODES } = require('./api-codes');
const { msg } = require('./i18n');

/**
 * Field readers that throw a 400 envelope naming the field, so bad input
 * never reaches handler logic and never crashes the server.
 */

/** @param {import('./i18n').Msg|string} message */
function invalid(message) {
  return new ApiError(400, API_CODES.INVALID_PARAM, message);
}

/** @param {unknown} v @returns {v is Record<string, any>} */
function isPlainObject(v) {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * @param {Record<string, any>} obj
 * @param {string} key
 * @param {string} [label] field path used in messages
 * @returns {string}
 */
function requireString(obj, key, label = key) {
  const v = obj[key];
  if (v === undefined || v === null || v === '') throw required(label);
  if (typeof v !== 'string') throw mustBe(label, '字符串', 'a string');
  return v;
}

/** @param {string} label */
function required(label) {
  return invalid(msg(`${label} 为必填项`, `${label} is required`));
}

/** @param {string} label @param {string} zh @param {string} en */
function mustBe(label, zh, en) {
  return invalid(msg(`${label} 必须是${zh}`, `${label} must be ${en}`));
}

/**
 * Missing, null and '' all read as undefined.
 * @param {Record<string, any>} obj
 * @param {string} key
 * @param {string} [label]
 * @returns {string|undefined}
 */
function optionalString(obj, key, label = key) {
  const v = obj[key];
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v !== 'string') throw mustBe(label, '字符串', 'a string');
  return v;
}

/**
 * @param {Record<string, any>} obj
 * @param {string} key
 * @param {string} [label]
 * @returns {boolean|undefined}
 */
function optionalBoolean(obj, key, label = key) {
  const v = obj[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'boolean') throw mustBe(label, '布尔值', 'a boolean');
  return v;
}

/**
 * @param {Record<string, any>} obj
 * @param {string} key
 * @param {string} [label]
 * @returns {Record<string, any>}
 */
function requireObject(obj, key, label = key) {
  const v = obj[key];
  if (v === undefined || v === null) throw required(label);
  if (!isPlainObject(v)) throw mustBe(label, '对象', 'an object');
  return v;
}

/**
 * @param {Record<string, any>} obj
 * @param {string} key
 * @param {string} [label]
 * @returns {Record<string, any>}
 */
function optionalObject(obj, key, label = key) {
  const v = obj[key];
  if (v === undefined || v === null) return {};
  if (!isPlainObject(v)) throw mustBe(label, '对象', 'an object');
  return v;
}

/**
 * @template {string} T
 * @param {string|undefined} value
 * @param {readonly T[]} allowed
 * @param {string} label
 * @returns {T|undefined}
 */
function oneOf(value, allowed, label) {
  if (value === undefined) return undefined;
  if (!allowed.includes(/** @type {T} */ (value))) {
    throw invalid(msg(`${label} 必须是 ${allowed.join('、')} 之一（收到 "${value}"）`,
      `${label} must be one of ${allowed.join(', ')} (got "${value}")`));
  }
  return /** @type {T} */ (value);
}

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** @param {string} s */
function isEmail(s) {
  return s.length <= 255 && EMAIL_RE.test(s);
}

/**
 * '+86', '86', '0086', '+086', '+0086', '＋８６' → '+86' (one number, one cooldown, one inbox).
 * Returns null when not a country code.
 * @param {string} cc
 * @returns {string|null}
 */
function normalizeCountryCode(cc) {
  const m = /^\+?0*([1-9]\d{0,3})$/.exec(cc.normalize('NFKC').trim());
  return m ? `+${m[1]}` : null;
}

/**
 * Mainland numbers are 11 digits starting with 1; elsewhere 4-15 digits (E.164 max).
 * @param {string} phone
 * @param {string} countryCode normalised, e.g. '+86'
 */
function isPhone(phone, countryCode) {
  if (countryCode === '+86') return /^1\d{10}$/.test(phone);
  return /^\d{4,15}$/.test(phone);
}

/**
 * YYYY-MM-DD that is a real calendar date.
 * @param {string} s
 */
function isDate(s) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1
    && d.getUTCDate() === Number(m[3]);
}

module.exports = {
  invalid,
  required,
  isPlainObject,
  requireString,
  optionalString,
  optionalBoolean,
  requireObject,
  optionalObject,
  oneOf,
  isEmail,
  isPhone,
  isDate,
  normalizeCountryCode,
};
