// @ts-check
'use strict';

const { ApiError, success } = require('../envelope');
const { API_CODES } = require('../api-codes');
const v = require('../validate');
const users = require('../users');
const tokens = require('../tokens');
const { hashPassword, verifyPassword, checkPolicy } = require('../passwords');
const { phoneTarget, emailTarget } = require('../sms');
const { ENCRYPT_TYPES, requireAppId, decryptPassword } = require('../request-helpers');
const { mfaChallenge } = require('../mfa');

/**
 * @typedef {import('../index').App} App
 * @typedef {import('../index').RequestContext} RequestContext
 * @typedef {import('../users').User} User
 */

// Codes sent on either channel may be used to sign in (login, or first login = register).
const PASSCODE_CHANNELS = Object.freeze(['CHANNEL_LOGIN', 'CHANNEL_REGISTER']);

function wrongCredentials() {
  // Same answer for unknown account and wrong password: no account enumeration.
  return new ApiError(400, API_CODES.ACCOUNT_OR_PASSWORD_WRONG, '账号或密码错误 / account or password is incorrect');
}

/**
 * @param {RequestContext} ctx
 * @param {Record<string, any>} options
 * @param {boolean} autoRegister
 * @returns {Promise<User>}
 */
async function passwordLogin(ctx, options, autoRegister) {
  const app = ctx.app;
  const payload = v.requireObject(ctx.body, 'passwordPayload');
  const encType = v.oneOf(v.optionalString(options, 'passwordEncryptType', 'options.passwordEncryptType'),
    ENCRYPT_TYPES, 'options.passwordEncryptType') || 'none';
  const sent = v.requireString(payload, 'password', 'passwordPayload.password');
  /** @type {Record<'account'|'username'|'email'|'phone', string|undefined>} */
  const ids = {
    account: v.optionalString(payload, 'account', 'passwordPayload.account'),
    username: v.optionalString(payload, 'username', 'passwordPayload.username'),
    email: v.optionalString(payload, 'email', 'passwordPayload.email'),
    phone: v.optionalString(payload, 'phone', 'passwordPayload.phone'),
  };
  const kind = /** @type {(keyof typeof ids)|undefined} */ (Object.keys(ids).find((k) => ids[/** @type {keyof typeof ids} */ (k)]));
  if (!kind) throw v.invalid('passwordPayload.account (or username / email / phone) is required');
  const id = /** @type {string} */ (ids[kind]);
  const password = await decryptPassword(ctx, encType, sent, 'passwordPayload.password');

  const user = kind === 'account' ? users.findByAccount(app, id)
    : kind === 'username' ? users.findByUsername(app, id)
      : kind === 'email' ? users.findByEmail(app, id)
        : users.findByPhone(app, id);
  if (user) {
    if (!(await verifyPassword(password, user.passwordHash))) throw wrongCredentials();
    return user;
  }
  if (!autoRegister) throw wrongCredentials();

  // autoRegister: an `account` is classified by its shape.
  const as = kind !== 'account' ? kind : v.isEmail(id) ? 'email' : v.isPhone(id, '+86') ? 'phone' : 'username';
  if (as === 'email' && !v.isEmail(id)) throw new ApiError(400, API_CODES.INVALID_EMAIL, `invalid email: ${id}`);
  if (as === 'phone' && !v.isPhone(id, '+86')) throw new ApiError(400, API_CODES.INVALID_PHONE, `invalid phone number: ${id}`);
  if (as === 'username' && id.length > 255) throw v.invalid('username must be at most 255 characters');
  const policy = checkPolicy(password);
  if (policy) throw new ApiError(400, API_CODES.PASSWORD_POLICY, policy);
  return users.createUser(app, { [as]: id, passwordHash: await hashPassword(password, app.config.scryptN) });
}

/**
 * @param {RequestContext} ctx
 * @param {boolean} autoRegister
 * @returns {User}
 */
function passcodeLogin(ctx, autoRegister) {
  const app = ctx.app;
  const payload = v.requireObject(ctx.body, 'passCodePayload');
  const passCode = v.requireString(payload, 'passCode', 'passCodePayload.passCode');
  const phone = v.optionalString(payload, 'phone', 'passCodePayload.phone');
  const email = v.optionalString(payload, 'email', 'passCodePayload.email');
  if (!phone && !email) throw v.invalid('passCodePayload.phone or passCodePayload.email is required');

  if (phone) {
    const rawCc = v.optionalString(payload, 'phoneCountryCode', 'passCodePayload.phoneCountryCode') || '+86';
    const cc = v.normalizeCountryCode(rawCc);
    if (!cc) throw new ApiError(400, API_CODES.INVALID_PHONE, `invalid phoneCountryCode: ${rawCc}`);
    if (!v.isPhone(phone, cc)) throw new ApiError(400, API_CODES.INVALID_PHONE, `invalid phone number: ${phone}`);
    // Check the code before the account so an unknown number reveals nothing without one.
    app.inbox.consume(phoneTarget(phone, cc), passCode, PASSCODE_CHANNELS);
    const user = users.findByPhone(app, phone, cc);
    if (user) {
      user.phoneVerified = true;
      return user;
    }
    if (!autoRegister) throw new ApiError(400, API_CODES.USER_NOT_FOUND, `用户不存在 / user not found: ${phone}`);
    return users.createUser(app, { phone, phoneCountryCode: cc, phoneVerified: true });
  }

  const addr = /** @type {string} */ (email);
  if (!v.isEmail(addr)) throw new ApiError(400, API_CODES.INVALID_EMAIL, `invalid email: ${addr}`);
  app.inbox.consume(emailTarget(addr), passCode, PASSCODE_CHANNELS);
  const user = users.findByEmail(app, addr);
  if (user) {
    user.emailVerified = true;
    return user;
  }
  if (!autoRegister) throw new ApiError(400, API_CODES.USER_NOT_FOUND, `用户不存在 / user not found: ${addr}`);
  return users.createUser(app, { email: addr, emailVerified: true });
}

/**
 * POST /api/v3/signin — PASSWORD and PASSCODE connections.
 * @param {import('../router').Router} router
 */
function register(router) {
  router.add('POST', '/api/v3/signin', async (ctx) => {
    requireAppId(ctx);
    const connection = v.requireString(ctx.body, 'connection');
    const options = v.optionalObject(ctx.body, 'options');
    const scope = tokens.normalizeScope(v.optionalString(options, 'scope', 'options.scope'));
    const autoRegister = v.optionalBoolean(options, 'autoRegister', 'options.autoRegister') || false;
    let user;
    if (connection === 'PASSWORD') user = await passwordLogin(ctx, options, autoRegister);
    else if (connection === 'PASSCODE') user = passcodeLogin(ctx, autoRegister);
    else {
      throw new ApiError(400, API_CODES.UNSUPPORTED_CONNECTION,
        `unsupported connection: ${connection} (this server supports PASSWORD and PASSCODE)`);
    }
    const mfaRequired = mfaChallenge(ctx, user, scope);
    if (mfaRequired) return mfaRequired;
    users.recordLogin(ctx.app, user);
    return success(ctx.requestId, tokens.loginData(ctx.app, user, scope));
  });
}

module.exports = { register };
