// The <authing-mfa> flow (core/flows/mfa-flow) detached while a verify's answers are still on the way: a
// refused code, and the profile read of a `fetchUserInfo: 'full'` login (the client detaches the flow once
// that read has answered). Nothing renders or is emitted after the detach. Real client, isolated devserver.
const { totpCode, wrongTotp } = require('../../helpers/totp');
require('../../../miniprogram_dist/journey');
const { MfaFlow, parseChallenge } = require('../../helpers/kit').internal('core/flows/mfa-flow');
const { CountdownStore } = require('../../helpers/kit').internal('core/flows/countdown');
const { recordingHost, useFlowServer } = require('./flow-host');

const PASSWORD = 'Demo@123456';
const env = useFlowServer({ clearStorage: true });

async function start(c, config = {}) {
  const [err] = await c.loginByPassword({ passwordPayload: { account: 'mfa-totp', password: PASSWORD } });
  const { host, rec } = recordingHost({ notConfigured: 'no client' }, { client: c });
  const flow = new MfaFlow(host, new CountdownStore({ storage: null }), config);
  flow.setChallenge(parseChallenge(err));
  return { flow, rec };
}

const secret = () => env.srv.config.demoTotpSecret;

test('detached while a wrong code is being refused: no render, no `error`, the field shows nothing', async () => {
  const { flow, rec } = await start(env.client());
  flow.input(wrongTotp(secret(), env.srv.now()));
  const verifying = flow.verify();
  const changes = rec.changes;
  flow.detach();
  await verifying;
  expect(rec.changes).toBe(changes);
  expect(rec.events).toEqual([]);
  expect(flow.state.error).toBeNull();
});

test('detached while the full profile is being read after the right code: no render, no `login`, not done', async () => {
  const real = env.client();
  let made;
  let atDetach = -1;
  const client = new Proxy(real, {
    get: (target, key) => (key === 'getUserInfo'
      ? async (...args) => {
        const answer = await target.getUserInfo(...args);
        made.flow.detach();
        atDetach = made.rec.changes;
        return answer;
      }
      : typeof target[key] === 'function' ? target[key].bind(target) : target[key]),
  });
  made = await start(client, { fetchUserInfo: 'full' });
  made.flow.input(totpCode(secret(), env.srv.now()));
  await made.flow.verify();
  expect(atDetach).toBeGreaterThan(0);
  expect(made.rec.changes).toBe(atDetach);
  expect(made.rec.events).toEqual([]);
  expect(made.flow.state.done).toBe(false);
});
