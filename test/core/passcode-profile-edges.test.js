// Edges of the SMS / pass-code and profile argument checks (passcode.test.js and profile.test.js
// have the flows): which field or parameter a refusal names (en-US) before any request, and
// accepted arguments on the wire (trimmed, +86 by default, the login's encryption option dropped).
const { core, DEMO, setup, bodyOf } = require('./support');

let t;
beforeAll(async () => { t = await setup(); });
afterAll(() => t.close());
beforeEach(() => { t.mark(); t.wx.clearStorageSync(); });

const sms = (data) => (c) => c.sendSms({ phoneNumber: '13700000000', channel: 'CHANNEL_LOGIN', ...data });
const code = (payload, extra = {}) => (c) => c.loginByPassCode({ passCodePayload: { passCode: '123456', ...payload }, ...extra });
const profile = (data) => (c) => c.updateUserInfo(data);
const password = (payload, extra = {}) => (c) => c.loginByPassword({ passwordPayload: { password: 'Pass@123', ...payload }, ...extra });
const TEXT_FIELDS = ['name', 'nickname', 'externalId', 'country', 'province', 'city', 'address', 'streetAddress', 'postalCode', 'username', 'company'];

// [method, what, call(client), message key, params]
const REFUSED = [
  ['sendSms', 'no argument', (c) => c.sendSms(undefined), 'required', { field: 'phone' }],
  ['sendSms', 'no phone', sms({ phoneNumber: '' }), 'required', { field: 'phone' }],
  ['sendSms', 'non-string country code', sms({ phoneCountryCode: 86 }), 'invalidParam', { name: 'phoneCountryCode' }],
  ['sendSms', 'unknown country code', sms({ phoneCountryCode: '+999' }), 'invalidCountryCode'],
  ['sendSms', 'a +86 number under +852', sms({ phoneCountryCode: '+852' }), 'invalidPhone'],
  ['sendSms', 'unknown channel', sms({ channel: 'CHANNEL_X' }), 'invalidChannel', { channel: 'CHANNEL_X' }],
  ['loginByPassCode', 'no argument', (c) => c.loginByPassCode(undefined), 'required', { field: 'phone' }],
  ['loginByPassCode', 'a string as the payload', (c) => c.loginByPassCode({ passCodePayload: '13700000000' }), 'required', { field: 'phone' }],
  ['loginByPassCode', 'no code', code({ phone: '13700000000', passCode: undefined }), 'required', { field: 'code' }],
  ['loginByPassCode', 'non-string phone', code({ phone: 13700000000 }), 'invalidParam', { name: 'phone' }],
  ['loginByPassCode', 'non-string email', code({ email: ['a@example.com'] }), 'invalidParam', { name: 'email' }],
  ['loginByPassCode', 'neither phone nor email', code({ phone: ' ', email: null }), 'required', { field: 'phone' }],
  ['loginByPassCode', 'malformed email', code({ email: 'a@' }), 'invalidEmail'],
  ['loginByPassCode', 'non-string country code', code({ phone: '13700000000', phoneCountryCode: 86 }), 'invalidParam', { name: 'phoneCountryCode' }],
  ['loginByPassCode', 'malformed phone', code({ phone: '123' }), 'invalidPhone'],
  ['loginByPassCode', 'a string as the options', code({ phone: '13700000000' }, { options: 'scope' }), 'invalidParam', { name: 'options' }],
  ['loginByPassword', 'no argument', (c) => c.loginByPassword(undefined), 'required', { field: 'account' }],
  ['loginByPassword', 'a string as the payload', (c) => c.loginByPassword({ passwordPayload: 'demo' }), 'required', { field: 'account' }],
  ['loginByPassword', 'a blank account', password({ account: ' ' }), 'required', { field: 'account' }],
  ...['account', 'email', 'username', 'phone'].map((field) => ['loginByPassword', `non-string ${field}`, password({ [field]: 7 }), 'invalidParam', { name: field }]),
  ...['account', 'username', 'phone'].map((field) => ['loginByPassword', `a 256-character ${field}`, password({ [field]: 'a'.repeat(256) }), 'tooLong', { field, max: 255 }]),
  ['loginByPassword', 'a 256-character email', password({ email: `${'a'.repeat(244)}@example.com` }), 'invalidEmail'],
  ['loginByPassword', 'a malformed email', password({ email: 'a@' }), 'invalidEmail'],
  ['loginByPassword', 'no password', password({ account: 'demo', password: '' }), 'required', { field: 'password' }],
  ['loginByPassword', 'a non-string password', password({ account: 'demo', password: 123456 }), 'required', { field: 'password' }],
  ['loginByPassword', 'a 1025-character password', password({ account: 'demo', password: 'p'.repeat(1025) }), 'tooLong', { field: 'password', max: 1024 }],
  ['loginByPassword', 'a string as the options', password({ account: 'demo' }, { options: 'rsa' }), 'invalidParam', { name: 'options' }],
  ['loginByPassword', 'unknown encryption', password({ account: 'demo' }, { options: { passwordEncryptType: 'md5' } }), 'invalidEncryptType', { type: 'md5' }],
  ['getUserInfo', 'a string as the query', (c) => c.getUserInfo('all'), 'invalidParam', { name: 'query' }],
  ['getUserInfo', 'non-boolean withCustomData', (c) => c.getUserInfo({ withCustomData: 'yes' }), 'invalidParam', { name: 'withCustomData' }],
  ['getUserInfo', 'non-boolean withIdentities', (c) => c.getUserInfo({ withIdentities: 1 }), 'invalidParam', { name: 'withIdentities' }],
  ['getUserInfo', 'non-boolean withDepartmentIds', (c) => c.getUserInfo({ withDepartmentIds: null }), 'invalidParam', { name: 'withDepartmentIds' }],
  ['updateUserInfo', 'no argument', profile(undefined), 'invalidParam', { name: 'data' }],
  ...TEXT_FIELDS.map((field) => ['updateUserInfo', `a 256-character ${field}`, profile({ [field]: 'x'.repeat(256) }), 'tooLong', { field, max: 255 }]),
  ['updateUserInfo', 'a 1025-character photo URL', profile({ photo: `https://${'p'.repeat(1017)}` }), 'tooLong', { field: 'photo', max: 1024 }],
  ['updateUserInfo', 'a whitespace username', profile({ username: ' ' }), 'required', { field: 'username' }],
  ['updateUserInfo', 'unknown gender', profile({ gender: 'X' }), 'invalidGender'],
  ['updateUserInfo', 'an impossible birthdate', profile({ birthdate: '2023-02-30' }), 'invalidDate'],
  ['updateUserInfo', 'a list as customData', profile({ customData: ['a'] }), 'invalidParam', { name: 'customData' }],
];

