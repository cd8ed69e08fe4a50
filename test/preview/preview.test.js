/**
 * @jest-environment node
 */
// The browser preview in headless Chromium (Debian's /usr/bin/chromium):
//   smoke — every demo page renders with no uncaught error / console error and is not blank,
//           CJK text uses a real CJK font and TDesign icons are drawn;
//   live  — the demo served by the preview handler + devserver: a password login typed into the
//           real <authing-login> inputs completes against the devserver.
// Chromium is required: without it every test FAILS with the install command (never skipped).
const fs = require('fs');
const path = require('path');
const {
  chromiumMissing, launchChromium, newPhoneContext, openPreview, blankCheck, byId,
} = require('../../preview/browser');
const { startPreviewServer } = require('../../preview/serve');
const { ensureDemoNpm } = require('../../preview/build');
const { typeInto, DEMO_USER } = require('../../preview/shoot');
const { totpCode } = require('../helpers/totp');
const { call } = require('../helpers/server');

const DEMO = path.resolve(__dirname, '../../demo');
const PAGES = JSON.parse(fs.readFileSync(path.join(DEMO, 'app.json'), 'utf8')).pages;

let server;
let browser;
beforeAll(async () => {
  if (chromiumMissing()) return; // each test reports it
  ensureDemoNpm(DEMO);
  server = await startPreviewServer({ root: DEMO });
  browser = await launchChromium();
}, 60000);
afterAll(async () => {
  if (browser) await browser.close();
  if (server) await server.close();
});

function requireChromium() {
  const missing = chromiumMissing();
  if (missing) throw new Error(missing);
}

/** Visible quality: TDesign icons drawn (masks), CJK text in a CJK font. */
function pageQuality(page) {
  return page.evaluate(async () => {
    // base.css aliases PingFang SC to the local Noto Sans CJK faces: they must load (fonts-noto-cjk)
    const faces = await document.fonts.load('16px "PingFang SC"', '登录').catch(() => []);
    // t-icon's glyph element carries `<prefix>--t-icon-<name>` (and `--t-icon-base`)
    const iconName = (e) => [...e.classList].map((c) => /^(?:.*--)?t-icon-([a-z0-9][a-z0-9-]*)$/.exec(c)).find((m) => m && m[1] !== 'base');
    const icons = [...document.querySelectorAll('[class*="t-icon-"]')].filter(iconName);
    const drawn = icons.filter((e) => getComputedStyle(e, '::before').maskImage !== 'none' || getComputedStyle(e, '::before').webkitMaskImage !== 'none');
    return {
      icons: icons.length,
      drawn: drawn.length,
      cjkFont: faces.length > 0 && faces.every((f) => f.status === 'loaded'),
      text: document.getElementById('wxp-app').innerText,
    };
  });
}

