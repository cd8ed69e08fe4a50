// @ts-check
'use strict';

const { ApiError, success } = require('../envelope');
const { API_CODES } = require('../api-codes');
const v = require('../validate');
const users = require('../users');
const { hashPassword, requirePolicy } = require('../passwords');
const { phoneTarget, emailTarget } = require('../sms');
const { ENCRYPT_TYPES, requireAppId, decryptPassword, tryDecrypt, readPhone, readEmail } = require('../request-helpers');
const { readUpdates } = require('./profile');
const { msg } = require('../i18n');

/**
 * @typedef {import('../index').RequestContext} RequestContext
 * @typedef {{target: string, code: string, channels: readonly string[]}} PendingCode  checked, burnt once all checks pass
 */

const REGISTER_CHANNELS = Object.freeze(['CHANNEL_REGISTER']);
const COMPLETE_PHONE_CHANNELS = Object.freeze(['CHANNEL_COMPLETE_PHONE']);
const COMPLETE_EMAIL_CHANNELS = Object.freeze(['CHANNEL_COMPLETE_EMAIL']);

const SIGNED_UP = msg('注册成功', 'Signed up');
const ACCOUNT_REQUIRED = msg('请提供用户名或邮箱', 'A username or an email is required');
/** @param {string} what  'profile.phone' or 'profile.email' */
const completionCodeRequired = (what) => msg(`填写了 ${what} 时需要提供对应的验证码`,
  `A verification code is required for the ${what} in the profile`);
/** @param {string} connection */
const connectionUnsupported = (connection) => msg(`不支持的注册方式：${connection}（支持 PASSWORD、PASSCODE）`,
  `Unsupported sign-up connection: ${connection} (PASSWORD or PASSCODE)`);

/**
 * `profile` (SignUpProfileDto): the fields this server stores are checked like update-profile;
 * `profile.phone` / `profile.email` need a completion code in `options`.
 * @param {RequestContext} ctx
 * @param {Record<string, any>} options
 * @param {PendingCode[]} codes  receives the completion codes to burn
 */
function readProfile(ctx, options, codes) {
  const profile = v.optionalObject(ctx.body, 'profile');
  const { username: _ignored, ...fields } = readUpdates(profile);
  if (v.optionalString(profile, 'phone', 'profile.phone')) {
    const { phone, cc } = readPhone(profile, 'phone', 'phoneCountryCode', 'profile');
    const code = v.optionalString(options, 'phonePassCodeForInformationCompletion', 'options.phonePassCodeForInformationCompletion');
    if (!code) throw v.invalid(completionCodeRequired('profile.phone'));
    codes.push({ target: phoneTarget(phone, cc), code, channels: COMPLETE_PHONE_CHANNELS });
    Object.assign(fields, { phone, phoneCountryCode: cc, phoneVerified: true });
  }
  if (v.optionalString(profile, 'email', 'profile.email')) {
    const email = readEmail(profile, 'email', 'profile');
    const code = v.optionalString(options, 'emailPassCodeForInformationCompletion', 'options.emailPassCodeForInformationCompletion');
    if (!code) throw v.invalid(completionCodeRequired('profile.email'));
    codes.push({ target: emailTarget(email), code, channels: COMPLETE_EMAIL_CHANNELS });
    Object.assign(fields, { email, emailVerified: true });
  }
  return fields;
}

/**
 * PASSWORD: `passwordPayload {password, username? | email?}`, the password encrypted under
 * `options.passwordEncryptType`.
 * @param {RequestContext} ctx
 * @param {'none'|'rsa'|'sm2'} encType
 */
async function passwordAccount(ctx, encType) {
  const payload = v.requireObject(ctx.body, 'passwordPayload');
  const sent = v.requireString(payload, 'password', 'passwordPayload.password');
  const username = v.optionalString(payload, 'username', 'passwordPayload.username');
  const email = v.optionalString(payload, 'email', 'passwordPayload.email') ? readEmail(payload, 'email', 'passwordPayload') : undefined;
  if (!username && !email) throw v.invalid(ACCOUNT_REQUIRED);
  if (username && username.length > 255) throw v.invalid('passwordPayload.username must be at most 255 characters');
  const password = await decryptPassword(ctx, encType, sent, 'passwordPayload.password');
  requirePolicy(password);
  return { fields: { username: username || null, email: email || null }, password, codes: /** @type {PendingCode[]} */ ([]) };
}

