// @ts-check
'use strict';

const crypto = require('crypto');
const { ApiError } = require('./envelope');
const { API_CODES } = require('./api-codes');
const { msg } = require('./i18n');

/**
 * Short-lived, single-use tokens that carry a verified request to its second step:
 * verify-update-phone-request → update-phone, verify-update-email-request → update-email,
 * verify-delete-account-request → delete-account, verify-reset-password-request → reset-password
 * (not logged in: bound to the account being reset, not to a caller). In memory only (like codes), checked
 * against the server clock, bound to one user and one purpose.
 *
 * @typedef {'updatePhoneToken'|'updateEmailToken'|'deleteAccountToken'|'passwordResetToken'} TokenKind  also the body field name
 * @typedef {{kind: TokenKind, userId: string, payload: Record<string, any>, expiresAt: number, used: boolean}} ActionToken
 */
class ActionTokens {
  /** @param {{now: () => number, ttl: number}} opts  ttl in seconds */
  constructor(opts) {
    this.opts = opts;
    /** @type {Map<string, ActionToken>} */
    this.tokens = new Map();
  }

  reset() {
    this.tokens.clear();
  }

  /**
   * @param {TokenKind} kind
   * @param {string} userId
   * @param {Record<string, any>} payload  what the second step applies
   * @returns {{token: string, expiresIn: number}}
   */
  issue(kind, userId, payload) {
    const now = this.opts.now();
    // Forget long-expired ones so the map does not grow forever (recent ones are kept so a
    // reuse is reported as "already used", not as unknown).
    for (const [k, t] of this.tokens) if (t.expiresAt + this.opts.ttl * 1000 <= now) this.tokens.delete(k);
    const token = crypto.randomBytes(24).toString('base64url');
    this.tokens.set(token, { kind, userId, payload, expiresAt: now + this.opts.ttl * 1000, used: false });
    return { token, expiresIn: this.opts.ttl };
  }

  /**
   * Check and burn a token. Unknown, used, expired, issued for another step or to another
   * user: 400 / 2030, the message says which.
   * @param {TokenKind} kind
   * @param {string} token
   * @param {string|null} userId  the caller (from the access token); null for a step without login
   *   (password reset), whose token names its user
   * @returns {Record<string, any>} the payload
   */
  consume(kind, token, userId) {
    const rec = this.tokens.get(token);
    const fail = (/** @type {import('./i18n').Msg} */ why) => new ApiError(400, API_CODES.ACTION_TOKEN_INVALID,
      msg(`${kind} ${why.zh}`, `${kind} ${why.en}`));
    if (!rec || rec.kind !== kind) throw fail(msg('无效，请重新验证', 'is invalid'));
    if (userId !== null && rec.userId !== userId) throw fail(msg('属于其他账号', 'was issued to another account'));
    if (rec.used) throw fail(msg('已使用，请重新验证', 'has already been used'));
    if (rec.expiresAt <= this.opts.now()) {
      throw fail(msg(`已过期（有效期 ${this.opts.ttl} 秒），请重新验证`, `has expired after ${this.opts.ttl} seconds`));
    }
    rec.used = true;
    return rec.payload;
  }
}

module.exports = { ActionTokens };
