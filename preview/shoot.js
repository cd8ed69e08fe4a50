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
/**
 * A password sign-in of an MFA demo user (consent ticked first): <authing-login> shows the MFA step in place.
 * `wrongCode`: then a wrong authenticator code (the current one is computed from the user's secret, so the
 * code typed is certainly another), refused on the code field in the page's language.
 */
const mfaStep = (account, wrongCode = '') => async (page) => {
  await tap(page, '[class*="authing-login__checkbox"]');
  await typeInto(page, 'authing-account', account);
  await typeInto(page, 'authing-password', DEMO_USER.password);
  await tap(page, byId('authing-submit-password'));
  await page.locator(byId('authing-mfa-verify')).first().waitFor({ state: 'visible', timeout: 8000 });
  if (!wrongCode) return;
  const { totpSecret } = await page.evaluate((u) => fetch(`/__dev/mfa?username=${u}`).then((r) => r.json()), account);
  const current = require('../devserver/totp').totp(totpSecret, Date.now());
  await typeInto(page, 'authing-mfa-code', current === '000000' ? '111111' : '000000');
  await tap(page, byId('authing-mfa-verify'));
  await page.waitForFunction((w) => [...document.querySelectorAll('[class*="t-input--t-input__tips"]')].some((e) => e.innerText.trim() === w), wrongCode, { timeout: 5000 });
  // The browser logs the refusal's 400 answer as a console error: that one line is expected.
  const k = page.problems.findIndex((line) => /status of 400 \(Bad Request\)/.test(line));
  if (k >= 0) page.problems.splice(k, 1);
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

let openidSeq = 0;
/**
 * The demo login page's WeChat tab, tapped as a WeChat user nobody logged in as yet (no phone): the login
 * shows its bind-phone step in place (phone-binding="optional").
 */
async function bindPhoneStep(page) {
  await page.evaluate((id) => { window.__preview.wx.__control.openid = id; }, `preview-bind-${Date.now()}-${openidSeq++}`);
  await pickTab(page, 2);
  await tap(page, '[class*="authing-login__checkbox"]');
  await tap(page, byId('authing-wechat'));
  await page.locator(byId('authing-bind-submit')).first().waitFor({ state: 'visible', timeout: 10000 });
}

/** A user who has not agreed to the privacy guidelines taps the phone button: the popup shows. */
async function privacyPopupShown(page) {
  await page.evaluate(() => window.__preview.wx.__control.privacy.enable());
  await tap(page, `${byId('authing-phone-button')} >> nth=0`);
  await page.locator(byId('authing-privacy-agree')).first().waitFor({ state: 'visible', timeout: 5000 });
}

/** <authing-account> has read the account (its delete cell shows). */
const accountShown = (page) => page.waitForSelector(byId('authing-delete'), { timeout: 10000 });
/** Opens the account popup of a cell and waits for its inputs. */
async function openAccountDialog(page, cell) {
  await tap(page, byId(cell));
  await page.locator(byId('authing-submit')).first().waitFor({ state: 'visible', timeout: 5000 });
  await settle(page, 400); // the popup's slide-in
}
/** Change-password popup, submitted empty: every input says what it needs (no request). */
async function passwordDialogErrors(page) {
  await openAccountDialog(page, 'authing-password');
  await typeInto(page, 'authing-field-newPassword', '123');
  await tap(page, byId('authing-submit'));
  await showsTips(page);
}
/** Change-password popup with a wrong current password: the server's refusal on that input, in the page's language. */
async function wrongCurrentPassword(page, wording) {
  await openAccountDialog(page, 'authing-password');
  await typeInto(page, 'authing-field-password', 'Not@the-password1');
  await typeInto(page, 'authing-field-newPassword', 'Next@123456');
  await typeInto(page, 'authing-field-confirmPassword', 'Next@123456');
  await tap(page, byId('authing-submit'));
  await page.waitForFunction((w) => [...document.querySelectorAll('[class*="t-input--t-input__tips"]')].some((e) => e.innerText.trim() === w), wording, { timeout: 8000 });
}
/** Delete popup verified with the demo password: the final confirmation (the token is never spent). */
async function deleteConfirmation(page, button) {
  await openAccountDialog(page, 'authing-delete');
  await typeInto(page, 'authing-field-password', DEMO_USER.password);
  await tap(page, byId('authing-submit'));
  await page.waitForFunction((b) => ((document.querySelector('[data-wx-id="authing-confirm-delete"]') || {}).innerText || '').trim() === b, button, { timeout: 8000 });
  await settle(page, 200);
}
/** The reset form's send button shows its countdown (the code went out). */
function resetCodeSent(page) {
  return page.waitForFunction(() => /\d+\s*(s|秒)/.test((document.querySelector('[data-wx-id="authing-reset-send"]') || {}).innerText || ''), null, { timeout: 8000 });
}
/** The latest code the devserver delivered on the reset channel (`phone=…` or `email=…`). */
function resetCode(page, query) {
  return page.evaluate((q) => fetch(`/__dev/${q.startsWith('email=') ? 'email' : 'sms'}/latest?${q}&channel=CHANNEL_RESET_PASSWORD`).then((r) => r.json()).then((j) => j.code), query);
}
/**
 * Step 1 by a seeded user's email, up to step 2 (the code is only verified: the password stays Demo@123456).
 * One address per state: the devserver allows one send per address and minute.
 */
const resetStepTwo = (email) => async (page) => {
  await pickTab(page, 1);
  await typeInto(page, 'authing-reset-email', email);
  await tap(page, byId('authing-reset-send'));
  await resetCodeSent(page);
  await typeInto(page, 'authing-reset-email-code', await resetCode(page, `email=${email}`));
  await tap(page, byId('authing-reset-verify'));
  await page.locator(byId('authing-reset-new-password')).first().waitFor({ state: 'visible', timeout: 8000 });
};
/** A wrong code for a number no other state uses: the server's 2001 shows as the code field's tip, worded by the form. */
const resetWrongCode = (wording) => async (page) => {
  const phone = `137${String((Date.now() * 10 + phoneSeq++) % 1e8).padStart(8, '0')}`;
  await typeInto(page, 'authing-reset-phone', phone);
  await tap(page, byId('authing-reset-send'));
  await resetCodeSent(page);
  const code = await resetCode(page, `phone=${phone}`);
  await typeInto(page, 'authing-reset-code', code === '000000' ? '111111' : '000000');
  await tap(page, byId('authing-reset-verify'));
  await page.waitForFunction((w) => [...document.querySelectorAll('[class*="t-input--t-input__tips"]')].some((e) => e.innerText.trim() === w), wording, { timeout: 5000 });
};

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
  { name: 'login-mfa-sms', page: 'login', act: mfaStep('mfa-sms') },
  { name: 'login-mfa-totp', page: 'login', act: mfaStep('mfa-totp') },
  { name: 'login-mfa-wrong-code', page: 'login', act: mfaStep('mfa-totp', '动态口令错误或已过期') },
  { name: 'login-mfa-dark', page: 'login', context: { colorScheme: 'dark' }, act: mfaStep('mfa-sms') },
  { name: 'login-en-us-mfa-sms', page: 'login-en', act: mfaStep('mfa-sms') },
  { name: 'login-en-us-mfa-totp', page: 'login-en', shot: false, act: mfaStep('mfa-totp') },
  {
    name: 'login-en-us-mfa-wrong-code',
    page: 'login-en',
    context: { viewport: { width: 320, height: 568 } },
    act: mfaStep('mfa-totp', 'Wrong code. Enter the current code of your authenticator app.'),
  },
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
  { name: 'mfa-default', page: 'mfa', ready: (page) => page.waitForSelector(byId('demo-mfa-totp'), { timeout: 10000 }) },
  {
    name: 'mfa-sms',
    page: 'mfa',
    act: async (page) => {
      await tap(page, byId('demo-mfa-sms'));
      await page.locator(byId('authing-mfa-verify')).first().waitFor({ state: 'visible', timeout: 8000 });
    },
  },
  {
    name: 'mfa-en-us-narrow',
    page: 'mfa',
    shot: false,
    context: { viewport: { width: 320, height: 568 } },
    act: async (page) => {
      await tap(page, byId('demo-mfa-totp'));
      await page.locator(byId('authing-mfa-verify')).first().waitFor({ state: 'visible', timeout: 8000 });
      await page.evaluate(() => window.__preview.page.instance.selectComponent('#mfa').setData({ lang: 'en-US' }));
      await page.waitForFunction(() => /Verify it's you/.test(document.body.innerText), null, { timeout: 5000 });
    },
  },
  { name: 'me-default', page: 'me', login: true, ready: (page) => page.waitForFunction(() => /已登录/.test(document.body.innerText), null, { timeout: 10000 }) },
  { name: 'me-signed-out', page: 'me', shot: false, ready: (page) => page.waitForFunction(() => /未登录/.test(document.body.innerText), null, { timeout: 10000 }) },
  { name: 'login-bind-phone', page: 'login', act: bindPhoneStep },
  {
    // A phone of another account (the demo user's): the server's message on the phone field.
    name: 'login-bind-phone-taken',
    page: 'login',
    consoleErrors: [/status of 400/],
    act: async (page) => {
      await bindPhoneStep(page);
      await typeInto(page, 'authing-bind-phone', DEMO_USER.phone);
      await tap(page, byId('authing-bind-send-code'));
      await page.waitForFunction(() => /\d+\s*s/.test((document.querySelector('[data-wx-id="authing-bind-send-code"]') || {}).innerText || ''), null, { timeout: 8000 });
      const code = await page.evaluate((p) => fetch(`/__dev/sms/latest?phone=${p}&channel=CHANNEL_BIND_PHONE`).then((r) => r.json()).then((j) => j.code), DEMO_USER.phone);
      await typeInto(page, 'authing-bind-code', code);
      await tap(page, byId('authing-bind-submit'));
      await page.waitForFunction((w) => [...document.querySelectorAll('[class*="t-input--t-input__tips"]')].some((e) => e.innerText.trim() === w), `手机号已被使用：${DEMO_USER.phone}`, { timeout: 8000 });
    },
  },
  { name: 'bind-phone-default', page: 'bind-phone' },
  { name: 'bind-phone-en-us', page: 'bind-phone?lang=en-US' },
  { name: 'bind-phone-dark', page: 'bind-phone', context: { colorScheme: 'dark' } },
  { name: 'bind-phone-en-us-narrow', page: 'bind-phone?lang=en-US', context: { viewport: { width: 320, height: 568 } } },
  { name: 'bind-phone-errors', page: 'bind-phone', shot: false, act: async (page) => { await tap(page, byId('authing-bind-submit')); await showsTips(page); } },
  { name: 'bind-phone-en-us-errors', page: 'bind-phone?lang=en-US', act: async (page) => { await tap(page, byId('authing-bind-submit')); await showsTips(page); } },
  // WeChat's privacy authorization (simulated, not yet agreed): the phone button's built-in popup asks first.
  { name: 'privacy-popup', page: 'phone', act: privacyPopupShown },
  { name: 'privacy-popup-en-us', page: 'phone?lang=en-US', act: privacyPopupShown },
  // <authing-account> on the me page: the account view, a popup per action, an error in place.
  { name: 'me-en-us', page: 'me?lang=en-US', login: true, ready: accountShown },
  { name: 'me-password-dialog', page: 'me', login: true, ready: accountShown, act: (page) => passwordDialogErrors(page) },
  { name: 'me-en-us-password-dialog', page: 'me?lang=en-US', login: true, shot: false, ready: accountShown, act: (page) => passwordDialogErrors(page) },
  { name: 'me-password-wrong', page: 'me', login: true, ready: accountShown, act: (page) => wrongCurrentPassword(page, '密码错误'), consoleErrors: [/status of 400/] },
  { name: 'me-en-us-password-wrong', page: 'me?lang=en-US', login: true, shot: false, ready: accountShown, act: (page) => wrongCurrentPassword(page, 'Wrong password'), consoleErrors: [/status of 400/] },
  { name: 'me-delete-confirm', page: 'me', login: true, ready: accountShown, act: (page) => deleteConfirmation(page, '确认注销') },
  { name: 'me-en-us-delete-confirm', page: 'me?lang=en-US', login: true, shot: false, ready: accountShown, act: (page) => deleteConfirmation(page, 'Delete for good') },
  { name: 'me-en-us-password-dialog-dark-narrow', page: 'me?lang=en-US', login: true, context: { colorScheme: 'dark', viewport: { width: 320, height: 568 } }, ready: accountShown, act: (page) => passwordDialogErrors(page) },
  { name: 'reset-password-default', page: 'reset-password' },
  { name: 'reset-password-en-us', page: 'reset-password?lang=en-US' },
  { name: 'reset-password-step2', page: 'reset-password', act: resetStepTwo('demo@example.com') },
  { name: 'reset-password-en-us-step2', page: 'reset-password?lang=en-US', shot: false, act: resetStepTwo('mfa-totp@example.com') },
  { name: 'reset-password-wrong-code', page: 'reset-password', act: resetWrongCode('验证码错误或已失效'), consoleErrors: [/status of 400/] },
  { name: 'reset-password-en-us-wrong-code', page: 'reset-password?lang=en-US', shot: false, act: resetWrongCode('Wrong or expired code'), consoleErrors: [/status of 400/] },
  {
    // The login's "forgot password" link shows the reset form in place of the login form.
    name: 'login-reset-entry',
    page: 'login',
    act: async (page) => {
      await tap(page, byId('authing-reset-entry'));
      await page.locator(byId('authing-reset-phone')).first().waitFor({ state: 'visible', timeout: 5000 });
    },
  },
  {
    name: 'login-en-us-reset-entry',
    page: 'login-en',
    shot: false,
    act: async (page) => {
      await tap(page, byId('authing-reset-entry'));
      await page.locator(byId('authing-reset-phone')).first().waitFor({ state: 'visible', timeout: 5000 });
    },
  },
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
        // The console lines a state's own server refusal makes (consoleErrors, one per pattern) are expected.
        const problems = [...page.problems];
        for (const re of state.consoleErrors || []) {
          const k = problems.findIndex((line) => re.test(line));
          if (k >= 0) problems.splice(k, 1);
        }
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
