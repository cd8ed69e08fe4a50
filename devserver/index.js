// @ts-check
'use strict';

const http = require('http');
const crypto = require('crypto');
const { resolveConfig, DEMO_USER } = require('./config');
const { Store } = require('./store');
const { Inbox } = require('./sms');
const { WechatSim } = require('./wechat-sim');
const { ActionTokens } = require('./action-tokens');
const { Faults } = require('./faults');
const { Router } = require('./router');
const { readBody, parseBody } = require('./body');
const { ApiError, OidcError, failure, localizeReply } = require('./envelope');
const { send, injectFault } = require('./respond');
const { API_CODES } = require('./api-codes');
const { hashPassword } = require('./passwords');
const { langOf, msg } = require('./i18n');
const { classifyOrigin, checkRequest, corsHeaders } = require('./origin');
const { makeRecord, append, redactQuery } = require('./request-log');
const { Captchas } = require('./captcha');
const { SignInGuard } = require('./sign-in-guard');
const users = require('./users');
const { seedMfaUsers } = require('./mfa');

/**
 * @typedef {import('./config').DevServerConfig} DevServerConfig
 * @typedef {import('./envelope').Reply} Reply
 *
 * @typedef {object} RequestRecord  one entry of srv.requests
 * @property {string} method
 * @property {string} path          no query string
 * @property {string} query         '' or '?a=b'
 * @property {Record<string, string|string[]|undefined>} headers
 * @property {string} body          body as UTF-8, secrets redacted (request-log.js), cut at requestLogBodyBytes
 * @property {number} time          wall-clock ms when the request arrived
 * @property {number|null} status   HTTP status sent (null while pending / on reset)
 * @property {string|null} fault    injected fault kind, if any
 *
 * @typedef {object} App  state shared by all handlers
 * @property {DevServerConfig} config
 * @property {import('./store').Store} store
 * @property {Inbox} inbox
 * @property {WechatSim} wechat
 * @property {ActionTokens} actionTokens  update-phone / update-email / delete-account tokens
 * @property {Faults} faults
 * @property {RequestRecord[]} requests
 * @property {() => number} now     Date.now() + clock offset; every expiry check uses it
 * @property {number} clockOffset
 * @property {string} url
 * @property {(line: string) => void} log
 * @property {() => Promise<void>} reset
 * @property {Captchas} captchas
 * @property {SignInGuard} signInGuard  captcha and lockout after wrong passwords
 * @property {string} dummyHash  hashed when a sign-in names no password-holding account (equal timing)
 *
 * @typedef {object} RequestContext
 * @property {App} app
 * @property {import('http').IncomingMessage} req
 * @property {string} method
 * @property {string} path
 * @property {URLSearchParams} query
 * @property {import('http').IncomingHttpHeaders} headers
 * @property {Buffer} rawBody
 * @property {boolean} tooLarge    only raw routes see true; others get a 413 first
 * @property {Record<string, any>} body  parsed JSON / form ({} for raw routes)
 * @property {string} requestId
 * @property {import('./i18n').Lang} lang  from x-authing-lang; envelopes are localized for it
 * @property {string} client      the client's address (per-client sign-in limits)
 *
 * @typedef {object} DevServer
 * @property {string} url
 * @property {DevServerConfig} config
 * @property {RequestRecord[]} requests
 * @property {() => number} now
 * @property {() => Promise<void>} reset
 * @property {() => Promise<void>} close
 * @property {import('http').Server} server
 */

const ROUTE_MODULES = [
  require('./routes/system'),
  require('./routes/signin'),
  require('./routes/captcha'),
  require('./routes/signin-mobile'),
  require('./routes/messages'),
  require('./routes/oidc'),
  require('./routes/phone'),
  require('./routes/account'),
  require('./routes/account-contact'),
  require('./routes/delete-account'),
  require('./routes/wechat-data'),
  require('./routes/profile'),
  require('./routes/upload'),
  // account journey: sign-up, forgot password, MFA at login
  require('./routes/signup'),
  require('./routes/reset-password'),
  require('./routes/mfa'),
  require('./routes/dev'),
];
const ALLOW_HEADERS = 'content-type, authorization, x-authing-app-id, x-authing-userpool-id, '
  + 'x-authing-request-from, x-authing-sdk-version, x-authing-lang, x-authing-app-tenant-id';

/** @param {import('./i18n').Msg} message */
function badRequest(message) {
  return new ApiError(400, API_CODES.INVALID_PARAM, message);
}

/** @param {App} app */
async function seedDemoUser(app) {
  await seedMfaUsers(app);
  if (users.findByUsername(app, DEMO_USER.username)) return;
  const { password, ...fields } = DEMO_USER;
  users.createUser(app, {
    ...fields,
    passwordHash: await hashPassword(password, app.config.scryptN),
    emailVerified: true,
    phoneVerified: true,
  });
}

