// Edges of the <authing-mfa> flow (core/flows/mfa-flow) that mutation testing found unpinned: taps that must
// send nothing (no code target, in flight, done, over), failures of a send / of a verify that is about no
// field, a late answer after detach, the resend countdown ending (fake clock) or started by another flow,
// the configured code length, and the factor list / masks / "challenge over" classification.
// Real client, isolated devserver over HTTP, a recording host.
const { totpCode } = require('../../helpers/totp');
require('../../../miniprogram_dist/journey');
const { MfaFlow, parseChallenge } = require('../../helpers/kit').internal('core/flows/mfa-flow');
const { maskEmail, maskPhone, factorOptions, challengeOver } = require('../../helpers/kit').internal('core/flows/mfa-factors');
const { CountdownStore } = require('../../helpers/kit').internal('core/flows/countdown');
const { recordingHost, useFlowServer } = require('./flow-host');
const { countdownClock, expectCountdownEnds } = require('./countdown-clock');

const PASSWORD = 'Demo@123456';
const env = useFlowServer({ clearStorage: true, clearFaults: true });
const { client } = env;

/** A fresh challenge of an MFA demo user (its password sign-in's error). */
async function challengeOf(account, c = client()) {
  const [err] = await c.loginByPassword({ passwordPayload: { account, password: PASSWORD } });
  return parseChallenge(err);
}

async function start(account, { config = {}, store = new CountdownStore({ storage: null }), now, withClient = true } = {}) {
  const c = client();
  const challenge = await challengeOf(account, c);
  const { host, rec } = recordingHost({ notConfigured: 'no client' }, withClient ? { client: c } : {});
  const flow = new MfaFlow(host, store, config, now);
  flow.setChallenge(challenge);
  return { c, flow, rec, names: () => rec.events.map((e) => e.name) };
}

const count = (path) => env.srv.requests.filter((r) => r.path === path).length;
/** Past the server's resend cooldown of the demo phone / email (each test may send to them once more). */
const pastCooldown = () => env.dev.post('/__dev/clock', { advanceMs: (env.srv.config.sendCooldown + 1) * 1000 });
const totp = () => totpCode(env.srv.config.demoTotpSecret, env.srv.now());

