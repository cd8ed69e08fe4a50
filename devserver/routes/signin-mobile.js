// @ts-check
'use strict';

const { ApiError, success } = require('../envelope');
const { API_CODES } = require('../api-codes');
const { msg } = require('../i18n');
const v = require('../validate');
const users = require('../users');
const tokens = require('../tokens');
const { requireAppId } = require('../request-helpers');

/**
 * @typedef {import('../index').App} App
 * @typedef {import('../index').RequestContext} RequestContext
 * @typedef {import('../users').User} User
 */

const CODE = 'wechat_mini_program_code';
const CODE_AND_PHONE = 'wechat_mini_program_code_and_phone';

/**
 * The configured identity source is the only one this server knows.
 * @param {App} app
 * @param {string} given
 */
function checkIdp(app, given) {
  const expected = app.config.wechatIdpIdentifier;
  if (given !== expected) {
    throw new ApiError(400, API_CODES.IDP_NOT_FOUND,
      msg(`身份源 extIdpConnidentifier "${given}" 不存在：本服务的微信小程序身份源是 "${expected}"`,
        `extIdpConnidentifier "${given}" not found: this server's WeChat mini-program identity source is "${expected}"`));
  }
}

/**
 * A user with no way left to sign in (after losing its WeChat identity in a merge).
 * @param {User} u
 */
function isEmptyAccount(u) {
  return !u.username && !u.email && !u.phone && !u.passwordHash && u.identities.length === 0;
}

/**
 * Find or create the user for this openid; with a phone, bind it. If another
 * user already owns the phone, the WeChat identity moves to that user (phone
 * owner wins) and a now-empty WeChat-only account is deleted.
 * @param {App} app
 * @param {string} openid
 * @param {Record<string, any>|null} profile  decrypted user info, if sent
 * @param {{phoneNumber: string, countryCode: string}|null} phone
 * @returns {User}
 */
function resolveUser(app, openid, profile, phone) {
  const idp = app.config.wechatIdpIdentifier;
  let user = users.findByOpenid(app, openid);
  if (phone) {
    const cc = `+${phone.countryCode}`;
    const owner = users.findByPhone(app, phone.phoneNumber, cc);
    if (user && owner && user !== owner) {
      user.identities = user.identities.filter((i) => i.userIdInIdp !== openid);
      if (isEmptyAccount(user)) users.removeUser(app, user);
      users.addWechatIdentity(app, owner, openid, idp);
      user = owner;
    } else if (!user && owner) {
      users.addWechatIdentity(app, owner, openid, idp);
      user = owner;
    } else if (user && !owner) {
      user.phone = phone.phoneNumber;
      user.phoneCountryCode = cc;
    }
    if (!user) {
      user = users.createUser(app, { phone: phone.phoneNumber, phoneCountryCode: cc });
      users.addWechatIdentity(app, user, openid, idp);
    }
    user.phoneVerified = true;
  }
  if (!user) {
    user = users.createUser(app, {});
    users.addWechatIdentity(app, user, openid, idp);
  }
  if (profile) {
    // Fill, never overwrite, what the user may have edited since.
    if (!user.nickname && typeof profile.nickName === 'string') user.nickname = profile.nickName;
    if (!user.photo && typeof profile.avatarUrl === 'string' && profile.avatarUrl) user.photo = profile.avatarUrl;
  }
  app.store.save();
  return user;
}

/**
 * POST /api/v3/signin-by-mobile — WeChat mini-program code (and phone) login.
 * @param {import('../router').Router} router
 */
function register(router) {
  router.add('POST', '/api/v3/signin-by-mobile', (ctx) => {
    const app = ctx.app;
    requireAppId(ctx);
    const body = ctx.body;
    const connection = v.requireString(body, 'connection');
    const idp = v.requireString(body, 'extIdpConnidentifier');
    if (connection !== CODE && connection !== CODE_AND_PHONE) {
      throw new ApiError(400, API_CODES.UNSUPPORTED_CONNECTION,
        msg(`不支持的 connection：${connection}（本服务支持 ${CODE} 和 ${CODE_AND_PHONE}）`,
          `unsupported connection: ${connection} (this server supports ${CODE} and ${CODE_AND_PHONE})`));
    }
    checkIdp(app, idp);
    const options = v.optionalObject(body, 'options');
    const scope = tokens.normalizeScope(v.optionalString(options, 'scope', 'options.scope'));

    let loginInfo;
    let loginLabel;
    let phoneCode;
    if (connection === CODE) {
      loginLabel = 'wechatMiniProgramCodePayload';
      loginInfo = v.requireObject(body, loginLabel);
    } else {
      const payload = v.requireObject(body, 'wechatMiniProgramCodeAndPhonePayload');
      loginLabel = 'wechatMiniProgramCodeAndPhonePayload.wxLoginInfo';
      loginInfo = v.requireObject(payload, 'wxLoginInfo', loginLabel);
      const phoneInfo = v.requireObject(payload, 'wxPhoneInfo', 'wechatMiniProgramCodeAndPhonePayload.wxPhoneInfo');
      phoneCode = v.requireString(phoneInfo, 'code', 'wechatMiniProgramCodeAndPhonePayload.wxPhoneInfo.code');
    }
    const code = v.requireString(loginInfo, 'code', `${loginLabel}.code`);
    // The SDK sends '' for both when the app has no user info: treat as absent.
    const encryptedData = v.optionalString(loginInfo, 'encryptedData', `${loginLabel}.encryptedData`);
    const iv = v.optionalString(loginInfo, 'iv', `${loginLabel}.iv`);
    if (Boolean(encryptedData) !== Boolean(iv)) throw v.invalid(msg(`${loginLabel}.encryptedData 和 iv 必须同时发送`, `${loginLabel}.encryptedData and iv must be sent together`));

    const { openid, sessionKey } = app.wechat.code2session(code);
    const profile = encryptedData ? app.wechat.decrypt(sessionKey, encryptedData, iv) : null;
    const phone = phoneCode ? app.wechat.takePhone(phoneCode) : null;
    const user = resolveUser(app, openid, profile, phone);
    users.recordLogin(app, user);
    return success(ctx.requestId, tokens.loginData(app, user, scope));
  });
}

module.exports = { register, checkIdp };
