// <authing-login> against Authing's defences: the captcha after repeated wrong passwords, "tries left",
// the lock and "too frequent" — rendered by miniprogram-simulate with real tdesign children, driven like a
// user, against an isolated devserver with small limits (captcha after 2 failures, lock after 4) over HTTP.
const { simulate, loadKitComponent, mount, bindings, userActions, checkEventVocabulary } = require('../helpers/mp');
const { until } = require('../helpers/until');
const { startDevServer, call } = require('../helpers/server');
const core = require('../../miniprogram_dist/index');

checkEventVocabulary();

const DEMO = { username: 'demo', password: 'Demo@123456' };
const EVENTS = ['login', 'error'];
const LIMITS = { captchaAfter: 2, lockoutAfter: 4, clientCaptchaAfter: 0 };

let srv;
let tag;
const mounted = [];
beforeAll(async () => {
  srv = await startDevServer(LIMITS);
  tag = loadKitComponent('login');
});
afterAll(() => srv.close());
beforeEach(async () => {
  wx.__control.storage.clear();
  await call(srv.url, 'POST', '/__dev/reset'); // forget failures and locks
});
afterEach(() => {
  while (mounted.length) mounted.pop().detach();
  core.setDefaultClient(undefined);
});

function render(extra = '', data = {}) {
  const props = `app-id="${srv.config.appId}" user-pool-id="${srv.config.userPoolId}" host="${srv.url}" fetch-user-info="{{false}}"`;
  const { host, events } = mount({ 'authing-login': tag }, `<authing-login id="login" ${props} ${extra} ${bindings(EVENTS)} />`, { events: EVENTS, data });
  mounted.push(host);
  const login = host.querySelector('#login');
  const ui = { host, login, events, ...userActions(host, login, events), data: () => login.instance.data };
  /** Taps the main button and waits for the answer's event. */
  ui.submit = async () => {
    const n = events.length;
    await ui.tap('authing-submit-password');
    await until(() => events.length > n, 'an event');
    await simulate.sleep(0);
    return events[events.length - 1];
  };
  ui.captchaTap = async () => {
    ui.q('authing-captcha-refresh').dispatchEvent('tap');
    await until(() => !ui.data().captchaLoading && ui.data().captchaSrc, 'the image');
  };
  return ui;
}

const liveCaptcha = () => call(srv.url, 'GET', '/__dev/captcha').then((r) => r.json);
const signIns = (mark) => srv.requests.slice(mark).filter((r) => r.path === '/api/v3/signin').map((r) => JSON.parse(r.body));

async function typeWrong(ui) {
  await ui.type('authing-account', DEMO.username);
  await ui.type('authing-password', 'not-the-password');
}

test('after N wrong passwords the captcha appears; a wrong code is refused with a new image; the right one logs in; the typed input stays', async () => {
  const ui = render();
  await typeWrong(ui);
  expect(ui.q('authing-captcha')).toBeUndefined();
  let ev = await ui.submit();
  expect(ev.detail.error.apiCode).toBe(2333);
  // About the password: on that field only (one failure display).
  expect(ui.data().errPassword).toBe('账号或密码错误，还可尝试 3 次');
  expect(ui.q('authing-password').data.tips).toBe('账号或密码错误，还可尝试 3 次');
  await ui.submit();
  expect(ui.data().errPassword).toBe('账号或密码错误，还可尝试 2 次');
  expect(ui.q('authing-captcha')).toBeUndefined();

  ev = await ui.submit();
  expect(ev).toMatchObject({ name: 'error', detail: { action: 'login', method: 'password', code: 'server', error: { apiCode: 2000 } } });
  expect(ev.detail.message).toBe(ev.detail.error.message);
  expect(ui.q('authing-captcha')).toBeTruthy();
  expect(ui.q('authing-toast').data.message).toBe('登录失败次数较多，请输入图形验证码');
  expect(ui.text()).toContain('登录失败次数较多，请输入图形验证码');
  const image1 = await liveCaptcha();
  const src1 = ui.data().captchaSrc;
  expect(ui.q('authing-captcha-image')).toBeTruthy();
  expect(decodeURIComponent(src1.split(',').slice(1).join(','))).toContain('<svg');
  expect(ui.value('authing-account')).toBe(DEMO.username);
  expect(ui.value('authing-password')).toBe('not-the-password');

  // No code: asked for in place, no request.
  await ui.type('authing-password', DEMO.password);
  let mark = srv.requests.length;
  await ui.tap('authing-submit-password');
  expect(ui.q('authing-captcha').data.tips).toBe('请输入图形验证码');
  expect(srv.requests.length).toBe(mark);

  // A wrong code: refused, a new image, the code field emptied, account and password kept.
  await ui.type('authing-captcha', 'zzzz');
  ev = await ui.submit();
  expect(signIns(mark)[0].options).toEqual({ captchaCode: 'zzzz', captchaToken: image1.captchaToken });
  expect(ev.detail.error.apiCode).toBe(2001);
  expect(ui.data().errCaptcha).toBe('图形验证码错误，请输入新图中的字符');
  const image2 = await liveCaptcha();
  expect(image2.captchaToken).not.toBe(image1.captchaToken);
  expect(ui.data().captchaSrc).not.toBe(src1);
  expect(ui.value('authing-captcha')).toBe('');
  expect(ui.value('authing-account')).toBe(DEMO.username);
  expect(ui.value('authing-password')).toBe(DEMO.password);

  // The right code with the right password.
  await ui.type('authing-captcha', image2.code);
  mark = srv.requests.length;
  ev = await ui.submit();
  expect(ev.name).toBe('login');
  expect(signIns(mark)[0].options).toEqual({ captchaCode: image2.code, captchaToken: image2.captchaToken });
  expect(ui.q('authing-captcha')).toBeUndefined();
});

