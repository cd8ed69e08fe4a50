// @ts-check
'use strict';

const { ApiError } = require('./envelope');
const { API_CODES } = require('./api-codes');
const { msg } = require('./i18n');

// Past this we stop draining and drop the connection instead of reading forever.
const DRAIN_CAP = 64 * 1024 * 1024;

/**
 * Buffers the request body up to `limit` bytes. Past the limit the rest is
 * drained (not stored) so the client still gets to read our 413 answer.
 * @param {import('http').IncomingMessage} req
 * @param {number} limit
 * @returns {Promise<{bytes: Buffer, tooLarge: boolean}>}
 */
function readBody(req, limit) {
  return new Promise((resolve, reject) => {
    /** @type {Buffer[]} */
    const chunks = [];
    let size = 0;
    let tooLarge = Number(req.headers['content-length'] || 0) > limit;
    req.on('data', (/** @type {Buffer} */ chunk) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      if (size > DRAIN_CAP) req.destroy();
      if (!tooLarge) chunks.push(chunk);
    });
    req.on('end', () => resolve({ bytes: tooLarge ? Buffer.alloc(0) : Buffer.concat(chunks), tooLarge }));
    // A client hanging up mid-body is routine, not a server error: flag it so it is not logged.
    const aborted = () => reject(Object.assign(new Error('client aborted the request'), { aborted: true }));
    req.on('error', aborted);
    req.on('close', () => { if (!req.complete) aborted(); });
  });
}

/** @param {string|undefined} contentType */
function mediaType(contentType) {
  return (contentType || '').split(';')[0].trim().toLowerCase();
}

/**
 * JSON or application/x-www-form-urlencoded; a body without a content-type (Node, curl -H…) is
 * read as JSON. Any other type — text/plain above all, which a web page may send to any site
 * without a CORS preflight — is refused rather than parsed as JSON. The root must be an object.
 * @param {Buffer} bytes
 * @param {string|undefined} contentType
 * @returns {Record<string, any>}
 */
function parseBody(bytes, contentType) {
  const text = bytes.toString('utf8');
  if (!text.trim()) return {};
  const type = mediaType(contentType);
  if (type === 'application/x-www-form-urlencoded') return Object.fromEntries(new URLSearchParams(text));
  if (type !== '' && type !== 'application/json' && !/^application\/[\w.+-]+\+json$/.test(type)) {
    throw new ApiError(415, API_CODES.UNSUPPORTED_MEDIA_TYPE, msg(
      `不支持的 content-type：${type}（请使用 application/json 或 application/x-www-form-urlencoded）`,
      `unsupported content-type: ${type} (send application/json or application/x-www-form-urlencoded)`));
  }
  let value;
  try {
    value = JSON.parse(text);
  } catch (err) {
    const why = /** @type {Error} */ (err).message;
    throw new ApiError(400, API_CODES.INVALID_JSON, msg(`请求体不是合法的 JSON：${why}`, `request body is not valid JSON: ${why}`));
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ApiError(400, API_CODES.INVALID_JSON, msg('请求体必须是 JSON 对象', 'request body must be a JSON object'));
  }
  return value;
}

module.exports = { readBody, parseBody };
