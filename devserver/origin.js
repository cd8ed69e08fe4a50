// @ts-check
'use strict';

const { ApiError } = require('./envelope');
const { API_CODES } = require('./api-codes');
const { msg } = require('./i18n');

/**
 * Who may talk to the devserver from a browser. The server is on loopback, but any web page the
 * developer has open can send requests to it, and a DNS-rebinding page can even make them
 * same-origin. So:
 *  - the Host header must name a loopback host (or one in `allowedHosts`): a rebound name is refused;
 *  - CORS is granted only to this server's own origin (the live preview) and `corsOrigins`;
 *  - `/__dev/*` refuses any request a browser marks as coming from another origin.
 *
 * @typedef {import('./config').DevServerConfig} DevServerConfig
 */

const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * `127.0.0.1:3000` → `127.0.0.1`, `[::1]:3000` → `[::1]`, lower-cased, trailing dot dropped.
 * @param {string} host
 */
function hostName(host) {
  const h = host.trim().toLowerCase();
  const name = h.startsWith('[') ? h.slice(0, h.indexOf(']') + 1) : h.replace(/:\d*$/, '');
  return name.replace(/\.$/, '');
}

/**
 * HTTP/1.0 clients may omit Host; every browser sends it, so a missing one is not a rebinding.
 * @param {string|undefined} host
 * @param {DevServerConfig} config
 */
function hostAllowed(host, config) {
  if (host === undefined) return true;
  const name = hostName(host);
  return LOOPBACK_NAMES.has(name) || config.allowedHosts.includes(name);
}

/**
 * This server's own origins (whatever loopback name the browser used) plus `corsOrigins`.
 * @param {string|undefined} origin
 * @param {number} port
 * @param {DevServerConfig} config
 */
function originAllowed(origin, port, config) {
  if (!origin) return false;
  if (config.corsOrigins.includes(origin)) return true;
  let url;
  try {
    url = new URL(origin);
  } catch {
    return false; // "null" (sandboxed frames, file://) and garbage
  }
  return url.protocol === 'http:' && LOOPBACK_NAMES.has(url.hostname) && Number(url.port || 80) === port
    && origin === url.origin;
}

/**
 * How a browser request relates to this server. `foreign`: an Origin header (or Sec-Fetch-Site,
 * for requests without one) says another site sent it. Non-browser clients (wx.request in
 * WeChat DevTools, Node, curl) send neither and are `none`.
 * @param {import('http').IncomingHttpHeaders} headers
 * @param {number} port
 * @param {DevServerConfig} config
 * @returns {{kind: 'none'|'allowed'|'foreign', origin: string|undefined}}
 */
function classifyOrigin(headers, port, config) {
  const origin = typeof headers.origin === 'string' ? headers.origin : undefined;
  if (origin !== undefined) return { kind: originAllowed(origin, port, config) ? 'allowed' : 'foreign', origin };
  const site = headers['sec-fetch-site'];
  return { kind: site === 'cross-site' || site === 'same-site' ? 'foreign' : 'none', origin };
}

const HOST_REFUSED = (/** @type {string} */ host) => new ApiError(403, API_CODES.HOST_NOT_ALLOWED,
  msg(`拒绝访问：Host "${host}" 不是本机地址（防 DNS 重绑定）`,
    `host "${host}" is not a loopback name; refused (DNS-rebinding protection)`));

const ORIGIN_REFUSED = (/** @type {string} */ what) => new ApiError(403, API_CODES.ORIGIN_NOT_ALLOWED,
  msg(`拒绝跨域请求：${what} 只接受本服务自己的页面`, `cross-origin request refused: ${what} only answers this server's own pages`));

/**
 * Throws when the request must not be served at all.
 * @param {{method: string, path: string, headers: import('http').IncomingHttpHeaders}} req
 * @param {{kind: string}} origin from classifyOrigin
 * @param {DevServerConfig} config
 */
function checkRequest(req, origin, config) {
  const host = req.headers.host;
  if (!hostAllowed(host, config)) throw HOST_REFUSED(String(host));
  if (origin.kind !== 'foreign') return;
  // The control plane holds codes, tokens and a reset button: no other site may touch it at all.
  if (req.path.startsWith('/__dev/')) throw ORIGIN_REFUSED('/__dev/');
  // Preflights from other sites get no grant (so the browser never sends the real request).
  if (req.method === 'OPTIONS') throw ORIGIN_REFUSED('CORS');
}

/**
 * CORS headers for an allowed origin; nothing (no `*`) for anyone else.
 * @param {{kind: string, origin: string|undefined}} origin
 * @returns {Record<string, string>}
 */
function corsHeaders(origin) {
  if (origin.kind !== 'allowed' || !origin.origin) return {};
  return { 'access-control-allow-origin': origin.origin, vary: 'origin' };
}

module.exports = { hostAllowed, originAllowed, classifyOrigin, checkRequest, corsHeaders, hostName };
