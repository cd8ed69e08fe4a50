// The edges of the <authing-login> flow (core/flows/login-form.ts) that its main tests pass over: a
// before-login hook that is not a function, the embedded reset's hand-back from every tab, taps while a
// request is in flight, and the consent prompt's agree (its event, the parked phone action, agreeing while
// another action runs). Real client, isolated devserver, a recording host.
const { LoginForm } = require('../../helpers/kit').internal('core/flows/login-form');
const { CountdownStore } = require('../../helpers/kit').internal('core/flows/countdown');
const { useFlowServer } = require('./flow-host');

const DEMO = { username: 'demo', password: 'Demo@123456' };

const env = useFlowServer({ shimOpenid: 'edges-openid' });

function makeForm(config = {}) {
  const c = env.client();
  const rec = { changes: 0, events: [], notices: [] };
  const form = new LoginForm({
    getClient: () => c,
    onChange: () => { rec.changes += 1; },
    emit: (name, detail) => rec.events.push({ name, detail }),
    notify: (n) => rec.notices.push(n),
    message: (key) => `msg:${key}`,
  }, { fetchUserInfo: false, ...config }, new CountdownStore({ storage: null }));
  return { form, rec };
}
const since = (mark, path) => env.srv.requests.slice(mark).filter((r) => !path || r.path === path);
const names = (rec) => rec.events.map((e) => e.name);

function typeDemo(form) {
  form.input('account', DEMO.username);
  form.input('password', DEMO.password);
}

test('a before-login hook that is not a function is no hook: the login goes through', async () => {
  const { form, rec } = makeForm();
  form.setBeforeLogin('not a function');
  typeDemo(form);
  await form.submit();
  expect(names(rec)).toEqual(['login']);
});

describe('the embedded reset hands back', () => {
  test('to the password tab even when it is the first tab and another one shows', () => {
    const { form } = makeForm({ methods: ['password', 'sms'], defaultMethod: 'sms' });
    expect(form.state.method).toBe('sms');
    form.passwordReset({ method: 'sms', account: '13700000042' });
    expect(form.state.method).toBe('password');
  });

  test('to the current tab when the form has no password tab', () => {
    const { form } = makeForm({ methods: ['wechat', 'sms'] });
    form.selectMethod('sms');
    form.passwordReset({ method: 'sms', account: '13700000042' });
    expect(form.state.method).toBe('sms');
    expect(form.value('account')).toBe('13700000042');
  });

  test('on the form already: no screen-change, the notice and password-reset only', () => {
    const { form, rec } = makeForm();
    form.passwordReset({ method: 'email', account: 'a@example.com' });
    expect(names(rec)).toEqual(['password-reset']);
    expect(rec.notices).toEqual([{ type: 'info', key: 'passwordResetDone' }]);
  });

  test('an empty account is ignored', () => {
    const { form, rec } = makeForm();
    form.showScreen('reset-password');
    const changes = rec.changes;
    form.passwordReset({ method: 'sms', account: '' });
    expect(form.state.screen).toBe('reset-password');
    expect(rec.changes).toBe(changes);
    expect(names(rec)).toEqual(['screen-change']);
  });
});

describe('while a request is in flight', () => {
  test('another tap renders nothing and sends nothing', async () => {
    const { form, rec } = makeForm();
    typeDemo(form);
    const first = form.submit();
    const changes = rec.changes;
    await form.submit();
    expect(rec.changes).toBe(changes);
    await first;
    expect(names(rec)).toEqual(['login']);
  });

  test('a declined phone number is not reported (no notice, no cancel)', async () => {
    const { form, rec } = makeForm({ methods: ['password', 'wechat'] });
    typeDemo(form);
    const first = form.submit();
    await form.phoneResult({ errMsg: 'getPhoneNumber:fail user deny' });
    await first;
    expect(rec.notices).toEqual([]);
    expect(names(rec)).toEqual(['login']);
  });

  test('the phone gate tap opens no prompt (the box unchecked meanwhile)', async () => {
    const { form } = makeForm({ consentRequired: true, methods: ['password', 'wechat'] });
    form.setAgreed(true);
    typeDemo(form);
    const first = form.submit();
    form.setAgreed(false);
    await form.phoneTap();
    expect(form.state.consent).toMatchObject({ prompting: false, pending: null });
    await first;
  });
});

describe('agree in the consent prompt', () => {
  test('checks the box, reported as agreement-change {agreed: true} (also from the phone agree button)', async () => {
    const { form, rec } = makeForm({ consentRequired: true, methods: ['wechat'] });
    await form.phoneTap();
    await form.agreePhone({ errMsg: 'getPhoneNumber:fail user deny' });
    expect(rec.events[0]).toEqual({ name: 'agreement-change', detail: { agreed: true } });
    const other = makeForm({ consentRequired: true });
    typeDemo(other.form);
    await other.form.submit();
    await other.form.agree();
    expect(other.rec.events).toEqual([{ name: 'agreement-change', detail: { agreed: true } }, expect.objectContaining({ name: 'login' })]);
  });

  test('a parked phone login is not resumed from code: the box is checked, one render, no request', async () => {
    const { form, rec } = makeForm({ consentRequired: true, methods: ['wechat'] });
    await form.phoneTap();
    const changes = rec.changes;
    const mark = env.srv.requests.length;
    await form.agree();
    expect(since(mark)).toHaveLength(0);
    expect(rec.changes).toBe(changes + 1);
    expect(form.state.consent).toEqual({ required: true, agreed: true, prompting: false, pending: null });
    expect(names(rec)).toEqual(['agreement-change']);
  });

  test('while another action runs: the prompt closes with one render, the parked action does not run', async () => {
    const { form, rec } = makeForm({ consentRequired: true, methods: ['password', 'wechat'] });
    await form.wechatLogin(); // parked
    expect(form.state.consent.pending).toBe('wechat');
    form.setAgreed(true); // the checkbox, prompt still open
    typeDemo(form);
    const mark = env.srv.requests.length;
    const first = form.submit();
    const changes = rec.changes;
    await form.agree();
    expect(rec.changes).toBe(changes + 1);
    expect(form.state.consent.prompting).toBe(false);
    await first;
    expect(since(mark).map((r) => r.path)).toEqual(['/api/v3/signin']);
  });
});
