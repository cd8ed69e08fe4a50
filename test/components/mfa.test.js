// <authing-mfa> rendered by miniprogram-simulate with REAL tdesign children, driven like a user against an
// isolated devserver over HTTP (its clock is moved for the expiry case). The challenge comes from a real
// password sign-in of the MFA demo users; codes from the devserver's inbox or computed from the TOTP secret.
const { simulate, loadKitComponent, mount, bindings, userActions, clearCountdowns, checkEventVocabulary } = require('../helpers/mp');
const { until } = require('../helpers/until');
const { startDevServer, dev: devOf } = require('../helpers/server');
const { totpCode, wrongTotp } = require('../helpers/totp');
const core = require('../../miniprogram_dist/index');
const { readMfaChallenge } = require('../../miniprogram_dist/journey');
const { MFA_TEXTS } = require('../helpers/kit').internal('components/mfa/texts');

checkEventVocabulary();

const EVENTS = ['login', 'error', 'send-code', 'navigate'];
const PASSWORD = 'Demo@123456';
const ZH = MFA_TEXTS['zh-CN'];
const EN = MFA_TEXTS['en-US'];

let srv;
let dev;
let tag;
const mounted = [];
beforeAll(async () => {
  srv = await startDevServer();
  dev = devOf(srv.url);
  tag = loadKitComponent('mfa');
});
afterAll(() => srv.close());
beforeEach(() => {
  wx.__control.storage.clear();
  clearCountdowns();
});
afterEach(() => {
  while (mounted.length) mounted.pop().detach();
});

const client = () => new core.Authing({ appId: srv.config.appId, userPoolId: srv.config.userPoolId, host: srv.url });

/** A real password sign-in of an MFA demo user: the challenge it answered with. */
async function challengeOf(account) {
  const [err] = await client().loginByPassword({ passwordPayload: { account, password: PASSWORD } });
  const challenge = readMfaChallenge(err);
  expect(challenge).not.toBeNull();
  return challenge;
}

async function render(account, attrs = '') {
  const challenge = await challengeOf(account);
  const props = `app-id="${srv.config.appId}" user-pool-id="${srv.config.userPoolId}" host="${srv.url}"`;
  const { host, events } = mount({ 'authing-mfa': tag }, `<authing-mfa id="mfa" challenge="{{challenge}}" ${props} ${attrs} ${bindings(EVENTS)} />`, { events: EVENTS, data: { challenge } });
  mounted.push(host);
  const mfa = host.querySelector('#mfa');
  await simulate.sleep(0);
  const ui = { host, mfa, events, challenge, ...userActions(host, mfa, events), data: () => mfa.instance.data };
  ui.tips = () => ui.q('authing-mfa-code').data.tips;
  /** Taps verify and waits for the answer's event. */
  ui.verify = async () => {
    const n = events.length;
    await ui.tap('authing-mfa-verify');
    await until(() => events.length > n, 'an event');
    await simulate.sleep(0);
    return events[n];
  };
  ui.factor = async (index) => {
    ui.q('authing-mfa-factors').querySelectorAll('.t-tabs__item')[index].dispatchEvent('tap');
    await simulate.sleep(0);
  };
  return ui;
}

const noToken = (ui) => expect(JSON.stringify(ui.events)).not.toContain(ui.challenge.mfaToken);

test('SMS user: factors in the server\'s order with the masked phone; bad input, a wrong code on the field, the right code logs in', async () => {
  const ui = await render('mfa-sms');
  expect(ui.data().tabs).toEqual([{ value: 'sms', label: ZH.factor_sms }, { value: 'email', label: ZH.factor_email }]);
  expect(ui.text()).toContain('验证码将发送至 138****0101');
  expect(ui.text()).not.toContain('13800000101');
  for (const id of ['authing-mfa-code', 'authing-mfa-send', 'authing-mfa-verify']) expect(ui.q(id).data.ariaLabel).toBeTruthy();

  // Nothing typed: refused on the field, nothing sent.
  const before = srv.requests.length;
  await ui.tap('authing-mfa-verify');
  expect(ui.tips()).toBe('请输入验证码');
  expect(srv.requests.length).toBe(before);

  await ui.tap('authing-mfa-send');
  await until(() => ui.named('send-code').length, 'send-code');
  await simulate.sleep(0);
  expect(ui.named('send-code')[0].detail).toEqual({ phone: '13800000101', countryCode: '+86' });
  expect(ui.data().resendText).toMatch(/^\d+s 后重发$/);
  expect(ui.q('authing-mfa-message').dom.textContent).toBe(ZH.codeSent);

  const code = await dev.smsCode('13800000101', 'CHANNEL_VERIFY_MFA');
  const wrong = code === '000000' ? '111111' : '000000';
  await ui.type('authing-mfa-code', wrong);
  const refused = await ui.verify();
  expect(refused).toMatchObject({ name: 'error', detail: { action: 'verify-mfa', error: { apiCode: 2001 } } });
  expect(ui.tips()).toBe(ZH.wrongCode);
  expect(ui.value('authing-mfa-code')).toBe(wrong);
  expect(ui.q('authing-mfa-verify').data.loading).toBe(false);
  expect(ui.named('login')).toEqual([]);

  await ui.type('authing-mfa-code', code);
  expect(ui.tips()).toBe(''); // typing cleared the refusal
  const done = await ui.verify();
  expect(done.name).toBe('login');
  expect(done.detail).toMatchObject({ method: 'password', mfa: 'sms', loginState: { access_token: expect.any(String) }, userInfo: { username: 'mfa-sms' } });
  const [, stored] = await client().getLoginState();
  expect(stored.access_token).toBe(done.detail.loginState.access_token);
  noToken(ui);
});