/**
 * @param {Partial<DevServerConfig>} [options]
 * @returns {Promise<DevServer>}
 */
async function createDevServer(options = {}) {
  const config = resolveConfig(options);
  const store = await Store.open({ dataFile: config.dataFile });
  const log = typeof config.log === 'function' ? config.log
    : config.log ? (/** @type {string} */ line) => console.log(line) : () => {};

  const captchas = new Captchas({ now: () => app.now(), ttl: config.captchaTtl });
  /** @type {App} */
  const app = {
    config,
    store,
    requests: [],
    clockOffset: 0,
    now: () => Date.now() + app.clockOffset,
    url: '',
    log,
    faults: new Faults(),
    inbox: new Inbox({
      now: () => app.now(), codeTtl: config.codeTtl, sendCooldown: config.sendCooldown, maxAttempts: config.passcodeMaxAttempts, log,
    }),
    captchas,
    signInGuard: new SignInGuard({ now: () => app.now(), config, captchas }),
    dummyHash: await hashPassword(crypto.randomBytes(16).toString('hex'), config.scryptN),
    wechat: new WechatSim({ now: () => app.now(), codeTtl: config.codeTtl, wechatAppId: config.wechatAppId }),
    actionTokens: new ActionTokens({ now: () => app.now(), ttl: config.actionTokenTtl }),
    reset: async () => {
      store.reset();
      app.inbox.reset();
      app.wechat.reset();
      app.actionTokens.reset();
      app.captchas.reset();
      app.signInGuard.reset();
      app.faults.clear();
      app.clockOffset = 0;
      app.requests.length = 0; // in place: callers hold srv.requests
      if (config.seed) await seedDemoUser(app);
      store.flush();
    },
  };

  const router = new Router();
  for (const mod of ROUTE_MODULES) mod.register(router, app);

  let listenPort = 0; // known once listening; own-origin checks compare against it
  /** @type {Set<NodeJS.Timeout>} delay-fault timers, cleared on close */
  const timers = new Set();
  /** @param {number} ms */
  const sleep = (ms) => new Promise((resolve) => {
    const t = setTimeout(() => { timers.delete(t); resolve(undefined); }, ms);
    timers.add(t);
  });

  // A slow or stalled client is cut off after requestTimeout (checked every second, not Node's
  // default 30 s); past maxConnections new connections are refused.
  const timeoutMs = config.requestTimeout * 1000;
  const server = http.createServer({
    requestTimeout: timeoutMs, headersTimeout: timeoutMs, connectionsCheckingInterval: Math.min(1000, timeoutMs),
  }, (req, res) => {
    handle(req, res).catch((err) => {
      // Last line of defence: never let a request take the process down.
      if (err && err.aborted) return;
      log(`[devserver] unexpected error: ${err && err.stack}`);
      if (!res.headersSent) send(res, localizeReply(failure(crypto.randomUUID(), err), langOf(req.headers)));
      else res.destroy();
    });
  });
  server.on('clientError', (err, socket) => {
    const timedOut = /** @type {NodeJS.ErrnoException} */ (err).code === 'ERR_HTTP_REQUEST_TIMEOUT';
    if (socket.writable) socket.end(`HTTP/1.1 ${timedOut ? '408 Request Timeout' : '400 Bad Request'}\r\nconnection: close\r\n\r\n`);
  });
  server.maxConnections = config.maxConnections;
  // Longer than the 5 s idle timeout of Node's and browsers' keep-alive agents, so the client
  // always drops an idle connection first and never reuses one the server is closing (ECONNRESET).
  server.keepAliveTimeout = 10000;

  /**
   * @param {import('http').IncomingMessage} req
   * @param {import('http').ServerResponse} res
   */
  async function handle(req, res) {
    const started = Date.now();
    const requestId = crypto.randomUUID();
    const lang = langOf(req.headers);
    let url;
    try {
      url = new URL(req.url || '/', 'http://localhost');
    } catch {
      send(res, localizeReply(failure(requestId, badRequest(msg('请求路径无效', 'invalid request target'))), lang));
      return;
    }
    const path = url.pathname;
    const method = (req.method || 'GET').toUpperCase();
    const origin = classifyOrigin(req.headers, listenPort, config);
    for (const [k, v] of Object.entries(corsHeaders(origin))) res.setHeader(k, v);
    res.setHeader('x-request-id', requestId);
    try {
      checkRequest({ method, path, headers: req.headers }, origin, config);
    } catch (err) {
      req.resume(); // drain, so the client reads the answer
      send(res, localizeReply(failure(requestId, err), lang));
      return;
    }
    if (method === 'OPTIONS') {
      // CORS preflight: only this server's own pages (and corsOrigins) get here with an Origin.
      res.writeHead(204, {
        'access-control-allow-methods': 'GET, POST, DELETE, OPTIONS',
        'access-control-allow-headers': ALLOW_HEADERS,
        'access-control-max-age': '600',
      });
      res.end();
      return;
    }

    // Mounted tools (the browser preview) are not part of the API: no recording, no faults.
    if (runMounts(req, res, requestId, lang)) return;

    const match = router.match(method, path);
    const route = match && 'route' in match ? match.route : null;
    const limit = route?.maxBytes ? route.maxBytes(config) : config.maxBodyBytes;
    const { bytes, tooLarge } = await readBody(req, limit);

    // The control plane is never recorded nor faulted; file downloads are not API calls.
    const isControl = path.startsWith('/__dev/');
    /** @type {RequestRecord|null} */
    const record = isControl || path.startsWith('/__files/') ? null
      : makeRecord(config, { method, path, query: url.search, headers: req.headers, bytes, time: started });
    if (record) append(app.requests, record, config.requestLogLimit);
    res.on('finish', () => {
      if (record) record.status = res.statusCode;
      log(`${method} ${path}${config.logSecrets ? url.search : redactQuery(url.search)} -> ${res.statusCode} (${Date.now() - started} ms)`);
    });

    const fault = isControl ? null : app.faults.take(path);
    if (fault && record) record.fault = fault.kind;
    if (fault && fault.kind !== 'delay') {
      injectFault(res, fault, requestId);
      return;
    }
    if (fault) await sleep(fault.delayMs);
    if (res.destroyed) return;

    /** @type {Reply} */
    let reply;
    try {
      if (!match) throw new ApiError(404, API_CODES.NOT_FOUND, msg(`未找到：${method} ${path}`, `not found: ${method} ${path}`));
      if (!route) {
        const allowed = /** @type {{allowed: string[]}} */ (match).allowed.join(', ');
        throw new ApiError(405, API_CODES.METHOD_NOT_ALLOWED,
          msg(`${path} 不支持 ${method}（请使用 ${allowed}）`, `method ${method} not allowed on ${path} (use ${allowed})`));
      }
      if (tooLarge && !route.raw) {
        throw new ApiError(413, API_CODES.BODY_TOO_LARGE, msg(`请求体过大（上限 ${limit} 字节）`, `request body too large (max ${limit} bytes)`));
      }
      /** @type {RequestContext} */
      const ctx = {
        app, req, method, path, query: url.searchParams, headers: req.headers, rawBody: bytes, tooLarge, requestId, lang,
        client: req.socket.remoteAddress || '',
        body: route.raw || method === 'GET' || method === 'HEAD' ? {} : parseBody(bytes, req.headers['content-type']),
      };
      reply = await route.handler(ctx);
    } catch (err) {
      if (!(err instanceof ApiError) && !(err instanceof OidcError)) {
        log(`[devserver] handler error on ${method} ${path}: ${/** @type {Error} */ (err)?.stack || err}`);
      }
      reply = failure(requestId, err);
    }
    store.flush(); // one write per request, however many changes it made
    send(res, localizeReply(reply, lang));
  }

  /**
   * @param {import('http').IncomingMessage} req
   * @param {import('http').ServerResponse} res
   * @param {string} requestId
   * @param {import('./i18n').Lang} lang
   * @returns {boolean} handled
   */
  function runMounts(req, res, requestId, lang) {
    for (const mount of config.mounts) {
      try {
        if (mount(req, res)) return true;
      } catch (err) {
        // A path a mount cannot decode (e.g. a bad %-escape) is the client's error, not ours.
        if (!(err instanceof URIError)) throw err;
        send(res, localizeReply(failure(requestId, badRequest(msg('路径中的百分号编码无效', 'malformed percent-encoding in the path'))), lang));
        return true;
      }
    }
    return false;
  }

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve(undefined);
    });
  });
  const address = /** @type {import('net').AddressInfo} */ (server.address());
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  app.url = `http://${host}:${address.port}`;
  listenPort = address.port;
  try {
    if (config.seed) await seedDemoUser(app);
    store.flush();
  } catch (err) {
    server.close();
    throw err;
  }

  return {
    url: app.url,
    config,
    requests: app.requests,
    now: app.now,
    reset: app.reset,
    server,
    close: () => new Promise((resolve) => {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      server.close(() => resolve(undefined));
      server.closeAllConnections();
    }),
  };
}

module.exports = { createDevServer, DEMO_USER };
