/** @jest-environment node */
// Cross-cutting HTTP behaviour (CORS, 404/405/413, bad JSON, requestId, request log) and
// the /__dev/ controls: config, clock, faults, reset.
const { DEMO, useServer } = require('./helpers');

const c = useServer();

const addFault = (spec) => c.post('/__dev/faults', spec);

describe('HTTP basics', () => {
  test('CORS: granted to the server\'s own origin only, never "*"', async () => {
    const preflight = (origin) => fetch(`${c.srv.url}/api/v3/signin`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-authing-app-id' },
    });
    const { port } = new URL(c.srv.url);
    for (const own of [c.srv.url, `http://localhost:${port}`]) {
      const pre = await preflight(own);
      expect(pre.status).toBe(204);
      expect(pre.headers.get('access-control-allow-origin')).toBe(own);
      expect(pre.headers.get('access-control-allow-headers')).toContain('x-authing-app-id');
      expect(pre.headers.get('access-control-allow-methods')).toContain('POST');
    }
    for (const foreign of ['http://localhost:8080', `http://127.0.0.1:${Number(port) + 1}`, 'null', 'https://evil.example']) {
      const pre = await preflight(foreign);
      expect(pre.status).toBe(403);
      expect(pre.headers.get('access-control-allow-origin')).toBeNull();
    }
    const normal = await c.get('/api/v3/system', { origin: 'http://localhost:8080' });
    expect(normal.headers.get('access-control-allow-origin')).toBeNull();
  });

  test('unknown path → 404 envelope; wrong method → 405 envelope', async () => {
    const r = await c.get('/api/v3/nothing-here');
    expect(r.status).toBe(404);
    expect(r.json).toMatchObject({ statusCode: 404, apiCode: 1004, requestId: expect.any(String) });
    const m = await c.get('/api/v3/signin');
    expect(m.status).toBe(405);
    expect(m.json).toMatchObject({ statusCode: 405, apiCode: 1007, message: expect.stringContaining('POST') });
  });

  test('invalid JSON, non-object JSON → 400 apiCode 1001', async () => {
    for (const body of ['{"connection":', '[1,2]', 'null', '"str"']) {
      const r = await c.request('POST', '/api/v3/signin', { body, headers: { ...c.A, 'content-type': 'application/json' } });
      expect(r.status).toBe(400);
      expect(r.json).toMatchObject({ statusCode: 400, apiCode: 1001 });
    }
  });

  test('a body over 1 MB → 413 apiCode 1003, and the server keeps answering', async () => {
    const big = JSON.stringify({ connection: 'PASSWORD', pad: 'x'.repeat(1024 * 1024) });
    const r = await c.request('POST', '/api/v3/signin', { body: big, headers: { ...c.A, 'content-type': 'application/json' } });
    expect(r.status).toBe(413);
    expect(r.json).toMatchObject({ statusCode: 413, apiCode: 1003 });
    expect((await c.passwordLogin({ account: DEMO.username, password: DEMO.password })).status).toBe(200);
  });

  test('a client hanging up mid-body, or sending garbage, does not disturb the server', async () => {
    const net = require('net');
    const { port } = new URL(c.srv.url);
    const sock = net.connect(Number(port), '127.0.0.1');
    await new Promise((resolve) => sock.once('connect', resolve));
    sock.write('POST /api/v3/signin HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n{"connection":');
    await new Promise((resolve) => setTimeout(resolve, 50));
    sock.destroy();
    const garbage = net.connect(Number(port), '127.0.0.1');
    const reply = await new Promise((resolve) => {
      garbage.once('data', (d) => resolve(String(d)));
      garbage.write('NOT HTTP\r\n\r\n');
    });
    garbage.destroy();
    expect(reply).toMatch(/^HTTP\/1\.1 400/);
    expect((await c.get('/api/v3/system')).status).toBe(200);
  });

  test('every envelope has its own requestId', async () => {
    const ids = new Set();
    for (let i = 0; i < 3; i += 1) {
      ids.add((await c.get('/nope')).json.requestId);
      ids.add((await c.post('/api/v3/send-sms', {}, c.U)).json.requestId);
    }
    expect(ids.size).toBe(6);
  });

  test('srv.requests records API requests (secrets redacted), not /__dev/ ones', async () => {
    await c.request('DELETE', '/__dev/requests');
    expect(c.srv.requests).toHaveLength(0);
    await c.post('/__dev/clock', { advanceMs: 0 });
    const body = { connection: 'PASSWORD', passwordPayload: { account: DEMO.username, password: DEMO.password } };
    await c.post('/api/v3/signin', body, { ...c.A, 'x-authing-request-from': 'sdk-miniapp' });
    await c.get('/api/v3/get-profile?withCustomData=true', c.U);
    expect(c.srv.requests).toHaveLength(2);
    const [signin, profile] = c.srv.requests;
    const redacted = { ...body, passwordPayload: { account: DEMO.username, password: '[redacted]' } };
    expect(signin).toMatchObject({ method: 'POST', path: '/api/v3/signin', query: '', body: JSON.stringify(redacted), status: 200 });
    expect(signin.headers).toMatchObject({ 'x-authing-app-id': c.srv.config.appId, 'x-authing-request-from': 'sdk-miniapp' });
    expect(typeof signin.time).toBe('number');
    expect(profile).toMatchObject({ method: 'GET', path: '/api/v3/get-profile', query: '?withCustomData=true', status: 401 });
    const viaHttp = (await c.get('/__dev/requests')).json;
    expect(viaHttp.map((r) => r.path)).toEqual(['/api/v3/signin', '/api/v3/get-profile']);
    expect((await c.request('DELETE', '/__dev/requests')).status).toBe(200);
    expect(c.srv.requests).toHaveLength(0);
  });

  test('GET /__dev/config', async () => {
    const r = await c.get('/__dev/config');
    expect(r.json).toMatchObject({ appId: 'demo-app-id', userPoolId: 'demo-userpool-id', wechatIdpIdentifier: 'wechat-miniprogram', url: c.srv.url });
  });
});

