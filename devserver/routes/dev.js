// @ts-check
'use strict';

const { ApiError } = require('../envelope');
const { API_CODES } = require('../api-codes');
const v = require('../validate');
const { phoneTarget, emailTarget } = require('../sms');
const { msg } = require('../i18n');

// ±10 years: far enough for any expiry test, near enough that dates stay printable.
const MAX_CLOCK_OFFSET_MS = 10 * 365 * 24 * 3600 * 1000;

/**
 * @typedef {import('../index').App} App
 * @typedef {import('../index').RequestContext} RequestContext
 * @typedef {import('../sms').Message} Message
 */

/** @param {any} json */
const ok = (json) => ({ status: 200, json });

/** @param {Record<string, any>} body */
function openidOf(body) {
  const openid = v.optionalString(body, 'openid') || 'dev-openid-1';
  if (openid.length > 128) throw v.invalid(msg('openid 最多 128 个字符', 'openid must be at most 128 characters'));
  return openid;
}

/** @param {App} app @param {Message} m */
function messageView(app, m) {
  const [kind, a, b] = m.target.split(':');
  const who = kind === 'phone' ? { phone: b, phoneCountryCode: a } : { email: m.target.slice('email:'.length) };
  return {
    ...who, channel: m.channel, code: m.code, sentAt: m.sentAt, expiresAt: m.expiresAt,
    used: m.used, expired: m.expiresAt <= app.now(),
  };
}

/**
 * Inbox filter from the query: ?phone=…[&phoneCountryCode=86] or ?email=….
 * @param {URLSearchParams} q
 * @returns {string|undefined}
 */
function targetFromQuery(q) {
  const phone = q.get('phone');
  if (phone) {
    const cc = v.normalizeCountryCode(q.get('phoneCountryCode') || '+86');
    if (!cc) throw v.invalid(msg('phoneCountryCode 无效', 'phoneCountryCode is invalid'));
    return phoneTarget(phone, cc);
  }
  const email = q.get('email');
  return email ? emailTarget(email) : undefined;
}

/**
 * @param {App} app
 * @param {URLSearchParams} q
 * @param {'phone'|'email'} kind
 */
function latest(app, q, kind) {
  const target = targetFromQuery(q);
  if (!target) throw v.required(`${kind} query parameter`);
  const channel = q.get('channel');
  const found = app.inbox.list(target).find((m) => !channel || m.channel === channel);
  const who = target.slice(target.indexOf(':') + 1);
  if (!found) {
    throw new ApiError(404, API_CODES.NOT_FOUND,
      msg(`没有发给 ${who}${channel ? `（${channel}）` : ''} 的验证码`, `no code sent to ${who}${channel ? ` on ${channel}` : ''}`));
  }
  return ok(messageView(app, found));
}

/**
 * Dev-only controls under /__dev/ (WeChat simulation, inboxes, clock, faults,
 * request log, reset). Not part of the Authing contract.
 * @param {import('../router').Router} router
 * @param {App} app
 */
function register(router, app) {
  router.add('POST', '/__dev/wx/login', (ctx) => ok({ code: app.wechat.login(openidOf(ctx.body)) }));

  router.add('POST', '/__dev/wx/user-info', (ctx) => ok(app.wechat.userInfo(openidOf(ctx.body), {
    nickName: v.optionalString(ctx.body, 'nickName'),
    avatarUrl: v.optionalString(ctx.body, 'avatarUrl'),
  })));

  router.add('POST', '/__dev/wx/phone-code', (ctx) => {
    const phoneNumber = v.optionalString(ctx.body, 'phoneNumber') || '13800000001';
    const countryCode = (v.optionalString(ctx.body, 'countryCode') || '86').replace(/^\+/, '');
    if (!/^\d{1,4}$/.test(countryCode)) throw v.invalid(msg('countryCode 必须是 1-4 位数字', 'countryCode must be 1-4 digits'));
    if (!v.isPhone(phoneNumber, `+${countryCode}`)) throw v.invalid(msg(`phoneNumber 无效：${phoneNumber}`, `invalid phoneNumber: ${phoneNumber}`));
    return ok({ code: app.wechat.phoneCode(phoneNumber, countryCode) });
  });

  /** @param {RequestContext} ctx */
  const inbox = (ctx) => ok({ messages: app.inbox.list(targetFromQuery(ctx.query)).map((m) => messageView(app, m)) });
  router.add('GET', '/__dev/sms', inbox);
  router.add('GET', '/__dev/email', inbox);
  router.add('GET', '/__dev/sms/latest', (ctx) => latest(app, ctx.query, 'phone'));
  router.add('GET', '/__dev/email/latest', (ctx) => latest(app, ctx.query, 'email'));

  const clock = () => ok({ now: app.now(), offsetMs: app.clockOffset });
  router.add('GET', '/__dev/clock', clock);
  router.add('POST', '/__dev/clock', (ctx) => {
    const { advanceMs } = ctx.body;
    if (typeof advanceMs !== 'number' || !Number.isFinite(advanceMs)) throw v.invalid(msg('advanceMs 必须是数字', 'advanceMs must be a number'));
    const offset = app.clockOffset + Math.trunc(advanceMs);
    if (Math.abs(offset) > MAX_CLOCK_OFFSET_MS) {
      throw v.invalid(msg(`时钟偏移不能超过 ±${MAX_CLOCK_OFFSET_MS} 毫秒（10 年）`,
        `the clock offset must stay within ±${MAX_CLOCK_OFFSET_MS} ms (10 years)`));
    }
    app.clockOffset = offset;
    return clock();
  });

  // The code of a captcha image, so tests and the preview can solve it (?token=… or the newest).
  router.add('GET', '/__dev/captcha', (ctx) => {
    const token = ctx.query.get('token') || [...app.captchas.live.keys()].pop();
    const code = token ? app.captchas.peek(token) : null;
    if (!token || !code) throw new ApiError(404, API_CODES.NOT_FOUND, msg('没有有效的图形验证码', 'no live captcha'));
    return ok({ captchaToken: token, code });
  });

  router.add('GET', '/__dev/faults', () => ok({ faults: app.faults.pending.map((f) => ({ ...f })) }));
  router.add('POST', '/__dev/faults', (ctx) => ok({ fault: app.faults.add(ctx.body) }));
  router.add('DELETE', '/__dev/faults', () => {
    app.faults.clear();
    return ok({ cleared: true });
  });

  router.add('GET', '/__dev/requests', () => ok(app.requests));
  router.add('DELETE', '/__dev/requests', () => {
    app.requests.length = 0;
    return ok({ cleared: true });
  });

  router.add('GET', '/__dev/uploads', () => ok({
    uploads: Object.entries(app.store.state.uploads).map(([key, meta]) => ({ key, ...meta })),
  }));

  router.add('POST', '/__dev/reset', async () => {
    await app.reset();
    return ok({ reset: true });
  });

  router.add('GET', '/__dev/config', () => ok({
    appId: app.config.appId,
    userPoolId: app.config.userPoolId,
    wechatIdpIdentifier: app.config.wechatIdpIdentifier,
    wechatAppId: app.config.wechatAppId,
    url: app.url,
  }));
}

module.exports = { register };