test('TOTP user (en-US): authenticator first, recovery code next; a wrong code is refused in place, the computed one logs in', async () => {
  const ui = await render('mfa-totp', 'lang="en-US" method="password" fetch-user-info="{{false}}"');
  expect(ui.data().tabs.map((t) => t.label)).toEqual([EN.factor_totp, EN['factor_recovery-code']]);
  expect(ui.text()).toContain(EN.hint_totp);
  expect(ui.q('authing-mfa-send')).toBeFalsy(); // nothing to send for TOTP
  await ui.type('authing-mfa-code', wrongTotp(srv.config.demoTotpSecret, srv.now()));
  await ui.verify();
  expect(ui.tips()).toBe(EN.wrongTotp);
  await ui.type('authing-mfa-code', totpCode(srv.config.demoTotpSecret, srv.now()));
  const done = await ui.verify();
  expect(done.detail).toMatchObject({ method: 'password', mfa: 'totp' });
  expect(done.detail.userInfo).toBeUndefined();
  noToken(ui);
});

test('a recovery code logs in once; the second sign-in with it is refused on the field', async () => {
  const recoveryCode = (await dev.get('/__dev/mfa?username=mfa-totp')).recoveryCodes.find((c) => !c.used).code;
  const first = await render('mfa-totp');
  await first.factor(1);
  expect(first.data().factor).toBe('recovery-code');
  expect(first.text()).toContain(ZH['hint_recovery-code']);
  await first.type('authing-mfa-code', recoveryCode);
  expect((await first.verify()).detail).toMatchObject({ mfa: 'recovery-code' });

  wx.__control.storage.clear();
  const second = await render('mfa-totp');
  await second.factor(1);
  await second.type('authing-mfa-code', recoveryCode);
  const refused = await second.verify();
  expect(refused).toMatchObject({ name: 'error', detail: { action: 'verify-mfa', error: { apiCode: 6002 } } });
  expect(second.tips()).toBe(ZH.wrongRecoveryCode);
  expect(second.value('authing-mfa-code')).toBe(recoveryCode);
});

test('an expired mfaToken: the message, `error` then `navigate` back to login, no way to verify again', async () => {
  const ui = await render('mfa-totp');
  const ttlMs = (srv.config.mfaTokenTtl + 1) * 1000;
  await dev.post('/__dev/clock', { advanceMs: ttlMs });
  try {
    await ui.type('authing-mfa-code', totpCode(srv.config.demoTotpSecret, srv.now()));
    await ui.verify();
  } finally {
    await dev.post('/__dev/clock', { advanceMs: -ttlMs });
  }
  await until(() => ui.named('navigate').length, 'navigate');
  expect(ui.events.map((e) => e.name)).toEqual(['error', 'navigate']);
  expect(ui.events[1].detail).toEqual({ to: 'login' });
  expect(ui.q('authing-mfa-message').dom.textContent).toBe(ZH.expired);
  expect(ui.q('authing-mfa-verify')).toBeFalsy();
  const [, stored] = await client().getLoginState();
  expect(stored).toBeFalsy();
});

test('"back to login" emits navigate; the email factor sends to the email', async () => {
  const ui = await render('mfa-sms');
  await ui.factor(1);
  expect(ui.text()).toContain('验证码将发送至 mf***@example.com');
  await ui.tap('authing-mfa-send');
  await until(() => ui.named('send-code').length, 'send-code');
  expect(ui.named('send-code')[0].detail).toEqual({ email: 'mfa-sms@example.com' });
  ui.q('authing-mfa-back').dispatchEvent('tap');
  await simulate.sleep(0);
  expect(ui.named('navigate').map((e) => e.detail)).toEqual([{ to: 'login' }]);
});

