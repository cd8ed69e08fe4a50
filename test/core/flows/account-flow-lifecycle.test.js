// <authing-account>'s flow (core/flows/account-flow) across its life: the state before the first read, a
// client whose profile read answers nothing (on load and on the re-read after a change), an account that
// signed in by WeChat only, countdowns that end one at a time, a component detached while a failing change
// or a re-read is on the wire, a double tap on the final deletion, bad input's event, and what goes on the
// wire (trimmed values, codes keyed in the shared countdown store). Real client and devserver over HTTP
// (faults injected there), a recording host; every test signs up its own user.
const { dev } = require('../../helpers/server');
const { until } = require('../../helpers/until');
const { internal } = require('../../helpers/kit');
const { expectSilentAfterDetach, recordingHost } = require('./flow-host');
const { AccountFlow, CountdownStore, T, useAccountServer } = require('./account-setup');
const U = require('../../helpers/account-users');

const { countdownKey } = internal('core/flows/countdown');

let srv;
useAccountServer((s) => { srv = s; });
afterEach(() => dev(srv.url).del('/__dev/faults'));

/** A fake clock (`clock.t`) and a countdown store on it, as the components share one. */
function sharedCountdowns() {
  const clock = { t: 1700000000000 };
  return { clock, store: new CountdownStore({ storage: null, now: () => clock.t }) };
}

/** A flow on `client` whose countdowns run on a fake clock (`clock.t`); `shared` = another's clock and store. */
function makeFlow(client, config = {}, shared = sharedCountdowns()) {
  const { clock, store } = shared;
  const { host, rec } = recordingHost(T, { client });
  const flow = new AccountFlow(host, { encrypt: 'none', countdown: 60, ...config }, store, () => clock.t);
  return { flow, rec, clock };
}

async function loaded(kind, config) {
  const user = await U[`${kind}User`](srv);
  const made = makeFlow(user.client, config);
  await made.flow.load();
  expect(made.flow.state.summary).not.toBeNull();
  return { ...user, ...made };
}

/**
 * The real client with its profile read replaced: `answers` (a list, one per read; past its end the real
 * read). What a client of another build, or an app's wrapper, may hand the component.
 */
function readsAs(client, answers) {
  let reads = 0;
  const getUserInfo = (...args) => {
    const answer = answers[reads++];
    return answer ? Promise.resolve(answer) : client.getUserInfo(...args);
  };
  return new Proxy(client, {
    get: (target, name) => (name === 'getUserInfo' ? getUserInfo
      : typeof target[name] === 'function' ? target[name].bind(target) : target[name]),
  });
}

let seq = 0;
/** A user who signed in by WeChat only: no password, no phone, no email. */
async function wechatUser() {
  wx.__control.openid = `account-lifecycle-${process.pid}-${++seq}`;
  const client = U.clientOf(srv);
  const [err] = await client.loginByCode({ extIdpConnidentifier: srv.config.wechatIdpIdentifier });
  if (err) throw new Error(`WeChat login failed: ${err.message}`);
  return { client };
}

const since = (n, path) => srv.requests.slice(n).filter((r) => !path || r.path === path);
const bodyOf = (n, path) => JSON.parse(since(n, path)[0].body);
const fault = (spec) => dev(srv.url).post('/__dev/faults', spec);
const type = (flow, values) => { for (const [k, v] of Object.entries(values)) flow.input(k, v); };
const errorsOf = (rec) => rec.events.filter((e) => e.name === 'error').map((e) => e.detail);
const changesOf = (rec) => rec.events.filter((e) => e.name === 'account-change').map((e) => e.detail);

describe('before and around the read', () => {
  test('before the first read: nothing blocked, nobody signed out, no dialog, nothing to confirm; a confirmation sends nothing', async () => {
    const { client } = await U.passwordUser(srv);
    const { flow, rec } = makeFlow(client);
    expect(flow.state).toEqual({
      busy: null, blocked: false, signedOut: false, summary: null, dialog: null, deleteMethod: 'password',
      confirming: false, errors: {}, notice: null, codeEndsAt: { oldCode: 0, code: 0 },
    });
    expect(flow.values).toEqual({});
    expect(flow.fields).toEqual([]);
    expect(flow.deleteMethods).toEqual([]);
    const before = srv.requests.length;
    await flow.confirmDelete();
    expect(rec.changes).toBe(0);
    expect(rec.events).toEqual([]);
    expect(since(before)).toEqual([]);
  });

  test('a client whose profile read answers nothing: blocked with the unreadable-answer reason, error {action: load, code: bad_response}', async () => {
    const { client, username } = await U.passwordUser(srv);
    const { flow, rec } = makeFlow(readsAs(client, [[null, null]]));
    await flow.load();
    const message = `读取账号失败：${T.badResponse}`;
    expect(flow.state).toMatchObject({
      busy: null, blocked: true, signedOut: false, summary: null, dialog: null,
      notice: { tone: 'error', error: { code: 'bad_response', message } },
    });
    expect(errorsOf(rec)).toEqual([expect.objectContaining({ action: 'load', code: 'bad_response', message })]);
    await flow.load(); // the retry reads for real
    expect(flow.state).toMatchObject({ busy: null, blocked: false, notice: null, summary: { username } });
  });
});

