// Edges of the <authing-register> flow (core/flows/register-flow + register-checks / register-types) that
// mutation testing found unpinned: property changes after mount, the agreement checkbox, taps that must do
// nothing (busy, send on the password tab, the current tab), what goes on the wire (trimmed identifiers,
// the profile, scope and encryption options), failures of a send, late answers after detach, and the
// property parsers. Real client, isolated devserver over HTTP, a recording host.
const { call } = require('../../helpers/server');
require('../../../miniprogram_dist/journey');
require('../../../miniprogram_dist/account'); // email codes
const { RegisterFlow, parseRegisterMethods, parseSignUpFields, signUpFieldKind } = require('../../helpers/kit').internal('core/flows/register-flow');
const { CountdownStore } = require('../../helpers/kit').internal('core/flows/countdown');
const { useFlowServer } = require('./flow-host');

const env = useFlowServer({ shimOpenid: 'register-edges-openid', clearFaults: true });
const { client } = env;

function makeFlow(config = {}, { c = client(), store = new CountdownStore({ storage: null }), now } = {}) {
  const rec = { changes: 0, events: [], notices: [] };
  const flow = new RegisterFlow({
    getClient: () => [null, typeof c === 'function' ? c() : c],
    onChange: () => { rec.changes += 1; },
    emit: (name, detail) => rec.events.push({ name, detail }),
    notify: (n) => rec.notices.push(n),
  }, config, store, now);
  return { flow, rec };
}

const since = (mark, path) => env.srv.requests.slice(mark).filter((r) => !path || r.path === path);
const body = (mark, path) => JSON.parse(since(mark, path)[0].body);
const names = (rec) => rec.events.map((e) => e.name);
const type = (flow, values) => { for (const [k, v] of Object.entries(values)) flow.input(k, v); };
let seq = 0;
const fresh = () => `${process.pid % 1000}${Date.now() % 100000}${++seq}`;
const freshPhone = () => `136${String(process.pid % 1000).padStart(3, '0')}${String(++seq).padStart(5, '0')}`;
const PW = 'Signup@123';

describe('what goes on the wire', () => {
  test('a username typed with spaces: trimmed in both requests; no profile, scope or encryption options unless asked; the event names only what is known', async () => {
    const { flow, rec } = makeFlow();
    const username = `trim-${fresh()}`;
    type(flow, { account: `  ${username} `, password: PW, confirm: PW });
    const mark = env.srv.requests.length;
    await flow.submit();
    const signUp = body(mark, '/api/v3/signup');
    expect(signUp.passwordPayload).toEqual({ username, password: PW });
    expect(signUp).not.toHaveProperty('profile');
    expect(signUp).not.toHaveProperty('options');
    const signIn = body(mark, '/api/v3/signin');
    expect(signIn.passwordPayload).toEqual({ username, password: PW });
    expect(signIn.options || {}).toEqual({});
    const reg = rec.events[0].detail;
    expect(Object.keys(reg.user).sort()).toEqual(['id', 'username']);
    expect(reg.user.id).toBe(rec.events[1].detail.userInfo.userId);
  });

  test('an email account signs in by email; the scope (trimmed) goes with the sign-in; profile fields: typed ones only, trimmed', async () => {
    const { flow, rec } = makeFlow({ scope: '  openid profile email ', fields: 'nickname,company,postal_code' });
    const email = `scope-${fresh()}@example.com`;
    type(flow, { account: email, password: PW, confirm: PW, nickname: '  Neo ', company: '   ' });
    const mark = env.srv.requests.length;
    await flow.submit();
    expect(body(mark, '/api/v3/signup').profile).toEqual({ nickname: 'Neo' });
    const signIn = body(mark, '/api/v3/signin');
    expect(signIn.passwordPayload).toEqual({ email, password: PW });
    expect(signIn.options).toEqual({ scope: 'openid profile email' });
    expect(Object.keys(rec.events[0].detail.user).sort()).toEqual(['email', 'id']);
  });

  test('a phone sign-up typed with spaces: the code request, the sign-up and the sign-in carry it trimmed; the event has the phone only', async () => {
    const { flow, rec } = makeFlow({ methods: 'sms' });
    const phone = freshPhone();
    flow.input('phone', ` ${phone}  `);
    const mark = env.srv.requests.length;
    await flow.sendCode();
    expect(rec.events[0]).toEqual({ name: 'send-code', detail: { phone, countryCode: '+86' } });
    const code = (await call(env.srv.url, 'GET', `/__dev/sms/latest?phone=${phone}&channel=CHANNEL_REGISTER`)).json.code;
    type(flow, { code: ` ${code} `, password: PW, confirm: PW });
    await flow.submit();
    expect(names(rec)).toEqual(['send-code', 'register', 'login']);
    expect(body(mark, '/api/v3/signup').passCodePayload).toEqual({ phone, passCode: code, phoneCountryCode: '+86' });
    expect(body(mark, '/api/v3/signin').passwordPayload).toEqual({ phone, password: PW });
    expect(Object.keys(rec.events[1].detail.user).sort()).toEqual(['id', 'phone']);
  });

  test('an email-code sign-up signs in by the trimmed email', async () => {
    const { flow, rec } = makeFlow({ methods: 'email', fetchUserInfo: false });
    const email = `emailcode-${fresh()}@example.com`;
    flow.input('email', `${email} `);
    const mark = env.srv.requests.length;
    await flow.sendCode();
    const code = (await call(env.srv.url, 'GET', `/__dev/email/latest?email=${encodeURIComponent(email)}&channel=CHANNEL_REGISTER`)).json.code;
    type(flow, { emailCode: code, password: PW, confirm: PW });
    await flow.submit();
    expect(names(rec)).toEqual(['send-code', 'register', 'login']);
    expect(body(mark, '/api/v3/signin').passwordPayload).toEqual({ email, password: PW });
  });
});

