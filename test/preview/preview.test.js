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
      expect(text).toContain(DEMO_USER.phone);

      const calls = srv.requests.slice(before);
      const signin = calls.filter((r) => r.method === 'POST' && r.path === '/api/v3/signin');
      expect(signin.map((r) => r.status)).toEqual([200]);
      expect(JSON.parse(signin[0].body)).toMatchObject({ connection: 'PASSWORD' });
      expect(calls.some((r) => r.method === 'GET' && r.path === '/api/v3/get-profile' && r.status === 200)).toBe(true);

      // The login is stored like wx.setStorage does: a reload of another page is still signed in.
      const again = await openPreview(ctx, `${server.url}/preview/me`);
      await again.waitForFunction(() => /已登录/.test(document.body.innerText), null, { timeout: 15000 });
      // A logout whose revocation fails keeps the login (the client kept it): the page says why and
      // stays signed in ...
      const seen = again.problems.length;
      await again.evaluate(() => fetch('/__dev/faults', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ path: '/oidc/token/revocation', kind: 'html500' }) }));
      await again.locator(byId('logout')).first().click();
      await again.waitForFunction(() => [...document.querySelectorAll('[class*="t-toast__text"]')].some((e) => e.innerText.trim() && e.getBoundingClientRect().height > 0), null, { timeout: 15000 });
      expect(await again.evaluate(() => document.getElementById('wxp-app').innerText)).not.toMatch(/已退出登录/);
      expect(await again.evaluate(() => /已登录/.test(document.getElementById('wxp-app').innerText))).toBe(true);
      // the browser logs the injected 500 itself; that line, and only that one, is expected
      expect(again.problems.splice(seen)).toEqual([expect.stringMatching(/status of 500/)]);
      // ... and the next logout through the core client signs out.
      await again.locator(byId('logout')).first().click();
      await again.waitForFunction(() => /已退出登录/.test(document.body.innerText), null, { timeout: 15000 });
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
