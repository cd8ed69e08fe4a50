// Edges of the <authing-bind-phone> flow (core/flows/bind-phone-flow) that mutation testing found unpinned:
// the country code picker, the countdown's end (fake clock), a restored countdown of an unknown country,
// inputs the step does not have, a refused send, the countdown cleared by a bind, skip after the bind and a
// late bind answer after detach. Real client logged in by a WeChat code, isolated devserver over HTTP.
require('../../../miniprogram_dist/account');
const { BindPhoneFlow } = require('../../helpers/kit').internal('core/flows/bind-phone-flow');
const { CountdownStore } = require('../../helpers/kit').internal('core/flows/countdown');
const { BIND_PHONE_TEXTS } = require('../../helpers/kit').internal('components/bind-phone/texts');
const { recordingHost, useFlowServer } = require('./flow-host');
const { countdownClock, expectCountdownEnds } = require('./countdown-clock');

const env = useFlowServer({ clearFaults: true });
let seq = 0;

/** A client logged in by a WeChat code as a brand-new (phoneless) user. */
async function wechatClient() {
  wx.clearStorageSync();
  wx.__control.openid = `bind-edges-${++seq}`;
  const client = env.client();
  const [err] = await client.loginByCode({ extIdpConnidentifier: env.srv.config.wechatIdpIdentifier });
  if (err) throw new Error(err.message);
  return client;
}

function makeFlow(client, config = {}, store = new CountdownStore({ storage: null }), now = undefined) {
  const { host, rec } = recordingHost(BIND_PHONE_TEXTS['zh-CN'], { client, extra: { bindPhone: (c, d) => c.bindPhone(d) } });
  return { flow: new BindPhoneFlow(host, config, store, now), rec };
}
const uniquePhone = () => `1350000${String(1000 + seq).slice(-4)}`;

test('the country code: a known one clears the phone error and shows its own countdown (one render); the same or an unknown one changes nothing', async () => {
  const store = new CountdownStore({ storage: null });
  store.start('CHANNEL_BIND_PHONE:+852:61234567', 60);
  const { flow, rec } = makeFlow(null, {}, store);
  flow.input('phone', '61234567');
  expect(flow.state.countdownEndsAt).toBe(0); // +86: no countdown for this number
  await flow.sendCode();
  expect(flow.state.errors.phone).toEqual({ key: 'invalidPhone' });
  const changes = rec.changes;
  flow.setCountryCode('+86');
  flow.setCountryCode('+999');
  expect(rec.changes).toBe(changes);
  flow.setCountryCode('+852');
  expect(rec.changes).toBe(changes + 1);
  expect(flow.state).toMatchObject({ countryCode: '+852', errors: { phone: null } });
  expect(flow.state.countdownEndsAt).toBeGreaterThan(Date.now());
});

test('the countdown ends on the tick that sees it end (one render); a restored countdown of an unknown country comes back under +86', async () => {
  const clock = countdownClock(9_000_000);
  const { store } = clock;
  store.start('CHANNEL_BIND_PHONE:+999:5550101', 30);
  const { flow, rec } = makeFlow(null, { countdown: 30 }, store, clock.now);
  flow.restore();
  expect(flow.value('phone')).toBe('5550101');
  expect(flow.state.countryCode).toBe('+86');
  flow.input('phone', '13700005555');
  store.start('CHANNEL_BIND_PHONE:+86:13700005555', 30);
  flow.countdownTick(); // picks up the countdown started above
  await expectCountdownEnds({ flow, rec, clock, seconds: 30 });
});

test('inputs the step does not have are ignored; null / undefined type nothing', () => {
  const { flow, rec } = makeFlow(null);
  flow.input('nickname', 'x');
  expect(flow.value('nickname')).toBeUndefined();
  flow.input('phone', null);
  expect(flow.value('phone')).toBe('');
  flow.input('code', undefined);
  expect(flow.value('code')).toBe('');
  expect(rec.changes).toBe(0);
});

test('a refused send: the message line and `error` {action: send-code}; no countdown', async () => {
  const { flow, rec } = makeFlow(await wechatClient());
  flow.input('phone', uniquePhone());
  await env.dev.post('/__dev/faults', { path: '/api/v3/send-sms', kind: 'envelope', status: 500, body: 'gateway down' });
  await flow.sendCode();
  expect(flow.state).toMatchObject({ busy: null, countdownEndsAt: 0, errors: { phone: null, code: null }, notice: { tone: 'error', error: { message: 'gateway down' } } });
  expect(rec.events).toEqual([{ name: 'error', detail: expect.objectContaining({ action: 'send-code', method: 'sms', message: 'gateway down' }) }]);
});

test('bound with a code typed with spaces: the countdown is cleared from the store; skip does nothing once bound', async () => {
  const client = await wechatClient();
  const store = new CountdownStore({ storage: null });
  const { flow, rec } = makeFlow(client, { skippable: true }, store);
  const phone = uniquePhone();
  flow.input('phone', phone);
  await flow.sendCode();
  flow.input('code', ` ${await env.dev.smsCode(phone, 'CHANNEL_BIND_PHONE')} `);
  await flow.submit();
  expect(flow.state.bound).toBe(true);
  expect(flow.value('code')).toBe('');
  flow.skip();
  expect(rec.events.map((e) => e.name)).toEqual(['send-code', 'bind']);
  const { flow: later } = makeFlow(client, {}, store);
  later.restore();
  expect(later.value('phone')).toBe('');
});

test('detached while the bind is on the wire: no render, no event, not marked bound', async () => {
  const client = await wechatClient();
  const { flow, rec } = makeFlow(client);
  const phone = uniquePhone();
  flow.input('phone', phone);
  await flow.sendCode();
  flow.input('code', await env.dev.smsCode(phone, 'CHANNEL_BIND_PHONE'));
  const binding = flow.submit();
  const changes = rec.changes;
  flow.detach();
  await binding;
  expect(rec.changes).toBe(changes);
  expect(rec.events.map((e) => e.name)).toEqual(['send-code']);
  expect(flow.state.bound).toBe(false);
});
