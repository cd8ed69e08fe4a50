// <authing-phone-button> in miniprogram-simulate with real tdesign children, against an isolated
// devserver over HTTP. WeChat's dialog is played by dispatching `getphonenumber` on the inner native
// button with what WeChat would hand over: a real single-use code from /__dev/wx/phone-code, or the
// errMsg/errno of a decline, an exhausted quota or a missing permission.
const { simulate, loadKitComponent, mount, bindings, recordRenders, checkEventVocabulary } = require('../helpers/mp');
const { untilEvent } = require('../helpers/until');
const { startDevServer, dev, call } = require('../helpers/server');

checkEventVocabulary(); // every shared event detail recorded here matches the one vocabulary

let srv;
let api;
let buttonId;

beforeAll(async () => {
  srv = await startDevServer();
  api = dev(srv.url);
  wx.__control.baseUrl = srv.url; // wx.login codes come from the same simulated WeChat
  buttonId = loadKitComponent('phone-button');
});
afterAll(async () => {
  if (srv) await srv.close();
});
beforeEach(() => {
  wx.clearStorageSync(); // no login state carried from one test to the next
});

const EVENTS = ['phone', 'login', 'cancel', 'error', 'agreement-change'];

function render(attrs = '', data = {}) {
  const template = `<authing-phone-button id="pb" app-id="${srv.config.appId}" user-pool-id="${srv.config.userPoolId}" `
    + `host="${srv.url}" ext-idp-conn-identifier="${srv.config.wechatIdpIdentifier}" ${attrs} ${bindings(EVENTS)} />`;
  const { host, events } = mount({ 'authing-phone-button': buttonId }, template, { events: EVENTS, data });
  const pb = host.querySelector('#pb');
  return { host, pb, events, renders: recordRenders(pb) };
}

/** The native <button> inside the kit's t-button with that id. */
const nativeButton = (pb, id) => pb.querySelector(`#${id}`).querySelector('.t-button');

const phoneApiCalls = () => srv.requests.filter((r) => r.path === '/api/v3/get-wechat-miniprogram-phone').length;
const phoneLoginCalls = () => srv.requests.filter((r) => r.path.startsWith('/api/v3/signin') && r.body.includes('code_and_phone')).length;

test('renders an open-type getPhoneNumber t-button with an aria label', async () => {
  const { pb } = render();
  await simulate.sleep(0);
  const json = JSON.stringify(pb.toJSON());
  expect(json).toContain('getPhoneNumber');
  expect(pb.data.label).toBe('获取手机号');
  const btn = pb.querySelector('#authing-phone-button');
  expect(btn.data.openType).toBe('getPhoneNumber');
  expect(btn.data.ariaLabel).toBe('获取手机号');
  expect(btn.data.phoneNumberNoQuotaToast).toBe(false);
});

test('get-phone: a real code → getPhone over HTTP → `phone` with the phone info', async () => {
  const { code } = await api.post('/__dev/wx/phone-code', { phoneNumber: '13912345678' });
  const { pb, events, renders } = render('mode="get-phone"');
  await simulate.sleep(0);
  renders.length = 0;
  const before = phoneApiCalls();
  nativeButton(pb, 'authing-phone-button').dispatchEvent('getphonenumber', { detail: { errMsg: 'getPhoneNumber:ok', code } });
  await simulate.sleep(0);
  expect(renders).toEqual([]); // a quick request never shows its busy state
  await untilEvent(events, 'phone', 'error');
  expect(events).toEqual([{ name: 'phone', detail: { phoneInfo: expect.objectContaining({ phoneNumber: '13912345678', purePhoneNumber: '13912345678', countryCode: '86' }) } }]);
  expect(phoneApiCalls()).toBe(before + 1);
  const sent = srv.requests.filter((r) => r.path === '/api/v3/get-wechat-miniprogram-phone').pop();
  expect(JSON.parse(sent.body)).toEqual({ extIdpConnidentifier: srv.config.wechatIdpIdentifier, code });
  // one render for the whole action: the settled one (nothing visible changed for a success: none)
  expect(renders.length).toBeLessThanOrEqual(1);
  expect(pb.data.busy).toBe(false);
});

test('a slow request shows its busy state once, after a short delay, then settles in one more render', async () => {
  const { code } = await api.post('/__dev/wx/phone-code', { phoneNumber: '13912345670' });
  await api.post('/__dev/faults', { path: '/api/v3/get-wechat-miniprogram-phone', kind: 'delay', delayMs: 700, count: 1 });
  const { pb, events, renders } = render('mode="get-phone"');
  await simulate.sleep(0);
  renders.length = 0;
  nativeButton(pb, 'authing-phone-button').dispatchEvent('getphonenumber', { detail: { errMsg: 'getPhoneNumber:ok', code } });
  await simulate.sleep(100);
  expect(renders).toEqual([]);
  await simulate.sleep(400);
  expect(renders).toEqual([['busy']]);
  expect(pb.querySelector('#authing-phone-button').data.loading).toBe(true);
  await untilEvent(events, 'phone', 'error');
  expect(events.map((e) => e.name)).toEqual(['phone']);
  expect(renders).toEqual([['busy'], ['busy']]);
  expect(pb.data.busy).toBe(false);
});

