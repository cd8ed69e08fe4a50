// @ts-check
'use strict';

const crypto = require('crypto');

/** Minimal HS256 JWT: enough for tokens this server issues and checks itself. */

/** @param {Buffer|string} b */
function b64url(b) {
  return Buffer.from(b).toString('base64url');
}

/**
 * @param {Record<string, any>} payload
 * @param {string} secret
 * @param {Record<string, any>} [header] extra header fields (e.g. typ)
 * @returns {string}
 */
function signJwt(payload, secret, header = {}) {
  const head = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT', ...header }));
  const body = b64url(JSON.stringify(payload));
  const sig = crypto.createHmac('sha256', secret).update(`${head}.${body}`).digest('base64url');
  return `${head}.${body}.${sig}`;
}

/**
 * Checks shape, algorithm and signature only; expiry and audience are the
 * caller's business because they need the server clock and config.
 * @param {string} token
 * @param {string} secret
 * @returns {{header: Record<string, any>, payload: Record<string, any>} | null}
 */
function decodeVerified(token, secret) {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [head, body, sig] = parts;
  // Compared as text, not decoded bytes: base64url decoding ignores stray padding, unused low
  // bits and invalid characters, so one signature would have many accepted spellings.
  const expected = Buffer.from(crypto.createHmac('sha256', secret).update(`${head}.${body}`).digest('base64url'));
  const given = Buffer.from(sig);
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return null;
  try {
    const header = JSON.parse(Buffer.from(head, 'base64url').toString('utf8'));
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    // Never accept a token that claims another algorithm, even with a valid HMAC.
    if (header.alg !== 'HS256' || typeof payload !== 'object' || payload === null) return null;
    return { header, payload };
  } catch {
    return null;
  }
}

module.exports = { signJwt, decodeVerified };
