// @ts-check
'use strict';

const { ApiError, success } = require('../envelope');
const { API_CODES } = require('../api-codes');
const v = require('../validate');
const { msg } = require('../i18n');
const { usernameKey, normalizeEmail } = require('../identity');
const users = require('../users');
const tokens = require('../tokens');
const { hashPassword, verifyPassword, requirePolicy } = require('../passwords');
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

/**
 * @param {App} app
 * @param {'account'|'username'|'email'|'phone'} kind
 * @param {string} id
 * @returns {User|null}
 */
function findForPassword(app, kind, id) {
  if (kind === 'account') return users.findByAccount(app, id);
  if (kind === 'username') return users.findByUsername(app, id);
  if (kind === 'email') return users.findByEmail(app, id);
  return users.findByPhone(app, id);
}

/**
 * What the sign-in guard counts failures against: the user when there is one, else the
 * identifier as typed (normalised), so unknown accounts behave exactly like known ones.
 * @param {User|null} user
 * @param {string} id
 */
function guardKey(user, id) {
  return user ? `user:${user.userId}` : `unknown:${usernameKey(id)}`;
}

/**
 * Same cost whether or not the account exists or has a password: a missing hash is replaced by
 * the server's dummy hash, so the time taken does not tell which accounts exist.
 * @param {App} app
 * @param {User|null} user
 * @param {string} password
 */
async function passwordMatches(app, user, password) {
  const hash = user?.passwordHash || app.dummyHash;
  const ok = await verifyPassword(password, hash);
  return ok && Boolean(user?.passwordHash);
}

/**
 * The password check with Authing's defences around it (sign-in-guard.js): a locked account is
 * refused, a captcha is demanded after repeated failures, a failure is counted (2333 with
 * `remainCount`, or 2057 when it locks), a success clears the count.
 * @param {RequestContext} ctx
 * @param {User|null} user
 * @param {string} id        the identifier as sent
 * @param {string} password  decrypted
 * @param {Record<string, any>} options  the sign-in options (captchaCode, captchaToken)
 * @returns {Promise<User>}
 */
async function checkPasswordGuarded(ctx, user, id, password, options) {
  const { signInGuard } = ctx.app;
  const key = guardKey(user, id);
  signInGuard.beforePasswordCheck(key, ctx.client, {
    captchaCode: v.optionalString(options, 'captchaCode', 'options.captchaCode'),
    captchaToken: v.optionalString(options, 'captchaToken', 'options.captchaToken'),
  });
  const ok = await passwordMatches(ctx.app, user, password);
  if (!ok || !user) throw signInGuard.failed(key, ctx.client);
  signInGuard.succeeded(key, ctx.client);
  return user;
}

/**
 * autoRegister: an `account` is classified by its shape.
 * @param {RequestContext} ctx
 * @param {'account'|'username'|'email'|'phone'} kind
 * @param {string} id
 * @param {string} password  decrypted
 * @returns {Promise<User>}
 */
