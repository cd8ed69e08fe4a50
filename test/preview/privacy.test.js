/**
 * @jest-environment node
 */
// WeChat's privacy authorization in the browser preview: the preview's wx has the simulated privacy APIs
// (devserver/wx-shim/privacy.js; ?privacy=1 turns them on), so the demo's phone button meets the kit's
// built-in <authing-privacy-popup> exactly as on a phone whose user has not agreed yet: the popup shows,
// "agree" lets WeChat resume getPhoneNumber and the number arrives from the devserver; "decline" leaves
// the page calm. Chromium is required (never skipped).
const { newPhoneContext, openPreview, byId } = require('../../preview/browser');
const { previewSession } = require('../helpers/preview-session');

const session = previewSession();

/** The phone demo with a user who has not agreed to the privacy guidelines; WeChat's phone dialog says yes. */
async function phonePage() {
  const ctx = await newPhoneContext(session.browser);
  await ctx.addInitScript(() => { window.__wxPreviewAuto = { phone: true }; });
  const page = await openPreview(ctx, `${session.server.url}/preview/phone?privacy=1`);
  await page.locator(byId('authing-phone-button')).first().click();
  const agree = page.locator(byId('authing-privacy-agree')).first();
  await agree.waitFor({ state: 'visible', timeout: 8000 });
  return { ctx, page, agree };
}
const asked = (page) => page.evaluate(() => window.__preview.wx.__control.privacy.state.asked.slice());

test('the popup shows on the first getPhoneNumber; agree → WeChat resumes it and the number arrives', async () => {
  session.requireChromium();
  const { ctx, page, agree } = await phonePage();
  try {
    expect(await page.locator(byId('authing-privacy-text')).first().innerText()).toContain('隐私保护指引');
    expect(await page.evaluate(() => /\+86/.test(document.body.innerText))).toBe(false); // pending until agreed
    await agree.click();
    await page.waitForFunction(() => /\+86 1\d{10}/.test(document.body.innerText), null, { timeout: 8000 });
    await agree.waitFor({ state: 'hidden', timeout: 5000 });
    expect(await asked(page)).toEqual(['button.getPhoneNumber']);
    expect(page.problems).toEqual([]);
  } finally {
    await ctx.close();
  }
});

test('decline → the popup closes, `cancel: privacy`, no number, no error', async () => {
  session.requireChromium();
  const { ctx, page, agree } = await phonePage();
  try {
    await page.locator(byId('authing-privacy-disagree')).first().click();
    await page.waitForFunction(() => /cancel: privacy/.test(document.body.innerText), null, { timeout: 5000 });
    await agree.waitFor({ state: 'hidden', timeout: 5000 });
    expect(await page.evaluate(() => /\+86/.test(document.body.innerText))).toBe(false);
    expect(await page.locator(byId('authing-message')).count()).toBe(0);
    expect(page.problems).toEqual([]);
  } finally {
    await ctx.close();
  }
});
