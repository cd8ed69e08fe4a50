/** @jest-environment node */
// What a web page open in the developer's browser can do to the devserver: nothing under /__dev/,
// no CORS grant to other sites, no text/plain body read as JSON, no DNS-rebound Host. The real
// cross-origin check in Chromium is test/preview/cross-origin.test.js.
const http = require('http');
const { DEMO, useServer, start, client } = require('./helpers');

const c = useServer();

/** A raw request, so the Host header can be anything. */
function raw(method, path, headers, body) {
  const { port } = new URL(c.srv.url);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path, headers, setHost: false }, (res) => {
      let text = '';
      res.on('data', (d) => { text += d; });
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, json: text ? JSON.parse(text) : undefined }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('Host header (DNS rebinding)', () => {
  test.each(['evil.example', 'evil.example:3000', 'attacker.localhost.evil.com', '127.0.0.1.nip.io'])('Host %s → 403 / 1009 before anything runs', async (host) => {
    c.srv.requests.length = 0;
    const r = await raw('GET', '/__dev/requests', { host });
    expect(r.status).toBe(403);
    expect(r.json).toMatchObject({ statusCode: 403, apiCode: 1009 });
    const reset = await raw('POST', '/__dev/reset', { host, 'content-type': 'application/json' }, '{}');
    expect(reset.status).toBe(403);
  });

  test.each(['127.0.0.1', 'localhost', 'LOCALHOST.', '[::1]:9'])('Host %s is served', async (host) => {
    expect((await raw('GET', '/__dev/config', { host })).status).toBe(200);
  });

  test('allowedHosts adds names (e.g. a tunnel the developer set up)', async () => {
    const srv = await start({ allowedHosts: ['dev.example.test'] });
    try {
      const { port } = new URL(srv.url);
      const r = await new Promise((resolve) => {
        http.get({ host: '127.0.0.1', port, path: '/__dev/config', headers: { host: 'dev.example.test:8443' }, setHost: false }, (res) => { res.resume(); resolve(res.statusCode); });
      });
      expect(r).toBe(200);
    } finally {
      await srv.close();
    }
  });
});

