// @ts-check
'use strict';

const { OidcError } = require('../envelope');
const { parseBody } = require('../body');
const { msg } = require('../i18n');
const tokens = require('../tokens');

/** @typedef {import('../index').RequestContext} RequestContext */

/**
 * Form body (JSON tolerated). Raw route: OIDC endpoints answer OIDC-style
 * errors, never the Authing envelope.
 * @param {RequestContext} ctx
 * @returns {Record<string, any>}
 */
function oidcBody(ctx) {
  if (ctx.tooLarge) throw new OidcError(413, 'invalid_request', msg('请求体过大', 'request body too large'));
  try {
    return parseBody(ctx.rawBody, ctx.headers['content-type']);
  } catch {
    throw new OidcError(400, 'invalid_request', msg('请求体必须是 application/x-www-form-urlencoded', 'request body must be application/x-www-form-urlencoded'));
  }
}

/** @param {Record<string, any>} body @param {string} key */
function str(body, key) {
  return typeof body[key] === 'string' && body[key] !== '' ? body[key] : undefined;
}

/**
 * POST /oidc/token (refresh_token grant) and /oidc/token/revocation.
 * @param {import('../router').Router} router
 */
function register(router) {
  router.add('POST', '/oidc/token', (ctx) => {
    const body = oidcBody(ctx);
    const header = ctx.headers['x-authing-app-id'];
    const clientId = (typeof header === 'string' && header) || str(body, 'client_id');
    if (!clientId) {
      throw new OidcError(401, 'invalid_client', msg('客户端认证失败：请发送 x-authing-app-id 请求头或 client_id', 'client authentication failed: send the x-authing-app-id header or client_id'));
    }
    if (clientId !== ctx.app.config.appId) throw new OidcError(401, 'invalid_client', msg(`未知的客户端：${clientId}`, `unknown client: ${clientId}`));
    const grant = str(body, 'grant_type');
    if (!grant) throw new OidcError(400, 'invalid_request', msg('grant_type 为必填项', 'grant_type is required'));
    if (grant !== 'refresh_token') {
      throw new OidcError(400, 'unsupported_grant_type', msg(`不支持 grant_type ${grant}（仅支持 refresh_token）`, `grant_type ${grant} is not supported (only refresh_token)`));
    }
    return {
      status: 200,
      json: tokens.refresh(ctx.app, str(body, 'refresh_token')),
      headers: { 'cache-control': 'no-store', pragma: 'no-cache' },
    };
  }, { raw: true });

  // RFC 7009: always 200 with an empty body, whatever the token was.
  router.add('POST', '/oidc/token/revocation', (ctx) => {
    let body = {};
    try {
      body = ctx.tooLarge ? {} : parseBody(ctx.rawBody, ctx.headers['content-type']);
    } catch {
      body = {};
    }
    const header = ctx.headers['x-authing-app-id'];
    const clientId = str(body, 'client_id') || (typeof header === 'string' ? header : undefined);
    tokens.revoke(ctx.app, str(body, 'token'), clientId);
    return { status: 200, raw: '' };
  }, { raw: true });
}

module.exports = { register };