/**
 * PASSCODE: `passCodePayload {passCode, phone | email, phoneCountryCode?}` with a CHANNEL_REGISTER
 * code; `options.passwordForPhonePassCode` adds a password (decrypted when it decrypts under
 * `passwordEncryptType`, else taken as typed — UNCONFIRMED in the contract).
 * @param {RequestContext} ctx
 * @param {'none'|'rsa'|'sm2'} encType
 * @param {Record<string, any>} options
 */
async function passcodeAccount(ctx, encType, options) {
  const payload = v.requireObject(ctx.body, 'passCodePayload');
  const code = v.requireString(payload, 'passCode', 'passCodePayload.passCode');
  /** @type {Record<string, any>} */
  let fields;
  let target;
  if (v.optionalString(payload, 'phone', 'passCodePayload.phone')) {
    const { phone, cc } = readPhone(payload, 'phone', 'phoneCountryCode', 'passCodePayload');
    fields = { phone, phoneCountryCode: cc, phoneVerified: true };
    target = phoneTarget(phone, cc);
  } else if (v.optionalString(payload, 'email', 'passCodePayload.email')) {
    const email = readEmail(payload, 'email', 'passCodePayload');
    fields = { email, emailVerified: true };
    target = emailTarget(email);
  } else {
    throw v.invalid('passCodePayload.phone or passCodePayload.email is required');
  }
  const sentPassword = v.optionalString(options, 'passwordForPhonePassCode', 'options.passwordForPhonePassCode');
  let password = null;
  if (sentPassword !== undefined) {
    password = encType === 'none' ? sentPassword : ((await tryDecrypt(ctx, encType, sentPassword)) ?? sentPassword);
    requirePolicy(password);
  }
  return { fields, password, codes: [{ target, code, channels: REGISTER_CHANNELS }] };
}

/**
 * POST /api/v3/signup (header A): PASSWORD or PASSCODE, optional `profile`, answers the new
 * user (UserDto) and no tokens — the client signs in afterwards.
 * @param {import('../router').Router} router
 */
function register(router) {
  router.add('POST', '/api/v3/signup', async (ctx) => {
    const app = ctx.app;
    requireAppId(ctx);
    const connection = v.requireString(ctx.body, 'connection');
    const options = v.optionalObject(ctx.body, 'options');
    const encType = v.oneOf(v.optionalString(options, 'passwordEncryptType', 'options.passwordEncryptType'),
      ENCRYPT_TYPES, 'options.passwordEncryptType') || 'none';
    let account;
    if (connection === 'PASSWORD') account = await passwordAccount(ctx, encType);
    else if (connection === 'PASSCODE') account = await passcodeAccount(ctx, encType, options);
    else throw new ApiError(400, API_CODES.UNSUPPORTED_CONNECTION, connectionUnsupported(connection));
    const codes = account.codes;
    const profile = readProfile(ctx, options, codes);
    // The account's own phone / email win over the profile's.
    const fields = { ...profile, ...account.fields };
    for (const c of codes) app.inbox.verify(c.target, c.code, c.channels);
    // Duplicates are checked after the codes, so a taken number or address is only revealed to
    // someone holding a code for it.
    users.assertUnique(app, fields);
    for (const c of codes) app.inbox.consume(c.target, c.code, c.channels);
    const passwordHash = account.password === null ? null : await hashPassword(account.password, app.config.scryptN);
    const user = users.createUser(app, { ...fields, passwordHash });
    return success(ctx.requestId, users.toUserDto(app, user, { withCustomData: true }), SIGNED_UP);
  });
}

module.exports = { register };