describe('inside <authing-login>', () => {
  const LOGIN_EVENTS = ['login', 'error', 'screen-change'];
  let loginTag;
  beforeAll(() => { loginTag = loadKitComponent('login'); });

  function renderLogin(attrs = '') {
    const props = `app-id="${srv.config.appId}" user-pool-id="${srv.config.userPoolId}" host="${srv.url}" methods="password,sms"`;
    const { host, events } = mount({ 'authing-login': loginTag }, `<authing-login id="login" ${props} ${attrs} ${bindings(LOGIN_EVENTS)} />`, { events: LOGIN_EVENTS });
    mounted.push(host);
    const login = host.querySelector('#login');
    const ui = { host, login, events, ...userActions(host, login, events), data: () => login.instance.data };
    ui.step = () => login.querySelector('#authing-screen-mfa');
    ui.stepUi = () => userActions(host, ui.step(), events);
    ui.signIn = async (account) => {
      await ui.type('authing-account', account);
      await ui.type('authing-password', PASSWORD);
      await ui.tap('authing-submit-password');
      await until(() => ui.data().screen !== 'login' || events.length, 'the answer');
      await simulate.sleep(0);
    };
    return ui;
  }

  test('a password login of the SMS-MFA user shows the step in place; wrong code refused there; the right code emits login with the marker', async () => {
    // Past the server's send cooldown for this number (the standalone test sent it a code).
    await dev.post('/__dev/clock', { advanceMs: (srv.config.sendCooldown + 1) * 1000 });
    const ui = renderLogin();
    await ui.signIn('mfa-sms');
    expect(ui.data().screen).toBe('mfa');
    expect(ui.named('screen-change').map((e) => e.detail)).toEqual([{ screen: 'mfa' }]);
    expect(ui.named('error')).toEqual([]); // MFA required is not a failure
    const { mfaToken } = ui.data().mfaChallenge;
    const step = ui.stepUi();
    expect(ui.text()).toContain('138****0101');
    expect(ui.q('authing-screen-login').dom.getAttribute('class')).toContain('authing-login__screen--hidden');

    await step.tap('authing-mfa-send');
    await until(() => ui.step().instance.data.resendLeft > 0, 'the countdown');
    const code = await dev.smsCode('13800000101', 'CHANNEL_VERIFY_MFA');
    const wrong = code === '000000' ? '111111' : '000000';
    await step.type('authing-mfa-code', wrong);
    await step.tap('authing-mfa-verify');
    await until(() => ui.named('error').length, 'error');
    await simulate.sleep(0);
    expect(step.q('authing-mfa-code').data.tips).toBe(ZH.wrongCode);
    expect(step.value('authing-mfa-code')).toBe(wrong);
    expect(ui.named('error')[0].detail).toMatchObject({ action: 'verify-mfa', error: { apiCode: 2001 } });
    expect(ui.data().screen).toBe('mfa');

    await step.type('authing-mfa-code', code);
    await step.tap('authing-mfa-verify');
    const done = await until(() => ui.named('login')[0], 'login');
    expect(done.detail).toMatchObject({ method: 'password', mfa: 'sms', loginState: { access_token: expect.any(String) }, userInfo: { username: 'mfa-sms' } });
    await simulate.sleep(0);
    expect(ui.data().screen).toBe('login');
    expect(ui.value('authing-account')).toBe('mfa-sms'); // the form kept what was typed
    // The mfaToken was only in the component tree's data while the step showed; no event carried it.
    expect(JSON.stringify(ui.events)).not.toContain(mfaToken);
    expect(ui.data().mfaChallenge).toBeNull();
  });

  test('TOTP user: the code computed from the secret logs in through the login', async () => {
    const ui = renderLogin('lang="en-US" fetch-user-info="{{false}}"');
    await ui.signIn('mfa-totp');
    const step = ui.stepUi();
    expect(ui.text()).toContain(EN.hint_totp);
    await step.type('authing-mfa-code', totpCode(srv.config.demoTotpSecret, srv.now()));
    await step.tap('authing-mfa-verify');
    const done = await until(() => ui.named('login')[0], 'login');
    expect(done.detail).toMatchObject({ method: 'password', mfa: 'totp' });
    expect(Object.keys(done.detail).sort()).toEqual(['loginState', 'method', 'mfa']);
  });

  test('an expired mfaToken: back to the login form with the message; "back to login" returns too', async () => {
    const ui = renderLogin();
    await ui.signIn('mfa-totp');
    const ttlMs = (srv.config.mfaTokenTtl + 1) * 1000;
    await dev.post('/__dev/clock', { advanceMs: ttlMs });
    try {
      const step = ui.stepUi();
      await step.type('authing-mfa-code', totpCode(srv.config.demoTotpSecret, srv.now()));
      await step.tap('authing-mfa-verify');
      await until(() => ui.named('error').length, 'error');
    } finally {
      await dev.post('/__dev/clock', { advanceMs: -ttlMs });
    }
    await simulate.sleep(0);
    expect(ui.data().screen).toBe('login');
    expect(ui.step()).toBeFalsy();
    expect(ui.named('error')[0].detail).toMatchObject({ action: 'verify-mfa', error: { apiCode: 2021 } });
    expect(ui.text()).toContain('安全验证已超时，请重新登录');
    expect(ui.value('authing-account')).toBe('mfa-totp');
    expect(ui.named('login')).toEqual([]);

    // A fresh sign-in opens a fresh step; its "back to login" link brings the form back.
    await ui.tap('authing-submit-password');
    await until(() => ui.data().screen === 'mfa', 'the step again');
    await simulate.sleep(0);
    ui.step().querySelector('#authing-mfa-back').dispatchEvent('tap');
    await simulate.sleep(0);
    expect(ui.data().screen).toBe('login');
    expect(ui.named('screen-change').map((e) => e.detail.screen)).toEqual(['mfa', 'login', 'mfa', 'login']);
  });
});
