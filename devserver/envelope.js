// @ts-check
'use strict';

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
  if (err instanceof ApiError) {
    return {
      status: err.statusCode,
      json: { statusCode: err.statusCode, message: err.message, apiCode: err.apiCode, requestId },
    };
  }
  // Anything else is a bug in a handler: answer 500 and keep serving.
  return {
    status: 500,
    json: { statusCode: 500, message: 'internal server error', apiCode: 1500, requestId },
  };
}

module.exports = { ApiError, OidcError, success, failure };
