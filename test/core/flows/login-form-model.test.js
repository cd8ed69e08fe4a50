// The state side of the <authing-login> flow (core/flows/login-form-model.ts): the defaults of a form
// made without any config, the tab kept across a property change, and the work the visible tab starts
// ahead of the tap (encryption when the password is typed, a fresh WeChat code while the WeChat tab
// shows, again when the form comes back from another screen) — seen as the calls the REAL client
// receives, against an isolated devserver.
const { LoginForm } = require('../../helpers/kit').internal('core/flows/login-form');
const { useFlowServer } = require('./flow-host');

const env = useFlowServer({ shimOpenid: 'model-openid' });

/** A form over a real client whose preparation calls are recorded (and still made). */
function makeForm(config) {
  const c = env.client();
  const calls = [];
  for (const name of ['prepareEncryption', 'prepareWechatCode', 'stopWechatCode']) {
    const real = c[name].bind(c);
    c[name] = (...args) => { calls.push([name, ...args]); return real(...args); };
  }
  const host = { getClient: () => c, onChange: () => {}, emit: () => {}, notify: () => {}, message: (k) => k };
  const form = config === undefined ? new LoginForm(host) : new LoginForm(host, config);
  return { form, calls, c };
}

test('a form made without config: default tabs, nothing typed, password hidden, no consent needed', () => {
  const { form } = makeForm();
  expect(form.state).toMatchObject({ methods: ['password', 'sms', 'wechat'], method: 'password', busy: null, passwordVisible: false, countryCode: '+86', screen: 'login' });
  expect(form.state.consent).toEqual({ required: false, agreed: false, prompting: false, pending: null });
  for (const field of ['account', 'password', 'phone', 'code', 'email', 'emailCode', 'captcha']) expect(form.value(field)).toBe('');
  form.togglePasswordVisible();
  expect(form.state.passwordVisible).toBe(true);
});

test('a form made without a countdown store keeps its countdowns in memory (not the app storage)', () => {
  const now = Date.now();
  wx.setStorageSync('authing:countdowns', { 'CHANNEL_LOGIN:+86:13800000000': { endsAt: now + 30000, startedAt: now } });
  try {
    const { form } = makeForm();
    form.restore();
    expect(form.value('phone')).toBe('');
    expect(form.state.countdownEndsAt).toBe(0);
  } finally {
    wx.removeStorageSync('authing:countdowns');
  }
});

test('consent required from the start: the form is made with the gate on', () => {
  expect(makeForm({ consentRequired: true }).form.state.consent.required).toBe(true);
});

test('a property change keeps the FIRST tab the user chose (default-method unchanged)', () => {
  const { form } = makeForm({ methods: ['password', 'sms'], defaultMethod: 'sms' });
  form.selectMethod('password');
  form.configure({ countdown: 30 });
  expect(form.state.method).toBe('password');
});

test('typing the password (not the account) starts the encryption once; no encryption, no preparation', async () => {
  const { form, calls } = makeForm({ encrypt: 'rsa' });
  form.input('account', 'demo');
  expect(calls).toEqual([]);
  form.input('password', 'x');
  form.input('password', 'xy');
  expect(calls).toEqual([['prepareEncryption', 'rsa']]);
  const plain = makeForm({ encrypt: 'none' });
  plain.form.input('password', 'x');
  expect(plain.calls).toEqual([]);
});

test('the WeChat tab keeps a code fresh while it shows; hiding the form stops it', () => {
  const { form, calls } = makeForm({ methods: ['wechat', 'password'] });
  form.restore();
  expect(calls).toEqual([['prepareWechatCode']]);
  form.hidden();
  expect(calls).toEqual([['prepareWechatCode'], ['stopWechatCode']]);
  form.hidden(); // nothing kept any more
  expect(calls).toHaveLength(2);
});

test('back on the form from another screen, the tab prepares again (not while the other screen shows)', () => {
  const { form, calls } = makeForm({ methods: ['wechat', 'password'] });
  form.restore();
  form.showScreen('register');
  form.hidden(); // e.g. detached while the sign-up shows
  form.showScreen('reset-password');
  expect(calls).toEqual([['prepareWechatCode'], ['stopWechatCode']]);
  form.showScreen('login');
  expect(calls).toEqual([['prepareWechatCode'], ['stopWechatCode'], ['prepareWechatCode']]);
  form.hidden();
});
