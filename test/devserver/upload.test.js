/** @jest-environment node */
// POST /api/v2/upload?folder=avatar (multipart, images only, 2 MB) and GET /__files/<key>.
const { start, useServer } = require('./helpers');

const c = useServer();

// Uploads need a signed-in user: every upload below carries the demo user's token unless it says otherwise.
let token;
beforeAll(async () => { token = (await c.loginDemo()).access_token; });

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('png-body')]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('jpeg-body')]);
const GIF = Buffer.from('GIF89a-gif-body');
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0, 0, 0, 0]), Buffer.from('WEBPVP8 body')]);

function uploadForm(bytes, { field = 'file', filename = 'a.png', folder = 'avatar', headers = {} } = {}) {
  const fd = new FormData();
  fd.append('extra', 'field');
  fd.append(field, new Blob([bytes], { type: 'application/octet-stream' }), filename);
  const all = { 'x-authing-lang': 'en-US', authorization: token, ...headers };
  if (all.authorization === null) delete all.authorization;
  return fetch(`${c.srv.url}/api/v2/upload${folder === null ? '' : `?folder=${folder}`}`, { method: 'POST', body: fd, headers: all })
    .then(async (r) => ({ status: r.status, json: await r.json() }));
}

describe('successful uploads', () => {
  test.each([
    ['PNG', PNG, 'image/png', 'png'],
    ['JPEG', JPEG, 'image/jpeg', 'jpg'],
    ['GIF', GIF, 'image/gif', 'gif'],
    ['WEBP', WEBP, 'image/webp', 'webp'],
  ])('%s is stored and served back with its content-type', async (_n, bytes, type, ext) => {
    const r = await uploadForm(bytes);
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ code: 200, message: expect.any(String), data: { key: expect.stringMatching(new RegExp(`^avatar/[0-9a-f]{32}\\.${ext}$`)) } });
    expect(r.json.data.url).toBe(`${c.srv.url}/__files/${r.json.data.key}`);
    const file = await fetch(r.json.data.url);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe(type);
    expect(Buffer.from(await file.arrayBuffer()).equals(bytes)).toBe(true);
  });

  test('the magic bytes decide, not the file name', async () => {
    const r = await uploadForm(PNG, { filename: 'photo.jpg' });
    expect(r.json.data.key).toMatch(/\.png$/);
  });

  test('the folder defaults to "default"', async () => {
    const r = await uploadForm(PNG, { folder: null });
    expect(r.json.data.key).toMatch(/^default\//);
  });

  test('records the uploading user', async () => {
    const r = await uploadForm(PNG);
    const uploads = (await c.get('/__dev/uploads')).json.uploads;
    const me = (await c.profile(token)).json.data.userId;
    expect(uploads.find((u) => u.key === r.json.data.key)).toMatchObject({ authorization: 'valid', userId: me, size: PNG.length, contentType: 'image/png' });
  });

  test('a file of exactly 2 MB is accepted', async () => {
    const bytes = Buffer.alloc(2 * 1024 * 1024, 1);
    PNG.copy(bytes);
    expect((await uploadForm(bytes)).status).toBe(200);
  });
});

describe('rejected uploads', () => {
  test.each([
    ['no token', null, 2020],
    ['a garbage token', 'garbage', 2023],
  ])('%s → 401 (apiCode %s) and nothing is stored', async (_n, authorization, apiCode) => {
    const before = (await c.get('/__dev/uploads')).json.uploads.length;
    const r = await uploadForm(PNG, { headers: { authorization } });
    expect(r.status).toBe(401);
    expect(r.json).toMatchObject({ code: 401, statusCode: 401, apiCode });
    expect((await c.get('/__dev/uploads')).json.uploads).toHaveLength(before);
  });

  test('non-image → 400 apiCode 4001 (in the v2 shape with code and statusCode)', async () => {
    const r = await uploadForm(Buffer.from('just some text'), { filename: 'a.png' });
    expect(r.status).toBe(400);
    expect(r.json).toMatchObject({ code: 400, statusCode: 400, apiCode: 4001, requestId: expect.any(String) });
    const empty = await uploadForm(Buffer.alloc(0));
    expect(empty.json.apiCode).toBe(4001);
  });

  test('a file over 2 MB → 413 apiCode 4002', async () => {
    const bytes = Buffer.alloc(2 * 1024 * 1024 + 1, 1);
    PNG.copy(bytes);
    const r = await uploadForm(bytes);
    expect(r.status).toBe(413);
    expect(r.json).toMatchObject({ code: 413, statusCode: 413, apiCode: 4002 });
  });

  test('a body far over the limit → 413, and the server keeps answering', async () => {
    const bytes = Buffer.alloc(5 * 1024 * 1024, 1);
    PNG.copy(bytes);
    const r = await uploadForm(bytes);
    expect(r.status).toBe(413);
    expect(r.json.apiCode).toBe(4002);
    expect((await c.get('/api/v3/system')).status).toBe(200);
  });

  test('no "file" field → 400', async () => {
    const r = await uploadForm(PNG, { field: 'image' });
    expect(r.status).toBe(400);
    expect(r.json).toMatchObject({ apiCode: 4003, message: 'multipart field "file" is required' });
  });

  test('not multipart, or broken multipart → 400', async () => {
    const json = await c.post('/api/v2/upload?folder=avatar', { file: 'x' }, { authorization: token });
    expect(json.status).toBe(400);
    expect(json.json.apiCode).toBe(4003);
    const broken = await c.request('POST', '/api/v2/upload', {
      body: '--xyz\r\nContent-Disposition: form-data; name="file"\r\n\r\nno end',
      headers: { 'content-type': 'multipart/form-data; boundary=xyz', authorization: token },
    });
    expect(broken.status).toBe(400);
    expect(broken.json.message).toMatch(/malformed multipart/);
  });

  test('a bad folder name → 400', async () => {
    expect((await uploadForm(PNG, { folder: '..%2Fetc' })).status).toBe(400);
  });
});

describe('GET /__files/', () => {
  test('unknown or malformed keys → 404 envelope', async () => {
    for (const p of ['/__files/avatar/0123456789abcdef0123456789abcdef.png', '/__files/..%2F..%2Fpackage.json', '/__files/%E0%A4%A']) {
      const r = await c.get(p);
      expect(r.status).toBe(404);
      expect(r.json.apiCode).toBe(1004);
    }
  });

  test('/__files requests are not recorded in srv.requests', async () => {
    c.srv.requests.length = 0;
    await c.get('/__files/default-avatar.svg');
    expect(c.srv.requests).toHaveLength(0);
  });
});

describe('a smaller configured limit', () => {
  test('maxUploadBytes is configurable', async () => {
    const small = await start({ maxUploadBytes: 1024, seed: false });
    try {
      const signup = await fetch(`${small.url}/api/v3/signin`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-authing-app-id': small.config.appId },
        body: JSON.stringify({ connection: 'PASSWORD', passwordPayload: { username: 'up', password: 'Upload@123' }, options: { autoRegister: true } }),
      });
      const { access_token: smallToken } = (await signup.json()).data;
      const bytes = Buffer.alloc(1025, 1);
      PNG.copy(bytes);
      const fd = new FormData();
      fd.append('file', new Blob([bytes]), 'a.png');
      const r = await fetch(`${small.url}/api/v2/upload`, { method: 'POST', body: fd, headers: { authorization: smallToken } });
      expect(r.status).toBe(413);
    } finally {
      await small.close();
    }
  });
});
