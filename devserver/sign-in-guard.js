// @ts-check
'use strict';

const { ApiError } = require('./envelope');
const { API_CODES } = require('./api-codes');
const { msg } = require('./i18n');

/**
 * Authing's defences against password guessing, per account and per client address:
 *  - after `captchaAfter` failures for an account (or `clientCaptchaAfter` from one client, any
 *    account) a sign-in needs a captcha: none → 2000, wrong → 2001;
 *  - after `lockoutAfter` failures the account is locked for `lockoutSeconds` (2057, even with the
 *    right password); before that every 2333 carries `data.remainCount`;
 *  - failures older than `failureWindow` are forgotten; a success clears the account's and the
 *    client's count.
 * Unknown accounts are counted like real ones, so the answers never tell which accounts exist.
 * In memory only (a restart or reset forgets everything), like Authing's short-lived counters.
 *
 * @typedef {import('./config').DevServerConfig} DevServerConfig
 * @typedef {{failures: number[], lockedUntil: number}} Tally
 */

const CAPTCHA_REQUIRED = msg('登录失败次数过多，请输入图形验证码', 'too many failed sign-ins: enter the captcha');
const CAPTCHA_TOKEN_REQUIRED = msg('options.captchaToken 为必填项（与 captchaCode 一起发送）',
  'options.captchaToken is required with options.captchaCode');
const MAX_TRACKED = 10000;

class SignInGuard {
  /**
   * @param {{now: () => number, config: DevServerConfig, captchas: import('./captcha').Captchas}} opts
   */
  constructor(opts) {
    this.opts = opts;
    /** @type {Map<string, Tally>} */
    this.accounts = new Map();
    /** @type {Map<string, Tally>} */
    this.clients = new Map();
  }

  reset() {
    this.accounts.clear();
    this.clients.clear();
  }

  /**
   * @param {Map<string, Tally>} map
   * @param {string} key
   */
  entry(map, key) {
    const now = this.opts.now();
    const windowMs = this.opts.config.failureWindow * 1000;
    let rec = map.get(key);
    if (!rec) {
      if (map.size >= MAX_TRACKED) map.delete(/** @type {string} */ (map.keys().next().value));
      rec = { failures: [], lockedUntil: 0 };
      map.set(key, rec);
    }
    rec.failures = rec.failures.filter((t) => now - t < windowMs && t <= now);
    return rec;
  }

  /**
   * Before the password is checked: refuses a locked account, and asks for / checks the captcha.
   * @param {string} account  the user id, or the normalised identifier of an unknown account
   * @param {string} client   the client's address
   * @param {{captchaCode?: string, captchaToken?: string}} captcha  from `options`
   */
  beforePasswordCheck(account, client, captcha) {
    const { config, captchas, now } = this.opts;
    const rec = this.entry(this.accounts, account);
    if (rec.lockedUntil > now()) throw this.locked(rec.lockedUntil);
    const needed = (config.captchaAfter > 0 && rec.failures.length >= config.captchaAfter)
      || (config.clientCaptchaAfter > 0 && this.entry(this.clients, client).failures.length >= config.clientCaptchaAfter);
    if (!needed) return;
    if (!captcha.captchaCode) throw new ApiError(400, API_CODES.CAPTCHA_REQUIRED, CAPTCHA_REQUIRED);
    if (!captcha.captchaToken) throw new ApiError(400, API_CODES.INVALID_PARAM, CAPTCHA_TOKEN_REQUIRED);
    captchas.consume(captcha.captchaToken, captcha.captchaCode);
  }

  /**
   * Counts a wrong password and returns the error to answer with: 2333 with `remainCount`, or
   * 2057 when this failure locks the account.
   * @param {string} account
   * @param {string} client
   * @returns {ApiError}
   */
  failed(account, client) {
    const { config, now } = this.opts;
    const rec = this.entry(this.accounts, account);
    rec.failures.push(now());
    this.entry(this.clients, client).failures.push(now());
    if (config.lockoutAfter === 0) return wrongCredentials();
    const remainCount = config.lockoutAfter - rec.failures.length;
    if (remainCount > 0) return wrongCredentials(remainCount);
    rec.lockedUntil = now() + config.lockoutSeconds * 1000;
    rec.failures = [];
    return this.locked(rec.lockedUntil);
  }

  /**
   * @param {string} account
   * @param {string} client
   */
  succeeded(account, client) {
    this.accounts.delete(account);
    this.clients.delete(client);
  }

  /** @param {number} until  ms, server clock */
  locked(until) {
    const retryAfter = Math.max(1, Math.ceil((until - this.opts.now()) / 1000));
    const minutes = Math.ceil(retryAfter / 60);
    return new ApiError(403, API_CODES.ACCOUNT_LOCKED, msg(
      `密码错误次数过多，账号已被锁定，请 ${minutes} 分钟后重试`,
      `too many wrong passwords: the account is locked; try again in ${minutes} minute${minutes === 1 ? '' : 's'}`),
    { unlockTime: until, retryAfter });
  }
}

/**
 * 2333, the same for an unknown account and a wrong password (no enumeration).
 * @param {number} [remainCount]  tries left before the lock
 */
function wrongCredentials(remainCount) {
  if (remainCount === undefined) return new ApiError(400, API_CODES.ACCOUNT_OR_PASSWORD_WRONG, msg('账号或密码错误', 'account or password is incorrect'));
  return new ApiError(400, API_CODES.ACCOUNT_OR_PASSWORD_WRONG, msg(
    `账号或密码错误，还可以尝试 ${remainCount} 次`,
    `account or password is incorrect; ${remainCount} ${remainCount === 1 ? 'try' : 'tries'} left`), { remainCount });
}

module.exports = { SignInGuard, wrongCredentials };
