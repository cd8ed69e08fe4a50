// @ts-check
'use strict';

/**
 * Messages of the account-journey endpoints (sign-up, reset password, MFA), in the language the
 * request asks for with `x-authing-lang` (zh-CN by default, en-US). Kept apart from the other
 * routes' messages so each table has one owner.
 */
const TABLES = Object.freeze({
  'zh-CN': {
    signedUp: '注册成功',
    usernameTaken: '用户名已存在',
    emailTaken: '该邮箱已被注册',
    phoneTaken: '该手机号已被注册',
    passwordPolicy: '密码长度需为 {min}-{max} 位',
    accountRequired: '请提供用户名或邮箱',
    connectionUnsupported: '不支持的注册方式：{connection}（支持 PASSWORD、PASSCODE）',
    completionCodeRequired: '填写了{what}时需要提供对应的验证码',
    verifyMethodUnsupported: '不支持的验证方式：{method}（支持 PHONE_PASSCODE、EMAIL_PASSCODE）',
    userNotFound: '用户不存在',
    passwordReset: '密码重置成功',
    mfaRequired: '请完成多因素认证',
    mfaTokenMissing: '缺少 MFA 凭证（Authorization: Bearer <mfaToken>）',
    mfaTokenInvalid: 'MFA 凭证无效，请重新登录',
    mfaTokenExpired: 'MFA 验证已超时，请重新登录',
    mfaTokenUsed: 'MFA 凭证已使用，请重新登录',
    mfaFactorUnavailable: '该账号未开启{factor}验证',
    mfaPhoneMismatch: '手机号与账号的 MFA 手机号不一致',
    mfaEmailMismatch: '邮箱与账号的 MFA 邮箱不一致',
    totpWrong: '动态口令错误',
    recoveryCodeWrong: '恢复码错误或已使用',
    mfaVerified: '验证成功',
    emailSceneUnknown: '不支持的邮件类型：{scene}',
    sent: '发送成功',
    factor_SMS: '短信',
    factor_EMAIL: '邮箱',
    factor_OTP: '动态口令（TOTP）',
  },
  'en-US': {
    signedUp: 'Signed up',
    usernameTaken: 'This username is already taken',
    emailTaken: 'This email is already registered',
    phoneTaken: 'This phone number is already registered',
    passwordPolicy: 'The password must be {min}-{max} characters',
    accountRequired: 'A username or an email is required',
    connectionUnsupported: 'Unsupported sign-up connection: {connection} (PASSWORD or PASSCODE)',
    completionCodeRequired: 'A verification code is required for the {what} in the profile',
    verifyMethodUnsupported: 'Unsupported verifyMethod: {method} (PHONE_PASSCODE or EMAIL_PASSCODE)',
    userNotFound: 'User not found',
    passwordReset: 'Password reset',
    mfaRequired: 'Multi-factor authentication required',
    mfaTokenMissing: 'MFA token missing (Authorization: Bearer <mfaToken>)',
    mfaTokenInvalid: 'The MFA token is invalid, please log in again',
    mfaTokenExpired: 'The MFA step timed out, please log in again',
    mfaTokenUsed: 'The MFA token has already been used, please log in again',
    mfaFactorUnavailable: '{factor} verification is not enabled for this account',
    mfaPhoneMismatch: 'This is not the account\'s MFA phone number',
    mfaEmailMismatch: 'This is not the account\'s MFA email',
    totpWrong: 'The authenticator code is incorrect',
    recoveryCodeWrong: 'The recovery code is incorrect or already used',
    mfaVerified: 'Verified',
    emailSceneUnknown: 'Unsupported email scene: {scene}',
    sent: 'Sent',
    factor_SMS: 'SMS',
    factor_EMAIL: 'Email',
    factor_OTP: 'Authenticator (TOTP)',
  },
});

/** @typedef {keyof typeof TABLES['zh-CN']} JourneyMessageKey */

/**
 * The request's language: en-US when `x-authing-lang` asks for English, zh-CN otherwise.
 * @param {{headers: import('http').IncomingHttpHeaders}} ctx
 * @returns {'zh-CN'|'en-US'}
 */
function langOf(ctx) {
  const header = ctx.headers['x-authing-lang'];
  return typeof header === 'string' && /^en\b/i.test(header.trim()) ? 'en-US' : 'zh-CN';
}

/**
 * `say(ctx, 'passwordPolicy', {min: 6, max: 64})`. A `{factor}` naming SMS / EMAIL / OTP is translated too.
 * @param {{headers: import('http').IncomingHttpHeaders}} ctx
 * @param {JourneyMessageKey} key
 * @param {Record<string, string|number>} [params]
 * @returns {string}
 */
function say(ctx, key, params = {}) {
  /** @type {Record<string, string>} */
  const table = TABLES[langOf(ctx)];
  return table[key].replace(/\{(\w+)\}/g, (_, name) => {
    const value = params[name];
    if (value === undefined) return '';
    return name === 'factor' && table[`factor_${value}`] ? table[`factor_${value}`] : String(value);
  });
}

module.exports = { say, langOf, TABLES };
