// Edges of the forgot-password flow (core/flows/reset-password-flow) that mutation testing found unpinned:
// property changes after mount, taps that must do nothing (in flight, the wrong step, the current tab),
// trimmed targets on the wire and in `password-reset`, what a finished reset leaves behind, a refused send,
// and the method parser. Real client, isolated devserver over HTTP, a recording host.
const { clientOf, phoneUser } = require('../../helpers/reset-users');
const { ResetPasswordFlow, parseResetMethods } = require('../../helpers/kit').internal('core/flows/reset-password-flow');
const { CountdownStore } = require('../../helpers/kit').internal('core/flows/countdown');
const { RESET_PASSWORD_TEXTS } = require('../../helpers/kit').internal('components/reset-password/texts');
const { recordingHost, useFlowServer } = require('./flow-host');

const NEW_PASSWORD = 'New@654321';
const env = useFlowServer({ pointWx: false, clearFaults: true });

function makeFlow(config = { methods: 'sms,email' }, { store = new CountdownStore({ storage: null }), now } = {}) {
  const { host, rec } = recordingHost(RESET_PASSWORD_TEXTS['zh-CN'], { client: clientOf(env.srv) });
  return { flow: new ResetPasswordFlow(host, config, store, now), rec };
}
const sent = (path) => env.srv.requests.filter((r) => r.path === path);
const named = (rec, name) => rec.events.filter((e) => e.name === name);

/** Step 1 done for a new phone user typed with spaces around it: the flow is on step 2. */
async function onStepTwo(flow, rec) {
  const user = await phoneUser(env.srv);
  flow.input('phone', `  ${user.phone} `);
  await flow.sendCode();
  expect(named(rec, 'send-code').pop().detail).toEqual({ phone: user.phone, countryCode: '+86' });
  flow.input('code', ` ${await env.dev.smsCode(user.phone, 'CHANNEL_RESET_PASSWORD')} `);
  await flow.verify();
  expect(flow.state.step).toBe('password');
  expect(JSON.parse(sent('/api/v3/verify-reset-password-request').pop().body).phonePassCodePayload.phoneNumber).toBe(user.phone);
  return user;
}

test('step 2: the tabs, step 1\'s button and "use another code" while the reset is on the wire all wait; done: the typed target is reported trimmed, the passwords are cleared and hidden', async () => {
  const { flow, rec } = makeFlow();
  const user = await onStepTwo(flow, rec);
  const changes = rec.changes;
  flow.selectMethod('email');
  const verifies = sent('/api/v3/verify-reset-password-request').length;
  await flow.verify();
  expect(flow.state).toMatchObject({ method: 'sms', step: 'password' });
  expect(sent('/api/v3/verify-reset-password-request').length).toBe(verifies);
  expect(rec.changes).toBe(changes);

  flow.input('password', NEW_PASSWORD);
  flow.input('confirm', NEW_PASSWORD);
  flow.togglePasswordVisible();
  expect(flow.state.passwordVisible).toBe(true);
  const resetting = flow.reset();
  expect(flow.state.busy).toBe('reset');
  flow.restart();
  flow.backToLogin();
  await flow.reset();
  await resetting;
  expect(sent('/api/v3/reset-password')).toHaveLength(1);
  expect(named(rec, 'navigate')).toEqual([]);
  expect(flow.state).toMatchObject({ step: 'done', passwordVisible: false });
  expect(named(rec, 'password-reset').pop().detail).toEqual({ method: 'sms', account: user.phone });
  expect(flow.value('password')).toBe('');
  expect(flow.value('confirm')).toBe('');
});

test('step 1: the reset button does nothing (no token yet); a tab tapped while a code is on its way waits; the shown tab again renders nothing', async () => {
  const { flow, rec } = makeFlow();
  flow.input('password', NEW_PASSWORD);
  flow.input('confirm', NEW_PASSWORD);
  const before = env.srv.requests.length;
  await flow.reset();
  expect(env.srv.requests.length).toBe(before);
  expect(rec.changes).toBe(0);
  flow.selectMethod('sms');
  flow.restart();
  expect(rec.changes).toBe(0);

  const user = await phoneUser(env.srv);
  flow.input('phone', user.phone);
  const sending = flow.sendCode();
  expect(flow.state.busy).toBe('send-code');
  flow.selectMethod('email');
  await sending;
  expect(flow.state).toMatchObject({ method: 'sms', notice: { tone: 'info', key: 'codeSent' } });
  // Another tab drops the "code sent" message.
  flow.selectMethod('email');
  expect(flow.state).toMatchObject({ method: 'email', notice: null });
});

test('a refused send: on no field, the form message and `error` {action: send-code}; no countdown', async () => {
  const { flow, rec } = makeFlow();
  flow.input('phone', '13700000077');
  await env.dev.post('/__dev/faults', { path: '/api/v3/send-sms', kind: 'envelope', status: 500, body: 'gateway down' });
  await flow.sendCode();
  expect(flow.state).toMatchObject({ busy: null, countdownEndsAt: 0, notice: { tone: 'error', error: { message: 'gateway down' } } });
  expect(rec.events).toEqual([{ name: 'error', detail: expect.objectContaining({ action: 'send-code', method: 'sms', message: 'gateway down' }) }]);
});

test('configure: one render; methods change only when given (the shown tab stays if still offered); the countdown length applies to the next send', async () => {
  let now = 7_000_000;
  const clock = () => now;
  const { flow, rec } = makeFlow({ methods: 'sms,email' }, { store: new CountdownStore({ storage: null, now: clock }), now: clock });
  expect(flow.state).toMatchObject({ methods: ['sms', 'email'], method: 'sms', passwordVisible: false, countryCode: '+86' });
  flow.configure({ methods: 'email' });
  expect(flow.state).toMatchObject({ methods: ['email'], method: 'email' });
  flow.configure({ methods: ['sms', 'email'] });
  expect(flow.state.method).toBe('email');
  flow.selectMethod('sms');
  const changes = rec.changes;
  flow.configure({ countdown: 15 });
  expect(rec.changes).toBe(changes + 1);
  expect(flow.state).toMatchObject({ methods: ['sms', 'email'], method: 'sms' });
  flow.input('phone', '13700000066');
  await flow.sendCode();
  expect(flow.state.countdownEndsAt).toBe(now + 15000);
});

test('methods: lists and strings in any case, deduplicated; non-strings dropped', () => {
  expect(parseResetMethods([' EMAIL ', 7, 'sms', 'email'])).toEqual(['email', 'sms']);
  expect(parseResetMethods('sms|email sms')).toEqual(['sms', 'email']);
  expect(parseResetMethods(null)).toEqual(['sms']);
});
