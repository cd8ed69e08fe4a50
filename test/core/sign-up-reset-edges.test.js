// Edges of the sign-up and reset-password argument checks (sign-up-reset.test.js has the flows):
// which field or parameter a refusal names (en-US), and what an accepted argument looks like on the
// wire — trimmed values, the password as typed, empty optional fields left out, the phone winning
// over the email, the completion fields of the profile.
const { core, setup, bodyOf } = require('./support');

let t;
beforeAll(async () => { t = await setup(); });
afterAll(() => t.close());
beforeEach(() => { t.mark(); t.wx.clearStorageSync(); });

let seq = 0;
const PASSWORD = 'Signup@123';
const byPassword = (extra = {}) => ({ connection: 'PASSWORD', passwordPayload: { username: `edges-${++seq}`, password: PASSWORD }, ...extra });
const byCode = (payload, extra = {}) => ({ connection: 'PASSCODE', passCodePayload: { passCode: '123456', ...payload }, ...extra });

// [what, signUp argument, message key, params]
const REFUSED = [
  ['not an object', 'PASSWORD', 'invalidParam', { name: 'connection' }],
  ['options not an object', byPassword({ options: 'fast' }), 'invalidParam', { name: 'options' }],
  ['non-string clientIp', byPassword({ options: { clientIp: 7 } }), 'invalidParam', { name: 'clientIp' }],
  ['non-string phone completion code', byPassword({ options: { phonePassCodeForInformationCompletion: 123456 } }), 'invalidParam', { name: 'phonePassCodeForInformationCompletion' }],
  ['non-string email completion code', byPassword({ options: { emailPassCodeForInformationCompletion: 123456 } }), 'invalidParam', { name: 'emailPassCodeForInformationCompletion' }],
  ['context not an object', byPassword({ options: { context: 'ctx' } }), 'invalidParam', { name: 'context' }],
  ['PASSWORD without its payload', { connection: 'PASSWORD' }, 'required', { field: 'username' }],
  ['PASSWORD with a whitespace username', { connection: 'PASSWORD', passwordPayload: { username: '  ', password: PASSWORD } }, 'required', { field: 'username' }],
  ['PASSWORD with a bidi-override username', { connection: 'PASSWORD', passwordPayload: { username: 'ab\u202Ecd', password: PASSWORD } }, 'invalidText', { field: 'username' }],
  ['PASSWORD with a malformed email next to a username', { connection: 'PASSWORD', passwordPayload: { username: 'fine', email: 'a@', password: PASSWORD } }, 'invalidEmail'],
  ['PASSWORD without a password', { connection: 'PASSWORD', passwordPayload: { username: 'fine' } }, 'required', { field: 'password' }],
  ['PASSCODE without its payload', { connection: 'PASSCODE' }, 'required', { field: 'phone' }],
  ['PASSCODE with neither phone nor email', byCode({ phone: '', email: null }), 'required', { field: 'phone' }],
  ['PASSCODE with an unknown country code', byCode({ phone: '13700000000', phoneCountryCode: '+999' }), 'invalidCountryCode'],
  ['PASSCODE with a malformed email', byCode({ email: 'a@' }), 'invalidEmail'],
  ['PASSCODE without a code', byCode({ email: 'a@example.com', passCode: '' }), 'required', { field: 'code' }],
  ['a string as the profile', byPassword({ profile: 'me' }), 'invalidParam', { name: 'profile' }],
  ['a 256-character nickname', byPassword({ profile: { nickname: 'n'.repeat(256) } }), 'tooLong', { field: 'nickname', max: 255 }],
  ['a 256-character givenName', byPassword({ profile: { givenName: 'g'.repeat(256) } }), 'tooLong', { field: 'givenName', max: 255 }],
  ['a 1025-character website', byPassword({ profile: { website: `https://${'w'.repeat(1017)}` } }), 'tooLong', { field: 'website', max: 1024 }],
  ['a non-string locale', byPassword({ profile: { locale: 5 } }), 'invalidText', { field: 'locale' }],
  ['a malformed profile phone', byPassword({ profile: { phone: '123' }, options: { phonePassCodeForInformationCompletion: '123456' } }), 'invalidPhone'],
  ['a profile phone under an unknown country code', byPassword({ profile: { phone: '13700000000', phoneCountryCode: '+999' }, options: { phonePassCodeForInformationCompletion: '123456' } }), 'invalidCountryCode'],
  ['a malformed profile email', byPassword({ profile: { email: 'a@' }, options: { emailPassCodeForInformationCompletion: '123456' } }), 'invalidEmail'],
  ['a profile email without its code', byPassword({ profile: { email: 'a@example.com' } }), 'required', { field: 'code' }],
];

describe('refused sign-up arguments name what is wrong (en-US), before any request', () => {
  // Rows without params get an explicit undefined: test.each must not mistake the 4th argument for `done`.
  test.each(REFUSED.map((r) => [r[0], r[1], r[2], r[3]]))('%s', async (_what, data, key, params) => {
    const [err, user] = await t.client({ lang: 'en-US' }).signUp(data);
    expect(user).toBeUndefined();
    expect(err).toEqual(expect.objectContaining({ code: 'invalid_argument', message: core.translate('en-US', key, params || {}) }));
    expect(t.sent()).toHaveLength(0);
  });

  test('reset password: the refusals name the argument', async () => {
    const client = t.client({ lang: 'en-US' });
    const cases = [
      [client.verifyResetPasswordRequest(undefined), 'invalidParam', { name: 'verifyMethod' }],
      [client.verifyResetPasswordRequest({ verifyMethod: 'FACE' }), 'invalidVerifyMethod', { method: 'FACE' }],
      [client.verifyResetPasswordRequest({ verifyMethod: 7 }), 'invalidParam', { name: 'verifyMethod' }],
      [client.verifyResetPasswordRequest({ verifyMethod: 'PHONE_PASSCODE' }), 'required', { field: 'phone' }],
      [client.resetPassword(undefined), 'required', { field: 'password' }],
      [client.resetPassword({ passwordResetToken: 'abc' }), 'required', { field: 'password' }],
    ];
    for (const [promise, key, params] of cases) {
      expect((await promise)[0]).toEqual(expect.objectContaining({ code: 'invalid_argument', message: core.translate('en-US', key, params) }));
    }
    expect(t.sent()).toHaveLength(0);
  });
});

