// @ts-check
'use strict';

const crypto = require('crypto');
const { ApiError } = require('./envelope');
const { API_CODES } = require('./api-codes');
const { msg } = require('./i18n');

// No 0/O, 1/I/L: a human must be able to read it.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const LENGTH = 4;
const MAX_LIVE = 1000;

/**
 * @typedef {object} Captcha
 * @property {string} code       upper case
 * @property {number} expiresAt  ms, server clock
 * @property {boolean} used
 */

/** @param {string} text */
function escapeXml(text) {
  return text.replace(/[<>&"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/**
 * A small SVG with the code drawn letter by letter over a few noise lines. It stops nobody (the
 * letters are SVG text) — it only has to look and behave like Authing's image.
 * @param {string} code
 */
function drawSvg(code) {
  const r = (/** @type {number} */ n) => crypto.randomInt(0, n);
  const lines = Array.from({ length: 4 }, () => `<line x1="${r(120)}" y1="${r(40)}" x2="${r(120)}" y2="${r(40)}" `
    + `stroke="hsl(${r(360)},45%,60%)" stroke-width="1"/>`).join('');
  const letters = [...code].map((ch, i) => `<text x="${14 + i * 26}" y="${28 + r(6)}" `
    + `transform="rotate(${r(30) - 15} ${20 + i * 26} 22)" fill="hsl(${r(360)},55%,35%)">${escapeXml(ch)}</text>`).join('');
  return '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40" viewBox="0 0 120 40">'
    + '<rect width="120" height="40" fill="#f3f4f6"/>'
    + `<g font-family="monospace" font-size="24" font-weight="bold">${letters}</g>${lines}</svg>`;
}

const CAPTCHA_INVALID = msg('图形验证码错误，请重新输入', 'the captcha code is incorrect; enter the new one');
const CAPTCHA_STALE = msg('图形验证码已失效，请刷新后重试', 'the captcha has expired or was already used; load a new one');

/**
 * V3 token captcha (no cookies, so it works with wx.request): `GET /api/v3/get-captcha-code`
 * gives an SVG and a `captchaToken`; sign-in sends both `captchaCode` and `captchaToken`.
 * Case-insensitive, single use (a wrong guess uses it up too), valid `captchaTtl` seconds.
 */
class Captchas {
  /** @param {{now: () => number, ttl: number}} opts */
  constructor(opts) {
    this.opts = opts;
    /** @type {Map<string, Captcha>} */
    this.live = new Map();
  }

  reset() {
    this.live.clear();
  }

  /** @returns {{captchaToken: string, captchaCodeSvg: string, code: string}} */
  issue() {
    const now = this.opts.now();
    for (const [token, c] of this.live) if (c.used || c.expiresAt <= now) this.live.delete(token);
    // Bounded: the oldest go first when a client asks for images in a loop.
    while (this.live.size >= MAX_LIVE) this.live.delete(/** @type {string} */ (this.live.keys().next().value));
    const code = Array.from({ length: LENGTH }, () => ALPHABET[crypto.randomInt(0, ALPHABET.length)]).join('');
    const captchaToken = crypto.randomBytes(24).toString('base64url');
    this.live.set(captchaToken, { code, expiresAt: now + this.opts.ttl * 1000, used: false });
    return { captchaToken, captchaCodeSvg: drawSvg(code), code };
  }

  /**
   * The code of a live captcha, for /__dev/captcha (tests and the preview solve it there).
   * @param {string} token
   */
  peek(token) {
    const c = this.live.get(token);
    return c && !c.used && c.expiresAt > this.opts.now() ? c.code : null;
  }

  /**
   * Checks and uses up a captcha; throws 400 / 2001 when it is wrong, used, expired or unknown.
   * @param {string} token
   * @param {string} code
   */
  consume(token, code) {
    const c = this.live.get(token);
    if (!c || c.used || c.expiresAt <= this.opts.now()) throw new ApiError(400, API_CODES.PASSCODE_INVALID, CAPTCHA_STALE);
    c.used = true;
    if (code.trim().toUpperCase() !== c.code) throw new ApiError(400, API_CODES.PASSCODE_INVALID, CAPTCHA_INVALID);
  }
}

module.exports = { Captchas };
