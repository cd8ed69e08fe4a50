// The <authing-phone-button> flow (core/flows/phone-button-flow) without any simulator: a recording host,
// the REAL client and an isolated devserver over HTTP. Render contract, consent gate (agree = the phone
// tap), the vocabulary of every event detail, no request for anything WeChat refused.
const { PhoneButtonFlow } = require('../../helpers/kit').internal('core/flows/phone-button-flow');
const { PHONE_BUTTON_TEXTS } = require('../../helpers/kit').internal('components/phone-button/texts');
const { recordingHost, useFlowServer } = require('./flow-host');

const T = PHONE_BUTTON_TEXTS['zh-CN'];
const env = useFlowServer({ clearStorage: true });
const { client } = env;
function makeFlow(config = {}, { c = client() } = {}) {
  const { host, rec } = recordingHost(T, { client: c });
  const flow = new PhoneButtonFlow(host, { idp: env.srv.config.wechatIdpIdentifier, ...config });
  return { flow, rec };
}
const since = (mark) => env.srv.requests.slice(mark).filter((r) => r.path.startsWith('/api/'));
const ok = (code) => ({ errMsg: 'getPhoneNumber:ok', code });

test('get-phone: one render when the request starts, one when it settles; `phone` with the number', async () => {
  const { code } = await env.dev.post('/__dev/wx/phone-code', { phoneNumber: '13912300001' });
  const { flow, rec } = makeFlow();
  const pending = flow.phoneResult(ok(code));
  expect(flow.state.busy).toBe(true);
  expect(rec.changes).toBe(1);
  await pending;
  expect(rec.changes).toBe(2);
  expect(flow.state.busy).toBe(false);
  expect(rec.events).toEqual([{ name: 'phone', detail: { phoneInfo: expect.objectContaining({ purePhoneNumber: '13912300001' }) } }]);
});

test('login: `login` {method:"phone", loginState} through the shared phone-login request, scope passed', async () => {
  const { code } = await env.dev.post('/__dev/wx/phone-code', { phoneNumber: '13800000000' });
  const { flow, rec } = makeFlow({ mode: 'login', scope: 'openid profile offline_access' });
  const mark = env.srv.requests.length;
  await flow.phoneResult(ok(code));
  expect(rec.events.map((e) => e.name)).toEqual(['login']);
  expect(rec.events[0].detail.method).toBe('phone');
  expect(rec.events[0].detail.loginState.refresh_token).toEqual(expect.any(String));
  const sent = since(mark).filter((r) => r.path === '/api/v3/signin-by-mobile');
  expect(sent).toHaveLength(1);
  expect(JSON.parse(sent[0].body).options).toEqual({ scope: 'openid profile offline_access' });
});

test('privacy authorization declined in the popup: a quiet `cancel` {reason:"privacy"}, no notice, no request', async () => {
  const { flow, rec } = makeFlow({ mode: 'login' });
  const mark = env.srv.requests.length;
  await flow.phoneResult({ errMsg: 'getPhoneNumber:fail privacy permission is not authorized', errno: 104 });
  expect(rec.changes).toBe(1);
  expect(rec.events).toEqual([{ name: 'cancel', detail: { action: 'login', method: 'phone', reason: 'privacy' } }]);
  expect(flow.state.notice).toBeNull();
  expect(since(mark)).toEqual([]);
});

test('WeChat refusals: deny → cancel, no quota / no permission / other → error with code + errMsg; no request', async () => {
  const { flow, rec } = makeFlow({ mode: 'login' });
  const mark = env.srv.requests.length;
  await flow.phoneResult({ errMsg: 'getPhoneNumber:fail user deny' });
  await flow.phoneResult({ errMsg: 'getPhoneNumber:fail no quota', errno: 1400001 });
  await flow.phoneResult({ errMsg: 'getPhoneNumber:fail no permission', errno: 102 });
  await flow.phoneResult({ errMsg: 'getPhoneNumber:fail something' });
  expect(rec.changes).toBe(4);
  expect(rec.events).toEqual([
    { name: 'cancel', detail: { action: 'login', method: 'phone', reason: 'deny' } },
    { name: 'error', detail: { action: 'login', method: 'phone', code: 'no_quota', message: T.noQuota, error: { message: T.noQuota, code: 'platform' }, errMsg: 'getPhoneNumber:fail no quota', errno: 1400001 } },
    { name: 'error', detail: { action: 'login', method: 'phone', code: 'no_permission', message: T.noPermission, error: { message: T.noPermission, code: 'platform' }, errMsg: 'getPhoneNumber:fail no permission', errno: 102 } },
    { name: 'error', detail: { action: 'login', method: 'phone', code: 'platform', message: T.platformFail, error: { message: T.platformFail, code: 'platform' }, errMsg: 'getPhoneNumber:fail something' } },
  ]);
  expect(flow.state.notice).toEqual({ tone: 'error', error: { message: T.platformFail, code: 'platform' } });
  expect(since(mark)).toHaveLength(0);
});

