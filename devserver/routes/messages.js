// @ts-check
'use strict';

const { ApiError, success } = require('../envelope');
const { API_CODES } = require('../api-codes');
const v = require('../validate');
const { SMS_CHANNELS, EMAIL_CHANNELS, phoneTarget, emailTarget } = require('../sms');
const { requireUserPoolId } = require('../request-helpers');

/**
 * @param {string} channel
 * @param {readonly string[]} allowed
 */
function checkChannel(channel, allowed) {
  if (!allowed.includes(channel)) {
    throw new ApiError(400, API_CODES.UNKNOWN_CHANNEL, `unknown channel: ${channel} (expected one of ${allowed.join(', ')})`);
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
    const phone = v.requireString(ctx.body, 'phoneNumber');
    const channel = v.requireString(ctx.body, 'channel');
    checkChannel(channel, SMS_CHANNELS);
    const rawCc = v.optionalString(ctx.body, 'phoneCountryCode') || '+86';
    const cc = v.normalizeCountryCode(rawCc);
    if (!cc) throw new ApiError(400, API_CODES.INVALID_PHONE, `invalid phoneCountryCode: ${rawCc}`);
    if (!v.isPhone(phone, cc)) {
      throw new ApiError(400, API_CODES.INVALID_PHONE,
        `invalid phone number: ${phone}${cc === '+86' ? ' (+86 numbers have 11 digits and start with 1)' : ''}`);
    }
    ctx.app.inbox.send(phoneTarget(phone, cc), channel);
    return success(ctx.requestId, undefined, '发送成功 / sent');
  });

  router.add('POST', '/api/v3/send-email', (ctx) => {
    requireUserPoolId(ctx);
    const email = v.requireString(ctx.body, 'email');
    const channel = v.requireString(ctx.body, 'channel');
    checkChannel(channel, EMAIL_CHANNELS);
    if (!v.isEmail(email)) throw new ApiError(400, API_CODES.INVALID_EMAIL, `invalid email: ${email}`);
    ctx.app.inbox.send(emailTarget(email), channel);
    return success(ctx.requestId, undefined, '发送成功 / sent');
  });
}

module.exports = { register };
