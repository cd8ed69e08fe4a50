// The <authing-bind-phone> flow (core/flows/bind-phone-flow): what the bind request is given (trimmed: the
// host's bindPhone may be an app's own), taps while a bind is on the wire or after it, a refused send about
// the phone, a countdown another bind step started, the renders of a send, and a flow made without a
// countdown store. Real client logged in by a WeChat code, isolated devserver over HTTP (faults injected).
require('../../../miniprogram_dist/account');
const { BindPhoneFlow } = require('../../helpers/kit').internal('core/flows/bind-phone-flow');
const { CountdownStore } = require('../../helpers/kit').internal('core/flows/countdown');
const { BIND_PHONE_TEXTS } = require('../../helpers/kit').internal('components/bind-phone/texts');
const { recordingHost, useFlowServer } = require('./flow-host');

const env = useFlowServer({ clearFaults: true });
let seq = 0;

/** A client logged in by a WeChat code as a brand-new (phoneless) user. */
async function wechatClient() {
  wx.clearStorageSync();
  wx.__control.openid = `bind-requests-${process.pid}-${++seq}`;
  const client = env.client();
  const [err] = await client.loginByCode({ extIdpConnidentifier: env.srv.config.wechatIdpIdentifier });
  if (err) throw new Error(err.message);
  return client;
}

/** A flow whose host records what its bindPhone was given (then binds with the real client). */
function makeFlow(client, store = new CountdownStore({ storage: null })) {
  const binds = [];
  const bindPhone = (c, d) => { binds.push(d); return c.bindPhone(d); };
  const { host, rec } = recordingHost(BIND_PHONE_TEXTS['zh-CN'], { client, extra: { bindPhone } });
  return { flow: new BindPhoneFlow(host, {}, store), rec, binds };
}
const uniquePhone = () => `1330000${String(1000 + seq).slice(-4)}`;
const smsCode = (phone) => env.dev.smsCode(phone, 'CHANNEL_BIND_PHONE');
const count = (path) => env.srv.requests.filter((r) => r.path === path).length;

test('the bind gets the phone and the code trimmed; a second tap while it runs and a tap once bound bind nothing more', async () => {
  const { flow, rec, binds } = makeFlow(await wechatClient());
  const phone = uniquePhone();
  flow.input('phone', `  ${phone} `);
  await flow.sendCode();
  const code = await smsCode(phone);
  flow.input('code', ` ${code}  `);
  const binding = flow.submit();
  await flow.submit();
  await binding;
  expect(flow.state.bound).toBe(true);
  expect(binds).toEqual([{ phoneNumber: phone, passCode: code, phoneCountryCode: '+86' }]);
  const changes = rec.changes;
  await flow.submit();
  expect(binds).toHaveLength(1);
  expect(rec.changes).toBe(changes);
  expect(rec.events.map((e) => e.name)).toEqual(['send-code', 'bind']);
});

test('a send refused about the phone (malformed, 3101): the server\'s message on the phone field, not the message line', async () => {
  const { flow, rec } = makeFlow(await wechatClient());
  flow.input('phone', uniquePhone());
  await env.dev.post('/__dev/faults', { path: '/api/v3/send-sms', kind: 'envelope', status: 400, apiCode: 3101, body: 'phone refused' });
  await flow.sendCode();
  expect(flow.state.errors).toEqual({ phone: { error: expect.objectContaining({ apiCode: 3101, message: 'phone refused' }) }, code: null });
  expect(flow.state.notice).toBeNull();
  expect(rec.events).toEqual([{ name: 'error', detail: expect.objectContaining({ action: 'send-code', method: 'sms' }) }]);
});

test('a send renders once when it starts and once when it settles', async () => {
  const { flow, rec } = makeFlow(await wechatClient());
  flow.input('phone', uniquePhone());
  const before = rec.changes;
  const sending = flow.sendCode();
  expect(rec.changes).toBe(before + 1);
  await sending;
  expect(rec.changes).toBe(before + 2);
  expect(flow.state.notice).toEqual({ tone: 'info', key: 'codeSent' });
});

test('a countdown another bind step started for the typed phone shows on the first tap (one render, nothing sent)', async () => {
  const client = await wechatClient();
  const store = new CountdownStore({ storage: null });
  const first = makeFlow(client, store);
  const second = makeFlow(client, store);
  const phone = uniquePhone();
  second.flow.input('phone', phone);
  first.flow.input('phone', phone);
  await first.flow.sendCode();
  expect(second.flow.state.countdownEndsAt).toBe(0);
  const sends = count('/api/v3/send-sms');
  const changes = second.rec.changes;
  await second.flow.sendCode();
  expect(count('/api/v3/send-sms')).toBe(sends);
  expect(second.flow.state.countdownEndsAt).toBe(first.flow.state.countdownEndsAt);
  expect(second.rec.changes).toBe(changes + 1);
  expect(second.rec.events).toEqual([]);
});

test('a flow made without a countdown store keeps its countdowns to itself: none from wx storage, none into it', async () => {
  const client = await wechatClient();
  const phone = uniquePhone();
  wx.setStorageSync('authing:countdowns', { [`CHANNEL_BIND_PHONE:+86:${phone}`]: { endsAt: Date.now() + 60000, startedAt: Date.now() } });
  try {
    const { host, rec } = recordingHost(BIND_PHONE_TEXTS['zh-CN'], { client, extra: { bindPhone: (c, d) => c.bindPhone(d) } });
    const flow = new BindPhoneFlow(host);
    flow.restore();
    expect(flow.value('phone')).toBe('');
    flow.input('phone', phone);
    expect(flow.state.countdownEndsAt).toBe(0);
    wx.removeStorageSync('authing:countdowns');
    await flow.sendCode();
    expect(rec.events.map((e) => e.name)).toEqual(['send-code']);
    expect(flow.state.countdownEndsAt).toBeGreaterThan(Date.now());
    expect(wx.getStorageSync('authing:countdowns')).toBeFalsy();
  } finally {
    wx.removeStorageSync('authing:countdowns');
  }
});
