// One preview server + Chromium per test file (browser-preview tests, jest.preview.config.js):
// `const s = previewSession()` registers the beforeAll/afterAll; `s.server.url`, `s.browser` inside tests;
// `s.requireChromium()` at the top of each test (no Chromium → the test FAILS with the install command).
const path = require('path');
const { chromiumMissing, launchChromium } = require('../../preview/browser');
const { startPreviewServer } = require('../../preview/serve');
const { ensureDemoNpm } = require('../../preview/build');

const DEMO = path.resolve(__dirname, '../../demo');

function previewSession() {
  const s = {
    server: null,
    browser: null,
    requireChromium() {
      const missing = chromiumMissing();
      if (missing) throw new Error(missing);
    },
  };
  beforeAll(async () => {
    if (chromiumMissing()) return; // each test reports it
    ensureDemoNpm(DEMO);
    s.server = await startPreviewServer({ root: DEMO });
    s.browser = await launchChromium();
  }, 60000);
  afterAll(async () => {
    if (s.browser) await s.browser.close();
    if (s.server) await s.server.close();
  });
  return s;
}

module.exports = { previewSession, DEMO };
