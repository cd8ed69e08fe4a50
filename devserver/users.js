// @ts-check
'use strict';

const crypto = require('crypto');
const { ApiError } = require('./envelope');
const { API_CODES } = require('./api-codes');
const { msg } = require('./i18n');
const { normalizeUsername, usernameKey, normalizeEmail, mixesScripts } = require('./identity');

/**
 * @typedef {object} Identity
 * @property {string} identityId
 * @property {string} extIdpId
 * @property {'wechat'} provider
 * @property {'openid'} type
 * @property {string} userIdInIdp     the openid
 * @property {string} userId
 * @property {string[]} originConnIds
 * @property {boolean} isSocial
 * @property {string} createdAt
 *
 * @typedef {object} User
 * @property {string} userId
 * @property {string} createdAt
 * @property {string} updatedAt
 * @property {'Activated'} status
 * @property {string|null} username
 * @property {string|null} email        lower-cased
 * @property {string|null} phone        national number, no country code
 * @property {string|null} phoneCountryCode  '+86'
 * @property {string|null} passwordHash scrypt, never plain
 * @property {string} [passwordLastSetAt] ISO time of the last password change (else the creation time)
 * @property {string|null} name
 * @property {string|null} nickname
 * @property {string|null} photo        null = default avatar
 * @property {'M'|'F'|'U'} gender
 * @property {string|null} birthdate
 * @property {string|null} country
 * @property {string|null} province
 * @property {string|null} city
 * @property {string|null} address
 * @property {string|null} streetAddress
 * @property {string|null} postalCode
 * @property {string|null} company
 * @property {string|null} externalId
 * @property {number} loginsCount
 * @property {string|null} lastLogin
 * @property {boolean} emailVerified
 * @property {boolean} phoneVerified
 * @property {Identity[]} identities
 * @property {Record<string, any>} customData
 *
 * @typedef {{store: import('./store').Store, now: () => number, url: string}} UserContext
 */

/** String profile fields the API may set; README lists them. */
const PROFILE_STRING_FIELDS = Object.freeze([
  'name', 'nickname', 'photo', 'externalId', 'birthdate', 'country', 'province', 'city',
  'address', 'streetAddress', 'postalCode', 'company', 'username',
]);

/** @param {UserContext} ctx */
function iso(ctx) {
  return new Date(ctx.now()).toISOString();
}

/**
 * @param {UserContext} ctx
 * @param {string} id
 */
function findById(ctx, id) {
  return ctx.store.state.users.find((u) => u.userId === id) || null;
}

/** Look-alike spellings find the same user (identity.js). @param {UserContext} ctx @param {string} username */
function findByUsername(ctx, username) {
  const key = usernameKey(username);
  return ctx.store.state.users.find((u) => u.username !== null && usernameKey(u.username) === key) || null;
}

/** @param {UserContext} ctx @param {string} email */
function findByEmail(ctx, email) {
  const e = normalizeEmail(email);
  return ctx.store.state.users.find((u) => u.email === e) || null;
}

/**
 * The stored form of a new username; refuses empty and mixed-script look-alike names.
 * @param {string} username
 * @returns {string}
 */
function checkUsername(username) {
  const name = normalizeUsername(username);
  if (!name) throw new ApiError(400, API_CODES.INVALID_PARAM, msg('用户名不能为空', 'username must not be empty'));
  if (mixesScripts(name)) {
    throw new ApiError(400, API_CODES.INVALID_PARAM, msg(
      `用户名不能混用拉丁字母与西里尔或希腊字母：${name}`,
      `username must not mix Latin with Cyrillic or Greek letters: ${name}`));
  }
  return name;
}

/**
 * Without a country code any user with that national number matches
 * (password login sends no country code).
 * @param {UserContext} ctx @param {string} phone @param {string} [countryCode]
 */
function findByPhone(ctx, phone, countryCode) {
  return ctx.store.state.users.find((u) => u.phone === phone
    && (!countryCode || u.phoneCountryCode === countryCode)) || null;
}

/** `account` may be a username, an email or a phone number. @param {UserContext} ctx @param {string} account */
function findByAccount(ctx, account) {
  return findByUsername(ctx, account) || findByEmail(ctx, account) || findByPhone(ctx, account);
}

/** @param {UserContext} ctx @param {string} openid */
function findByOpenid(ctx, openid) {
  return ctx.store.state.users.find((u) => u.identities.some(
    (i) => i.provider === 'wechat' && i.userIdInIdp === openid)) || null;
}

/**
 * @param {UserContext} ctx
 * @param {{username?: string|null, email?: string|null, phone?: string|null, phoneCountryCode?: string|null, excludeUserId?: string}} keys
 */
