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
    `crypto ${n(own(four, ['kit crypto', 'crypto packages']))} B (<authing-login> reaches both crypto bundles), core bundle ${n(four.core.size)} B`);
  add('core a login page ships, min / gzip', `${n(login.core.size)} B / ${n(login.core.gzip)} B`, '≤ 24 KB / ≤ 8 KB',
    login.core.size <= 24 * KB && login.core.gzip <= 8 * KB, 'the core bundle also holds the flows two components share (login-form, consent, countdown)');
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
  const first = (flow) => (roundTrips.find((r) => r.flow === flow) || {}).kit;
  const extraTrip = (first('password login RSA, 1st') || 0) > (first('password login RSA, 2nd (same client)') || 0);
  const warm = Math.max(crypto.rsa.medianMs, crypto.sm2.medianMs);
  add('tap → request on the wire (encrypt time), warm: SM2 / RSA', `${crypto.sm2.medianMs} / ${crypto.rsa.medianMs} ms (median; p95 ${crypto.sm2.p95Ms} / ${crypto.rsa.p95Ms})`, '≤ 5 ms both',
    warm <= 5, 'SM2 computes k·G and k·P after the tap');
  add('tap → request, after a cold start: SM2 / RSA', `${crypto.sm2.firstCallMs} / ${crypto.rsa.firstCallMs} ms${extraTrip ? ' + 1 round trip (GET /api/v3/system)' : ''}`, '≤ 5 ms, no extra round trip',
    !extraTrip && Math.max(crypto.sm2.firstCallMs, crypto.rsa.firstCallMs) <= 5, extraTrip ? 'the public key is not persisted' : '');

  const loginSteps = (components.login || {}).steps || {};
  const perLogin = Object.entries(LOGIN_STEPS).map(([k, step]) => [k, (loginSteps[step] || {}).requests]).filter(([, v]) => v !== undefined);
  add('requests per component login (password, SMS, WeChat)', perLogin.map(([, v]) => v).join(', '), '1', perLogin.every(([, v]) => v <= 1), 'sign-in, then get-profile');

  const perAction = Object.entries(components).map(([name, c]) => [name, Math.max(0, ...Object.values(c.steps).filter((s) => s.requests > 0 && !s.keystrokes).map((s) => s.kitSetData))]);
  add('kit setData per request action (max per component)', perAction.map(([name, v]) => `${name} ${v}`).join(', '), '≤ 1', perAction.every(([, v]) => v <= 1), 'busy state, then result');

  const before = {
    'four components + RSA, everything reachable': BEFORE.fourReachable,
    "kit's own code + crypto it pulls, four components + RSA": BEFORE.kitAndCrypto,
    'core a login page ships, min / gzip': BEFORE.coreLogin,
    'tap → request on the wire (encrypt time), warm: SM2 / RSA': BEFORE.tapToRequest,
    'requests per component login (password, SMS, WeChat)': BEFORE.requestsPerLogin,
    'kit setData per request action (max per component)': BEFORE.setDataPerAction,
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
