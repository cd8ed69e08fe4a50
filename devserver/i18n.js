// @ts-check
'use strict';

/**
 * The devserver answers in the request's language, as Authing does: `x-authing-lang` picks
 * zh-CN (the default) or en-US. A message is built once with both texts (`msg(zh, en)`) and
 * the one the request asked for is sent — never both.
 *
 * @typedef {'zh-CN'|'en-US'} Lang
 * @typedef {{zh: string, en: string}} Msg
 */

/**
 * `en-US`, `en`, `en_us` (any case) → en-US; anything else, or nothing → zh-CN.
 * @param {import('http').IncomingHttpHeaders} headers
 * @returns {Lang}
 */
function langOf(headers) {
  const raw = headers['x-authing-lang'];
  const value = typeof raw === 'string' ? raw.trim().toLowerCase() : '';
  return /^en(?:[-_][a-z]{2})?$/.test(value) ? 'en-US' : 'zh-CN';
}

/**
 * @param {string} zh
 * @param {string} en
 * @returns {Msg}
 */
function msg(zh, en) {
  return { zh, en };
}

/**
 * A plain string (e.g. from a route that has not been translated) is sent as it is.
 * @param {Msg|string} message
 * @param {Lang} lang
 */
function pick(message, lang) {
  if (typeof message === 'string') return message;
  return lang === 'en-US' ? message.en : message.zh;
}

module.exports = { langOf, msg, pick };
