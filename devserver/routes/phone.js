// @ts-check
'use strict';

const { success } = require('../envelope');
const v = require('../validate');
const { requireUserPoolId } = require('../request-helpers');
const { checkIdp } = require('./signin-mobile');

/**
 * POST /api/v3/get-wechat-miniprogram-phone. Contract CONFLICT: the phone is
 * wrapped in `phone_info`, as the shipped SDK requires.
 * @param {import('../router').Router} router
 */
function register(router) {
  router.add('POST', '/api/v3/get-wechat-miniprogram-phone', (ctx) => {
    requireUserPoolId(ctx);
    const idp = v.requireString(ctx.body, 'extIdpConnidentifier');
    const code = v.requireString(ctx.body, 'code');
    checkIdp(ctx.app, idp);
    const { phoneNumber, countryCode } = ctx.app.wechat.takePhone(code);
    return success(ctx.requestId, {
      phone_info: {
        // Like WeChat: foreign numbers carry their country code, mainland ones do not.
        phoneNumber: countryCode === '86' ? phoneNumber : `+${countryCode}${phoneNumber}`,
        purePhoneNumber: phoneNumber,
        countryCode,
        watermark: { appid: ctx.app.config.wechatAppId, timestamp: Math.floor(ctx.app.now() / 1000) },
      },
    });
  });
}

module.exports = { register };
