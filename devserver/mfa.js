// @ts-check
'use strict';

const crypto = require('crypto');
const { ApiError } = require('./envelope');
const { API_CODES } = require('./api-codes');
const { signJwt, decodeVerified } = require('./jwt');
const { hashPassword } = require('./passwords');
const { newTotpSecret, otpauthUri } = require('./totp');
const { DEMO_USER } = require('./config');
const { msg } = require('./i18n');
const users = require('./users');

/**
 * MFA at login: per-user policy, the MFA-required answer of the sign-in routes, and the
 * short-lived mfaToken that the V2 verify endpoints take as `Authorization: Bearer <mfaToken>`.
 *
 * @typedef {import('./index').App} App
 * @typedef {import('./index').RequestContext} RequestContext
 * @typedef {import('./envelope').Reply} Reply
 * @typedef {import('./users').User} User
 * @typedef {'SMS'|'EMAIL'|'OTP'} Factor
 * @typedef {{code: string, used: boolean}} RecoveryCode
 * @typedef {{factors: Factor[], totpSecret: string|null, recoveryCodes: RecoveryCode[]}} MfaPolicy
 *   kept on the user record as `mfa`; recovery codes are stored as issued (this is a test double
 *   and GET /__dev/mfa lists them)
 */

const FACTORS = Object.freeze(/** @type {const} */ (['SMS', 'EMAIL', 'OTP']));
const MFA_TYP = 'mfa+jwt';
const RECOVERY_CODE_COUNT = 10;

const MFA_REQUIRED = msg('请完成多因素认证', 'Multi-factor authentication required');
const MFA_TOKEN_MISSING = msg('缺少 MFA 凭证（Authorization: Bearer <mfaToken>）', 'MFA token missing (Authorization: Bearer <mfaToken>)');
const MFA_TOKEN_INVALID = msg('MFA 凭证无效，请重新登录', 'The MFA token is invalid, please log in again');
const MFA_TOKEN_EXPIRED = msg('MFA 验证已超时，请重新登录', 'The MFA step timed out, please log in again');
const MFA_TOKEN_USED = msg('MFA 凭证已使用，请重新登录', 'The MFA token has already been used, please log in again');
/** How each factor is named in a message. */
const FACTOR_NAMES = Object.freeze({ SMS: msg('短信', 'SMS'), EMAIL: msg('邮箱', 'Email'), OTP: msg('动态口令（TOTP）', 'Authenticator (TOTP)') });

/** The seeded MFA demo users (password: the demo password). */
const MFA_DEMO_USERS = Object.freeze([
  Object.freeze({ username: 'mfa-sms', phone: '13800000101', email: 'mfa-sms@example.com', factors: /** @type {Factor[]} */ (['SMS', 'EMAIL']) }),
  Object.freeze({ username: 'mfa-totp', phone: null, email: 'mfa-totp@example.com', factors: /** @type {Factor[]} */ (['OTP']) }),
]);

/** Used mfaTokens (by jti) per server: a token signs in once. In memory, like codes. */
const usedTokens = new WeakMap();

/** @param {App} app @returns {Set<string>} */
function usedOf(app) {
  if (!usedTokens.has(app)) usedTokens.set(app, new Set());
  return usedTokens.get(app);
}

/** 'xxxx-xxxx' lower-case hex codes. */
function newRecoveryCodes() {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const hex = crypto.randomBytes(4).toString('hex');
    return { code: `${hex.slice(0, 4)}-${hex.slice(4)}`, used: false };
  });
}

/**
 * Sets a user's MFA policy. OTP gets a secret (`totpSecret`, else a new one) and fresh recovery
 * codes; an empty list turns MFA off.
 * @param {App} app
 * @param {User} user
 * @param {Factor[]} factors
 * @param {string} [totpSecret]
 * @returns {MfaPolicy}
 */
function setPolicy(app, user, factors, totpSecret) {
  const otp = factors.includes('OTP');
  /** @type {MfaPolicy} */
  const policy = {
    factors: FACTORS.filter((f) => factors.includes(f)),
    totpSecret: otp ? totpSecret || newTotpSecret() : null,
    recoveryCodes: otp ? newRecoveryCodes() : [],
  };
  /** @type {any} */ (user).mfa = policy;
  app.store.save();
  return policy;
}

/** @param {User} user @returns {MfaPolicy|null} */
function policyOf(user) {
  const policy = /** @type {any} */ (user).mfa;
  return policy && Array.isArray(policy.factors) && policy.factors.length ? policy : null;
}

/** Creates the MFA demo users when missing (startup and /__dev/reset). @param {App} app */
async function seedMfaUsers(app) {
  for (const demo of MFA_DEMO_USERS) {
    if (users.findByUsername(app, demo.username)) continue;
    const user = users.createUser(app, {
      username: demo.username,
      phone: demo.phone,
      email: demo.email,
      nickname: demo.username,
      passwordHash: await hashPassword(DEMO_USER.password, app.config.scryptN),
      phoneVerified: Boolean(demo.phone),
      emailVerified: true,
    });
    setPolicy(app, user, demo.factors, demo.factors.includes('OTP') ? app.config.demoTotpSecret : undefined);
  }
}

/**
 * The trigger data of an MFA-required answer (union of what Authing's MFA clients read:
 * `applicationMfa`, `mfaPhone` / `mfaEmail` and `phone` / `email`, `totpMfaEnabled`).
 * @param {App} app @param {User} user @param {MfaPolicy} policy @param {string} mfaToken
 */
