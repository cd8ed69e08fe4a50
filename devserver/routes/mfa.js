// @ts-check
'use strict';

const { ApiError } = require('../envelope');
const { API_CODES } = require('../api-codes');
const v = require('../validate');
const users = require('../users');
const tokens = require('../tokens');
const { phoneTarget, emailTarget } = require('../sms');
const { requireAppId, requireUserPoolId, readPhone, readEmail } = require('../request-helpers');
const { verifyTotp, otpauthUri } = require('../totp');
const mfa = require('../mfa');
const { msg } = require('../i18n');
const { SENT } = require('./messages');

/**
 * @typedef {import('../index').App} App
 * @typedef {import('../index').RequestContext} RequestContext
 * @typedef {import('../envelope').Reply} Reply
 * @typedef {import('../users').User} User
 */

const MFA_CHANNELS = Object.freeze(['CHANNEL_VERIFY_MFA']);
/** V2 email scenes this server sends (`POST /api/v2/email/send`) → the inbox channel they land on. */
const EMAIL_SCENES = Object.freeze({ MFA_VERIFY_CODE: 'CHANNEL_VERIFY_MFA' });

const VERIFIED = msg('验证成功', 'Verified');
const PHONE_MISMATCH = msg('手机号与账号的 MFA 手机号不一致', 'This is not the account\'s MFA phone number');
const EMAIL_MISMATCH = msg('邮箱与账号的 MFA 邮箱不一致', 'This is not the account\'s MFA email');
const TOTP_WRONG = msg('动态口令错误', 'The authenticator code is incorrect');
const RECOVERY_CODE_WRONG = msg('恢复码错误或已使用', 'The recovery code is incorrect or already used');

/**
 * A V2 answer: `{code, message, data}` plus the `statusCode` / `apiCode` newer Authing servers add.
 * Errors keep the HTTP status of the envelope convention and put the apiCode in `code` too. With
 * `config.v2StatusCode` off, answers are the older V2 shape: HTTP 200 and only `code`.
 * @param {RequestContext} ctx
 * @param {() => Promise<{data?: any, message: import('../i18n').Msg}>} body
 * @returns {Promise<Reply>}
 */
async function v2(ctx, body) {
  const modern = ctx.app.config.v2StatusCode;
  try {
    const { data, message } = await body();
    const json = { code: 200, message, requestId: ctx.requestId, data: data === undefined ? null : data };
    return { status: 200, json: modern ? { ...json, statusCode: 200 } : json };
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    const json = { code: err.apiCode, message: err.texts, requestId: ctx.requestId, data: null };
    return modern
      ? { status: err.statusCode, json: { ...json, statusCode: err.statusCode, apiCode: err.apiCode } }
      : { status: 200, json };
  }
}

/**
 * The mfaToken proved a factor: burn it and sign in. The answer is a V2 `User` with `token`
 * (an access token of this server, good on every V3 endpoint) and `tokenExpiredAt`; Authing
 * documents no `access_token` / `refresh_token` here.
 * @param {RequestContext} ctx
 * @param {{user: User, scope: string, jti: string}} auth
 */
function signedIn(ctx, auth) {
  const app = ctx.app;
  mfa.markUsed(app, auth.jti);
  users.recordLogin(app, auth.user);
  const issued = tokens.issueTokens(app, auth.user, tokens.normalizeScope(auth.scope || undefined));
  const data = {
    ...users.toUserDto(app, auth.user),
    id: auth.user.userId,
    token: issued.access_token,
    tokenExpiredAt: new Date(app.now() + issued.expires_in * 1000).toISOString(),
  };
  return { data, message: VERIFIED };
}

/** @param {App} app @param {User} user */
function policyView(app, user) {
  const policy = mfa.policyOf(user);
  return {
    username: user.username,
    userId: user.userId,
    factors: policy ? policy.factors : [],
    totpSecret: policy ? policy.totpSecret : null,
    otpauthUri: policy && policy.totpSecret
      ? otpauthUri({ secret: policy.totpSecret, account: user.username || user.userId, issuer: 'authing-devserver' }) : null,
    recoveryCodes: policy ? policy.recoveryCodes.map((c) => ({ ...c })) : [],
  };
}

/** @param {App} app @param {Record<string, any>|URLSearchParams} from */
function userFrom(app, from) {
  const username = from instanceof URLSearchParams ? from.get('username') : v.optionalString(from, 'username');
  if (!username) throw v.invalid('username is required');
  const user = users.findByUsername(app, username);
  if (!user) throw new ApiError(404, API_CODES.USER_NOT_FOUND, `no user named ${username}`);
  return user;
}

/**
 * MFA at login (V2 endpoints, as Authing's Guard / MFA component / mobile SDKs call them), all with
 * header A and `Authorization: Bearer <mfaToken>` from the MFA-required sign-in answer:
 * POST /api/v2/applications/mfa/sms/verify {phone, code, phoneCountryCode?} (CHANNEL_VERIFY_MFA code),
 * POST /api/v2/applications/mfa/email/verify {email, code} (CHANNEL_VERIFY_MFA / scene MFA_VERIFY_CODE),
 * POST /api/v2/mfa/totp/verify {totp} (alias /api/v2/applications/mfa/totp/verify),
 * POST /api/v2/mfa/totp/recovery {recoveryCode} (alias /api/v2/applications/mfa/totp/recovery).
 * Plus POST /api/v2/email/send {email, scene} (header U) and the dev-only /__dev/mfa.
 * @param {import('../router').Router} router
 * @param {App} app
 */
