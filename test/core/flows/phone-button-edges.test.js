// <authing-phone-button> at its edges (core/flows/phone-button, phone-button-flow): how odd WeChat results
// read, what the phone login sends, and the flow's guards (busy, disabled, consent by the checkbox while
// the prompt is open, a refused code in login mode). Real client and devserver, a recording host.
const { internal } = require('../../helpers/kit');
const { recordingHost, useFlowServer } = require('./flow-host');

const { classifyPhoneResult, phoneFailureKey, loginWithPhoneCode } = internal('core/flows/phone-button');
const { PhoneButtonFlow } = internal('core/flows/phone-button-flow');
const { PHONE_BUTTON_TEXTS } = internal('components/phone-button/texts');

const T = PHONE_BUTTON_TEXTS['zh-CN'];
const env = useFlowServer({ clearStorage: true });
const { client } = env;
const phoneCode = async (phoneNumber) => (await env.dev.post('/__dev/wx/phone-code', { phoneNumber })).code;
const since = (mark, path) => env.srv.requests.slice(mark).filter((r) => r.path === path);
function makeFlow(config = {}) {
  const { host, rec } = recordingHost(T, { client: client() });
  return { flow: new PhoneButtonFlow(host, { idp: env.srv.config.wechatIdpIdentifier, ...config }), rec };
}

describe('reading WeChat\'s result', () => {
  test('a code alone (no errMsg) is ok; errMsg is read case-insensitively and must END in :ok', () => {
    expect(classifyPhoneResult({ code: 'abc' })).toEqual({ kind: 'ok', code: 'abc' });
    expect(classifyPhoneResult({ errMsg: 'GetPhoneNumber:OK', code: 'abc' })).toEqual({ kind: 'ok', code: 'abc' });
    expect(classifyPhoneResult({ errMsg: 'getPhoneNumber:ok?', code: 'abc' }).kind).toBe('fail');
    expect(classifyPhoneResult({ errMsg: 'getPhoneNumber:ok', code: '   ' }).kind).toBe('fail');
    expect(classifyPhoneResult({ errMsg: 'getPhoneNumber:ok', code: 42 }).kind).toBe('fail');
  });

  test('a failure without errMsg gets a generic one; a non-numeric errno is dropped', () => {
    expect(classifyPhoneResult(null)).toEqual({ kind: 'fail', errMsg: 'getPhoneNumber:fail', errno: undefined });
    expect(classifyPhoneResult({ errMsg: 42, errno: '102' })).toEqual({ kind: 'fail', errMsg: 'getPhoneNumber:fail', errno: undefined });
    expect(classifyPhoneResult({ errMsg: 'getPhoneNumber:fail', errno: 7 })).toEqual({ kind: 'fail', errMsg: 'getPhoneNumber:fail', errno: 7 });
  });

  test('messages are matched whatever their case; errno 102 alone means no permission', () => {
    expect(classifyPhoneResult({ errMsg: 'getPhoneNumber:fail NO QUOTA' })).toEqual({ kind: 'no_quota', errMsg: 'getPhoneNumber:fail NO QUOTA', errno: undefined });
    expect(classifyPhoneResult({ errMsg: 'x', errno: 102 })).toEqual({ kind: 'no_permission', errMsg: 'x', errno: 102 });
    expect(classifyPhoneResult({ errMsg: 'getPhoneNumber:fail User Deny' })).toEqual({ kind: 'deny' });
    expect(classifyPhoneResult({ errMsg: 'getPhoneNumber:fail Privacy Permission is not authorized' })).toEqual({ kind: 'privacy' });
  });

  test('text keys: a decline and a privacy refusal have their own or the generic one', () => {
    expect(phoneFailureKey({ kind: 'deny' })).toBe('denied');
    expect(phoneFailureKey({ kind: 'privacy' })).toBe('platformFail');
    expect(phoneFailureKey({ kind: 'no_quota', errMsg: '' })).toBe('noQuota');
    expect(phoneFailureKey({ kind: 'no_permission', errMsg: '' })).toBe('noPermission');
  });
});

describe('the phone login request', () => {
  test('the code and identity source go on the wire; a blank scope sends no options, a scope is trimmed', async () => {
    const mark = env.srv.requests.length;
    const [err, state] = await loginWithPhoneCode(client(), { idp: env.srv.config.wechatIdpIdentifier, code: await phoneCode('13912300101'), scope: '   ' });
    expect(err).toBeNull();
    expect(state.access_token).toEqual(expect.any(String));
    wx.clearStorageSync(); // logged out again
    const [again] = await loginWithPhoneCode(client(), { idp: env.srv.config.wechatIdpIdentifier, code: await phoneCode('13912300102'), scope: ' openid profile ' });
    expect(again).toBeNull();
    const sent = since(mark, '/api/v3/signin-by-mobile').map((r) => JSON.parse(r.body));
    expect(sent[0]).toMatchObject({ extIdpConnidentifier: env.srv.config.wechatIdpIdentifier, wechatMiniProgramCodeAndPhonePayload: { wxPhoneInfo: { code: expect.any(String) } } });
    expect(sent[0]).not.toHaveProperty('options');
    expect(sent[1].options).toEqual({ scope: 'openid profile' });
  });
});

