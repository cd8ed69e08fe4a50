// @ts-check
'use strict';

const { ApiError, success } = require('../envelope');
const { API_CODES } = require('../api-codes');
const { msg } = require('../i18n');
const v = require('../validate');
const { hashPassword, verifyPassword, requirePolicy } = require('../passwords');
const { ENCRYPT_TYPES, requireUserPoolId, requireUser, tryDecrypt, decryptPassword } = require('../request-helpers');

/**
 * POST /api/v3/update-password.
 * `passwordEncryptType` applies to newPassword (must decrypt). The shipped SDK
 * sends oldPassword in clear even then, so oldPassword is decrypted when it
 * decrypts and otherwise taken as plain text.
 * @param {import('../router').Router} router
 */
function register(router) {
  router.add('POST', '/api/v3/update-password', async (ctx) => {
    requireUserPoolId(ctx);
    const user = requireUser(ctx);
    const sentNew = v.requireString(ctx.body, 'newPassword');
    const sentOld = v.optionalString(ctx.body, 'oldPassword');
    const encType = v.oneOf(v.optionalString(ctx.body, 'passwordEncryptType'), ENCRYPT_TYPES, 'passwordEncryptType') || 'none';
    const newPassword = await decryptPassword(ctx, encType, sentNew, 'newPassword');
    const oldPassword = sentOld === undefined || encType === 'none' ? sentOld : ((await tryDecrypt(ctx, encType, sentOld)) ?? sentOld);
    if (user.passwordHash) {
      if (!oldPassword) throw v.required('oldPassword');
      if (!(await verifyPassword(oldPassword, user.passwordHash))) {
        throw new ApiError(400, API_CODES.OLD_PASSWORD_WRONG, msg('旧密码错误', 'oldPassword is incorrect'));
      }
    }
    requirePolicy(newPassword);
    user.passwordHash = await hashPassword(newPassword, ctx.app.config.scryptN);
    user.updatedAt = new Date(ctx.app.now()).toISOString();
    user.passwordLastSetAt = user.updatedAt;
    ctx.app.store.save();
    return success(ctx.requestId, undefined, msg('密码修改成功', 'password updated'));
  });
}

module.exports = { register };