describe('/__dev/ refuses other sites', () => {
  test.each([
    ['another port on loopback', () => `http://127.0.0.1:${Number(new URL(c.srv.url).port) + 1}`],
    ['another host', () => 'https://evil.example'],
    ['an opaque origin (sandboxed frame, file://)', () => 'null'],
  ])('Origin from %s: every /__dev/ call → 403 / 1010 and nothing changes', async (_n, origin) => {
    await c.post('/__dev/clock', { advanceMs: 0 });
    const before = (await c.get('/__dev/clock')).json.offsetMs;
    const o = origin();
    for (const [method, path, body] of [['GET', '/__dev/requests'], ['GET', '/__dev/sms'], ['POST', '/__dev/clock', { advanceMs: 5000 }],
      ['POST', '/__dev/reset', {}], ['DELETE', '/__dev/requests']]) {
      const r = await c.request(method, path, { json: body, headers: { origin: o } });
      expect(r.status).toBe(403);
      expect(r.json).toMatchObject({ apiCode: 1010 });
      expect(r.headers.get('access-control-allow-origin')).toBeNull();
    }
    expect((await c.get('/__dev/clock')).json.offsetMs).toBe(before);
  });

  test('no Origin but Sec-Fetch-Site cross-site (an <img> or <script> tag) → 403', async () => {
    const r = await c.get('/__dev/requests', { 'sec-fetch-site': 'cross-site' });
    expect(r.status).toBe(403);
  });

  test('the server\'s own origin (the live preview) and tools without an Origin are served', async () => {
    expect((await c.get('/__dev/config', { origin: c.srv.url, 'sec-fetch-site': 'same-origin' })).status).toBe(200);
    const own = await c.post('/__dev/clock', { advanceMs: 0 }, { origin: c.srv.url });
    expect(own.status).toBe(200);
    expect(own.headers.get('access-control-allow-origin')).toBe(c.srv.url);
    expect((await c.get('/__dev/config')).status).toBe(200);
  });

  test('corsOrigins grants CORS to a listed origin (e.g. an H5 dev server), nobody else', async () => {
    const srv = await start({ corsOrigins: ['http://localhost:5173'] });
    try {
      const c2 = client(srv);
      const ok = await c2.get('/api/v3/system', { origin: 'http://localhost:5173' });
      expect(ok.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
      const other = await c2.get('/api/v3/system', { origin: 'http://localhost:5174' });
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await srv.close();
    }
  });
});

describe('simple-request bodies are not JSON', () => {
  test.each(['text/plain', 'text/plain;charset=UTF-8', 'multipart/form-data; boundary=x', 'application/xml'])(
    'a JSON body sent as %s → 415 / 1008, nothing happens', async (type) => {
      const account = `typed-as-${type.replace(/\W/g, '-')}`;
      const body = JSON.stringify({ connection: 'PASSWORD', passwordPayload: { account, password: 'Secret@123' }, options: { autoRegister: true } });
      const r = await c.request('POST', '/api/v3/signin', { body, headers: { ...c.A, 'content-type': type } });
      expect(r.status).toBe(415);
      expect(r.json).toMatchObject({ statusCode: 415, apiCode: 1008 });
      const login = await c.passwordLogin({ account, password: 'Secret@123' });
      expect(login.json.apiCode).toBe(2333); // the account was never created
    },
  );

  test('/__dev/reset with a text/plain body → 415, the data survives', async () => {
    await c.passwordLogin({ account: 'survivor', password: 'Survive@123' }, { autoRegister: true });
    const r = await c.request('POST', '/__dev/reset', { body: '{}', headers: { 'content-type': 'text/plain' } });
    expect(r.status).toBe(415);
    expect((await c.passwordLogin({ account: 'survivor', password: 'Survive@123' })).status).toBe(200);
  });

  test('JSON with a charset, +json types and bodies without a content-type (Node, curl -H) still work', async () => {
    const body = JSON.stringify({ connection: 'PASSWORD', passwordPayload: { account: DEMO.username, password: DEMO.password } });
    for (const type of ['application/json; charset=utf-8', 'application/vnd.authing+json', undefined]) {
      const headers = { ...c.A };
      if (type) headers['content-type'] = type;
      const r = await raw('POST', '/api/v3/signin', { host: '127.0.0.1', ...headers, 'content-length': Buffer.byteLength(body) }, body);
      expect(r.status).toBe(200);
    }
  });
});

describe('no 500s from odd requests', () => {
  test('a malformed %-escape under a mount (the preview) → 400, and the server keeps serving', async () => {
    const { createPreviewHandler } = require('../../preview/server');
    const srv = await start({ mounts: [createPreviewHandler({ root: require('path').resolve(__dirname, '../../demo') })] });
    try {
      const c2 = client(srv);
      for (const p of ['/preview/%E0%A4%A', '/preview/%', '/preview/pages/%ZZ']) {
        const r = await c2.get(p);
        expect(r.status).toBe(400);
        expect(r.json).toMatchObject({ apiCode: 1002, message: expect.stringMatching(/percent-encoding/) });
      }
      expect((await c2.get('/api/v3/system')).status).toBe(200);
    } finally {
      await srv.close();
    }
  });

  test('an absolute-form request target the URL parser refuses → 400', async () => {
    const r = await raw('GET', 'http://[bad/x', { host: '127.0.0.1' });
    expect(r.status).toBe(400);
  });

  test('/__dev/clock: an absurd advance is refused (±10 years) and sign-in keeps working', async () => {
    for (const advanceMs of [1e20, -1e20, 8.64e15, Number.MAX_SAFE_INTEGER]) {
      const r = await c.advanceClock(advanceMs);
      expect(r.status).toBe(400);
      expect(r.json.message).toMatch(/10 years/);
    }
    expect((await c.passwordLogin({ account: DEMO.username, password: DEMO.password })).status).toBe(200);
    const nine = 9 * 365 * 24 * 3600 * 1000;
    expect((await c.advanceClock(nine)).status).toBe(200);
    expect((await c.passwordLogin({ account: DEMO.username, password: DEMO.password })).status).toBe(200);
    expect((await c.advanceClock(-nine)).status).toBe(200);
  });
});

describe('slow clients and too many connections', () => {
  const net = require('net');

  test('a client that never finishes its request is answered 408 and dropped after requestTimeout', async () => {
    const srv = await start({ requestTimeout: 1 });
    try {
      const sock = net.connect(Number(new URL(srv.url).port), '127.0.0.1');
      sock.write('GET /api/v3/system HTTP/1.1\r\nHost: 127.0.0.1\r\n'); // headers never end
      const answer = await new Promise((resolve) => {
        let text = '';
        sock.on('data', (d) => { text += d; });
        sock.on('close', () => resolve(text));
      });
      expect(answer).toMatch(/^HTTP\/1\.1 408/);
    } finally {
      await srv.close();
    }
  });

  test('past maxConnections a new connection is closed; the open ones still work', async () => {
    const srv = await start({ maxConnections: 2 });
    const port = Number(new URL(srv.url).port);
    const open = [net.connect(port, '127.0.0.1'), net.connect(port, '127.0.0.1')];
    try {
      await Promise.all(open.map((s) => new Promise((r) => s.once('connect', r))));
      await new Promise((r) => setTimeout(r, 50)); // let the server count them
      const third = net.connect(port, '127.0.0.1');
      const text = await new Promise((resolve) => {
        let t = '';
        third.on('data', (d) => { t += d; });
        third.on('error', () => resolve(t));
        third.on('close', () => resolve(t));
        third.write('GET /api/v3/system HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
      });
      expect(text).toBe('');
      const first = await new Promise((resolve) => {
        open[0].once('data', (d) => resolve(String(d)));
        open[0].write('GET /api/v3/system HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
      });
      expect(first).toMatch(/^HTTP\/1\.1 200/);
    } finally {
      open.forEach((s) => s.destroy());
      await srv.close();
    }
  });
});