function assertUnique(ctx, keys) {
  const others = ctx.store.state.users.filter((u) => u.userId !== keys.excludeUserId);
  const name = keys.username ? usernameKey(keys.username) : null;
  if (name && others.some((u) => u.username !== null && usernameKey(u.username) === name)) {
    throw new ApiError(400, API_CODES.USER_EXISTS, msg(`用户名已存在：${keys.username}`, `username already exists: ${keys.username}`));
  }
  const email = keys.email ? normalizeEmail(keys.email) : null;
  if (email && others.some((u) => u.email === email)) {
    throw new ApiError(400, API_CODES.USER_EXISTS, msg(`邮箱已被使用：${keys.email}`, `email already exists: ${keys.email}`));
  }
  if (keys.phone && others.some((u) => u.phone === keys.phone && u.phoneCountryCode === (keys.phoneCountryCode || '+86'))) {
    throw new ApiError(400, API_CODES.USER_EXISTS, msg(`手机号已被使用：${keys.phone}`, `phone already exists: ${keys.phone}`));
  }
}

/**
 * @param {UserContext} ctx
 * @param {Partial<User>} fields
 * @returns {User}
 */
function createUser(ctx, fields) {
  if (typeof fields.username === 'string') fields = { ...fields, username: checkUsername(fields.username) };
  assertUnique(ctx, fields);
  const now = iso(ctx);
  /** @type {User} */
  const user = {
    userId: crypto.randomBytes(12).toString('hex'),
    createdAt: now,
    updatedAt: now,
    status: 'Activated',
    username: null,
    email: null,
    phone: null,
    phoneCountryCode: null,
    passwordHash: null,
    name: null,
    nickname: null,
    photo: null,
    gender: 'U',
    birthdate: null,
    country: null,
    province: null,
    city: null,
    address: null,
    streetAddress: null,
    postalCode: null,
    company: null,
    externalId: null,
    loginsCount: 0,
    lastLogin: null,
    emailVerified: false,
    phoneVerified: false,
    identities: [],
    customData: {},
    ...fields,
  };
  if (user.email) user.email = normalizeEmail(user.email);
  if (user.phone && !user.phoneCountryCode) user.phoneCountryCode = '+86';
  ctx.store.state.users.push(user);
  ctx.store.save();
  return user;
}

/**
 * @param {UserContext} ctx
 * @param {User} user
 * @param {string} openid
 * @param {string} extIdpId
 */
function addWechatIdentity(ctx, user, openid, extIdpId) {
  user.identities.push({
    identityId: crypto.randomBytes(12).toString('hex'),
    extIdpId,
    provider: 'wechat',
    type: 'openid',
    userIdInIdp: openid,
    userId: user.userId,
    originConnIds: [extIdpId],
    isSocial: true,
    createdAt: iso(ctx),
  });
  user.updatedAt = iso(ctx);
}

/** @param {UserContext} ctx @param {User} user */
function removeUser(ctx, user) {
  const s = ctx.store.state;
  s.users = s.users.filter((u) => u !== user);
  for (const [k, rec] of Object.entries(s.refreshTokens)) {
    if (rec.userId === user.userId) delete s.refreshTokens[k];
  }
}

/** @param {UserContext} ctx @param {User} user */
function recordLogin(ctx, user) {
  user.loginsCount += 1;
  user.lastLogin = iso(ctx);
  ctx.store.save();
}

/** @param {UserContext} ctx */
function defaultAvatar(ctx) {
  return `${ctx.url}/__files/default-avatar.svg`;
}

/**
 * The public view of a user (Authing UserDto subset). Never includes the hash.
 * @param {UserContext} ctx
 * @param {User} user
 * @param {{withCustomData?: boolean, withIdentities?: boolean, withDepartmentIds?: boolean}} [opts]
 */
function toUserDto(ctx, user, opts = {}) {
  /** @type {Record<string, any>} */
  const dto = {
    userId: user.userId,
    createdAt: user.createdAt,
    updatedAt: user.updatedAt,
    status: user.status,
    email: user.email,
    phone: user.phone,
    phoneCountryCode: user.phoneCountryCode,
    username: user.username,
    name: user.name,
    nickname: user.nickname,
    photo: user.photo || defaultAvatar(ctx),
    gender: user.gender,
    birthdate: user.birthdate,
    country: user.country,
    province: user.province,
    city: user.city,
    address: user.address,
    streetAddress: user.streetAddress,
    postalCode: user.postalCode,
    company: user.company,
    externalId: user.externalId,
    loginsCount: user.loginsCount,
    lastLogin: user.lastLogin,
    emailVerified: user.emailVerified,
    phoneVerified: user.phoneVerified,
    // Authing's UserDto: when the password was last set, null when the account has none.
    passwordLastSetAt: user.passwordHash ? (user.passwordLastSetAt || user.createdAt) : null,
  };
  if (opts.withIdentities) dto.identities = user.identities.map((i) => ({ ...i }));
  if (opts.withCustomData) dto.customData = { ...user.customData };
  if (opts.withDepartmentIds) dto.departmentIds = [];
  return dto;
}

module.exports = {
  PROFILE_STRING_FIELDS,
  findById,
  findByUsername,
  findByEmail,
  findByPhone,
  findByAccount,
  findByOpenid,
  assertUnique,
  checkUsername,
  createUser,
  addWechatIdentity,
  removeUser,
  recordLogin,
  toUserDto,
};
