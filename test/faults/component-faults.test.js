// The fault matrix through the components: every main action × every failure mode, in
// miniprogram-simulate with the real tdesign children, against an isolated devserver over HTTP.
// After each failure the user must see a message, the page must get an `error` event, what the
// user typed (or the avatar shown) must still be there, and the button must be usable again.
//
// Clients: the app's shared client (setDefaultClient), as a real app registers it in app.ts. The
// component is mounted with a healthy client; right before the action the shared client is
// swapped for the one the fault needs (a closed port, or a short timeout) — components resolve
// their client per action, and both clients read the same stored login state.
const { simulate, loadKitComponent, mount, bindings, userActions, clearCountdowns, checkEventVocabulary } = require('../helpers/mp');
const { startDevServer, call } = require('../helpers/server');
const core = require('../../miniprogram_dist/index');
const { FAULTS, TIMEOUT_MS, faultSpec, closedPort, PNG, tmpFile } = require('./support');
const { until } = require('../helpers/until');

checkEventVocabulary(); // every shared event detail recorded here matches the one vocabulary

const DEMO = { username: 'demo', password: 'Demo@123456' };
const EVENTS = ['login', 'error', 'send-code', 'phone', 'change', 'load', 'save', 'cancel'];
const BINDINGS = bindings(EVENTS);

let srv;
let refusedHost;
let baseline; // raw stored login state of the demo user
let key;
const kit = {}; // component name → simulate id
const mounted = [];

const dev = (method, p, body) => call(srv.url, method, p, body).then((r) => r.json);
const makeClient = (opts = {}) => new core.Authing({ appId: srv.config.appId, userPoolId: srv.config.userPoolId, host: srv.url, ...opts });

beforeAll(async () => {
  srv = await startDevServer();
  wx.__control.baseUrl = srv.url; // wx.login / phone codes come from this server's simulated WeChat
  refusedHost = `http://127.0.0.1:${await closedPort()}`;
  key = core.stateKey(srv.config.appId);
  wx.__control.storage.clear();
  const [err] = await makeClient().loginByPassword({ passwordPayload: { account: DEMO.username, password: DEMO.password } });
  if (err) throw new Error(`baseline login failed: ${err.message}`);
  baseline = wx.__control.storage.get(key);
  for (const name of ['login', 'phone-button', 'avatar-uploader', 'profile-form']) kit[name] = loadKitComponent(name);
});
afterAll(() => srv && srv.close());

beforeEach(async () => {
  await dev('DELETE', '/__dev/faults');
  wx.__control.storage.clear();
  wx.__control.storage.set(key, baseline);
  clearCountdowns();
});
afterEach(() => {
  while (mounted.length) mounted.pop().detach();
  core.setDefaultClient(undefined);
});

/** Mounts `<tag id="c" …>` inside a host that records every event; returns helpers. */
function render(name, attrs = '') {
  const tag = `authing-${name}`;
  const { host, events } = mount({ [tag]: kit[name] }, `<${tag} id="c" ${attrs} ${BINDINGS} />`, { events: EVENTS });
  mounted.push(host);
  const c = host.querySelector('#c');
  const actions = userActions(host, c, events);
  const { q } = actions;
  return {
    c, events, ...actions,
    /** A kit t-button that is neither loading nor disabled. */
    usable: (id) => q(id).data.loading === false && q(id).data.disabled === false,
  };
}

const errorCode = (e) => (e.detail.error && e.detail.error.code) || e.detail.code;

/**
 * Each component's main action. `path` is where the fault goes; `act` drives the UI and returns
 * what must survive the failure; `settled` says the action is over; `message` is the text the
 * component shows; `kept`/`usable` check the input and the button afterwards.
 */
