// <authing-phone-button> and the answers it is given (core/flows/phone-button-flow, phone-button): the
// consent checkbox unticked while the prompt is open, WeChat's errno passed on only when it is a number,
// WeChat's wording found wherever it stands in errMsg, the button usable again after a phone login, the
// login's scope only when one is set, and the contract with a client the app hands in itself (the
// component's `client` / setDefaultClient take any Authing-compatible object): an answer without data is
// the platform failure text, code bad_response.
// Real client and devserver where our client can give the answer; a minimal foreign client where only
// another client can (ours never answers [null, null]: no phone number or no token is bad_response).
const { internal } = require('../../helpers/kit');
const { vocabularyProblems } = require('../../helpers/vocabulary');
const { recordingHost, useFlowServer } = require('./flow-host');

const { classifyPhoneResult, loginWithPhoneCode } = internal('core/flows/phone-button');
const { PhoneButtonFlow } = internal('core/flows/phone-button-flow');
const { PHONE_BUTTON_TEXTS } = internal('components/phone-button/texts');

const T = PHONE_BUTTON_TEXTS['zh-CN'];
const env = useFlowServer({ clearStorage: true });
const phoneCode = async (phoneNumber) => (await env.dev.post('/__dev/wx/phone-code', { phoneNumber })).code;
const since = (mark, path) => env.srv.requests.slice(mark).filter((r) => r.path === path);
function makeFlow(config = {}, client = env.client()) {
  const { host, rec } = recordingHost(T, { client });
  return { flow: new PhoneButtonFlow(host, { idp: env.srv.config.wechatIdpIdentifier, ...config }), rec };
}
const ok = (code) => ({ errMsg: 'getPhoneNumber:ok', code });

/** An app's own client answering getPhone / loginByPhone with [null, null]; records what it was asked. */
function silentClient() {
  const calls = [];
  return {
    calls,
    getPhone: async (options) => { calls.push(['getPhone', options]); return [null, null]; },
    loginByPhone: async (options) => { calls.push(['loginByPhone', options]); return [null, null]; },
  };
}

describe('consent', () => {
  test('unticking the box while the prompt is open: the prompt stays, nothing is agreed, still gated', () => {
    const { flow, rec } = makeFlow({ consentRequired: true });
    flow.gateTap();
    expect(flow.state.consent).toMatchObject({ prompting: true, agreed: false, pending: 'phone' });
    flow.setAgreed(false);
    expect(flow.state.consent).toEqual({ required: true, agreed: false, prompting: true, pending: 'phone' });
    expect(flow.gated).toBe(true);
    expect(rec.events).toEqual([{ name: 'agreement-change', detail: { agreed: false } }]);
  });
});

describe('WeChat\'s result', () => {
  test('errno is passed on only when WeChat gave a number: a string errno leaves it out of the `error`', async () => {
    const { flow, rec } = makeFlow();
    await flow.phoneResult({ errMsg: 'getPhoneNumber:fail system error', errno: '1400001' });
    await flow.phoneResult({ errMsg: 'getPhoneNumber:fail system error', errno: 5 });
    const [asString, asNumber] = rec.events.map((e) => e.detail);
    expect(asString).toEqual({
      action: 'get-phone', method: 'phone', code: 'platform', message: T.platformFail,
      error: { message: T.platformFail, code: 'platform' }, errMsg: 'getPhoneNumber:fail system error',
    });
    expect(Object.keys(asString)).not.toContain('errno');
    expect(asNumber).toMatchObject({ code: 'platform', errno: 5 });
    expect(vocabularyProblems(rec.events)).toEqual([]);
  });

  test('WeChat\'s wording counts wherever it stands in errMsg, also at its very start', () => {
    expect(classifyPhoneResult({ errMsg: 'no quota' })).toEqual({ kind: 'no_quota', errMsg: 'no quota', errno: undefined });
    expect(classifyPhoneResult({ errMsg: 'no permission' })).toEqual({ kind: 'no_permission', errMsg: 'no permission', errno: undefined });
    expect(classifyPhoneResult({ errMsg: 'not permitted' })).toEqual({ kind: 'no_permission', errMsg: 'not permitted', errno: undefined });
    expect(classifyPhoneResult({ errMsg: 'privacy permission is not authorized' })).toEqual({ kind: 'privacy' });
    expect(classifyPhoneResult({ errMsg: 'deny' })).toEqual({ kind: 'deny' });
    expect(classifyPhoneResult({ errMsg: 'Cancel' })).toEqual({ kind: 'deny' });
  });
});

