// The <authing-account> flow (core/flows/account-flow) without any simulator: a recording host, the REAL
// client (with the account module) and one devserver over HTTP; every test signs up its own user. Bad input
// sends nothing; wrong passwords and codes land on their input with what was typed kept; changes are
// checked on the server (login with the old / new password, the profile read back).
const { recordingHost } = require('./flow-host');
const { AccountFlow, CountdownStore, T, useAccountServer } = require('./account-setup');
const U = require('../../helpers/account-users');

let srv;
useAccountServer((s) => { srv = s; });

function makeFlow(client, config = {}) {
  const { host, rec } = recordingHost(T, { client });
  const flow = new AccountFlow(host, { encrypt: 'none', countdown: 60, ...config }, new CountdownStore({ storage: null }));
  return { flow, rec };
}

/** A loaded flow over a fresh user of `kind`. */
async function loaded(kind) {
  const user = await U[`${kind}User`](srv);
  const { flow, rec } = makeFlow(user.client);
  await flow.load();
  expect(flow.state.summary).not.toBeNull();
  return { ...user, flow, rec };
}

const requestsSince = (n) => srv.requests.slice(n).map((r) => r.path);
const type = (flow, values) => { for (const [k, v] of Object.entries(values)) flow.input(k, v); };
const errorsOf = (rec) => rec.events.filter((e) => e.name === 'error').map((e) => e.detail);

describe('load', () => {
  test('shows the username, masked phone / email and whether a password is set', async () => {
    const { flow, username } = await loaded('password');
    expect(flow.state.summary).toMatchObject({ username, phone: '', email: '', passwordSet: true, phoneMasked: '', emailMasked: '' });
    const phoneUser = await loaded('phone');
    expect(phoneUser.flow.state.summary.passwordSet).toBe(false);
    expect(phoneUser.flow.state.summary.phoneMasked).toBe(`${phoneUser.phone.slice(0, 3)}****${phoneUser.phone.slice(-4)}`);
    const emailUser = await loaded('email');
    expect(emailUser.flow.state.summary.emailMasked).toBe(`a***@example.com`);
  });

  test('nobody logged in: the calm signed-out state and error {action: load, code: not_logged_in}', async () => {
    const { flow, rec } = makeFlow(U.clientOf(srv));
    await flow.load();
    expect(flow.state).toMatchObject({ signedOut: true, blocked: false, summary: null, notice: { tone: 'info', key: 'notLoggedIn' } });
    expect(errorsOf(rec)).toEqual([expect.objectContaining({ action: 'load', code: 'not_logged_in' })]);
  });
});

describe('change password', () => {
  test('bad input: on its inputs, the policy in the message, an error event, zero requests', async () => {
    const { flow, rec } = await loaded('password');
    flow.open('password');
    expect(flow.fields).toEqual(['password', 'newPassword', 'confirmPassword']);
    const before = srv.requests.length;
    const renders = rec.changes;
    await flow.submit();
    expect(flow.state.errors).toEqual({
      password: { key: 'required', params: { field: 'password' } },
      newPassword: { key: 'required', params: { field: 'newPassword' } },
      confirmPassword: { key: 'required', params: { field: 'confirmPassword' } },
    });
    type(flow, { password: 'x', newPassword: '12345', confirmPassword: '12345' });
    await flow.submit();
    expect(flow.state.errors).toEqual({ newPassword: { key: 'invalidPassword', params: { min: 6, max: 64 } } });
    type(flow, { newPassword: 'Next@123456', confirmPassword: 'Next@1234567' });
    await flow.submit();
    expect(flow.state.errors).toEqual({ confirmPassword: { key: 'passwordMismatch' } });
    expect(rec.changes - renders).toBe(3); // one render per tap
    expect(requestsSince(before)).toEqual([]);
    const last = errorsOf(rec).pop();
    expect(last).toMatchObject({ action: 'update-password', code: 'invalid_argument', fields: { confirmPassword: '两次输入的新密码不一致' } });
    expect(flow.values).toMatchObject({ password: 'x', newPassword: 'Next@123456' }); // nothing typed is lost
  });

  test('a wrong current password sits on its input, typed values kept; the right one changes it (old refused at login)', async () => {
    const { flow, rec, username, password } = await loaded('password');
    flow.open('password');
    type(flow, { password: 'Wrong@123456', newPassword: 'Next@123456', confirmPassword: 'Next@123456' });
    await flow.submit();
    expect(flow.state.busy).toBeNull();
    expect(flow.state.errors.password.error).toMatchObject({ apiCode: 2006 });
    expect(flow.state.dialog).toBe('password');
    expect(flow.values).toEqual({ password: 'Wrong@123456', newPassword: 'Next@123456', confirmPassword: 'Next@123456' });
    expect(errorsOf(rec).pop()).toMatchObject({ action: 'update-password' });
    flow.input('password', password);
    const renders = rec.changes;
    await flow.submit();
    expect(rec.changes - renders).toBe(2); // busy, settled
    expect(flow.state).toMatchObject({ dialog: null, busy: null, errors: {}, notice: { tone: 'success', key: 'passwordChanged' } });
    expect(flow.values).toEqual({}); // passwords dropped
    const change = rec.events.find((e) => e.name === 'account-change');
    expect(change.detail).toMatchObject({ action: 'update-password', userInfo: { username } });
    expect(JSON.stringify(rec.events)).not.toContain('Next@123456');
    expect(await U.canLogIn(srv, username, password)).toBe(false);
    expect(await U.canLogIn(srv, username, 'Next@123456')).toBe(true);
  });

  test('encrypt rsa: both passwords go encrypted (the devserver decrypts them)', async () => {
    require('../../../miniprogram_dist/crypto/rsa');
    const { client, username, password } = await U.passwordUser(srv);
    const { flow } = makeFlow(client, { encrypt: 'rsa' });
    await flow.load();
    flow.open('password');
    type(flow, { password, newPassword: 'Rsa@1234567', confirmPassword: 'Rsa@1234567' });
    const before = srv.requests.length;
    await flow.submit();
    expect(flow.state.notice).toEqual({ tone: 'success', key: 'passwordChanged' });
    const sent = JSON.parse(srv.requests.slice(before).find((r) => r.path === '/api/v3/update-password').body);
    expect(sent.passwordEncryptType).toBe('rsa');
    expect(sent.newPassword).not.toBe('Rsa@1234567');
    expect(sent.oldPassword).not.toBe(password);
    expect(await U.canLogIn(srv, username, 'Rsa@1234567')).toBe(true);
  });
});

