// What a core WITHOUT the opt-in modules does (a fresh copy of the built core, nothing registered),
// and what requiring each module adds: account methods on the one class, English messages, encryptors.
const { DEMO, setup, bareCore, bareClient } = require('./support');
const { LoginForm } = require('../helpers/kit').internal('core/flows/login-form');

let t;
beforeAll(async () => { t = await setup(); });
afterAll(() => t.close());

const ACCOUNT_METHODS = [
  'sendEmailCode', 'updatePassword', 'updateAvatar', 'bindPhone', 'bindEmail', 'updatePhoneRequest', 'updatePhone',
  'updateEmailRequest', 'updateEmail', 'deleteAccountRequest', 'deleteAccount', 'decryptData', 'bindWxByCode', 'bindPlatformByCode',
];

test('account: the core alone has none of its methods; requiring it attaches all of them to the same class', async () => {
  const bare = bareCore();
  expect(ACCOUNT_METHODS.filter((m) => typeof bare.Authing.prototype[m] === 'function')).toEqual([]);
  const withAccount = bareCore(['account']);
  expect(ACCOUNT_METHODS.filter((m) => typeof withAccount.Authing.prototype[m] !== 'function')).toEqual([]);
  // Attached methods work on clients made before or after, with the client's own state.
  const client = bareClient(t, ['account']);
  t.mark();
  const [err] = await client.bindPhone({ phoneNumber: '13800000000', passCode: '123456' });
  expect(err.code).toBe('not_logged_in');
  expect(t.sent()).toEqual([]);
});

test('i18n/en-US: without it an en-US client still sends x-authing-lang en-US but its own messages are zh-CN', async () => {
  t.mark();
  // Languages live in the JS context's registry, shared by every copy of the kit, and the test setup
  // imported en-US: the registry is emptied of it to stand for an app that never imported it.
  const languages = globalThis[Symbol.for('authing-miniapp-kit.registry')].messages;
  const setupEnglish = languages['en-US'];
  delete languages['en-US'];
  const bare = bareClient(t, [], { lang: 'en-US' });
  const [err] = await bare.loginByPassword({ passwordPayload: { account: DEMO.username, password: '' } });
  expect(err.message).toBe('请输入密码');
  languages['en-US'] = setupEnglish;
  const english = bareClient(t, ['i18n/en-US'], { lang: 'en-US' });
  const [enErr] = await english.loginByPassword({ passwordPayload: { account: DEMO.username, password: '' } });
  expect(enErr.message).toBe('Please enter your password');
  expect(t.sent()).toEqual([]);
  const [serverErr] = await bare.loginByPassword({ passwordPayload: { account: DEMO.username, password: 'wrong-password' } });
  expect(serverErr.code).toBe('server');
  expect(t.sent('/api/v3/signin')[0].headers['x-authing-lang']).toBe('en-US');
});

test('crypto: requiring a module registers its encryptor and exports it', () => {
  const bare = bareCore();
  expect([bare.getEncryptor('rsa'), bare.getEncryptor('sm2')]).toEqual([undefined, undefined]);
  let rsa;
  jest.isolateModules(() => {
    const core = require('../../miniprogram_dist/index');
    rsa = require('../../miniprogram_dist/crypto/rsa');
    expect(core.getEncryptor('rsa').encrypt).toBe(rsa.encryptRsa);
    expect(core.getEncryptor('sm2')).toBeUndefined();
  });
  expect(rsa.default).toBe(rsa.encryptRsa);
});

test('login form email tab without the account module: a readable error naming it, no request', async () => {
  const client = bareClient(t);
  const events = [];
  const form = new LoginForm({
    getClient: () => client, onChange() {}, emit: (name, detail) => events.push({ name, detail }), notify() {}, message: (k) => k,
  }, { methods: ['email'] });
  form.input('email', 'someone@example.com');
  t.mark();
  await form.sendCode();
  const message = 'sendEmailCode 需要先引入 authing-miniapp-kit/account';
  expect(events).toEqual([{
    name: 'error',
    detail: { method: 'email', action: 'send-code', code: 'invalid_options', message, error: { code: 'invalid_options', message } },
  }]);
  expect(t.sent()).toEqual([]);
});

test('the login form prepares what its visible tab needs: encryption on the password tab, a wx.login code on the WeChat tab', async () => {
  const client = t.client();
  const prepareEncryption = jest.spyOn(client, 'prepareEncryption');
  const prepareWechatCode = jest.spyOn(client, 'prepareWechatCode');
  const stopWechatCode = jest.spyOn(client, 'stopWechatCode');
  const form = new LoginForm({ getClient: () => client, onChange() {}, emit() {}, notify() {}, message: (k) => k }, { encrypt: 'sm2' });
  form.restore(); // attached: the password tab shows
  expect(prepareEncryption.mock.calls).toEqual([['sm2']]);
  form.input('password', 'x'); // already prepared: not again
  expect(prepareEncryption).toHaveBeenCalledTimes(1);
  form.selectMethod('wechat');
  expect(prepareWechatCode).toHaveBeenCalledTimes(1);
  form.selectMethod('password');
  expect(stopWechatCode).toHaveBeenCalled();
  form.hidden();
  await client.prepareEncryption('none');
});