describe('phone login', () => {
  test('after a phone login the button is idle again: a second tap is handled, not ignored as busy', async () => {
    const { flow, rec } = makeFlow({ mode: 'login' });
    await flow.phoneResult(ok(await phoneCode('13912300201')));
    expect(flow.state).toEqual({ busy: false, consent: expect.any(Object), notice: null });
    expect(rec.events.map((e) => e.name)).toEqual(['login']);
    await flow.phoneResult({ errMsg: 'getPhoneNumber:fail user deny' });
    expect(rec.events.map((e) => e.name)).toEqual(['login', 'cancel']);
    expect(flow.state.notice).toEqual({ tone: 'info', key: 'denied' });
  });

  test('no scope set: the login sends no options (the server\'s default scope), from the button and the shared request', async () => {
    wx.clearStorageSync();
    const mark = env.srv.requests.length;
    const { flow, rec } = makeFlow({ mode: 'login' });
    await flow.phoneResult(ok(await phoneCode('13912300202')));
    expect(rec.events.map((e) => e.name)).toEqual(['login']);
    wx.clearStorageSync();
    const [err] = await loginWithPhoneCode(env.client(), { idp: env.srv.config.wechatIdpIdentifier, code: await phoneCode('13912300203') });
    expect(err).toBeNull();
    const sent = since(mark, '/api/v3/signin-by-mobile').map((r) => JSON.parse(r.body));
    expect(sent).toHaveLength(2);
    for (const body of sent) expect(body).not.toHaveProperty('options');
  });
});

describe('a client of the app\'s own answering with no error and no data', () => {
  const expected = (action) => ({
    action, method: 'phone', code: 'bad_response', message: T.platformFail, error: { message: T.platformFail, code: 'bad_response' },
  });

  test('get-phone: the platform failure text, code bad_response, not busy; no `phone`', async () => {
    const client = silentClient();
    const { flow, rec } = makeFlow({}, client);
    await flow.phoneResult(ok('phone-code-1'));
    expect(client.calls).toEqual([['getPhone', { extIdpConnidentifier: env.srv.config.wechatIdpIdentifier, code: 'phone-code-1' }]]);
    expect(rec.events).toEqual([{ name: 'error', detail: expected('get-phone') }]);
    expect(flow.state).toEqual({ busy: false, consent: expect.any(Object), notice: { tone: 'error', error: { message: T.platformFail, code: 'bad_response' } } });
    expect(vocabularyProblems(rec.events)).toEqual([]);
  });

  test('login: the platform failure text, code bad_response, not busy; no `login`', async () => {
    const client = silentClient();
    const { flow, rec } = makeFlow({ mode: 'login' }, client);
    await flow.phoneResult(ok('phone-code-2'));
    expect(client.calls.map(([name, o]) => [name, o.wechatMiniProgramCodeAndPhonePayload])).toEqual([['loginByPhone', { wxPhoneInfo: { code: 'phone-code-2' } }]]);
    expect(rec.events).toEqual([{ name: 'error', detail: expected('login') }]);
    expect(flow.state).toEqual({ busy: false, consent: expect.any(Object), notice: { tone: 'error', error: { message: T.platformFail, code: 'bad_response' } } });
    expect(vocabularyProblems(rec.events)).toEqual([]);
  });
});