describe('phone', () => {
  test('bind a first phone: bad number refused before any send; a wrong code on the code input; the right one binds', async () => {
    const { flow, rec } = await loaded('password');
    flow.open('phone');
    expect(flow.fields).toEqual(['phone', 'code']);
    const before = srv.requests.length;
    flow.input('phone', '12345');
    await flow.sendCode('code');
    expect(flow.state.errors).toEqual({ phone: { key: 'invalidPhone' } });
    expect(requestsSince(before)).toEqual([]);
    const phone = U.newPhone();
    flow.input('phone', phone);
    await U.pastCooldown(srv);
    await flow.sendCode('code');
    expect(flow.state.errors).toEqual({});
    expect(flow.state.codeEndsAt.code).toBeGreaterThan(Date.now());
    const code = await U.smsCode(srv, phone, 'CHANNEL_BIND_PHONE');
    flow.input('code', code === '000000' ? '111111' : '000000');
    await flow.submit();
    expect(flow.state.errors.code.error).toMatchObject({ apiCode: 2001 });
    expect(flow.values.phone).toBe(phone);
    flow.input('code', code);
    await flow.submit();
    expect(flow.state.notice).toEqual({ tone: 'success', key: 'phoneChanged' });
    expect(rec.events.find((e) => e.name === 'account-change').detail).toMatchObject({ action: 'bind-phone', userInfo: { phone } });
    expect(flow.state.summary.phone).toBe(phone);
  });

  test('change the phone: codes to the current and the new number; a wrong current code on its own input', async () => {
    const { flow, rec, phone } = await loaded('phone');
    flow.open('phone');
    expect(flow.fields).toEqual(['oldCode', 'phone', 'code']);
    await U.pastCooldown(srv);
    await flow.sendCode('oldCode');
    const oldCode = await U.smsCode(srv, phone, 'CHANNEL_UNBIND_PHONE');
    expect(oldCode).toMatch(/^\d{6}$/);
    const next = U.newPhone();
    flow.input('phone', next);
    await flow.sendCode('code');
    const newCode = await U.smsCode(srv, next, 'CHANNEL_BIND_PHONE');
    type(flow, { oldCode: oldCode === '000000' ? '111111' : '000000', code: newCode });
    await flow.submit();
    expect(Object.keys(flow.state.errors)).toEqual(['oldCode']);
    expect(flow.state.errors.oldCode.error.apiCode).toBe(2001);
    flow.input('oldCode', oldCode);
    const before = srv.requests.length;
    await flow.submit();
    expect(requestsSince(before)).toEqual(['/api/v3/verify-update-phone-request', '/api/v3/update-phone', '/api/v3/get-profile']);
    expect(rec.events.find((e) => e.name === 'account-change').detail).toMatchObject({ action: 'update-phone', userInfo: { phone: next } });
    expect(flow.state.summary.phone).toBe(next);
  });

  test('the new number equal to the current one is refused on its input, zero requests', async () => {
    const { flow, phone } = await loaded('phone');
    flow.open('phone');
    flow.input('phone', phone);
    const before = srv.requests.length;
    await flow.sendCode('code');
    expect(flow.state.errors).toEqual({ phone: { key: 'samePhone' } });
    expect(requestsSince(before)).toEqual([]);
  });
});