function register(router, app) {
  router.add('POST', '/api/v2/applications/mfa/sms/verify', (ctx) => v2(ctx, async () => {
    requireAppId(ctx);
    const auth = mfa.authenticateMfa(ctx);
    mfa.requireFactor(ctx, auth.policy, 'SMS');
    const { phone, cc } = readPhone(ctx.body, 'phone', 'phoneCountryCode');
    const code = v.requireString(ctx.body, 'code');
    if (phone !== auth.user.phone || cc !== auth.user.phoneCountryCode) {
      throw new ApiError(400, API_CODES.NOT_ACCOUNT_CONTACT, PHONE_MISMATCH);
    }
    app.inbox.consume(phoneTarget(phone, cc), code, MFA_CHANNELS);
    return signedIn(ctx, auth);
  }));

  router.add('POST', '/api/v2/applications/mfa/email/verify', (ctx) => v2(ctx, async () => {
    requireAppId(ctx);
    const auth = mfa.authenticateMfa(ctx);
    mfa.requireFactor(ctx, auth.policy, 'EMAIL');
    const email = readEmail(ctx.body, 'email');
    const code = v.requireString(ctx.body, 'code');
    if (email !== auth.user.email) throw new ApiError(400, API_CODES.NOT_ACCOUNT_CONTACT, EMAIL_MISMATCH);
    app.inbox.consume(emailTarget(email), code, MFA_CHANNELS);
    return signedIn(ctx, auth);
  }));

  /** @param {RequestContext} ctx */
  const totpVerify = (ctx) => v2(ctx, async () => {
    requireAppId(ctx);
    const auth = mfa.authenticateMfa(ctx);
    mfa.requireFactor(ctx, auth.policy, 'OTP');
    const code = v.requireString(ctx.body, 'totp').trim();
    if (!verifyTotp(/** @type {string} */ (auth.policy.totpSecret), code, app.now())) {
      throw new ApiError(400, API_CODES.TOTP_WRONG, TOTP_WRONG);
    }
    return signedIn(ctx, auth);
  });
  router.add('POST', '/api/v2/mfa/totp/verify', totpVerify);
  router.add('POST', '/api/v2/applications/mfa/totp/verify', totpVerify);

  /** @param {RequestContext} ctx */
  const recovery = (ctx) => v2(ctx, async () => {
    requireAppId(ctx);
    const auth = mfa.authenticateMfa(ctx);
    mfa.requireFactor(ctx, auth.policy, 'OTP');
    const given = v.requireString(ctx.body, 'recoveryCode').trim().toLowerCase();
    const entry = auth.policy.recoveryCodes.find((c) => !c.used && c.code === given);
    if (!entry) throw new ApiError(400, API_CODES.RECOVERY_CODE_WRONG, RECOVERY_CODE_WRONG);
    entry.used = true;
    app.store.save();
    return signedIn(ctx, auth);
  });
  router.add('POST', '/api/v2/mfa/totp/recovery', recovery);
  router.add('POST', '/api/v2/applications/mfa/totp/recovery', recovery);

  router.add('POST', '/api/v2/email/send', (ctx) => v2(ctx, async () => {
    requireUserPoolId(ctx);
    const email = readEmail(ctx.body, 'email');
    const scene = v.requireString(ctx.body, 'scene');
    const channel = /** @type {Record<string, string>} */ (EMAIL_SCENES)[scene];
    if (!channel) throw new ApiError(400, API_CODES.UNKNOWN_CHANNEL, msg(`不支持的邮件类型：${scene}`, `Unsupported email scene: ${scene}`));
    app.inbox.send(emailTarget(email), channel);
    return { message: SENT };
  }));

  // Dev-only: read or set a user's MFA policy (secret, recovery codes) — not part of the contract.
  router.add('GET', '/__dev/mfa', (ctx) => ({ status: 200, json: policyView(app, userFrom(app, ctx.query)) }));
  router.add('POST', '/__dev/mfa', (ctx) => {
    const user = userFrom(app, ctx.body);
    const factors = ctx.body.factors;
    if (!Array.isArray(factors) || factors.some((f) => !mfa.FACTORS.includes(f))) {
      throw v.invalid(`factors must be an array of ${mfa.FACTORS.join(', ')}`);
    }
    const totpSecret = v.optionalString(ctx.body, 'totpSecret');
    if (totpSecret !== undefined && !/^[A-Z2-7]{16,}$/.test(totpSecret)) throw v.invalid('totpSecret must be base32 (A-Z, 2-7), at least 16 characters');
    mfa.setPolicy(app, user, factors, totpSecret);
    return { status: 200, json: policyView(app, user) };
  });
}

module.exports = { register };
