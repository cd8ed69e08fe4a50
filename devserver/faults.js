// @ts-check
'use strict';

const { invalid, isPlainObject } = require('./validate');
const { msg } = require('./i18n');

const KINDS = Object.freeze(['reset', 'delay', 'html500', 'badjson', 'envelope', 'empty']);

/**
 * @typedef {object} Fault
 * @property {string} path     exact path, no query
 * @property {number} count    how many more requests it hits
 * @property {'reset'|'delay'|'html500'|'badjson'|'envelope'|'empty'} kind
 * @property {number} delayMs
 * @property {string|undefined} body     envelope message
 * @property {number|undefined} status   envelope statusCode
 * @property {number|undefined} apiCode  envelope apiCode (default 9999): a client's handling of one Authing code
 */

/** Queue of injected failures for the next N requests to a path. */
class Faults {
  constructor() {
    /** @type {Fault[]} */
    this.pending = [];
  }

  clear() {
    this.pending = [];
  }

  /**
   * @param {unknown} spec body of POST /__dev/faults
   * @returns {Fault}
   */
  add(spec) {
    if (!isPlainObject(spec)) throw invalid(msg('fault 必须是对象', 'fault must be an object'));
    const { path, kind } = spec;
    const count = spec.count ?? 1;
    if (typeof path !== 'string' || !path.startsWith('/')) throw invalid(msg('path 必须是以 "/" 开头的字符串', 'path must be a string starting with "/"'));
    if (path.startsWith('/__dev/')) throw invalid(msg('故障不能注入到 /__dev/ 路径', 'faults cannot target /__dev/ paths'));
    if (!KINDS.includes(kind)) throw invalid(msg(`kind 必须是 ${KINDS.join('、')} 之一`, `kind must be one of ${KINDS.join(', ')}`));
    if (!Number.isInteger(count) || count < 1) throw invalid(msg('count 必须是正整数', 'count must be a positive integer'));
    const delayMs = spec.delayMs ?? 1000;
    if (!Number.isInteger(delayMs) || delayMs < 0 || delayMs > 120000) throw invalid(msg('delayMs 必须是 0-120000 的整数', 'delayMs must be an integer 0-120000'));
    if (spec.body !== undefined && typeof spec.body !== 'string') throw invalid(msg('body 必须是字符串', 'body must be a string'));
    if (spec.status !== undefined && (!Number.isInteger(spec.status) || spec.status < 100 || spec.status > 999)) {
      throw invalid(msg('status 必须是整数状态码', 'status must be an integer status code'));
    }
    if (spec.apiCode !== undefined && (!Number.isInteger(spec.apiCode) || spec.apiCode < 1)) {
      throw invalid(msg('apiCode 必须是正整数', 'apiCode must be a positive integer'));
    }
    /** @type {Fault} */
    const fault = { path, count, kind, delayMs, body: spec.body, status: spec.status, apiCode: spec.apiCode };
    this.pending.push(fault);
    return { ...fault };
  }

  /**
   * Uses up one hit of the first fault for this path, if any.
   * @param {string} path
   * @returns {Fault|null}
   */
  take(path) {
    const i = this.pending.findIndex((f) => f.path === path);
    if (i < 0) return null;
    const fault = this.pending[i];
    fault.count -= 1;
    if (fault.count === 0) this.pending.splice(i, 1);
    return fault;
  }
}

module.exports = { Faults, KINDS };
