// <authing-account>'s flow at its edges (core/flows/account-flow): overlapping taps, a missing client, a
// failed read / request / re-read, a login gone elsewhere, countdowns on a fake clock, the deletion's
// method switch and refused confirmation, and a component detached mid-request. Real client and
// devserver over HTTP (faults injected there), a recording host; every test signs up its own user.
const { dev } = require('../../helpers/server');
const { expectSilentAfterDetach, recordingHost } = require('./flow-host');
const { AccountFlow, CountdownStore, T, useAccountServer } = require('./account-setup');
const U = require('../../helpers/account-users');

let srv;
useAccountServer((s) => { srv = s; });

/**
 * A flow whose client can be taken away (`link.gone = true`) and whose countdowns run on a fake clock
 * (`clock.t`).
 */
function makeFlow(client, config = {}) {
  const link = { gone: false };
  const clock = { t: 1700000000000 };
  const now = () => clock.t;
  const { host, rec } = recordingHost(T, { client, extra: client ? { getClient: () => (link.gone ? [{ code: 'invalid_options', message: T.notConfigured }] : [null, client]) } : {} });
  const flow = new AccountFlow(host, { encrypt: 'none', countdown: 60, ...config }, new CountdownStore({ storage: null, now }), now);
  return { flow, rec, link, clock };
}

async function loaded(kind, config) {
  const user = await U[`${kind}User`](srv);
  const made = makeFlow(user.client, config);
  await made.flow.load();
  expect(made.flow.state.summary).not.toBeNull();
  return { ...user, ...made };
}

/** A username + password user who also bound a phone: both deletion methods. */
async function passwordPhoneUser() {
  const user = await U.passwordUser(srv);
  const phone = U.newPhone();
  await U.pastCooldown(srv);
  await user.client.sendSms({ phoneNumber: phone, channel: 'CHANNEL_BIND_PHONE' });
  const [err] = await user.client.bindPhone({ phoneNumber: phone, passCode: await U.smsCode(srv, phone, 'CHANNEL_BIND_PHONE') });
  if (err) throw new Error(`bind failed: ${err.message}`);
  return { ...user, phone };
}

const since = (n, path) => srv.requests.slice(n).filter((r) => !path || r.path === path);
const bodyOf = (n, path) => JSON.parse(since(n, path)[0].body);
const fault = (spec) => dev(srv.url).post('/__dev/faults', spec);
const type = (flow, values) => { for (const [k, v] of Object.entries(values)) flow.input(k, v); };
const errorsOf = (rec) => rec.events.filter((e) => e.name === 'error').map((e) => e.detail);