describe('the flow\'s guards', () => {
  test('a phone event while busy or disabled only renders: no request, no event', async () => {
    const code = await phoneCode('13912300103');
    const { flow, rec } = makeFlow();
    const mark = env.srv.requests.length;
    const first = flow.phoneResult({ errMsg: 'getPhoneNumber:ok', code });
    const renders = rec.changes;
    await flow.phoneResult({ errMsg: 'getPhoneNumber:fail user deny' });
    expect(rec.changes - renders).toBe(1);
    expect(flow.state.busy).toBe(true);
    await first;
    expect(rec.events.map((e) => e.name)).toEqual(['phone']);

    const off = makeFlow({ disabled: true });
    await off.flow.phoneResult({ errMsg: 'getPhoneNumber:ok', code: await phoneCode('13912300104') });
    await off.flow.phoneResult({ errMsg: 'getPhoneNumber:fail user deny' });
    expect(off.rec.changes).toBe(2);
    expect(off.rec.events).toEqual([]);
    expect(off.flow.state).toEqual({ busy: false, consent: expect.any(Object), notice: null });
    expect(since(mark, '/api/v3/get-wechat-miniprogram-phone').length + since(mark, '/api/v3/signin-by-mobile').length).toBe(1);
  });

  test('a decline notice; a refused code in login mode is an error on the login action, not busy afterwards', async () => {
    const { flow, rec } = makeFlow({ mode: 'login' });
    await flow.phoneResult({ errMsg: 'getPhoneNumber:fail user deny' });
    expect(flow.state.notice).toEqual({ tone: 'info', key: 'denied' });
    await flow.phoneResult({ errMsg: 'getPhoneNumber:fail privacy permission is not authorized', errno: 104 });
    expect(flow.state.notice).toBeNull(); // the privacy popup said enough
    await flow.phoneResult({ errMsg: 'getPhoneNumber:ok', code: 'never-issued' });
    expect(flow.state).toMatchObject({ busy: false, notice: { tone: 'error' } });
    const error = rec.events.pop();
    expect(error).toMatchObject({ name: 'error', detail: { action: 'login', method: 'phone' } });
    expect(error.detail.code).toBe(error.detail.error.code);
    expect(rec.events.some((e) => e.name === 'login')).toBe(false);
  });

  test('consent: ticking the box while the prompt is open closes it; a busy or un-gated tap prompts nothing', async () => {
    const { flow, rec } = makeFlow({ consentRequired: true });
    flow.gateTap();
    expect(flow.state.consent).toMatchObject({ prompting: true, agreed: false });
    flow.setAgreed(1);
    expect(flow.state.consent).toMatchObject({ prompting: false, agreed: true });
    expect(rec.events).toEqual([{ name: 'agreement-change', detail: { agreed: true } }]);
    let renders = rec.changes;
    flow.gateTap(); // agreed: nothing to prompt
    expect(rec.changes).toBe(renders);
    expect(flow.state.consent.prompting).toBe(false);

    flow.setAgreed(0);
    expect(rec.events.pop()).toEqual({ name: 'agreement-change', detail: { agreed: false } });
    flow.dismiss();
    expect(rec.events.pop()).toEqual({ name: 'cancel', detail: { action: 'get-phone', method: 'phone', reason: 'consent' } });
    flow.setAgreed(false); // un-ticked with the notice shown: the notice goes
    expect(flow.state.notice).toBeNull();
    expect(flow.state.consent.prompting).toBe(false);

    const code = await phoneCode('13912300105');
    const running = flow.agreePhone({ errMsg: 'getPhoneNumber:ok', code });
    renders = rec.changes;
    flow.gateTap(); // busy
    expect(rec.changes).toBe(renders);
    await running;
    expect(rec.events.pop().name).toBe('phone');
  });

  test('defaults: WeChat\'s usual identity source, get-phone, no gate, enabled', async () => {
    const { host, rec } = recordingHost(T, { client: client() });
    const flow = new PhoneButtonFlow(host);
    expect(flow.gated).toBe(false);
    const mark = env.srv.requests.length;
    await flow.phoneResult({ errMsg: 'getPhoneNumber:ok', code: await phoneCode('13912300106') });
    expect(rec.events.map((e) => e.name)).toEqual(['phone']);
    expect(JSON.parse(since(mark, '/api/v3/get-wechat-miniprogram-phone')[0].body)).toMatchObject({ extIdpConnidentifier: 'wechat-miniprogram' });
  });

  test('configure: one render, the gate follows the agreements', () => {
    const { flow, rec } = makeFlow();
    flow.configure({ consentRequired: true });
    expect(rec.changes).toBe(1);
    expect(flow.gated).toBe(true);
    expect(flow.state.consent.required).toBe(true);
  });
});
