// getUserInfo, updateUserInfo, updatePassword, updateAvatar over HTTP.
const { core, encryptRsa, encryptSm2, DEMO, setup, bodyOf, expectSdkHeaders, expectContractHeaders, expectReadableError, deepFreeze, writePng, writeFile } = require('./support');

let t;
beforeAll(async () => { t = await setup(); });
afterAll(() => t.close());
beforeEach(async () => { t.wx.clearStorageSync(); t.wx.__control.mediaQueue.length = 0; await t.dev.del('/__dev/faults'); });

async function loggedIn(options = {}, password = DEMO.password) {
  const client = t.client(options);
  const [err, state] = await client.loginByPassword({ passwordPayload: { account: 'demo', password } });
  expect(err).toBeNull();
  t.mark();
  return { client, token: state.access_token };
}

describe('getUserInfo', () => {
  test('GET /api/v3/get-profile, headers U + raw token, all three flags false by default', async () => {
    const { client, token } = await loggedIn();
    const [err, user] = await client.getUserInfo();
    expect(err).toBeNull();
    expect(user).toMatchObject({ username: 'demo', email: DEMO.email });
    const [req] = t.sent('/api/v3/get-profile');
    expect(req.method).toBe('GET');
    expect(req.query).toBe('?withCustomData=false&withIdentities=false&withDepartmentIds=false');
    expectSdkHeaders(req);
    expectContractHeaders(req, { U: true, T: token }, t.config);
    expect(req.headers.authorization).not.toMatch(/^Bearer/);
  });

  test('an object sends only its keys', async () => {
    const { client } = await loggedIn();
    await client.getUserInfo(deepFreeze({ withCustomData: true }));
    expect(t.sent('/api/v3/get-profile')[0].query).toBe('?withCustomData=true');
    const [err] = await client.getUserInfo({ withIdentities: 'yes' });
    expectReadableError(err, 'invalid_argument');
  });

  test('not logged in → not_logged_in, no request; a revoked token → server error', async () => {
    t.mark();
    const [err] = await t.client().getUserInfo();
    expectReadableError(err, 'not_logged_in');
    expect(t.sent()).toHaveLength(0);
    const { client, token } = await loggedIn();
    await t.api('POST', '/oidc/token/revocation', `client_id=${t.config.appId}&token=${token}`, { 'content-type': 'application/x-www-form-urlencoded' });
    const [revoked] = await client.getUserInfo();
    expectReadableError(revoked, 'server');
    expect(revoked.statusCode).toBe(401);
  });
});

describe('updateUserInfo', () => {
  test('POST /api/v3/update-profile with only the given known fields; returns the user', async () => {
    const { client, token } = await loggedIn();
    const input = deepFreeze({ nickname: '小明', gender: 'M', birthdate: '1990-01-02', customData: { a: 1 }, unknownField: 'dropped' });
    const [err, user] = await client.updateUserInfo(input);
    expect(err).toBeNull();
    expect(user).toMatchObject({ nickname: '小明', gender: 'M', birthdate: '1990-01-02' });
    const [req] = t.sent('/api/v3/update-profile');
    expectSdkHeaders(req);
    expectContractHeaders(req, { U: true, T: token }, t.config);
    expect(bodyOf(req)).toEqual({ nickname: '小明', gender: 'M', birthdate: '1990-01-02', customData: { a: 1 } });
  });

  test.each([
    ['gender', { gender: 'X' }],
    ['future birthdate', { birthdate: '2999-01-01' }],
    ['bad date', { birthdate: '1990-02-30' }],
    ['text > 255', { nickname: 'x'.repeat(256) }],
    ['control character', { name: 'a\u0000b' }],
    ['bidi override', { city: 'a\u202Eb' }],
    ['non-string', { nickname: 42 }],
    ['customData not an object', { customData: 'x' }],
  ])('validation: %s → invalid_argument, no request', async (_n, input) => {
    const { client } = await loggedIn();
    const [err] = await client.updateUserInfo(input);
    expectReadableError(err, 'invalid_argument');
    expect(t.sent()).toHaveLength(0);
  });
});

describe('updatePassword', () => {
  test('plain: POST /api/v3/update-password, headers U + T; wrong old password → server error', async () => {
    const { client, token } = await loggedIn();
    const [bad] = await client.updatePassword({ newPassword: 'Other@123456', oldPassword: 'wrong-old' });
    expectReadableError(bad, 'server');
    expect(bad.apiCode).toBe(2006);
    const [err, res] = await client.updatePassword(deepFreeze({ newPassword: 'Temp@123456', oldPassword: DEMO.password }));
    expect(err).toBeNull();
    expect(res).toMatchObject({ statusCode: 200 });
    const req = t.sent('/api/v3/update-password')[1];
    expectContractHeaders(req, { U: true, T: token }, t.config);
    expect(bodyOf(req)).toEqual({ newPassword: 'Temp@123456', oldPassword: DEMO.password });
    // restore through an encrypted change: BOTH passwords are encrypted on the wire
    const { client: rsa } = await loggedIn({ encryptFunction: encryptRsa }, 'Temp@123456');
    const [err2] = await rsa.updatePassword({ newPassword: DEMO.password, oldPassword: 'Temp@123456', passwordEncryptType: 'rsa' });
    expect(err2).toBeNull();
    const body = bodyOf(t.sent('/api/v3/update-password')[0]);
    expect(body.passwordEncryptType).toBe('rsa');
    expect(body.newPassword).toMatch(/^[A-Za-z0-9+/]{342}==$/);
    expect(body.oldPassword).toMatch(/^[A-Za-z0-9+/]{342}==$/);
    expect(body.oldPassword).not.toBe(body.newPassword);
    await loggedIn(); // the demo password works again
  });

  test('SM2-encrypted change round-trips', async () => {
    const { client } = await loggedIn({ encryptFunction: encryptSm2 });
    const [err] = await client.updatePassword({ newPassword: DEMO.password, oldPassword: DEMO.password, passwordEncryptType: 'sm2' });
    expect(err).toBeNull();
    expect(bodyOf(t.sent('/api/v3/update-password')[0]).oldPassword).toMatch(/^[0-9a-f]+$/);
  });

  test('validation and auth gate', async () => {
    const [gate] = await t.client().updatePassword({ newPassword: 'Valid@123456' });
    expectReadableError(gate, 'not_logged_in');
    const { client } = await loggedIn();
    for (const input of [{ newPassword: '123' }, { newPassword: '' }, { newPassword: 'Valid@123456', oldPassword: '' }, { newPassword: 'Valid@123456', passwordEncryptType: 'md5' }]) {
      const [err] = await client.updatePassword(input);
      expectReadableError(err, 'invalid_argument');
    }
    expect(t.sent()).toHaveLength(0);
  });
});