describe('reading the account', () => {
  test('overlapping loads send one request; a failed read blocks with its reason, a retry unblocks', async () => {
    const { client, username } = await U.passwordUser(srv);
    const { flow, rec } = makeFlow(client);
    const before = srv.requests.length;
    const first = flow.load();
    const second = flow.load();
    expect(rec.changes).toBe(1);
    expect(flow.state.busy).toBe('load');
    await Promise.all([first, second]);
    expect(since(before, '/api/v3/get-profile')).toHaveLength(1);
    expect(rec.changes).toBe(2);
    expect(flow.state).toMatchObject({ busy: null, blocked: false, signedOut: false, summary: { username } });

    flow.open('password');
    await fault({ path: '/api/v3/get-profile', kind: 'html500', count: 1 });
    await flow.load();
    expect(flow.state).toMatchObject({ busy: null, blocked: true, signedOut: false, summary: null, dialog: null });
    const { notice } = flow.state;
    expect(notice.tone).toBe('error');
    expect(notice.error.message.startsWith('读取账号失败：')).toBe(true);
    expect(notice.error.message.length).toBeGreaterThan('读取账号失败：'.length);
    expect(errorsOf(rec).pop()).toMatchObject({ action: 'load', message: notice.error.message });
    expect(flow.fields).toEqual([]);
    expect(flow.deleteMethods).toEqual([]);

    const retry = flow.load();
    expect(flow.state).toMatchObject({ busy: 'load', blocked: false, notice: null });
    await retry;
    expect(flow.state).toMatchObject({ busy: null, blocked: false, signedOut: false, notice: null, summary: { username } });
  });

  test('nobody logged in: the client\'s own message, not "could not load"', async () => {
    const { flow, rec } = makeFlow(U.clientOf(srv));
    await flow.load();
    expect(flow.state).toMatchObject({ blocked: false, signedOut: true, notice: { tone: 'info', key: 'notLoggedIn' } });
    const [detail] = errorsOf(rec);
    const [own] = await U.clientOf(srv).getUserInfo();
    expect(detail).toMatchObject({ action: 'load', code: 'not_logged_in', message: own.message });
  });

  test('no client: blocked with the not-configured reason, nothing sent', async () => {
    const { flow, rec } = makeFlow(null);
    const before = srv.requests.length;
    await flow.load();
    expect(flow.state).toMatchObject({ busy: null, blocked: true, signedOut: false, summary: null });
    expect(flow.state.notice).toMatchObject({ tone: 'error', error: { code: 'invalid_options', message: `读取账号失败：${T.notConfigured}` } });
    expect(errorsOf(rec)).toEqual([expect.objectContaining({ action: 'load', code: 'invalid_options', message: `读取账号失败：${T.notConfigured}` })]);
    expect(since(before)).toEqual([]);
    flow.open('password'); // nothing to edit without an account
    expect(flow.state.dialog).toBeNull();
  });
});

describe('dialogs and typing', () => {
  test('typed values are strings; opening another dialog or closing drops them; no dialog while busy', async () => {
    const { flow, rec } = await loaded('password');
    flow.open('password');
    type(flow, { password: 'x', newPassword: null, confirmPassword: 123 });
    flow.input('other', undefined);
    expect(flow.values).toEqual({ password: 'x', newPassword: '', confirmPassword: '123', other: '' });
    await flow.submit();
    expect(Object.keys(flow.state.errors)).toEqual(['newPassword', 'confirmPassword']);
    const renders = rec.changes;
    flow.open('phone');
    expect(rec.changes - renders).toBe(1);
    expect(flow.state).toMatchObject({ dialog: 'phone', errors: {}, notice: null, confirming: false, codeEndsAt: { oldCode: 0, code: 0 } });
    expect(flow.values).toEqual({});
    flow.input('phone', '13900000000');
    flow.close();
    flow.close(); // already closed: no render
    expect(rec.changes - renders).toBe(2);
    expect(flow.state.dialog).toBeNull();
    expect(flow.values).toEqual({});

    flow.open('email');
    const reading = flow.load();
    flow.close(); // busy: the dialog stays
    flow.open('password');
    expect(flow.state.dialog).toBe('email');
    await reading;
    expect(flow.state.dialog).toBe('email');
  });
});

