// Headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core) for the preview's
// screenshots and tests, plus small helpers to drive preview pages.
const fs = require('fs');
const zlib = require('zlib');

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
// Known to work on this machine kind; the background-networking flags keep Chromium off the
// (closed) network. playwright's launch() adds --headless and a fresh --user-data-dir itself.
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--hide-scrollbars', '--font-render-hinting=none'];
const INSTALL_HINT = 'apt-get install chromium fonts-noto-cjk';

function chromiumMissing() {
  return fs.existsSync(CHROMIUM) ? null : `Chromium not found at ${CHROMIUM}: ${INSTALL_HINT} (or set CHROMIUM_PATH)`;
}

async function launchChromium() {
  const missing = chromiumMissing();
  if (missing) throw new Error(missing);
  // eslint-disable-next-line global-require
  const { chromium } = require('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
}

/** A phone-sized browser context (375 px wide, 2× like the notes' screenshots). */
function newPhoneContext(browser, options = {}) {
  return browser.newContext({
    viewport: { width: 375, height: 667 }, deviceScaleFactor: 2, colorScheme: 'light', locale: 'zh-CN', ...options,
  });
}

/**
 * Opens a preview URL and records problems: uncaught errors, console errors (the runtime reports
 * every mini-program error there) and failed requests. Resolves once the page is mounted.
 */
async function openPreview(context, url, { timeout = 60000 } = {}) {
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.stack || e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console.error: ${m.text()}`); });
  page.on('requestfailed', (r) => {
    const f = r.failure();
    if (!(f && /ERR_ABORTED/.test(f.errorText))) problems.push(`requestfailed: ${r.url()} ${f && f.errorText}`);
  });
  page.problems = problems;
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout });
  await page.waitForSelector('[data-wxp-ready]', { timeout, state: 'attached' });
  await settle(page);
  return page;
}

/** Lets setData, transitions, images and fonts settle before a screenshot. */
async function settle(page, ms = 350) {
  await page.evaluate(() => document.fonts.ready.then(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))));
  await page.waitForTimeout(ms);
  await page.evaluate(() => Promise.all([...document.images].filter((i) => !i.complete).map((i) => new Promise((r) => { i.onload = r; i.onerror = r; }))));
}

/** Element by mini-program id (`id="x"` in WXML; virtualHost components mark their first element). */
const byId = (id) => `[data-wx-id="${id}"], #${id}`;

/**
 * Is the rendered page non-blank? Counts visible, styled elements with text or a box, and measures
 * pixel variance of a screenshot (decoded in the page through a canvas).
 */
async function blankCheck(page, png) {
  return page.evaluate(async (b64) => {
    const els = [...document.querySelectorAll('#wxp-app *')].filter((e) => {
      const r = e.getBoundingClientRect();
      return r.width > 2 && r.height > 2 && getComputedStyle(e).visibility !== 'hidden';
    });
    const text = (document.getElementById('wxp-app') || document.body).innerText.trim().length;
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.naturalWidth;
    c.height = img.naturalHeight;
    const ctx = c.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const { data } = ctx.getImageData(0, 0, c.width, c.height);
    const colors = new Set();
    let sum = 0; let sq = 0; let n = 0;
    for (let i = 0; i < data.length; i += 4 * 7) {
      const v = 0.299 * data[i] + 0.587 * data[i + 1] + 0.114 * data[i + 2];
      sum += v; sq += v * v; n += 1;
      if (colors.size < 5000) colors.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
    }
    const mean = sum / n;
    return { elements: els.length, text, stddev: Math.sqrt(Math.max(0, sq / n - mean * mean)), colors: colors.size, width: c.width, height: c.height };
  }, png.toString('base64'));
}

// ---- a tiny PNG encoder (for a generated avatar picture) ----------------------------------------

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();
function crc32(buf) {
  let c = -1;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
/** RGB PNG of w×h from pixel(x, y) → [r, g, b]. */
function makePng(w, h, pixel) {
  const raw = Buffer.alloc((w * 3 + 1) * h);
  for (let y = 0; y < h; y++) {
    raw[y * (w * 3 + 1)] = 0;
    for (let x = 0; x < w; x++) {
      const [r, g, b] = pixel(x, y);
      const o = y * (w * 3 + 1) + 1 + x * 3;
      raw[o] = r; raw[o + 1] = g; raw[o + 2] = b;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8; ihdr[9] = 2; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
/** A friendly generated avatar: gradient background with a light head-and-shoulders figure. */
function avatarPng(size = 256) {
  return makePng(size, size, (x, y) => {
    const u = x / size; const v = y / size;
    let r = 255 * (0.98 - 0.35 * v); let g = 160 + 60 * u; let b = 90 + 120 * v;
    const head = (u - 0.5) ** 2 + (v - 0.4) ** 2 < 0.028;
    const body = (u - 0.5) ** 2 / 0.09 + (v - 1.0) ** 2 / 0.1 < 1;
    if (head || body) { r = 255; g = 248; b = 240; }
    return [Math.round(r), Math.round(g), Math.round(b)];
  });
}

module.exports = {
  CHROMIUM, FLAGS, INSTALL_HINT, chromiumMissing, launchChromium, newPhoneContext, openPreview, settle, byId, blankCheck,
  makePng, avatarPng,
};
