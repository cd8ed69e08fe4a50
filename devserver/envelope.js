// @ts-check
'use strict';

const { API_CODES } = require('./api-codes');

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

/** An Authing-style failure: becomes `{statusCode, message, apiCode, requestId}`. */
class ApiError extends Error {
  /**
   * @param {number} statusCode HTTP status, equal to the envelope's statusCode
   * @param {number} apiCode    see api-codes.js
   * @param {string} message
   */
  constructor(statusCode, apiCode, message) {
    super(message);
    this.name = 'ApiError';
    this.statusCode = statusCode;
    this.apiCode = apiCode;
  }
}

/** An OAuth2/OIDC failure: becomes `{error, error_description}` (no envelope). */
class OidcError extends Error {
  /**
   * @param {number} statusCode
   * @param {string} error
   * @param {string} description
   */
  constructor(statusCode, error, description) {
    super(description);
    this.name = 'OidcError';
    this.statusCode = statusCode;
    this.error = error;
  }
}

/**
 * Success envelope. `data` is left out when undefined (send-sms, update-password).
 * @param {string} requestId
 * @param {any} [data]
 * @param {string} [message]
 * @returns {Reply}
 */
function success(requestId, data, message = 'success') {
  /** @type {Record<string, any>} */
  const body = { statusCode: 200, message, requestId };
  if (data !== undefined) body.data = data;
  return { status: 200, json: body };
}

/**
 * @param {string} requestId
 * @param {unknown} err
 * @returns {Reply}
 */
function failure(requestId, err) {
  if (err instanceof OidcError) {
    return {
      status: err.statusCode,
      json: { error: err.error, error_description: err.message },
      headers: { 'cache-control': 'no-store' },
    };
  }
  // Anything but an ApiError is a bug in a handler: answer 500 and keep serving.
  const api = err instanceof ApiError ? err : new ApiError(500, API_CODES.INTERNAL, 'internal server error');
  return {
    status: api.statusCode,
    json: { statusCode: api.statusCode, message: api.message, apiCode: api.apiCode, requestId },
  };
}

module.exports = { ApiError, OidcError, success, failure };