test('the image is its own refresh button: a new image, the typed code cleared', async () => {
  const ui = render();
  await typeWrong(ui);
  for (let i = 0; i < 3; i++) await ui.submit();
  const before = await liveCaptcha();
  const src = ui.data().captchaSrc;
  await ui.type('authing-captcha', 'abcd');
  await ui.captchaTap();
  expect((await liveCaptcha()).captchaToken).not.toBe(before.captchaToken);
  expect(ui.data().captchaSrc).not.toBe(src);
  expect(ui.value('authing-captcha')).toBe('');
});

test('"tries left" before the lock, then the locked message with its unlock time (English, overridable texts)', async () => {
  const texts = { wrongPasswordRemain: 'Careful: {remainCount} left' };
  const ui = render('lang="en-US" texts="{{texts}}"', { texts });
  await typeWrong(ui);
  await ui.submit();
  expect(ui.data().errPassword).toBe('Careful: 3 left');
  await ui.submit();
  expect(ui.data().errPassword).toBe('Careful: 2 left');
  await ui.submit();
  expect(ui.q('authing-toast').data.message).toBe('Too many failed attempts. Please enter the captcha.');
  await ui.type('authing-captcha', (await liveCaptcha()).code);
  await ui.submit();
  expect(ui.data().errPassword).toBe('Careful: 1 left');
  await ui.type('authing-captcha', (await liveCaptcha()).code);
  const ev = await ui.submit();
  expect(ev.detail).toMatchObject({ action: 'login', method: 'password', code: 'server', error: { apiCode: 2057, statusCode: 403 } });
  const unlock = new Date(Date.now() + ev.detail.error.data.retryAfter * 1000);
  const hm = `${String(unlock.getHours()).padStart(2, '0')}:${String(unlock.getMinutes()).padStart(2, '0')}`;
  const locked = ui.q('authing-toast').data.message;
  expect(locked).toMatch(/^Too many wrong passwords: the account is locked until \d\d:\d\d \(about 10 min\)\.$/);
  // Within a minute of the server's unlock time (the test may cross a minute boundary).
  const shown = locked.match(/until (\d\d:\d\d)/)[1];
  const toMin = (s) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3));
  expect(Math.abs(toMin(shown) - toMin(hm)) % (24 * 60)).toBeLessThanOrEqual(1);
  expect(ui.q('authing-captcha')).toBeUndefined();
  expect(ui.value('authing-account')).toBe(DEMO.username);
  expect(ui.value('authing-password')).toBe('not-the-password');
  expect(ui.q('authing-submit-password').data.disabled).toBe(false);
});

test('"too frequent" (an envelope whose statusCode alone says 429) is localized; then the same form logs in', async () => {
  const ui = render();
  await ui.type('authing-account', DEMO.username);
  await ui.type('authing-password', DEMO.password);
  await call(srv.url, 'POST', '/__dev/faults', { path: '/api/v3/signin', count: 1, kind: 'envelope', status: 429, body: 'Too Many Requests' });
  let ev = await ui.submit();
  expect(ev.detail.error.statusCode).toBe(429);
  expect(ev.detail.error.apiCode).toBe(9999); // the injected envelope's: the meaning is read from statusCode
  expect(ui.q('authing-toast').data.message).toBe('操作过于频繁，请稍后再试');
  ev = await ui.submit();
  expect(ev.name).toBe('login');
});
