// `npm run preview`: renders every demo page, and the components' main states, to
// docs/screenshots/<page>-<state>.png with headless Chromium — the REAL pages (WXML through wcc,
// the kit + TDesign JS, exparser) talking to an in-process devserver.
//
//   node preview/shoot.js                  all states
//   node preview/shoot.js login me         only states whose name starts with one of these
//   node preview/shoot.js --out /tmp/shots
//
// Fails (exit 1) on any uncaught error, console error or blank picture.
const fs = require('fs');
const path = require('path');
const { execSync } = require('child_process');
const { ensureDemoNpm } = require('./build');
const { startPreviewServer } = require('./serve');
const {
  launchChromium, newPhoneContext, openPreview, settle, byId, blankCheck, avatarPng,
} = require('./browser');

const REPO = path.resolve(__dirname, '..');
const DEMO_USER = { username: 'demo', password: 'Demo@123456', phone: '13800000000' };

/** Types into a t-input / native input found by mini-program id. */
async function typeInto(page, id, text) {
  const input = page.locator(`${byId(id)} >> input`).first();
  await input.click();
  await input.fill('');
  await input.pressSequentially(text, { delay: 5 });
}
async function tap(page, selector) {
  await page.locator(selector).first().click();
}

/** The real password login through <authing-login> (consent accepted in its prompt). */
async function passwordLogin(page) {
  await typeInto(page, 'authing-account', DEMO_USER.username);
  await typeInto(page, 'authing-password', DEMO_USER.password);
  await tap(page, byId('authing-submit-password'));
  const agree = page.locator(byId('authing-consent-agree')).first();
  await agree.waitFor({ state: 'visible', timeout: 5000 });
  await agree.click();
  await page.waitForURL(/\/preview\/me/, { timeout: 10000 });
  await page.waitForFunction(() => /已登录/.test(document.body.innerText), null, { timeout: 10000 });
}

/** Opens the consent prompt by submitting a filled password form (agreements not yet accepted). */
async function openConsent(page) {
  await typeInto(page, 'authing-account', DEMO_USER.username);
  await typeInto(page, 'authing-password', DEMO_USER.password);
  await tap(page, byId('authing-submit-password'));
  await page.locator(byId('authing-consent-agree')).first().waitFor({ state: 'visible', timeout: 5000 });
}
const showsTips = (page) => page.waitForFunction(() => document.querySelector('[class*="t-input--t-input__tips"]'), null, { timeout: 5000 });
/** Waits for the "code sent" toast to fade (it covers the form for a moment). */
function toastGone(page) {
  return page.waitForFunction(() => ![...document.querySelectorAll('[class*="t-toast--t-toast"]')].some((e) => e.getBoundingClientRect().height > 0 && getComputedStyle(e).opacity !== '0'), null, { timeout: 6000 });
}
/** Picks a login tab by its position (0-based), in any language. */
async function pickTab(page, index) {
  await page.locator('[class~="t-tabs--t-tabs__item"]').nth(index).click();
  await settle(page, 200);
}
let phoneSeq = 0;
/**
 * SMS tab: sends a code to a number no other state uses, then submits a wrong one — the server's 2001
 * answer must show as the code field's tip (the one failure display), in the page's language.
 */
