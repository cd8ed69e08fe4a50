// Authing's defences in the <authing-login> flow (core/flows/sign-in-guard.ts): the captcha after repeated
// wrong passwords, "tries left", the lock and "too frequent" — the REAL client against an isolated devserver
// configured with small limits (captcha after 2 failures, lock after 4), over HTTP.
require('../../../miniprogram_dist/journey'); // the captcha method, as the login component requires it
const { call } = require('../../helpers/server');
const { LoginForm } = require('../../helpers/kit').internal('core/flows/login-form');
const { readGuardNotice, guardNoticeText, clockTime } = require('../../helpers/kit').internal('core/flows/sign-in-guard');
const { useFlowServer } = require('./flow-host');

const DEMO = { username: 'demo', password: 'Demo@123456' };
const LIMITS = { captchaAfter: 2, lockoutAfter: 4, clientCaptchaAfter: 0 };

const env = useFlowServer({ devOptions: LIMITS, shimOpenid: 'guard-openid' });
beforeEach(() => call(env.srv.url, 'POST', '/__dev/reset')); // forget failures and locks

function makeForm() {
  const c = env.client();
  const rec = { changes: 0, events: [], notices: [] };
  const form = new LoginForm({
    getClient: () => c,
    onChange: () => { rec.changes += 1; },
    emit: (name, detail) => rec.events.push({ name, detail }),
    notify: (n) => rec.notices.push(n),
    message: (key) => `msg:${key}`,
  }, { fetchUserInfo: false });
  form.rec = rec;
  return { form, rec };
}

/** The last failure the form reported (its `error` event; the flow shows it on a field or as a toast). */
const failure = (form) => {
  const ev = form.rec.events.filter((e) => e.name === 'error').pop();
  return ev ? ev.detail.error : null;
};

const since = (mark, path) => env.srv.requests.slice(mark).filter((r) => r.path === path);
const lastSignIn = (mark) => JSON.parse(since(mark, '/api/v3/signin').pop().body);
/** The code of the image the server issued last (the form's current one). */
const liveCaptcha = () => call(env.srv.url, 'GET', '/__dev/captcha').then((r) => r.json);
const svgOf = (src) => decodeURIComponent(src.replace(/^data:image\/svg\+xml;charset=utf-8,/, ''));

async function wrongPassword(form) {
  form.input('account', DEMO.username);
  form.input('password', 'not-the-password');
  await form.submit();
  return failure(form);
}

