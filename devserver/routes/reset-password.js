// @ts-check
'use strict';

const { ApiError, success } = require('../envelope');
const { API_CODES } = require('../api-codes');
const v = require('../validate');
const users = require('../users');
const { hashPassword, requirePolicy } = require('../passwords');
const { phoneTarget, emailTarget } = require('../sms');
const { ENCRYPT_TYPES, requireAppId, decryptPassword, readPhone, readEmail } = require('../request-helpers');
const { msg } = require('../i18n');

/** @typedef {import('../index').RequestContext} RequestContext */

const RESET_CHANNELS = Object.freeze(['CHANNEL_RESET_PASSWORD']);
const USER_NOT_FOUND = msg('用户不存在', 'User not found');
const PASSWORD_RESET = msg('密码重置成功', 'Password reset');

/**
 * The account a verify-reset-password-request proves, after burning its code. The code is
 * checked before the account, so an unknown number or address reveals nothing without one.
 * @param {RequestContext} ctx
 */
function verifiedUser(ctx) {
  const app = ctx.app;
  const method = v.requireString(ctx.body, 'verifyMethod');
  if (method === 'PHONE_PASSCODE') {
    const label = 'phonePassCodePayload';
    const p = v.requireObject(ctx.body, label);
    const { phone, cc } = readPhone(p, 'phoneNumber', 'phoneCountryCode', label);
    const passCode = v.requireString(p, 'passCode', `${label}.passCode`);
    app.inbox.consume(phoneTarget(phone, cc), passCode, RESET_CHANNELS);
    return users.findByPhone(app, phone, cc);
  }
  if (method === 'EMAIL_PASSCODE') {
    const label = 'emailPassCodePayload';
    const p = v.requireObject(ctx.body, label);
    const email = readEmail(p, 'email', label);
    const passCode = v.requireString(p, 'passCode', `${label}.passCode`);
    app.inbox.consume(emailTarget(email), passCode, RESET_CHANNELS);
    return users.findByEmail(app, email);
  }
  throw v.invalid(msg(`不支持的验证方式：${method}（支持 PHONE_PASSCODE、EMAIL_PASSCODE）`,
    `Unsupported verifyMethod: ${method} (PHONE_PASSCODE or EMAIL_PASSCODE)`));
}

/**
 * Forgot password, two steps without a login (header A):
 * POST /api/v3/verify-reset-password-request → `{passwordResetToken, tokenExpiresIn}` (single use,
 * actionTokenTtl seconds), then POST /api/v3/reset-password `{password, passwordResetToken,
 * passwordEncryptType?}` → `{success: true}`.
 * @param {import('../router').Router} router
 */
function register(router) {
  router.add('POST', '/api/v3/verify-reset-password-request', (ctx) => {
    requireAppId(ctx);
    const user = verifiedUser(ctx);
    if (!user) throw new ApiError(400, API_CODES.USER_NOT_FOUND, USER_NOT_FOUND);
    const { token, expiresIn } = ctx.app.actionTokens.issue('passwordResetToken', user.userId, { userId: user.userId });
    return success(ctx.requestId, { passwordResetToken: token, tokenExpiresIn: expiresIn });
  });

  router.add('POST', '/api/v3/reset-password', async (ctx) => {
    const app = ctx.app;
    requireAppId(ctx);
    const sent = v.requireString(ctx.body, 'password');
    const token = v.requireString(ctx.body, 'passwordResetToken');
    const encType = v.oneOf(v.optionalString(ctx.body, 'passwordEncryptType'), ENCRYPT_TYPES, 'passwordEncryptType') || 'none';
    // Everything that can fail on the request itself is checked before the token is burnt.
    const password = await decryptPassword(ctx, encType, sent, 'password');
    requirePolicy(password);
    const { userId } = app.actionTokens.consume('passwordResetToken', token, null);
    const user = users.findById(app, userId);
    if (!user) throw new ApiError(400, API_CODES.USER_NOT_FOUND, USER_NOT_FOUND);
    user.passwordHash = await hashPassword(password, app.config.scryptN);
    user.updatedAt = new Date(app.now()).toISOString();
    app.store.save();
    return success(ctx.requestId, { success: true }, PASSWORD_RESET);
  });
}

module.exports = { register };