describe('/__dev/clock', () => {
  test('advances srv.now() and reports it', async () => {
    const before = (await c.get('/__dev/clock')).json;
    const after = (await c.advanceClock(3600 * 1000)).json;
    expect(after.offsetMs - before.offsetMs).toBe(3600 * 1000);
    expect(after.now - before.now).toBeGreaterThanOrEqual(3600 * 1000);
    expect(Math.abs(c.srv.now() - (Date.now() + after.offsetMs))).toBeLessThan(50);
  });

  test('advanceMs must be a number', async () => {
    expect((await c.post('/__dev/clock', { advanceMs: '10' })).status).toBe(400);
  });
});

describe('/__dev/faults', () => {
  afterEach(() => c.request('DELETE', '/__dev/faults'));

  test('reset destroys the connection', async () => {
    await addFault({ path: '/api/v3/system', kind: 'reset' });
    await expect(fetch(`${c.srv.url}/api/v3/system`)).rejects.toThrow();
    expect((await c.get('/api/v3/system')).status).toBe(200);
  });

  test('delay answers normally after delayMs', async () => {
    await addFault({ path: '/api/v3/system', kind: 'delay', delayMs: 300 });
    const t0 = Date.now();
    const r = await c.get('/api/v3/system');
    expect(Date.now() - t0).toBeGreaterThanOrEqual(290);
    expect(r.status).toBe(200);
    expect(r.json.rsa).toBeDefined();
  });

  test('html500 answers HTTP 500 with an HTML body', async () => {
    await addFault({ path: '/api/v3/signin', kind: 'html500' });
    const r = await c.passwordLogin({ account: DEMO.username, password: DEMO.password });
    expect(r.status).toBe(500);
    expect(r.headers.get('content-type')).toMatch(/text\/html/);
    expect(r.json).toBeUndefined();
    expect(r.text).toMatch(/<html>/);
  });

  test('badjson answers 200 with truncated JSON', async () => {
    await addFault({ path: '/api/v3/signin', kind: 'badjson' });
    const r = await c.passwordLogin({ account: DEMO.username, password: DEMO.password });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/application\/json/);
    expect(r.text).toBe('{"statusCode":200,"data":');
  });

  test('envelope answers 200 with an error envelope (status / body / apiCode configurable)', async () => {
    await addFault({ path: '/api/v3/signin', kind: 'envelope' });
    await addFault({ path: '/api/v3/signin', kind: 'envelope', status: 503, body: 'maintenance' });
    await addFault({ path: '/api/v3/signin', kind: 'envelope', status: 400, apiCode: 3101 });
    const first = await c.passwordLogin({ account: DEMO.username, password: DEMO.password });
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ statusCode: 500, message: 'injected error', apiCode: 9999, requestId: expect.any(String) });
    const second = await c.passwordLogin({ account: DEMO.username, password: DEMO.password });
    expect(second.json).toMatchObject({ statusCode: 503, message: 'maintenance', apiCode: 9999 });
    const third = await c.passwordLogin({ account: DEMO.username, password: DEMO.password });
    expect(third.json).toMatchObject({ statusCode: 400, message: 'injected error', apiCode: 3101 });
  });

  test('empty answers 200 with no body', async () => {
    await addFault({ path: '/api/v3/system', kind: 'empty' });
    const r = await c.get('/api/v3/system');
    expect(r.status).toBe(200);
    expect(r.text).toBe('');
  });

  test('count, exact path matching (query ignored) and the request log', async () => {
    await addFault({ path: '/api/v3/system', kind: 'html500', count: 2 });
    expect((await c.get('/api/v3/send-sms')).status).toBe(405); // other path: untouched
    expect((await c.get('/api/v3/system?x=1')).status).toBe(500);
    expect((await c.get('/api/v3/system')).status).toBe(500);
    expect((await c.get('/api/v3/system')).status).toBe(200);
    const logged = c.srv.requests.filter((r) => r.path === '/api/v3/system').slice(-3).map((r) => r.fault);
    expect(logged).toEqual(['html500', 'html500', null]);
  });

  test('GET lists pending faults and DELETE clears them', async () => {
    await addFault({ path: '/api/v3/system', kind: 'html500', count: 5 });
    expect((await c.get('/__dev/faults')).json.faults).toEqual([expect.objectContaining({ path: '/api/v3/system', count: 5 })]);
    await c.request('DELETE', '/__dev/faults');
    expect((await c.get('/__dev/faults')).json.faults).toEqual([]);
    expect((await c.get('/api/v3/system')).status).toBe(200);
  });

  test.each([
    ['unknown kind', { path: '/api/v3/system', kind: 'explode' }],
    ['no path', { kind: 'reset' }],
    ['a /__dev/ path', { path: '/__dev/config', kind: 'reset' }],
    ['count 0', { path: '/api/v3/system', kind: 'reset', count: 0 }],
    ['delayMs negative', { path: '/api/v3/system', kind: 'delay', delayMs: -1 }],
    ['apiCode not a positive integer', { path: '/api/v3/system', kind: 'envelope', apiCode: '3101' }],
    ['apiCode 0', { path: '/api/v3/system', kind: 'envelope', apiCode: 0 }],
  ])('rejects %s', async (_n, spec) => {
    const r = await addFault(spec);
    expect(r.status).toBe(400);
    expect(r.json.apiCode).toBe(1002);
  });
});

describe('/__dev/reset', () => {
  test('gives a fresh seeded store and clears clock, faults, inbox and requests', async () => {
    const created = await c.passwordLogin({ account: 'temp-user', password: 'temp-pass-1' }, { autoRegister: true });
    const oldToken = created.json.data.access_token;
    await c.post('/api/v3/send-sms', { phoneNumber: '13500000000', channel: 'CHANNEL_LOGIN' }, c.U);
    await c.advanceClock(1000);
    await addFault({ path: '/api/v3/signin-by-mobile', kind: 'html500' });

    const r = await c.post('/__dev/reset', {});
    expect(r.status).toBe(200);
    expect(c.srv.requests).toHaveLength(0);
    expect((await c.get('/__dev/clock')).json.offsetMs).toBe(0);
    expect((await c.get('/__dev/faults')).json.faults).toEqual([]);
    expect((await c.get('/__dev/sms')).json.messages).toEqual([]);
    expect((await c.profile(oldToken)).status).toBe(401);
    expect((await c.passwordLogin({ account: 'temp-user', password: 'temp-pass-1' })).json.apiCode).toBe(2333);
    expect((await c.passwordLogin({ account: DEMO.username, password: DEMO.password })).status).toBe(200);
  });
});
