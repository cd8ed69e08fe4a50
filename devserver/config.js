// @ts-check
'use strict';

/**
 * Resolved dev-server configuration. Everything has a default so
 * `createDevServer()` with no arguments gives a working in-memory server.
 *
 * @typedef {object} DevServerConfig
 * @property {number} port                 0 = pick a free port
 * @property {string} host                 loopback only
 * @property {string} appId                expected `x-authing-app-id` / `client_id`
 * @property {string} userPoolId           expected `x-authing-userpool-id`
 * @property {string} wechatIdpIdentifier  expected `extIdpConnidentifier`
 * @property {string} wechatAppId          mini-program appid put in WeChat watermarks
 * @property {number} accessTokenTtl       seconds
 * @property {number} idTokenTtl           seconds
 * @property {number} refreshTokenTtl      seconds
 * @property {string|null} dataFile        null = in-memory store
 * @property {boolean|((line: string) => void)} log  true = console.log, or a custom sink
 * @property {boolean} seed                create the demo user
 * @property {number} maxBodyBytes         limit for JSON / form bodies
 * @property {number} maxUploadBytes       limit for one uploaded file
 * @property {string[]} corsOrigins        origins granted CORS besides this server's own (e.g. an H5 dev server)
 * @property {string[]} allowedHosts       Host names accepted besides 127.0.0.1 / localhost / [::1]
 * @property {number} captchaAfter         failed password sign-ins for one account before a captcha is required (0 = never)
 * @property {number} clientCaptchaAfter   failed password sign-ins from one client address, any account, before a captcha (0 = never)
 * @property {number} lockoutAfter         failed password sign-ins for one account that lock it (0 = never)
 * @property {number} lockoutSeconds       how long a lock lasts
 * @property {number} failureWindow        seconds after which a failed sign-in is forgotten
 * @property {number} passcodeMaxAttempts  wrong tries one SMS / email code survives; then it is void
 * @property {number} captchaTtl           seconds a captcha image stays valid
 * @property {boolean} logSecrets          keep passwords, codes and tokens in the request log (tests only)
 * @property {number} requestLogLimit      request-log entries kept (oldest dropped first)
 * @property {number} requestLogBodyBytes  bytes of each body kept in the request log
 * @property {number} maxCustomDataBytes   size of a user's customData as JSON
 * @property {number} requestTimeout       seconds a client may take to send its request
 * @property {number} maxConnections       open connections at once; more are refused
 * @property {number} codeTtl              seconds an SMS / email / WeChat code stays valid
 * @property {number} actionTokenTtl       seconds an updatePhoneToken / updateEmailToken / deleteAccountToken stays valid
 * @property {number} sendCooldown         seconds between two sends to one phone / email, any channel
 * @property {number} scryptN              scrypt cost for new password hashes
 * @property {number} mfaTokenTtl          seconds an mfaToken (MFA step of a sign-in) stays valid
 * @property {'both'|'apiCode'|'statusCode'} mfaCodeField  where the MFA-required answer puts 1635 / 1636
 * @property {string} demoTotpSecret       base32 TOTP secret of the seeded `mfa-totp` user
 * @property {boolean} v2StatusCode        V2 answers (MFA verify, email send) also carry statusCode / apiCode (newer Authing)
 * @property {Array<(req: import('http').IncomingMessage, res: import('http').ServerResponse) => boolean>} mounts
 *   extra non-API handlers tried first (e.g. the browser preview under /preview/); true = handled
 */

/** @type {DevServerConfig} */
const DEFAULTS = Object.freeze({
  port: 0,
  host: '127.0.0.1',
  appId: 'demo-app-id',
  userPoolId: 'demo-userpool-id',
  wechatIdpIdentifier: 'wechat-miniprogram',
  wechatAppId: 'wx0000devserver000',
  accessTokenTtl: 7200,
  idTokenTtl: 7200,
  refreshTokenTtl: 2592000,
  dataFile: null,
  log: false,
  seed: true,
  maxBodyBytes: 1024 * 1024,
  maxUploadBytes: 2 * 1024 * 1024,
  codeTtl: 300,
  actionTokenTtl: 300,
  sendCooldown: 60,
  // Origin safety, attempt limits and bounds (README "Attempt limits", "Security model").
  corsOrigins: [],
  allowedHosts: [],
  captchaAfter: 3,
  clientCaptchaAfter: 10,
  lockoutAfter: 5,
  lockoutSeconds: 600,
  failureWindow: 3600,
  passcodeMaxAttempts: 5,
  captchaTtl: 300,
  logSecrets: false,
  requestLogLimit: 500,
  requestLogBodyBytes: 16 * 1024,
  maxCustomDataBytes: 16 * 1024,
  requestTimeout: 30,
  maxConnections: 64,
  // Low on purpose: a loopback test double hashing demo passwords, where login latency
  // matters to every test. Each hash records its own N, so raising it later is safe.
  scryptN: 4096,
  // Account journey (MFA). The demo secret is fixed so an authenticator app keeps working across restarts.
  mfaTokenTtl: 360,
  mfaCodeField: 'both',
  demoTotpSecret: 'MF2XI2DJNZTS23LJNZUWC4DQFVVWS5BB',
  v2StatusCode: true,
  mounts: [],
});