test('login with scope="openid profile offline_access": sent as options.scope, refresh token issued', async () => {
  wx.__control.storage.clear();
  const { code } = await api.post('/__dev/wx/phone-code', { phoneNumber: '13800000000' });
  const { pb, events } = render('mode="login" scope="openid profile offline_access"');
  await simulate.sleep(0);
  const mark = srv.requests.length;
  nativeButton(pb, 'authing-phone-button').dispatchEvent('getphonenumber', { detail: { errMsg: 'getPhoneNumber:ok', code } });
  await untilEvent(events, 'login', 'error');
  expect(events.map((e) => e.name)).toEqual(['login']);
  const sent = srv.requests.slice(mark).filter((r) => r.path === '/api/v3/signin-by-mobile');
  expect(sent).toHaveLength(1);
  expect(JSON.parse(sent[0].body).options).toEqual({ scope: 'openid profile offline_access' });
  expect(events[0].detail.loginState.refresh_token).toEqual(expect.any(String));
  wx.__control.storage.clear();
});

test('login: a real code → loginByPhone → `login` {method:"phone", loginState} with a real token', async () => {
  const { code } = await api.post('/__dev/wx/phone-code', { phoneNumber: '13800000000' });
  const { pb, events, renders } = render('mode="login"');
  await simulate.sleep(0);
  expect(pb.data.label).toBe('手机号快捷登录');
  renders.length = 0;
  const before = phoneLoginCalls();
  nativeButton(pb, 'authing-phone-button').dispatchEvent('getphonenumber', { detail: { errMsg: 'getPhoneNumber:ok', code } });
  await untilEvent(events, 'login', 'error');
  expect(events.map((e) => e.name)).toEqual(['login']);
  const { method, loginState } = events[0].detail;
  expect(method).toBe('phone');
  expect(typeof loginState.access_token).toBe('string');
  expect(phoneLoginCalls()).toBe(before + 1);
  // the token is real: the server answers get-profile with it, for the demo user who owns that phone
  const profile = await call(srv.url, 'GET', '/api/v3/get-profile', undefined, {
    authorization: `Bearer ${loginState.access_token}`, 'x-authing-app-id': srv.config.appId, 'x-authing-userpool-id': srv.config.userPoolId,
  });
  expect(profile.status).toBe(200);
  expect(profile.json.data.phone).toBe('13800000000');
  expect(renders.length).toBeLessThanOrEqual(1);
});

test('a second getphonenumber while loading is ignored (one request)', async () => {
  const { code } = await api.post('/__dev/wx/phone-code', { phoneNumber: '13912340000' });
  const { pb, events } = render();
  await simulate.sleep(0);
  const before = phoneApiCalls();
  const btn = nativeButton(pb, 'authing-phone-button');
  btn.dispatchEvent('getphonenumber', { detail: { errMsg: 'getPhoneNumber:ok', code } });
  btn.dispatchEvent('getphonenumber', { detail: { errMsg: 'getPhoneNumber:ok', code } });
  btn.dispatchEvent('getphonenumber', { detail: { errMsg: 'getPhoneNumber:ok', code } });
  await untilEvent(events, 'phone', 'error');
  await simulate.sleep(20);
  expect(events.map((e) => e.name)).toEqual(['phone']);
  expect(phoneApiCalls()).toBe(before + 1);
});

test('decline → `cancel` {reason:"deny"}, a calm message, no request', async () => {
  const { pb, events, renders } = render('mode="login"');
  await simulate.sleep(0);
  renders.length = 0;
  const count = srv.requests.length;
  nativeButton(pb, 'authing-phone-button').dispatchEvent('getphonenumber', { detail: { errMsg: 'getPhoneNumber:fail user deny' } });
  await simulate.sleep(10);
  expect(events).toEqual([{ name: 'cancel', detail: { action: 'login', method: 'phone', reason: 'deny' } }]);
  expect(pb.data.message).toBe('你已取消授权手机号，可稍后再试');
  expect(pb.data.tone).toBe('info');
  expect(srv.requests.length).toBe(count);
  expect(renders.length).toBe(1);
});

