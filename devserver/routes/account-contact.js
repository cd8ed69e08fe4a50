// @ts-check
'use strict';

const { ApiError, success } = require('../envelope');
const { API_CODES } = require('../api-codes');
const { msg } = require('../i18n');
const v = require('../validate');
const users = require('../users');
const { phoneTarget, emailTarget } = require('../sms');
const { requireUserPoolId, requireUser, readPhone, readEmail } = require('../request-helpers');

/**
 * @typedef {import('../index').App} App
 * @typedef {import('../index').RequestContext} RequestContext
 * @typedef {import('../users').User} User
 */

/**
 * Which send-sms / send-email channels may have issued each code. SmsChannel has no
 * UPDATE_PHONE: the new phone proves itself like a phone being bound (CHANNEL_BIND_PHONE),
 * the current one like a phone being unbound (CHANNEL_UNBIND_PHONE). EmailChannel has
 * CHANNEL_UPDATE_EMAIL, accepted for both emails of a change, next to BIND / UNBIND.
 */
const CHANNELS = Object.freeze({
  bindPhone: ['CHANNEL_BIND_PHONE'],
  bindEmail: ['CHANNEL_BIND_EMAIL'],
  newPhone: ['CHANNEL_BIND_PHONE'],
  oldPhone: ['CHANNEL_UNBIND_PHONE'],
  newEmail: ['CHANNEL_UPDATE_EMAIL', 'CHANNEL_BIND_EMAIL'],
  oldEmail: ['CHANNEL_UPDATE_EMAIL', 'CHANNEL_UNBIND_EMAIL'],
});

/** @param {App} app @param {User} user */
function touch(app, user) {
  user.updatedAt = new Date(app.now()).toISOString();
  app.store.save();
}

/** @param {Record<string, any>} body @param {string} expected */
function requireVerifyMethod(body, expected) {
  const method = v.requireString(body, 'verifyMethod');
  if (method !== expected) throw v.invalid(msg(`verifyMethod 必须是 ${expected}（收到 "${method}"）`, `verifyMethod must be ${expected} (got "${method}")`));
}

/**
 * The current phone of a change: required (and must be this account's) when the account has
 * one, refused when it has none. Returns the checked code's target, or null.
 * @param {User} user
 * @param {Record<string, any>} p  phonePassCodePayload
 * @returns {{target: string, code: string} | null}
 */
function currentPhone(user, p) {
  const label = 'phonePassCodePayload';
  const number = v.optionalString(p, 'oldPhoneNumber', `${label}.oldPhoneNumber`);
  const code = v.optionalString(p, 'oldPhonePassCode', `${label}.oldPhonePassCode`);
  if (!user.phone) {
    if (number || code) {
      throw new ApiError(400, API_CODES.NOT_ACCOUNT_CONTACT,
        msg('该账号没有手机号可验证：请不要发送 oldPhoneNumber / oldPhonePassCode（或使用 bind-phone）',
          'this account has no phone number to verify: leave oldPhoneNumber / oldPhonePassCode out (or use bind-phone)'));
    }
    return null;
  }
  if (!number || !code) {
    throw new ApiError(400, API_CODES.NOT_ACCOUNT_CONTACT,
      msg(`${label}.oldPhoneNumber 和 ${label}.oldPhonePassCode 为必填项：该账号已有手机号，需用 CHANNEL_UNBIND_PHONE 验证码验证原手机号`,
        `${label}.oldPhoneNumber and ${label}.oldPhonePassCode are required: this account has a phone number, `
        + 'verify it with a CHANNEL_UNBIND_PHONE code'));
  }
  const old = readPhone(p, 'oldPhoneNumber', 'oldPhoneCountryCode', label);
  if (old.phone !== user.phone || old.cc !== user.phoneCountryCode) {
    throw new ApiError(400, API_CODES.NOT_ACCOUNT_CONTACT, msg(`${label}.oldPhoneNumber 不是该账号的手机号`, `${label}.oldPhoneNumber is not this account's phone number`));
  }
  return { target: phoneTarget(old.phone, old.cc), code };
}

