// @ts-check
'use strict';

const crypto = require('crypto');
const { ApiError } = require('./envelope');
const { API_CODES } = require('./api-codes');

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
 */

/** @param {string} phone @param {string} countryCode normalised '+86' */
function phoneTarget(phone, countryCode) {
  return `phone:${countryCode}:${phone}`;
}

/** @param {string} email */
function emailTarget(email) {
  return `email:${email.toLowerCase()}`;
}

/**
 * Simulated SMS / email gateway. Only the newest code per target+channel is
 * valid (a resend replaces it), codes are single use and expire after codeTtl.
 */
class Inbox {
  /**
   * @param {{now: () => number, codeTtl: number, sendCooldown: number, log: (line: string) => void}} opts
   */
  constructor(opts) {
    this.opts = opts;
    /** @type {Map<string, Message>} key: target + '|' + channel */
    this.latest = new Map();
    this.seq = 0;
  }

  reset() {
    this.latest.clear();
  }

  /**
   * @param {string} target
   * @param {string} channel
   * @returns {Message}
   */
  send(target, channel) {
    const { now, codeTtl, sendCooldown, log } = this.opts;
    const key = `${target}|${channel}`;
    const prev = this.latest.get(key);
    const t = now();
    if (prev && t - prev.sentAt < sendCooldown * 1000) {
      const wait = Math.ceil((prev.sentAt + sendCooldown * 1000 - t) / 1000);
      throw new ApiError(429, API_CODES.TOO_MANY_REQUESTS,
        `发送过于频繁，请 ${wait} 秒后重试 / too many requests, retry in ${wait} seconds`);
    }
    const code = String(crypto.randomInt(0, 1000000)).padStart(6, '0');
    /** @type {Message} */
    const msg = { target, channel, code, sentAt: t, expiresAt: t + codeTtl * 1000, used: false, seq: ++this.seq };
    this.latest.set(key, msg);
    log(`[${target.startsWith('phone:') ? 'sms' : 'email'}] ${target.slice(target.indexOf(':') + 1)} ${channel} code ${code}`);
    return msg;
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
    const what = label ? `${label}: passcode` : 'passcode';
    let reason = `${what} is incorrect (验证码错误)`;
    for (const channel of channels) {
      const msg = this.latest.get(`${target}|${channel}`);
      if (!msg || msg.code !== code) continue;
      if (msg.used) { reason = `${what} has already been used (验证码已使用)`; continue; }
      if (msg.expiresAt <= now) { reason = `${what} has expired (验证码已过期)`; continue; }
      return msg;
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
