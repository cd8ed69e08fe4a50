/**
 * @jest-environment node
 */
// `npm start` (scripts/start.js) prints a banner of URLs: every one of them must answer — the home
// page at `/`, the live preview, the SMS inbox and the WeChat simulation (a POST, as printed).
const { spawn } = require('child_process');
const path = require('path');

const REPO = path.resolve(__dirname, '../..');

/** Starts scripts/start.js on a free port, in memory; resolves with the banner once it is printed. */
function start() {
  const child = spawn(process.execPath, ['scripts/start.js', '--port', '0', '--memory', '--quiet'], { cwd: REPO });
  let out = '';
  const banner = new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => {
      out += d;
      if (out.includes('Press Ctrl+C')) resolve(out);
    });
    child.on('exit', (code) => reject(new Error(`start.js exited (${code}) before its banner:\n${out}`)));
  });
  return { child, banner };
}

test('every URL the npm start banner prints answers (GET, or POST where the banner says POST)', async () => {
  const { child, banner } = start();
  try {
    const text = await banner;
    const urls = [];
    for (const line of text.split('\n')) {
      for (const m of line.matchAll(/https?:\/\/[^\s'")]+/g)) urls.push({ url: m[0], post: /\bPOST\s+$/.test(line.slice(0, m.index)) });
    }
    const unique = [...new Map(urls.map((u) => [`${u.post} ${u.url}`, u])).values()];
    expect(unique.length).toBeGreaterThanOrEqual(4);
    expect(unique[0].url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/); // the host itself comes first
    const answers = [];
    for (const { url, post } of unique) {
      const res = await fetch(url, post ? { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' } : {});
      answers.push(`${post ? 'POST' : 'GET'} ${url.replace(/:\d+/, ':PORT')} ${res.status}`);
      await res.arrayBuffer();
    }
    for (const a of answers) expect(a).toMatch(/ 200$/);
    const home = await (await fetch(unique[0].url)).text();
    expect(home).toContain('href="/preview/"');
  } finally {
    child.kill();
  }
}, 30000);