describe('taps that send nothing', () => {
  test('TOTP and recovery factors have no code to send: the send button does nothing', async () => {
    const { flow, rec } = await start('mfa-totp');
    const sends = env.srv.requests.length;
    await flow.sendCode();
    flow.selectFactor('recovery-code');
    const changes = rec.changes;
    await flow.sendCode();
    expect(env.srv.requests.length).toBe(sends);
    expect(rec.changes).toBe(changes);
    expect(rec.events).toEqual([]);
    expect(flow.state.busy).toBeNull();
  });

  test('no challenge (none given or an unusable one): no factor, nothing to type, send and verify do nothing', async () => {
    const { host, rec } = recordingHost({}, { client: client() });
    const flow = new MfaFlow(host, new CountdownStore({ storage: null }));
    flow.setChallenge({ mfaToken: '', factors: [{ type: 'OTP', sort: 1 }], recoveryCodeAllowed: true });
    expect(flow.state).toMatchObject({ options: [], factor: null });
    flow.input('123456');
    expect(flow.value).toBe('');
    const before = env.srv.requests.length;
    const changes = rec.changes;
    await flow.sendCode();
    await flow.verify();
    expect(env.srv.requests.length).toBe(before);
    expect(rec.changes).toBe(changes);
    expect(rec.events).toEqual([]);
  });

  test('a double tap while the code is on its way: one send; the factor cannot change meanwhile', async () => {
    await pastCooldown();
    const { flow, rec } = await start('mfa-sms');
    const sends = count('/api/v3/send-sms');
    const first = flow.sendCode();
    expect(flow.state.busy).toBe('send');
    expect(rec.changes).toBe(2); // the challenge, then busy
    flow.selectFactor('email');
    expect(flow.state.factor).toBe('sms');
    await flow.sendCode();
    await first;
    expect(count('/api/v3/send-sms')).toBe(sends + 1);
    expect(flow.state.busy).toBeNull();
    expect(rec.events.map((e) => e.name)).toEqual(['send-code']);
  });

  test('a double tap on verify: one request; once logged in, send and verify do nothing', async () => {
    const { flow, rec } = await start('mfa-totp');
    flow.input(totp());
    const verifies = count('/api/v2/mfa/totp/verify');
    const first = flow.verify();
    expect(flow.state).toMatchObject({ busy: 'verify', error: null });
    await flow.verify();
    await first;
    expect(count('/api/v2/mfa/totp/verify')).toBe(verifies + 1);
    expect(flow.state.done).toBe(true);
    const before = env.srv.requests.length;
    await flow.verify();
    flow.selectFactor('recovery-code');
    flow.input('abc');
    await flow.verify();
    expect(env.srv.requests.length).toBe(before);
    expect(rec.events.map((e) => e.name)).toEqual(['login']);
  });

  test('done after an SMS code: no further send', async () => {
    await pastCooldown();
    const { flow } = await start('mfa-sms', { config: { fetchUserInfo: false } });
    flow.selectFactor('email');
    await flow.sendCode();
    flow.input(await env.dev.emailCode('mfa-sms@example.com', 'CHANNEL_VERIFY_MFA'));
    await flow.verify();
    expect(flow.state.done).toBe(true);
    flow.selectFactor('sms');
    const sends = env.srv.requests.length;
    await flow.sendCode();
    expect(env.srv.requests.length).toBe(sends);
  });

  test('a challenge that is over: the send button does nothing either', async () => {
    await pastCooldown();
    const { flow, rec } = await start('mfa-sms');
    await env.dev.post('/__dev/faults', { path: '/api/v2/applications/mfa/sms/verify', kind: 'envelope', status: 401 });
    flow.input('123456');
    await flow.verify();
    expect(flow.state.over).toBe(true);
    const sends = env.srv.requests.length;
    await flow.sendCode();
    expect(env.srv.requests.length).toBe(sends);
    expect(rec.events.map((e) => e.name)).toEqual(['error', 'navigate']);
  });
});

describe('failures', () => {
  test('a refused send: the message as the notice and an `error` event; no countdown, the send can be tried again', async () => {
    const { flow, rec } = await start('mfa-sms');
    await env.dev.post('/__dev/faults', { path: '/api/v3/send-sms', kind: 'envelope', status: 500, body: 'sms gateway down' });
    await flow.sendCode();
    expect(flow.state).toMatchObject({ busy: null, countdownEndsAt: 0, notice: { tone: 'error', error: { message: 'sms gateway down' } } });
    expect(rec.events).toEqual([{ name: 'error', detail: expect.objectContaining({ action: 'send-code', message: 'sms gateway down' }) }]);
    await pastCooldown();
    await flow.sendCode();
    expect(flow.state.notice).toEqual({ tone: 'info', key: 'codeSent' });
  });

  test('a verify failure about no field (server error): the notice, not the code field; the step stays on', async () => {
    const { flow, rec, c } = await start('mfa-totp');
    await env.dev.post('/__dev/faults', { path: '/api/v2/mfa/totp/verify', kind: 'envelope', status: 500, body: 'busy' });
    const code = totp();
    flow.input(code);
    await flow.verify();
    expect(flow.state).toMatchObject({ busy: null, error: null, over: false, done: false, notice: { tone: 'error', error: { message: 'busy' } } });
    expect(rec.events.map((e) => e.name)).toEqual(['error']);
    expect(rec.events[0].detail).toMatchObject({ action: 'verify-mfa', message: 'busy' });
    expect(flow.value).toBe(code);
    const [, stored] = await c.getLoginState();
    expect(stored).toBeFalsy();
  });

  test('no client at verify: the notice and an `error` {action: verify-mfa}, nothing sent', async () => {
    const { flow, rec } = await start('mfa-totp', { withClient: false });
    flow.input('123456');
    const before = env.srv.requests.length;
    await flow.verify();
    expect(env.srv.requests.length).toBe(before);
    expect(flow.state).toMatchObject({ busy: null, notice: { tone: 'error', error: { code: 'invalid_options', message: 'no client' } } });
    expect(rec.events[0]).toMatchObject({ name: 'error', detail: { action: 'verify-mfa', code: 'invalid_options' } });
  });

  test('the challenge is over for any of Authing\'s "bad mfaToken" answers or a 401', () => {
    expect(challengeOver({ message: 'x', apiCode: 2020, statusCode: 400 })).toBe(true);
    expect(challengeOver({ message: 'x', apiCode: 2021, statusCode: 400 })).toBe(true);
    expect(challengeOver({ message: 'x', apiCode: 2023, statusCode: 400 })).toBe(true);
    expect(challengeOver({ message: 'x', apiCode: 9999, statusCode: 401 })).toBe(true);
    expect(challengeOver({ message: 'x', apiCode: 2001, statusCode: 400 })).toBe(false);
    expect(challengeOver({ message: 'x' })).toBe(false);
  });
});

