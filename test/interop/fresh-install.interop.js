// In a folder that installed only the packed tarball: the README's devserver command starts a
// server (on a free port instead of 3000), and the README's headless password login works against it.
const fs = require('fs');
const path = require('path');
const { spawn } = require('child_process');
const { createRequire } = require('module');
const { FRESH } = require('./paths');
const { readmeCommand } = require('./readme-files');
const { readExamples, runExample } = require('../readme/examples');

const kitDir = path.join(FRESH, 'node_modules', 'authing-miniapp-kit');
let server;
let url;

beforeAll(async () => {
  const command = readmeCommand('npx authing-miniapp-kit devserver').replace('--port 3000', '--port 0');
  server = spawn(command, { cwd: FRESH, shell: true, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`devserver did not start:\n${output}`)), 30000);
    const read = (chunk) => {
      output += chunk;
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    };
    server.stdout.on('data', read);
    server.stderr.on('data', read);
    server.on('exit', (code) => reject(new Error(`devserver exited ${code}:\n${output}`)));
  });
});

afterAll(() => {
  if (server) process.kill(-server.pid, 'SIGTERM');
});

test('the tarball carries the devserver outside the mini-program folder', () => {
  expect(fs.existsSync(path.join(kitDir, 'devserver', 'index.js'))).toBe(true);
  const dist = JSON.parse(fs.readFileSync(path.join(kitDir, 'package.json'), 'utf8')).miniprogram;
  const files = fs.readdirSync(path.join(kitDir, dist), { recursive: true });
  expect(files.filter((f) => /devserver/.test(f))).toEqual([]);
});

test('the README\'s headless password login works against it', async () => {
  const fresh = createRequire(path.join(FRESH, 'package.json'));
  const core = readExamples().find((e) => e.name === 'core').blocks[0].code.replace(/http:\/\/127\.0\.0\.1:3000/g, url);
  const modules = {};
  for (const spec of core.match(/'authing-miniapp-kit[^']*'/g).map((s) => s.slice(1, -1))) modules[spec] = require(fresh.resolve(spec));
  expect(Object.values(modules).every((m) => fresh.resolve('authing-miniapp-kit').startsWith(kitDir) && m)).toBe(true);
  wx.clearStorageSync();
  const demo = runExample(core, { modules });
  const result = await demo();
  expect(result.user.username).toBe('demo');
  expect(result.hadToken).toBe(true);
});
