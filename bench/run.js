#!/usr/bin/env node
// `npm run bench` (= `gulp demo && node bench/run.js`): every figure of the kit in one run, printed
// as ONE aligned Markdown table and written to bench/results/latest.{json,md}. What each figure
// means and how it is measured: bench/README.md.
//
//   1. package weight         bench/weight.js        (fresh consumer apps: miniprogram-ci 构建 npm + analyseCode)
//   2. round trips per flow   bench/round-trips.js   (counted at the devserver)
//   3. encryption time        bench/crypto-time.js   (bare vm context, like WeChat's runtime)
//   4. setData + WXML nodes   bench/*.bench.js       (jest + miniprogram-simulate, own config)
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync, spawnSync } = require('child_process');

const ROOT = path.resolve(__dirname, '..');
const TMP = path.join(__dirname, 'tmp');
const RESULTS = path.join(__dirname, 'results');

const fmt = (n) => (typeof n === 'number' ? n.toLocaleString('en-US') : String(n));
const bytes = (n) => `${fmt(n)} B`;
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;

function git(args) {
  try {
    return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch (e) {
    return '';
  }
}

function meta() {
  const commit = git(['rev-parse', '--short', 'HEAD']) || 'unknown';
  const dirty = git(['status', '--porcelain']) ? '+uncommitted changes' : '';
  return {
    date: new Date().toISOString(),
    node: process.version,
    commit: commit + (dirty ? ` (${dirty})` : ''),
    platform: `${os.platform()} ${os.arch()}`,
    cpus: `${os.cpus().length} × ${(os.cpus()[0] || {}).model || 'cpu'}`,
  };
}

/** Runs the jest bench files; their JSON fragments land in bench/tmp/. */
function runComponentBench() {
  fs.rmSync(TMP, { recursive: true, force: true });
  fs.mkdirSync(TMP, { recursive: true });
  const jest = require.resolve('jest/bin/jest');
  const res = spawnSync(process.execPath, [jest, '-c', path.join(__dirname, 'jest.bench.config.js'), '--silent'], {
    cwd: ROOT, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' },
  });
  if (res.status !== 0) {
    process.stderr.write(res.stdout + res.stderr);
    throw new Error('the component bench (jest -c bench/jest.bench.config.js) failed');
  }
  const out = {};
  for (const f of fs.readdirSync(TMP).filter((n) => n.endsWith('.json'))) Object.assign(out, JSON.parse(fs.readFileSync(path.join(TMP, f), 'utf8')).components);
  return out;
}

// ---- the table ------------------------------------------------------------------------------
function buildRows({ weight, roundTrips, crypto, components }) {
  const rows = [];
  const add = (section, measure, kit, anchor = '', note = '') => rows.push({ section, measure, kit, anchor, note });
  const A = { authingCoreMin: 28608 }; // Authing's own client, minified (issue #10)

  // 1. package weight (WeChat's analyser on fresh consumer apps)
  for (const app of Object.values(weight.apps)) {
    const owners = Object.entries(app.byOwner).sort((a, b) => b[1].bytes - a[1].bytes).map(([o, v]) => `${o} ${kb(v.bytes)}`).join(', ');
    add('weight', `${app.title}: reachable, raw / gzip`, `${bytes(app.bytes)} / ${bytes(Object.values(app.byOwner).reduce((a, v) => a + v.gzip, 0))}`, '',
      `${app.files} files, ${app.errors.length} unresolved: ${owners}`);
  }
  const login = weight.apps.loginNone;
  add('weight', 'core bundle (index.js), min / gzip', `${bytes(login.core.size)} / ${bytes(login.core.gzip)}`, `${bytes(A.authingCoreMin)} min`, 'one module shared by every component');

  // 2. round trips
  // The same flow driven through a component: requests the devserver saw during those steps.
  const VIA = {
    'password login (plain)': [['login', ['password login (tap → login)']]],
    'SMS login (send + login)': [['login', ['send SMS code (tap → sent)', 'SMS login (tap → login)']]],
    'WeChat code login': [['login', ['WeChat login (tap → login)']]],
    'phone login (code + phone)': [['login', ['phone login (getphonenumber → login)']], ['phone-button', ['login (getphonenumber → login)']]],
    'getPhone (phone number only)': [['phone-button', ['get-phone (getphonenumber → phone)']]],
    'profile load': [['profile-form', ['mount + profile load']], ['avatar-uploader', ['mount + profile load']]],
    'profile save': [['profile-form', ['profile save (tap → save)']]],
    'avatar change': [['avatar-uploader', ['avatar change (chooseavatar → change)']]],
  };
  for (const r of roundTrips) {
    const via = (VIA[r.flow] || []).map(([name, steps]) => {
      const found = steps.map((st) => ((components[name] || {}).steps || {})[st]);
      return found.every(Boolean) ? { name, n: found.reduce((sum, st) => sum + st.requests, 0) } : null;
    }).filter(Boolean);
    const viaText = via.length ? ` (${via.map((v) => `<${v.name}> ${v.n}`).join(', ')})` : '';
    const note = r.paths.join(' + ');
    add('round trips', r.flow, `${r.kit}${viaText}`, String(r.anchor), note);
  }

  // 3. setData per action / keystroke (kit component instance; tdesign children apart)
  for (const [name, c] of Object.entries(components)) {
    for (const [step, s] of Object.entries(c.steps)) {
      const per = s.keystrokes ? ' per keystroke' : '';
      add('setData', `<${name}> ${step}`, `${fmt(s.kitSetData)} call${s.kitSetData === 1 ? '' : 's'}, ${bytes(s.kitBytes)}${per}`, '',
        `tdesign ${fmt(s.tdSetData)} / ${bytes(s.tdBytes)}; requests ${fmt(s.requests)}${s.keystrokes ? ` (avg of ${s.keystrokes})` : ''}`);
    }
  }

  // 4. encryption time
  for (const [label, r] of [['RSA-2048 (jsencrypt)', crypto.rsa], ['SM2 (sm-crypto)', crypto.sm2]]) {
    add('crypto', `${label} tap → wx.request, prepared, warm: median / p95`, `${r.warm.medianMs} / ${r.warm.p95Ms} ms`, '', `${r.warm.runs} logins after ${r.warmup} warm-up; devserver decrypts each`);
    add('crypto', `${label} tap → wx.request, cold start (persisted key): median / max`, `${r.cold.medianMs} / ${r.cold.maxMs} ms`, '', `${r.cold.runs} fresh runtimes; ${r.cold.requests} request(s) per cold login incl. prepare`);
    add('crypto', `${label} encrypt with nothing prepared`, `${r.unpreparedMs} ms`, '', 'fresh runtime, pool filled; reference only');
  }

  // 5. WXML nodes
  for (const [name, c] of Object.entries(components)) {
    add('WXML nodes', `<${name}>`, `${c.nodes.elements} elements + ${c.nodes.texts} text`, '', `own template: ${c.nodes.own} elements (tdesign children counted once)`);
  }
  return rows;
}

/** One aligned Markdown table. */
function toMarkdown(rows) {
  const head = ['section', 'measure', 'kit', 'anchor (Authing SDK)', 'note'];
  const keys = ['section', 'measure', 'kit', 'anchor', 'note'];
  const width = (s) => [...String(s)].reduce((n, ch) => n + (/[\u1100-\uffff]/.test(ch) && !/[→·×]/.test(ch) ? 2 : 1), 0);
  const widths = keys.map((k, i) => Math.max(width(head[i]), ...rows.map((r) => width(r[k]))));
  const pad = (s, w) => String(s) + ' '.repeat(Math.max(0, w - width(s)));
  const line = (cells) => `| ${cells.map((c, i) => pad(c, widths[i])).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map((r) => line(keys.map((k) => r[k])))].join('\n');
}

/** Rewrites the README's figures between its bench markers, so the README shows this run. */
function updateReadme(figuresTable) {
  const file = path.join(ROOT, 'README.md');
  const text = fs.readFileSync(file, 'utf8');
  const start = '<!-- bench:figures:start -->';
  const end = '<!-- bench:figures:end -->';
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a < 0 || b < a) throw new Error(`README.md lacks the ${start} … ${end} markers`);
  fs.writeFileSync(file, `${text.slice(0, a + start.length)}\n${figuresTable}\n\n![reachable bytes per consumer app](bench/results/weight.svg)\n${text.slice(b)}`);
}

async function main() {
  const started = Date.now();
  const { measureWeight } = require('./weight');
  const { measureRoundTrips } = require('./round-trips');
  const { measureCrypto } = require('./crypto-time');
  const { figureRows, figuresMarkdown } = require('./figures');
  const { weightSvg, BEFORE_BAR } = require('./chart');
  const log = (s) => process.stderr.write(`bench: ${s}\n`);

  log('package weight (miniprogram-ci on fresh consumer apps)…');
  const weight = await measureWeight();
  log('round trips…');
  const roundTrips = await measureRoundTrips();
  log('encryption time (bare vm)…');
  const crypto = await measureCrypto();
  log('setData and WXML nodes (jest + miniprogram-simulate)…');
  const components = runComponentBench();

  const info = { ...meta(), durationS: Math.round((Date.now() - started) / 100) / 10 };
  const rows = buildRows({ weight, roundTrips, crypto, components });
  const table = toMarkdown(rows);
  const figures = figureRows({ weight, roundTrips, crypto, components });
  const figuresTable = figuresMarkdown(figures);
  const bars = [BEFORE_BAR, ...Object.values(weight.apps).map((a) => ({ label: `now: ${a.chart || a.title}`, byOwner: Object.fromEntries(Object.entries(a.byOwner).map(([o, v]) => [o, v.bytes])) }))];
  const header = `date ${info.date} · node ${info.node} · commit ${info.commit} · ${info.platform}, ${info.cpus} · ${info.durationS} s`;

  fs.mkdirSync(RESULTS, { recursive: true });
  fs.writeFileSync(path.join(RESULTS, 'latest.json'), JSON.stringify({ meta: info, figures, weight, roundTrips, crypto, components, table: rows }, null, 2) + '\n');
  fs.writeFileSync(path.join(RESULTS, 'weight.svg'), weightSvg(bars, 350 * 1000));
  updateReadme(figuresTable);
  fs.writeFileSync(path.join(RESULTS, 'latest.md'), [
    '# authing-miniapp-kit — bench results',
    '',
    `${header}. Produced by \`npm run bench\`; what each figure means: [bench/README.md](../README.md).`,
    '',
    '## Lean and fast: figures and goals',
    '',
    figuresTable,
    '',
    '![reachable bytes per consumer app](weight.svg)',
    '',
    '## Every figure',
    '',
    table,
    '',
  ].join('\n'));
  process.stdout.write(`\n${header}\n\n${figuresTable}\n\n${table}\n\nwritten: bench/results/latest.{json,md}, bench/results/weight.svg, README.md (figures)\n`);
}

// miniprogram-ci's analyser leaves a file watcher open: end the process once the results are written.
main().then(() => process.exit(0)).catch((err) => {
  process.stderr.write(`bench failed: ${err && err.stack ? err.stack : err}\n`);
  process.exit(1);
});
