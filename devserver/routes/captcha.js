// @ts-check
'use strict';

const { success } = require('../envelope');
const { requireAppId } = require('../request-helpers');

/**
 * GET /api/v3/get-captcha-code (header A) → `data {captchaCodeSvg, captchaToken}`: the V3 token
 * captcha (no cookie, so wx.request can use it). The code goes back on /api/v3/signin as
 * `options.captchaCode` with `options.captchaToken`.
 * @param {import('../router').Router} router
 */
function register(router) {
  router.add('GET', '/api/v3/get-captcha-code', (ctx) => {
    requireAppId(ctx);
    const { captchaCodeSvg, captchaToken } = ctx.app.captchas.issue();
    return success(ctx.requestId, { captchaCodeSvg, captchaToken });
  });
}

module.exports = { register };
