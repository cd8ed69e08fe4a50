// @ts-check
'use strict';

const { ApiError, success } = require('../envelope');
const { API_CODES } = require('../api-codes');
const { msg } = require('../i18n');
const v = require('../validate');
const users = require('../users');
const tokens = require('../tokens');
const { verifyPassword } = require('../passwords');
const { phoneTarget, emailTarget } = require('../sms');
const { ENCRYPT_TYPES, requireUserPoolId, requireUser, readPhone, readEmail, decryptPassword } = require('../request-helpers');

/**
 * @typedef {import('../index').RequestContext} RequestContext
 * @typedef {import('../users').User} User
 */

const VERIFY_METHODS = Object.freeze(/** @type {const} */ (['PHONE_PASSCODE', 'EMAIL_PASSCODE', 'PASSWORD']));
const DELETE_CHANNELS = Object.freeze(['CHANNEL_DELETE_ACCOUNT']);

/** @param {import('../i18n').Msg} what @param {string} instead */
function unavailable(what, instead) {
  return new ApiError(400, API_CODES.VERIFY_METHOD_UNAVAILABLE,
    msg(`该账号没有${what.zh}：请用 ${instead} 验证`, `this account has no ${what.en}: verify with ${instead}`));
}

/**
 * Proves the caller owns the account, by the method it chose.
 * @param {RequestContext} ctx
 * @param {User} user
 * @param {'PHONE_PASSCODE'|'EMAIL_PASSCODE'|'PASSWORD'} method
 */
async function verifyOwner(ctx, user, method) {
  const body = ctx.body;
  if (method === 'PHONE_PASSCODE') {
    const label = 'phonePassCodePayload';
    const p = v.requireObject(body, label);
    const { phone, cc } = readPhone(p, 'phoneNumber', 'phoneCountryCode', label);
    const passCode = v.requireString(p, 'passCode', `${label}.passCode`);
    if (!user.phone) throw unavailable(msg('手机号', 'phone number'), 'EMAIL_PASSCODE or PASSWORD');
    if (phone !== user.phone || cc !== user.phoneCountryCode) {
      throw new ApiError(400, API_CODES.NOT_ACCOUNT_CONTACT, msg(`${label}.phoneNumber 不是该账号的手机号`, `${label}.phoneNumber is not this account's phone number`));
    }
    ctx.app.inbox.consume(phoneTarget(phone, cc), passCode, DELETE_CHANNELS);
    return;
  }
  if (method === 'EMAIL_PASSCODE') {
    const label = 'emailPassCodePayload';
    const p = v.requireObject(body, label);
    const email = readEmail(p, 'email', label);
    const passCode = v.requireString(p, 'passCode', `${label}.passCode`);
    if (!user.email) throw unavailable(msg('邮箱', 'email'), 'PHONE_PASSCODE or PASSWORD');
    if (email !== user.email) throw new ApiError(400, API_CODES.NOT_ACCOUNT_CONTACT, msg(`${label}.email 不是该账号的邮箱`, `${label}.email is not this account's email`));
    ctx.app.inbox.consume(emailTarget(email), passCode, DELETE_CHANNELS);
    return;
  }
  const label = 'passwordPayload';
  const p = v.requireObject(body, label);
  const sent = v.requireString(p, 'password', `${label}.password`);
  const encType = v.oneOf(v.optionalString(p, 'passwordEncryptType', `${label}.passwordEncryptType`),
    ENCRYPT_TYPES, `${label}.passwordEncryptType`) || 'none';
  const password = await decryptPassword(ctx, encType, sent, `${label}.password`);
  if (!user.passwordHash) throw unavailable(msg('密码', 'password'), 'PHONE_PASSCODE or EMAIL_PASSCODE');
  if (!(await verifyPassword(password, user.passwordHash))) {
    throw new ApiError(400, API_CODES.PASSWORD_WRONG, msg('密码错误', 'password is incorrect'));
  }
}

/**
 * POST /api/v3/verify-delete-account-request → POST /api/v3/delete-account (headers U + T).
 * The request verifies the owner (phone / email code on CHANNEL_DELETE_ACCOUNT, or the
 * password, encrypted or not) and answers a single-use deleteAccountToken valid
 * actionTokenTtl seconds. delete-account removes the user for good: its refresh tokens are
 * dropped, the presented access token is revoked and every other one stops verifying.
 * @param {import('../router').Router} router
 */
function register(router) {
  router.add('POST', '/api/v3/verify-delete-account-request', async (ctx) => {
    requireUserPoolId(ctx);
    const user = requireUser(ctx);
    const method = v.oneOf(v.requireString(ctx.body, 'verifyMethod'), VERIFY_METHODS, 'verifyMethod');
    await verifyOwner(ctx, user, /** @type {'PHONE_PASSCODE'|'EMAIL_PASSCODE'|'PASSWORD'} */ (method));
    const { token, expiresIn } = ctx.app.actionTokens.issue('deleteAccountToken', user.userId, {});
    return success(ctx.requestId, { deleteAccountToken: token, tokenExpiresIn: expiresIn });
  });

  router.add('POST', '/api/v3/delete-account', (ctx) => {
    const app = ctx.app;
    requireUserPoolId(ctx);
    const header = ctx.headers.authorization;
    const { user, payload } = tokens.authenticate(app, typeof header === 'string' ? header : undefined);
    const token = v.requireString(ctx.body, 'deleteAccountToken');
    app.actionTokens.consume('deleteAccountToken', token, user.userId);
    users.removeUser(app, user);
    if (typeof payload.jti === 'string') app.store.state.revoked[payload.jti] = Number(payload.exp) * 1000;
    app.store.save();
    return success(ctx.requestId, undefined, msg('账号已删除', 'account deleted'));
  });
}

module.exports = { register };
