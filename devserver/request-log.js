// @ts-check
'use strict';

/**
 * srv.requests / GET /__dev/requests: what each API call looked like, without its secrets and
 * within a fixed size. Kept: method, path, query, headers, the body's shape and every ordinary
 * field; replaced by "[redacted]": passwords, SMS / email / captcha / WeChat codes, tokens of
 * every kind, secrets, WeChat encryptedData / iv / signature, the Authorization and Cookie
 * headers. A body that is not JSON or a form (uploads) is kept as "[N bytes]". Only the last
 * `requestLogLimit` entries are kept, each body cut at `requestLogBodyBytes`.
 * `logSecrets: true` keeps bodies as sent (the kit's own tests compare them).
 *
 * @typedef {import('./config').DevServerConfig} DevServerConfig
 * @typedef {import('./index').RequestRecord} RequestRecord
 */

const REDACTED = '[redacted]';
// Field names that carry a secret. Not phoneCountryCode, passwordEncryptType or *Payload (their
// insides are checked one by one).
const SECRET_KEY = /^(old|new)?password$|^passwordfor|passcode$|^code$|captchacode|token$|secret|^encrypteddata$|^iv$|session_?key|^signature$/i;
const SECRET_HEADERS = ['authorization', 'cookie', 'proxy-authorization'];

/**
 * @param {unknown} value
 * @param {number} depth
 * @returns {unknown}
 */
function redactValue(value, depth = 0) {
  if (depth > 20 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => redactValue(v, depth + 1));
  /** @type {Record<string, unknown>} */
  const out = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = SECRET_KEY.test(k) && v !== null && v !== '' ? REDACTED : redactValue(v, depth + 1);
  }
  return out;
}

/**
 * @param {Buffer} bytes
 * @param {string|undefined} contentType
 */
function redactBody(bytes, contentType) {
  if (bytes.length === 0) return '';
  const text = bytes.toString('utf8');
  if (/application\/x-www-form-urlencoded/i.test(contentType || '')) {
    const form = new URLSearchParams(text);
    for (const key of [...form.keys()]) if (SECRET_KEY.test(key)) form.set(key, REDACTED);
    return form.toString();
  }
  try {
    return JSON.stringify(redactValue(JSON.parse(text)));
  } catch {
    return `[${bytes.length} bytes]`;
  }
}

/** @param {import('http').IncomingHttpHeaders} headers */
function redactHeaders(headers) {
  /** @type {Record<string, string|string[]|undefined>} */
  const out = { ...headers };
  for (const h of SECRET_HEADERS) if (out[h] !== undefined) out[h] = REDACTED;
  return out;
}

/**
 * @param {DevServerConfig} config
 * @param {{method: string, path: string, query: string, headers: import('http').IncomingHttpHeaders, bytes: Buffer, time: number}} req
 * @returns {RequestRecord}
 */
function makeRecord(config, req) {
  const raw = config.logSecrets;
  const body = raw ? req.bytes.toString('utf8') : redactBody(req.bytes, req.headers['content-type']);
  return {
    method: req.method,
    path: req.path,
    query: raw ? req.query : redactQuery(req.query),
    headers: raw ? { ...req.headers } : redactHeaders(req.headers),
    body: body.length > config.requestLogBodyBytes ? body.slice(0, config.requestLogBodyBytes) : body,
    time: req.time,
    status: null,
    fault: null,
  };
}

/** @param {string} query '' or '?a=b' */
function redactQuery(query) {
  if (!query) return query;
  const params = new URLSearchParams(query);
  for (const key of [...params.keys()]) if (SECRET_KEY.test(key)) params.set(key, REDACTED);
  return `?${params}`;
}

/**
 * Appends in place (callers hold srv.requests) and drops the oldest past the limit.
 * @param {RequestRecord[]} log
 * @param {RequestRecord} record
 * @param {number} limit
 */
function append(log, record, limit) {
  log.push(record);
  if (log.length > limit) log.splice(0, log.length - limit);
}

module.exports = { makeRecord, append, redactValue, redactQuery, REDACTED };