describe('captcha', () => {
  test('after N wrong passwords the captcha appears; wrong code refused with a new image; the right one logs in', async () => {
    const { form, rec } = makeForm();
    expect(form.signIn).toEqual({ captcha: false, captchaSrc: '', captchaLoading: false, notice: null });
    const first = await wrongPassword(form);
    expect(first.apiCode).toBe(2333);
    expect(form.signIn.notice).toMatchObject({ kind: 'tries-left', remainCount: 3 });
    await wrongPassword(form);
    expect(form.signIn.notice).toMatchObject({ kind: 'tries-left', remainCount: 2 });
    expect(form.signIn.captcha).toBe(false);

    // The third try is answered "captcha required": the image is there when the failure renders.
    form.input('password', 'still-wrong'); // clears the shown failure (one render)
    let mark = env.srv.requests.length;
    const changes = rec.changes;
    await form.submit();
    const required = failure(form);
    expect(required.apiCode).toBe(2000);
    expect(rec.changes - changes).toBe(2); // busy, then settled (image included)
    expect(form.signIn).toMatchObject({ captcha: true, captchaLoading: false, notice: { kind: 'captcha-required', error: required } });
    expect(since(mark, '/api/v3/get-captcha-code')).toHaveLength(1);
    const image1 = await liveCaptcha();
    expect(svgOf(form.signIn.captchaSrc)).toContain('<svg');
    expect(rec.events.pop()).toEqual({ name: 'error', detail: { action: 'login', method: 'password', code: 'server', message: required.message, error: required } });
    expect(form.value('account')).toBe(DEMO.username);
    expect(form.value('password')).toBe('still-wrong');

    // The code is required before any request.
    form.input('password', DEMO.password);
    mark = env.srv.requests.length;
    await form.submit();
    expect(form.state.errors.captcha).toEqual({ key: 'required', params: { field: 'captcha' } });
    expect(env.srv.requests.length).toBe(mark);

    // A wrong code: refused (2001), the code is sent with the image's token, a new image replaces it.
    form.input('captcha', ' WRONG '); // sent trimmed
    await form.submit();
    expect(lastSignIn(mark).options).toEqual({ captchaCode: 'WRONG', captchaToken: image1.captchaToken });
    expect(failure(form).apiCode).toBe(2001);
    expect(form.signIn.notice.kind).toBe('captcha-wrong');
    const image2 = await liveCaptcha();
    expect(image2.captchaToken).not.toBe(image1.captchaToken);
    expect(form.value('captcha')).toBe('');
    expect(form.value('password')).toBe(DEMO.password);

    // The right code (any case) with the right password logs in; the captcha is gone.
    form.input('captcha', image2.code.toLowerCase());
    mark = env.srv.requests.length;
    await form.submit();
    expect(lastSignIn(mark).options).toEqual({ captchaCode: image2.code.toLowerCase(), captchaToken: image2.captchaToken });
    expect(rec.events.pop().name).toBe('login');
    expect(form.signIn).toEqual({ captcha: false, captchaSrc: '', captchaLoading: false, notice: null });
  });

  test('a wrong password with the right captcha: still "tries left", and a fresh image for the next try', async () => {
    const { form } = makeForm();
    for (let i = 0; i < 3; i++) await wrongPassword(form);
    expect(form.signIn.captcha).toBe(true);
    const image = await liveCaptcha();
    form.input('captcha', image.code);
    await wrongPassword(form);
    expect(failure(form).apiCode).toBe(2333);
    expect(form.signIn.notice).toMatchObject({ kind: 'tries-left', remainCount: 1 });
    expect((await liveCaptcha()).captchaToken).not.toBe(image.captchaToken);
  });

  test('the refresh tap: a new image, the typed code cleared, one render now and one when it arrives', async () => {
    const { form, rec } = makeForm();
    for (let i = 0; i < 3; i++) await wrongPassword(form);
    const before = await liveCaptcha();
    form.input('captcha', 'abcd');
    const changes = rec.changes;
    const mark = env.srv.requests.length;
    const refreshing = form.refreshCaptcha();
    expect(form.signIn).toMatchObject({ captchaLoading: true, captchaSrc: '' }); // the old image goes at once
    expect(form.value('captcha')).toBe('');
    await refreshing;
    expect(rec.changes - changes).toBe(2);
    expect(since(mark, '/api/v3/get-captcha-code')).toHaveLength(1);
    expect(form.signIn.captchaLoading).toBe(false);
    expect((await liveCaptcha()).captchaToken).not.toBe(before.captchaToken);
  });

  test('an image that cannot load leaves the field with no image; the tap retries', async () => {
    const { form } = makeForm();
    for (let i = 0; i < 2; i++) await wrongPassword(form);
    await call(env.srv.url, 'POST', '/__dev/faults', { path: '/api/v3/get-captcha-code', count: 1, kind: 'html500' });
    await wrongPassword(form);
    expect(failure(form).apiCode).toBe(2000); // the sign-in's answer is what shows
    expect(form.signIn).toMatchObject({ captcha: true, captchaSrc: '' });
    await form.refreshCaptcha();
    expect(form.signIn.captchaSrc).toMatch(/^data:image\/svg\+xml/);
    // Another failed load: the code typed for it goes without the previous image's token.
    await call(env.srv.url, 'POST', '/__dev/faults', { path: '/api/v3/get-captcha-code', count: 1, kind: 'html500' });
    await form.refreshCaptcha();
    expect(form.signIn.captchaSrc).toBe('');
    form.input('captcha', 'abcd');
    const mark = env.srv.requests.length;
    await form.submit();
    expect(lastSignIn(mark).options).toEqual({});
  });
});

