// Rendering cost of each kit component, per user action and per keystroke, measured in
// miniprogram-simulate with the real tdesign children against an isolated devserver over HTTP.
// Run by bench/run.js through `jest -c bench/jest.bench.config.js`; writes bench/tmp/components.json.
//
// - kit setData: calls on the kit component instance and the UTF-8 bytes of JSON.stringify(data);
// - tdesign setData: the same for every tdesign child inside it (their own renders, reported apart);
// - requests: API requests the devserver received during the action;
// - nodes: the rendered tree (toJSON: elements + text nodes, tdesign internals included) and the
//   kit template's own elements (tdesign components counted once, not their insides).
const fs = require('fs');
const path = require('path');
const exparser = require('miniprogram-exparser');
const { simulate, loadKitComponent, mount, bindings, clearCountdowns } = require('../test/helpers/mp');
const { startDevServer, call } = require('../test/helpers/server');
const { PNG, tmpFile } = require('../test/faults/support');
const { until } = require('../test/helpers/until');
const { Authing } = require('../miniprogram_dist/index');

const OUT = path.join(__dirname, 'tmp', 'components.json');
const DEMO = { username: 'demo', password: 'Demo@123456', phone: '13800000000' };

// ---- setData accounting ---------------------------------------------------------------------
// Every component's setData (kit and tdesign) ends in exparser's Component.prototype.setData: the
// j-component caller captures it per instance at creation, so patch it before anything is mounted.
const calls = [];
const realSetData = exparser.Component.prototype.setData;
exparser.Component.prototype.setData = function (data, ...rest) {
  calls.push({ node: this, bytes: Buffer.byteLength(JSON.stringify(data) || '') });
  return realSetData.call(this, data, ...rest);
};

let srv;
const kit = {}; // component name → simulate id
const results = { components: {} };

const apiRequests = () => srv.requests.filter((r) => r.method !== 'OPTIONS').length;

/** What happened since `mark` ({calls index, request count}), split into the kit node and the rest. */
function summarize(mark, kitNode) {
  const slice = calls.slice(mark.calls);
  const own = slice.filter((c) => c.node === kitNode);
  const td = slice.filter((c) => c.node !== kitNode);
  return {
    kitSetData: own.length, kitBytes: own.reduce((n, c) => n + c.bytes, 0),
    tdSetData: td.length, tdBytes: td.reduce((n, c) => n + c.bytes, 0),
    requests: apiRequests() - mark.requests,
  };
}
const markNow = () => ({ calls: calls.length, requests: apiRequests() });

/** Elements and text nodes of the rendered (composed) tree. */
function renderedNodes(json) {
  let elements = 0;
  let texts = 0;
  const walk = (n) => {
    if (typeof n === 'string') { if (n.trim()) texts++; return; }
    if (!n || typeof n !== 'object') return;
    elements++;
    (n.children || []).forEach(walk);
  };
  walk(json);
  return { elements, texts };
}

/**
 * Elements the kit's own template creates: native nodes plus each tdesign child once (tdesign
 * components are virtual hosts, so they are told apart from wx:if / block / slot wrappers by being
 * components); their insides are not counted here.
 */
function ownElements(node) {
  let n = 0;
  for (const ch of node.childNodes || []) {
    if (ch instanceof exparser.TextNode) continue;
    if (!ch.__virtual || ch instanceof exparser.Component) n++;
    n += ownElements(ch);
  }
  return n;
}

const EVENTS = ['login', 'error', 'send-code', 'phone', 'change', 'load', 'save', 'cancel'];
const BINDINGS = bindings(EVENTS);

function perUnit(r, n) {
  const out = {};
  for (const [k, v] of Object.entries(r)) out[k] = Math.round((v / n) * 10) / 10;
  return out;
}

/**
 * Mounts `<authing-{name} id="c" {attrs}>` in a recording host; the attach (and `settle`, e.g. the
 * profile load) is measured as the step "mount". Returns helpers that measure further steps.
 */