test('no quota → `error` with a specific message, no request', async () => {
  const { pb, events, renders } = render();
  await simulate.sleep(0);
  renders.length = 0;
  const count = srv.requests.length;
  nativeButton(pb, 'authing-phone-button').dispatchEvent('getphonenumber', { detail: { errMsg: 'getPhoneNumber:fail no quota', errno: 1400001 } });
  await simulate.sleep(10);
  expect(events).toEqual([{ name: 'error', detail: {
    action: 'get-phone', method: 'phone', code: 'no_quota',
    message: '手机号快速验证次数已用完，请改用其他方式或联系小程序管理员',
    error: { message: '手机号快速验证次数已用完，请改用其他方式或联系小程序管理员', code: 'platform' },
    errMsg: 'getPhoneNumber:fail no quota', errno: 1400001,
  } }]);
  expect(pb.data.message).toMatch(/次数已用完/);
  expect(srv.requests.length).toBe(count);
  expect(renders.length).toBe(1);
});

test('no permission → `error` {code:"no_permission"}, no request; en-US text', async () => {
  const { pb, events } = render('lang="en-US"');
  await simulate.sleep(0);
  expect(pb.data.label).toBe('Share phone number');
  const count = srv.requests.length;
  nativeButton(pb, 'authing-phone-button').dispatchEvent('getphonenumber', { detail: { errMsg: 'getPhoneNumber:fail user not permitted', errno: 102 } });
  await simulate.sleep(10);
  expect(events.map((e) => [e.name, e.detail.code])).toEqual([['error', 'no_permission']]);
  expect(events[0].detail.message).toBe('This mini-program is not allowed to request phone numbers. Please use another method.');
  expect(srv.requests.length).toBe(count);
});

test('a server error (used code) → `error` {code:"server"}, message shown, button usable again', async () => {
  const { code } = await api.post('/__dev/wx/phone-code', { phoneNumber: '13912349999' });
  const burn = await call(srv.url, 'POST', '/api/v3/get-wechat-miniprogram-phone', { extIdpConnidentifier: srv.config.wechatIdpIdentifier, code }, {
    'x-authing-app-id': srv.config.appId, 'x-authing-userpool-id': srv.config.userPoolId,
  });
  expect(burn.status).toBe(200); // the code is used up now
  const { pb, events } = render();
  await simulate.sleep(0);
  nativeButton(pb, 'authing-phone-button').dispatchEvent('getphonenumber', { detail: { errMsg: 'getPhoneNumber:ok', code } });
  await untilEvent(events, 'phone', 'error');
  expect(events[0].name).toBe('error');
  expect(events[0].detail.action).toBe('get-phone');
  expect(events[0].detail.code).toBe('server');
  expect(pb.data.message).toBe(events[0].detail.message);
  expect(pb.data.busy).toBe(false);
  expect(pb.querySelector('#authing-phone-button').data.openType).toBe('getPhoneNumber');
});

test('agreement links: 《》 around zh-CN titles, bare English titles', async () => {
  const zh = render('require-consent agreements="用户协议,隐私政策"');
  const en = render('lang="en-US" require-consent agreements="Terms,Privacy Policy"');
  await simulate.sleep(0);
  expect(zh.pb.data.items.map((i) => i.sep + i.label)).toEqual(['《用户协议》', '和《隐私政策》']);
  expect(en.pb.data.items.map((i) => i.sep + i.label)).toEqual(['Terms', ' and Privacy Policy']);
});

