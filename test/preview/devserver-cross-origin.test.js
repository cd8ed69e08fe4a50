/**
 * @jest-environment node
 */
// A page from another loopback origin, in real headless Chromium, tries to read and change the
// devserver's /__dev/ control plane every way a web page can (CORS fetch, no-cors fetch, text/plain
// POST, a JSON POST that needs a preflight, a form post, a script tag). None of it reads anything
// or changes anything; the same page served from the devserver's own origin (the live preview's
// situation) can read /__dev/config, which shows the probes would see it if they could.
const http = require('http');
const { chromiumMissing, launchChromium } = require('../../preview/browser');
const { createDevServer } = require('../../devserver');

const PROBE_PAGE = `<!doctype html><meta charset="utf-8"><title>probe</title><body><script>
window.probe = async (target) => {
  const out = {};
  const attempt = async (name, fn) => { try { out[name] = await fn(); } catch (e) { out[name] = 'error: ' + e.name; } };
  await attempt('readRequests', async () => (await fetch(target + '/__dev/requests')).text());
  await attempt('readConfig', async () => (await fetch(target + '/__dev/config')).text());
  await attempt('readSms', async () => (await fetch(target + '/__dev/sms')).text());
  await attempt('noCorsRead', async () => { const r = await fetch(target + '/__dev/requests', { mode: 'no-cors' }); return r.type + ':' + (await r.text()); });
  await attempt('textPlainReset', async () => (await fetch(target + '/__dev/reset', { method: 'POST', mode: 'no-cors', body: '{}', headers: { 'content-type': 'text/plain' } })).type);
  await attempt('textPlainClock', async () => (await fetch(target + '/__dev/clock', { method: 'POST', mode: 'no-cors', body: '{"advanceMs":86400000}' })).type);
  await attempt('jsonClock', async () => (await fetch(target + '/__dev/clock', { method: 'POST', body: '{"advanceMs":86400000}', headers: { 'content-type': 'application/json' } })).text());
  await attempt('deleteRequests', async () => (await fetch(target + '/__dev/requests', { method: 'DELETE' })).text());
  await attempt('apiSignin', async () => (await fetch(target + '/api/v3/signin', { method: 'POST', body: '{}', headers: { 'content-type': 'application/json', 'x-authing-app-id': 'demo-app-id' } })).text());
  await attempt('formReset', () => new Promise((resolve) => {
    const frame = document.createElement('iframe');
    frame.name = 'sink';
    document.body.appendChild(frame);
    const form = document.createElement('form');
    form.method = 'POST'; form.action = target + '/__dev/reset'; form.target = 'sink';
    form.innerHTML = '<input name="a" value="b">';
    document.body.appendChild(form);
    frame.onload = () => resolve('submitted');
    form.submit();
  }));
  await attempt('scriptTag', () => new Promise((resolve) => {
    const s = document.createElement('script');
    s.src = target + '/__dev/requests';
    s.onload = () => resolve('loaded'); s.onerror = () => resolve('refused');
    document.body.appendChild(s);
  }));
  return out;
};
</script></body>`;

/** Serves the probe page; the devserver mounts the same page to play its own origin. */
const servePage = (req, res) => {
  if (!req.url.startsWith('/probe')) return false;
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(PROBE_PAGE);
  return true;
};

let srv;
let attacker;
let browser;
beforeAll(async () => {
  srv = await createDevServer({ port: 0, mounts: [servePage], logSecrets: true });
  attacker = http.createServer((req, res) => { if (!servePage(req, res)) { res.writeHead(404); res.end(); } });
  await new Promise((r) => attacker.listen(0, '127.0.0.1', r));
  if (!chromiumMissing()) browser = await launchChromium();
}, 60000);
afterAll(async () => {
  if (browser) await browser.close();
  if (attacker) await new Promise((r) => attacker.close(r));
  if (srv) await srv.close();
});

async function runProbe(pageUrl) {
  const ctx = await browser.newContext();
  try {
    const page = await ctx.newPage();
    await page.goto(pageUrl);
    return await page.evaluate((target) => window.probe(target), srv.url);
  } finally {
    await ctx.close();
  }
}

test('a page on another loopback origin can neither read nor change anything under /__dev/', async () => {
  const missing = chromiumMissing();
  if (missing) throw new Error(missing);
  // State to protect: a user that a reset would wipe, a sent code, a clock at offset 0, a request log.
  const api = (path, body, headers = {}) => fetch(srv.url + path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  await api('/api/v3/signin', { connection: 'PASSWORD', passwordPayload: { username: 'keep-me', password: 'Keep@123456' }, options: { autoRegister: true } }, { 'x-authing-app-id': srv.config.appId });
  await api('/api/v3/send-sms', { phoneNumber: '13500000000', channel: 'CHANNEL_LOGIN' }, { 'x-authing-userpool-id': srv.config.userPoolId });
  const logBefore = srv.requests.length;
  const offsetBefore = srv.now() - Date.now();

  const port = attacker.address().port;
  for (const origin of [`http://127.0.0.1:${port}`, `http://localhost:${port}`]) {
    const seen = await runProbe(`${origin}/probe`);
    // Nothing readable: CORS reads fail, the no-cors answer is opaque and empty.
    for (const key of ['readRequests', 'readConfig', 'readSms', 'jsonClock', 'deleteRequests', 'apiSignin']) {
      expect([key, seen[key]]).toEqual([key, 'error: TypeError']);
    }
    expect(seen.noCorsRead).toBe('opaque:');
    expect(seen.scriptTag).toBe('refused');
    const text = JSON.stringify(seen);
    expect(text).not.toContain('13500000000');
    expect(text).not.toContain(srv.config.userPoolId);
  }

  // Nothing changed: no reset (the user and the code are still there), clock unmoved, log intact.
  const login = await api('/api/v3/signin', { connection: 'PASSWORD', passwordPayload: { username: 'keep-me', password: 'Keep@123456' } }, { 'x-authing-app-id': srv.config.appId });
  expect(login.status).toBe(200);
  const inbox = await (await fetch(`${srv.url}/__dev/sms?phone=13500000000`)).json();
  expect(inbox.messages).toHaveLength(1);
  expect(Math.abs((srv.now() - Date.now()) - offsetBefore)).toBeLessThan(1000);
  // The probes' only API call (a preflighted JSON POST) never arrived; the log was not cleared.
  expect(srv.requests.slice(0, logBefore).length).toBe(logBefore);
  expect(srv.requests.slice(logBefore).map((r) => r.path)).toEqual(['/api/v3/signin']);
}, 60000);

test('the same page from the devserver\'s own origin (the live preview) can use /__dev/', async () => {
  const missing = chromiumMissing();
  if (missing) throw new Error(missing);
  const seen = await runProbe(`${srv.url}/probe`);
  expect(JSON.parse(seen.readConfig)).toMatchObject({ appId: srv.config.appId, url: srv.url });
  expect(seen.readSms).toMatch(/"messages"/);
}, 60000);