describe('checks before a request', () => {
  test('an SMS code of the wrong length and an empty recovery code are refused on the field', async () => {
    const { flow } = await start('mfa-sms');
    const totpUser = await start('mfa-totp');
    const before = env.srv.requests.length;
    flow.input('123');
    await flow.verify();
    expect(flow.state.error).toEqual({ key: 'invalidSmsCode', params: { length: 6 } });
    totpUser.flow.selectFactor('recovery-code');
    totpUser.flow.input('   ');
    await totpUser.flow.verify();
    expect(totpUser.flow.state.error).toEqual({ key: 'required', params: { field: 'recoveryCode' } });
    expect(env.srv.requests.length).toBe(before);
  });

  test('codeLength applies to SMS / email codes; a TOTP code always has 6 digits; a code typed with spaces is fine', async () => {
    const { flow: smsFlow } = await start('mfa-sms');
    smsFlow.configure({ codeLength: 4 });
    smsFlow.input('123456');
    await smsFlow.verify();
    expect(smsFlow.state.error).toEqual({ key: 'invalidSmsCode', params: { length: 4 } });

    const { flow, rec } = await start('mfa-totp', { config: { codeLength: 4, method: 'sms' } });
    flow.input(` ${totp()} `);
    await flow.verify();
    expect(rec.events.map((e) => e.name)).toEqual(['login']);
    expect(rec.events[0].detail).toMatchObject({ method: 'sms', mfa: 'totp' });
  });

  test('typing: undefined / null clear the value; re-selecting the shown factor renders nothing', async () => {
    const { flow, rec } = await start('mfa-totp');
    flow.input('12');
    flow.input(undefined);
    expect(flow.value).toBe('');
    flow.input(null);
    expect(flow.value).toBe('');
    flow.input(123456);
    expect(flow.value).toBe('123456');
    const changes = rec.changes;
    flow.selectFactor('totp');
    expect(rec.changes).toBe(changes);
  });
});

