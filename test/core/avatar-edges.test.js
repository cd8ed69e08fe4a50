// Edges of updateAvatar (profile.test.js has the flow): its own arguments refused before the login
// check, a picker failure, each shape of upload answer (an error envelope on HTTP 200, an answer
// without a URL, an empty or broken body, a dropped connection), a progress callback that throws,
// and the upload's own, longer timeout.
const { core, DEMO, setup, expectReadableError, writePng } = require('./support');

let t;
beforeAll(async () => { t = await setup(); });
afterAll(() => t.close());
beforeEach(async () => { t.wx.clearStorageSync(); t.wx.__control.mediaQueue.length = 0; await t.dev.del('/__dev/faults'); });

async function loggedIn(options = {}) {
  const client = t.client(options);
  const [err, state] = await client.loginByPassword({ passwordPayload: { account: 'demo', password: DEMO.password } });
  expect(err).toBeNull();
  t.mark();
  return { client, token: state.access_token };
}

describe('arguments', () => {
  test.each([
    ['maxSize 0', { maxSize: 0 }, 'maxSize'],
    ['maxSize NaN', { maxSize: NaN }, 'maxSize'],
    ['maxSize as a string', { maxSize: '2MB' }, 'maxSize'],
    ['onProgress not a function', { onProgress: 'log' }, 'onProgress'],
  ])('%s → invalid_argument naming it, even before the login check', async (_what, options, name) => {
    const png = writePng();
    t.wx.__control.mediaQueue.push({ tempFilePath: png.file, size: png.size });
    const [err] = await t.client({ lang: 'en-US' }).updateAvatar(options);
    expect(err).toEqual(expect.objectContaining({ code: 'invalid_argument', message: `Invalid argument: ${name}` }));
    expect(t.wx.__control.mediaQueue).toHaveLength(1); // the picker was not opened
  });

  test('an empty or non-string filePath, or a picked file without a path → "Invalid argument: filePath", no upload', async () => {
    const { client } = await loggedIn({ lang: 'en-US' });
    t.wx.__control.mediaQueue.push({ tempFilePath: '', size: 10 });
    for (const options of [{ filePath: '' }, { filePath: 42 }, {}]) {
      const [err] = await client.updateAvatar(options);
      expect(err).toEqual(expect.objectContaining({ code: 'invalid_argument', message: 'Invalid argument: filePath' }));
    }
    expect(t.sent()).toHaveLength(0);
  });

  test('maxSize equal to the picked size is accepted', async () => {
    const { client } = await loggedIn();
    const png = writePng();
    t.wx.__control.mediaQueue.push({ tempFilePath: png.file, size: png.size });
    const [err] = await client.updateAvatar({ maxSize: png.size });
    expect(err).toBeNull();
  });
});

describe('the picker and the upload', () => {
  test('the picker failing (not a cancel) → platform error, no upload', async () => {
    const platform = { ...core.createWechatPlatform(t.wx), chooseImage: () => Promise.reject({ errMsg: 'chooseMedia:fail system error' }) };
    const { client } = await loggedIn({ platform });
    const [err] = await client.updateAvatar();
    expectReadableError(err, 'platform');
    expect(t.sent()).toHaveLength(0);
  });

  test('an error envelope on HTTP 200 → server error with its message, status, apiCode and requestId; the photo is not changed', async () => {
    const { client } = await loggedIn();
    await t.fault({ path: '/api/v2/upload', kind: 'envelope', status: 503, body: 'storage unavailable' });
    const [err, res] = await client.updateAvatar({ filePath: writePng().file });
    expect(res).toBeUndefined();
    expect(err).toEqual(expect.objectContaining({ code: 'server', message: 'storage unavailable', statusCode: 503, apiCode: 9999, requestId: expect.any(String) }));
    expect(t.sent('/api/v3/update-profile')).toHaveLength(0);
  });

  test.each([
    ['an answer with statusCode 200 and no URL', { kind: 'envelope', status: 200, body: 'ok' }],
    ['an empty body', { kind: 'empty' }],
    ['a broken JSON body', { kind: 'badjson' }],
  ])('%s → bad_response with the HTTP status, the photo not changed', async (_what, fault) => {
    const { client } = await loggedIn();
    await t.fault({ path: '/api/v2/upload', ...fault });
    const [err] = await client.updateAvatar({ filePath: writePng().file });
    expectReadableError(err, 'bad_response');
    expect(err.statusCode).toBe(200);
    expect(t.sent('/api/v3/update-profile')).toHaveLength(0);
  });

  test('a dropped connection → network error whose text does not carry the token', async () => {
    const { client, token } = await loggedIn();
    await t.fault({ path: '/api/v2/upload', kind: 'reset' });
    const [err] = await client.updateAvatar({ filePath: writePng().file });
    expectReadableError(err, 'network');
    expect(JSON.stringify(err)).not.toContain(token);
  });

  test('a progress callback that throws does not break the upload', async () => {
    const { client } = await loggedIn();
    const [err, res] = await client.updateAvatar({ filePath: writePng().file, onProgress: () => { throw new Error('boom'); } });
    expect(err).toBeNull();
    expect(res.userInfo.photo).toBe(res.data.url);
  });

  test('the upload waits at least 60 s, whatever the client\'s (shorter) API timeout', async () => {
    const { client } = await loggedIn({ timeout: 1000 });
    await t.fault({ path: '/api/v2/upload', kind: 'delay', delayMs: 2000 });
    const [err, res] = await client.updateAvatar({ filePath: writePng().file });
    expect(err).toBeNull();
    expect(res.data.url).toEqual(expect.any(String));
  });
});