describe('smoke: every demo page renders in Chromium', () => {
  test('the blank-picture check recognises a blank page', async () => {
    requireChromium();
    const ctx = await newPhoneContext(browser);
    try {
      const page = await ctx.newPage();
      await page.setContent('<div id="wxp-app"></div>');
      const check = await blankCheck(page, await page.screenshot());
      expect(check.elements).toBeLessThan(10);
      expect(check.stddev).toBeLessThan(5);
    } finally {
      await ctx.close();
    }
  });

  test.each(PAGES)('%s', async (route) => {
    requireChromium();
    const ctx = await newPhoneContext(browser);
    try {
      const page = await openPreview(ctx, `${server.url}/preview/${route}`);
      const png = await page.screenshot({ fullPage: true });
      const check = await blankCheck(page, png);
      const quality = await pageQuality(page);
      expect(page.problems).toEqual([]);
      expect(check.elements).toBeGreaterThan(10);
      expect(check.text).toBeGreaterThan(10);
      expect(check.stddev).toBeGreaterThan(5);
      expect(check.colors).toBeGreaterThan(8);
      expect(check.width).toBe(750); // 375 CSS px at 2×
      if (!quality.cjkFont) throw new Error('Noto Sans CJK is not installed (CJK text would fall back): apt-get install chromium fonts-noto-cjk');
      expect(quality.drawn).toBe(quality.icons);
      if (/pages\/(index|login)\//.test(route)) expect(quality.icons).toBeGreaterThan(0);
      expect(quality.text).toMatch(/[\u4e00-\u9fa5A-Za-z]{2,}/);
    } finally {
      await ctx.close();
    }
  });
});

describe('live preview: password login against the devserver', () => {
  test('typed into the real inputs, tapped, signed in, navigated to the "me" page', async () => {
    requireChromium();
    const ctx = await newPhoneContext(browser);
    try {
      const { srv } = server;
      const before = srv.requests.length;
      // Start at the home page and navigate like a user: the in-page router (wx.navigateTo) opens login.
      const page = await openPreview(ctx, `${server.url}/preview/index`);
      await page.locator('text=登录 authing-login').first().click();
      await page.waitForURL(/\/preview\/login$/);
      await page.locator(byId('authing-account')).first().waitFor();

      await typeInto(page, 'authing-account', DEMO_USER.username);
      await typeInto(page, 'authing-password', DEMO_USER.password);
      await page.locator(byId('authing-submit-password')).first().click();
      // The demo passes agreements: the consent prompt asks first.
      const agree = page.locator(byId('authing-consent-agree')).first();
      await agree.waitFor({ state: 'visible' });
      await agree.click();

      await page.waitForURL(/\/preview\/me$/, { timeout: 15000 });
      await page.waitForFunction(() => /已登录/.test(document.body.innerText), null, { timeout: 15000 });
      const text = await page.evaluate(() => document.getElementById('wxp-app').innerText);
      expect(text).toContain(DEMO_USER.username);
      // <authing-account> shows the phone masked
      expect(text).toContain(`${DEMO_USER.phone.slice(0, 3)}****${DEMO_USER.phone.slice(-4)}`);
      expect(text).not.toContain(DEMO_USER.phone);

      const calls = srv.requests.slice(before);
      const signin = calls.filter((r) => r.method === 'POST' && r.path === '/api/v3/signin');
      expect(signin.map((r) => r.status)).toEqual([200]);
      expect(JSON.parse(signin[0].body)).toMatchObject({ connection: 'PASSWORD' });
      expect(calls.some((r) => r.method === 'GET' && r.path === '/api/v3/get-profile' && r.status === 200)).toBe(true);

      // The login is stored like wx.setStorage does: a reload of another page is still signed in.
      const again = await openPreview(ctx, `${server.url}/preview/me`);
      await again.waitForFunction(() => /已登录/.test(document.body.innerText), null, { timeout: 15000 });
      // A logout (<authing-account>'s button) whose revocation fails keeps the login (the client kept
      // it): the component says why in place and the page stays signed in ...
      await again.locator(byId('authing-logout')).first().waitFor();
      const seen = again.problems.length;
      await again.evaluate(() => fetch('/__dev/faults', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ path: '/oidc/token/revocation', kind: 'html500' }) }));
      await again.locator(byId('authing-logout')).first().click();
      await again.waitForFunction(() => ((document.querySelector('[data-wx-id="authing-message"]') || {}).innerText || '').trim().length > 0, null, { timeout: 15000 });
      expect(await again.evaluate(() => document.getElementById('wxp-app').innerText)).not.toMatch(/已退出登录/);
      expect(await again.evaluate(() => /已登录/.test(document.getElementById('wxp-app').innerText))).toBe(true);
      // the browser logs the injected 500 itself; that line, and only that one, is expected
      expect(again.problems.splice(seen)).toEqual([expect.stringMatching(/status of 500/)]);
      // ... and the next logout signs out.
      await again.locator(byId('authing-logout')).first().click();
      await again.waitForFunction(() => /已退出登录/.test(document.body.innerText), null, { timeout: 15000 });
      expect([...page.problems, ...again.problems]).toEqual([]);
    } finally {
      await ctx.close();
    }
  });
});

describe('live preview: MFA login against the devserver', () => {
  test('the TOTP demo user signs in on the real demo login page: password, then the MFA step in place, then the "me" page', async () => {
    requireChromium();
    const ctx = await newPhoneContext(browser);
    try {
      const { srv } = server;
      const before = srv.requests.length;
      const page = await openPreview(ctx, `${server.url}/preview/login`);
      await page.locator(byId('authing-account')).first().waitFor();
      // The page names the MFA demo users.
      expect(await page.evaluate(() => document.getElementById('wxp-app').innerText)).toMatch(/mfa-sms[\s\S]*mfa-totp/);

      await page.locator('[class*="authing-login__checkbox"]').first().click();
      await typeInto(page, 'authing-account', 'mfa-totp');
      await typeInto(page, 'authing-password', DEMO_USER.password);
      await page.locator(byId('authing-submit-password')).first().click();
      await page.locator(byId('authing-mfa-verify')).first().waitFor({ state: 'visible', timeout: 10000 });
      expect(page.url()).toMatch(/\/preview\/login$/); // in place, no navigation

      // The code an authenticator app shows for the secret the devserver prints.
      await typeInto(page, 'authing-mfa-code', totpCode(srv.config.demoTotpSecret, srv.now()));
      await page.locator(byId('authing-mfa-verify')).first().click();
      await page.waitForURL(/\/preview\/me$/, { timeout: 15000 });
      await page.waitForFunction(() => /已登录/.test(document.body.innerText) && /mfa-totp/.test(document.body.innerText), null, { timeout: 15000 });

      const calls = srv.requests.slice(before);
      const signin = calls.filter((r) => r.method === 'POST' && r.path === '/api/v3/signin');
      expect(signin.map((r) => JSON.parse(r.body).connection)).toEqual(['PASSWORD']);
      const verify = calls.filter((r) => r.path === '/api/v2/mfa/totp/verify');
      expect(verify.map((r) => r.status)).toEqual([200]);
      expect(verify[0].headers.authorization).toBeTruthy(); // the mfaToken (the preview's log redacts it)
      expect(page.problems).toEqual([]);
    } finally {
      await ctx.close();
    }
  });
});