describe('an account signed in by WeChat only', () => {
  test('the deletion dialog asks for a password (no method to choose); the server\'s refusal shows on the dialog, nothing to confirm', async () => {
    const { client } = await wechatUser();
    const { flow, rec } = makeFlow(client);
    await flow.load();
    expect(flow.state.summary).toMatchObject({ username: '', phone: '', email: '', passwordSet: false });
    flow.open('delete');
    expect(flow.state).toMatchObject({ dialog: 'delete', deleteMethod: 'password', confirming: false, codeEndsAt: { oldCode: 0, code: 0 } });
    expect(flow.deleteMethods).toEqual([]);
    expect(flow.fields).toEqual(['password']);
    const before = srv.requests.length;
    await flow.submit();
    expect(flow.state.errors).toEqual({ password: { key: 'required', params: { field: 'password' } } });
    expect(since(before)).toEqual([]);
    flow.input('password', 'Guess@123456');
    await flow.submit();
    expect(bodyOf(before, '/api/v3/verify-delete-account-request')).toEqual({ verifyMethod: 'PASSWORD', passwordPayload: { password: 'Guess@123456' } });
    expect(flow.state).toMatchObject({ busy: null, dialog: 'delete', confirming: false, errors: {}, notice: { tone: 'error', error: { apiCode: 2033 } } });
    expect(errorsOf(rec).pop()).toMatchObject({ action: 'delete-account', message: flow.state.notice.error.message });
    expect(flow.values).toEqual({ password: 'Guess@123456' });
  });
});

describe('countdowns', () => {
  test('the current number\'s countdown ends first: the new number\'s keeps running until it ends too', async () => {
    const { flow, rec, clock } = await loaded('phone');
    flow.open('phone');
    const t0 = clock.t;
    await U.pastCooldown(srv);
    await flow.sendCode('oldCode');
    flow.input('phone', U.newPhone());
    clock.t = t0 + 20000;
    await flow.sendCode('code');
    expect(flow.state.codeEndsAt).toEqual({ oldCode: t0 + 60000, code: t0 + 80000 });

    clock.t = t0 + 30000; // neither has ended
    flow.countdownTick();
    expect(flow.state.codeEndsAt).toEqual({ oldCode: t0 + 60000, code: t0 + 80000 });
    clock.t = t0 + 60000;
    const renders = rec.changes;
    flow.countdownTick();
    expect(rec.changes - renders).toBe(1);
    expect(flow.state.codeEndsAt).toEqual({ oldCode: 0, code: t0 + 80000 });
    const mark = srv.requests.length;
    await flow.sendCode('code'); // still counting down: no second code
    expect(since(mark)).toEqual([]);
    clock.t = t0 + 80000;
    flow.countdownTick();
    expect(flow.state.codeEndsAt).toEqual({ oldCode: 0, code: 0 });
  });

  test('a code sent to the account\'s email elsewhere (same address and channel, in the shared store) counts down in the deletion dialog', async () => {
    const { client, email } = await U.emailUser(srv);
    const shared = sharedCountdowns();
    const { clock, store } = shared;
    // Another page sent the deletion code itself and recorded it as the kit's components do: email
    // countdowns are keyed <channel>::<address> (no country code).
    await U.pastCooldown(srv);
    await client.sendEmailCode({ email, channel: 'CHANNEL_DELETE_ACCOUNT' });
    const endsAt = store.start(countdownKey('CHANNEL_DELETE_ACCOUNT', '', email), 60);
    clock.t += 15000;
    const { flow } = makeFlow(client, {}, shared);
    await flow.load();
    flow.open('delete');
    expect(flow.state).toMatchObject({ deleteMethod: 'email', codeEndsAt: { oldCode: 0, code: endsAt } });
    const before = srv.requests.length;
    await flow.sendCode('code');
    expect(since(before)).toEqual([]);
    flow.input('code', await U.emailCode(srv, email, 'CHANNEL_DELETE_ACCOUNT'));
    await flow.submit();
    expect(flow.state.confirming).toBe(true);
  });
});

