// @ts-check
'use strict';

const crypto = require('crypto');
const { ApiError } = require('./envelope');
const { API_CODES } = require('./api-codes');
const { msg } = require('./i18n');
const { normalizeEmail } = require('./identity');

/** SmsChannel values (contract §12). */
const SMS_CHANNELS = Object.freeze([
  'CHANNEL_LOGIN', 'CHANNEL_REGISTER', 'CHANNEL_RESET_PASSWORD', 'CHANNEL_BIND_PHONE',
  'CHANNEL_UNBIND_PHONE', 'CHANNEL_BIND_MFA', 'CHANNEL_VERIFY_MFA', 'CHANNEL_UNBIND_MFA',
  'CHANNEL_COMPLETE_PHONE', 'CHANNEL_IDENTITY_VERIFICATION', 'CHANNEL_DELETE_ACCOUNT',
]);

/** EmailChannel values (Authing SendEmailDto). */
const EMAIL_CHANNELS = Object.freeze([
  'CHANNEL_LOGIN', 'CHANNEL_REGISTER', 'CHANNEL_RESET_PASSWORD', 'CHANNEL_VERIFY_EMAIL_LINK',
  'CHANNEL_UPDATE_EMAIL', 'CHANNEL_BIND_EMAIL', 'CHANNEL_UNBIND_EMAIL', 'CHANNEL_VERIFY_MFA',
  'CHANNEL_UNLOCK_ACCOUNT', 'CHANNEL_COMPLETE_EMAIL', 'CHANNEL_DELETE_ACCOUNT',
]);

/**
 * @typedef {object} Message
 * @property {string} target    'phone:+86:138…' or 'email:a@b.c'
 * @property {string} channel
 * @property {string} code
 * @property {number} sentAt    ms, server clock
 * @property {number} expiresAt
 * @property {boolean} used
 * @property {number} seq       send order, breaks ties within one millisecond
 * @property {number} wrongTries  wrong codes tried while this one was live
 * @property {boolean} voided   used up by too many wrong tries
 */

/** @param {string} phone @param {string} countryCode normalised '+86' */
function phoneTarget(phone, countryCode) {
  return `phone:${countryCode}:${phone}`;
}

/** One inbox and one cooldown per address however it is spelled (identity.js). @param {string} email */
function emailTarget(email) {
  return `email:${normalizeEmail(email)}`;
}

/**
 * Simulated SMS / email gateway. Only the newest code per target+channel is
 * valid (a resend replaces it), codes are single use and expire after codeTtl,
 * and a code survives `maxAttempts` wrong tries. One send per target (whatever the
 * channel) per `sendCooldown`.
 */
class Inbox {
  /**
   * @param {{now: () => number, codeTtl: number, sendCooldown: number, maxAttempts: number, log: (line: string) => void}} opts
   */
  constructor(opts) {
    this.opts = opts;
    /** @type {Map<string, Message>} key: target + '|' + channel */
    this.latest = new Map();
    /** @type {Map<string, number>} target -> last send (ms, server clock) */
    this.lastSent = new Map();
    this.seq = 0;
  }

  reset() {
    this.latest.clear();
    this.lastSent.clear();
  }

  /**
   * @param {string} target
   * @param {string} channel
   * @returns {Message}
   */
  send(target, channel) {
    const { now, codeTtl, sendCooldown, log } = this.opts;
    const key = `${target}|${channel}`;
    const prev = this.lastSent.get(target);
    const t = now();
    if (prev !== undefined && t - prev < sendCooldown * 1000 && t >= prev) {
      const wait = Math.ceil((prev + sendCooldown * 1000 - t) / 1000);
      throw new ApiError(429, API_CODES.TOO_MANY_REQUESTS,
        msg(`发送过于频繁，请 ${wait} 秒后重试`, `too many requests, retry in ${wait} seconds`), { retryAfter: wait });
    }
    const code = String(crypto.randomInt(0, 1000000)).padStart(6, '0');
    /** @type {Message} */
    const message = {
      target, channel, code, sentAt: t, expiresAt: t + codeTtl * 1000, used: false, seq: ++this.seq, wrongTries: 0, voided: false,
    };
    this.latest.set(key, message);
    this.lastSent.set(target, t);
    log(`[${target.startsWith('phone:') ? 'sms' : 'email'}] ${target.slice(target.indexOf(':') + 1)} ${channel} code ${code}`);
    return message;
  }

  /**
   * Check a code without burning it (a step that checks two codes burns neither until both
   * are good). Any of `channels` may have issued it.
   * @param {string} target
   * @param {string} code
   * @param {readonly string[]} channels
   * @param {string} [label]  names the code in the error, e.g. 'oldPhonePassCode'
   * @returns {Message}
   */
  verify(target, code, channels, label) {
    const now = this.opts.now();
    const zh = label ? `${label}：验证码` : '验证码';
    const en = label ? `${label}: passcode` : 'passcode';
    let reason = msg(`${zh}错误`, `${en} is incorrect`);
    const live = [];
    for (const channel of channels) {
      const m = this.latest.get(`${target}|${channel}`);
      if (!m) continue;
      if (!m.used && m.expiresAt > now) live.push(m);
      if (m.code !== code) continue;
      if (m.voided) { reason = msg(`${zh}错误次数过多，请重新获取`, `${en} was tried wrong too many times; request a new one`); continue; }
      if (m.used) { reason = msg(`${zh}已使用`, `${en} has already been used`); continue; }
      if (m.expiresAt <= now) { reason = msg(`${zh}已过期`, `${en} has expired`); continue; }
      return m;
    }
    // A wrong guess counts against every live code it could have been meant for.
    for (const m of live) {
      m.wrongTries += 1;
      if (m.wrongTries >= this.opts.maxAttempts) { m.used = true; m.voided = true; }
    }
    throw new ApiError(400, API_CODES.PASSCODE_INVALID, reason);
  }

  /**
   * Check and burn a code. Any of `channels` may have issued it.
   * @param {string} target
   * @param {string} code
   * @param {readonly string[]} channels
   * @param {string} [label]
   */
  consume(target, code, channels, label) {
    this.verify(target, code, channels, label).used = true;
  }

  /**
   * @param {string} [targetPrefix] filter, e.g. 'phone:+86:138…'
   * @returns {Message[]}
   */
  list(targetPrefix) {
    return [...this.latest.values()]
      .filter((m) => !targetPrefix || m.target === targetPrefix)
      .sort((a, b) => b.seq - a.seq);
  }
}

module.exports = { Inbox, SMS_CHANNELS, EMAIL_CHANNELS, phoneTarget, emailTarget };