describe('refused arguments name what is wrong (en-US), before any request', () => {
  // Rows without params get an explicit undefined: test.each must not mistake the 5th argument for `done`.
  test.each(REFUSED.map((r) => [r[0], r[1], r[2], r[3], r[4]]))('%s: %s', async (_method, _what, run, key, params) => {
    t.wx.setStorageSync(t.storageKey, { access_token: 'h.p.s', expires_in: 7200, expires_at: Date.now() + 3600e3 });
    const [err, data] = await run(t.client({ lang: 'en-US' }));
    expect(data).toBeUndefined();
    expect(err).toEqual(expect.objectContaining({ code: 'invalid_argument', message: core.translate('en-US', key, params) }));
    expect(t.sent()).toHaveLength(0);
  });
});

describe('accepted arguments on the wire', () => {
  test('sendSms: trimmed phone and country code; a blank country code means +86', async () => {
    const [err] = await t.client().sendSms({ phoneNumber: ' 61234599 ', channel: 'CHANNEL_LOGIN', phoneCountryCode: ' +852 ' });
    expect(err).toBeNull();
    expect(bodyOf(t.sent('/api/v3/send-sms')[0])).toEqual({ phoneNumber: '61234599', channel: 'CHANNEL_LOGIN', phoneCountryCode: '+852' });
    t.mark();
    await t.client().sendSms({ phoneNumber: '13700000099', channel: 'CHANNEL_LOGIN', phoneCountryCode: ' ' });
    expect(bodyOf(t.sent('/api/v3/send-sms')[0])).toEqual({ phoneNumber: '13700000099', channel: 'CHANNEL_LOGIN', phoneCountryCode: '+86' });
  });

  test('loginByPassCode: trimmed fields, +86 by default, phone and email together; passwordEncryptType is not an option of a code login', async () => {
    await t.client().loginByPassCode({
      passCodePayload: { phone: ` ${DEMO.phone} `, email: ` ${DEMO.email} `, passCode: ' 000000 ', phoneCountryCode: '' },
      options: { scope: 'openid', passwordEncryptType: 'rsa' },
    });
    expect(bodyOf(t.sent('/api/v3/signin')[0])).toEqual({
      connection: 'PASSCODE', passCodePayload: { passCode: '000000', email: DEMO.email, phone: DEMO.phone, phoneCountryCode: '+86' }, options: { scope: 'openid' },
    });
    t.mark();
    await t.client().loginByPassCode({ passCodePayload: { email: DEMO.email, passCode: '000000' } });
    expect(bodyOf(t.sent('/api/v3/signin')[0])).toEqual({ connection: 'PASSCODE', passCodePayload: { passCode: '000000', email: DEMO.email } });
  });

  test('loginByPassword: trimmed account fields, the password as typed; 255-character names and a 1024-character password are sent', async () => {
    await t.client().loginByPassword({ passwordPayload: { username: ` ${'u'.repeat(255)} `, phone: ' 13700000000 ', password: ` ${'p'.repeat(1022)} ` }, options: { scope: 'openid' } });
    expect(bodyOf(t.sent('/api/v3/signin')[0])).toEqual({
      connection: 'PASSWORD', passwordPayload: { username: 'u'.repeat(255), phone: '13700000000', password: ` ${'p'.repeat(1022)} ` }, options: { scope: 'openid' },
    });
    t.mark();
    const [err] = await t.client().loginByPassword({ passwordPayload: { email: ` ${DEMO.email} `, password: DEMO.password } });
    expect(err).toBeNull();
    expect(bodyOf(t.sent('/api/v3/signin')[0])).toEqual({ connection: 'PASSWORD', passwordPayload: { email: DEMO.email, password: DEMO.password } });
  });

  test('getUserInfo(null) is no query (all three flags false); every flag given is sent', async () => {
    const client = t.client();
    expect((await client.loginByPassword({ passwordPayload: { account: DEMO.username, password: DEMO.password } }))[0]).toBeNull();
    t.mark();
    expect((await client.getUserInfo(null))[0]).toBeNull();
    expect(t.sent('/api/v3/get-profile')[0].query).toBe('?withCustomData=false&withIdentities=false&withDepartmentIds=false');
    t.mark();
    await client.getUserInfo({ withCustomData: false, withIdentities: true, withDepartmentIds: true });
    expect(t.sent('/api/v3/get-profile')[0].query).toBe('?withCustomData=false&withIdentities=true&withDepartmentIds=true');
  });

  test('updateUserInfo: a 1024-character photo URL is accepted and sent', async () => {
    const client = t.client();
    expect((await client.loginByPassword({ passwordPayload: { account: DEMO.username, password: DEMO.password } }))[0]).toBeNull();
    t.mark();
    const photo = `https://${'p'.repeat(1016)}`;
    await client.updateUserInfo({ photo });
    expect(bodyOf(t.sent('/api/v3/update-profile')[0])).toEqual({ photo });
  });
});
