// What the forgot-password flow (core/flows/reset-password-flow + reset-password-checks) hands its client and
// where its answers are shown: the step-1 request with the typed target and code trimmed (an app's own
// Authing-compatible client may not trim, the kit's does: the REAL client is wrapped in a Proxy that records
// what it was given), a step-1 answer that carries nothing, where a refused send is shown, a tab that is not
// offered, and a flow made without a countdown store. Isolated devserver over HTTP (faults injected there),
// a recording host.
const { clientOf, phoneUser } = require('../../helpers/reset-users');
const { ResetPasswordFlow } = require('../../helpers/kit').internal('core/flows/reset-password-flow');
const { CountdownStore } = require('../../helpers/kit').internal('core/flows/countdown');
const { RESET_PASSWORD_TEXTS } = require('../../helpers/kit').internal('components/reset-password/texts');
const { errorText } = require('../../helpers/kit').internal('components/common/failures');
const { recordingHost, useFlowServer } = require('./flow-host');

const T = RESET_PASSWORD_TEXTS['zh-CN'];
const env = useFlowServer({ pointWx: false, clearFaults: true });

/** The real client with `method` replaced by `replacement(real, ...args)`; `calls` lists the first arguments. */
function wrapped(method, replacement = (real, ...args) => real[method](...args)) {
  const real = clientOf(env.srv);
  const calls = [];
  const client = new Proxy(real, {
    get: (target, key) => (key === method
      ? (...args) => { calls.push(args[0]); return replacement(target, ...args); }
      : typeof target[key] === 'function' ? target[key].bind(target) : target[key]),
  });
  return { client, calls };
}

function makeFlow(config = { methods: 'sms,email' }, c = clientOf(env.srv)) {
  const { host, rec } = recordingHost(T, { client: c });
  return { flow: new ResetPasswordFlow(host, config, new CountdownStore({ storage: null })), rec };
}
const named = (rec, name) => rec.events.filter((e) => e.name === name);
const fault = (spec) => env.dev.post('/__dev/faults', spec);

test('step 1 hands the client the phone and the code trimmed', async () => {
  const user = await phoneUser(env.srv);
  const { client, calls } = wrapped('verifyResetPasswordRequest');
  const { flow } = makeFlow(undefined, client);
  flow.input('phone', `  ${user.phone} `);
  await flow.sendCode();
  const code = await env.dev.smsCode(user.phone, 'CHANNEL_RESET_PASSWORD');
  flow.input('code', ` ${code}  `);
  await flow.verify();
  expect(flow.state.step).toBe('password');
  expect(calls).toEqual([{ verifyMethod: 'PHONE_PASSCODE', phonePassCodePayload: { phoneNumber: user.phone, passCode: code, phoneCountryCode: '+86' } }]);
});

test('a client whose step-1 answer carries nothing: step 1 stays with the unreadable-answer message; `error` {code: bad_response}', async () => {
  const { client, calls } = wrapped('verifyResetPasswordRequest', () => Promise.resolve([null, null]));
  const { flow, rec } = makeFlow(undefined, client);
  flow.input('phone', '13700000123');
  flow.input('code', '123456');
  await flow.verify();
  expect(calls).toHaveLength(1);
  expect(flow.state).toMatchObject({ step: 'verify', busy: null });
  expect(flow.state.notice).toEqual({ tone: 'error', error: { code: 'bad_response', message: T.badResponse } });
  // As the component words it.
  expect(errorText(T, flow.state.notice.error)).toBe(T.badResponse);
  expect(rec.events).toEqual([{ name: 'error', detail: expect.objectContaining({ action: 'reset-password', method: 'sms', code: 'bad_response', message: T.badResponse }) }]);
  expect(flow.value('code')).toBe('123456');
});

describe('a refused send', () => {
  test('about the phone (malformed, 3101): the server\'s message on the phone field, not the form message', async () => {
    const { flow, rec } = makeFlow();
    flow.input('phone', '13700000124');
    await fault({ path: '/api/v3/send-sms', kind: 'envelope', status: 400, apiCode: 3101, body: 'phone refused' });
    await flow.sendCode();
    expect(flow.state.errors.phone).toEqual({ error: expect.objectContaining({ apiCode: 3101, message: 'phone refused' }) });
    expect(flow.state.notice).toBeNull();
    expect(named(rec, 'error')).toHaveLength(1);
  });

  test('a "wrong code" answer to a send is the form message, not on the code field (nothing was typed there)', async () => {
    const { flow } = makeFlow();
    flow.input('phone', '13700000125');
    await fault({ path: '/api/v3/send-sms', kind: 'envelope', status: 400, apiCode: 2001, body: 'code trouble' });
    await flow.sendCode();
    expect(flow.state.errors.code).toBeNull();
    expect(flow.state.notice).toEqual({ tone: 'error', error: expect.objectContaining({ apiCode: 2001, message: 'code trouble' }) });
  });
});

test('a tab that is not offered cannot be selected (nothing renders)', () => {
  const { flow, rec } = makeFlow({ methods: 'sms' });
  flow.selectMethod('email');
  flow.selectMethod('password');
  expect(flow.state.method).toBe('sms');
  expect(rec.changes).toBe(0);
});

test('a flow made without a countdown store keeps its countdowns to itself: none from wx storage, none into it', async () => {
  const key = 'CHANNEL_RESET_PASSWORD:+86:13700000126';
  wx.setStorageSync('authing:countdowns', { [key]: { endsAt: Date.now() + 60000, startedAt: Date.now() } });
  try {
    const { host, rec } = recordingHost(T, { client: clientOf(env.srv) });
    const flow = new ResetPasswordFlow(host, { methods: 'sms' });
    flow.restore();
    expect(flow.value('phone')).toBe('');
    flow.input('phone', '13700000126');
    expect(flow.state.countdownEndsAt).toBe(0);
    wx.removeStorageSync('authing:countdowns');
    flow.input('phone', '13700000127');
    await flow.sendCode();
    expect(named(rec, 'send-code')).toHaveLength(1);
    expect(flow.state.countdownEndsAt).toBeGreaterThan(Date.now());
    expect(wx.getStorageSync('authing:countdowns')).toBeFalsy();
  } finally {
    wx.removeStorageSync('authing:countdowns');
  }
});