describe('a component detached mid-request', () => {
  /** Starts `start()` on a loaded flow, detaches once `ready()` holds, and checks nothing renders or emits after. */
  async function detachedWhile(flow, rec, start, ready = () => true) {
    const running = start();
    await until(ready, 'the request on the wire');
    await expectSilentAfterDetach(flow, rec, running);
  }

  test('a change that fails after the component went away neither renders nor emits', async () => {
    const { flow, rec, password } = await loaded('password');
    flow.open('password');
    type(flow, { password, newPassword: 'Next@123456', confirmPassword: 'Next@123456' });
    await fault({ path: '/api/v3/update-password', kind: 'html500', count: 1 });
    const before = srv.requests.length;
    await detachedWhile(flow, rec, () => flow.submit());
    expect(since(before, '/api/v3/update-password')).toHaveLength(1);
    expect(since(before, '/api/v3/get-profile')).toEqual([]);
  });

  test('a deletion verification that fails after the component went away neither renders nor emits', async () => {
    const { flow, rec } = await loaded('password');
    flow.open('delete');
    flow.input('password', 'Wrong@123456');
    await detachedWhile(flow, rec, () => flow.submit());
  });

  test('the re-read after a change, answered after the component went away, neither renders nor emits', async () => {
    const { flow, rec, password, username } = await loaded('password');
    flow.open('password');
    type(flow, { password, newPassword: 'Next@123456', confirmPassword: 'Next@123456' });
    await fault({ path: '/api/v3/get-profile', kind: 'delay', delayMs: 400, count: 1 });
    const before = srv.requests.length;
    await detachedWhile(flow, rec, () => flow.submit(), () => since(before, '/api/v3/get-profile').length > 0);
    expect(await U.canLogIn(srv, username, 'Next@123456')).toBe(true); // the change itself went through
  });
});

describe('deletion: the final confirmation', () => {
  test('a double tap on the confirmation sends one deletion; a confirmation before any verification sends none', async () => {
    const { flow, rec, username, password } = await loaded('password');
    flow.open('delete');
    const before = srv.requests.length;
    await flow.confirmDelete(); // nothing verified yet
    expect(since(before)).toEqual([]);
    expect(rec.events).toEqual([]);
    flow.input('password', password);
    await flow.submit();
    expect(flow.state.confirming).toBe(true);
    const mark = srv.requests.length;
    await Promise.all([flow.confirmDelete(), flow.confirmDelete()]);
    expect(since(mark).map((r) => r.path)).toEqual(['/api/v3/delete-account']);
    expect(rec.events.filter((e) => e.name === 'account-delete')).toHaveLength(1);
    expect(errorsOf(rec)).toEqual([]);
    expect(flow.state).toMatchObject({ signedOut: true, notice: { tone: 'info', key: 'deleted' } });
    expect(await U.canLogIn(srv, username, password)).toBe(false);
  });
});

describe('bad input', () => {
  test('the error event says to fix the marked inputs and words each problem', async () => {
    const { flow, rec } = await loaded('phone');
    flow.open('email');
    flow.input('email', 'not-an-email');
    const before = srv.requests.length;
    await flow.submit();
    expect(errorsOf(rec)).toEqual([{
      action: 'bind-email', code: 'invalid_argument', message: T.invalid,
      error: { code: 'invalid_argument', message: T.invalid },
      fields: { email: T.invalidEmail, code: T.required.replace('{field}', T.field_code) },
    }]);
    expect(since(before)).toEqual([]);
  });
});

describe('the re-read after a change', () => {
  test('answering nothing: the change still succeeds, the summary stays, the event carries the action only', async () => {
    const { client, password, username } = await U.passwordUser(srv);
    const { flow, rec } = makeFlow(readsAs(client, [null, [null, null]])); // the first read is real
    await flow.load();
    const summary = flow.state.summary;
    expect(summary).toMatchObject({ username });
    flow.open('password');
    type(flow, { password, newPassword: 'Next@123456', confirmPassword: 'Next@123456' });
    await flow.submit();
    expect(flow.state).toMatchObject({ busy: null, dialog: null, errors: {}, notice: { tone: 'success', key: 'passwordChanged' } });
    expect(flow.state.summary).toEqual(summary);
    expect(changesOf(rec)).toHaveLength(1);
    expect(Object.keys(changesOf(rec)[0])).toEqual(['action']);
    expect(changesOf(rec)[0].action).toBe('update-password');
    expect(await U.canLogIn(srv, username, 'Next@123456')).toBe(true);
  });

  test('failing: the event carries the action only (no userInfo key at all)', async () => {
    const { flow, rec, password } = await loaded('password');
    flow.open('password');
    type(flow, { password, newPassword: 'Next@123456', confirmPassword: 'Next@123456' });
    await fault({ path: '/api/v3/get-profile', kind: 'html500', count: 1 });
    await flow.submit();
    expect(flow.state.notice).toEqual({ tone: 'success', key: 'passwordChanged' });
    expect(changesOf(rec).map((d) => Object.keys(d))).toEqual([['action']]);
  });
});