describe('changes', () => {
  test('a first password (no current one): only the new one is sent, unencrypted; the page then knows it is set', async () => {
    const { flow, rec } = await loaded('phone');
    expect(flow.state.summary.passwordSet).toBe(false);
    flow.open('password');
    expect(flow.fields).toEqual(['newPassword', 'confirmPassword']);
    type(flow, { newPassword: 'First@123456', confirmPassword: 'First@123456' });
    const before = srv.requests.length;
    await flow.submit();
    expect(bodyOf(before, '/api/v3/update-password')).toEqual({ newPassword: 'First@123456' });
    expect(flow.state.summary.passwordSet).toBe(true);
    expect(rec.events.find((e) => e.name === 'account-change').detail.action).toBe('update-password');
  });

  test('a change sends the current password as typed when encrypt is none', async () => {
    const { flow, password } = await loaded('password');
    flow.open('password');
    type(flow, { password, newPassword: 'Next@123456', confirmPassword: 'Next@123456' });
    const before = srv.requests.length;
    await flow.submit();
    expect(bodyOf(before, '/api/v3/update-password')).toEqual({ newPassword: 'Next@123456', oldPassword: password });
  });

  test('a first phone: the trimmed number with +86 and the trimmed code go to bind-phone', async () => {
    const { flow } = await loaded('password');
    const phone = U.newPhone();
    flow.open('phone');
    flow.input('phone', ` ${phone} `);
    await U.pastCooldown(srv);
    const before = srv.requests.length;
    await flow.sendCode('code');
    expect(bodyOf(before, '/api/v3/send-sms')).toEqual({ phoneNumber: phone, phoneCountryCode: '+86', channel: 'CHANNEL_BIND_PHONE' });
    const code = await U.smsCode(srv, phone, 'CHANNEL_BIND_PHONE');
    flow.input('code', ` ${code} `);
    await flow.submit();
    expect(bodyOf(before, '/api/v3/bind-phone')).toEqual({ phoneNumber: phone, passCode: code, phoneCountryCode: '+86' });
    expect(flow.state.summary.phone).toBe(phone);
  });

  test('a first email: the trimmed address and code go to bind-email', async () => {
    const { flow } = await loaded('phone');
    const email = U.newEmail();
    flow.open('email');
    flow.input('email', ` ${email} `);
    await U.pastCooldown(srv);
    const before = srv.requests.length;
    await flow.sendCode('code');
    const code = await U.emailCode(srv, email, 'CHANNEL_BIND_EMAIL');
    flow.input('code', ` ${code} `);
    await flow.submit();
    expect(bodyOf(before, '/api/v3/bind-email')).toEqual({ email, passCode: code });
    expect(flow.state.summary.email).toBe(email);
  });

  test('a change whose re-read fails still succeeds: the old summary stays, the event has no profile', async () => {
    const { flow, rec, password, username } = await loaded('password');
    const summary = flow.state.summary;
    flow.open('password');
    type(flow, { password, newPassword: 'Next@123456', confirmPassword: 'Next@123456' });
    await fault({ path: '/api/v3/get-profile', kind: 'html500', count: 1 });
    await flow.submit();
    expect(flow.state).toMatchObject({ busy: null, dialog: null, errors: {}, notice: { tone: 'success', key: 'passwordChanged' } });
    expect(flow.state.summary).toEqual(summary);
    expect(rec.events.filter((e) => e.name === 'account-change')).toEqual([{ name: 'account-change', detail: { action: 'update-password' } }]);
    expect(await U.canLogIn(srv, username, 'Next@123456')).toBe(true);
  });

  test('a failure about no input: the message on the dialog, what was typed kept, no input marked', async () => {
    const { flow, rec, password } = await loaded('password');
    flow.open('password');
    flow.input('password', password);
    await flow.submit();
    expect(Object.keys(flow.state.errors)).toEqual(['newPassword', 'confirmPassword']);
    const typed = { password, newPassword: 'Next@123456', confirmPassword: 'Next@123456' };
    type(flow, typed);
    await fault({ path: '/api/v3/update-password', kind: 'html500', count: 1 });
    const submitting = flow.submit();
    expect(flow.state).toMatchObject({ busy: 'submit', errors: {} });
    await submitting;
    expect(flow.state).toMatchObject({ busy: null, dialog: 'password', errors: {}, notice: { tone: 'error' } });
    expect(flow.values).toEqual(typed);
    expect(errorsOf(rec).pop()).toMatchObject({ action: 'update-password', message: flow.state.notice.error.message });
    expect(rec.events.some((e) => e.name === 'account-change')).toBe(false);
  });

  test('the login gone elsewhere: the next request signs the page out and drops the dialog and what was typed', async () => {
    const { flow, rec, client, password, username } = await loaded('password');
    flow.open('password');
    type(flow, { password, newPassword: 'Next@123456', confirmPassword: 'Next@123456' });
    await client.logout();
    await flow.submit();
    expect(flow.state).toMatchObject({
      busy: null, signedOut: true, blocked: false, summary: null, dialog: null, confirming: false, errors: {},
      notice: { tone: 'info', key: 'notLoggedIn' }, codeEndsAt: { oldCode: 0, code: 0 },
    });
    expect(flow.values).toEqual({});
    expect(errorsOf(rec).pop()).toMatchObject({ action: 'update-password', code: 'not_logged_in' });
    const renders = rec.changes;
    const before = srv.requests.length;
    await flow.logout(); // nobody to log out
    expect(rec.changes).toBe(renders);
    expect(since(before)).toEqual([]);

    await client.loginByPassword({ passwordPayload: { username, password } }); // back, elsewhere
    await flow.load();
    expect(flow.state).toMatchObject({ signedOut: false, blocked: false, notice: null, summary: { username } });
    const leaving = flow.logout();
    expect(flow.state.busy).toBe('logout');
    await leaving;
    expect(flow.state).toMatchObject({ busy: null, signedOut: true, notice: { tone: 'info', key: 'loggedOut' } });
  });

  test('the client gone after the read: each action says so where it was tapped, nothing sent, nothing lost', async () => {
    const { flow, rec, link } = await loaded('password');
    flow.open('phone');
    type(flow, { phone: U.newPhone(), code: '123456' });
    link.gone = true;
    const before = srv.requests.length;
    await flow.sendCode('code');
    expect(flow.state).toMatchObject({ busy: null, notice: { tone: 'error', error: { code: 'invalid_options' } } });
    await flow.submit();
    await flow.logout();
    expect(errorsOf(rec).map((e) => [e.action, e.code])).toEqual([['send-code', 'invalid_options'], ['bind-phone', 'invalid_options'], ['logout', 'invalid_options']]);
    expect(flow.state).toMatchObject({ busy: null, signedOut: false, dialog: 'phone' });
    expect(flow.values.code).toBe('123456');
    expect(since(before)).toEqual([]);
  });
});