describe('late answers and countdowns', () => {
  test('detached while a send or a verify is on the wire: no render, no event, no countdown', async () => {
    await pastCooldown();
    const sending = await start('mfa-sms');
    const p = sending.flow.sendCode();
    const changes = sending.rec.changes;
    sending.flow.detach();
    await p;
    expect(sending.rec.changes).toBe(changes);
    expect(sending.rec.events).toEqual([]);
    expect(sending.flow.state.countdownEndsAt).toBe(0);

    const verifying = await start('mfa-totp');
    verifying.flow.input(totp());
    const v = verifying.flow.verify();
    verifying.flow.detach();
    await v;
    expect(verifying.rec.events).toEqual([]);
    expect(verifying.flow.state.done).toBe(false);
  });

  test('a new challenge while a send is on the wire: its answer does not touch the new step', async () => {
    await pastCooldown();
    const { flow, rec } = await start('mfa-sms');
    const next = await challengeOf('mfa-totp');
    const p = flow.sendCode();
    flow.setChallenge(next);
    const changes = rec.changes;
    await p;
    expect(rec.changes).toBe(changes);
    expect(rec.events).toEqual([]);
    expect(flow.state).toMatchObject({ factor: 'totp', notice: null, busy: null });
  });

  test('the resend countdown ends on the tick that sees it end (one render); ticks before and after render nothing', async () => {
    await pastCooldown();
    const clock = countdownClock();
    const { flow, rec } = await start('mfa-sms', { config: { countdown: 30 }, store: clock.store, now: clock.now });
    await flow.sendCode();
    // A tap while it runs: nothing sent, nothing rendered.
    await expectCountdownEnds({ flow, rec, clock, seconds: 30, whileRunning: () => flow.sendCode() });
  });

  test('a countdown started by another MFA step of the same phone shows on the first tap (one render, nothing sent)', async () => {
    await pastCooldown();
    const store = new CountdownStore({ storage: null });
    const first = await start('mfa-sms', { store });
    const second = await start('mfa-sms', { store });
    expect(second.flow.state.countdownEndsAt).toBe(0);
    await first.flow.sendCode();
    const sends = count('/api/v3/send-sms');
    const changes = second.rec.changes;
    await second.flow.sendCode();
    expect(count('/api/v3/send-sms')).toBe(sends);
    expect(second.flow.state.countdownEndsAt).toBeGreaterThan(Date.now());
    expect(second.rec.changes).toBe(changes + 1);
    // The email factor has its own countdown.
    second.flow.selectFactor('email');
    expect(second.flow.state.countdownEndsAt).toBe(0);
  });
});

describe('the challenge and its factors', () => {
  test('only a well-formed challenge is taken: a token string and a factor list', () => {
    const good = { mfaToken: 't', factors: [], recoveryCodeAllowed: false };
    expect(parseChallenge(good)).toBe(good);
    expect(parseChallenge({ mfaToken: 123, factors: [] })).toBeNull();
    expect(parseChallenge({ mfaToken: 't' })).toBeNull();
    expect(parseChallenge('t')).toBeNull();
    expect(parseChallenge(undefined)).toBeNull();
  });

  test('factors: SMS keeps its country code (+86 when none), email needs an address, unknown types are left out', () => {
    const base = { mfaToken: 't', phone: '61234567', email: null, recoveryCodeAllowed: false };
    expect(factorOptions({ ...base, phoneCountryCode: '+852', factors: [{ type: 'SMS', sort: 1 }] }))
      .toEqual([{ factor: 'sms', target: '61234567', masked: '612****4567', countryCode: '+852' }]);
    expect(factorOptions({ ...base, phoneCountryCode: null, factors: [{ type: 'SMS', sort: 1 }] })[0].countryCode).toBe('+86');
    expect(factorOptions({ ...base, phoneCountryCode: null, factors: [{ type: 'EMAIL', sort: 1 }, { type: 'FACE', sort: 2 }] })).toEqual([]);
  });

  test('masks: spaces dropped, 8 digits already show 3 + 4, very short numbers as they are; emails without a local part as they are', () => {
    expect(maskPhone('138 0000 0101')).toBe('138****0101');
    expect(maskPhone('12345678')).toBe('123****5678');
    expect(maskPhone('5')).toBe('5');
    expect(maskEmail('no-at-sign')).toBe('no-at-sign');
    expect(maskEmail('@example.com')).toBe('@example.com');
  });
});
