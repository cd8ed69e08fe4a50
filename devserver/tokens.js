// @ts-check
'use strict';

const crypto = require('crypto');
const { signJwt, decodeVerified } = require('./jwt');
const { ApiError, OidcError } = require('./envelope');
const { API_CODES } = require('./api-codes');
const { msg } = require('./i18n');
const users = require('./users');

/**
 * @typedef {import('./users').User} User
 * @typedef {object} TokenContext
 * @property {import('./store').Store} store
 * @property {() => number} now
 * @property {string} url
 * @property {import('./config').DevServerConfig} config
 */

const DEFAULT_SCOPE = 'openid profile';
// RFC 9068 media type: lets us refuse an id_token presented as an access token.
const ACCESS_TYP = 'at+jwt';

/** @param {string|undefined} scope */
function normalizeScope(scope) {
  const words = (scope || DEFAULT_SCOPE).split(/\s+/).filter(Boolean);
  return [...new Set(words)].join(' ') || DEFAULT_SCOPE;
}

/** @param {string} token */
function hashToken(token) {
  return crypto.createHash('sha256').update(token).digest('hex');
}

/** @param {TokenContext} ctx */
function issuer(ctx) {
  return `${ctx.url}/oidc`;
}

/**
 * OIDC claims for the id_token, chosen by scope like an OIDC provider does.
 * @param {TokenContext} ctx @param {User} user @param {string[]} scopes
 */
function idClaims(ctx, user, scopes) {
  /** @type {Record<string, any>} */
  const claims = {};
  if (scopes.includes('profile')) {
    const dto = users.toUserDto(ctx, user);
    Object.assign(claims, {
      name: user.name, nickname: user.nickname, picture: dto.photo, gender: user.gender,
      birthdate: user.birthdate, preferred_username: user.username,
      updated_at: Math.floor(Date.parse(user.updatedAt) / 1000),
    });
  }
  if (scopes.includes('email')) Object.assign(claims, { email: user.email, email_verified: user.emailVerified });
  if (scopes.includes('phone')) Object.assign(claims, { phone_number: user.phone, phone_number_verified: user.phoneVerified });
  return claims;
}

/**
 * Tokens for a login or a refresh. A refresh_token only when scope has offline_access.
 * @param {TokenContext} ctx
 * @param {User} user
 * @param {string} scope  normalised
 */
function issueTokens(ctx, user, scope) {
  const { config, store } = ctx;
  const iat = Math.floor(ctx.now() / 1000);
  const scopes = scope.split(' ');
  const secret = store.state.secrets.jwtSecret;
  const base = { sub: user.userId, aud: config.appId, iss: issuer(ctx), iat };
  const access_token = signJwt({
    ...base, exp: iat + config.accessTokenTtl, scope, jti: crypto.randomBytes(12).toString('base64url'),
  }, secret, { typ: ACCESS_TYP });
  const id_token = signJwt({ ...base, exp: iat + config.idTokenTtl, ...idClaims(ctx, user, scopes) }, secret);
  /** @type {Record<string, any>} */
  const result = { scope, access_token, id_token, token_type: 'Bearer', expires_in: config.accessTokenTtl };
  if (scopes.includes('offline_access')) {
    const refresh_token = crypto.randomBytes(32).toString('base64url');
    store.state.refreshTokens[hashToken(refresh_token)] = {
      userId: user.userId, appId: config.appId, scope, expiresAt: ctx.now() + config.refreshTokenTtl * 1000,
    };
    result.refresh_token = refresh_token;
  }
  pruneExpired(ctx);
  store.save();
  return result;
}

/**
 * `data` of a login envelope. Contract CONFLICT: the SDK reads `expires_in`,
 * the V3 DTO spells `expire_in`; both are sent.
 * @param {TokenContext} ctx @param {User} user @param {string} scope
 */
function loginData(ctx, user, scope) {
  const out = issueTokens(ctx, user, scope);
  return { ...out, expire_in: out.expires_in };
}

/**
 * Keep the persisted revocation list and refresh table from growing forever. A revocation is
 * kept until its token has expired by BOTH the server clock and the wall clock: the dev clock
 * can move back (/__dev/clock, reset), and a revoked token must not come back to life then.
 * @param {TokenContext} ctx
 */
