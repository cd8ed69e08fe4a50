// @ts-check
'use strict';

const { success } = require('../envelope');
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
    if (typeof value !== 'string') throw v.invalid(`${field} must be a string`);
    if (value.length > MAX_LEN) throw v.invalid(`${field} must be at most ${MAX_LEN} characters`);
    updates[field] = value;
  }
  if (typeof updates.birthdate === 'string') {
    if (updates.birthdate === '') updates.birthdate = null;
    else if (!v.isDate(updates.birthdate)) throw v.invalid('birthdate must be a valid date in YYYY-MM-DD format');
  }
  if (typeof updates.username === 'string' && updates.username.trim() === '') throw v.invalid('username must not be empty');
  if ('gender' in body) {
    if (!GENDERS.includes(body.gender)) throw v.invalid(`gender must be one of ${GENDERS.join(', ')}`);
    updates.gender = body.gender;
  }
  if ('customData' in body) {
    if (!v.isPlainObject(body.customData)) throw v.invalid('customData must be an object');
    updates.customData = body.customData;
  }
  return updates;
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
    Object.assign(user, fields);
    // customData is merged key by key, like Authing's extended fields.
    if (customData) user.customData = { ...user.customData, ...customData };
    user.updatedAt = new Date(ctx.app.now()).toISOString();
    ctx.app.store.save();
    return success(ctx.requestId, users.toUserDto(ctx.app, user, { withCustomData: customData !== undefined }));
  });
}

module.exports = { register, readUpdates };
