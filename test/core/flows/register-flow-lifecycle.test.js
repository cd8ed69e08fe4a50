// The <authing-register> flow (core/flows/register-flow + register-types) across its life: the form before
// anything is typed, a flow made without a countdown store, taps while a request is on the wire (renders,
// the consent prompt's "agree"), a retry after the sign-in failed with the account changed meanwhile, a
// component detached while a failing sign-in is on the wire, and the `fields` property's duplicates.
// Real client, isolated devserver over HTTP (faults injected there), a recording host.
const { call } = require('../../helpers/server');
require('../../../miniprogram_dist/journey');
require('../../../miniprogram_dist/account'); // email codes
const { RegisterFlow, parseSignUpFields } = require('../../helpers/kit').internal('core/flows/register-flow');
const { CountdownStore } = require('../../helpers/kit').internal('core/flows/countdown');
const { useFlowServer } = require('./flow-host');

const env = useFlowServer({ shimOpenid: 'register-lifecycle-openid', clearFaults: true });

function host(c, rec) {
  return {
    getClient: () => [null, c],
    onChange: () => { rec.changes += 1; },
    emit: (name, detail) => rec.events.push({ name, detail }),
    notify: (n) => rec.notices.push(n),
  };
}

function makeFlow(config = {}, c = env.client()) {
  const rec = { changes: 0, events: [], notices: [] };
  return { flow: new RegisterFlow(host(c, rec), config, new CountdownStore({ storage: null })), rec };
}

const since = (mark, path) => env.srv.requests.slice(mark).filter((r) => !path || r.path === path);
const names = (rec) => rec.events.map((e) => e.name);
const type = (flow, values) => { for (const [k, v] of Object.entries(values)) flow.input(k, v); };
let seq = 0;
const fresh = () => `${process.pid % 1000}${Date.now() % 100000}${++seq}`;
const freshPhone = () => `133${String(process.pid % 1000).padStart(3, '0')}${String(++seq).padStart(5, '0')}`;
const PW = 'Signup@123';
const fault = (spec) => call(env.srv.url, 'POST', '/__dev/faults', spec);
const FIELDS = ['account', 'phone', 'code', 'email', 'emailCode', 'password', 'confirm'];

describe('before anything is typed', () => {
  test('every input is empty, and the main button says what is missing on each tab', async () => {
    const { flow } = makeFlow({ methods: 'sms,email,password' });
    for (const f of FIELDS) expect(flow.value(f)).toBe('');
    const required = (field) => ({ key: 'required', params: { field } });
    const mark = env.srv.requests.length;
    await flow.submit();
    expect(flow.state.errors).toEqual({ phone: required('phone'), code: required('code'), password: required('password') });
    flow.selectMethod('email');
    await flow.submit();
    expect(flow.state.errors).toEqual({ email: required('email'), emailCode: required('code'), password: required('password') });
    await flow.sendCode();
    expect(flow.state.errors).toEqual({ email: required('email') });
    flow.selectMethod('password');
    flow.input('account', `only-${fresh()}`);
    flow.input('password', PW);
    await flow.submit();
    // The second entry was never typed: asked for, not "does not match".
    expect(flow.state.errors).toEqual({ confirm: required('confirm') });
    expect(since(mark)).toEqual([]);
  });

  test('a flow made without a countdown store keeps its countdowns to itself: none from wx storage, none into it', async () => {
    const phone = freshPhone();
    const key = `CHANNEL_REGISTER:+86:${phone}`;
    wx.setStorageSync('authing:countdowns', { [key]: { endsAt: Date.now() + 60000, startedAt: Date.now() } });
    try {
      const rec = { changes: 0, events: [], notices: [] };
      const flow = new RegisterFlow(host(env.client(), rec), { methods: 'sms' });
      flow.restore();
      expect(flow.value('phone')).toBe('');
      flow.input('phone', phone);
      expect(flow.state.countdownEndsAt).toBe(0);
      wx.removeStorageSync('authing:countdowns');
      const other = freshPhone();
      flow.input('phone', other);
      await flow.sendCode();
      expect(names(rec)).toEqual(['send-code']);
      expect(flow.state.countdownEndsAt).toBeGreaterThan(Date.now());
      expect(wx.getStorageSync('authing:countdowns')).toBeFalsy();
    } finally {
      wx.removeStorageSync('authing:countdowns');
    }
  });
});