describe('what goes on the wire', () => {
  test('changing the email: the new address and both codes go trimmed', async () => {
    const { flow, rec, email } = await loaded('email');
    flow.open('email');
    expect(flow.fields).toEqual(['oldCode', 'email', 'code']);
    await U.pastCooldown(srv);
    await flow.sendCode('oldCode');
    const next = U.newEmail();
    flow.input('email', `  ${next} `);
    const before = srv.requests.length;
    await flow.sendCode('code');
    expect(bodyOf(before, '/api/v3/send-email')).toEqual({ email: next, channel: 'CHANNEL_UPDATE_EMAIL' });
    const oldCode = await U.emailCode(srv, email, 'CHANNEL_UPDATE_EMAIL');
    const newCode = await U.emailCode(srv, next, 'CHANNEL_UPDATE_EMAIL');
    type(flow, { oldCode: ` ${oldCode}`, code: `${newCode} ` });
    await flow.submit();
    expect(bodyOf(before, '/api/v3/verify-update-email-request')).toEqual({
      verifyMethod: 'EMAIL_PASSCODE',
      emailPassCodePayload: { newEmail: next, newEmailPassCode: newCode, oldEmail: email, oldEmailPassCode: oldCode },
    });
    expect(changesOf(rec).pop()).toMatchObject({ action: 'update-email', userInfo: { email: next } });
    expect(flow.state.summary.email).toBe(next);
  });

  test('changing the phone: the new number and both codes go trimmed', async () => {
    const { flow, rec, phone } = await loaded('phone');
    flow.open('phone');
    await U.pastCooldown(srv);
    await flow.sendCode('oldCode');
    const next = U.newPhone();
    flow.input('phone', ` ${next}  `);
    await flow.sendCode('code');
    const oldCode = await U.smsCode(srv, phone, 'CHANNEL_UNBIND_PHONE');
    const newCode = await U.smsCode(srv, next, 'CHANNEL_BIND_PHONE');
    type(flow, { oldCode: `${oldCode} `, code: ` ${newCode}` });
    const before = srv.requests.length;
    await flow.submit();
    expect(bodyOf(before, '/api/v3/verify-update-phone-request')).toEqual({
      verifyMethod: 'PHONE_PASSCODE',
      phonePassCodePayload: {
        newPhoneNumber: next, newPhonePassCode: newCode, newPhoneCountryCode: '+86',
        oldPhoneNumber: phone, oldPhonePassCode: oldCode, oldPhoneCountryCode: '+86',
      },
    });
    expect(changesOf(rec).pop()).toMatchObject({ action: 'update-phone', userInfo: { phone: next } });
  });

  test('a refusal that names the current code but is not a wrong code (the phone is gone from the account) shows on the dialog, not on that input', async () => {
    const { flow, rec, phone } = await loaded('phone');
    flow.open('phone');
    await U.pastCooldown(srv);
    await flow.sendCode('oldCode');
    const next = U.newPhone();
    flow.input('phone', next);
    await flow.sendCode('code');
    type(flow, { oldCode: await U.smsCode(srv, phone, 'CHANNEL_UNBIND_PHONE'), code: await U.smsCode(srv, next, 'CHANNEL_BIND_PHONE') });
    // The devserver's answer (apiCode 2031) when the account has no phone any more, e.g. unbound by an
    // admin after the page read the account: about the current phone, not a wrong code.
    const gone = '该账号没有手机号可验证：请不要发送 oldPhoneNumber / oldPhonePassCode（或使用 bind-phone）';
    await fault({ path: '/api/v3/verify-update-phone-request', kind: 'envelope', status: 400, apiCode: 2031, body: gone, count: 1 });
    await flow.submit();
    expect(flow.state).toMatchObject({ busy: null, dialog: 'phone', errors: {}, notice: { tone: 'error', error: { apiCode: 2031, message: gone } } });
    expect(errorsOf(rec).pop()).toMatchObject({ action: 'update-phone', message: gone });
    expect(flow.values.phone).toBe(next);
  });
});