const ACTIONS = [
  {
    name: 'login: password', component: 'login', path: '/api/v3/signin',
    async act(ui) {
      await ui.type('authing-account', DEMO.username);
      await ui.type('authing-password', 'Typed-Pass-1');
    },
    go: (ui) => ui.tap('authing-submit-password'),
    message: (ui) => ui.q('authing-toast').data.message, // no field of its own: a toast
    kept: (ui) => [ui.value('authing-account'), ui.value('authing-password')],
    expectKept: [DEMO.username, 'Typed-Pass-1'],
    usable: (ui) => ui.usable('authing-submit-password'),
  },
  {
    name: 'login: send SMS code', component: 'login', attrs: 'default-method="sms"', path: '/api/v3/send-sms',
    act: (ui) => ui.type('authing-phone', '13800000000'),
    go: (ui) => ui.tap('authing-send-code'),
    message: (ui) => ui.q('authing-toast').data.message, // no field of its own: a toast
    kept: (ui) => [ui.value('authing-phone'), ui.c.instance.data.resendLeft, ui.named('send-code').length],
    expectKept: ['13800000000', 0, 0], // no countdown, no send-code event after a failed send
    usable: (ui) => ui.usable('authing-send-code'),
  },
  {
    name: 'login: SMS code', component: 'login', attrs: 'default-method="sms"', path: '/api/v3/signin',
    async act(ui) {
      await ui.type('authing-phone', '13800000000');
      await ui.type('authing-code', '123456');
    },
    go: (ui) => ui.tap('authing-submit-sms'),
    message: (ui) => ui.q('authing-toast').data.message, // no field of its own: a toast
    kept: (ui) => [ui.value('authing-phone'), ui.value('authing-code')],
    expectKept: ['13800000000', '123456'],
    usable: (ui) => ui.usable('authing-submit-sms'),
  },
  {
    name: 'login: WeChat', component: 'login', attrs: 'default-method="wechat"', path: '/api/v3/signin-by-mobile',
    act: async () => {},
    go: (ui) => ui.tap('authing-wechat'),
    message: (ui) => ui.q('authing-toast').data.message, // no field of its own: a toast
    kept: (ui) => [ui.c.instance.data.method],
    expectKept: ['wechat'],
    usable: (ui) => ui.usable('authing-wechat') && ui.usable('authing-phone-login'),
  },
  ...['login', 'get-phone'].map((mode) => ({
    name: `phone button (${mode})`, component: 'phone-button', attrs: `mode="${mode}"`,
    path: mode === 'login' ? '/api/v3/signin-by-mobile' : '/api/v3/get-wechat-miniprogram-phone',
    act: async () => (await dev('POST', '/__dev/wx/phone-code', { phoneNumber: '13800000000' })).code,
    go: async (ui, code) => {
      ui.q('authing-phone-button').querySelector('.t-button').dispatchEvent('getphonenumber', { detail: { errMsg: 'getPhoneNumber:ok', code } });
      await simulate.sleep(0);
    },
    message: (ui) => ui.c.instance.data.message,
    kept: (ui) => [ui.q('authing-phone-button').data.openType, ui.named('login').length + ui.named('phone').length],
    expectKept: ['getPhoneNumber', 0], // open-type back (loading blanks it), no success event
    usable: (ui) => ui.usable('authing-phone-button'),
  })),
  {
    name: 'avatar upload', component: 'avatar-uploader',
    // The upload itself has a 60 s timeout floor (images on slow links): the timeout row delays
    // the profile update that follows it.
    path: (fault) => (fault.kind === 'delay' ? '/api/v3/update-profile' : '/api/v2/upload'),
    async act(ui) {
      await until(() => ui.named('load').length || ui.named('error').length, 'avatar load');
      expect(ui.named('load')).toHaveLength(1);
      return ui.c.instance.data.url;
    },
    go: async (ui) => {
      ui.q('authing-avatar-picker').dispatchEvent('chooseavatar', { detail: { avatarUrl: tmpFile('new.png', PNG) } });
      await simulate.sleep(0);
    },
    message: (ui) => ui.c.instance.data.message,
    kept: (ui, before) => [ui.c.instance.data.url === before, ui.named('change').length],
    expectKept: [true, 0], // the old avatar is still shown
    usable: (ui) => ui.c.instance.data.busy === false && JSON.stringify(ui.q('authing-avatar-picker').toJSON()).includes('chooseAvatar'),
  },
  {
    name: 'profile save', component: 'profile-form', attrs: 'fields="nickname,city"', path: '/api/v3/update-profile',
    async act(ui) {
      await until(() => ui.named('load').length || ui.named('error').length, 'profile load');
      expect(ui.named('load')).toHaveLength(1);
      await ui.type('authing-field-nickname', 'Typed Nick');
      await ui.type('authing-field-city', 'Typed City');
    },
    go: (ui) => ui.tap('authing-save'),
    message: (ui) => ui.c.instance.data.message,
    kept: (ui) => [ui.value('authing-field-nickname'), ui.value('authing-field-city'), ui.named('save').length],
    expectKept: ['Typed Nick', 'Typed City', 0],
    usable: (ui) => ui.usable('authing-save'),
  },
];

const ROWS = [];
for (const a of ACTIONS) for (const f of FAULTS) ROWS.push([a.name, f.name, a, f]);

test.each(ROWS)('%s × %s: message shown, error emitted, input kept, button usable', async (_a, _f, action, fault) => {
  const faultPath = typeof action.path === 'function' ? action.path(fault) : action.path;
  core.setDefaultClient(makeClient());
  const ui = render(action.component, action.attrs || '');
  const before = await action.act(ui);
  if (fault.kind === 'refused') core.setDefaultClient(makeClient({ host: refusedHost }));
  else {
    if (fault.kind === 'delay') core.setDefaultClient(makeClient({ timeout: TIMEOUT_MS }));
    await dev('POST', '/__dev/faults', faultSpec(fault, faultPath));
  }
  await action.go(ui, before);
  const error = await until(() => ui.named('error')[0], 'error event');
  await simulate.sleep(0);

  if (fault.kind !== 'refused') expect((await dev('GET', '/__dev/faults')).faults).toEqual([]); // the action hit the faulted path
  expect(ui.named('error')).toHaveLength(1);
  expect(errorCode(error)).toBe(fault.code);
  const message = action.message(ui);
  expect(typeof message).toBe('string');
  expect(message.trim()).not.toBe('');
  expect(ui.text()).toContain(message); // visible in the rendered tree
  if (fault.kind === 'envelope') expect(message).toContain(fault.message); // the server's own words
  expect(action.kept(ui, before)).toEqual(action.expectKept);
  expect(action.usable(ui)).toBe(true);
});