describe('codes and countdowns', () => {
  test('send checks merge with the inputs\' errors; a send clears its own; each code button shows its own busy state', async () => {
    const { flow, rec, clock, phone } = await loaded('phone', { countdown: 30 });
    const required = (field) => ({ key: 'required', params: { field } });
    flow.open('phone');
    await flow.submit();
    expect(flow.state.errors).toEqual({ oldCode: required('oldCode'), phone: required('phone'), code: required('code') });
    const t0 = clock.t;
    await U.pastCooldown(srv);
    const oldSend = flow.sendCode('oldCode');
    expect(flow.state.busy).toBe('send-oldCode');
    await oldSend;
    expect(flow.state.errors).toEqual({ phone: required('phone'), code: required('code') });
    expect(flow.state.codeEndsAt).toEqual({ oldCode: t0 + 30000, code: 0 });

    flow.input('phone', '123');
    const before = srv.requests.length;
    await flow.sendCode('code');
    expect(flow.state.errors).toEqual({ phone: { key: 'invalidPhone' }, code: required('code') });
    expect(errorsOf(rec).pop()).toMatchObject({ action: 'send-code', code: 'invalid_argument', fields: { phone: T.invalidPhone } });
    expect(since(before)).toEqual([]);

    const next = U.newPhone();
    flow.input('phone', next);
    clock.t = t0 + 5000;
    const sending = flow.sendCode('code');
    expect(flow.state.busy).toBe('send-code');
    await sending;
    expect(flow.state.errors).toEqual({});
    expect(flow.state.codeEndsAt).toEqual({ oldCode: t0 + 30000, code: t0 + 35000 });
    expect(bodyOf(before, '/api/v3/send-sms')).toMatchObject({ phoneNumber: next, channel: 'CHANNEL_BIND_PHONE' });

    const mark = srv.requests.length;
    await flow.sendCode('code'); // its countdown runs
    await flow.sendCode('oldCode');
    expect(since(mark)).toEqual([]);
    clock.t = t0 + 30000; // the current number's countdown ends exactly now: it may be sent again
    flow.setConfig({ encrypt: 'none', countdown: 10 });
    await U.pastCooldown(srv);
    await flow.sendCode('oldCode');
    expect(bodyOf(mark, '/api/v3/send-sms')).toMatchObject({ phoneNumber: phone, channel: 'CHANNEL_UNBIND_PHONE' });
    expect(flow.state.codeEndsAt).toEqual({ oldCode: t0 + 40000, code: t0 + 35000 });

    const renders = rec.changes;
    clock.t = t0 + 35000; // the new number's countdown ends exactly now
    flow.countdownTick();
    expect(rec.changes - renders).toBe(1);
    expect(flow.state.codeEndsAt).toEqual({ oldCode: t0 + 40000, code: 0 });
    clock.t = t0 + 40000;
    flow.countdownTick();
    expect(flow.state.codeEndsAt).toEqual({ oldCode: 0, code: 0 });
  });

  test('a send refused for the new number sits on its input (other inputs\' errors kept); for the current one, on the dialog', async () => {
    const { flow, rec } = await loaded('phone');
    flow.open('phone');
    await flow.submit();
    flow.input('phone', U.newPhone());
    await U.pastCooldown(srv);
    await fault({ path: '/api/v3/send-sms', kind: 'envelope', status: 400, apiCode: 3101, body: 'bad number', count: 2 });
    await flow.sendCode('code');
    expect(flow.state).toMatchObject({ busy: null, notice: null, codeEndsAt: { oldCode: 0, code: 0 } });
    expect(Object.keys(flow.state.errors)).toEqual(['oldCode', 'phone']);
    expect(flow.state.errors.phone.error).toMatchObject({ apiCode: 3101, message: 'bad number' });
    expect(errorsOf(rec).pop()).toMatchObject({ action: 'send-code', message: 'bad number' });
    await flow.sendCode('oldCode');
    expect(Object.keys(flow.state.errors)).toEqual(['phone']);
    expect(flow.state.notice).toMatchObject({ tone: 'error', error: { apiCode: 3101 } });
  });

  test('reopening a dialog shows the current contact\'s countdown still running; the password dialog sends no code', async () => {
    const { flow, rec, clock, phone } = await loaded('phone');
    flow.open('phone');
    await U.pastCooldown(srv);
    const before = srv.requests.length;
    await flow.sendCode('oldCode');
    expect(bodyOf(before, '/api/v3/send-sms')).toMatchObject({ phoneNumber: phone, phoneCountryCode: '+86', channel: 'CHANNEL_UNBIND_PHONE' });
    const endsAt = flow.state.codeEndsAt.oldCode;
    expect(endsAt).toBe(clock.t + 60000);
    flow.close();
    clock.t += 1000;
    flow.open('phone');
    expect(flow.state.codeEndsAt).toEqual({ oldCode: endsAt, code: 0 });
    clock.t = endsAt;
    flow.close();
    flow.open('phone');
    expect(flow.state.codeEndsAt).toEqual({ oldCode: 0, code: 0 });

    flow.open('password');
    const renders = rec.changes;
    const mark = srv.requests.length;
    await flow.sendCode('code');
    expect(rec.changes).toBe(renders);
    expect(since(mark)).toEqual([]);
  });

  test('a failed send: the message on the dialog, no countdown, the typed address kept', async () => {
    const { flow, rec } = await loaded('phone');
    flow.open('email');
    const email = U.newEmail();
    flow.input('email', email);
    await U.pastCooldown(srv);
    await fault({ path: '/api/v3/send-email', kind: 'html500', count: 1 });
    await flow.sendCode('code');
    expect(flow.state).toMatchObject({ busy: null, errors: {}, notice: { tone: 'error' }, codeEndsAt: { oldCode: 0, code: 0 } });
    expect(flow.values.email).toBe(email);
    expect(errorsOf(rec).pop()).toMatchObject({ action: 'send-code' });
  });
});

