// What every copy of the kit in one JS context shares (uni-app and Taro bundle the app's copy apart
// from the components' copy): the default client and the registered message tables. Encryptors stay
// with the copy that required them.
const { bareCore } = require('./support');

const DUMMY_CLIENT = { options: { appId: 'shared' } };

afterEach(() => bareCore().setDefaultClient(undefined));

test('a default client set through one copy is the one every other copy gets; unset clears it for all', () => {
  const app = bareCore();
  const components = bareCore();
  expect(components.getDefaultClient()).toBeUndefined();
  app.setDefaultClient(DUMMY_CLIENT);
  expect(components.getDefaultClient()).toBe(DUMMY_CLIENT);
  expect(bareCore().getDefaultClient()).toBe(DUMMY_CLIENT);
  components.setDefaultClient(undefined);
  expect(app.getDefaultClient()).toBeUndefined();
});

test('messages registered through one copy translate in the others; a later table extends and overrides', () => {
  const app = bareCore();
  const components = bareCore();
  expect(components.translate('en-US', 'kitTestGreeting')).toBe('kitTestGreeting'); // unknown until registered
  app.registerMessages('en-US', { kitTestGreeting: 'Hello {name}', kitTestFarewell: 'Bye' });
  expect(components.translate('en-US', 'kitTestGreeting', { name: 'Li' })).toBe('Hello Li');
  components.registerMessages('en-US', { kitTestGreeting: 'Hi {name}' });
  expect(app.translate('en-US', 'kitTestGreeting', { name: 'Li' })).toBe('Hi Li');
  expect(app.translate('en-US', 'kitTestFarewell')).toBe('Bye');
  expect(app.translate('zh-CN', 'kitTestFarewell')).toBe('kitTestFarewell');
});

test('an encryptor registered in one copy is not seen by another', () => {
  const app = bareCore();
  const other = bareCore();
  const encryptor = { encrypt: (value) => `enc(${value})` };
  app.registerEncryptor('rsa', encryptor);
  expect(app.getEncryptor('rsa')).toBe(encryptor);
  expect(other.getEncryptor('rsa')).toBeUndefined();
  expect(app.getEncryptor('sm2')).toBeUndefined();
});
