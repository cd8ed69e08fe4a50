// Every code example in README.md, run as a newcomer would run it: app.js creates the shared client,
// each page example (page.json + page.wxml + page.js) is rendered with the real kit components and
// driven like a user, the client example logs in for real, and the Taro / uni-app snippets work with
// platform objects of those shapes. All against the devserver over HTTP; `http://127.0.0.1:3000`
// (the devserver's default address, which the README uses) is pointed at the test's devserver.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { readExamples, runExample, typeCheckExamples } = require('./examples');
const { simulate, loadKitComponent } = require('../helpers/mp');
const { shared, dev } = require('../helpers/server');
const { until } = require('../helpers/until');
const { createFakeTaro, createFakeUni } = require('../core/platform-fakes');
const kit = require('../../miniprogram_dist/index');

const examples = readExamples();
const byName = (name) => {
  const found = examples.find((e) => e.name === name);
  if (!found) throw new Error(`README.md has no example "${name}"`);
  return found;
};
const localize = (code) => code.replace(/http:\/\/127\.0\.0\.1:3000/g, shared.url);

// Components are registered once per file (miniprogram-simulate cannot re-register a path in jest).
const componentIds = {};
function componentId(spec) {
  const m = /^authing-miniapp-kit\/components\/([\w-]+)\/index$/.exec(spec);
  if (!m) throw new Error(`unexpected usingComponents path in README: ${spec}`);
  if (!componentIds[m[1]]) componentIds[m[1]] = loadKitComponent(m[1]);
  return componentIds[m[1]];
}

/** Renders a README page example; the Page() definition becomes the host's data + methods. */
function renderPage(name) {
  const [json, wxml, js] = byName(name).blocks;
  expect([json.lang, wxml.lang, js.lang]).toEqual(['json', 'html', 'js']);
  const usingComponents = {};
  for (const [tag, spec] of Object.entries(JSON.parse(json.code).usingComponents)) usingComponents[tag] = componentId(spec);
  let def;
  runExample(localize(js.code), { globals: { Page: (d) => { def = d; } } });
  const { data = {}, ...rest } = def;
  const methods = {};
  for (const [k, v] of Object.entries(rest)) if (typeof v === 'function') methods[k] = v;
  const host = simulate.render(simulate.load({ usingComponents, template: wxml.code, data, methods }));
  host.attach(document.createElement('parent-wrapper'));
  return host;
}

let appDefinition;
beforeAll(() => {
  wx.__control.storage.clear();
  runExample(localize(byName('app').blocks[0].code), { globals: { App: (d) => { appDefinition = d; } } });
});
afterAll(() => kit.setDefaultClient(undefined));

test('the README announces every example kind this file runs', () => {
  const own = examples.filter((e) => !e.kind.endsWith('-file'));
  expect(own.map((e) => e.name).sort()).toEqual(['app', 'core', 'login', 'phone-button', 'profile'].sort());
  // The Taro / uni-app app files are built for real by test/interop; their client part also runs here.
  const files = (kind) => examples.filter((e) => e.kind === kind).map((e) => e.name);
  expect(files('taro-file')).toEqual(expect.arrayContaining(['src/app.js']));
  expect(files('uni-file')).toEqual(expect.arrayContaining(['src/App.vue']));
});

