// @ts-check
'use strict';

const { API_CODES } = require('./api-codes');
const { msg, pick } = require('./i18n');

/**
 * What a handler returns; index.js turns it into an HTTP response.
 * `json` is serialised, `raw` is sent as-is (files, HTML, empty bodies).
 * @typedef {object} Reply
 * @property {number} status
 * @property {any} [json]
 * @property {string|Buffer} [raw]
 * @property {string} [contentType]
 * @property {Record<string, string>} [headers]
 */

/**
 * An Authing-style failure: becomes `{statusCode, message, apiCode, requestId, data?}`, the
 * message in the request's language (`Error.message` keeps the English text for logs).
 */
class ApiError extends Error {
  /**
   * @param {number} statusCode HTTP status, equal to the envelope's statusCode
   * @param {number} apiCode    see api-codes.js
   * @param {import('./i18n').Msg|string} message  msg(zh, en); a plain string is sent as-is
   * @param {Record<string, any>} [data]  sent as the envelope's `data` (e.g. `remainCount`)
   */
  constructor(statusCode, apiCode, message, data) {
    super(typeof message === 'string' ? message : message.en);
    this.name = 'ApiError';
    this.statusCode = statusCode;
    this.apiCode = apiCode;
    this.texts = message;
    this.data = data;
  }
}

/** An OAuth2/OIDC failure: becomes `{error, error_description}` (no envelope). */
class OidcError extends Error {
  /**
   * @param {number} statusCode
   * @param {string} error  RFC 6749 code, never translated
   * @param {import('./i18n').Msg|string} description  sent as error_description in the request's language
   */
  constructor(statusCode, error, description) {
    super(typeof description === 'string' ? description : description.en);
    this.name = 'OidcError';
    this.statusCode = statusCode;
    this.error = error;
    this.texts = description;
  }
}

const SUCCESS = msg('成功', 'success');

/**
 * Success envelope. `data` is left out when undefined (send-sms, update-password).
 * @param {string} requestId
 * @param {any} [data]
 * @param {import('./i18n').Msg|string} [message]  put in the request's language by localizeReply
 * @returns {Reply}
 */
function success(requestId, data, message = SUCCESS) {
  /** @type {Record<string, any>} */
  const body = { statusCode: 200, message, requestId };
  if (data !== undefined) body.data = data;
  return { status: 200, json: body };
}

const INTERNAL = msg('服务器内部错误', 'internal server error');

/**
 * @param {string} requestId
 * @param {unknown} err
 * @returns {Reply}
 */
function failure(requestId, err) {
  if (err instanceof OidcError) {
    return {
      status: err.statusCode,
      json: { error: err.error, error_description: err.texts },
      headers: { 'cache-control': 'no-store' },
    };
  }
  // Anything but an ApiError is a bug in a handler: answer 500 and keep serving.
  const api = err instanceof ApiError ? err : new ApiError(500, API_CODES.INTERNAL, INTERNAL);
  /** @type {Record<string, any>} */
  const json = { statusCode: api.statusCode, message: api.texts, apiCode: api.apiCode, requestId };
  if (api.data !== undefined) json.data = api.data;
  /** @type {Record<string, string>} */
  const headers = {};
  if (api.statusCode === 429 || api.data?.retryAfter) headers['retry-after'] = String(api.data?.retryAfter ?? 1);
  return { status: api.statusCode, json, headers };
}

/**
 * Puts an envelope's `message` (a msg(zh, en) pair) in the request's language: the one place
 * where the language is chosen, so handlers never need to know it.
 * @param {Reply} reply
 * @param {import('./i18n').Lang} lang
 * @returns {Reply}
 */
function localizeReply(reply, lang) {
  const json = reply.json;
  if (!json || typeof json !== 'object' || Array.isArray(json)) return reply;
  const out = { ...json };
  for (const key of ['message', 'error_description']) {
    if (out[key] && typeof out[key] === 'object') out[key] = pick(out[key], lang);
  }
  return { ...reply, json: out };
}

module.exports = { ApiError, OidcError, success, failure, localizeReply };