/**
 * @param {User} user
 * @param {Record<string, any>} p  emailPassCodePayload
 * @returns {{target: string, code: string} | null}
 */
function currentEmail(user, p) {
  const label = 'emailPassCodePayload';
  const email = v.optionalString(p, 'oldEmail', `${label}.oldEmail`);
  const code = v.optionalString(p, 'oldEmailPassCode', `${label}.oldEmailPassCode`);
  if (!user.email) {
    if (email || code) {
      throw new ApiError(400, API_CODES.NOT_ACCOUNT_CONTACT,
        msg('该账号没有邮箱可验证：请不要发送 oldEmail / oldEmailPassCode（或使用 bind-email）',
          'this account has no email to verify: leave oldEmail / oldEmailPassCode out (or use bind-email)'));
    }
    return null;
  }
  if (!email || !code) {
    throw new ApiError(400, API_CODES.NOT_ACCOUNT_CONTACT,
      msg(`${label}.oldEmail 和 ${label}.oldEmailPassCode 为必填项：该账号已有邮箱，需用 CHANNEL_UPDATE_EMAIL 验证码验证原邮箱`,
        `${label}.oldEmail and ${label}.oldEmailPassCode are required: this account has an email, `
        + 'verify it with a CHANNEL_UPDATE_EMAIL code'));
  }
  const old = readEmail(p, 'oldEmail', label);
  if (old !== user.email) throw new ApiError(400, API_CODES.NOT_ACCOUNT_CONTACT, msg(`${label}.oldEmail 不是该账号的邮箱`, `${label}.oldEmail is not this account's email`));
  return { target: emailTarget(old), code };
}

/**
 * Bind / change the account's phone and email:
 * POST /api/v3/bind-phone, /api/v3/bind-email (one step, account without one);
 * POST /api/v3/verify-update-phone-request → /api/v3/update-phone and
 * POST /api/v3/verify-update-email-request → /api/v3/update-email (two steps: the request
 * checks the codes and answers a single-use token valid actionTokenTtl seconds).
 * All need headers U + T. Codes are checked before uniqueness, so a taken number or address
 * is only revealed to someone holding a code for it.
 * @param {import('../router').Router} router
 */