function triggerData(app, user, policy, mfaToken) {
  const sms = policy.factors.includes('SMS');
  const email = policy.factors.includes('EMAIL');
  return {
    mfaToken,
    applicationMfa: policy.factors.map((f, i) => ({ mfaPolicy: f, status: 1, sort: i + 1 })),
    totpMfaEnabled: policy.factors.includes('OTP'),
    faceMfaEnabled: false,
    mfaPhone: sms ? user.phone : null,
    mfaPhoneCountryCode: sms ? user.phoneCountryCode : null,
    mfaEmail: email ? user.email : null,
    phone: user.phone,
    phoneCountryCode: user.phoneCountryCode,
    email: user.email,
    username: user.username,
    nickname: user.nickname,
    avatar: user.photo || `${app.url}/__files/default-avatar.svg`,
  };
}

/**
 * The sign-in routes' MFA hook: null when `user` has no MFA, else the MFA-required answer
 * (HTTP 200; 1636 = application MFA for SMS / email, 1635 = personal TOTP, placed in `apiCode`
 * and / or `statusCode` as `config.mfaCodeField` says) with a fresh mfaToken.
 * @param {RequestContext} ctx
 * @param {User} user
 * @param {string} scope  the sign-in's scope, carried to the tokens issued after verification
 * @returns {Reply|null}
 */
function mfaChallenge(ctx, user, scope) {
  const policy = policyOf(user);
  if (!policy) return null;
  const app = ctx.app;
  const iat = Math.floor(app.now() / 1000);
  const mfaToken = signJwt({
    sub: user.userId,
    iat,
    exp: iat + app.config.mfaTokenTtl,
    jti: crypto.randomBytes(12).toString('base64url'),
    scope,
    data: { userPoolId: app.config.userPoolId, userId: user.userId, arn: `arn:cn:authing:${app.config.userPoolId}:user:${user.userId}`, stage: 1 },
  }, app.store.state.secrets.jwtSecret, { typ: MFA_TYP });
  const code = policy.factors[0] === 'OTP' ? API_CODES.MFA_REQUIRED_PERSONAL : API_CODES.MFA_REQUIRED;
  const field = app.config.mfaCodeField;
  /** @type {Record<string, any>} */
  const json = {
    statusCode: field === 'apiCode' ? 403 : code,
    message: MFA_REQUIRED,
    requestId: ctx.requestId,
    data: triggerData(app, user, policy, mfaToken),
  };
  if (field !== 'statusCode') json.apiCode = code;
  return { status: 200, json };
}

/**
 * The user behind `Authorization: Bearer <mfaToken>` (the raw token is accepted too). 401 with
 * 2020 missing, 2023 invalid, 2021 expired or already used (Guard sends 2021 back to login).
 * @param {RequestContext} ctx
 * @returns {{user: User, policy: MfaPolicy, scope: string, jti: string}}
 */
function authenticateMfa(ctx) {
  const app = ctx.app;
  const header = ctx.headers.authorization;
  if (typeof header !== 'string' || !header.trim()) throw new ApiError(401, API_CODES.NOT_LOGGED_IN, MFA_TOKEN_MISSING);
  const decoded = decodeVerified(header.trim().replace(/^Bearer\s+/i, ''), app.store.state.secrets.jwtSecret);
  if (!decoded || decoded.header.typ !== MFA_TYP) throw new ApiError(401, API_CODES.TOKEN_INVALID, MFA_TOKEN_INVALID);
  const { payload } = decoded;
  if (typeof payload.exp !== 'number' || payload.exp * 1000 <= app.now()) {
    throw new ApiError(401, API_CODES.TOKEN_EXPIRED, MFA_TOKEN_EXPIRED);
  }
  if (usedOf(app).has(payload.jti)) throw new ApiError(401, API_CODES.TOKEN_EXPIRED, MFA_TOKEN_USED);
  const user = users.findById(app, String(payload.sub));
  const policy = user && policyOf(user);
  if (!user || !policy) throw new ApiError(401, API_CODES.TOKEN_INVALID, MFA_TOKEN_INVALID);
  return { user, policy, scope: String(payload.scope || ''), jti: String(payload.jti) };
}

/**
 * @param {RequestContext} ctx
 * @param {MfaPolicy} policy
 * @param {Factor} factor
 */
function requireFactor(ctx, policy, factor) {
  if (!policy.factors.includes(factor)) {
    const name = FACTOR_NAMES[factor];
    throw new ApiError(400, API_CODES.MFA_FACTOR_UNAVAILABLE, msg(`该账号未开启${name.zh}验证`, `${name.en} verification is not enabled for this account`));
  }
}

/** Burns the mfaToken so it cannot sign in twice. @param {App} app @param {string} jti */
function markUsed(app, jti) {
  usedOf(app).add(jti);
}

/**
 * The banner lines for the MFA demo users (`npm start`, `node devserver/bin.js`).
 * @param {string} url
 * @param {import('./config').DevServerConfig} config
 */
function mfaBanner(url, config) {
  const [sms, totp] = MFA_DEMO_USERS;
  const uri = otpauthUri({ secret: config.demoTotpSecret, account: /** @type {string} */ (totp.username), issuer: 'authing-devserver' });
  return `MFA demo accounts (password ${DEMO_USER.password}):
  ${sms.username}   SMS code to ${sms.phone} or email code to ${sms.email}
  ${totp.username}  TOTP secret ${config.demoTotpSecret} (add it to any authenticator app)
            ${uri}
            recovery codes: ${url}/__dev/mfa?username=${totp.username}
`;
}

module.exports = {
  mfaBanner,
  FACTORS, MFA_DEMO_USERS, setPolicy, policyOf, seedMfaUsers, mfaChallenge, authenticateMfa, requireFactor, markUsed,
};
