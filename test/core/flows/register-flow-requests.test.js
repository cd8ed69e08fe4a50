// What the <authing-register> flow (core/flows/register-flow + register-checks) hands its client, and where
// a failed code send is shown. The component's client may be an app's own Authing-compatible object that
// neither trims nor drops blank profile fields (the kit's client does both), so the flow must hand it
// trimmed identifiers and codes and only the profile fields that were filled in: the tests wrap the REAL
// client in a Proxy that records what each call was given and passes it on. Isolated devserver over HTTP
// (faults injected there), a recording host.
const { call } = require('../../helpers/server');
require('../../../miniprogram_dist/journey');
require('../../../miniprogram_dist/account'); // email codes
const { RegisterFlow } = require('../../helpers/kit').internal('core/flows/register-flow');
const { CountdownStore } = require('../../helpers/kit').internal('core/flows/countdown');
const { useFlowServer } = require('./flow-host');

const env = useFlowServer({ shimOpenid: 'register-requests-openid', clearFaults: true });

/** The real client; `calls[name]` lists the first argument of every call of the recorded methods. */
function recordingClient(names = ['signUp', 'loginByPassword']) {
  const real = env.client();
  const calls = {};
  const client = new Proxy(real, {
    get: (target, key) => {
      if (names.indexOf(key) >= 0) {
        return (...args) => {
          (calls[key] = calls[key] || []).push(args[0]);
          return target[key](...args);
        };
      }
      return typeof target[key] === 'function' ? target[key].bind(target) : target[key];
    },
  });
  return { client, calls };
}

function makeFlow(config, c) {
  const rec = { changes: 0, events: [], notices: [] };
  const flow = new RegisterFlow({
    getClient: () => [null, c],
    onChange: () => { rec.changes += 1; },
    emit: (name, detail) => rec.events.push({ name, detail }),
    notify: (n) => rec.notices.push(n),
  }, config, new CountdownStore({ storage: null }));
  return { flow, rec };
}

const names = (rec) => rec.events.map((e) => e.name);
const type = (flow, values) => { for (const [k, v] of Object.entries(values)) flow.input(k, v); };
let seq = 0;
const fresh = () => `${process.pid % 1000}${Date.now() % 100000}${++seq}`;
const freshPhone = () => `135${String(process.pid % 1000).padStart(3, '0')}${String(++seq).padStart(5, '0')}`;
const PW = 'Signup@123';
const fault = (spec) => call(env.srv.url, 'POST', '/__dev/faults', spec);

describe('what the client is handed', () => {
  test('a username typed with spaces: the sign-up and the sign-in get it trimmed; the profile has the filled-in fields only, trimmed', async () => {
    const { client, calls } = recordingClient();
    const { flow, rec } = makeFlow({ fields: 'nickname,company,name' }, client);
    const username = `hand-${fresh()}`;
    type(flow, { account: `  ${username} `, password: PW, confirm: PW, nickname: ' Neo ', company: '   ' });
    await flow.submit();
    expect(names(rec)).toEqual(['register', 'login']);
    expect(calls.signUp).toHaveLength(1);
    expect(calls.signUp[0].passwordPayload).toEqual({ username, password: PW });
    expect(calls.signUp[0].profile).toEqual({ nickname: 'Neo' });
    expect(calls.loginByPassword).toHaveLength(1);
    expect(calls.loginByPassword[0].passwordPayload).toEqual({ username, password: PW });
  });

  test('profile fields asked for but left empty: the sign-up carries no profile at all', async () => {
    const { client, calls } = recordingClient();
    const { flow, rec } = makeFlow({ fields: 'nickname,company' }, client);
    type(flow, { account: `noprofile-${fresh()}`, password: PW, confirm: PW });
    await flow.submit();
    expect(names(rec)).toEqual(['register', 'login']);
    expect(calls.signUp[0]).not.toHaveProperty('profile');
  });

  test('an email account typed with spaces: both calls get the trimmed address', async () => {
    const { client, calls } = recordingClient();
    const { flow, rec } = makeFlow({}, client);
    const email = `hand-${fresh()}@example.com`;
    type(flow, { account: ` ${email}  `, password: PW, confirm: PW });
    await flow.submit();
    expect(names(rec)).toEqual(['register', 'login']);
    expect(calls.signUp[0].passwordPayload).toEqual({ email, password: PW });
    expect(calls.loginByPassword[0].passwordPayload).toEqual({ email, password: PW });
  });

  test('a phone and its code typed with spaces: the code sign-up and the sign-in get them trimmed', async () => {
    const { client, calls } = recordingClient();
    const { flow, rec } = makeFlow({ methods: 'sms' }, client);
    const phone = freshPhone();
    flow.input('phone', `  ${phone} `);
    await flow.sendCode();
    const code = (await call(env.srv.url, 'GET', `/__dev/sms/latest?phone=${phone}&channel=CHANNEL_REGISTER`)).json.code;
    type(flow, { code: ` ${code}  `, password: PW, confirm: PW });
    await flow.submit();
    expect(names(rec)).toEqual(['send-code', 'register', 'login']);
    expect(calls.signUp[0].passCodePayload).toEqual({ phone, passCode: code, phoneCountryCode: '+86' });
    expect(calls.loginByPassword[0].passwordPayload).toEqual({ phone, password: PW });
  });

  test('an email and its code typed with spaces: the code sign-up and the sign-in get them trimmed', async () => {
    const { client, calls } = recordingClient();
    const { flow, rec } = makeFlow({ methods: 'email', fetchUserInfo: false }, client);
    const email = `hand-code-${fresh()}@example.com`;
    flow.input('email', ` ${email} `);
    await flow.sendCode();
    const code = (await call(env.srv.url, 'GET', `/__dev/email/latest?email=${encodeURIComponent(email)}&channel=CHANNEL_REGISTER`)).json.code;
    type(flow, { emailCode: `  ${code} `, password: PW, confirm: PW });
    await flow.submit();
    expect(names(rec)).toEqual(['send-code', 'register', 'login']);
    expect(calls.signUp[0].passCodePayload).toEqual({ email, passCode: code });
    expect(calls.loginByPassword[0].passwordPayload).toEqual({ email, password: PW });
  });
});

describe('a refused code send', () => {
  test('about the phone (malformed, 3101): the server\'s message on the phone field, no toast', async () => {
    const { flow, rec } = makeFlow({ methods: 'sms' }, env.client());
    flow.input('phone', freshPhone());
    await fault({ path: '/api/v3/send-sms', kind: 'envelope', status: 400, apiCode: 3101, body: 'phone refused' });
    await flow.sendCode();
    expect(flow.state.errors).toEqual({ phone: { error: expect.objectContaining({ apiCode: 3101, message: 'phone refused' }) } });
    expect(rec.notices).toEqual([]);
    expect(rec.events).toEqual([{ name: 'error', detail: expect.objectContaining({ action: 'send-code', method: 'sms' }) }]);
    expect(flow.state.countdownEndsAt).toBe(0);
  });

  test('a "wrong code" answer to a send is not put on the code field (nothing was typed there): a toast', async () => {
    const { flow, rec } = makeFlow({ methods: 'sms' }, env.client());
    flow.input('phone', freshPhone());
    await fault({ path: '/api/v3/send-sms', kind: 'envelope', status: 400, apiCode: 2001, body: 'code trouble' });
    await flow.sendCode();
    expect(flow.state.errors).toEqual({});
    expect(rec.notices).toEqual([{ type: 'error', error: expect.objectContaining({ apiCode: 2001, message: 'code trouble' }) }]);
    expect(names(rec)).toEqual(['error']);
  });
});