describe('live preview: forgot password against the devserver', () => {
  test('a user this test signs up resets the password on the real demo page by email code, then logs in with the new one', async () => {
    requireChromium();
    const { call } = require('../helpers/server');
    const { srv } = server;
    const email = `live-reset-${Date.now() % 1e8}@example.com`;
    const headers = { 'x-authing-app-id': srv.config.appId, 'x-authing-userpool-id': srv.config.userPoolId };
    const signup = await call(server.url, 'POST', '/api/v3/signup', { connection: 'PASSWORD', passwordPayload: { email, password: 'Before@123' } }, headers);
    expect(signup.json.statusCode).toBe(200);
    const ctx = await newPhoneContext(browser);
    try {
      const before = srv.requests.length;
      const page = await openPreview(ctx, `${server.url}/preview/index`);
      await page.locator('text=找回密码 authing-reset-password').first().click();
      await page.waitForURL(/\/preview\/reset-password$/);
      await page.locator('[class~="t-tabs--t-tabs__item"]').nth(1).click();
      await typeInto(page, 'authing-reset-email', email);
      await page.locator(byId('authing-reset-send')).first().click();
      await page.waitForFunction(() => /\d+\s*秒|\d+s/.test((document.querySelector('[data-wx-id="authing-reset-send"]') || {}).innerText || ''), null, { timeout: 10000 });
      const code = await page.evaluate((e) => fetch(`/__dev/email/latest?email=${encodeURIComponent(e)}&channel=CHANNEL_RESET_PASSWORD`).then((r) => r.json()).then((j) => j.code), email);
      expect(code).toMatch(/^\d{6}$/);
      await typeInto(page, 'authing-reset-email-code', code);
      await page.locator(byId('authing-reset-verify')).first().click();
      await page.locator(byId('authing-reset-new-password')).first().waitFor({ state: 'visible', timeout: 10000 });
      await typeInto(page, 'authing-reset-new-password', 'After@4567');
      await typeInto(page, 'authing-reset-confirm', 'After@4567');
      await page.locator(byId('authing-reset-submit')).first().click();
      // The demo goes back to the login page after `password-reset`.
      await page.waitForURL(/\/preview\/login$/, { timeout: 15000 });
      await page.locator(byId('authing-account')).first().waitFor();
      await typeInto(page, 'authing-account', email);
      await typeInto(page, 'authing-password', 'After@4567');
      await page.locator(byId('authing-submit-password')).first().click();
      const agree = page.locator(byId('authing-consent-agree')).first();
      await agree.waitFor({ state: 'visible' });
      await agree.click();
      await page.waitForURL(/\/preview\/me$/, { timeout: 15000 });
      await page.waitForFunction(() => /已登录/.test(document.body.innerText), null, { timeout: 15000 });

      const calls = srv.requests.slice(before).filter((r) => r.method === 'POST');
      const statusOf = (p) => calls.filter((r) => r.path === p).map((r) => r.status);
      expect(statusOf('/api/v3/send-email')).toEqual([200]);
      expect(statusOf('/api/v3/verify-reset-password-request')).toEqual([200]);
      expect(statusOf('/api/v3/reset-password')).toEqual([200]);
      expect(statusOf('/api/v3/signin')).toEqual([200]);
      // The old password is refused now.
      const old = await call(server.url, 'POST', '/api/v3/signin', { connection: 'PASSWORD', passwordPayload: { email, password: 'Before@123' } }, headers);
      expect(old.json.apiCode).toBe(2333);
      expect(page.problems).toEqual([]);
    } finally {
      await ctx.close();
    }
  });
});