test('every JS example type-checks against the built kit and WeChat\'s typings', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'readme-ts-'));
  try {
    expect(typeCheckExamples(examples, dir)).toEqual([]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('app.js registers the shared client the components use', () => {
  expect(appDefinition).toEqual({});
  const client = kit.getDefaultClient();
  expect(client).toBeInstanceOf(kit.Authing);
  expect(client.options).toMatchObject({ appId: shared.appId, userPoolId: shared.userPoolId, host: shared.url });
});

test('<authing-login> example: consent, password login, onLogin gets the user', async () => {
  const host = renderPage('login');
  const login = host.querySelector('#login');
  const type = (id, value) => login.querySelector(`#${id}`).querySelector('.t-input__control').dispatchEvent('input', { detail: { value } });
  const tap = (id) => login.querySelector(`#${id}`).querySelector('.t-button').dispatchEvent('tap');
  type('authing-account', 'demo');
  type('authing-password', 'Demo@123456');
  await simulate.sleep(0);
  tap('authing-submit-password');
  await simulate.sleep(0);
  // The agreements in the example's data gate the login: agree continues it.
  expect(login.instance.data.consentVisible).toBe(true);
  tap('authing-consent-agree');
  await until(() => host.instance.data.nickname, 'onLogin');
  expect(host.instance.data.nickname).toBe('Demo');
  const [, state] = await kit.getDefaultClient().getLoginState();
  expect(state.access_token).toEqual(expect.any(String));
  host.detach();
});

test('<authing-phone-button> example: getPhoneNumber → onPhone', async () => {
  const { code } = await dev().post('/__dev/wx/phone-code', { phoneNumber: '13800000009' });
  const host = renderPage('phone-button');
  host.querySelector('#phone').querySelector('#authing-phone-button').querySelector('.t-button')
    .dispatchEvent('getphonenumber', { detail: { errMsg: 'getPhoneNumber:ok', code } });
  await until(() => host.instance.data.phone, 'onPhone');
  expect(host.instance.data.phone).toBe('13800000009');
  host.detach();
});

test('avatar + profile example (logged in by the login example): save → onSave', async () => {
  const toasts = [];
  const realToast = wx.showToast;
  wx.showToast = (opts) => { toasts.push(opts.title); };
  try {
    const host = renderPage('profile');
    const profile = host.querySelector('#profile');
    await until(() => profile.instance.data.loaded || profile.instance.data.values, 'profile loaded');
    await until(() => profile.querySelector('#authing-field-city'), 'city field');
    profile.querySelector('#authing-field-city').querySelector('.t-input__control').dispatchEvent('input', { detail: { value: '杭州' } });
    await simulate.sleep(0);
    profile.querySelector('#authing-save').querySelector('.t-button').dispatchEvent('tap');
    await until(() => toasts.length, 'onSave toast');
    expect(toasts).toEqual(['已保存 city']);
    const [, user] = await kit.getDefaultClient().getUserInfo();
    expect(user.city).toBe('杭州');
    expect(host.querySelector('#avatar')).toBeTruthy();
    host.detach();
  } finally {
    wx.showToast = realToast;
  }
});

test('headless client example: RSA login, profile, refresh, logout', async () => {
  const demo = runExample(localize(byName('core').blocks[0].code));
  const result = await demo();
  expect(result.user.username).toBe('demo');
  expect(result.hadToken).toBe(true);
  expect(result.expiresAt).toBeGreaterThan(Date.now());
  const [err] = await new kit.Authing({ appId: shared.appId, userPoolId: shared.userPoolId, host: shared.url }).getLoginState();
  expect(err.code).toBe('not_logged_in'); // logout cleared the shared storage
});

const fileExample = (kind, name) => {
  const found = examples.find((e) => e.kind === kind && e.name === name);
  if (!found) throw new Error(`README.md has no ${kind} ${name}`);
  return found.blocks[0].code;
};
const vueScript = (sfc) => /<script>([\s\S]*)<\/script>/.exec(sfc)[1];

test.each([
  ['taro', () => fileExample('taro-file', 'src/app.js'), () => ({ modules: { '@tarojs/taro': { __esModule: true, default: createFakeTaro(wx) } } })],
  ['uni', () => vueScript(fileExample('uni-file', 'src/App.vue')), () => ({ globals: { uni: createFakeUni(wx, { vue2: true }) } })],
])('%s app example registers a working client for the components', async (name, code, env) => {
  kit.setDefaultClient(undefined);
  runExample(localize(code()), env());
  const authing = kit.getDefaultClient();
  expect(authing.options.platform.name).toBe(name);
  const [err, state] = await authing.loginByPassword({ passwordPayload: { account: 'demo', password: 'Demo@123456' } });
  expect(err).toBeNull();
  expect(state.access_token).toEqual(expect.any(String));
});