async function registerByPassword(ctx, kind, id, password) {
  const app = ctx.app;
  const as = kind !== 'account' ? kind : v.isEmail(id) ? 'email' : v.isPhone(id, '+86') ? 'phone' : 'username';
  if (as === 'email' && !v.isEmail(id)) throw new ApiError(400, API_CODES.INVALID_EMAIL, msg(`邮箱格式无效：${id}`, `invalid email: ${id}`));
  if (as === 'phone' && !v.isPhone(id, '+86')) throw new ApiError(400, API_CODES.INVALID_PHONE, msg(`手机号格式无效：${id}`, `invalid phone number: ${id}`));
  if (as === 'username' && id.length > 255) throw v.invalid(msg('用户名最多 255 个字符', 'username must be at most 255 characters'));
  requirePolicy(password);
  return users.createUser(app, { [as]: id, passwordHash: await hashPassword(password, app.config.scryptN) });
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
  if (!kind) {
    throw v.invalid(msg('passwordPayload.account（或 username / email / phone）为必填项',
      'passwordPayload.account (or username / email / phone) is required'));
  }
  const id = /** @type {string} */ (ids[kind]);
  const password = await decryptPassword(ctx, encType, sent, 'passwordPayload.password');
  const user = findForPassword(app, kind, id);
  if (!user && autoRegister) return registerByPassword(ctx, kind, id, password);
  return checkPasswordGuarded(ctx, user, id, password, options);
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
  if (!phone && !email) throw v.invalid(msg('passCodePayload.phone 或 passCodePayload.email 为必填项', 'passCodePayload.phone or passCodePayload.email is required'));

  if (phone) {
    const rawCc = v.optionalString(payload, 'phoneCountryCode', 'passCodePayload.phoneCountryCode') || '+86';
    const cc = v.normalizeCountryCode(rawCc);
    if (!cc) throw new ApiError(400, API_CODES.INVALID_PHONE, msg(`国家码无效：${rawCc}`, `invalid phoneCountryCode: ${rawCc}`));
    if (!v.isPhone(phone, cc)) throw new ApiError(400, API_CODES.INVALID_PHONE, msg(`手机号格式无效：${phone}`, `invalid phone number: ${phone}`));
    // Check the code before the account so an unknown number reveals nothing without one.
    app.inbox.consume(phoneTarget(phone, cc), passCode, PASSCODE_CHANNELS);
    const user = users.findByPhone(app, phone, cc);
    if (user) {
      user.phoneVerified = true;
      return user;
    }
    if (!autoRegister) throw new ApiError(400, API_CODES.USER_NOT_FOUND, msg(`用户不存在：${phone}`, `user not found: ${phone}`));
    return users.createUser(app, { phone, phoneCountryCode: cc, phoneVerified: true });
  }

  const addr = normalizeEmail(/** @type {string} */ (email));
  if (!v.isEmail(addr)) throw new ApiError(400, API_CODES.INVALID_EMAIL, msg(`邮箱格式无效：${addr}`, `invalid email: ${addr}`));
  app.inbox.consume(emailTarget(addr), passCode, PASSCODE_CHANNELS);
  const user = users.findByEmail(app, addr);
  if (user) {
    user.emailVerified = true;
    return user;
  }
  if (!autoRegister) throw new ApiError(400, API_CODES.USER_NOT_FOUND, msg(`用户不存在：${addr}`, `user not found: ${addr}`));
  return users.createUser(app, { email: addr, emailVerified: true });
}

/**
 * `connection`, refused in the request's language unless PASSWORD or PASSCODE.
 * @param {Record<string, any>} body
 */
function readConnection(body) {
  const connection = v.requireString(body, 'connection');
  if (connection !== 'PASSWORD' && connection !== 'PASSCODE') {
    throw new ApiError(400, API_CODES.UNSUPPORTED_CONNECTION, msg(`不支持的 connection：${connection}（本服务支持 PASSWORD 和 PASSCODE）`,
      `unsupported connection: ${connection} (this server supports PASSWORD and PASSCODE)`));
  }
  return connection;
}

/**
 * POST /api/v3/signin — PASSWORD and PASSCODE connections.
 * @param {import('../router').Router} router
 */
function register(router) {
  router.add('POST', '/api/v3/signin', async (ctx) => {
    requireAppId(ctx);
    const connection = readConnection(ctx.body);
    const options = v.optionalObject(ctx.body, 'options');
    const scope = tokens.normalizeScope(v.optionalString(options, 'scope', 'options.scope'));
    const autoRegister = v.optionalBoolean(options, 'autoRegister', 'options.autoRegister') || false;
    // readConnection lets only PASSWORD and PASSCODE through.
    const user = connection === 'PASSWORD' ? await passwordLogin(ctx, options, autoRegister) : passcodeLogin(ctx, autoRegister);
    const mfaRequired = mfaChallenge(ctx, user, scope);
    if (mfaRequired) return mfaRequired;
    users.recordLogin(ctx.app, user);
    return success(ctx.requestId, tokens.loginData(ctx.app, user, scope));
  });
}

module.exports = { register };