async function render(name, attrs, steps, { settle, mountLabel = 'mount' } = {}) {
  const tag = `authing-${name}`;
  const mark = markNow();
  const { host, events } = mount({ [tag]: kit[name] }, `<${tag} id="c" ${attrs} ${BINDINGS} />`, { events: EVENTS });
  const c = host.querySelector('#c');
  const kitNode = c.instance._exparserNode;
  const q = (id) => c.querySelector(`#${id}`);
  const ui = {
    host, c, q, events, kitNode,
    seen: () => events.length,
    /** A new event named one of `names` since `mark`. */
    waitEvent: (from, ...names) => until(() => events.slice(from).find((e) => names.includes(e.name)), names.join('/')),
    /** Measures `fn` as the step `label` (plus a short settle after it resolves); `per` divides by keystrokes. */
    async measure(label, fn, { per = 1 } = {}) {
      const m = markNow();
      await fn();
      await simulate.sleep(20);
      const r = summarize(m, kitNode);
      steps[label] = per === 1 ? r : { ...perUnit(r, per), keystrokes: per };
      return steps[label];
    },
    nodes: () => ({ ...renderedNodes(c.toJSON()), own: ownElements(kitNode.shadowRoot) }),
    input: (id, value) => q(id).querySelector('.t-input__control').dispatchEvent('input', { detail: { value, cursor: value.length } }),
    tapButton: (id) => q(id).querySelector('.t-button').dispatchEvent('tap'),
  };
  if (settle) await settle(ui);
  await simulate.sleep(20);
  steps[mountLabel] = summarize(mark, kitNode);
  return ui;
}

/** Types `text` one character at a time (each keystroke = one input event carrying the whole value). */
async function typeChars(ui, id, text) {
  for (let i = 1; i <= text.length; i++) {
    ui.input(id, text.slice(0, i));
    await simulate.sleep(0);
  }
}

const dev = (method, p, body) => call(srv.url, method, p, body).then((r) => r.json);
const props = () => `app-id="${srv.config.appId}" user-pool-id="${srv.config.userPoolId}" host="${srv.url}"`;

beforeAll(async () => {
  srv = await startDevServer();
  wx.__control.baseUrl = srv.url;
  for (const name of ['login', 'phone-button', 'avatar-uploader', 'profile-form']) kit[name] = loadKitComponent(name);
});
afterAll(async () => {
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  fs.writeFileSync(OUT, JSON.stringify(results, null, 2));
  if (srv) await srv.close();
});

async function loginAsDemo() {
  wx.__control.storage.clear();
  const client = new Authing({ appId: srv.config.appId, userPoolId: srv.config.userPoolId, host: srv.url });
  const [err] = await client.loginByPassword({ passwordPayload: { account: DEMO.username, password: DEMO.password } });
  if (err) throw new Error(`login failed: ${err.message}`);
}

test('<authing-login>', async () => {
  const steps = {};
  wx.__control.storage.clear();
  clearCountdowns();
  let ui = await render('login', props(), steps);
  const nodes = ui.nodes();

  await ui.measure('keystroke: account', () => typeChars(ui, 'authing-account', DEMO.username), { per: DEMO.username.length });
  await ui.measure('validation error (no password)', async () => { ui.tapButton('authing-submit-password'); await simulate.sleep(0); });
  await ui.measure('keystroke that clears the error', () => typeChars(ui, 'authing-password', DEMO.password.slice(0, 1)));
  await ui.measure('keystroke: password', async () => {
    for (let i = 2; i <= DEMO.password.length; i++) {
      ui.input('authing-password', DEMO.password.slice(0, i));
      await simulate.sleep(0);
    }
  }, { per: DEMO.password.length - 1 });
  await ui.measure('password login (tap → login)', async () => {
    const mark = ui.seen();
    ui.tapButton('authing-submit-password');
    expect((await ui.waitEvent(mark, 'login', 'error')).name).toBe('login');
  });
  await ui.measure('tab switch', async () => {
    ui.c.querySelector('#authing-tabs').querySelectorAll('.t-tabs__item')[1].dispatchEvent('tap');
    await simulate.sleep(0);
  });
  await ui.measure('keystroke: phone', () => typeChars(ui, 'authing-phone', DEMO.phone), { per: DEMO.phone.length });
  await ui.measure('send SMS code (tap → sent)', async () => {
    const mark = ui.seen();
    ui.tapButton('authing-send-code');
    expect((await ui.waitEvent(mark, 'send-code', 'error')).name).toBe('send-code');
  });
  // The resend countdown re-renders once a second while it shows (a timer, not a user action).
  const tickMark = markNow();
  await simulate.sleep(2050);
  steps['countdown timer (2 s)'] = summarize(tickMark, ui.kitNode);
  const code = (await call(srv.url, 'GET', `/__dev/sms/latest?phone=${DEMO.phone}&channel=CHANNEL_LOGIN`)).json.code;
  await ui.measure('keystroke: SMS code', () => typeChars(ui, 'authing-code', code), { per: code.length });
  await ui.measure('SMS login (tap → login)', async () => {
    const mark = ui.seen();
    ui.tapButton('authing-submit-sms');
    expect((await ui.waitEvent(mark, 'login', 'error')).name).toBe('login');
  });
  ui.host.detach();
  clearCountdowns();

  // WeChat tab: code login and the phone one-tap login, each from an empty login state.
  wx.__control.storage.clear();
  ui = await render('login', `${props()} default-method="wechat"`, steps, { mountLabel: 'mount (WeChat tab)' });
  await ui.measure('WeChat login (tap → login)', async () => {
    const mark = ui.seen();
    ui.tapButton('authing-wechat');
    expect((await ui.waitEvent(mark, 'login', 'error')).name).toBe('login');
  });
  wx.__control.storage.clear();
  const phoneCode = (await dev('POST', '/__dev/wx/phone-code', { phoneNumber: DEMO.phone })).code;
  await ui.measure('phone login (getphonenumber → login)', async () => {
    const mark = ui.seen();
    ui.q('authing-phone-login').querySelector('.t-button').dispatchEvent('getphonenumber', { detail: { errMsg: 'getPhoneNumber:ok', code: phoneCode } });
    expect((await ui.waitEvent(mark, 'login', 'error')).name).toBe('login');
  });
  ui.host.detach();
  results.components.login = { nodes, steps };
});