describe('deleting the account', () => {
  test('the method switch: only offered ones, typed values dropped, the chosen method\'s countdown shown', async () => {
    const user = await passwordPhoneUser();
    const { flow, rec, clock } = makeFlow(user.client);
    await flow.load();
    flow.open('password');
    let renders = rec.changes;
    flow.setDeleteMethod('phone'); // not in the deletion dialog
    expect(rec.changes).toBe(renders);
    flow.open('delete');
    expect(flow.deleteMethods).toEqual(['password', 'phone']);
    expect(flow.state.deleteMethod).toBe('password');
    expect(flow.fields).toEqual(['password']);
    flow.input('password', 'typed');
    renders = rec.changes;
    flow.setDeleteMethod('email'); // not offered: no email
    flow.setDeleteMethod('password'); // already chosen
    expect(rec.changes).toBe(renders);
    expect(flow.values).toEqual({ password: 'typed' });
    await flow.submit();
    expect(flow.state.errors.password.error.apiCode).toBe(2034);
    renders = rec.changes;
    flow.setDeleteMethod('phone');
    expect(rec.changes - renders).toBe(1);
    expect(flow.state).toMatchObject({ deleteMethod: 'phone', errors: {}, notice: null, codeEndsAt: { oldCode: 0, code: 0 } });
    expect(flow.fields).toEqual(['code']);
    expect(flow.values).toEqual({});

    await U.pastCooldown(srv);
    const before = srv.requests.length;
    const sending = flow.sendCode('code');
    flow.setDeleteMethod('password'); // busy: the method stays
    expect(flow.state.deleteMethod).toBe('phone');
    await sending;
    expect(bodyOf(before, '/api/v3/send-sms')).toMatchObject({ phoneNumber: user.phone, channel: 'CHANNEL_DELETE_ACCOUNT' });
    const endsAt = flow.state.codeEndsAt.code;
    expect(endsAt).toBe(clock.t + 60000);
    flow.setDeleteMethod('password');
    expect(flow.state.codeEndsAt).toEqual({ oldCode: 0, code: 0 });
    flow.setDeleteMethod('phone');
    expect(flow.state.codeEndsAt).toEqual({ oldCode: 0, code: endsAt });

    flow.input('code', await U.smsCode(srv, user.phone, 'CHANNEL_DELETE_ACCOUNT'));
    const verify = srv.requests.length;
    await flow.submit();
    expect(bodyOf(verify, '/api/v3/verify-delete-account-request')).toMatchObject({ verifyMethod: 'PHONE_PASSCODE', phonePassCodePayload: { phoneNumber: user.phone, phoneCountryCode: '+86' } });
    expect(flow.state.confirming).toBe(true);
  });

  test('verified: no second verification; a refused confirmation goes back to the verification; the client gone is said', async () => {
    const { flow, rec, link, username, password } = await loaded('password');
    flow.open('delete');
    flow.input('password', password);
    const before = srv.requests.length;
    await flow.submit();
    expect(bodyOf(before, '/api/v3/verify-delete-account-request')).toEqual({ verifyMethod: 'PASSWORD', passwordPayload: { password } });
    expect(flow.state.confirming).toBe(true);
    const mark = srv.requests.length;
    await flow.submit(); // already verified
    expect(since(mark)).toEqual([]);

    link.gone = true;
    await flow.confirmDelete();
    expect(errorsOf(rec).pop()).toMatchObject({ action: 'delete-account', code: 'invalid_options' });
    expect(flow.state).toMatchObject({ confirming: true, busy: null });
    link.gone = false;

    await fault({ path: '/api/v3/delete-account', kind: 'envelope', status: 400, body: 'token used', count: 1 });
    const confirming = flow.confirmDelete();
    expect(flow.state).toMatchObject({ busy: 'confirm', notice: null });
    await confirming;
    expect(flow.state).toMatchObject({ confirming: false, busy: null, dialog: 'delete', signedOut: false, notice: { tone: 'error', error: { message: 'token used' } } });
    expect(errorsOf(rec).pop()).toMatchObject({ action: 'delete-account', message: 'token used' });
    const renders = rec.changes;
    const after = srv.requests.length;
    await flow.confirmDelete(); // the token is gone: verify again
    expect(rec.changes).toBe(renders);
    expect(since(after)).toEqual([]);
    expect(await U.canLogIn(srv, username, password)).toBe(true);
  });

  test('by email code (spaces around the code ignored): the account\'s own address verifies it', async () => {
    const { flow, rec, email } = await loaded('email');
    flow.open('delete');
    expect(flow.state.deleteMethod).toBe('email');
    await U.pastCooldown(srv);
    const before = srv.requests.length;
    await flow.sendCode('code');
    expect(bodyOf(before, '/api/v3/send-email')).toEqual({ email, channel: 'CHANNEL_DELETE_ACCOUNT' });
    const code = await U.emailCode(srv, email, 'CHANNEL_DELETE_ACCOUNT');
    flow.input('code', ` ${code} `);
    await flow.submit();
    expect(bodyOf(before, '/api/v3/verify-delete-account-request')).toEqual({ verifyMethod: 'EMAIL_PASSCODE', emailPassCodePayload: { email, passCode: code } });
    await flow.confirmDelete();
    expect(rec.events.filter((e) => e.name === 'account-delete')).toHaveLength(1);
  });

  test('encrypt rsa: the verifying password goes encrypted', async () => {
    require('../../../miniprogram_dist/crypto/rsa');
    const { flow, password } = await loaded('password', { encrypt: 'rsa' });
    flow.open('delete');
    flow.input('password', password);
    const before = srv.requests.length;
    await flow.submit();
    const sent = bodyOf(before, '/api/v3/verify-delete-account-request').passwordPayload;
    expect(sent.passwordEncryptType).toBe('rsa');
    expect(sent.password).not.toBe(password);
    expect(flow.state.confirming).toBe(true);
  });
});