// The server is a local test double: it must never listen on a public interface.
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

/**
 * Checks (and normalises) the origin-safety, attempt-limit and bound options.
 * @param {Record<string, any>} cfg
 */
function checkSecurityOptions(cfg) {
  for (const key of ['lockoutSeconds', 'failureWindow', 'passcodeMaxAttempts', 'captchaTtl', 'requestLogLimit',
    'requestLogBodyBytes', 'maxCustomDataBytes', 'requestTimeout', 'maxConnections']) {
    if (!Number.isInteger(cfg[key]) || cfg[key] <= 0) {
      throw new TypeError(`createDevServer: option "${key}" must be a positive integer`);
    }
  }
  for (const key of ['captchaAfter', 'clientCaptchaAfter', 'lockoutAfter']) {
    if (!Number.isInteger(cfg[key]) || cfg[key] < 0) {
      throw new TypeError(`createDevServer: option "${key}" must be an integer ≥ 0 (0 = off)`);
    }
  }
  for (const key of ['corsOrigins', 'allowedHosts']) {
    if (!Array.isArray(cfg[key]) || cfg[key].some((/** @type {unknown} */ x) => typeof x !== 'string' || x === '')) {
      throw new TypeError(`createDevServer: option "${key}" must be an array of non-empty strings`);
    }
  }
  cfg.allowedHosts = cfg.allowedHosts.map((/** @type {string} */ h) => h.toLowerCase().replace(/\.$/, ''));
  cfg.logSecrets = Boolean(cfg.logSecrets);
}

/** The demo account printed by bin.js and used by the demo / tests. */
const DEMO_USER = Object.freeze({
  username: 'demo',
  phone: '13800000000',
  phoneCountryCode: '+86',
  email: 'demo@example.com',
  password: 'Demo@123456',
  name: 'Demo User',
  nickname: 'Demo',
});

/** The account-journey options that are not positive integers. @param {Record<string, any>} cfg */
function checkJourneyOptions(cfg) {
  if (!['both', 'apiCode', 'statusCode'].includes(cfg.mfaCodeField)) {
    throw new TypeError('createDevServer: option "mfaCodeField" must be "both", "apiCode" or "statusCode"');
  }
  if (typeof cfg.v2StatusCode !== 'boolean') throw new TypeError('createDevServer: option "v2StatusCode" must be a boolean');
  if (typeof cfg.demoTotpSecret !== 'string' || !/^[A-Z2-7]{16,}$/.test(cfg.demoTotpSecret)) {
    throw new TypeError('createDevServer: option "demoTotpSecret" must be base32 (A-Z, 2-7), at least 16 characters');
  }
}

/**
 * @param {Partial<DevServerConfig>} [options]
 * @returns {DevServerConfig}
 */
function resolveConfig(options = {}) {
  /** @type {Record<string, any>} */
  const cfg = { ...DEFAULTS };
  for (const [key, value] of Object.entries(options || {})) {
    if (value === undefined) continue;
    if (!(key in DEFAULTS)) throw new TypeError(`createDevServer: unknown option "${key}"`);
    cfg[key] = value;
  }
  for (const key of ['appId', 'userPoolId', 'wechatIdpIdentifier', 'wechatAppId', 'host']) {
    if (typeof cfg[key] !== 'string' || cfg[key] === '') {
      throw new TypeError(`createDevServer: option "${key}" must be a non-empty string`);
    }
  }
  if (!LOOPBACK.has(cfg.host)) {
    throw new TypeError(`createDevServer: host must be a loopback address, got "${cfg.host}"`);
  }
  checkSecurityOptions(cfg);
  for (const key of ['accessTokenTtl', 'idTokenTtl', 'refreshTokenTtl', 'maxBodyBytes',
    'maxUploadBytes', 'codeTtl', 'actionTokenTtl', 'sendCooldown', 'scryptN', 'mfaTokenTtl']) {
    if (!Number.isInteger(cfg[key]) || cfg[key] <= 0) {
      throw new TypeError(`createDevServer: option "${key}" must be a positive integer`);
    }
  }
  if (!Number.isInteger(cfg.port) || cfg.port < 0 || cfg.port > 65535) {
    throw new TypeError('createDevServer: option "port" must be an integer 0-65535');
  }
  if (cfg.dataFile !== null && (typeof cfg.dataFile !== 'string' || cfg.dataFile === '')) {
    throw new TypeError('createDevServer: option "dataFile" must be a path or null');
  }
  if (typeof cfg.log !== 'boolean' && typeof cfg.log !== 'function') {
    throw new TypeError('createDevServer: option "log" must be a boolean or a function');
  }
  if (!Array.isArray(cfg.mounts) || cfg.mounts.some((m) => typeof m !== 'function')) {
    throw new TypeError('createDevServer: option "mounts" must be an array of functions');
  }
  checkJourneyOptions(cfg);
  cfg.seed = Boolean(cfg.seed);
  return /** @type {DevServerConfig} */ (cfg);
}

module.exports = { resolveConfig, DEFAULTS, DEMO_USER };
