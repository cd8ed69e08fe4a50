// The <authing-avatar-uploader> flow (core/flows/avatar-uploader-flow) without any simulator: a recording
// host, the REAL client (uploads through the wx shim) and an isolated devserver over HTTP.
const fs = require('fs');
const { startDevServer } = require('../../helpers/server');
const { PNG, tmpFile } = require('../../faults/support');
const { Authing } = require('../../../miniprogram_dist/index');
const { AvatarFlow } = require('../../helpers/kit').internal('core/flows/avatar-uploader-flow');
const { AVATAR_TEXTS } = require('../../helpers/kit').internal('components/avatar-uploader/texts');
const { recordingHost, useFlowServer } = require('./flow-host');

const T = AVATAR_TEXTS['zh-CN'];
/** What the component's probe reads: size and first bytes of a local file. */
const probe = (path) => { const b = fs.readFileSync(path); return { size: b.length, head: b.subarray(0, 16) }; };

const env = useFlowServer({ loggedIn: true });
const { profile, client } = env;
function makeFlow(config = {}, { c = client() } = {}) {
  const { host, rec } = recordingHost(T, { client: c, extra: { probe } });
  return { flow: new AvatarFlow(host, config), rec };
}
const since = (mark) => env.srv.requests.slice(mark).filter((r) => r.path.startsWith('/api/'));

test('load: one render to start, one when the profile arrives; `load` {url, userInfo}', async () => {
  const { flow, rec } = makeFlow();
  const p = flow.load();
  expect(flow.state.loading).toBe(true);
  expect(rec.changes).toBe(1);
  await p;
  expect(rec.changes).toBe(2);
  const photo = (await profile()).photo;
  expect(flow.state).toEqual(expect.objectContaining({ loading: false, url: photo }));
  expect(rec.events).toEqual([{ name: 'load', detail: { url: photo, userInfo: expect.objectContaining({ photo }) } }]);
});

test('pick a PNG → upload → `change`; progress only grows; the URL is the server\'s', async () => {
  const progress = [];
  const { host } = recordingHost(T, { client: client(), extra: { probe, onChange: (s) => progress.push(s.progress) } });
  const watched = new AvatarFlow(host);
  await watched.pick({ path: tmpFile('flow.png', Buffer.concat([PNG, Buffer.alloc(32 * 1024)])) });
  expect(progress[0]).toBe(0);
  expect(progress.slice().sort((a, b) => a - b)).toEqual(progress);
  expect(progress[progress.length - 1]).toBe(100);
  const photo = (await profile()).photo;
  expect(watched.state).toEqual(expect.objectContaining({ busy: false, url: photo, notice: { tone: 'success', key: 'success' } }));
});

test('refused before upload: not an image / too large → `error` {action:"check"} with the check\'s code, no request', async () => {
  const { flow, rec } = makeFlow({ maxSize: 40 });
  const mark = env.srv.requests.length;
  await flow.pick({ path: tmpFile('notes.txt', 'just text') });
  await flow.pick({ path: tmpFile('big.png', Buffer.concat([PNG, Buffer.alloc(64)])) });
  await flow.pick({ path: '' });
  expect(rec.events.map((e) => [e.detail.action, e.detail.code])).toEqual([['check', 'not_image'], ['check', 'too_large'], ['check', 'no_file']]);
  expect(rec.events[1].detail.message).toBe('图片不能超过 40 B，请换一张');
  expect(rec.events[1].detail.error).toEqual({ message: '图片不能超过 40 B，请换一张', code: 'invalid_argument' });
  expect(rec.changes).toBe(3);
  expect(since(mark)).toHaveLength(0);
});

test('an upload failure keeps the old avatar: `error` {action:"upload"} worded by the texts', async () => {
  const { flow, rec } = makeFlow();
  await flow.load();
  const before = flow.state.url;
  await env.dev.post('/__dev/faults', { path: '/api/v2/upload', kind: 'html500', count: 1 });
  await flow.pick({ path: tmpFile('fail.png', PNG) });
  const err = rec.events.find((e) => e.name === 'error').detail;
  expect(err).toEqual(expect.objectContaining({ action: 'upload', code: 'http' }));
  expect(err.message).toMatch(/^头像上传失败：/);
  expect(flow.state.url).toBe(before);
  expect(flow.state.busy).toBe(false);
});

test('setSrc shows the host\'s URL; disabled ignores picks; a detached flow drops late answers', async () => {
  const { flow, rec } = makeFlow({ disabled: true });
  flow.setSrc('https://example.com/a.png');
  expect(flow.state.url).toBe('https://example.com/a.png');
  await flow.pick({ path: tmpFile('x.png', PNG) });
  expect(rec.events).toEqual([]);
  const late = makeFlow();
  const p = late.flow.load();
  late.flow.detach();
  await p;
  expect(late.rec.events).toEqual([]);
});

test('not logged in → "please log in" wording, code kept', async () => {
  const fresh = await startDevServer();
  try {
    wx.clearStorageSync();
    const { host, rec } = recordingHost(T, { client: new Authing({ appId: fresh.config.appId, userPoolId: fresh.config.userPoolId, host: fresh.url }), extra: { probe } });
    await new AvatarFlow(host).load();
    expect(rec.events[0].detail).toEqual(expect.objectContaining({ action: 'load', code: 'not_logged_in', message: T.notLoggedIn }));
  } finally {
    await fresh.close();
  }
});