describe('email', () => {
  test('bind an email, then change it (codes to both addresses)', async () => {
    const { flow, rec } = await loaded('password');
    flow.open('email');
    const first = U.newEmail();
    flow.input('email', 'not-an-email');
    await flow.submit();
    expect(flow.state.errors).toMatchObject({ email: { key: 'invalidEmail' }, code: { key: 'required', params: { field: 'code' } } });
    flow.input('email', first);
    await U.pastCooldown(srv);
    await flow.sendCode('code');
    flow.input('code', await U.emailCode(srv, first, 'CHANNEL_BIND_EMAIL'));
    await flow.submit();
    expect(rec.events.filter((e) => e.name === 'account-change').pop().detail).toMatchObject({ action: 'bind-email', userInfo: { email: first } });

    flow.open('email');
    expect(flow.fields).toEqual(['oldCode', 'email', 'code']);
    await U.pastCooldown(srv);
    await flow.sendCode('oldCode');
    const second = U.newEmail();
    flow.input('email', second);
    await flow.sendCode('code');
    type(flow, { oldCode: await U.emailCode(srv, first, 'CHANNEL_UPDATE_EMAIL'), code: await U.emailCode(srv, second, 'CHANNEL_UPDATE_EMAIL') });
    await flow.submit();
    expect(rec.events.filter((e) => e.name === 'account-change').pop().detail).toMatchObject({ action: 'update-email', userInfo: { email: second } });
    expect(flow.state.summary.emailMasked).toBe('a***@example.com');
  });
});

describe('delete the account', () => {
  test('by password: a wrong one on its input; the right one asks for the final confirmation; then gone (login refused)', async () => {
    const { flow, rec, username, password } = await loaded('password');
    flow.open('delete');
    expect(flow.deleteMethods).toEqual(['password']);
    const before = srv.requests.length;
    await flow.submit();
    expect(flow.state.errors).toEqual({ password: { key: 'required', params: { field: 'password' } } });
    expect(requestsSince(before)).toEqual([]);
    flow.input('password', 'Wrong@123456');
    await flow.submit();
    expect(flow.state.errors.password.error.apiCode).toBe(2034);
    expect(flow.state.confirming).toBe(false);
    flow.input('password', password);
    await flow.submit();
    expect(flow.state).toMatchObject({ confirming: true, busy: null, dialog: 'delete' });
    expect(await U.canLogIn(srv, username, password)).toBe(true); // nothing deleted before the confirmation
    await flow.confirmDelete();
    expect(flow.state).toMatchObject({ signedOut: true, summary: null, dialog: null, notice: { tone: 'info', key: 'deleted' } });
    expect(rec.events.filter((e) => e.name === 'account-delete')).toEqual([{ name: 'account-delete', detail: {} }]);
    expect(await U.canLogIn(srv, username, password)).toBe(false);
    const [stateErr] = await flow['host'].getClient()[1].getLoginState();
    expect(stateErr.code).toBe('not_logged_in');
  });

  test('by phone code (an account without a password); closing the popup drops the verification', async () => {
    const { flow, rec, phone } = await loaded('phone');
    flow.open('delete');
    expect(flow.deleteMethods).toEqual(['phone']);
    expect(flow.fields).toEqual(['code']);
    await U.pastCooldown(srv);
    await flow.sendCode('code');
    flow.input('code', await U.smsCode(srv, phone, 'CHANNEL_DELETE_ACCOUNT'));
    await flow.submit();
    expect(flow.state.confirming).toBe(true);
    flow.close();
    expect(flow.state).toMatchObject({ dialog: null, confirming: false });
    await flow.confirmDelete(); // nothing to confirm any more
    expect(rec.events.some((e) => e.name === 'account-delete')).toBe(false);
    flow.open('delete');
    await U.pastCooldown(srv);
    expect(flow.state.codeEndsAt.code).toBeGreaterThan(Date.now()); // the countdown of that number still runs
  });
});

describe('logout', () => {
  test('logout: the signed-out state and `logout`; a failed one keeps the user signed in', async () => {
    const { flow, rec, client } = await loaded('password');
    await require('../../helpers/server').dev(srv.url).post('/__dev/faults', { path: '/oidc/token/revocation', kind: 'html500', count: 1 });
    await flow.logout();
    expect(flow.state).toMatchObject({ signedOut: false, busy: null, notice: { tone: 'error' } });
    expect(errorsOf(rec).pop()).toMatchObject({ action: 'logout' });
    expect((await client.getLoginState())[0]).toBeNull();
    await flow.logout();
    expect(flow.state).toMatchObject({ signedOut: true, notice: { tone: 'info', key: 'loggedOut' } });
    expect(rec.events.filter((e) => e.name === 'logout')).toEqual([{ name: 'logout', detail: {} }]);
    expect((await client.getLoginState())[0].code).toBe('not_logged_in');
  });
});
