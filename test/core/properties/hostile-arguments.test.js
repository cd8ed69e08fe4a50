// Property: every public method, called with hostile arguments while logged in, resolves (never throws
// or rejects) to a well-formed tuple with a readable error; bad input costs zero requests; the stored
// state is unchanged, or updated exactly as the method's success says; no error carries a token.
const { core, DEMO, setup } = require('../support');
const { fc, RUNS, METHOD_ARGS, ERROR_CODES } = require('./generators');

let t;
let loggedIn;
beforeAll(async () => {
  t = await setup();
  const [err] = await t.client().loginByPassword({ passwordPayload: { account: 'demo', password: DEMO.password }, options: { scope: 'openid profile offline_access' } });
  if (err) throw new Error(err.message);
  loggedIn = t.stored();
});
afterAll(() => t.close());

/** Asserts the tuple shape and a readable, known error. */
function expectWellFormed(result) {
  expect(Array.isArray(result)).toBe(true);
  expect(result).toHaveLength(2);
  const [err, data] = result;
  if (err === null) {
    expect(data).not.toBeUndefined();
    return;
  }
  expect(data).toBeUndefined();
  expect(ERROR_CODES).toContain(err.code);
  expect(typeof err.message).toBe('string');
  expect(err.message.trim().length).toBeGreaterThan(0);
  expect(err.message).not.toMatch(/\[object |^\{.*\}$/);
}

const LOGINS = ['saveLoginState', 'loginByPassword', 'loginByPassCode', 'loginByCode', 'loginByPhone'];

describe.each(Object.keys(METHOD_ARGS))('%s with hostile arguments', (method) => {
  test('never throws, readable error, zero requests on bad input, state kept or correctly updated, no token in errors', async () => {
    await fc.assert(fc.asyncProperty(METHOD_ARGS[method], async (arg) => {
      t.wx.setStorageSync(t.storageKey, loggedIn);
      const before = JSON.stringify(t.stored());
      const client = t.client();
      t.mark();
      let result;
      try {
        result = await client[method](arg);
      } catch (e) {
        throw new Error(`${method} threw: ${e && e.message}`);
      }
      expectWellFormed(result);
      const [err, data] = result;
      const text = JSON.stringify(err) || '';
      for (const secret of [loggedIn.access_token, loggedIn.refresh_token, loggedIn.id_token, DEMO.password]) expect(text).not.toContain(secret);
      if (err) {
        if (err.code === 'invalid_argument') expect(t.sent()).toEqual([]);
        expect(JSON.stringify(t.stored())).toBe(before);
      } else if (LOGINS.includes(method)) {
        expect(t.stored().access_token || t.stored().id_token).toBe(data.access_token || data.id_token);
        expect(Number.isFinite(t.stored().expires_at)).toBe(true);
      } else if (method !== 'deleteAccount') {
        expect(JSON.stringify(t.stored())).toBe(before);
      }
      expect({}.polluted).toBeUndefined();
    }), { numRuns: RUNS });
  }, 20000 + RUNS * 200);
});

test('argument-less methods with the stored state replaced by hostile JSON never throw and leave it as it was', async () => {
  await fc.assert(fc.asyncProperty(fc.oneof(fc.jsonValue(), fc.record({ access_token: fc.jsonValue(), refresh_token: fc.jsonValue(), expires_at: fc.jsonValue(), _kit: fc.jsonValue() }, { requiredKeys: [] })), fc.constantFrom('getLoginState', 'refreshToken', 'getUserInfo', 'getPublicKey'), async (stored, method) => {
    t.wx.setStorageSync(t.storageKey, stored);
    const before = JSON.stringify(t.wx.getStorageSync(t.storageKey));
    const result = await t.client()[method]();
    expectWellFormed(result);
    if (result[0]) expect(JSON.stringify(t.wx.getStorageSync(t.storageKey))).toBe(before);
  }), { numRuns: RUNS * 2 });
}, 20000 + RUNS * 200);