test('<authing-phone-button>', async () => {
  const steps = {};
  let nodes;
  const idp = `ext-idp-conn-identifier="${srv.config.wechatIdpIdentifier}"`;
  for (const mode of ['get-phone', 'login']) {
    wx.__control.storage.clear();
    const ui = await render('phone-button', `${props()} ${idp} mode="${mode}"`, steps, { mountLabel: `mount (${mode})` });
    if (!nodes) nodes = ui.nodes();
    const code = (await dev('POST', '/__dev/wx/phone-code', { phoneNumber: DEMO.phone })).code;
    const expected = mode === 'login' ? 'login' : 'phone';
    await ui.measure(`${mode} (getphonenumber → ${expected})`, async () => {
      const mark = ui.seen();
      ui.q('authing-phone-button').querySelector('.t-button').dispatchEvent('getphonenumber', { detail: { errMsg: 'getPhoneNumber:ok', code } });
      expect((await ui.waitEvent(mark, 'phone', 'login', 'error')).name).toBe(expected);
    });
    ui.host.detach();
  }
  results.components['phone-button'] = { nodes, steps };
});

test('<authing-avatar-uploader>', async () => {
  await loginAsDemo();
  const steps = {};
  const ui = await render('avatar-uploader', props(), steps, {
    mountLabel: 'mount + profile load',
    settle: async (u) => expect((await u.waitEvent(0, 'load', 'error')).name).toBe('load'),
  });
  const nodes = ui.nodes();
  // ~64 KB so the upload reports progress several times.
  const file = tmpFile('avatar.png', Buffer.concat([PNG, Buffer.alloc(64 * 1024)]));
  await ui.measure('avatar change (chooseavatar → change)', async () => {
    const mark = ui.seen();
    ui.q('authing-avatar-picker').dispatchEvent('chooseavatar', { detail: { avatarUrl: file } });
    expect((await ui.waitEvent(mark, 'change', 'error')).name).toBe('change');
  });
  await ui.measure('refused file (not an image)', async () => {
    const mark = ui.seen();
    ui.q('authing-avatar-picker').dispatchEvent('chooseavatar', { detail: { avatarUrl: tmpFile('notes.txt', 'text') } });
    expect((await ui.waitEvent(mark, 'change', 'error')).name).toBe('error');
  });
  ui.host.detach();
  results.components['avatar-uploader'] = { nodes, steps };
});

test('<authing-profile-form>', async () => {
  await loginAsDemo();
  const steps = {};
  const ui = await render('profile-form', props(), steps, {
    mountLabel: 'mount + profile load',
    settle: async (u) => expect((await u.waitEvent(0, 'load', 'error')).name).toBe('load'),
  });
  const nodes = ui.nodes();
  const nick = 'Bench Nick';
  await ui.measure('keystroke: nickname', () => typeChars(ui, 'authing-field-nickname', nick), { per: nick.length });
  await ui.measure('gender pick', async () => {
    ui.q('authing-field-gender').querySelectorAll('.t-radio-option')[1].querySelector('.t-radio').dispatchEvent('tap');
    await simulate.sleep(0);
  });
  await ui.measure('date pick', async () => {
    ui.q('authing-field-birthdate').dispatchEvent('change', { detail: { value: '1991-02-03' } });
    await simulate.sleep(0);
  });
  await ui.measure('profile save (tap → save)', async () => {
    const mark = ui.seen();
    ui.tapButton('authing-save');
    expect((await ui.waitEvent(mark, 'save', 'error')).name).toBe('save');
  });
  ui.q('authing-field-birthdate').dispatchEvent('change', { detail: { value: '2023-02-30' } });
  await simulate.sleep(0);
  await ui.measure('validation error (save with 2023-02-30)', async () => {
    const mark = ui.seen();
    ui.tapButton('authing-save');
    await ui.waitEvent(mark, 'error');
  });
  ui.host.detach();
  results.components['profile-form'] = { nodes, steps };
});
