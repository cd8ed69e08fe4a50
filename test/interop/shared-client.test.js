// Two copies of the kit in one JS context (uni-app: the app's copy in common/vendor.js, the
// components' copy under wxcomponents/) share the client registered with setDefaultClient and the
// languages the app imports; an encryptor serves the copy that imported it (the client's).
const path = require('path');

const DIST = path.resolve(__dirname, '../../miniprogram_dist');

/** A fresh copy of the core bundle, with opt-in entries (e.g. 'i18n/en-US') required into it. */
function loadCopy(optIns = []) {
  let copy;
  jest.isolateModules(() => {
    copy = require(path.join(DIST, 'index.js'));
    for (const entry of optIns) require(path.join(DIST, entry));
  });
  return copy;
}

test('a client set through one copy is the default client of the other', () => {
  const app = loadCopy();
  const components = loadCopy();
  expect(components.Authing).not.toBe(app.Authing); // really two module instances
  const client = new app.Authing({ appId: 'demo-app-id', userPoolId: 'demo-userpool-id' });
  app.setDefaultClient(client);
  expect(components.getDefaultClient()).toBe(client);
  components.setDefaultClient(undefined);
  expect(app.getDefaultClient()).toBeUndefined();
});

test('the registry is not an enumerable global', () => {
  loadCopy().setDefaultClient(undefined);
  expect(Object.keys(globalThis).filter((k) => /authing/i.test(k))).toEqual([]);
});

test('a language registered through the app\'s copy reaches the components\' copy; an encryptor stays with its copy', () => {
  const components = loadCopy();
  const app = loadCopy(['i18n/en-US', 'crypto/rsa']);
  const english = app.translate('en-US', 'network');
  expect(english).toMatch(/network/i);
  expect(components.translate('en-US', 'network')).toBe(english);
  app.registerMessages('en-US', { network: 'Offline (registered by the app copy)' });
  expect(components.translate('en-US', 'network')).toBe('Offline (registered by the app copy)');
  app.registerMessages('en-US', { network: english });
  expect(typeof app.getEncryptor('rsa').encrypt).toBe('function');
  expect(components.getEncryptor('rsa')).toBeUndefined();
});
