// Package weight as WeChat itself computes it: fresh consumer mini-programs that install the packed
// kit (scripts/consumer-app.js), laid out by miniprogram-ci's packNpmManually (= DevTools' 构建 npm)
// and walked by its analyseCode (= DevTools' dependency graph). A file counts when the analyser
// reaches it (what ships with 过滤无依赖文件 on); sizes are file bytes, gzip -9 beside them.
const path = require('path');
const { analyseApps } = require('../scripts/consumer-app');

const ROOT = path.resolve(__dirname, '..');
const NPM = 'miniprogram_npm/';

/** Who a reachable file belongs to. */
function ownerOf(file) {
  if (!file.startsWith(NPM)) return 'app';
  const rest = file.slice(NPM.length);
  if (rest.startsWith('authing-miniapp-kit/crypto/')) return 'kit crypto';
  if (rest.startsWith('authing-miniapp-kit/')) return 'kit';
  if (/^(jsencrypt|sm-crypto|jsbn)\//.test(rest)) return 'crypto packages';
  if (rest.startsWith('tdesign-miniprogram/icon/')) return 'tdesign t-icon';
  if (rest.startsWith('tdesign-miniprogram/')) return 'tdesign other';
  return rest.split('/')[0];
}

function summarise(report) {
  const byOwner = {};
  for (const f of report.reachable) {
    const o = ownerOf(f.path);
    byOwner[o] = byOwner[o] || { bytes: 0, gzip: 0, files: 0 };
    byOwner[o].bytes += f.size; byOwner[o].gzip += f.gzip; byOwner[o].files += 1;
  }
  const find = (p) => report.reachable.find((f) => f.path === p);
  return {
    title: report.title, chart: report.chart, bytes: report.bytes, files: report.reachable.length, errors: report.errors, byOwner,
    core: find(`${NPM}authing-miniapp-kit/index.js`) || null,
    cryptoFiles: report.reachable.filter((f) => ['kit crypto', 'crypto packages'].includes(ownerOf(f.path))).map((f) => f.path),
    optionalModules: report.reachable.filter((f) => /authing-miniapp-kit\/(account|i18n\/)/.test(f.path)).map((f) => f.path),
  };
}

/** Kit files a login-only page with encrypt="none" must never reach (issue "Lean and fast"). */
const NOT_ON_A_LOGIN_ONLY_PAGE = [/\/crypto\//, /^miniprogram_npm\/authing-miniapp-kit\/account\.js$/, /^miniprogram_npm\/authing-miniapp-kit\/i18n\/en-US\.js$/, /^miniprogram_npm\/(jsencrypt|sm-crypto|jsbn)\//];

/** Throws when the analyser's reachable files of the login-only app hold crypto, account or en-US. */
function assertLoginOnlyIsLean(report) {
  const files = report.reachable.map((f) => f.path);
  if (!files.some((f) => f === `${NPM}authing-miniapp-kit/components/login/index.js`)) {
    throw new Error('the login-only app does not reach the login component: the analysis is broken');
  }
  const found = files.filter((f) => NOT_ON_A_LOGIN_ONLY_PAGE.some((re) => re.test(f)));
  if (found.length) throw new Error(`a login-only page with encrypt="none" reaches ${found.join(', ')}`);
}

async function measureWeight() {
  const apps = await analyseApps({ root: ROOT });
  const out = {};
  for (const [name, report] of Object.entries(apps)) out[name] = summarise(report);
  assertLoginOnlyIsLean(apps.loginNone);
  return { tool: `miniprogram-ci ${require('miniprogram-ci/package.json').version} packNpmManually + analyseCode`, apps: out };
}

module.exports = { measureWeight, ownerOf, assertLoginOnlyIsLean, NOT_ON_A_LOGIN_ONLY_PAGE };

if (require.main === module) measureWeight().then((r) => { console.log(JSON.stringify(r, null, 2)); process.exit(0); });
