// @ts-check
'use strict';

const { ApiError, success } = require('../envelope');
const { API_CODES } = require('../api-codes');
const v = require('../validate');
const { SMS_CHANNELS, EMAIL_CHANNELS, phoneTarget, emailTarget } = require('../sms');
const { requireUserPoolId, readPhone, readEmail } = require('../request-helpers');
const { msg } = require('../i18n');

const SENT = msg('发送成功', 'sent');

/**
 * @param {string} channel
 * @param {readonly string[]} allowed
 */
function checkChannel(channel, allowed) {
  if (!allowed.includes(channel)) {
    throw new ApiError(400, API_CODES.UNKNOWN_CHANNEL,
      msg(`未知的 channel：${channel}（可选 ${allowed.join('、')}）`, `unknown channel: ${channel} (expected one of ${allowed.join(', ')})`));
  }
}

/**
 * POST /api/v3/send-sms and /api/v3/send-email. The codes land in the dev
 * inbox (GET /__dev/sms, /__dev/email) and in the log.
 * @param {import('../router').Router} router
 */
function register(router) {
  router.add('POST', '/api/v3/send-sms', (ctx) => {
    requireUserPoolId(ctx);
    v.requireString(ctx.body, 'phoneNumber');
    const channel = v.requireString(ctx.body, 'channel');
    checkChannel(channel, SMS_CHANNELS);
    const { phone, cc } = readPhone(ctx.body, 'phoneNumber', 'phoneCountryCode');
    ctx.app.inbox.send(phoneTarget(phone, cc), channel);
    return success(ctx.requestId, undefined, SENT);
  });

  router.add('POST', '/api/v3/send-email', (ctx) => {
    requireUserPoolId(ctx);
    v.requireString(ctx.body, 'email');
    const channel = v.requireString(ctx.body, 'channel');
    checkChannel(channel, EMAIL_CHANNELS);
    ctx.app.inbox.send(emailTarget(readEmail(ctx.body, 'email')), channel);
    return success(ctx.requestId, undefined, SENT);
  });
}

module.exports = { register, SENT };