const wrongSmsCode = (wording) => async (page) => {
  const phone = `139${String((Date.now() * 10 + phoneSeq++) % 1e8).padStart(8, '0')}`;
  await pickTab(page, 1);
  await typeInto(page, 'authing-phone', phone);
  await tap(page, '[class*="authing-login__checkbox"]');
  await tap(page, byId('authing-send-code'));
  await page.waitForFunction(() => /\d+\s*(s|秒)/.test((document.querySelector('[data-wx-id="authing-send-code"]') || {}).innerText || ''), null, { timeout: 8000 });
  await toastGone(page);
  const code = await page.evaluate((p) => fetch(`/__dev/sms/latest?phone=${p}&channel=CHANNEL_LOGIN`).then((r) => r.json()).then((j) => j.code), phone);
  await typeInto(page, 'authing-code', code === '000000' ? '111111' : '000000');
  await tap(page, byId('authing-submit-sms'));
  // The form's own wording in the page's language (the demo's client answers in zh-CN on every page).
  await page.waitForFunction((w) => [...document.querySelectorAll('[class*="t-input--t-input__tips"]')].some((e) => e.innerText.trim() === w), wording, { timeout: 5000 });
};
/** Fills the sign-up form (password tab): account, password twice, nickname; accepts the agreements. */
async function fillRegister(page, account) {
  await typeInto(page, 'authing-register-account', account);
  await typeInto(page, 'authing-register-password', 'Signup@123');
  await typeInto(page, 'authing-register-confirm', 'Signup@123');
  await typeInto(page, 'authing-register-field-nickname', 'Newbie');
  await tap(page, '[class*="authing-agreements__checkbox"]');
}
/** A sign-up with a taken username: the server's message shows as the account field's tip. */
async function registerDuplicate(page, account) {
  await fillRegister(page, account);
  await tap(page, byId('authing-register-submit'));
  await page.waitForFunction(() => /已存在|already/.test((document.querySelector('[data-wx-id="authing-register-account"]') || {}).innerText || ''), null, { timeout: 8000 });
  await toastGone(page);
  expectRefusals(page, 1);
}
/** The browser logs a refused request (HTTP 400) as a console error: drop the `count` expected ones. */
function expectRefusals(page, count) {
  for (let k = page.problems.length - 1; k >= 0 && count > 0; k--) {
    if (/status of 400 \(Bad Request\)/.test(page.problems[k])) { page.problems.splice(k, 1); count--; }
  }
}
/** Makes the next devserver answer on `path` slow, so a busy (loading) state stays on screen. */
function slowNext(page, path) {
  return page.evaluate((p) => fetch('/__dev/faults', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ path: p, kind: 'delay', delayMs: 8000, count: 1 }) }).then((r) => r.status), path);
}

/**
 * Wrong passwords for a made-up account (counted like a real one; the demo user stays usable) until the
 * server asks for the captcha (devserver captchaAfter, 3 by default), then waits for its image.
 */
async function captchaShown(page, account) {
  await tap(page, '[class*="authing-login__checkbox"]');
  await typeInto(page, 'authing-account', account);
  await typeInto(page, 'authing-password', 'not-the-password');
  // A wrong password shows on the password field ("tries left"); "captcha required" brings the image.
  const fieldText = () => page.evaluate(() => (document.querySelector('[data-wx-id="authing-password"]') || {}).innerText || '');
  let taps = 0;
  for (; taps < 5 && !(await page.locator(byId('authing-captcha-image')).count()); taps++) {
    const before = await fieldText();
    await tap(page, byId('authing-submit-password'));
    await page.waitForFunction((b) => {
      const field = document.querySelector('[data-wx-id="authing-password"]');
      return !!document.querySelector('[data-wx-id="authing-captcha-image"]') || (field && field.innerText !== b);
    }, before, { timeout: 8000 });
  }
  await page.waitForFunction(() => [...document.images].some((i) => /^data:image\/svg/.test(i.src) && i.complete), null, { timeout: 8000 });
  await toastGone(page);
  // The browser logs each wrong password's 400 answer as a console error: those, and only as many, are expected.
  for (let k = page.problems.length - 1; k >= 0 && taps > 0; k--) {
    if (/status of 400 \(Bad Request\)/.test(page.problems[k])) { page.problems.splice(k, 1); taps--; }
  }
}

/**
 * Each state: page (short name, may carry a query), optional `login` (start signed in), `context`
 * options, `act` (what to do before the shot) and `consoleErrors` (the console lines the browser logs for a
 * server refusal the state provokes, one pattern per line). Names become docs/screenshots/<name>.png; states
 * with `shot: false` are only checked (npm run test:preview), not kept as pictures.
 */