function pruneExpired(ctx) {
  const now = Math.min(ctx.now(), Date.now());
  const s = ctx.store.state;
  for (const [jti, exp] of Object.entries(s.revoked)) if (exp < now) delete s.revoked[jti];
  for (const [k, rec] of Object.entries(s.refreshTokens)) if (rec.expiresAt < now) delete s.refreshTokens[k];
}

/**
 * Accepts the raw token (what the mini-program SDK sends) and `Bearer <token>`.
 * @param {TokenContext} ctx
 * @param {string|undefined} header
 * @returns {{user: User, payload: Record<string, any>}}
 */
function authenticate(ctx, header) {
  if (!header || !header.trim()) {
    throw new ApiError(401, API_CODES.NOT_LOGGED_IN, msg('尚未登录：缺少 Authorization 请求头', 'Authorization header is required (not logged in)'));
  }
  const token = header.trim().replace(/^Bearer\s+/i, '');
  const decoded = decodeVerified(token, ctx.store.state.secrets.jwtSecret);
  if (!decoded || decoded.header.typ !== ACCESS_TYP || decoded.payload.aud !== ctx.config.appId
    || decoded.payload.iss !== issuer(ctx)) {
    throw new ApiError(401, API_CODES.TOKEN_INVALID, msg('token 无效', 'invalid access token'));
  }
  const { payload } = decoded;
  if (typeof payload.exp !== 'number' || payload.exp * 1000 <= ctx.now()) {
    throw new ApiError(401, API_CODES.TOKEN_EXPIRED, msg('token 已过期', 'token expired'));
  }
  if (ctx.store.state.revoked[payload.jti] !== undefined) {
    throw new ApiError(401, API_CODES.TOKEN_REVOKED, msg('token 已被撤销', 'token revoked'));
  }
  const user = users.findById(ctx, String(payload.sub));
  if (!user) throw new ApiError(401, API_CODES.TOKEN_INVALID, msg('token 无效：用户已不存在', 'invalid token: the user no longer exists'));
  return { user, payload };
}

/**
 * grant_type=refresh_token with rotation: the presented token is revoked and a
 * new one issued. Every failure is invalid_grant, as RFC 6749 §5.2 says.
 * @param {TokenContext} ctx
 * @param {string|undefined} refreshToken
 */
function refresh(ctx, refreshToken) {
  if (!refreshToken) throw new OidcError(400, 'invalid_grant', msg('refresh_token 为必填项', 'refresh_token is required'));
  const key = hashToken(refreshToken);
  const rec = ctx.store.state.refreshTokens[key];
  if (!rec || rec.appId !== ctx.config.appId) {
    throw new OidcError(400, 'invalid_grant', msg('refresh_token 无效、已撤销或已使用', 'refresh_token is invalid, revoked or already used'));
  }
  delete ctx.store.state.refreshTokens[key];
  if (rec.expiresAt <= ctx.now()) {
    ctx.store.save();
    throw new OidcError(400, 'invalid_grant', msg('refresh_token 已过期', 'refresh_token has expired'));
  }
  const user = users.findById(ctx, rec.userId);
  if (!user) {
    ctx.store.save();
    throw new OidcError(400, 'invalid_grant', msg('该 refresh_token 的用户已不存在', 'the user of this refresh_token no longer exists'));
  }
  const out = issueTokens(ctx, user, rec.scope);
  return {
    access_token: out.access_token, id_token: out.id_token, refresh_token: out.refresh_token,
    token_type: out.token_type, expires_in: out.expires_in, scope: out.scope,
  };
}

/**
 * RFC 7009: unknown tokens are not an error. Only tokens issued to `clientId`
 * are revoked.
 * @param {TokenContext} ctx
 * @param {string|undefined} token
 * @param {string|undefined} clientId
 */
function revoke(ctx, token, clientId) {
  if (!token || clientId !== ctx.config.appId) return;
  const s = ctx.store.state;
  const decoded = decodeVerified(token, s.secrets.jwtSecret);
  if (decoded) {
    const { header, payload } = decoded;
    if (header.typ === ACCESS_TYP && payload.aud === clientId && typeof payload.jti === 'string') {
      s.revoked[payload.jti] = Number(payload.exp) * 1000;
      ctx.store.save();
    }
    return;
  }
  const key = hashToken(token);
  if (s.refreshTokens[key]?.appId === clientId) {
    delete s.refreshTokens[key];
    ctx.store.save();
  }
}

module.exports = { DEFAULT_SCOPE, normalizeScope, issueTokens, loginData, authenticate, refresh, revoke };
