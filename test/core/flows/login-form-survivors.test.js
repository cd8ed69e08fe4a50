// Pins the login-flow behaviours hand mutation testing found unpinned (issue "Hardening", survivors):
// consent turned on after mount, the STORED countdown of a failed send, one settle render per send, and
// the busy guard across different actions. Real client, isolated devserver, a recording host.
const { call } = require('../../helpers/server');
const { LoginForm } = require('../../helpers/kit').internal('core/flows/login-form');
const { CountdownStore, countdownKey } = require('../../helpers/kit').internal('core/flows/countdown');
const { useFlowServer } = require('./flow-host');

const DEMO = { username: 'demo', phone: '13800000000', password: 'Demo@123456' };

const env = useFlowServer({ shimOpenid: 'survivor-openid' });

function makeForm(config = {}, countdowns = new CountdownStore({ storage: null })) {
  const c = env.client();
  const rec = { changes: 0, events: [] };
  const form = new LoginForm({
    getClient: () => c,
    onChange: () => { rec.changes += 1; },
    emit: (name, detail) => rec.events.push({ name, detail }),
    notify: () => {},
    message: (key) => `msg:${key}`,
  }, { fetchUserInfo: false, ...config }, countdowns);
  return { form, rec };
}
const since = (mark, path) => env.srv.requests.slice(mark).filter((r) => !path || r.path === path);
let phoneSeq = 0;
const freshPhone = () => `1390${String(process.pid % 1000).padStart(3, '0')}${String(++phoneSeq).padStart(4, '0')}`;

test('agreements set after mount turn consent gating on: the next login is parked, no request', async () => {
  const { form, rec } = makeForm();
  expect(form.state.consent.required).toBe(false);
  form.configure({ consentRequired: true });
  expect(form.state.consent).toEqual({ required: true, agreed: false, prompting: false, pending: null });
  form.input('account', DEMO.username);
  form.input('password', DEMO.password);
  const mark = env.srv.requests.length;
  await form.submit();
  expect(form.state.consent.prompting).toBe(true);
  expect(since(mark)).toHaveLength(0);
  expect(rec.events).toEqual([]);
  // ...and off again: the same action now goes through.
  form.dismiss();
  form.configure({ consentRequired: false });
  await form.submit();
  expect(since(mark, '/api/v3/signin')).toHaveLength(1);
});

test('a failed send starts no STORED countdown: a new form (page re-entered) may send at once', async () => {
  const countdowns = new CountdownStore({ storage: null });
  const phone = freshPhone();
  const { form, rec } = makeForm({ methods: ['sms'] }, countdowns);
  form.input('phone', phone);
  await call(env.srv.url, 'POST', '/__dev/faults', { path: '/api/v3/send-sms', kind: 'envelope', count: 1 });
  await form.sendCode();
  expect(rec.events.map((e) => e.name)).toEqual(['error']);
  expect(countdowns.remaining(countdownKey('CHANNEL_LOGIN', '+86', phone))).toBe(0);
  expect(countdowns.latest('CHANNEL_LOGIN:')).toBeNull();
  const again = makeForm({ methods: ['sms'] }, countdowns);
  again.form.restore();
  again.form.input('phone', phone);
  const mark = env.srv.requests.length;
  await again.form.sendCode();
  expect(since(mark, '/api/v3/send-sms')).toHaveLength(1);
  expect(countdowns.remainingSeconds(countdownKey('CHANNEL_LOGIN', '+86', phone))).toBe(60);
});

test('a successful send renders once when it settles (and once when it starts)', async () => {
  const { form, rec } = makeForm({ methods: ['sms'] });
  form.input('phone', freshPhone());
  const before = rec.changes;
  const sending = form.sendCode();
  const atStart = rec.changes;
  expect(atStart - before).toBeLessThanOrEqual(1);
  await sending;
  expect(rec.changes - atStart).toBe(1);
  expect(form.state.busy).toBeNull();
  expect(form.state.countdownEndsAt).toBeGreaterThan(0);
});

test('the busy guard refuses a DIFFERENT action while one is in flight', async () => {
  const { form, rec } = makeForm({ methods: ['password', 'sms', 'wechat'] });
  form.input('account', DEMO.username);
  form.input('password', DEMO.password);
  form.input('phone', freshPhone());
  const mark = env.srv.requests.length;
  const first = form.submit();
  expect(form.state.busy).toBe('password');
  await Promise.all([first, form.sendCode(), form.wechatLogin(), form.phoneResult({ code: 'x', errMsg: 'getPhoneNumber:ok' })]);
  expect(since(mark).map((r) => r.path)).toEqual(['/api/v3/signin']);
  expect(rec.events.map((e) => e.name)).toEqual(['login']);
});
