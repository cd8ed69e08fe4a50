// @ts-check
'use strict';

const crypto = require('crypto');
const { ApiError } = require('./envelope');
const { API_CODES } = require('./api-codes');
const { msg } = require('./i18n');

/**
 * Simulates the WeChat side: wx.login codes, code2session, session_key
 * rotation, encrypted user data and getPhoneNumber codes. It reproduces the
 * failure modes the client has to survive (used / stale codes, data
 * encrypted under a rotated session_key).
 *
 * @typedef {{openid: string, sessionKey: string, expiresAt: number, used: boolean}} LoginCode
 * @typedef {{phoneNumber: string, countryCode: string, expiresAt: number, used: boolean}} PhoneCode
 */

class WechatSim {
  /** @param {{now: () => number, codeTtl: number, wechatAppId: string}} opts */
  constructor(opts) {
    this.opts = opts;
    /** @type {Map<string, string>} openid -> current session_key (base64, 16 bytes) */
    this.sessions = new Map();
    /** @type {Map<string, LoginCode>} */
    this.loginCodes = new Map();
    /** @type {Map<string, PhoneCode>} */
    this.phoneCodes = new Map();
  }

  reset() {
    this.sessions.clear();
    this.loginCodes.clear();
    this.phoneCodes.clear();
  }

  /** @param {string} openid */
  rotateSession(openid) {
    const key = crypto.randomBytes(16).toString('base64');
    this.sessions.set(openid, key);
    return key;
  }

  /**
   * wx.login: a fresh single-use code. Like WeChat, every new code rotates the
   * session_key; older unused codes stay valid but carry the key of their time.
   * @param {string} openid
   */
  login(openid) {
    const sessionKey = this.rotateSession(openid);
    const code = crypto.randomBytes(16).toString('hex');
    this.loginCodes.set(code, { openid, sessionKey, expiresAt: this.opts.now() + this.opts.codeTtl * 1000, used: false });
    return code;
  }

  /**
   * What wx.getUserProfile / getUserInfo hands the mini-program: data encrypted
   * under the openid's current session_key.
   * @param {string} openid
   * @param {{nickName?: string, avatarUrl?: string}} [profile]
   */
  userInfo(openid, profile = {}) {
    const sessionKey = this.sessions.get(openid) || this.rotateSession(openid);
    const info = {
      nickName: profile.nickName || '微信用户',
      gender: 0,
      language: 'zh_CN',
      city: '',
      province: '',
      country: '',
      avatarUrl: profile.avatarUrl || '',
    };
    const rawData = JSON.stringify(info);
    const payload = JSON.stringify({
      openId: openid,
      ...info,
      watermark: { appid: this.opts.wechatAppId, timestamp: Math.floor(this.opts.now() / 1000) },
    });
    const iv = crypto.randomBytes(16);
    const cipher = crypto.createCipheriv('aes-128-cbc', Buffer.from(sessionKey, 'base64'), iv);
    const encryptedData = Buffer.concat([cipher.update(payload, 'utf8'), cipher.final()]).toString('base64');
    const signature = crypto.createHash('sha1').update(rawData + sessionKey).digest('hex');
    return { encryptedData, iv: iv.toString('base64'), rawData, signature };
  }

  /**
   * @param {string} phoneNumber national number
   * @param {string} countryCode digits, e.g. '86'
   */
  phoneCode(phoneNumber, countryCode) {
    const code = crypto.randomBytes(16).toString('hex');
    this.phoneCodes.set(code, { phoneNumber, countryCode, expiresAt: this.opts.now() + this.opts.codeTtl * 1000, used: false });
    return code;
  }

  /**
   * The server-side code2session exchange. Burns the code.
   * @param {string} code
   * @returns {{openid: string, sessionKey: string}}
   */
  code2session(code) {
    const rec = this.loginCodes.get(code);
    if (!rec) throw codeError(msg('code 无效 (40029)', 'invalid code (40029)'));
    if (rec.used) throw codeError(msg('code 已被使用 (40163)', 'code been used (40163)'));
    rec.used = true;
    if (rec.expiresAt <= this.opts.now()) throw codeError(msg('code 已过期，请重新调用 wx.login (40029)', 'code expired, call wx.login again (40029)'));
    return { openid: rec.openid, sessionKey: rec.sessionKey };
  }

  /**
   * AES-128-CBC / PKCS#7 with key = base64-decoded session_key, as WeChat does.
   * @param {string} sessionKey
   * @param {unknown} encryptedData
   * @param {unknown} iv
   * @returns {Record<string, any>}
   */
  decrypt(sessionKey, encryptedData, iv) {
    if (typeof encryptedData !== 'string' || typeof iv !== 'string') {
      throw decryptError(msg('encryptedData 和 iv 必须都是 base64 字符串', 'encryptedData and iv must both be base64 strings'));
    }
    const ivBytes = Buffer.from(iv, 'base64');
    if (ivBytes.length !== 16) throw decryptError(msg('iv 必须是 16 字节（base64）', 'iv must be 16 bytes (base64)'));
    let data;
    try {
      const decipher = crypto.createDecipheriv('aes-128-cbc', Buffer.from(sessionKey, 'base64'), ivBytes);
      const plain = Buffer.concat([decipher.update(Buffer.from(encryptedData, 'base64')), decipher.final()]);
      data = JSON.parse(plain.toString('utf8'));
    } catch {
      throw decryptError(msg('数据不是用这个 code 的 session_key 加密的（session_key 已轮换？请在 wx.login 之后再获取 encryptedData）',
        'the data was not encrypted with the session_key of this code '
        + '(session_key rotated? get encryptedData after wx.login, not before)'));
    }
    if (!data || data.watermark?.appid !== this.opts.wechatAppId) {
      throw decryptError(msg(`watermark 中的 appid 与 ${this.opts.wechatAppId} 不符`, `watermark appid does not match ${this.opts.wechatAppId}`));
    }
    return data;
  }

  /**
   * getPhoneNumber code → phone. Burns the code.
   * @param {string} code
   * @returns {{phoneNumber: string, countryCode: string}}
   */
  takePhone(code) {
    const rec = this.phoneCodes.get(code);
    const fail = (/** @type {import('./i18n').Msg} */ why) => new ApiError(400, API_CODES.WECHAT_PHONE_CODE_INVALID,
      msg(`微信手机号 code ${why.zh}`, `wechat phone code ${why.en}`));
    if (!rec) throw fail(msg('无效', 'is invalid'));
    if (rec.used) throw fail(msg('已使用', 'has already been used'));
    rec.used = true;
    if (rec.expiresAt <= this.opts.now()) throw fail(msg('已过期', 'has expired'));
    return { phoneNumber: rec.phoneNumber, countryCode: rec.countryCode };
  }
}

/** @param {import('./i18n').Msg} why */
function codeError(why) {
  return new ApiError(400, API_CODES.WECHAT_CODE_INVALID, msg(`微信 code2session 失败：${why.zh}`, `wechat code2session failed: ${why.en}`));
}

/** @param {import('./i18n').Msg} why */
function decryptError(why) {
  return new ApiError(400, API_CODES.WECHAT_DECRYPT_FAILED, msg(`encryptedData 解密失败：${why.zh}`, `encryptedData decryption failed: ${why.en}`));
}

module.exports = { WechatSim };
