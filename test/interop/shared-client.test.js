// Two copies of the kit in one JS context (uni-app: the app's copy in common/vendor.js, the
// components' copy under wxcomponents/) share the client registered with setDefaultClient.
const path = require('path');

const ENTRY = path.resolve(__dirname, '../../miniprogram_dist/index.js');

function loadCopy() {
  let copy;
  jest.isolateModules(() => { copy = require(ENTRY); });
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
