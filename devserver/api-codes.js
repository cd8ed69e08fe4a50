// @ts-check
'use strict';

/**
 * apiCode values used in error envelopes. Authing does not publish a full V3
 * table, so these are our own Authing-style numbers; README.md lists them.
 * Grouped by thousand: 1xxx request, 2xxx account/login, 3xxx WeChat/SMS, 4xxx upload.
 */
const API_CODES = Object.freeze({
  INVALID_JSON: 1001,          // body is not valid JSON / not an object
  INVALID_PARAM: 1002,         // missing field, wrong type, bad format
  BODY_TOO_LARGE: 1003,        // 413
  NOT_FOUND: 1004,             // unknown path (404)
  HEADER_REQUIRED: 1005,       // x-authing-app-id / x-authing-userpool-id missing
  APP_NOT_FOUND: 1006,         // header present but not this server's app / pool (403)
  METHOD_NOT_ALLOWED: 1007,    // 405
  UNSUPPORTED_MEDIA_TYPE: 1008, // 415: a body that is neither JSON nor a form (text/plain…)
  HOST_NOT_ALLOWED: 1009,      // 403: Host header is not a loopback name (DNS rebinding)
  ORIGIN_NOT_ALLOWED: 1010,    // 403: another site's page calling /__dev/ or preflighting
  INTERNAL: 1500,              // handler threw (500)

  CAPTCHA_REQUIRED: 2000,      // sign-in needs captchaCode + captchaToken (Authing §5)
  PASSCODE_INVALID: 2001,      // SMS / email / captcha code wrong, used, expired or tried too often (Authing §5)
  USER_NOT_FOUND: 2004,        // passcode login for an unknown user without autoRegister
  OLD_PASSWORD_WRONG: 2006,    // update-password
  NOT_LOGGED_IN: 2020,         // no Authorization header (401)
  TOKEN_EXPIRED: 2021,         // 401
  TOKEN_REVOKED: 2022,         // 401
  TOKEN_INVALID: 2023,         // bad signature / not an access token / user gone (401)
  USER_EXISTS: 2026,           // username / email / phone already taken
  ACTION_TOKEN_INVALID: 2030,  // updatePhoneToken / updateEmailToken / deleteAccountToken unknown, used, expired, not yours
  NOT_ACCOUNT_CONTACT: 2031,   // the old phone / email (or the one verifying a deletion) is missing or not this account's
  ALREADY_BOUND: 2032,         // bind-phone / bind-email on an account that already has one
  VERIFY_METHOD_UNAVAILABLE: 2033, // the account has no phone / email / password to verify with
  PASSWORD_WRONG: 2034,        // delete-account verification by password
  UNSUPPORTED_CONNECTION: 2100,
  PASSWORD_DECRYPT_FAILED: 2102,
  PASSWORD_POLICY: 2103,       // 6-64 characters
  ACCOUNT_LOCKED: 2057,        // 403: locked after repeated wrong passwords (Authing §5)
  ACCOUNT_OR_PASSWORD_WRONG: 2333, // data.remainCount = tries left before the lock

  IDP_NOT_FOUND: 3000,         // extIdpConnidentifier does not match
  WECHAT_CODE_INVALID: 3001,   // unknown / used / expired wx.login code
  WECHAT_DECRYPT_FAILED: 3002, // encryptedData/iv do not decrypt with this code's session_key
  WECHAT_PHONE_CODE_INVALID: 3003,
  WECHAT_ALREADY_BOUND: 3004,  // openid bound to another user, or this user bound to another openid
  INVALID_PHONE: 3101,
  UNKNOWN_CHANNEL: 3102,
  TOO_MANY_REQUESTS: 3103,     // 429: one send per target+channel per cooldown
  INVALID_EMAIL: 3104,

  UPLOAD_NOT_IMAGE: 4001,
  UPLOAD_TOO_LARGE: 4002,      // 413
  UPLOAD_MALFORMED: 4003,

  // account journey (sign-up / reset / MFA); 1635 / 1636 / 6001 / 6002 are Authing's own numbers
  MFA_REQUIRED_PERSONAL: 1635, // sign-in needs the user's own TOTP
  MFA_REQUIRED: 1636,          // sign-in needs the application's MFA (SMS / email)
  TOTP_WRONG: 6001,
  RECOVERY_CODE_WRONG: 6002,
  MFA_FACTOR_UNAVAILABLE: 6005, // the factor is not enabled for this user

  INJECTED: 9999,              // /__dev/faults kind "envelope"
});

module.exports = { API_CODES };