describe('updateAvatar', () => {
  test('picks an image, uploads it with the token, sets photo, reports progress', async () => {
    const { client, token } = await loggedIn();
    const png = writePng();
    t.wx.__control.mediaQueue.push({ tempFilePath: png.file, size: png.size });
    const progress = [];
    const [err, res] = await client.updateAvatar(deepFreeze({ onProgress: (p) => progress.push(p) }));
    expect(err).toBeNull();
    expect(res.code).toBe(200);
    expect(res.data.url).toMatch(/\/__files\/avatar\/[0-9a-f]{32}\.png$/);
    expect(res.userInfo.photo).toBe(res.data.url);
    expect(progress[progress.length - 1]).toBe(100);
    const [up] = t.sent('/api/v2/upload');
    expect(up.query).toBe('?folder=avatar');
    expect(up.headers.authorization).toBe(token);
    expectSdkHeaders(up);
    expect(up.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(up.body).toMatch(/name="file"/);
    expect(bodyOf(t.sent('/api/v3/update-profile')[0])).toEqual({ photo: res.data.url });
    const uploads = await t.dev.get('/__dev/uploads');
    expect(uploads.uploads.find((u) => res.data.url.endsWith(u.key)).authorization).toBe('valid');
  });

  test('chooseMedia is asked for images only', async () => {
    const calls = [];
    const wxSpy = { ...t.wx, chooseMedia: (o) => { calls.push(o); return t.wx.chooseMedia(o); } };
    const { client } = await loggedIn({ platform: core.createWechatPlatform(wxSpy) });
    await client.updateAvatar();
    expect(calls[0]).toMatchObject({ count: 1, mediaType: ['image'], sourceType: ['album', 'camera'], sizeType: ['compressed'] });
  });

  test('user cancels → code cancel, no upload', async () => {
    const { client } = await loggedIn();
    const [err] = await client.updateAvatar();
    expectReadableError(err, 'cancel');
    expect(t.sent()).toHaveLength(0);
  });

  test('too large / not an image → invalid_argument before any upload (localized)', async () => {
    const { client } = await loggedIn({ lang: 'en-US' });
    const png = writePng();
    t.wx.__control.mediaQueue.push({ tempFilePath: png.file, size: 3 * 1024 * 1024 });
    const [big] = await client.updateAvatar();
    expectReadableError(big, 'invalid_argument');
    expect(big.message).toBe('The image must not exceed 2 MB');
    t.wx.__control.mediaQueue.push({ tempFilePath: png.file, size: png.size });
    const [small] = await client.updateAvatar({ maxSize: 10 });
    expect(small.message).toBe('The image must not exceed 10 B');
    t.wx.__control.mediaQueue.push({ tempFilePath: '/tmp/clip.mp4', size: 100, fileType: 'video' });
    const [video] = await client.updateAvatar();
    expect(video.message).toBe('Please choose an image file');
    const [txt] = await client.updateAvatar({ filePath: '/tmp/notes.txt' });
    expectReadableError(txt, 'invalid_argument');
    expect(t.sent()).toHaveLength(0);
  });

  test('the server refusing the file (not really an image) → server error from the upload', async () => {
    const { client } = await loggedIn();
    const fake = writeFile('fake.png', 'this is text');
    const [err] = await client.updateAvatar({ filePath: fake.file });
    expectReadableError(err, 'server');
    expect(err.apiCode).toBe(4001);
    expect(t.sent('/api/v3/update-profile')).toHaveLength(0);
  });

  test('a failed profile update after the upload is reported', async () => {
    const { client } = await loggedIn();
    const png = writePng();
    await t.fault({ path: '/api/v3/update-profile', kind: 'envelope', count: 1, status: 500, body: 'profile store unavailable' });
    const [err] = await client.updateAvatar({ filePath: png.file });
    expectReadableError(err, 'server');
    expect(err.message).toBe('profile store unavailable');
    expect(t.sent('/api/v2/upload')).toHaveLength(1);
  });

  test('an HTML error page from the upload endpoint → http error', async () => {
    const { client } = await loggedIn();
    const png = writePng();
    await t.fault({ path: '/api/v2/upload', kind: 'html500', count: 1 });
    const [err] = await client.updateAvatar({ filePath: png.file });
    expectReadableError(err, 'http');
    expect(err.statusCode).toBe(500);
  });

  test('not logged in → not_logged_in without opening the picker', async () => {
    const png = writePng();
    t.wx.__control.mediaQueue.push({ tempFilePath: png.file, size: png.size });
    const [err] = await t.client().updateAvatar();
    expectReadableError(err, 'not_logged_in');
    expect(t.wx.__control.mediaQueue).toHaveLength(1);
  });
});