describe('lockout', () => {
  test('"tries left" counts down, then the lock with its unlock time; the right password is refused while locked', async () => {
    const { form, rec } = makeForm();
    const left = [];
    for (let i = 0; i < 3; i++) {
      if (form.signIn.captcha) form.input('captcha', (await liveCaptcha()).code);
      await wrongPassword(form);
      left.push(form.signIn.notice.kind === 'tries-left' ? form.signIn.notice.remainCount : form.signIn.notice.kind);
    }
    // The third try asked for the captcha instead of counting.
    expect(left).toEqual([3, 2, 'captcha-required']);
    form.input('captcha', (await liveCaptcha()).code);
    await wrongPassword(form);
    expect(form.signIn.notice).toMatchObject({ kind: 'tries-left', remainCount: 1 });
    form.input('captcha', (await liveCaptcha()).code);
    const before = Date.now();
    const locked = await wrongPassword(form);
    expect(locked.apiCode).toBe(2057);
    expect(locked.statusCode).toBe(403);
    const { notice } = form.signIn;
    expect(notice.kind).toBe('locked');
    // The server's lockoutSeconds (600) from now.
    expect(notice.unlockAt).toBeGreaterThanOrEqual(before + 599000);
    expect(notice.unlockAt).toBeLessThanOrEqual(Date.now() + 600000);
    expect(form.signIn).toMatchObject({ captcha: false, captchaSrc: '' }); // the lock resets the count: no image to solve
    expect(rec.events.pop()).toMatchObject({ name: 'error', detail: { action: 'login', method: 'password', code: 'server', error: locked } });
    // Locked: even the right password is refused with the lock.
    form.input('password', DEMO.password);
    const retry = env.srv.requests.length;
    await form.submit();
    expect(lastSignIn(retry).options).toEqual({}); // the last image's token is not sent once the captcha is gone
    expect(failure(form).apiCode).toBe(2057);
    expect(form.signIn.notice.kind).toBe('locked');
    expect(form.value('account')).toBe(DEMO.username);
  });
});

describe('other actions', () => {
  test('a failed SMS login while the password form shows a captcha leaves the captcha alone', async () => {
    const { form } = makeForm();
    for (let i = 0; i < 3; i++) await wrongPassword(form);
    expect(form.signIn.captcha).toBe(true);
    const src = form.signIn.captchaSrc;
    form.input('captcha', 'abcd');
    form.selectMethod('sms');
    form.input('phone', '13912340002');
    form.input('code', '000000');
    const mark = env.srv.requests.length;
    await form.submit();
    expect(failure(form).apiCode).not.toBeUndefined();
    expect(since(mark, '/api/v3/get-captcha-code')).toHaveLength(0);
    expect(form.signIn).toMatchObject({ captcha: true, captchaSrc: src, notice: null });
    expect(form.value('captcha')).toBe('abcd');
  });

  test('only password sign-ins are read: a wrong SMS code (2001) and a code send\'s 429 keep the server\'s wording', async () => {
    const phone = '13912340001';
    const one = makeForm().form;
    one.selectMethod('sms');
    one.input('phone', phone);
    await one.sendCode();
    expect(failure(one)).toBeNull();
    one.input('code', '000000');
    await one.submit();
    expect(failure(one).apiCode).toBe(2001);
    expect(one.signIn.notice).toBeNull();
    // Another form (its own countdown) sends to the same number at once: the server's cooldown answers 429.
    const two = makeForm().form;
    two.selectMethod('sms');
    two.input('phone', phone);
    await two.sendCode();
    expect(failure(two).statusCode).toBe(429);
    expect(two.signIn.notice).toBeNull();
  });
});

