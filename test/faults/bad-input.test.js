// Hostile and malformed input, through the headless client and through the components: each one
// is refused with a clear, localized message BEFORE any request (the isolated devserver's request
// log and the wx shim's log do not move) and nothing throws. zh-CN and en-US are both checked.
const exparser = require('miniprogram-exparser');
const { simulate, loadKitComponent, mount, bindings, userActions, clearCountdowns, checkEventVocabulary } = require('../helpers/mp');
const { startDevServer } = require('../helpers/server');
const core = require('../../miniprogram_dist/index');
const { PNG, tmpFile } = require('./support');
const { until } = require('../helpers/until');

checkEventVocabulary(); // every shared event detail recorded here matches the one vocabulary

const LANGS = ['zh-CN', 'en-US'];
const LONG = 'x'.repeat(10000);
const BIDI = '\u202Eexe.gnp'; // RIGHT-TO-LEFT OVERRIDE: shows as "png.exe"
const RTL = '\u05E9\u05DC\u05D5\u05DD \u0645\u0631\u062D\u0628\u0627'; // Hebrew + Arabic
const EMOJI = '😀🔥👍';
const SQL = "' OR '1'='1' --";
const HTML = '<script>alert(1)</script>';
const TODAY = new Date();
const FUTURE = `${TODAY.getFullYear() + 1}-01-01`;

let srv;
const kit = {}; // component name → simulate id
const thrown = []; // errors thrown inside component code (exparser reports them here, not to the test)

beforeAll(async () => {
  srv = await startDevServer();
  wx.__control.baseUrl = srv.url;
  exparser.addGlobalErrorListener((err) => { thrown.push(err); });
  for (const name of ['login', 'avatar-uploader', 'profile-form', 'phone-button']) kit[name] = loadKitComponent(name);
});
afterAll(() => srv && srv.close());

/** Everything that left the kit: requests the devserver saw and requests the wx shim sent anywhere. */
const traffic = () => srv.requests.length + wx.__control.log.length;

/** A fake valid login state (auth-gated methods check their arguments, then the token, then send). */
function storeFakeState(appId) {
  wx.__control.storage.set(core.stateKey(appId), JSON.stringify({ access_token: 'h.p.s', expires_in: 7200, expires_at: Date.now() + 3600e3 }));
}

function client(lang) {
  return new core.Authing({ appId: srv.config.appId, userPoolId: srv.config.userPoolId, host: srv.url, lang });
}

