// @ts-check
'use strict';

/**
 * @typedef {import('./index').RequestContext} RequestContext
 * @typedef {import('./envelope').Reply} Reply
 * @typedef {(ctx: RequestContext) => Reply | Promise<Reply>} Handler
 * @typedef {{handler: Handler, raw: boolean, maxBytes?: (config: import('./config').DevServerConfig) => number}} Route
 */

/** Exact-path routes plus a few prefix routes (/__files/). */
class Router {
  constructor() {
    /** @type {Map<string, Map<string, Route>>} path -> method -> route */
    this.exact = new Map();
    /** @type {{prefix: string, method: string, route: Route}[]} */
    this.prefixes = [];
  }

  /**
   * @param {string} method
   * @param {string} path
   * @param {Handler} handler
   * @param {{raw?: boolean, maxBytes?: Route['maxBytes']}} [opts]
   *   raw: the handler parses the body itself and must check ctx.tooLarge;
   *   maxBytes: body limit instead of config.maxBodyBytes
   */
  add(method, path, handler, opts = {}) {
    if (!this.exact.has(path)) this.exact.set(path, new Map());
    /** @type {Map<string, Route>} */ (this.exact.get(path))
      .set(method, { handler, raw: Boolean(opts.raw), maxBytes: opts.maxBytes });
  }

  /**
   * @param {string} method
   * @param {string} prefix
   * @param {Handler} handler
   */
  addPrefix(method, prefix, handler) {
    this.prefixes.push({ prefix, method, route: { handler, raw: false } });
  }

  /**
   * @param {string} method
   * @param {string} path
   * @returns {{route: Route} | {allowed: string[]} | null} null = unknown path
   */
  match(method, path) {
    const byMethod = this.exact.get(path);
    if (byMethod) {
      const route = byMethod.get(method) || (method === 'HEAD' ? byMethod.get('GET') : undefined);
      return route ? { route } : { allowed: [...byMethod.keys()] };
    }
    const hits = this.prefixes.filter((p) => path.startsWith(p.prefix));
    if (!hits.length) return null;
    const hit = hits.find((p) => p.method === method || (method === 'HEAD' && p.method === 'GET'));
    return hit ? { route: hit.route } : { allowed: hits.map((p) => p.method) };
  }
}

module.exports = { Router };
