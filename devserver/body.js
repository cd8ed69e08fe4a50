// @ts-check
'use strict';

const { ApiError } = require('./envelope');
const { API_CODES } = require('./api-codes');

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

/**
 * JSON (default) or application/x-www-form-urlencoded. The root must be an object.
 * @param {Buffer} bytes
 * @param {string|undefined} contentType
 * @returns {Record<string, any>}
 */
function parseBody(bytes, contentType) {
  const text = bytes.toString('utf8');
  if (!text.trim()) return {};
  if (/application\/x-www-form-urlencoded/i.test(contentType || '')) {
    return Object.fromEntries(new URLSearchParams(text));
  }
  let value;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new ApiError(400, API_CODES.INVALID_JSON, `request body is not valid JSON: ${/** @type {Error} */ (err).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ApiError(400, API_CODES.INVALID_JSON, 'request body must be a JSON object');
  }
  return value;
}

module.exports = { readBody, parseBody };