describe('reading the answers', () => {
  const NOW = Date.UTC(2026, 0, 2, 3, 4, 5);
  const err = (fields) => ({ message: 'm', code: 'server', ...fields });

  test('the code is taken from apiCode or statusCode', () => {
    expect(readGuardNotice(err({ apiCode: 2000 }), NOW).kind).toBe('captcha-required');
    expect(readGuardNotice(err({ statusCode: 2000 }), NOW).kind).toBe('captcha-required');
    expect(readGuardNotice(err({ statusCode: 2001 }), NOW).kind).toBe('captcha-wrong');
    expect(readGuardNotice(err({ statusCode: 400, apiCode: 2005 }), NOW).kind).toBe('locked');
    expect(readGuardNotice(err({ statusCode: 429 }), NOW)).toMatchObject({ kind: 'throttled', retryAfter: 0 });
    expect(readGuardNotice(err({ statusCode: 429, data: { retryAfter: 30 } }), NOW)).toMatchObject({ kind: 'throttled', retryAfter: 30 });
    expect(readGuardNotice(err({ apiCode: 2333, data: { remainCount: '2' } }), NOW)).toMatchObject({ kind: 'tries-left', remainCount: 2 });
    expect(readGuardNotice(err({ apiCode: 2333 }), NOW)).toBeNull();
  });

  test('the unlock time: retryAfter (seconds) first, else unlockTime in ms, seconds or a date string', () => {
    const at = (data) => readGuardNotice(err({ apiCode: 2057, data }), NOW).unlockAt;
    expect(at({ retryAfter: 90, unlockTime: 1 })).toBe(NOW + 90000);
    expect(at({ unlockTime: NOW + 5000 })).toBe(NOW + 5000);
    expect(at({ unlockTime: (NOW + 7000) / 1000 })).toBe(NOW + 7000);
    expect(at({ unlockTime: new Date(NOW + 60000).toISOString() })).toBe(NOW + 60000);
    expect(at({})).toBe(0);
    expect(at(undefined)).toBe(0);
  });

  test('the texts: counts, clock time and minutes, and the fallbacks without a time', () => {
    const text = (key, params) => `${key}${params ? JSON.stringify(params) : ''}`;
    const e = err({});
    const local = new Date(NOW + 125000);
    const hm = `${String(local.getHours()).padStart(2, '0')}:${String(local.getMinutes()).padStart(2, '0')}`;
    expect(guardNoticeText({ kind: 'tries-left', error: e, remainCount: 1 }, text, NOW)).toBe('wrongPasswordRemain{"remainCount":1}');
    expect(guardNoticeText({ kind: 'locked', error: e, unlockAt: NOW + 125000 }, text, NOW)).toBe(`lockedUntil{"time":"${clockTime(NOW + 125000, NOW)}","minutes":3}`);
    expect(clockTime(NOW + 125000, NOW)).toMatch(new RegExp(`${hm}$`));
    expect(guardNoticeText({ kind: 'locked', error: e, unlockAt: 0 }, text, NOW)).toBe('locked');
    expect(guardNoticeText({ kind: 'locked', error: e, unlockAt: NOW - 1 }, text, NOW)).toBe('locked');
    expect(guardNoticeText({ kind: 'throttled', error: e, retryAfter: 0 }, text, NOW)).toBe('throttled');
    expect(guardNoticeText({ kind: 'throttled', error: e, retryAfter: 9 }, text, NOW)).toBe('throttledFor{"seconds":9}');
    expect(guardNoticeText({ kind: 'captcha-required', error: e }, text, NOW)).toBe('captchaRequired');
    expect(guardNoticeText({ kind: 'captcha-wrong', error: e }, text, NOW)).toBe('captchaWrong');
    // Another day: the date too.
    expect(clockTime(NOW + 3 * 86400000, NOW)).toMatch(/^\d\d-\d\d \d\d:\d\d$/);
  });
});