describe('a component detached mid-request', () => {
  /** A loaded flow on `client`, set up by `prepare`, detached right after the call it returns starts. */
  async function detachedDuring(client, prepare) {
    const { flow, rec } = makeFlow(client);
    await flow.load();
    const start = await prepare(flow);
    await expectSilentAfterDetach(flow, rec, start());
  }

  test('late answers of a read, a send, a verification, a change and a logout neither render nor emit', async () => {
    const { client, password } = await U.passwordUser(srv);
    await detachedDuring(client, (flow) => () => flow.load());
    await detachedDuring(client, async (flow) => {
      flow.open('phone');
      flow.input('phone', U.newPhone());
      await U.pastCooldown(srv);
      return () => flow.sendCode('code');
    });
    await detachedDuring(client, (flow) => {
      flow.open('delete');
      flow.input('password', password);
      return () => flow.submit();
    });
    await detachedDuring(client, (flow) => {
      flow.open('password');
      type(flow, { password, newPassword: 'Next@123456', confirmPassword: 'Next@123456' });
      return () => flow.submit();
    });
    expect(await U.canLogIn(srv, (await client.getUserInfo())[1].username, 'Next@123456')).toBe(true); // it went through
    await detachedDuring(client, (flow) => () => flow.logout());
  });

  test('a late confirmation of a deletion neither renders nor emits', async () => {
    const { client, password, username } = await U.passwordUser(srv);
    await detachedDuring(client, async (flow) => {
      flow.open('delete');
      flow.input('password', password);
      await flow.submit();
      expect(flow.state.confirming).toBe(true);
      return () => flow.confirmDelete();
    });
    expect(await U.canLogIn(srv, username, password)).toBe(false);
  });
});
