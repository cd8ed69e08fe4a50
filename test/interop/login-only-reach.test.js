/**
 * @jest-environment node
 */
// "Pay for what you use", checked with WeChat's own dependency graph: a fresh mini-program whose
// only page holds <authing-login encrypt="none"> is laid out by miniprogram-ci's packNpmManually
// (构建 npm) and walked by its analyseCode; the reachable files must hold no crypto bundle or
// library, no account module and no second language. (~20 s: npm pack + 构建 npm + analyser.)
const path = require('path');
const { execFileSync } = require('child_process');
const { NOT_ON_A_LOGIN_ONLY_PAGE } = require('../../bench/weight');

const ROOT = path.resolve(__dirname, '../..');
const KIT = 'miniprogram_npm/authing-miniapp-kit/';

/** The analysis in a child Node: miniprogram-ci is too large for jest's module loader and keeps watchers open. */
function analyseLoginOnly() {
  const script = `require('./scripts/consumer-app').analyseApps({ root: process.cwd(), names: ['loginNone'] })
    .then((a) => { process.stdout.write(JSON.stringify(a.loginNone)); process.exit(0); }, (e) => { console.error(e); process.exit(1); });`;
  const out = execFileSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 << 20 });
  return JSON.parse(out.slice(out.indexOf('{')));
}

test('a login-only page with encrypt="none" reaches no crypto/, account.js or i18n/en-US.js', () => {
  const loginNone = analyseLoginOnly();
  const reachable = loginNone.reachable.map((f) => f.path);
  // The analysis did reach the kit: the component and the core it requires.
  expect(reachable).toEqual(expect.arrayContaining([`${KIT}components/login/index.js`, `${KIT}index.js`]));
  expect(loginNone.errors).toEqual([]);
  // The forbidden files exist in the package (so their absence above means something) …
  const laidOut = loginNone.files.map((f) => f.path);
  for (const file of ['crypto/rsa.js', 'crypto/sm2.js', 'account.js', 'i18n/en-US.js']) expect(laidOut).toContain(`${KIT}${file}`);
  // … and none of them is reachable.
  expect(reachable.filter((f) => NOT_ON_A_LOGIN_ONLY_PAGE.some((re) => re.test(f)))).toEqual([]);
}, 180000);
