// One event vocabulary across the components (core/flows/events.ts, components/EVENTS.md): the same
// detail shape for error / cancel / agreement-tap / agreement-change / login, `authing-*` element ids,
// and specs that name the shared detail types. Each component is driven to each shared event it has.
const fs = require('fs');
const path = require('path');
const { simulate, loadKitComponent, mount, bindings, ROOT } = require('../helpers/mp');
const { startDevServer, dev } = require('../helpers/server');
const { until } = require('../helpers/until');
const { problemsOf, vocabularyProblems } = require('../helpers/vocabulary');
const { loadTs, COMPONENTS } = require('../../scripts/docs');

const SHARED = { login: 'LoginEventDetail', error: 'ErrorEventDetail', cancel: 'CancelEventDetail', 'agreement-tap': 'AgreementTapEventDetail', 'agreement-change': 'AgreementChangeEventDetail' };
const EVENTS = ['login', 'error', 'cancel', 'agreement-tap', 'agreement-change', 'phone', 'load', 'navigate'];
const AGREEMENTS = [{ title: '用户协议', url: 'https://example.com/terms' }, { title: '隐私政策', url: '/pages/privacy/index' }];

let srv;
const kit = {};
beforeAll(async () => {
  srv = await startDevServer();
  wx.__control.baseUrl = srv.url;
  for (const name of COMPONENTS) kit[name] = loadKitComponent(name);
});
afterAll(() => srv.close());
beforeEach(() => wx.clearStorageSync());

function render(name, attrs, data = {}) {
  const tag = `authing-${name}`;
  const { host, events } = mount({ [tag]: kit[name] }, `<${tag} id="c" ${attrs} ${bindings(EVENTS)} />`, { events: EVENTS, data });
  return { c: host.querySelector('#c'), events };
}
const props = `app-id="${'{{appId}}'}" user-pool-id="${'{{pool}}'}" host="${'{{host}}'}"`;
const data = () => ({ appId: srv.config.appId, pool: srv.config.userPoolId, host: srv.url, agreements: AGREEMENTS });
const btn = (c, id) => c.querySelector(`#${id}`).querySelector('.t-button');
const first = (events, name) => until(() => events.find((e) => e.name === name), name);

test('the checker refuses the old shapes and accepts the vocabulary', () => {
  expect(problemsOf({ name: 'cancel', detail: { mode: 'login', reason: 'deny' } })).toEqual(['cancel: missing action', 'cancel: unexpected mode']);
  expect(problemsOf({ name: 'agreement-tap', detail: { agreement: { title: 'a', url: '' }, index: 0 } }).length).toBeGreaterThan(0);
  expect(problemsOf({ name: 'error', detail: { stage: 'load', message: 'x', error: { message: 'x' } } }).length).toBeGreaterThan(0);
  expect(problemsOf({ name: 'error', detail: { method: 'password', error: { message: 'x' } } }).length).toBeGreaterThan(0);
  expect(problemsOf({ name: 'error', detail: { action: 'save', code: 'server', message: 'x', error: { message: 'y' } } })).toEqual(['error: message differs from error.message']);
  expect(problemsOf({ name: 'cancel', detail: { action: 'login', method: 'phone', reason: 'deny' } })).toEqual([]);
  expect(problemsOf({ name: 'phone', detail: { anything: 1 } })).toEqual([]); // not a shared event
  expect(problemsOf({ name: 'privacy', detail: { agreed: false } })).toEqual([]);
  expect(problemsOf({ name: 'privacy', detail: {} })).toEqual(['privacy: missing agreed']);
  expect(problemsOf({ name: 'cancel', detail: { action: 'login', method: 'phone', reason: 'privacy' } })).toEqual([]);
});

test('every element id in every component template is authing-*', () => {
  for (const name of COMPONENTS) {
    const wxml = fs.readFileSync(path.join(ROOT, 'components', name, 'index.wxml'), 'utf8');
    // `id` itself, not the tail of another attribute (`app-id`, `user-pool-id` passed to an embedded step).
    const ids = [...wxml.matchAll(/(?<![\w-])id="([^"]*)"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(`${name}: ${id}`).toMatch(/: authing-/);
  }
});

test('every spec names the shared detail type for a shared event', () => {
  for (const name of COMPONENTS) {
    const { SPEC } = loadTs(path.join(ROOT, 'components', name, 'spec.ts'));
    for (const [event, e] of Object.entries(SPEC.events)) if (SHARED[event]) expect(`${name} ${event} ${e.detail}`).toBe(`${name} ${event} ${SHARED[event]}`);
    // every component that can fail reports it the same way (the privacy popup sends nothing, cannot fail)
    if (name !== 'privacy-popup') expect(SPEC.events.error).toBeTruthy();
  }
});