describe('live preview: deleting the account on the demo\'s me page', () => {
  test('a user the test signs up logs in through the UI, deletes the account (password, final confirmation) and cannot log in again', async () => {
    requireChromium();
    const { srv } = server;
    const headers = { 'x-authing-app-id': srv.config.appId, 'x-authing-userpool-id': srv.config.userPoolId };
    const signIn = (username, password, options) => call(srv.url, 'POST', '/api/v3/signin', { connection: 'PASSWORD', passwordPayload: { username, password }, ...(options ? { options } : {}) }, headers);
    const user = { username: `live-delete-${Date.now() % 1e8}`, password: 'Live@123456' };
    expect((await signIn(user.username, user.password, { autoRegister: true })).status).toBe(200);

    const ctx = await newPhoneContext(browser);
    try {
      const page = await openPreview(ctx, `${server.url}/preview/login`);
      await typeInto(page, 'authing-account', user.username);
      await typeInto(page, 'authing-password', user.password);
      await page.locator(byId('authing-submit-password')).first().click();
      const agree = page.locator(byId('authing-consent-agree')).first();
      await agree.waitFor({ state: 'visible' });
      await agree.click();
      await page.waitForURL(/\/preview\/me$/, { timeout: 15000 });
      await page.locator(byId('authing-delete')).first().waitFor({ timeout: 15000 });
      expect(await page.evaluate(() => document.getElementById('wxp-app').innerText)).toContain(user.username);

      await page.locator(byId('authing-delete')).first().click();
      await page.waitForFunction(() => /永久删除/.test(document.body.innerText), null, { timeout: 5000 });
      await typeInto(page, 'authing-field-password', user.password);
      const before = srv.requests.length;
      await page.locator(byId('authing-submit')).first().click();
      await page.locator(byId('authing-confirm-delete')).first().waitFor({ state: 'visible', timeout: 10000 });
      // verified, not yet deleted: the user can still log in
      expect(srv.requests.slice(before).map((r) => r.path)).toEqual(['/api/v3/verify-delete-account-request']);
      await page.locator(byId('authing-confirm-delete')).first().click();
      await page.waitForFunction(() => /账号已注销/.test(document.body.innerText), null, { timeout: 15000 });
      expect(await page.evaluate(() => /未登录/.test(document.getElementById('wxp-app').innerText))).toBe(true);
      expect(srv.requests.slice(before).filter((r) => r.path === '/api/v3/delete-account').map((r) => r.status)).toEqual([200]);

      expect((await signIn(user.username, user.password)).status).not.toBe(200);
      // A reload of the page is signed out too (the stored login state is gone).
      const again = await openPreview(ctx, `${server.url}/preview/me`);
      await again.waitForFunction(() => /未登录/.test(document.body.innerText), null, { timeout: 15000 });
      expect([...page.problems, ...again.problems]).toEqual([]);
    } finally {
      await ctx.close();
    }
  });
});

describe('live preview: sign-up against the devserver', () => {
  test('a NEW user signs up on the demo register page (password twice, nickname, agreements) and ends logged in', async () => {
    requireChromium();
    const ctx = await newPhoneContext(browser);
    try {
      const { srv } = server;
      const before = srv.requests.length;
      const username = `live-${process.pid}-${Date.now() % 1e6}`;
      const page = await openPreview(ctx, `${server.url}/preview/index`);
      await page.locator('text=注册 authing-register').first().click();
      await page.waitForURL(/\/preview\/register$/);
      await page.locator(byId('authing-register-account')).first().waitFor();

      await typeInto(page, 'authing-register-account', username);
      await typeInto(page, 'authing-register-password', 'Signup@123');
      await typeInto(page, 'authing-register-confirm', 'Signup@123');
      await typeInto(page, 'authing-register-field-nickname', 'Live');
      await page.locator(byId('authing-register-submit')).first().click();
      // The demo passes agreements: the consent prompt asks first, then the sign-up continues.
      const agree = page.locator(byId('authing-register-consent-agree')).first();
      await agree.waitFor({ state: 'visible' });
      await agree.click();

      await page.waitForURL(/\/preview\/me$/, { timeout: 15000 });
      await page.waitForFunction(() => /已登录/.test(document.body.innerText), null, { timeout: 15000 });
      expect(await page.evaluate(() => document.getElementById('wxp-app').innerText)).toContain(username);

      const calls = srv.requests.slice(before).filter((r) => r.method === 'POST');
      const signUp = calls.filter((r) => r.path === '/api/v3/signup');
      expect(signUp.map((r) => r.status)).toEqual([200]);
      expect(JSON.parse(signUp[0].body)).toMatchObject({ connection: 'PASSWORD', passwordPayload: { username }, profile: { nickname: 'Live' } });
      const signIn = calls.filter((r) => r.path === '/api/v3/signin');
      expect(signIn.map((r) => r.status)).toEqual([200]);
      expect(JSON.parse(signIn[0].body).passwordPayload).toMatchObject({ username });
      expect(page.problems).toEqual([]);
    } finally {
      await ctx.close();
    }
  });
});
