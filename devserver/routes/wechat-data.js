// @ts-check
'use strict';

const { ApiError, success } = require('../envelope');
const { API_CODES } = require('../api-codes');
const { msg } = require('../i18n');
const v = require('../validate');
const users = require('../users');
const { requireUserPoolId, requireUser } = require('../request-helpers');
const { checkIdp } = require('./signin-mobile');

/**
 * POST /api/v3/decrypt-wechat-miniprogram-data (header U) and
 * POST /connections/social/wechat-miniprogram/bind (headers U + T; the contract's path has no
 * /api/v3 prefix, and the answer is the usual envelope since the SDK judges it by statusCode).
 * @param {import('../router').Router} router
 */
function register(router) {
  router.add('POST', '/api/v3/decrypt-wechat-miniprogram-data', (ctx) => {
    const app = ctx.app;
    requireUserPoolId(ctx);
    const idp = v.requireString(ctx.body, 'extIdpConnidentifier');
    const encryptedData = v.requireString(ctx.body, 'encryptedData');
    const iv = v.requireString(ctx.body, 'iv');
    const code = v.requireString(ctx.body, 'code');
    checkIdp(app, idp);
    // The session_key OF THIS CODE: data WeChat produced under another key does not decrypt.
    const { sessionKey } = app.wechat.code2session(code);
    return success(ctx.requestId, app.wechat.decrypt(sessionKey, encryptedData, iv));
  });

  router.add('POST', '/connections/social/wechat-miniprogram/bind', (ctx) => {
    const app = ctx.app;
    requireUserPoolId(ctx);
    const user = requireUser(ctx);
    const body = ctx.body;
    const code = v.requireString(body, 'code');
    const idp = v.optionalString(body, 'extIdpConnidentifier');
    if (idp) checkIdp(app, idp);
    const encryptedData = v.optionalString(body, 'encryptedData');
    const iv = v.optionalString(body, 'iv');
    if (Boolean(encryptedData) !== Boolean(iv)) throw v.invalid(msg('encryptedData 和 iv 必须同时发送', 'encryptedData and iv must be sent together'));
    v.optionalString(body, 'rawData'); // accepted (type-checked), not needed: encryptedData carries the same profile

    const { openid, sessionKey } = app.wechat.code2session(code);
    const profile = encryptedData ? app.wechat.decrypt(sessionKey, encryptedData, iv) : null;
    const owner = users.findByOpenid(app, openid);
    if (owner && owner !== user) {
      throw new ApiError(400, API_CODES.WECHAT_ALREADY_BOUND, msg('该微信已绑定其他账号', 'this WeChat user is already bound to another account'));
    }
    const extIdpId = app.config.wechatIdpIdentifier;
    const current = user.identities.find((i) => i.provider === 'wechat' && i.extIdpId === extIdpId);
    if (current && current.userIdInIdp !== openid) {
      throw new ApiError(400, API_CODES.WECHAT_ALREADY_BOUND, msg('该账号已绑定其他微信', 'this account is already bound to another WeChat user'));
    }
    // Binding the same WeChat user again is a no-op.
    if (!current) users.addWechatIdentity(app, user, openid, extIdpId);
    if (profile) {
      // Fill, never overwrite (like the code login).
      if (!user.nickname && typeof profile.nickName === 'string') user.nickname = profile.nickName;
      if (!user.photo && typeof profile.avatarUrl === 'string' && profile.avatarUrl) user.photo = profile.avatarUrl;
    }
    app.store.save();
    return success(ctx.requestId, users.toUserDto(app, user, { withIdentities: true }));
  });
}

module.exports = { register };