test('no client / no identity source → `error` {code:"invalid_options"} with the readable text, no request', async () => {
  const none = makeFlow({}, { c: null });
  await none.flow.phoneResult(ok('x'));
  expect(none.rec.events[0].detail).toEqual(expect.objectContaining({ action: 'get-phone', code: 'invalid_options', message: T.notConfigured }));
  const noIdp = makeFlow({ idp: '' });
  await noIdp.flow.phoneResult(ok('x'));
  expect(noIdp.rec.events[0].detail).toEqual(expect.objectContaining({ code: 'invalid_options', message: T.missingIdp }));
});

test('a used code → `error` with the server code; not busy afterwards', async () => {
  const { flow, rec } = makeFlow();
  await flow.phoneResult(ok('never-issued'));
  expect(rec.events[0].name).toBe('error');
  expect(rec.events[0].detail.action).toBe('get-phone');
  expect(rec.events[0].detail.code).toBe(rec.events[0].detail.error.code);
  expect(flow.state.busy).toBe(false);
});

test('a second phone event while busy sends nothing more', async () => {
  const { code } = await env.dev.post('/__dev/wx/phone-code', { phoneNumber: '13912300002' });
  const { flow, rec } = makeFlow();
  const mark = env.srv.requests.length;
  const first = flow.phoneResult(ok(code));
  await flow.phoneResult(ok(code));
  await first;
  expect(rec.events.map((e) => e.name)).toEqual(['phone']);
  expect(since(mark)).toHaveLength(1);
});

describe('consent', () => {
  test('gated: the tap prompts (one render, no request); the prompt\'s agree IS the phone tap', async () => {
    const { code } = await env.dev.post('/__dev/wx/phone-code', { phoneNumber: '13912300003' });
    const { flow, rec } = makeFlow({ consentRequired: true });
    expect(flow.gated).toBe(true);
    const mark = env.srv.requests.length;
    flow.gateTap();
    expect(rec.changes).toBe(1);
    expect(flow.state.consent.prompting).toBe(true);
    expect(since(mark)).toHaveLength(0);
    await flow.agreePhone(ok(code));
    expect(flow.gated).toBe(false);
    expect(flow.state.consent).toEqual(expect.objectContaining({ agreed: true, prompting: false }));
    expect(rec.events.map((e) => e.name)).toEqual(['agreement-change', 'phone']);
    expect(rec.events[0].detail).toEqual({ agreed: true });
  });

  test('decline → `cancel` {reason:"consent"} and a notice; the checkbox un-gates directly', () => {
    const { flow, rec } = makeFlow({ consentRequired: true, mode: 'login' });
    flow.gateTap();
    flow.dismiss();
    expect(rec.events).toEqual([{ name: 'cancel', detail: { action: 'login', method: 'phone', reason: 'consent' } }]);
    expect(flow.state.notice).toEqual({ tone: 'info', key: 'consentCancelled' });
    expect(flow.gated).toBe(true);
    flow.setAgreed(true);
    expect(flow.gated).toBe(false);
    expect(rec.events[1]).toEqual({ name: 'agreement-change', detail: { agreed: true } });
    flow.setAgreed(false);
    expect(flow.gated).toBe(true);
  });

  test('disabled: the gate tap does nothing; configure() drops the gate when agreements go away', () => {
    const { flow, rec } = makeFlow({ consentRequired: true, disabled: true });
    flow.gateTap();
    expect(rec.changes).toBe(0);
    flow.configure({ consentRequired: false, disabled: false });
    expect(flow.gated).toBe(false);
  });
});
