// What the <authing-mfa> flow (core/flows/mfa-flow + mfa-factors) shows before and for a challenge: the step
// before any challenge, the TOTP / recovery-code factors (no code target, nothing masked), a phone the server
// gave with spaces in it, and the resend countdown of an email factor whatever the address's case.
// Challenges come from real password sign-ins of the devserver's MFA demo users.
require('../../../miniprogram_dist/journey');
const { MfaFlow, parseChallenge } = require('../../helpers/kit').internal('core/flows/mfa-flow');
const { maskPhone } = require('../../helpers/kit').internal('core/flows/mfa-factors');
const { CountdownStore } = require('../../helpers/kit').internal('core/flows/countdown');
const { recordingHost, useFlowServer } = require('./flow-host');

const PASSWORD = 'Demo@123456';
const env = useFlowServer({ clearStorage: true, clearFaults: true });

async function challengeOf(account) {
  const [err] = await env.client().loginByPassword({ passwordPayload: { account, password: PASSWORD } });
  return parseChallenge(err);
}

function makeFlow(store = new CountdownStore({ storage: null })) {
  const { host, rec } = recordingHost({ notConfigured: 'no client' }, { client: env.client() });
  return { flow: new MfaFlow(host, store), rec };
}

/** Past the server's resend cooldown of the demo phone / email. */
const pastCooldown = () => env.dev.post('/__dev/clock', { advanceMs: (env.srv.config.sendCooldown + 1) * 1000 });

test('before any challenge: nothing offered, nothing to type, the step is neither over nor done', () => {
  const { flow, rec } = makeFlow();
  expect(flow.state).toEqual({ options: [], factor: null, busy: null, error: null, countdownEndsAt: 0, notice: null, over: false, done: false });
  expect(flow.value).toBe('');
  expect(rec.changes).toBe(0);
});

test('the TOTP user: the authenticator and the recovery code, neither with a target, a masked address or a country code', async () => {
  const { flow } = makeFlow();
  flow.setChallenge(await challengeOf('mfa-totp'));
  expect(flow.state.options).toEqual([
    { factor: 'totp', target: '', masked: '', countryCode: '' },
    { factor: 'recovery-code', target: '', masked: '', countryCode: '' },
  ]);
  expect(flow.state.countdownEndsAt).toBe(0);
});

test('a phone the server gave with spaces anywhere in it is masked as its digits', async () => {
  expect(maskPhone('138 0000 01 01')).toBe('138****0101');
  expect(maskPhone('1 2 345')).toBe('***45');
  const { flow } = makeFlow();
  flow.setChallenge({ ...(await challengeOf('mfa-sms')), phone: '138 0000 01 01' });
  expect(flow.state.options[0]).toMatchObject({ factor: 'sms', masked: '138****0101' });
});

test('an email factor\'s countdown is the address\'s whatever its case: another sign-in spelling it in capitals sees it running', async () => {
  await pastCooldown();
  const store = new CountdownStore({ storage: null });
  const first = makeFlow(store);
  first.flow.setChallenge(await challengeOf('mfa-sms'));
  first.flow.selectFactor('email');
  await first.flow.sendCode();
  expect(first.rec.events.map((e) => e.name)).toEqual(['send-code']);
  const running = first.flow.state.countdownEndsAt;
  expect(running).toBeGreaterThan(Date.now());

  const second = makeFlow(store);
  second.flow.setChallenge({ ...(await challengeOf('mfa-sms')), email: 'MFA-SMS@Example.COM' });
  second.flow.selectFactor('email');
  expect(second.flow.state.countdownEndsAt).toBeGreaterThan(Date.now());
  expect(second.flow.state.countdownEndsAt).toBeLessThanOrEqual(running + 1000);
  const sends = env.srv.requests.length;
  await second.flow.sendCode();
  expect(env.srv.requests.length).toBe(sends);
});