describe('consent gating', () => {
  const AGREEMENTS = `agreements="{{agreements}}" require-consent`;

  function renderGated(mode = 'get-phone') {
    return render(`mode="${mode}" ${AGREEMENTS}`, {
      agreements: [{ title: '用户协议', url: 'https://example.com/terms' }, { title: '隐私政策', url: '/pages/privacy/index' }],
    });
  }

  test('before consent the button is NOT open-type; prompt → its agree button IS the phone button: one tap → phone', async () => {
    const { pb, events, renders } = renderGated();
    await simulate.sleep(0);
    expect(pb.querySelector('#authing-phone-button')).toBeFalsy();
    const gate = pb.querySelector('#authing-consent-gate');
    expect(gate.data.openType || '').toBe('');
    expect(JSON.stringify(pb.toJSON())).not.toContain('getPhoneNumber');

    renders.length = 0;
    const count = srv.requests.length;
    nativeButton(pb, 'authing-consent-gate').dispatchEvent('tap');
    await simulate.sleep(0);
    expect(pb.data.prompt).toBe(true);
    expect(pb.data.promptText).toBe('请先阅读并同意《用户协议》和《隐私政策》');
    expect(renders.length).toBe(1);
    expect(srv.requests.length).toBe(count); // consent itself sends nothing
    // Like the login dialog: the prompt's agree button is the open-type phone button.
    expect(pb.querySelector('#authing-consent-agree').data.openType).toBe('getPhoneNumber|agreePrivacyAuthorization');

    renders.length = 0;
    const { code } = await api.post('/__dev/wx/phone-code', { phoneNumber: '13912341111' });
    nativeButton(pb, 'authing-consent-agree').dispatchEvent('getphonenumber', { detail: { errMsg: 'getPhoneNumber:ok', code } });
    await untilEvent(events, 'phone', 'error');
    expect(events.map((e) => e.name)).toEqual(['agreement-change', 'phone']);
    expect(events[0].detail).toEqual({ agreed: true });
    expect(pb.data.prompt).toBe(false);
    expect(pb.querySelector('#authing-consent-gate')).toBeFalsy();
    expect(pb.querySelector('#authing-phone-button').data.openType).toBe('getPhoneNumber');
    expect(renders.length).toBe(1); // agree + request + answer: one render
  });

  test('agreeing in the prompt but declining WeChat\'s dialog: consent kept, `cancel` {reason:"deny"}', async () => {
    const { pb, events } = renderGated();
    await simulate.sleep(0);
    nativeButton(pb, 'authing-consent-gate').dispatchEvent('tap');
    await simulate.sleep(0);
    nativeButton(pb, 'authing-consent-agree').dispatchEvent('getphonenumber', { detail: { errMsg: 'getPhoneNumber:fail user deny' } });
    await simulate.sleep(0);
    expect(events).toEqual([
      { name: 'agreement-change', detail: { agreed: true } },
      { name: 'cancel', detail: { action: 'get-phone', method: 'phone', reason: 'deny' } },
    ]);
    expect(pb.data.agreed).toBe(true);
    expect(pb.querySelector('#authing-phone-button').data.openType).toBe('getPhoneNumber');
  });

  test('declining the prompt → `cancel` {reason:"consent"}, still not open-type, no request', async () => {
    const { pb, events } = renderGated('login');
    await simulate.sleep(0);
    const count = srv.requests.length;
    nativeButton(pb, 'authing-consent-gate').dispatchEvent('tap');
    await simulate.sleep(0);
    nativeButton(pb, 'authing-consent-cancel').dispatchEvent('tap');
    await simulate.sleep(0);
    expect(events).toEqual([{ name: 'cancel', detail: { action: 'login', method: 'phone', reason: 'consent' } }]);
    expect(pb.data.prompt).toBe(false);
    expect(pb.querySelector('#authing-consent-gate')).toBeTruthy();
    expect(srv.requests.length).toBe(count);
  });

  test('ticking the checkbox makes it an open-type button directly', async () => {
    const { pb, events } = renderGated();
    await simulate.sleep(0);
    pb.querySelector('#authing-consent-checkbox').querySelector('.t-checkbox').dispatchEvent('tap');
    await simulate.sleep(0);
    expect(events).toEqual([{ name: 'agreement-change', detail: { agreed: true } }]);
    expect(pb.querySelector('#authing-phone-button').data.openType).toBe('getPhoneNumber');
  });

  test('agreements as a comma string, texts overrides', async () => {
    const { pb } = render('require-consent agreements="用户协议,隐私政策,儿童隐私保护指引" texts="{{texts}}"', {
      texts: { label: '绑定手机号', consentPrompt: '继续前请同意{agreements}', agreementQuote: '「{title}」', unknownKey: 'ignored' },
    });
    await simulate.sleep(0);
    expect(pb.data.label).toBe('绑定手机号');
    expect(pb.data.items.map((i) => i.sep + i.title)).toEqual(['用户协议', '、隐私政策', '和儿童隐私保护指引']);
    expect(pb.data.items.map((i) => i.label)).toEqual(['「用户协议」', '「隐私政策」', '「儿童隐私保护指引」']);
    expect(pb.querySelector('#authing-consent-gate').data.ariaLabel).toBe('绑定手机号');
    nativeButton(pb, 'authing-consent-gate').dispatchEvent('tap');
    await simulate.sleep(0);
    expect(pb.data.promptText).toBe('继续前请同意《用户协议》、《隐私政策》和《儿童隐私保护指引》');
    expect(pb.data.t.unknownKey).toBeUndefined();
  });
});

test('an unsupported lang falls back to zh-CN for the texts AND the client (no configuration error)', async () => {
  const { code } = await api.post('/__dev/wx/phone-code', { phoneNumber: '13912340001' });
  const { pb, events } = render('mode="get-phone" lang="fr-FR"');
  await simulate.sleep(0);
  expect(pb.data.label).toBe('获取手机号');
  nativeButton(pb, 'authing-phone-button').dispatchEvent('getphonenumber', { detail: { errMsg: 'getPhoneNumber:ok', code } });
  await untilEvent(events, 'phone', 'error');
  expect(events.map((e) => e.name)).toEqual(['phone']);
  expect(events[0].detail.phoneInfo.purePhoneNumber).toBe('13912340001');
});
