/** @jest-environment node */
// Bounded growth: the request log keeps no secrets and a fixed number of entries, customData has
// a size limit, the data file is written once per request.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { DEMO, useServer, start, client } = require('./helpers');

const c = useServer({ requestLogLimit: 5, requestLogBodyBytes: 2048 });

describe('request log', () => {
  test('passwords, codes, tokens and the Authorization header are redacted; ordinary fields kept', async () => {
    c.srv.requests.length = 0;
    const login = await c.passwordLogin({ account: DEMO.username, password: DEMO.password }, { scope: 'openid offline_access', captchaToken: 'cap-tok', captchaCode: 'AB12' });
    const { access_token: at, refresh_token: rt } = login.json.data;
    await c.post('/api/v3/signin', { connection: 'PASSCODE', passCodePayload: { phone: DEMO.phone, passCode: '123456' } }, c.A);
    await c.form('/oidc/token', { grant_type: 'refresh_token', refresh_token: rt, client_id: c.srv.config.appId });
    await c.profile(at);
    const served = JSON.stringify((await c.get('/__dev/requests')).json);
    const inProcess = JSON.stringify(c.srv.requests);
    for (const text of [served, inProcess]) {
      for (const secret of [DEMO.password, 'cap-tok', 'AB12', '123456', rt, at]) expect(text).not.toContain(secret);
      expect(text).toContain(DEMO.username);
      expect(text).toContain('"phone\\":\\"13800000000');
      expect(text).toContain('grant_type=refresh_token');
      expect(text).toContain('[redacted]');
    }
    const signin = c.srv.requests.find((r) => r.path === '/api/v3/signin');
    expect(JSON.parse(signin.body)).toEqual({
      connection: 'PASSWORD',
      passwordPayload: { account: DEMO.username, password: '[redacted]' },
      options: { scope: 'openid offline_access', captchaToken: '[redacted]', captchaCode: '[redacted]' },
    });
    expect(c.srv.requests.find((r) => r.path === '/api/v3/get-profile').headers.authorization).toBe('[redacted]');
  });

  test('only the last requestLogLimit entries are kept, each body cut at requestLogBodyBytes', async () => {
    for (let i = 0; i < 12; i += 1) await c.post('/api/v3/send-sms', { phoneNumber: 'x', channel: 'CHANNEL_LOGIN', n: i, pad: 'p'.repeat(4000) }, c.U);
    expect(c.srv.requests).toHaveLength(5);
    expect(c.srv.requests.map((r) => JSON.parse(r.body.slice(0, r.body.indexOf(',"pad"')) + '}').n)).toEqual([7, 8, 9, 10, 11]);
    for (const r of c.srv.requests) expect(r.body.length).toBe(2048);
  });

  test('an upload body is logged as its size only', async () => {
    const token = (await c.loginDemo()).access_token;
    const fd = new FormData();
    fd.append('file', new Blob([Buffer.from('GIF89a-secret-pixels')]), 'a.gif');
    await fetch(`${c.srv.url}/api/v2/upload`, { method: 'POST', body: fd, headers: { authorization: token } });
    const up = c.srv.requests.find((r) => r.path === '/api/v2/upload');
    expect(up.body).toMatch(/^\[\d+ bytes\]$/);
  });

  test('logSecrets: true keeps bodies as sent (for tests that check what the kit sent)', async () => {
    const srv = await start({ logSecrets: true });
    try {
      await client(srv).passwordLogin({ account: DEMO.username, password: DEMO.password });
      expect(JSON.parse(srv.requests[0].body).passwordPayload.password).toBe(DEMO.password);
    } finally {
      await srv.close();
    }
  });
});

describe('customData size limit', () => {
  test('a merge past maxCustomDataBytes → 413 and nothing changes; within it the keys merge', async () => {
    const t = (await c.loginDemo()).access_token;
    const set = (customData) => c.post('/api/v3/update-profile', { customData, nickname: 'changed?' }, { ...c.U, authorization: t });
    expect((await set({ a: 'x'.repeat(8000) })).status).toBe(200);
    const before = (await c.profile(t, '?withCustomData=true')).json.data;
    const r = await set({ b: 'y'.repeat(9000) }); // 17 KB together, over the 16 KB default
    expect(r.status).toBe(413);
    expect(r.json).toMatchObject({ apiCode: 1003, message: expect.stringMatching(/customData too large/) });
    expect((await c.profile(t, '?withCustomData=true')).json.data).toEqual(before);
    expect((await set({ a: null, b: 'y'.repeat(9000) })).status).toBe(200);
  });
});

describe('data file writes', () => {
  test('a request with several changes writes the file once, compactly', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'devsec-store-'));
    const dataFile = path.join(dir, 'db.json');
    const srv = await start({ dataFile });
    try {
      const renames = [];
      const original = fs.renameSync;
      fs.renameSync = (from, to) => { if (to === dataFile) renames.push(from); return original(from, to); };
      try {
        // login = user update (recordLogin) + token issue (refresh table) + prune: one write
        await client(srv).loginDemo('openid offline_access');
      } finally {
        fs.renameSync = original;
      }
      expect(renames).toHaveLength(1);
      expect(fs.readFileSync(dataFile, 'utf8')).not.toContain('\n');
    } finally {
      await srv.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