describe('taps that do nothing', () => {
  test('a double tap on the main button: one sign-up; the links wait while it runs', async () => {
    const { flow, rec } = makeFlow({ fetchUserInfo: false });
    type(flow, { account: `double-${fresh()}`, password: PW, confirm: PW });
    const mark = env.srv.requests.length;
    const first = flow.submit();
    await flow.submit();
    flow.navigate('login');
    await first;
    expect(since(mark, '/api/v3/signup')).toHaveLength(1);
    expect(names(rec)).toEqual(['register', 'login']);
  });

  test('send on the password tab, the current tab again, a field the form does not show: nothing happens', async () => {
    const { flow, rec } = makeFlow({ fields: 'nickname' });
    const mark = env.srv.requests.length;
    flow.input('account', 'x@');
    await flow.sendCode();
    flow.selectMethod('password');
    flow.input('company', 'ACME');
    expect(flow.value('company')).toBe('');
    expect(rec.changes).toBe(0);
    expect(rec.events).toEqual([]);
    expect(flow.state.errors).toEqual({});
    expect(since(mark)).toEqual([]);
  });

  test('switching tabs clears the shown errors; the reset-password link navigates, other targets do not', async () => {
    const { flow, rec } = makeFlow();
    await flow.submit();
    expect(flow.state.errors.account).toBeTruthy();
    flow.selectMethod('sms');
    expect(flow.state.errors).toEqual({});
    expect(rec.events).toEqual([{ name: 'tab-change', detail: { method: 'sms' } }]);
    flow.navigate('reset-password');
    flow.navigate('profile');
    expect(rec.events.slice(1)).toEqual([{ name: 'navigate', detail: { to: 'reset-password' } }]);
    expect(flow.state.passwordVisible).toBe(false);
  });
});

describe('consent and property changes', () => {
  test('the checkbox: checked → the sign-up goes ahead without a prompt; unchecked again → parked', async () => {
    const { flow, rec } = makeFlow({ consentRequired: true, fetchUserInfo: false });
    flow.setAgreed(1);
    expect(flow.state.consent).toMatchObject({ agreed: true, prompting: false });
    expect(rec.changes).toBe(1);
    expect(rec.events).toEqual([{ name: 'agreement-change', detail: { agreed: true } }]);
    flow.setAgreed(0);
    expect(rec.events[1]).toEqual({ name: 'agreement-change', detail: { agreed: false } });
    type(flow, { account: `box-${fresh()}`, password: PW, confirm: PW });
    await flow.submit();
    expect(flow.state.consent.prompting).toBe(true);
    flow.setAgreed(true);
    await flow.submit();
    expect(names(rec)).toEqual(['agreement-change', 'agreement-change', 'agreement-change', 'register', 'login']);
  });

  test('agree with nothing parked: the box is checked (one render), nothing sent; dismiss with nothing parked: no cancel, no toast', async () => {
    const { flow, rec } = makeFlow({ consentRequired: true });
    const mark = env.srv.requests.length;
    await flow.agree();
    expect(flow.state.consent.agreed).toBe(true);
    expect(rec.changes).toBe(1);
    expect(rec.events).toEqual([{ name: 'agreement-change', detail: { agreed: true } }]);
    flow.dismiss();
    expect(rec.events).toHaveLength(1);
    expect(rec.notices).toEqual([]);
    expect(since(mark)).toEqual([]);
  });

  test('declining the prompt says so in a toast', async () => {
    const { flow, rec } = makeFlow({ consentRequired: true });
    type(flow, { account: `decline-${fresh()}`, password: PW, confirm: PW });
    await flow.submit();
    flow.dismiss();
    expect(rec.notices).toEqual([{ type: 'info', key: 'consentCancelled' }]);
  });

  test('configure: one render; the chosen tab stays unless it goes away or the default changes; agreements and the countdown apply', async () => {
    let now = 5_000_000;
    const clock = () => now;
    const { flow, rec } = makeFlow({ methods: 'sms,password', defaultMethod: 'password' }, { store: new CountdownStore({ storage: null, now: clock }), now: clock });
    expect(flow.state.method).toBe('password');
    flow.selectMethod('sms');
    const changes = rec.changes;
    flow.configure({ scope: 'openid' });
    expect(rec.changes).toBe(changes + 1);
    expect(flow.state.method).toBe('sms');
    flow.configure({ defaultMethod: 'email', methods: 'email,sms' });
    expect(flow.state).toMatchObject({ methods: ['email', 'sms'], method: 'email' });
    flow.configure({ methods: 'password' });
    expect(flow.state.method).toBe('password');
    flow.configure({ fields: 'company', consentRequired: true });
    expect(flow.state.fields).toEqual(['company']);
    expect(flow.state.consent).toMatchObject({ required: true, agreed: false });
    flow.configure({});
    expect(flow.state.consent.agreed).toBe(false);
    flow.configure({ agreed: true });
    expect(flow.state.consent.agreed).toBe(true);

    flow.configure({ methods: 'sms', countdown: 20 });
    const phone = freshPhone();
    flow.input('phone', phone);
    await flow.sendCode();
    expect(flow.state.countdownEndsAt).toBe(now + 20000);
  });
});