const STATES = [
  { name: 'index-default', page: 'index' },
  { name: 'login-default', page: 'login' },
  { name: 'login-errors', page: 'login', act: async (page) => { await tap(page, byId('authing-submit-password')); await showsTips(page); } },
  {
    name: 'login-countdown',
    page: 'login',
    act: async (page) => {
      await pickTab(page, 1);
      await typeInto(page, 'authing-phone', DEMO_USER.phone);
      await tap(page, '[class*="authing-login__checkbox"]');
      await tap(page, byId('authing-send-code'));
      await page.waitForFunction(() => /\d+\s*(s|秒)/.test((document.querySelector('[data-wx-id="authing-send-code"]') || {}).innerText || ''), null, { timeout: 8000 });
      await toastGone(page);
    },
  },
  { name: 'login-sms-errors', page: 'login', shot: false, act: async (page) => { await pickTab(page, 1); await tap(page, byId('authing-submit-sms')); await showsTips(page); } },
  { name: 'login-sms-wrong-code', page: 'login', shot: false, act: wrongSmsCode('验证码错误或已失效'), consoleErrors: [/status of 400/] },
  { name: 'login-consent', page: 'login', act: async (page) => { await openConsent(page); await settle(page, 400); } },
  {
    name: 'login-busy',
    page: 'login',
    shot: false,
    act: async (page) => {
      await tap(page, '[class*="authing-login__checkbox"]');
      await typeInto(page, 'authing-account', DEMO_USER.username);
      await typeInto(page, 'authing-password', DEMO_USER.password);
      await slowNext(page, '/api/v3/signin');
      await tap(page, byId('authing-submit-password'));
      await page.waitForFunction(() => /登录中|Signing|Logging/.test(document.querySelector('[data-wx-id="authing-submit-password"]').innerText), null, { timeout: 5000 });
    },
  },
  {
    name: 'login-wechat',
    page: 'login',
    act: async (page) => {
      await pickTab(page, 2);
      await page.locator(byId('authing-wechat')).first().waitFor({ state: 'visible' });
    },
  },
  {
    // WeChat tab → phone login before consent → agree: WeChat's phone sheet must open on top
    name: 'login-wechat-phone',
    page: 'login',
    shot: false,
    act: async (page) => {
      await pickTab(page, 2);
      await tap(page, byId('authing-phone-gate'));
      await tap(page, byId('authing-consent-agree-phone'));
      await page.locator('.wxp-sheet-item').first().waitFor({ state: 'visible', timeout: 5000 });
    },
  },
  { name: 'login-dark', page: 'login', context: { colorScheme: 'dark' } },
  { name: 'login-en-us', page: 'login-en' },
  { name: 'login-en-us-narrow', page: 'login-en', context: { viewport: { width: 320, height: 568 } } },
  { name: 'login-en-us-errors', page: 'login-en', shot: false, act: async (page) => { await tap(page, byId('authing-submit-password')); await showsTips(page); } },
  { name: 'login-en-us-sms-wrong-code', page: 'login-en', shot: false, act: wrongSmsCode('Wrong or expired code'), consoleErrors: [/status of 400/] },
  { name: 'login-en-us-consent', page: 'login-en', act: async (page) => { await openConsent(page); await settle(page, 400); } },
  {
    name: 'login-en-us-email',
    page: 'login-en',
    act: async (page) => {
      await pickTab(page, 2);
      await typeInto(page, 'authing-email', 'demo@example.com');
      await tap(page, byId('authing-submit-email'));
      await showsTips(page);
    },
  },
  {
    name: 'login-en-us-countdown',
    page: 'login-en',
    shot: false,
    act: async (page) => {
      await pickTab(page, 1);
      await typeInto(page, 'authing-phone', DEMO_USER.phone);
      await tap(page, '[class*="authing-login__checkbox"]');
      await tap(page, byId('authing-send-code'));
      await page.waitForFunction(() => /\d+\s*s/.test((document.querySelector('[data-wx-id="authing-send-code"]') || {}).innerText || ''), null, { timeout: 8000 });
      await toastGone(page);
    },
  },
  { name: 'login-captcha', page: 'login', shot: false, act: (page) => captchaShown(page, 'captcha-preview-zh') },
  { name: 'login-en-us-captcha', page: 'login-en', shot: false, act: (page) => captchaShown(page, 'captcha-preview-en') },
  {
    name: 'phone-default',
    page: 'phone',
    init: () => { window.__wxPreviewAuto = { phone: true }; },
    act: async (page) => {
      await tap(page, `${byId('authing-phone-button')} >> nth=0`);
      await page.waitForFunction(() => /\+86/.test(document.body.innerText), null, { timeout: 8000 });
    },
  },
  { name: 'phone-en-us', page: 'phone?lang=en-US', shot: false },
  {
    name: 'avatar-default',
    page: 'avatar',
    login: true,
    act: async (page) => {
      const png = avatarPng(256);
      await page.evaluate((url) => { window.__preview.wx.__control.mediaQueue.push({ tempFilePath: url }); }, `data:image/png;base64,${png.toString('base64')}`);
      await tap(page, byId('authing-avatar-picker'));
      await page.waitForFunction(() => /__files\/avatar\//.test(document.body.innerText), null, { timeout: 10000 });
      await page.waitForFunction(() => [...document.images].some((i) => /__files\/avatar\//.test(i.src) && i.complete), null, { timeout: 10000 });
    },
  },
  { name: 'avatar-signed-out', page: 'avatar', shot: false },
  { name: 'profile-default', page: 'profile', login: true, ready: (page) => page.waitForSelector(byId('authing-save'), { timeout: 10000 }) },
  { name: 'profile-en-us', page: 'profile?lang=en-US', login: true, shot: false, ready: (page) => page.waitForSelector(byId('authing-save'), { timeout: 10000 }) },
  { name: 'profile-signed-out', page: 'profile', shot: false },
  { name: 'me-default', page: 'me', login: true, ready: (page) => page.waitForFunction(() => /已登录/.test(document.body.innerText), null, { timeout: 10000 }) },
  { name: 'me-signed-out', page: 'me', shot: false, ready: (page) => page.waitForFunction(() => /未登录/.test(document.body.innerText), null, { timeout: 10000 }) },
  // <authing-register> on its own page, and as the sign-up screen of <authing-login>.
  { name: 'register-default', page: 'register' },
  { name: 'register-en-us', page: 'register?lang=en-US' },
  { name: 'register-en-us-narrow', page: 'register?lang=en-US', context: { viewport: { width: 320, height: 568 } } },
  { name: 'register-dark', page: 'register', context: { colorScheme: 'dark' } },
  { name: 'register-filled', page: 'register', act: (page) => fillRegister(page, `preview-${Date.now() % 1e8}`) },
  { name: 'register-errors', page: 'register?lang=en-US', act: async (page) => { await tap(page, byId('authing-register-submit')); await showsTips(page); } },
  { name: 'register-duplicate', page: 'register', act: (page) => registerDuplicate(page, 'demo') },
  { name: 'register-en-us-duplicate', page: 'register?lang=en-US', shot: false, act: (page) => registerDuplicate(page, 'demo') },
  { name: 'register-code', page: 'register', act: async (page) => { await pickTab(page, 1); await settle(page, 200); } },
  { name: 'register-en-us-code', page: 'register?lang=en-US', act: async (page) => { await pickTab(page, 2); await settle(page, 200); } },
  { name: 'login-register', page: 'login', act: async (page) => { await tap(page, byId('authing-register-entry')); await page.waitForSelector(byId('authing-register-submit'), { timeout: 5000 }); } },
  { name: 'login-en-us-register', page: 'login-en', act: async (page) => { await tap(page, byId('authing-register-entry')); await page.waitForSelector(byId('authing-register-submit'), { timeout: 5000 }); } },
];

/**
 * @param {{ outDir?: string, only?: string[], log?: (s: string) => void }} [options]
 * @returns {Promise<{ shots: Array<{name: string, file: string, ms: number, check: object}>, failures: string[] }>}
 */
async function shoot(options = {}) {
  const outDir = path.resolve(options.outDir || path.join(REPO, 'docs/screenshots'));
  const log = options.log || ((s) => console.log(s));
  const only = options.only && options.only.length ? options.only : null;
  const states = STATES.filter((s) => s.shot !== false && (!only || only.some((o) => s.name.startsWith(o))));
  fs.mkdirSync(outDir, { recursive: true });

  const server = await startPreviewServer({});
  const browser = await launchChromium();
  const shots = [];
  const failures = [];
  let storageState = null;
  try {
    if (states.some((s) => s.login)) {
      // One real login through the UI; its storage (the kit's tokens) seeds the signed-in states.
      const t0 = Date.now();
      const ctx = await newPhoneContext(browser);
      const page = await openPreview(ctx, `${server.url}/preview/login`);
      await passwordLogin(page);
      storageState = await ctx.storageState();
      if (page.problems.length) failures.push(`login: ${page.problems.join('\n  ')}`);
      await ctx.close();
      log(`  (signed in as ${DEMO_USER.username} in ${Date.now() - t0} ms)`);
    }
    for (const state of states) {
      const t0 = Date.now();
      const ctx = await newPhoneContext(browser, { ...(state.context || {}), ...(state.login ? { storageState } : {}) });
      if (state.init) await ctx.addInitScript(state.init);
      let page;
      try {
        page = await openPreview(ctx, `${server.url}/preview/${state.page}`);
        if (state.ready) await state.ready(page);
        if (state.act) await state.act(page);
        await settle(page, 400);
        const file = path.join(outDir, `${state.name}.png`);
        const png = await page.screenshot({ path: file, fullPage: true });
        const check = await blankCheck(page, png);
        const problems = [...page.problems];
        if (check.elements < 10 || check.text < 10 || check.stddev < 5 || check.colors < 8) problems.push(`blank picture: ${JSON.stringify(check)}`);
        if (problems.length) failures.push(`${state.name}: ${problems.join('\n  ')}`);
        shots.push({ name: state.name, file, ms: Date.now() - t0, check });
        log(`  ${state.name.padEnd(18)} ${String(Date.now() - t0).padStart(5)} ms  ${path.relative(REPO, file)}${problems.length ? '  FAILED' : ''}`);
      } catch (err) {
        failures.push(`${state.name}: ${err.message}${page && page.problems.length ? `\n  ${page.problems.join('\n  ')}` : ''}`);
        log(`  ${state.name.padEnd(18)} FAILED: ${err.message.split('\n')[0]}`);
        if (page) await page.screenshot({ path: path.join(outDir, `${state.name}.failed.png`), fullPage: true }).catch(() => {});
      } finally {
        await ctx.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return { shots, failures };
}

module.exports = { shoot, STATES, passwordLogin, typeInto, tap, DEMO_USER };

if (require.main === module) {
  const args = process.argv.slice(2);
  const oi = args.indexOf('--out');
  const outDir = oi >= 0 ? args.splice(oi, 2)[1] : undefined;
  const t0 = Date.now();
  try {
    if (!fs.existsSync(path.join(REPO, 'miniprogram_dist/index.js'))) {
      console.log('building the kit (npx gulp demo) ...');
      execSync('npx gulp demo', { cwd: REPO, stdio: 'inherit' });
    } else if (ensureDemoNpm()) {
      console.log('laid out demo/miniprogram_npm from miniprogram_dist');
    }
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
  console.log('preview screenshots:');
  shoot({ outDir, only: args }).then(({ shots, failures }) => {
    console.log(`${shots.length} screenshots in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    if (failures.length) {
      console.error(`\n${failures.length} problem(s):\n- ${failures.join('\n- ')}`);
      process.exit(1);
    }
  }, (err) => {
    console.error(err);
    process.exit(1);
  });
}
