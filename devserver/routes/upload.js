// @ts-check
'use strict';

const crypto = require('crypto');
const { ApiError } = require('../envelope');
const { API_CODES } = require('../api-codes');
const { getBoundary, parseMultipart, sniffImage } = require('../multipart');
const tokens = require('../tokens');
const { msg } = require('../i18n');

/**
 * @typedef {import('../index').RequestContext} RequestContext
 * @typedef {import('../envelope').Reply} Reply
 */

const MULTIPART_OVERHEAD = 64 * 1024;
const KEY_RE = /^[A-Za-z0-9_-]{1,64}\/[0-9a-f]{32}\.(png|jpg|gif|webp)$/;
const TYPES = /** @type {Record<string, string>} */ ({ png: 'image/png', jpg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp' });

// Served for users without a photo, so the demo works offline.
const DEFAULT_AVATAR = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">'
  + '<rect width="64" height="64" fill="#e7ebf0"/><circle cx="32" cy="25" r="12" fill="#a6b0bd"/>'
  + '<path d="M10 58c2-12 11-19 22-19s20 7 22 19z" fill="#a6b0bd"/></svg>';

/**
 * @param {RequestContext} ctx
 * @returns {Reply}
 */
function upload(ctx) {
  const { config } = ctx.app;
  // A signed-in user only: an open upload endpoint on a developer's machine is free disk for anyone.
  const header = ctx.headers.authorization;
  const { user } = tokens.authenticate(ctx.app, typeof header === 'string' ? header : undefined);
  const tooLarge = () => new ApiError(413, API_CODES.UPLOAD_TOO_LARGE,
    msg(`文件过大（上限 ${config.maxUploadBytes} 字节）`, `file too large (max ${config.maxUploadBytes} bytes)`));
  if (ctx.tooLarge) throw tooLarge();
  const boundary = getBoundary(/** @type {string|undefined} */ (ctx.headers['content-type']));
  if (!boundary) {
    throw new ApiError(400, API_CODES.UPLOAD_MALFORMED,
      msg('content-type 必须是带 boundary 的 multipart/form-data', 'content-type must be multipart/form-data with a boundary'));
  }
  let parts;
  try {
    parts = parseMultipart(ctx.rawBody, boundary);
  } catch (err) {
    const why = /** @type {Error} */ (err).message;
    throw new ApiError(400, API_CODES.UPLOAD_MALFORMED, msg(`multipart 请求体格式错误：${why}`, `malformed multipart body: ${why}`));
  }
  const file = parts.find((p) => p.name === 'file');
  if (!file) throw new ApiError(400, API_CODES.UPLOAD_MALFORMED, msg('缺少 multipart 字段 "file"', 'multipart field "file" is required'));
  if (file.data.length > config.maxUploadBytes) throw tooLarge();
  const image = sniffImage(file.data);
  if (!image) {
    throw new ApiError(400, API_CODES.UPLOAD_NOT_IMAGE,
      msg('只能上传 PNG、JPEG、GIF 或 WEBP 图片', 'only PNG, JPEG, GIF or WEBP images can be uploaded'));
  }
  const folder = ctx.query.get('folder') || 'default';
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(folder)) {
    throw new ApiError(400, API_CODES.INVALID_PARAM, msg('folder 必须匹配 [A-Za-z0-9_-]{1,64}', 'folder must match [A-Za-z0-9_-]{1,64}'));
  }
  const key = `${folder}/${crypto.randomBytes(16).toString('hex')}.${image.ext}`;
  ctx.app.store.putFile(key, Buffer.from(file.data), {
    contentType: image.contentType, size: file.data.length, createdAt: ctx.app.now(), authorization: 'valid', userId: user.userId,
  });
  return {
    status: 200,
    json: { code: 200, message: msg('上传成功', 'uploaded'), requestId: ctx.requestId, data: { key, url: `${ctx.app.url}/__files/${key}` } },
  };
}

/**
 * POST /api/v2/upload (contract §6 `{code, message, data: {key, url}}` shape,
 * errors carry both `code` and `statusCode`) and GET /__files/<key>.
 * @param {import('../router').Router} router
 */
function register(router) {
  router.add('POST', '/api/v2/upload', (ctx) => {
    try {
      return upload(ctx);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      const { statusCode, apiCode, texts } = err;
      return { status: statusCode, json: { code: statusCode, statusCode, message: texts, apiCode, requestId: ctx.requestId } };
    }
  }, { raw: true, maxBytes: (config) => config.maxUploadBytes + MULTIPART_OVERHEAD });

  router.addPrefix('GET', '/__files/', (ctx) => {
    let key;
    try {
      key = decodeURIComponent(ctx.path.slice('/__files/'.length));
    } catch {
      key = '';
    }
    if (key === 'default-avatar.svg') {
      return { status: 200, raw: DEFAULT_AVATAR, contentType: 'image/svg+xml', headers: { 'cache-control': 'public, max-age=86400' } };
    }
    const file = KEY_RE.test(key) ? ctx.app.store.getFile(key) : null;
    if (!file) throw new ApiError(404, API_CODES.NOT_FOUND, msg(`文件不存在：${key}`, `file not found: ${key}`));
    const ext = /** @type {string} */ (key.split('.').pop());
    return { status: 200, raw: file.bytes, contentType: TYPES[ext], headers: { 'cache-control': 'public, max-age=3600' } };
  });
}

module.exports = { register };