describe('failures and late answers', () => {
  test('a refused code send: a toast and an `error` {action: send-code}; no countdown; the shown errors stay as they were', async () => {
    const { flow, rec } = makeFlow({ methods: 'sms' });
    flow.input('phone', freshPhone());
    await call(env.srv.url, 'POST', '/__dev/faults', { path: '/api/v3/send-sms', kind: 'envelope', status: 500, body: 'gateway down' });
    await flow.sendCode();
    expect(rec.notices).toEqual([{ type: 'error', error: expect.objectContaining({ message: 'gateway down' }) }]);
    expect(rec.events).toEqual([{ name: 'error', detail: expect.objectContaining({ action: 'send-code', method: 'sms' }) }]);
    expect(flow.state).toMatchObject({ busy: null, countdownEndsAt: 0, errors: {} });
  });

  test('detached while the code send, the sign-up, the sign-in or the profile read is on the wire: nothing renders or is emitted after', async () => {
    // The send.
    const sms = makeFlow({ methods: 'sms' });
    sms.flow.input('phone', freshPhone());
    const sending = sms.flow.sendCode();
    let changes = sms.rec.changes;
    sms.flow.detach();
    await sending;
    expect(sms.rec.changes).toBe(changes);
    expect(sms.rec.events).toEqual([]);
    expect(sms.flow.state.countdownEndsAt).toBe(0);

    // The sign-up.
    const signUp = makeFlow();
    type(signUp.flow, { account: `late1-${fresh()}`, password: PW, confirm: PW });
    const p1 = signUp.flow.submit();
    changes = signUp.rec.changes;
    signUp.flow.detach();
    await p1;
    expect(signUp.rec.changes).toBe(changes);
    expect(signUp.rec.events).toEqual([]);

    // The sign-in and the profile read: the client detaches the flow once the call has answered.
    for (const method of ['loginByPassword', 'getUserInfo']) {
      const real = client();
      let made;
      let atDetach = -1;
      const detachAfter = async (...args) => {
        const result = await real[method](...args);
        made.flow.detach();
        atDetach = made.rec.changes;
        return result;
      };
      const wrapped = new Proxy(real, {
        get: (target, key) => (key === method ? detachAfter : typeof target[key] === 'function' ? target[key].bind(target) : target[key]),
      });
      made = makeFlow({ fetchUserInfo: 'full' }, { c: wrapped });
      type(made.flow, { account: `late-${method}-${fresh()}`, password: PW, confirm: PW });
      await made.flow.submit();
      expect(names(made.rec)).toEqual(['register']);
      expect(made.flow.state.busy).toBe('register');
      expect(made.rec.changes).toBe(atDetach);
    }
  });
});

describe('property parsers', () => {
  test('methods and fields from lists, comma / space / bar strings, any case; junk and non-strings dropped', () => {
    expect(parseRegisterMethods([' SMS ', 5, 'email'])).toEqual(['sms', 'email']);
    expect(parseRegisterMethods('sms|email  password')).toEqual(['sms', 'email', 'password']);
    expect(parseRegisterMethods(42)).toEqual(['password', 'sms']);
    expect(parseSignUpFields(['postal__code', 'street-Address', null, ' company '])).toEqual(['postalCode', 'streetAddress', 'company']);
    expect(parseSignUpFields('name|country')).toEqual(['name', 'country']);
  });

  test('the nickname field is WeChat\'s nickname input, the others plain text', () => {
    expect(signUpFieldKind('nickname')).toBe('nickname');
    expect(signUpFieldKind('company')).toBe('text');
  });
});
