// The "Lean and fast" figures: each measured figure beside its goal and the figure the issue
// measured before the work (main on 2026-11-30, same tools), with a pass/gap verdict.
const KB = 1000;

/** Issue #10's "today" column, measured with the same tools before this work. */
const BEFORE = {
  fourReachable: '726,443 B',
  kitAndCrypto: '415 KiB',
  coreLogin: '59,981 B / 17,089 B',
  tapToRequest: 'SM2 35–89 ms, RSA 1.8–2.9 ms; cold + 1 round trip',
  requestsPerLogin: '2',
  setDataPerAction: '2 (avatar 3)',
};

const n = (v) => v.toLocaleString('en-US');
const LOGIN_STEPS = { password: 'password login (tap → login)', SMS: 'SMS login (tap → login)', WeChat: 'WeChat login (tap → login)' };

function figureRows({ weight, roundTrips, crypto, components }) {
  const rows = [];
  const add = (figure, now, goal, met, cause = '') => rows.push({ figure, before: '', now, goal, status: met ? 'met' : `gap${cause ? `: ${cause}` : ''}` });
  const four = weight.apps.fourComponentsRsa;
  const login = weight.apps.loginNone;
  const own = (app, owners) => owners.reduce((sum, o) => sum + ((app.byOwner[o] || {}).bytes || 0), 0);

  add('four components + RSA, everything reachable', `${n(four.bytes)} B (${four.files} files)`, '≤ 350 KB', four.bytes <= 350 * KB,
    `tdesign ${n(own(four, ['tdesign other', 'tdesign t-icon']))} B of it (t-icon ${n(own(four, ['tdesign t-icon']))} B)`);
  const kitCrypto = own(four, ['kit', 'kit crypto', 'crypto packages']);
  add("kit's own code + crypto it pulls, four components + RSA", `${n(kitCrypto)} B`, '≤ 120 KB', kitCrypto <= 120 * KB,
    `crypto ${n(own(four, ['kit crypto', 'crypto packages']))} B (${four.cryptoFiles.map((f) => f.split('/').slice(-2).join('/')).join(', ') || 'none'}), core bundle ${n(four.core.size)} B, components ${n(own(four, ['kit']) - four.core.size)} B`);
  add('core a login page ships, min / gzip', `${n(login.core.size)} B / ${n(login.core.gzip)} B`, '≤ 24 KB / ≤ 8 KB',
    login.core.size <= 24 * KB && login.core.gzip <= 8 * KB,
    'the core is the whole headless client every page shares (password, SMS, WeChat and phone logins, refresh and session sync, profile, zh-CN messages, validation, the WeChat, Taro and uni-app adapters) plus the modules satellites import, exposed whole (no tree-shaking)');
  const cryptoOnLoginOnly = login.cryptoFiles.length;
  add('login-only page, encrypt="none": crypto / optional modules reachable',
    `${cryptoOnLoginOnly ? login.cryptoFiles.map((f) => f.split('/').slice(-2).join('/')).join(', ') : 'none'} / ${login.optionalModules.length ? login.optionalModules.join(', ') : 'none'}`,
    'none / none', !cryptoOnLoginOnly && !login.optionalModules.length, cryptoOnLoginOnly ? "<authing-login>'s encryptors require both crypto bundles" : '');

  const td = weight.apps.tdesignOnly;
  if (td) {
    const icon = (app) => own(app, ['tdesign t-icon']);
    add('icons: t-icon bytes the kit adds — app already on TDesign / app without it',
      `${n(Math.max(0, icon(four) - icon(td)))} B / ${n(icon(four))} B`, 'a handful of glyphs', false,
      `t-icon (${n(icon(td))} B) is reached through TDesign's own t-button / t-input / t-checkbox (also t-tabs, t-toast, t-dialog)`);
  }
  const warm = Math.max(crypto.rsa.warm.medianMs, crypto.sm2.warm.medianMs);
  add('tap → request on the wire, prepared (prepareEncryption before the tap), warm: SM2 / RSA',
    `${crypto.sm2.warm.medianMs} / ${crypto.rsa.warm.medianMs} ms (median of ${crypto.rsa.warm.runs}; p95 ${crypto.sm2.warm.p95Ms} / ${crypto.rsa.warm.p95Ms}; unprepared encrypt ${crypto.sm2.unpreparedMs} / ${crypto.rsa.unpreparedMs})`,
    '≤ 5 ms both', warm <= 5);
  const coldMs = Math.max(crypto.rsa.cold.medianMs, crypto.sm2.cold.medianMs);
  const coldTrips = Math.max(crypto.rsa.cold.requests, crypto.sm2.cold.requests);
  add('tap → request after a cold start (fresh runtime, persisted key, prepared): SM2 / RSA',
    `${crypto.sm2.cold.medianMs} / ${crypto.rsa.cold.medianMs} ms (median of ${crypto.rsa.cold.runs}; max ${crypto.sm2.cold.maxMs} / ${crypto.rsa.cold.maxMs}); ${coldTrips} request${coldTrips === 1 ? '' : 's'} per cold login`,
    '≤ 5 ms, no extra round trip', coldTrips <= 1 && coldMs <= 5,
    coldTrips > 1 ? 'the cold start fetched the public key again' : 'no round trip: the first encryption in a fresh JS context runs the crypto library unoptimised (JIT warm-up; RSA\'s modular exponentiation on jsbn most)');
  const loginSteps = (components.login || {}).steps || {};
  const perLogin = Object.entries(LOGIN_STEPS).map(([k, step]) => [k, (loginSteps[step] || {}).requests]).filter(([, v]) => v !== undefined);
  add('requests per component login (password, SMS, WeChat)', perLogin.map(([, v]) => v).join(', '), '1', perLogin.every(([, v]) => v <= 1), 'sign-in, then get-profile');

  // A step that mounts the component and then loads the profile also pays the mount's first render,
  // which every mount costs with or without a request: it is counted apart, not as the action's.
  const actionSetData = (step, s) => (/^mount\b/.test(step) ? Math.max(0, s.kitSetData - 1) : s.kitSetData);
  const perAction = Object.entries(components).map(([name, c]) => [name, Math.max(0, ...Object.entries(c.steps).filter(([, s]) => s.requests > 0 && !s.keystrokes).map(([step, s]) => actionSetData(step, s)))]);
  add('kit setData per request action (max per component; a mount\'s first render counted apart)', perAction.map(([name, v]) => `${name} ${v}`).join(', '), '≤ 1', perAction.every(([, v]) => v <= 1), 'busy state, then result');

  const before = {
    'four components + RSA, everything reachable': BEFORE.fourReachable,
    "kit's own code + crypto it pulls, four components + RSA": BEFORE.kitAndCrypto,
    'core a login page ships, min / gzip': BEFORE.coreLogin,
    'tap → request on the wire, prepared (prepareEncryption before the tap), warm: SM2 / RSA': BEFORE.tapToRequest,
    'tap → request after a cold start (fresh runtime, persisted key, prepared): SM2 / RSA': 'cold + 1 round trip (GET /api/v3/system)',
    'requests per component login (password, SMS, WeChat)': BEFORE.requestsPerLogin,
    "kit setData per request action (max per component; a mount's first render counted apart)": BEFORE.setDataPerAction,
    'icons: t-icon bytes the kit adds — app already on TDesign / app without it': '0 B / 111 KiB',
  };
  rows.forEach((r) => { r.before = before[r.figure] || ''; });
  return rows;
}

/** Markdown table of the figures. */
function figuresMarkdown(rows) {
  const head = '| figure | before (issue) | now | goal | status |\n|---|---|---|---|---|';
  return [head, ...rows.map((r) => `| ${r.figure} | ${r.before} | ${r.now} | ${r.goal} | ${r.status} |`)].join('\n');
}

module.exports = { figureRows, figuresMarkdown, BEFORE };