/** A localized message: non-empty, no unfilled `{placeholder}`, Chinese text in zh-CN, none in en-US. */
function expectLocalized(message, lang) {
  expect(typeof message).toBe('string');
  expect(message.trim()).not.toBe('');
  expect(message).not.toMatch(/[{}]|undefined|\[object/);
  if (lang === 'zh-CN') expect(message).toMatch(/[\u4e00-\u9fff]/);
  else expect(message).not.toMatch(/[\u4e00-\u9fff]/);
}

// ---------------------------------------------------------------------------------------------
// Core: [method, what, call(client), message key, params]. The expected text is the kit's table
// entry; a sample of the tables themselves is pinned verbatim below.
const sms = (phoneNumber, extra = {}) => (c) => c.sendSms({ phoneNumber, channel: 'CHANNEL_LOGIN', ...extra });
const passCode = (payload) => (c) => c.loginByPassCode({ passCodePayload: payload });
const pwLogin = (payload, options) => (c) => c.loginByPassword({ passwordPayload: payload, options });
const profile = (data) => (c) => c.updateUserInfo(data);
const avatarPick = (file) => (c) => { wx.__control.mediaQueue.push(file); return c.updateAvatar(); };

const CORE = [
  ['loginByPassword', 'empty account', pwLogin({ account: '', password: 'Demo@123456' }), 'required', { field: 'account' }],
  ['loginByPassword', 'whitespace-only account', pwLogin({ account: ' \t\u3000 ', password: 'Demo@123456' }), 'required', { field: 'account' }],
  ['loginByPassword', 'empty password', pwLogin({ account: 'demo', password: '' }), 'required', { field: 'password' }],
  ['loginByPassword', 'email without a domain dot', pwLogin({ email: 'a@b', password: 'Demo@123456' }), 'invalidEmail'],
  ['loginByPassword', 'HTML in the email', pwLogin({ email: `${HTML}@x.com`, password: 'Demo@123456' }), 'invalidEmail'],
  ['loginByPassword', 'SQL in the email', pwLogin({ email: `${SQL}@x.com`, password: 'Demo@123456' }), 'invalidEmail'],
  ['loginByPassword', '10 000-character email', pwLogin({ email: `${LONG}@x.com`, password: 'Demo@123456' }), 'invalidEmail'],
  ['loginByPassword', 'emoji email', pwLogin({ email: `${EMOJI}@x.com`, password: 'Demo@123456' }), 'invalidEmail'],
  ['loginByPassword', 'unknown encryption', pwLogin({ account: 'demo', password: 'Demo@123456' }, { passwordEncryptType: 'aes' }), 'invalidEncryptType', { type: 'aes' }],
  ['sendSms', 'empty phone', sms(''), 'required', { field: 'phone' }],
  ['sendSms', 'whitespace-only phone', sms('   '), 'required', { field: 'phone' }],
  ['sendSms', 'short phone', sms('1380000'), 'invalidPhone'],
  ['sendSms', '12-digit phone', sms('138000000001'), 'invalidPhone'],
  ['sendSms', 'letters in the phone', sms('1380000000a'), 'invalidPhone'],
  ['sendSms', 'country code inside the number', sms('+8613800000000'), 'invalidPhone'],
  ['sendSms', 'full-width digits', sms('１３８００００００００'), 'invalidPhone'],
  ['sendSms', 'SQL after the phone', sms(`13800000000${SQL}`), 'invalidPhone'],
  ['sendSms', 'emoji phone', sms(EMOJI), 'invalidPhone'],
  ['sendSms', 'bidi override in the phone', sms('\u202E00000000831'), 'invalidPhone'],
  ['sendSms', '10 000-digit phone', sms('1'.repeat(10000)), 'invalidPhone'],
  ['sendSms', 'unknown country code', sms('13800000000', { phoneCountryCode: '+999' }), 'invalidCountryCode'],
  ['sendSms', 'country code without +', sms('13800000000', { phoneCountryCode: '86' }), 'invalidCountryCode'],
  ['sendSms', 'SQL as the country code', sms('13800000000', { phoneCountryCode: "+86' OR 1=1" }), 'invalidCountryCode'],
  ['sendSms', 'mainland number with +852', sms('13800000000', { phoneCountryCode: '+852' }), 'invalidPhone'],
  ['sendSms', 'unknown channel', sms('13800000000', { channel: 'CHANNEL_HACK' }), 'invalidChannel', { channel: 'CHANNEL_HACK' }],
  ['sendEmailCode', 'empty email', (c) => c.sendEmailCode({ email: '', channel: 'CHANNEL_LOGIN' }), 'required', { field: 'email' }],
  ['sendEmailCode', '"alice@" (no domain)', (c) => c.sendEmailCode({ email: 'alice@', channel: 'CHANNEL_LOGIN' }), 'invalidEmail'],
  ['sendEmailCode', 'RTL text as the email', (c) => c.sendEmailCode({ email: `${RTL}@example.com`, channel: 'CHANNEL_LOGIN' }), 'invalidEmail'],
  ['sendEmailCode', 'unknown channel', (c) => c.sendEmailCode({ email: 'demo@example.com', channel: 'CHANNEL_HACK' }), 'invalidChannel', { channel: 'CHANNEL_HACK' }],
  ['loginByPassCode', 'empty code', passCode({ phone: '13800000000', passCode: '' }), 'required', { field: 'code' }],
  ['loginByPassCode', '5-digit code', passCode({ phone: '13800000000', passCode: '12345' }), 'invalidSmsCode', { length: 6 }],
  ['loginByPassCode', '7-digit code', passCode({ phone: '13800000000', passCode: '1234567' }), 'invalidSmsCode', { length: 6 }],
  ['loginByPassCode', 'letters as the code', passCode({ phone: '13800000000', passCode: 'abcdef' }), 'invalidSmsCode', { length: 6 }],
  ['loginByPassCode', 'full-width digits as the code', passCode({ phone: '13800000000', passCode: '１２３４５６' }), 'invalidSmsCode', { length: 6 }],
  ['loginByPassCode', 'space inside the code', passCode({ phone: '13800000000', passCode: '12 456' }), 'invalidSmsCode', { length: 6 }],
  ['loginByPassCode', 'emoji code', passCode({ phone: '13800000000', passCode: EMOJI }), 'invalidSmsCode', { length: 6 }],
  ['loginByPassCode', 'malformed phone', passCode({ phone: '12345', passCode: '123456' }), 'invalidPhone'],
  ['loginByPassCode', 'malformed email', passCode({ email: 'alice@', passCode: '123456' }), 'invalidEmail'],
  ['updateUserInfo', '10 000-character nickname', profile({ nickname: LONG }), 'tooLong', { field: 'nickname', max: 255 }],
  ['updateUserInfo', 'bidi override in the nickname', profile({ nickname: BIDI }), 'invalidText', { field: 'nickname' }],
  ['updateUserInfo', 'NUL byte in the name', profile({ name: 'Bob\u0000' }), 'invalidText', { field: 'name' }],
  ['updateUserInfo', 'empty username', profile({ username: '' }), 'required', { field: 'username' }],
  ['updateUserInfo', 'whitespace-only username', profile({ username: '   ' }), 'required', { field: 'username' }],
  ['updateUserInfo', '256-character city', profile({ city: 'c'.repeat(256) }), 'tooLong', { field: 'city', max: 255 }],
  ['updateUserInfo', '2023-02-30', profile({ birthdate: '2023-02-30' }), 'invalidDate'],
  ['updateUserInfo', '2023-02-29 (not a leap year)', profile({ birthdate: '2023-02-29' }), 'invalidDate'],
  ['updateUserInfo', 'a future date', profile({ birthdate: FUTURE }), 'futureDate'],
  ['updateUserInfo', 'slashes in the date', profile({ birthdate: '1990/01/01' }), 'invalidDate'],
  ['updateUserInfo', 'SQL in the date', profile({ birthdate: "1990-01-01' --" }), 'invalidDate'],
  ['updateUserInfo', 'unknown gender', profile({ gender: 'X' }), 'invalidGender'],
  ['updateUserInfo', 'HTML as the gender', profile({ gender: '<b>M</b>' }), 'invalidGender'],
  ['updatePassword', '5-character new password', (c) => c.updatePassword({ newPassword: '12345' }), 'invalidPassword', { min: 6, max: 64 }],
  ['updatePassword', '10 000-character new password', (c) => c.updatePassword({ newPassword: LONG }), 'invalidPassword', { min: 6, max: 64 }],
  ['updatePassword', 'empty new password', (c) => c.updatePassword({ newPassword: '' }), 'required', { field: 'password' }],
  ['getPhone', 'empty phone code', (c) => c.getPhone({ extIdpConnidentifier: 'wechat-miniprogram', code: '' }), 'required', { field: 'code' }],
  ['getPhone', 'whitespace-only phone code', (c) => c.getPhone({ extIdpConnidentifier: 'wechat-miniprogram', code: ' \n ' }), 'required', { field: 'code' }],
  ['loginByPhone', 'missing phone code', (c) => c.loginByPhone({ extIdpConnidentifier: 'wechat-miniprogram', wechatMiniProgramCodeAndPhonePayload: { wxPhoneInfo: {} } }), 'required', { field: 'code' }],
  ['getPublicKey', 'unknown key type', (c) => c.getPublicKey('aes'), 'invalidEncryptType', { type: 'aes' }],
  ['updateAvatar', 'a .txt path', (c) => c.updateAvatar({ filePath: tmpFile('notes.txt', 'hello') }), 'notImage'],
  ['updateAvatar', 'an .exe path', (c) => c.updateAvatar({ filePath: tmpFile('setup.exe', 'MZ') }), 'notImage'],
  ['updateAvatar', 'negative maxSize', (c) => c.updateAvatar({ maxSize: -1 }), 'invalidParam', { name: 'maxSize' }],
  ['updateAvatar', 'picked image over 2 MB', avatarPick({ tempFilePath: tmpFile('big.png', PNG), size: 3 * 1024 * 1024, fileType: 'image' }), 'imageTooLarge', { max: '2 MB' }],
  ['updateAvatar', 'picked video', avatarPick({ tempFilePath: tmpFile('clip.mp4', 'mp4'), size: 3, fileType: 'video' }), 'notImage'],
  ['bindPhone', 'malformed phone', (c) => c.bindPhone({ phoneNumber: '12345', passCode: '123456' }), 'invalidPhone'],
  ['bindPhone', 'empty code', (c) => c.bindPhone({ phoneNumber: '13800000000', passCode: '' }), 'required', { field: 'code' }],
  ['bindPhone', 'SQL as the country code', (c) => c.bindPhone({ phoneNumber: '13800000000', passCode: '123456', phoneCountryCode: "+86' --" }), 'invalidCountryCode'],
  ['bindEmail', 'HTML in the email', (c) => c.bindEmail({ email: `${HTML}@x.com`, passCode: '123456' }), 'invalidEmail'],
  ['bindEmail', 'emoji code', (c) => c.bindEmail({ email: 'a@example.com', passCode: EMOJI }), 'invalidSmsCode', { length: 6 }],
  ['updatePhoneRequest', 'current phone without its code', (c) => c.updatePhoneRequest({ phonePassCodePayload: { newPhoneNumber: '13800000001', newPhonePassCode: '123456', oldPhoneNumber: '13800000000' } }), 'required', { field: 'oldPhoneCode' }],
  ['updatePhoneRequest', 'code without the current phone', (c) => c.updatePhoneRequest({ phonePassCodePayload: { newPhoneNumber: '13800000001', newPhonePassCode: '123456', oldPhonePassCode: '123456' } }), 'required', { field: 'oldPhone' }],
  ['updatePhoneRequest', 'unknown verifyMethod', (c) => c.updatePhoneRequest({ verifyMethod: 'SMS', phonePassCodePayload: { newPhoneNumber: '13800000001', newPhonePassCode: '123456' } }), 'invalidVerifyMethod', { method: 'SMS' }],
  ['updatePhone', 'no token', (c) => c.updatePhone({}), 'invalidParam', { name: 'updatePhoneToken' }],
  ['updateEmailRequest', 'current email without its code', (c) => c.updateEmailRequest({ emailPassCodePayload: { newEmail: 'a@example.com', newEmailPassCode: '123456', oldEmail: 'b@example.com' } }), 'required', { field: 'oldEmailCode' }],
  ['updateEmailRequest', 'SQL in the new email', (c) => c.updateEmailRequest({ emailPassCodePayload: { newEmail: `${SQL}@x.com`, newEmailPassCode: '123456' } }), 'invalidEmail'],
  ['updateEmail', 'whitespace-only token', (c) => c.updateEmail({ updateEmailToken: ' \t ' }), 'invalidParam', { name: 'updateEmailToken' }],
  ['deleteAccountRequest', 'unknown verifyMethod', (c) => c.deleteAccountRequest({ verifyMethod: 'FACE' }), 'invalidVerifyMethod', { method: 'FACE' }],
  ['deleteAccountRequest', 'empty password', (c) => c.deleteAccountRequest({ verifyMethod: 'PASSWORD', passwordPayload: { password: '' } }), 'required', { field: 'password' }],
  ['deleteAccountRequest', 'unknown encryption', (c) => c.deleteAccountRequest({ verifyMethod: 'PASSWORD', passwordPayload: { password: 'x', passwordEncryptType: 'aes' } }), 'invalidEncryptType', { type: 'aes' }],
  ['deleteAccount', '10 000-character blank token', (c) => c.deleteAccount({ deleteAccountToken: ' '.repeat(10000) }), 'invalidParam', { name: 'deleteAccountToken' }],
  ['decryptData', 'empty code', (c) => c.decryptData({ extIdpConnidentifier: 'wechat-miniprogram', encryptedData: 'e', iv: 'i', code: '' }), 'invalidParam', { name: 'code' }],
  ['decryptData', 'missing iv', (c) => c.decryptData({ extIdpConnidentifier: 'wechat-miniprogram', encryptedData: 'e' }), 'invalidParam', { name: 'iv' }],
  ['bindWxByCode', 'encryptedData without iv', (c) => c.bindWxByCode({ encryptedData: 'e' }), 'invalidParam', { name: 'encryptedData' }],
  ['bindPlatformByCode', 'non-string rawData', (c) => c.bindPlatformByCode({ rawData: 42 }), 'invalidParam', { name: 'rawData' }],
];

describe('core client', () => {
  beforeEach(() => {
    wx.__control.storage.clear();
    storeFakeState(srv.config.appId);
    wx.__control.mediaQueue.length = 0;
  });

  // Rows without params get an explicit undefined: test.each must not mistake the 5th argument for `done`.
  test.each(CORE.map((r) => [r[0], r[1], r[2], r[3], r[4]]))('%s: %s → refused before any request', async (_method, _what, run, key, params) => {
    for (const lang of LANGS) {
      const before = traffic();
      const result = await run(client(lang)); // a throw or rejection fails the test here
      expect(result).toHaveLength(2);
      const [err, data] = result;
      expect(data).toBeUndefined();
      expect(err).toEqual(expect.objectContaining({ code: 'invalid_argument', message: core.translate(lang, key, params) }));
      expectLocalized(err.message, lang);
      expect(traffic()).toBe(before);
    }
  });

  test.each([
    ['invalidPhone', {}, '请输入正确的手机号', 'Please enter a valid phone number'],
    ['invalidEmail', {}, '请输入正确的邮箱地址', 'Please enter a valid email address'],
    ['invalidSmsCode', { length: 6 }, '请输入 6 位数字验证码', 'Please enter the 6-digit code'],
    ['invalidDate', {}, '请输入正确的日期（YYYY-MM-DD）', 'Please enter a valid date (YYYY-MM-DD)'],
    ['futureDate', {}, '日期不能晚于今天', 'The date cannot be in the future'],
    ['required', { field: 'phone' }, '请输入手机号', 'Please enter your phone number'],
    ['tooLong', { field: 'nickname', max: 255 }, '昵称不能超过 255 个字符', 'nickname must be at most 255 characters'],
    ['notImage', {}, '请选择图片文件', 'Please choose an image file'],
  ])('message table: %s reads as written in both languages', (key, params, zh, en) => {
    expect(core.translate('zh-CN', key, params)).toBe(zh);
    expect(core.translate('en-US', key, params)).toBe(en);
  });
});

// ---------------------------------------------------------------------------------------------
// Components: what the user types or picks, and where the message must appear.
const EVENTS = ['login', 'error', 'send-code', 'change', 'load', 'save', 'phone'];
const BINDINGS = bindings(EVENTS);
const mounted = [];

function render(name, attrs) {
  const tag = `authing-${name}`;
  const { host, events } = mount({ [tag]: kit[name] }, `<${tag} id="c" ${attrs} ${BINDINGS} />`, { events: EVENTS });
  mounted.push(host);
  const c = host.querySelector('#c');
  return { c, events, ...userActions(host, c, events) };
}

const msg = (zh, en) => ({ 'zh-CN': zh, 'en-US': en });
const NO_ACCOUNT = msg('请输入账号', 'Please enter your account');
const INVALID_ACCOUNT = msg('请输入正确的用户名、手机号或邮箱', 'Please enter a valid username, phone number or email');
const INVALID_EMAIL = msg('请输入正确的邮箱地址', 'Please enter a valid email address');
const INVALID_PHONE = msg('请输入正确的手机号', 'Please enter a valid phone number');
const INVALID_CODE = msg('请输入 6 位数字验证码', 'Please enter the 6-digit code');

/** <authing-login>: fill the fields, tap the button, read the tip under the field. */
const loginRow = (what, tab, fields, button, tipField, expected) => ['login', what, { tab, fields, button, tipField, expected }];

const LOGIN_ROWS = [
  loginRow('empty account', 'password', { 'authing-password': 'Demo@123456' }, 'authing-submit-password', 'authing-account', NO_ACCOUNT),
  loginRow('whitespace-only account', 'password', { 'authing-account': '    ', 'authing-password': 'Demo@123456' }, 'authing-submit-password', 'authing-account', NO_ACCOUNT),
  loginRow('10 000-character account', 'password', { 'authing-account': LONG, 'authing-password': 'x' }, 'authing-submit-password', 'authing-account', INVALID_ACCOUNT),
  loginRow('emoji account', 'password', { 'authing-account': `${EMOJI}用户`, 'authing-password': 'x' }, 'authing-submit-password', 'authing-account', INVALID_ACCOUNT),
  loginRow('RTL account', 'password', { 'authing-account': RTL, 'authing-password': 'x' }, 'authing-submit-password', 'authing-account', INVALID_ACCOUNT),
  loginRow('bidi-override account', 'password', { 'authing-account': `\u202Enimda`, 'authing-password': 'x' }, 'authing-submit-password', 'authing-account', INVALID_ACCOUNT),
  loginRow('SQL account', 'password', { 'authing-account': SQL, 'authing-password': 'x' }, 'authing-submit-password', 'authing-account', INVALID_ACCOUNT),
  loginRow('HTML account', 'password', { 'authing-account': HTML, 'authing-password': 'x' }, 'authing-submit-password', 'authing-account', INVALID_ACCOUNT),
  loginRow('"alice@" (email typo)', 'password', { 'authing-account': 'alice@', 'authing-password': 'x' }, 'authing-submit-password', 'authing-account', INVALID_EMAIL),
  loginRow('two @ in the email', 'password', { 'authing-account': 'a@b@example.com', 'authing-password': 'x' }, 'authing-submit-password', 'authing-account', INVALID_EMAIL),
  loginRow('empty password', 'password', { 'authing-account': 'demo' }, 'authing-submit-password', 'authing-password',
    msg('请输入密码', 'Please enter your password')),
  loginRow('empty phone (send code)', 'sms', {}, 'authing-send-code', 'authing-phone', msg('请输入手机号', 'Please enter your phone number')),
  loginRow('short phone (send code)', 'sms', { 'authing-phone': '1380000' }, 'authing-send-code', 'authing-phone', INVALID_PHONE),
  loginRow('letters in the phone', 'sms', { 'authing-phone': '138abc00000' }, 'authing-send-code', 'authing-phone', INVALID_PHONE),
  loginRow('12-digit phone', 'sms', { 'authing-phone': '138000000001' }, 'authing-send-code', 'authing-phone', INVALID_PHONE),
  loginRow('5-digit SMS code', 'sms', { 'authing-phone': '13800000000', 'authing-code': '12345' }, 'authing-submit-sms', 'authing-code', INVALID_CODE),
  loginRow('letters as the SMS code', 'sms', { 'authing-phone': '13800000000', 'authing-code': '12a456' }, 'authing-submit-sms', 'authing-code', INVALID_CODE),
  loginRow('empty SMS code', 'sms', { 'authing-phone': '13800000000' }, 'authing-submit-sms', 'authing-code', msg('请输入验证码', 'Please enter your verification code')),
];

describe('<authing-login>', () => {
  // One form per language and tab, reused: every row first empties all four fields.
  const forms = {};
  const form = (lang, tab) => {
    const k = `${lang}|${tab}`;
    if (!forms[k]) forms[k] = render('login', `app-id="${srv.config.appId}" user-pool-id="${srv.config.userPoolId}" host="${srv.url}" lang="${lang}" default-method="${tab}"`);
    return forms[k];
  };
  beforeEach(() => {
    wx.__control.storage.clear();
    thrown.length = 0;
    clearCountdowns();
  });
  afterAll(() => { while (mounted.length) mounted.pop().detach(); });

  test.each(LOGIN_ROWS)('%s: %s → tip under the field, no request', async (_c, _what, row) => {
    for (const lang of LANGS) {
      const ui = form(lang, row.tab);
      for (const id of ['authing-account', 'authing-password', 'authing-phone', 'authing-code']) await ui.type(id, '');
      for (const [id, value] of Object.entries(row.fields)) await ui.type(id, value);
      const eventsBefore = ui.events.length;
      const before = traffic();
      await ui.tap(row.button);
      await simulate.sleep(5);
      expect(ui.q(row.tipField).data.tips).toBe(row.expected[lang]);
      expect(ui.q(row.tipField).data.status).toBe('error');
      expect(ui.text()).toContain(row.expected[lang]);
      expectLocalized(row.expected[lang], lang);
      expect(traffic()).toBe(before);
      expect(ui.events.slice(eventsBefore).filter((e) => e.name === 'login' || e.name === 'send-code')).toEqual([]);
      expect(thrown).toEqual([]);
    }
  });

  test('mainland number under +852 → refused for that country, no request', async () => {
    const ui = render('login', `app-id="${srv.config.appId}" user-pool-id="${srv.config.userPoolId}" host="${srv.url}" default-method="sms"`);
    const idx = ui.c.instance.data.countryLabels.findIndex((l) => l.includes('+852'));
    ui.c.querySelector('.authing-login__country').dispatchEvent('change', { detail: { value: idx } });
    await simulate.sleep(0);
    await ui.type('authing-phone', '13800000000');
    const before = traffic();
    await ui.tap('authing-send-code');
    expect(ui.q('authing-phone').data.tips).toBe('请输入正确的手机号');
    expect(traffic()).toBe(before);
  });
});

// ---------------------------------------------------------------------------------------------
describe('with the demo user logged in', () => {
  let stateRaw;
  beforeAll(async () => {
    wx.__control.storage.clear();
    const [err] = await client('zh-CN').loginByPassword({ passwordPayload: { account: 'demo', password: 'Demo@123456' } });
    if (err) throw new Error(`login failed: ${err.message}`);
    stateRaw = wx.__control.storage.get(core.stateKey(srv.config.appId));
  });
  beforeEach(() => {
    wx.__control.storage.clear();
    wx.__control.storage.set(core.stateKey(srv.config.appId), stateRaw);
    thrown.length = 0;
  });
  afterAll(() => { while (mounted.length) mounted.pop().detach(); });

  const props = (lang) => `app-id="${srv.config.appId}" user-pool-id="${srv.config.userPoolId}" host="${srv.url}" lang="${lang}"`;

  // <authing-avatar-uploader>: the picked file and the message it must get.
  const big = () => { const b = Buffer.alloc(2 * 1024 * 1024 + 1); PNG.copy(b); return tmpFile('big.png', b); };
  const NOT_IMAGE = msg('请选择图片文件（PNG、JPG、GIF 或 WebP）', 'Please choose an image file (PNG, JPG, GIF or WebP)');
  const AVATAR = [
    ['image over 2 MB', big, msg('图片不能超过 2 MB，请换一张', 'The image must not exceed 2 MB, please choose another one')],
    ['text file', () => tmpFile('notes.txt', 'just text'), NOT_IMAGE],
    ['text renamed .png', () => tmpFile('fake.png', 'not really a png'), NOT_IMAGE],
    ['SVG (script-capable)', () => tmpFile('logo.svg', `<svg xmlns="http://www.w3.org/2000/svg">${HTML}</svg>`), NOT_IMAGE],
    ['PDF', () => tmpFile('doc.pdf', '%PDF-1.7\n'), NOT_IMAGE],
    ['zero-byte .png', () => tmpFile('empty.png', ''), NOT_IMAGE],
  ];

  const uploaders = {};
  const uploader = async (lang) => {
    if (!uploaders[lang]) {
      uploaders[lang] = render('avatar-uploader', props(lang));
      await until(() => uploaders[lang].events.find((e) => e.name === 'load' || e.name === 'error'), 'avatar load');
    }
    return uploaders[lang];
  };

  test.each(AVATAR)('<authing-avatar-uploader>: %s → refused before upload', async (_what, makeFile, expected) => {
    for (const lang of LANGS) {
      const ui = await uploader(lang);
      const oldUrl = ui.c.instance.data.url;
      expect(oldUrl).toBeTruthy();
      const seen = ui.events.length;
      const before = traffic();
      ui.q('authing-avatar-picker').dispatchEvent('chooseavatar', { detail: { avatarUrl: makeFile() } });
      const err = await until(() => ui.events.slice(seen).find((e) => e.name === 'error' || e.name === 'change'), 'outcome');
      expect(err.name).toBe('error');
      expect(err.detail).toEqual(expect.objectContaining({ action: 'check', message: expected[lang] }));
      expect(ui.c.instance.data.message).toBe(expected[lang]);
      expect(ui.text()).toContain(expected[lang]);
      expectLocalized(expected[lang], lang);
      expect(ui.c.instance.data.url).toBe(oldUrl);
      expect(traffic()).toBe(before);
      expect(thrown).toEqual([]);
    }
  });

  test('<authing-avatar-uploader>: a video from the fallback picker → refused before upload', async () => {
    const realCanIUse = wx.canIUse;
    wx.canIUse = (what) => what !== 'button.open-type.chooseAvatar';
    try {
      const ui = render('avatar-uploader', props('en-US'));
      await until(() => ui.events.find((e) => e.name === 'load'), 'avatar load');
      wx.__control.mediaQueue.push({ tempFilePath: tmpFile('clip.mp4', 'video bytes'), size: 11, fileType: 'video' });
      const before = traffic();
      ui.q('authing-avatar-picker').dispatchEvent('tap');
      const err = await until(() => ui.events.find((e) => e.name === 'error' || e.name === 'change'), 'outcome');
      expect(err.detail).toEqual(expect.objectContaining({ action: 'check', code: 'not_image', message: NOT_IMAGE['en-US'] }));
      expect(traffic()).toBe(before);
    } finally {
      wx.canIUse = realCanIUse;
      wx.__control.mediaQueue.length = 0;
    }
  });

  // <authing-profile-form>: field, typed/picked value, message under the field.
  const tooLong = (zhField, enField, max) => msg(`${zhField}不能超过 ${max} 个字符`, `${enField} must be at most ${max} characters`);
  const badText = (zhField, enField) => msg(`${zhField}包含不支持的字符`, `${enField} contains unsupported characters`);
  const PROFILE = [
    ['nickname', '10 000 characters', LONG, tooLong('昵称', 'nickname', 64)],
    ['nickname', 'bidi override', `Bob${BIDI}`, badText('昵称', 'nickname')],
    ['nickname', 'NUL byte', 'Bob\u0000', badText('昵称', 'nickname')],
    ['name', 'control character (BEL)', 'Al\u0007ice', badText('姓名', 'name')],
    ['city', 'emoji beyond 64 characters', EMOJI.repeat(30), tooLong('城市', 'city', 64)],
    ['address', '256 characters of HTML', `${HTML}`.repeat(10).padEnd(256, 'x'), tooLong('地址', 'address', 255)],
    ['username', 'whitespace only (clears it)', '   ', msg('请输入用户名', 'Please enter your username')],
    ['birthdate', '2023-02-30', '2023-02-30', msg('请输入正确的日期（YYYY-MM-DD）', 'Please enter a valid date (YYYY-MM-DD)')],
    ['birthdate', 'a future date', FUTURE, msg('日期不能晚于今天', 'The date cannot be in the future')],
    ['birthdate', 'not a date', "1990-01-01' --", msg('请输入正确的日期（YYYY-MM-DD）', 'Please enter a valid date (YYYY-MM-DD)')],
  ];

  const FORM_FIELDS = ['nickname', 'name', 'username', 'city', 'address'];
  const profileForms = {};
  const profileForm = async (lang) => {
    if (!profileForms[lang]) {
      profileForms[lang] = render('profile-form', `${props(lang)} fields="${FORM_FIELDS.join(',')},birthdate"`);
      await until(() => profileForms[lang].events.find((e) => e.name === 'load' || e.name === 'error'), 'profile load');
      expect(profileForms[lang].events[0].name).toBe('load');
    }
    return profileForms[lang];
  };
  const pickDate = async (ui, value) => {
    ui.q('authing-field-birthdate').dispatchEvent('change', { detail: { value } });
    await simulate.sleep(0);
  };

  test.each(PROFILE)('<authing-profile-form>: %s %s → message under the field, nothing sent', async (field, _what, value, expected) => {
    for (const lang of LANGS) {
      const ui = await profileForm(lang);
      // Back to the loaded profile (valid), then the one hostile value.
      const loaded = ui.events[0].detail.userInfo;
      for (const f of FORM_FIELDS) await ui.type(`authing-field-${f}`, loaded[f] || '');
      await pickDate(ui, loaded.birthdate || '');
      if (field === 'birthdate') await pickDate(ui, value);
      else await ui.type(`authing-field-${field}`, value);
      const seen = ui.events.length;
      const before = traffic();
      await ui.tap('authing-save');
      const err = await until(() => ui.events.slice(seen).find((e) => e.name === 'error' || e.name === 'save'), 'outcome');
      expect(err.name).toBe('error');
      expect(err.detail).toEqual(expect.objectContaining({ action: 'validate', code: 'invalid_argument' }));
      expect(err.detail.fields).toEqual({ [field]: expected[lang] });
      expect(ui.c.instance.data.errors[field]).toBe(expected[lang]);
      expect(ui.text()).toContain(expected[lang]);
      expectLocalized(expected[lang], lang);
      if (field !== 'birthdate') expect(ui.q(`authing-field-${field}`).data.value).toBe(value); // the text is kept
      expect(traffic()).toBe(before);
      expect(thrown).toEqual([]);
    }
  });
});


// ---------------------------------------------------------------------------------------------
// Malformed client properties: the client refuses to be built; every component must say so in place
// and emit `error` (not throw, not keep spinning).
describe('malformed client properties (plain-http, non-loopback host)', () => {
  const props = (lang) => `app-id="${srv.config.appId}" user-pool-id="${srv.config.userPoolId}" host="http://auth.example.com" lang="${lang}"`;
  const expected = (lang) => core.translate(lang, 'invalidOptions', { detail: core.translate(lang, 'optionInsecureHost') });
  const firstError = (ui) => until(() => ui.events.find((e) => e.name === 'error'), 'error event');
  beforeEach(() => { thrown.length = 0; });
  afterEach(() => { while (mounted.length) mounted.pop().detach(); });

  test.each(['avatar-uploader', 'profile-form'])('<authing-%s>: the load fails with the reason shown', async (name) => {
    for (const lang of LANGS) {
      const before = traffic();
      const ui = render(name, props(lang));
      const err = await firstError(ui);
      expect(err.detail).toEqual(expect.objectContaining({ action: 'load', code: 'invalid_options', message: expected(lang) }));
      expect(ui.c.instance.data.loading).toBe(false);
      expect(ui.c.instance.data.message).toBe(expected(lang));
      expect(ui.text()).toContain(expected(lang));
      expectLocalized(expected(lang), lang);
      expect(traffic()).toBe(before);
      expect(thrown).toEqual([]);
    }
  });

  test('<authing-phone-button>: a granted number ends in an error with the reason shown', async () => {
    for (const lang of LANGS) {
      const ui = render('phone-button', props(lang));
      await simulate.sleep(0);
      const before = traffic();
      ui.q('authing-phone-button').querySelector('.t-button').dispatchEvent('getphonenumber', { detail: { errMsg: 'getPhoneNumber:ok', code: 'any-code' } });
      const err = await firstError(ui);
      expect(err.detail).toEqual(expect.objectContaining({ action: 'get-phone', code: 'invalid_options', message: expected(lang) }));
      expect(ui.c.instance.data.busy).toBe(false);
      expect(ui.text()).toContain(expected(lang));
      expect(traffic()).toBe(before);
      expect(thrown).toEqual([]);
    }
  });

  test('<authing-login>: a valid password login ends in an error with the reason shown', async () => {
    for (const lang of LANGS) {
      const ui = render('login', props(lang));
      await ui.type('authing-account', 'demo');
      await ui.type('authing-password', 'Demo@123456');
      const before = traffic();
      await ui.tap('authing-submit-password');
      const err = await firstError(ui);
      expect(err.detail.error.message).toBe(expected(lang));
      expect(ui.text()).toContain(expected(lang));
      expect(traffic()).toBe(before);
      expect(thrown).toEqual([]);
    }
  });
});
