// Edges of the public-key cache behind getPublicKey and encrypted logins (password-login.test.js and
// before-the-tap.test.js have the flows): the `/api/v3/system` answer shapes it reads, a key the
// server did not provide, what the persisted copy must look like to be trusted, and a failed fetch
// that is not remembered. The `/system` answers come from a platform whose request is scripted.
const { core, setup } = require('./support');
const { keyStorageKey } = require('../helpers/kit').internal('core/public-key');

let t;
beforeAll(async () => { t = await setup(); });
afterAll(() => t.close());
beforeEach(() => { t.wx.clearStorageSync(); });

const PEM = '-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----';
const SM2 = `04${'ab'.repeat(64)}`;

/** The wx shim's platform, with `/api/v3/system` answered by `answers` in turn (counted). */
function scripted(...answers) {
  const base = core.createWechatPlatform(t.wx);
  const calls = { system: 0 };
  const platform = {
    ...base,
    request: (req) => {
      if (!req.url.endsWith('/api/v3/system')) return base.request(req);
      calls.system++;
      const answer = answers.length > 1 ? answers.shift() : answers[0];
      return Promise.resolve({ statusCode: answer.status || 200, data: answer.body, header: {} });
    },
  };
  return { calls, client: t.client({ platform, lang: 'en-US' }) };
}

const storageKey = () => keyStorageKey(t.srv.url);

describe('the /system answer', () => {
  test('keys inside the envelope\'s data; a type it lacks → bad_response naming the type', async () => {
    const { client, calls } = scripted({ body: { statusCode: 200, data: { rsa: { publicKey: PEM } } } });
    expect(await client.getPublicKey('rsa')).toEqual([null, PEM]);
    const [err] = await client.getPublicKey('sm2');
    expect(err).toEqual(expect.objectContaining({ code: 'bad_response', message: 'The server provided no SM2 public key, please contact the administrator' }));
    expect(calls.system).toBe(1);
  });

  test('keys at the top level (as the seed reads them); a blank or non-string key is no key', async () => {
    const { client } = scripted({ body: { rsa: { publicKey: '  ' }, sm2: { publicKey: SM2 } } });
    expect(await client.getPublicKey('sm2')).toEqual([null, SM2]);
    expect((await client.getPublicKey('rsa'))[0]).toEqual(expect.objectContaining({ code: 'bad_response', message: expect.stringContaining('RSA') }));
    t.wx.clearStorageSync();
    const other = scripted({ body: { sm2: { publicKey: 42 }, rsa: { publicKey: PEM } } });
    expect(await other.client.getPublicKey('rsa')).toEqual([null, PEM]);
    expect((await other.client.getPublicKey('sm2'))[0].code).toBe('bad_response');
  });

  test('the keys are persisted in the /system shape with the time of the fetch', async () => {
    const before = Date.now();
    await scripted({ body: { data: { rsa: { publicKey: PEM }, sm2: { publicKey: SM2 } } } }).client.getPublicKey('rsa');
    const stored = t.wx.getStorageSync(storageKey());
    expect(stored.keys).toEqual({ rsa: { publicKey: PEM }, sm2: { publicKey: SM2 } });
    expect(stored.at).toBeGreaterThanOrEqual(before);
    expect(stored.at).toBeLessThanOrEqual(Date.now());
  });

  test('a failed fetch is returned and not remembered: the next call asks again', async () => {
    const { client, calls } = scripted({ status: 500, body: '<html>down</html>' }, { body: { rsa: { publicKey: PEM } } });
    const [err] = await client.getPublicKey('rsa');
    expect(err).toEqual(expect.objectContaining({ code: 'http' }));
    expect(t.wx.getStorageSync(storageKey())).toBeFalsy();
    expect(await client.getPublicKey('rsa')).toEqual([null, PEM]);
    expect(calls.system).toBe(2);
  });

  test('concurrent first calls share one fetch', async () => {
    const { client, calls } = scripted({ body: { rsa: { publicKey: PEM }, sm2: { publicKey: SM2 } } });
    const results = await Promise.all([client.getPublicKey('rsa'), client.getPublicKey('sm2'), client.getPublicKey('rsa')]);
    expect(results).toEqual([[null, PEM], [null, SM2], [null, PEM]]);
    expect(calls.system).toBe(1);
  });
});

describe('the persisted copy', () => {
  const fresh = { body: { rsa: { publicKey: `${PEM}\n` } } };

  test('within a day it is used without a request', async () => {
    t.wx.setStorageSync(storageKey(), { keys: { rsa: { publicKey: PEM } }, at: Date.now() - 23 * 3600 * 1000 });
    const { client, calls } = scripted(fresh);
    expect(await client.getPublicKey('rsa')).toEqual([null, PEM]);
    expect(calls.system).toBe(0);
  });

  test.each([
    ['older than a day', () => ({ keys: { rsa: { publicKey: PEM } }, at: Date.now() - 24 * 3600 * 1000 - 1000 })],
    ['dated in the future', () => ({ keys: { rsa: { publicKey: PEM } }, at: Date.now() + 60 * 1000 })],
    ['without a date', () => ({ keys: { rsa: { publicKey: PEM } } })],
    ['in an older shape (bare strings)', () => ({ keys: { rsa: PEM }, at: Date.now() })],
    ['without keys', () => ({ at: Date.now() })],
  ])('%s: fetched again', async (_what, entry) => {
    t.wx.setStorageSync(storageKey(), entry());
    const { client, calls } = scripted(fresh);
    expect(await client.getPublicKey('rsa')).toEqual([null, `${PEM}\n`]);
    expect(calls.system).toBe(1);
  });
});
