/** @jest-environment node */
// dataFile persistence across restarts, atomic writes, and the bin.js CLI.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn } = require('child_process');
const { start, client } = require('./helpers');

let dir;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'devserver-test-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('data file', () => {
  test('users, tokens, keys and uploads survive a restart', async () => {
    const dataFile = path.join(dir, 'nested', 'db.json');
    const first = await start({ dataFile });
    const c1 = client(first);
    const login = await c1.passwordLogin({ account: 'persisted-user', password: 'persist-123' },
      { autoRegister: true, scope: 'openid offline_access' });
    expect(login.status).toBe(200);
    await c1.post('/api/v3/update-profile', { nickname: 'Kept' }, { ...c1.U, authorization: login.json.data.access_token });
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('x')]);
    const fd = new FormData();
    fd.append('file', new Blob([png]), 'a.png');
    const upload = await (await fetch(`${first.url}/api/v2/upload?folder=avatar`, {
      method: 'POST', body: fd, headers: { authorization: login.json.data.access_token },
    })).json();
    const keys1 = (await c1.get('/api/v3/system')).json;
    await first.close();

    const onDisk = JSON.parse(fs.readFileSync(dataFile, 'utf8'));
    const stored = onDisk.users.find((u) => u.username === 'persisted-user');
    expect(stored.passwordHash).toMatch(/^scrypt\$/);
    expect(JSON.stringify(onDisk)).not.toContain('persist-123');
    expect(JSON.stringify(onDisk)).not.toContain(login.json.data.refresh_token);
    expect(fs.statSync(dataFile).mode & 0o777).toBe(0o600);

    const second = await start({ dataFile });
    try {
      const c2 = client(second);
      const again = await c2.passwordLogin({ account: 'persisted-user', password: 'persist-123' });
      expect(again.status).toBe(200);
      expect((await c2.profile(again.json.data.access_token)).json.data.nickname).toBe('Kept');
      expect((await c2.get('/api/v3/system')).json).toEqual(keys1);
      const refreshed = await c2.form('/oidc/token', { grant_type: 'refresh_token', refresh_token: login.json.data.refresh_token }, c2.A);
      expect(refreshed.status).toBe(200);
      const file = await fetch(`${second.url}/__files/${upload.data.key}`);
      expect(Buffer.from(await file.arrayBuffer()).equals(png)).toBe(true);
      // The demo user was seeded once, not again on restart.
      expect(JSON.parse(fs.readFileSync(dataFile, 'utf8')).users.filter((u) => u.username === 'demo')).toHaveLength(1);
    } finally {
      await second.close();
    }
  });

  test('writes go to a temp file in the same directory, then rename over the data file', async () => {
    const dataFile = path.join(dir, 'atomic.json');
    const writes = jest.spyOn(fs, 'writeFileSync');
    const renames = jest.spyOn(fs, 'renameSync');
    try {
      const srv = await start({ dataFile });
      await client(srv).passwordLogin({ account: 'atomic-user', password: 'atomic-123' }, { autoRegister: true });
      await srv.close();
      const dataWrites = writes.mock.calls.filter(([p]) => String(p).startsWith(dataFile));
      expect(dataWrites.length).toBeGreaterThan(0);
      for (const [p] of dataWrites) {
        expect(p).not.toBe(dataFile);
        expect(path.dirname(p)).toBe(dir);
        expect(p).toMatch(/\.tmp$/);
      }
      const dataRenames = renames.mock.calls.filter(([, to]) => to === dataFile);
      expect(dataRenames.map(([from]) => from)).toEqual(dataWrites.map(([p]) => p));
      expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
      expect(JSON.parse(fs.readFileSync(dataFile, 'utf8')).users.map((u) => u.username)).toContain('atomic-user');
    } finally {
      writes.mockRestore();
      renames.mockRestore();
    }
  });

  test('a corrupt data file is reported, not overwritten', async () => {
    const dataFile = path.join(dir, 'corrupt.json');
    fs.writeFileSync(dataFile, '{"users": [');
    await expect(start({ dataFile })).rejects.toThrow(/cannot read data file/);
    expect(fs.readFileSync(dataFile, 'utf8')).toBe('{"users": [');
  });

  test('invalid options are refused', async () => {
    await expect(start({ host: '0.0.0.0' })).rejects.toThrow(/loopback/);
    await expect(start({ accessTokenTtl: -1 })).rejects.toThrow(/accessTokenTtl/);
    await expect(start({ nonsense: 1 })).rejects.toThrow(/unknown option/);
  });
});

describe('bin.js', () => {
  test('starts with a data file and prints the connection details and demo credentials', async () => {
    const dataFile = path.join(dir, 'cli', 'db.json');
    const child = spawn(process.execPath, [path.join(__dirname, '../../devserver/bin.js'), '--port', '0', '--data', dataFile],
      { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const out = await new Promise((resolve, reject) => {
        let text = '';
        const timer = setTimeout(() => reject(new Error(`no banner: ${text}`)), 8000);
        child.stdout.on('data', (d) => {
          text += d;
          if (text.includes('Ctrl+C')) { clearTimeout(timer); resolve(text); }
        });
        child.on('exit', (code) => reject(new Error(`exited ${code}: ${text}`)));
      });
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)[1];
      for (const s of ['demo-app-id', 'demo-userpool-id', 'demo@example.com', '13800000000', 'Demo@123456']) expect(out).toContain(s);
      const r = await fetch(`${url}/api/v3/system`);
      expect(r.status).toBe(200);
      expect(fs.existsSync(dataFile)).toBe(true);
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => { if (child.exitCode !== null) resolve(); else child.once('exit', resolve); });
    }
  });
});