describe('taps while a request is on the wire', () => {
  test('a second tap on the main button or the send button renders nothing and sends nothing', async () => {
    const { flow, rec } = makeFlow({ fetchUserInfo: false });
    type(flow, { account: `tap-${fresh()}`, password: PW, confirm: PW });
    const mark = env.srv.requests.length;
    const first = flow.submit();
    const changes = rec.changes;
    await flow.submit();
    await flow.sendCode();
    expect(rec.changes).toBe(changes);
    await first;
    expect(names(rec)).toEqual(['register', 'login']);
    expect(since(mark, '/api/v3/signup')).toHaveLength(1);
  });

  test('"agree" in the consent prompt while a send is on the wire: the prompt closes at once (one render); the parked sign-up does not start', async () => {
    const { flow, rec } = makeFlow({ methods: 'sms', consentRequired: true });
    const phone = freshPhone();
    type(flow, { phone, code: '123456', password: PW, confirm: PW });
    const mark = env.srv.requests.length;
    await flow.submit(); // parked: the prompt opens
    expect(flow.state.consent).toMatchObject({ prompting: true, pending: 'register' });
    flow.setAgreed(true); // the box behind the prompt
    const sending = flow.sendCode(); // goes ahead: agreed
    expect(flow.state.busy).toBe('send-code');
    const changes = rec.changes;
    await flow.agree();
    expect(rec.changes).toBe(changes + 1);
    expect(flow.state.consent).toMatchObject({ prompting: false, pending: null, agreed: true });
    await sending;
    expect(since(mark, '/api/v3/signup')).toEqual([]);
    expect(names(rec)).toEqual(['agreement-change', 'agreement-change', 'send-code']);
  });
});

describe('a retry after the sign-in failed', () => {
  test('the account changed meanwhile: the retry signs up the new account (a second sign-up) and signs in as it', async () => {
    const { flow, rec } = makeFlow({ fetchUserInfo: false });
    const first = `first-${fresh()}`;
    const second = `second-${fresh()}`;
    type(flow, { account: first, password: PW, confirm: PW });
    await fault({ path: '/api/v3/signin', kind: 'envelope', status: 500 });
    const mark = env.srv.requests.length;
    await flow.submit();
    expect(names(rec)).toEqual(['register', 'error']);
    flow.input('account', second);
    await flow.submit();
    expect(names(rec)).toEqual(['register', 'error', 'register', 'login']);
    expect(rec.events[0].detail.user.username).toBe(first);
    expect(rec.events[2].detail.user.username).toBe(second);
    expect(since(mark, '/api/v3/signup').map((r) => JSON.parse(r.body).passwordPayload.username)).toEqual([first, second]);
    expect(JSON.parse(since(mark, '/api/v3/signin').pop().body).passwordPayload.username).toBe(second);
  });
});

describe('late answers', () => {
  test('detached while a failing sign-in is on the wire: no toast, no `error`, no render after', async () => {
    const real = env.client();
    let made;
    let atDetach = -1;
    const wrapped = new Proxy(real, {
      get: (target, key) => (key === 'loginByPassword'
        ? async (...args) => {
          const answer = await target.loginByPassword(...args);
          made.flow.detach();
          atDetach = made.rec.changes;
          return answer;
        }
        : typeof target[key] === 'function' ? target[key].bind(target) : target[key]),
    });
    made = makeFlow({}, wrapped);
    type(made.flow, { account: `late-fail-${fresh()}`, password: PW, confirm: PW });
    await fault({ path: '/api/v3/signin', kind: 'envelope', status: 500 });
    await made.flow.submit();
    expect(atDetach).toBeGreaterThan(0);
    expect(made.rec.changes).toBe(atDetach);
    expect(names(made.rec)).toEqual(['register']);
    expect(made.rec.notices).toEqual([]);
  });
});

describe('the fields property', () => {
  test('a field named twice (in either spelling) is shown once', () => {
    expect(parseSignUpFields('nickname, nick-name, company, company')).toEqual(['nickname', 'company']);
    const { flow } = makeFlow({ fields: ['postal-code', 'postalCode', 'name'] });
    expect(flow.state.fields).toEqual(['postalCode', 'name']);
  });
});
