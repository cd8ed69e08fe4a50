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

async function measureWeight() {
  const apps = await analyseApps({ root: ROOT });
  const out = {};
  for (const [name, report] of Object.entries(apps)) out[name] = summarise(report);
  return { tool: `miniprogram-ci ${require('miniprogram-ci/package.json').version} packNpmManually + analyseCode`, apps: out };
}

module.exports = { measureWeight, ownerOf };

if (require.main === module) measureWeight().then((r) => { console.log(JSON.stringify(r, null, 2)); process.exit(0); });
