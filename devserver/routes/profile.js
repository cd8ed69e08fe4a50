// @ts-check
'use strict';

const { ApiError, success } = require('../envelope');
const { API_CODES } = require('../api-codes');
const { msg } = require('../i18n');
const v = require('../validate');
const users = require('../users');
const { requireUserPoolId, requireUser } = require('../request-helpers');

const MAX_LEN = 255;
const GENDERS = Object.freeze(['M', 'F', 'U']);

/**
 * Query flags arrive as strings ('true' / 'false').
 * @param {URLSearchParams} query
 * @param {string} key
 */
function flag(query, key) {
  const value = query.get(key);
  return value === 'true' || value === '1';
}

/**
 * Validate every known field before changing anything, so a bad field leaves
 * the user untouched. Unknown fields are ignored; null clears a string field.
 * @param {Record<string, any>} body
 * @returns {Record<string, any>}
 */
function readUpdates(body) {
  /** @type {Record<string, any>} */
  const updates = {};
  for (const field of users.PROFILE_STRING_FIELDS) {
    if (!(field in body)) continue;
    const value = body[field];
    if (value === null) {
      updates[field] = null;
      continue;
    }
    if (typeof value !== 'string') throw v.invalid(msg(`${field} 必须是字符串`, `${field} must be a string`));
    if (value.length > MAX_LEN) throw v.invalid(msg(`${field} 最多 ${MAX_LEN} 个字符`, `${field} must be at most ${MAX_LEN} characters`));
    updates[field] = value;
  }
  if (typeof updates.birthdate === 'string') {
    if (updates.birthdate === '') updates.birthdate = null;
    else if (!v.isDate(updates.birthdate)) {
      throw v.invalid(msg('birthdate 必须是 YYYY-MM-DD 格式的有效日期', 'birthdate must be a valid date in YYYY-MM-DD format'));
    }
  }
  if (typeof updates.username === 'string') updates.username = users.checkUsername(updates.username);
  if ('gender' in body) {
    if (!GENDERS.includes(body.gender)) throw v.invalid(msg(`gender 必须是 ${GENDERS.join('、')} 之一`, `gender must be one of ${GENDERS.join(', ')}`));
    updates.gender = body.gender;
  }
  if ('customData' in body) {
    if (!v.isPlainObject(body.customData)) throw v.invalid(msg('customData 必须是对象', 'customData must be an object'));
    updates.customData = body.customData;
  }
  return updates;
}

/**
 * @param {Record<string, any>} current
 * @param {Record<string, any>} update
 * @param {number} maxBytes  of the merged object as JSON
 */
function mergeCustomData(current, update, maxBytes) {
  const merged = { ...current, ...update };
  const size = Buffer.byteLength(JSON.stringify(merged));
  if (size > maxBytes) {
    throw new ApiError(413, API_CODES.BODY_TOO_LARGE, msg(
      `customData 过大：合并后 ${size} 字节，上限 ${maxBytes} 字节`,
      `customData too large: ${size} bytes after the merge, the limit is ${maxBytes}`));
  }
  return merged;
}

/**
 * GET /api/v3/get-profile and POST /api/v3/update-profile.
 * @param {import('../router').Router} router
 */
function register(router) {
  router.add('GET', '/api/v3/get-profile', (ctx) => {
    requireUserPoolId(ctx);
    const user = requireUser(ctx);
    return success(ctx.requestId, users.toUserDto(ctx.app, user, {
      withCustomData: flag(ctx.query, 'withCustomData'),
      withIdentities: flag(ctx.query, 'withIdentities'),
      withDepartmentIds: flag(ctx.query, 'withDepartmentIds'),
    }));
  });

  router.add('POST', '/api/v3/update-profile', (ctx) => {
    requireUserPoolId(ctx);
    const user = requireUser(ctx);
    const updates = readUpdates(ctx.body);
    if (updates.username) users.assertUnique(ctx.app, { username: updates.username, excludeUserId: user.userId });
    const { customData, ...fields } = updates;
    // customData is merged key by key, like Authing's extended fields, within a size limit.
    const merged = customData ? mergeCustomData(user.customData, customData, ctx.app.config.maxCustomDataBytes) : null;
    Object.assign(user, fields);
    if (merged) user.customData = merged;
    user.updatedAt = new Date(ctx.app.now()).toISOString();
    ctx.app.store.save();
    return success(ctx.requestId, users.toUserDto(ctx.app, user, { withCustomData: customData !== undefined }));
  });
}

module.exports = { register, readUpdates };