function register(router) {
  router.add('POST', '/api/v3/bind-phone', (ctx) => {
    const app = ctx.app;
    requireUserPoolId(ctx);
    const user = requireUser(ctx);
    const { phone, cc } = readPhone(ctx.body, 'phoneNumber', 'phoneCountryCode');
    const passCode = v.requireString(ctx.body, 'passCode');
    if (user.phone) {
      throw new ApiError(400, API_CODES.ALREADY_BOUND,
        msg('该账号已绑定手机号：请用 verify-update-phone-request + update-phone 修改',
          'this account already has a phone number: change it with verify-update-phone-request + update-phone'));
    }
    app.inbox.verify(phoneTarget(phone, cc), passCode, CHANNELS.bindPhone);
    users.assertUnique(app, { phone, phoneCountryCode: cc, excludeUserId: user.userId });
    app.inbox.consume(phoneTarget(phone, cc), passCode, CHANNELS.bindPhone);
    Object.assign(user, { phone, phoneCountryCode: cc, phoneVerified: true });
    touch(app, user);
    return success(ctx.requestId, undefined, msg('手机号绑定成功', 'phone bound'));
  });

  router.add('POST', '/api/v3/bind-email', (ctx) => {
    const app = ctx.app;
    requireUserPoolId(ctx);
    const user = requireUser(ctx);
    const email = readEmail(ctx.body, 'email');
    const passCode = v.requireString(ctx.body, 'passCode');
    if (user.email) {
      throw new ApiError(400, API_CODES.ALREADY_BOUND,
        msg('该账号已绑定邮箱：请用 verify-update-email-request + update-email 修改',
          'this account already has an email: change it with verify-update-email-request + update-email'));
    }
    app.inbox.verify(emailTarget(email), passCode, CHANNELS.bindEmail);
    users.assertUnique(app, { email, excludeUserId: user.userId });
    app.inbox.consume(emailTarget(email), passCode, CHANNELS.bindEmail);
    Object.assign(user, { email, emailVerified: true });
    touch(app, user);
    return success(ctx.requestId, undefined, msg('邮箱绑定成功', 'email bound'));
  });

  router.add('POST', '/api/v3/verify-update-phone-request', (ctx) => {
    const app = ctx.app;
    requireUserPoolId(ctx);
    const user = requireUser(ctx);
    requireVerifyMethod(ctx.body, 'PHONE_PASSCODE');
    const label = 'phonePassCodePayload';
    const p = v.requireObject(ctx.body, label);
    const next = readPhone(p, 'newPhoneNumber', 'newPhoneCountryCode', label);
    const newCode = v.requireString(p, 'newPhonePassCode', `${label}.newPhonePassCode`);
    const old = currentPhone(user, p);
    // Both codes are checked before either is burnt.
    if (old) app.inbox.verify(old.target, old.code, CHANNELS.oldPhone, 'oldPhonePassCode');
    app.inbox.verify(phoneTarget(next.phone, next.cc), newCode, CHANNELS.newPhone, 'newPhonePassCode');
    users.assertUnique(app, { phone: next.phone, phoneCountryCode: next.cc, excludeUserId: user.userId });
    if (old) app.inbox.consume(old.target, old.code, CHANNELS.oldPhone);
    app.inbox.consume(phoneTarget(next.phone, next.cc), newCode, CHANNELS.newPhone);
    const { token, expiresIn } = app.actionTokens.issue('updatePhoneToken', user.userId, { phone: next.phone, phoneCountryCode: next.cc });
    return success(ctx.requestId, { updatePhoneToken: token, tokenExpiresIn: expiresIn });
  });

  router.add('POST', '/api/v3/update-phone', (ctx) => {
    const app = ctx.app;
    requireUserPoolId(ctx);
    const user = requireUser(ctx);
    const token = v.requireString(ctx.body, 'updatePhoneToken');
    const { phone, phoneCountryCode } = app.actionTokens.consume('updatePhoneToken', token, user.userId);
    // Someone may have taken the number since the request.
    users.assertUnique(app, { phone, phoneCountryCode, excludeUserId: user.userId });
    Object.assign(user, { phone, phoneCountryCode, phoneVerified: true });
    touch(app, user);
    return success(ctx.requestId, undefined, msg('手机号修改成功', 'phone updated'));
  });

  router.add('POST', '/api/v3/verify-update-email-request', (ctx) => {
    const app = ctx.app;
    requireUserPoolId(ctx);
    const user = requireUser(ctx);
    requireVerifyMethod(ctx.body, 'EMAIL_PASSCODE');
    const label = 'emailPassCodePayload';
    const p = v.requireObject(ctx.body, label);
    const email = readEmail(p, 'newEmail', label);
    const newCode = v.requireString(p, 'newEmailPassCode', `${label}.newEmailPassCode`);
    const old = currentEmail(user, p);
    if (old) app.inbox.verify(old.target, old.code, CHANNELS.oldEmail, 'oldEmailPassCode');
    app.inbox.verify(emailTarget(email), newCode, CHANNELS.newEmail, 'newEmailPassCode');
    users.assertUnique(app, { email, excludeUserId: user.userId });
    if (old) app.inbox.consume(old.target, old.code, CHANNELS.oldEmail);
    app.inbox.consume(emailTarget(email), newCode, CHANNELS.newEmail);
    const { token, expiresIn } = app.actionTokens.issue('updateEmailToken', user.userId, { email });
    return success(ctx.requestId, { updateEmailToken: token, tokenExpiresIn: expiresIn });
  });

  router.add('POST', '/api/v3/update-email', (ctx) => {
    const app = ctx.app;
    requireUserPoolId(ctx);
    const user = requireUser(ctx);
    const token = v.requireString(ctx.body, 'updateEmailToken');
    const { email } = app.actionTokens.consume('updateEmailToken', token, user.userId);
    users.assertUnique(app, { email, excludeUserId: user.userId });
    Object.assign(user, { email, emailVerified: true });
    touch(app, user);
    return success(ctx.requestId, undefined, msg('邮箱修改成功', 'email updated'));
  });
}

module.exports = { register, CHANNELS };
