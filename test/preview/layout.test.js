/**
 * @jest-environment node
 */
// Pixel-clean screens, checked from the real layout in headless Chromium (preview/layout-check.js):
// in every demo page and state (preview/shoot.js STATES: default, errors, countdown, consent dialog,
// WeChat tab, email tab, busy, signed in / out, both languages), light and dark, 320 px and 414 px
// wide, no text is clipped or sticks out of its box, no control is covered and nothing scrolls
// sideways. One browser; each state is opened and driven once, then re-checked after switching the
// width and the colour scheme in place (the preview reflows on resize like a narrower phone).
// Time (measured, shared 2-core machine at load ≈ 9): 27 tests in 3 min, ≈ 5–9 s per state of which the four
// checks take well under a second; opening and driving the page is the rest.
const path = require('path');
const {
  chromiumMissing, launchChromium, newPhoneContext, openPreview, settle,
} = require('../../preview/browser');
const { startPreviewServer } = require('../../preview/serve');
const { ensureDemoNpm } = require('../../preview/build');
const { STATES, passwordLogin } = require('../../preview/shoot');
const { checkLayout } = require('../../preview/layout-check');

const DEMO = path.resolve(__dirname, '../../demo');
const WIDTHS = [320, 414];
const SCHEMES = ['light', 'dark'];

let server;
let browser;
let signedIn; // storage state of one real login, for the signed-in states
beforeAll(async () => {
  if (chromiumMissing()) return; // each test reports it
  ensureDemoNpm(DEMO);
  server = await startPreviewServer({ root: DEMO });
  browser = await launchChromium();
  const ctx = await newPhoneContext(browser);
  await passwordLogin(await openPreview(ctx, `${server.url}/preview/login`));
  signedIn = await ctx.storageState();
  await ctx.close();
}, 180000);
afterAll(async () => {
  if (browser) await browser.close();
  if (server) await server.close();
});

function requireChromium() {
  const missing = chromiumMissing();
  if (missing) throw new Error(missing);
}

/** Opens a state at the first width; runs `fn(page)`; closes. */
async function withState(state, fn) {
  const ctx = await newPhoneContext(browser, {
    viewport: { width: WIDTHS[0], height: 740 }, ...(state.context || {}), ...(state.login ? { storageState: signedIn } : {}),
  });
  try {
    if (state.init) await ctx.addInitScript(state.init);
    const page = await openPreview(ctx, `${server.url}/preview/${state.page}`);
    if (state.ready) await state.ready(page);
    if (state.act) await state.act(page);
    await settle(page, 300);
    return await fn(page);
  } finally {
    await ctx.close();
  }
}

/** The check at every width × colour scheme, problems prefixed with where they were seen. */
async function everyViewport(page) {
  const problems = [];
  for (const width of WIDTHS) {
    for (const colorScheme of SCHEMES) {
      await page.setViewportSize({ width, height: 740 });
      await page.emulateMedia({ colorScheme });
      await settle(page, 120);
      for (const p of await checkLayout(page)) problems.push(`${width}px ${colorScheme}: ${p}`);
    }
  }
  return problems;
}

describe('the layout check itself', () => {
  test('fails on a deliberately too-long text, and names it', async () => {
    requireChromium();
    const state = STATES.find((s) => s.name === 'login-default');
    await withState(state, async (page) => {
      expect(await checkLayout(page)).toEqual([]);
      // The host overrides the button label through the component's `texts` property.
      const long = 'Sign in to your Acme Travel account and continue where you left off';
      await page.evaluate((t) => window.__preview.page.instance.selectComponent('#login').setData({ texts: { login: t } }), long);
      await page.waitForFunction(() => /Acme Travel/.test(document.querySelector('[data-wx-id="authing-submit-password"]').innerText));
      const problems = await checkLayout(page);
      expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(/^(clipped|overflow|off screen): .*authing-submit-password.*"Sign in to your Acme/)]));
    });
  });

  test('fails on a control covered by another layer, and on a page wider than the screen', async () => {
    requireChromium();
    await withState({ page: 'login' }, async (page) => {
      await page.evaluate(() => {
        const cover = document.createElement('div');
        const r = document.querySelector('[data-wx-id="authing-submit-password"]').getBoundingClientRect();
        cover.style.cssText = `position:absolute;left:${r.left}px;top:${r.top + window.scrollY}px;width:${r.width}px;height:${r.height}px;background:#fff`;
        document.getElementById('wxp-app').appendChild(cover);
        const wide = document.createElement('div');
        wide.style.cssText = 'width:600px;height:10px;background:#f00';
        document.querySelector('page').appendChild(wide);
      });
      const problems = await checkLayout(page);
      expect(problems.some((p) => /^covered: wx-button#authing-submit-password/.test(p))).toBe(true);
      expect(problems.some((p) => /^wide: /.test(p))).toBe(true);
    });
  });
});

describe('every demo page and state is pixel-clean at 320 and 414 px, light and dark', () => {
  test.each(STATES.map((s) => [s.name, s]))('%s', async (name, state) => {
    requireChromium();
    await withState(state, async (page) => {
      const problems = await everyViewport(page);
      expect(problems).toEqual([]);
      // A state that drives a server refusal names the one console line the browser logs for it.
      expect(page.problems).toEqual((state.consoleErrors || []).map((re) => expect.stringMatching(re)));
    });
  });
});