describe('accepted sign-up arguments on the wire', () => {
  const sentBody = () => {
    const reqs = t.sent('/api/v3/signup');
    expect(reqs).toHaveLength(1);
    return bodyOf(reqs[0]);
  };

  test('PASSWORD: username and email trimmed, the password as typed; empty options left out, given ones trimmed; the context copied', async () => {
    const username = `edges-${++seq}`;
    await t.client().signUp({
      connection: 'PASSWORD', passwordPayload: { username: ` ${username} `, email: ` ${username}@example.com `, password: ` ${PASSWORD} ` },
      options: { clientIp: ' 10.0.0.1 ', phonePassCodeForInformationCompletion: '', emailPassCodeForInformationCompletion: null, context: { source: 'mp' } },
    });
    expect(sentBody()).toEqual({
      connection: 'PASSWORD',
      passwordPayload: { username, email: `${username}@example.com`, password: ` ${PASSWORD} ` },
      options: { clientIp: '10.0.0.1', context: { source: 'mp' } },
    });
  });

  test('PASSWORD by email alone; no options at all → no `options` in the body', async () => {
    const email = `edges-${++seq}@example.com`;
    await t.client().signUp({ connection: 'PASSWORD', passwordPayload: { username: '', email, password: PASSWORD }, options: null });
    expect(sentBody()).toEqual({ connection: 'PASSWORD', passwordPayload: { email, password: PASSWORD } });
  });

  test('PASSCODE: the phone wins over the email, its country code trimmed (or +86), the code trimmed; an empty passwordForPhonePassCode is not sent', async () => {
    await t.client().signUp(byCode({ phone: ' 61234567 ', phoneCountryCode: ' +852 ', email: 'ignored@example.com', passCode: ' 111111 ' }, { options: { passwordForPhonePassCode: '' } }));
    expect(sentBody()).toEqual({ connection: 'PASSCODE', passCodePayload: { phone: '61234567', phoneCountryCode: '+852', passCode: '111111' } });
    t.mark();
    await t.client().signUp(byCode({ phone: '13700000000', phoneCountryCode: '' }));
    expect(sentBody().passCodePayload).toEqual({ phone: '13700000000', phoneCountryCode: '+86', passCode: '123456' });
    t.mark();
    await t.client().signUp(byCode({ phone: null, email: ' e@example.com ' }));
    expect(sentBody().passCodePayload).toEqual({ email: 'e@example.com', passCode: '123456' });
  });

  test('profile: completion phone (with its country code when given) and email trimmed, OIDC text fields kept, empty fields left out, a 1024-character website accepted', async () => {
    const website = `https://${'w'.repeat(1016)}`;
    await t.client().signUp(byPassword({
      profile: { phone: ' 61234567 ', phoneCountryCode: ' +852 ', email: ' p@example.com ', givenName: 'Ada', familyName: '', website, nickname: '', name: 'Ada L' },
      options: { phonePassCodeForInformationCompletion: '111111', emailPassCodeForInformationCompletion: '222222' },
    }));
    expect(sentBody().profile).toEqual({ phone: '61234567', phoneCountryCode: '+852', email: 'p@example.com', givenName: 'Ada', website, name: 'Ada L' });
    t.mark();
    await t.client().signUp(byPassword({ profile: { phone: '13700000000', phoneCountryCode: '' }, options: { phonePassCodeForInformationCompletion: '111111' } }));
    expect(sentBody().profile).toEqual({ phone: '13700000000' });
  });
});

describe('answers without the expected data', () => {
  beforeEach(() => t.dev.del('/__dev/faults'));

  test.each([
    ['signUp', '/api/v3/signup', (c) => c.signUp(byPassword())],
    ['verifyResetPasswordRequest', '/api/v3/verify-reset-password-request', (c) => c.verifyResetPasswordRequest({ verifyMethod: 'EMAIL_PASSCODE', emailPassCodePayload: { email: 'a@example.com', passCode: '123456' } })],
    ['resetPassword', '/api/v3/reset-password', (c) => c.resetPassword({ password: PASSWORD, passwordResetToken: 'tok' })],
  ])('%s: a success envelope without data → bad_response', async (_method, path, run) => {
    await t.fault({ path, kind: 'envelope', status: 200, body: 'ok' });
    const [err, data] = await run(t.client());
    expect(data).toBeUndefined();
    expect(err).toEqual(expect.objectContaining({ code: 'bad_response' }));
    expect(t.sent(path)).toHaveLength(1);
  });

  test('resetPassword sends the password as typed and the trimmed token', async () => {
    await t.client().resetPassword({ password: ` ${PASSWORD} `, passwordResetToken: ' tok ' });
    expect(bodyOf(t.sent('/api/v3/reset-password')[0])).toEqual({ password: ` ${PASSWORD} `, passwordResetToken: 'tok' });
  });
});