test('error: the same shape from every component (no client configured)', async () => {
  const found = [];
  // <authing-mfa> needs a challenge to act on (any mfaToken: without a client nothing is sent).
  const challenge = { mfaToken: 'not-sent', factors: [{ type: 'OTP', sort: 1 }], recoveryCodeAllowed: false, phone: null, email: null };
  for (const name of COMPONENTS.filter((n) => n !== 'privacy-popup')) {
    const { c, events } = name === 'mfa' ? render(name, 'lang="en-US" challenge="{{challenge}}"', { challenge }) : render(name, 'lang="en-US"');
    await simulate.sleep(0);
    if (name === 'mfa') {
      c.querySelector('#authing-mfa-code').querySelector('.t-input__control').dispatchEvent('input', { detail: { value: '123456' } });
      btn(c, 'authing-mfa-verify').dispatchEvent('tap');
    }
    if (name === 'login') {
      c.querySelector('#authing-account').querySelector('.t-input__control').dispatchEvent('input', { detail: { value: 'demo' } });
      c.querySelector('#authing-password').querySelector('.t-input__control').dispatchEvent('input', { detail: { value: 'Demo@123456' } });
      btn(c, 'authing-submit-password').dispatchEvent('tap');
    }
    if (name === 'phone-button') btn(c, 'authing-phone-button').dispatchEvent('getphonenumber', { detail: { errMsg: 'getPhoneNumber:ok', code: 'x' } });
    if (name === 'bind-phone') {
      c.querySelector('#authing-bind-phone').querySelector('.t-input__control').dispatchEvent('input', { detail: { value: '13800000000' } });
      btn(c, 'authing-bind-send-code').dispatchEvent('tap');
    }
    if (name === 'reset-password') {
      c.querySelector('#authing-reset-phone').querySelector('.t-input__control').dispatchEvent('input', { detail: { value: '13800000000' } });
      btn(c, 'authing-reset-send').dispatchEvent('tap');
    }
    if (name === 'register') {
      const typeInto = (id, value) => c.querySelector(`#${id}`).querySelector('.t-input__control').dispatchEvent('input', { detail: { value } });
      typeInto('authing-register-account', 'newcomer');
      typeInto('authing-register-password', 'Signup@123');
      typeInto('authing-register-confirm', 'Signup@123');
      btn(c, 'authing-register-submit').dispatchEvent('tap');
    }
    const e = await first(events, 'error');
    expect(e.detail.code).toBe('invalid_options');
    found.push(e);
  }
  expect(found.map((e) => e.detail.action)).toEqual(['login', 'get-phone', 'load', 'load', 'send-code', 'verify-mfa', 'load', 'send-code', 'register']);
  expect(vocabularyProblems(found)).toEqual([]);
});

test('cancel and agreement-change: login and phone button alike', async () => {
  const seen = [];
  const login = render('login', `${props} default-method="wechat" agreements="{{agreements}}"`, data());
  await simulate.sleep(0);
  btn(login.c, 'authing-wechat').dispatchEvent('tap');
  await simulate.sleep(0);
  btn(login.c, 'authing-consent-cancel').dispatchEvent('tap');
  seen.push(await first(login.events, 'cancel'));
  login.c.querySelector('#authing-agree').querySelector('.t-checkbox').dispatchEvent('tap');
  seen.push(await first(login.events, 'agreement-change'));

  const phone = render('phone-button', `${props} mode="login" require-consent agreements="{{agreements}}"`, data());
  await simulate.sleep(0);
  btn(phone.c, 'authing-consent-gate').dispatchEvent('tap');
  await simulate.sleep(0);
  btn(phone.c, 'authing-consent-cancel').dispatchEvent('tap');
  seen.push(await first(phone.events, 'cancel'));
  phone.c.querySelector('#authing-consent-checkbox').querySelector('.t-checkbox').dispatchEvent('tap');
  seen.push(await first(phone.events, 'agreement-change'));

  expect(seen.map((e) => e.detail)).toEqual([
    { action: 'login', method: 'wechat', reason: 'consent' },
    { agreed: true },
    { action: 'login', method: 'phone', reason: 'consent' },
    { agreed: true },
  ]);
  expect(vocabularyProblems(seen)).toEqual([]);
});

test('agreement-tap: {index, title, url} from the login form and the phone button', async () => {
  const details = [];
  for (const [name, attrs, link] of [
    ['login', `${props} agreements="{{agreements}}"`, '.authing-login__link'],
    ['phone-button', `${props} require-consent agreements="{{agreements}}"`, '.authing-phone__link'],
  ]) {
    const { c, events } = render(name, attrs, data());
    await simulate.sleep(0);
    c.querySelectorAll(link)[1].dispatchEvent('tap');
    details.push((await first(events, 'agreement-tap')).detail);
  }
  expect(details).toEqual([{ index: 1, title: '隐私政策', url: '/pages/privacy/index' }, { index: 1, title: '隐私政策', url: '/pages/privacy/index' }]);
});

test('login: {method, loginState} from the login form and the phone button', async () => {
  const seen = [];
  for (const [name, attrs, id] of [['login', `${props} default-method="wechat" fetch-user-info="{{false}}"`, 'authing-phone-login'], ['phone-button', `${props} mode="login"`, 'authing-phone-button']]) {
    wx.clearStorageSync();
    const { code } = await dev(srv.url).post('/__dev/wx/phone-code', { phoneNumber: '13800000000' });
    const { c, events } = render(name, attrs, data());
    await simulate.sleep(0);
    btn(c, id).dispatchEvent('getphonenumber', { detail: { errMsg: 'getPhoneNumber:ok', code } });
    seen.push(await first(events, 'login'));
  }
  expect(seen.map((e) => Object.keys(e.detail).sort())).toEqual([['loginState', 'method'], ['loginState', 'method']]);
  expect(seen.map((e) => e.detail.method)).toEqual(['phone', 'phone']);
  expect(vocabularyProblems(seen)).toEqual([]);
});

test('the wrapper gives every component its spec\'s properties at run time', () => {
  const { allProps } = require('../helpers/kit').internal('components/common/spec');
  for (const name of COMPONENTS) {
    const { c } = render(name, 'lang="en-US"');
    const { SPEC } = loadTs(path.join(ROOT, 'components', name, 'spec.ts'));
    expect(Object.keys(c.instance.properties)).toEqual(expect.arrayContaining(Object.keys(allProps(SPEC))));
    expect(c.instance.properties.timeout).toBe(0); // a common property on every component
  }
});
