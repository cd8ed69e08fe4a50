// <authing-avatar-uploader> in miniprogram-simulate with real tdesign children, against isolated
// devservers over HTTP. WeChat's avatar picker is played by dispatching `chooseavatar` on the native
// button with a real temp file written to os.tmpdir(); wx.chooseMedia (fallback) takes files from
// the wx shim's media queue. Files are inspected through wx.getFileSystemManager (the shim's, over
// node:fs; miniprogram-simulate's own stub calls every file "1024 bytes").
const fs = require('fs');
const os = require('os');
const path = require('path');
const { simulate, loadKitComponent, mount, bindings, recordRenders, checkEventVocabulary } = require('../helpers/mp');
const { startDevServer, dev, call, loggedInServer } = require('../helpers/server');
const { untilEvent } = require('../helpers/until');

checkEventVocabulary(); // every shared event detail recorded here matches the one vocabulary

// 1×1 PNG and 1×1 GIF
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const GIF = Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64');

const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'authing-avatar-'));
function tmpFile(name, bytes) {
  const p = path.join(tmpDir, name);
  fs.writeFileSync(p, bytes);
  return p;
}

let uploaderId;
const realCanIUse = wx.canIUse;
beforeAll(() => {
  uploaderId = loadKitComponent('avatar-uploader');
});
afterAll(() => {
  fs.rmSync(tmpDir, { recursive: true, force: true });
});
afterEach(() => {
  wx.canIUse = realCanIUse;
  wx.__control.mediaQueue.length = 0;
});

const EVENTS = ['change', 'error', 'load'];

function render(srv, attrs = '') {
  const template = `<authing-avatar-uploader id="av" app-id="${srv.config.appId}" user-pool-id="${srv.config.userPoolId}" host="${srv.url}" ${attrs} ${bindings(EVENTS)} />`;
  const { host, events } = mount({ 'authing-avatar-uploader': uploaderId }, template, { events: EVENTS });
  const av = host.querySelector('#av');
  return { av, events, renders: recordRenders(av) };
}

const uploads = (srv) => srv.requests.filter((r) => r.path === '/api/v2/upload');
const profileUpdates = (srv) => srv.requests.filter((r) => r.path === '/api/v3/update-profile');

describe('with the demo user on a fresh server', () => {
  let srv;
  let profile;
  beforeAll(async () => { ({ srv, profile } = await loggedInServer()); });
  afterAll(async () => { if (srv) await srv.close(); });

  test('shows the current avatar from the profile, with a chooseAvatar button', async () => {
    const { av, events } = render(srv);
    const load = await untilEvent(events, 'load', 'error');
    expect(load.name).toBe('load');
    const before = await profile();
    expect(load.detail.url).toBe(before.photo);
    expect(av.data.url).toBe(before.photo);
    expect(av.data.loading).toBe(false);
    const json = JSON.stringify(av.toJSON());
    expect(json).toContain('chooseAvatar');
    expect(json).toContain('点击更换头像');
  });

  test('chooseavatar with a real PNG → upload → photo changed on the server → `change`', async () => {
    const { av, events, renders } = render(srv);
    await untilEvent(events, 'load');
    const oldPhoto = av.data.url;
    const file = tmpFile('avatar.png', PNG);
    const uploadsBefore = uploads(srv).length;
    renders.length = 0;
    av.querySelector('#authing-avatar-picker').dispatchEvent('chooseavatar', { detail: { avatarUrl: file } });
    await simulate.sleep(0);
    expect(renders).toEqual([]); // a quick upload never shows its busy state
    const change = await untilEvent(events, 'change', 'error');
    expect(change.name).toBe('change');
    const after = await profile();
    expect(after.photo).not.toBe(oldPhoto);
    expect(after.photo).toMatch(new RegExp(`^${srv.url}/__files/avatar/[0-9a-f]{32}\\.png$`));
    expect(change.detail.url).toBe(after.photo);
    expect(change.detail.userInfo.photo).toBe(after.photo);
    expect(av.data.url).toBe(after.photo);
    expect(av.data.busy).toBe(false);
    // the stored bytes are ours
    const served = await call(srv.url, 'GET', new URL(after.photo).pathname);
    expect(served.status).toBe(200);
    expect(uploads(srv).length).toBe(uploadsBefore + 1);
    // uploaded with the user's token: the server saw a valid one for this file
    const stored = (await dev(srv.url).get('/__dev/uploads')).uploads.find((u) => after.photo.endsWith(u.key));
    expect(stored).toEqual(expect.objectContaining({ authorization: 'valid', contentType: 'image/png', size: PNG.length }));
    expect(JSON.parse(profileUpdates(srv).pop().body)).toEqual({ photo: after.photo });
    // one render for the whole action: the result (progress of a quick upload is never drawn)
    expect(renders).toHaveLength(1);
    expect(renders[0]).toEqual(expect.arrayContaining(['url', 'progress', 'message']));
  });

  test('a slow upload shows its progress after a short delay, throttled, then one settled render', async () => {
    const { av, events, renders } = render(srv);
    await untilEvent(events, 'load');
    await dev(srv.url).post('/__dev/faults', { path: '/api/v3/update-profile', kind: 'delay', delayMs: 900, count: 1 });
    renders.length = 0;
    av.querySelector('#authing-avatar-picker').dispatchEvent('chooseavatar', { detail: { avatarUrl: tmpFile('slow.png', PNG) } });
    await simulate.sleep(100);
    expect(renders).toEqual([]);
    await simulate.sleep(400);
    expect(renders.length).toBe(1); // busy (and the progress so far) shown once the delay passed
    expect(av.data.busy).toBe(true);
    expect(JSON.stringify(av.toJSON())).toContain('t-progress');
    const change = await untilEvent(events, 'change', 'error');
    expect(change.name).toBe('change');
    expect(av.data.busy).toBe(false);
    // busy, at most one progress render per 250 ms of the ~1 s upload, the result
    expect(renders.length).toBeLessThanOrEqual(1 + 4 + 1);
    expect(renders[renders.length - 1]).toEqual(expect.arrayContaining(['busy', 'url']));
  });

  test('an oversize image is refused before upload with a localized message', async () => {
    const { av, events, renders } = render(srv);
    await untilEvent(events, 'load');
    const big = Buffer.alloc(2 * 1024 * 1024 + 1, 0);
    PNG.copy(big, 0, 0, 16);
    const file = tmpFile('big.png', big);
    const count = srv.requests.length;
    const oldUrl = av.data.url;
    renders.length = 0;
    av.querySelector('#authing-avatar-picker').dispatchEvent('chooseavatar', { detail: { avatarUrl: file } });
    const err = await untilEvent(events, 'error', 'change');
    expect(err).toEqual({ name: 'error', detail: {
      action: 'check', code: 'too_large', message: '图片不能超过 2 MB，请换一张',
      error: { message: '图片不能超过 2 MB，请换一张', code: 'invalid_argument' },
    } });
    expect(av.data.message).toBe('图片不能超过 2 MB，请换一张');
    expect(av.data.url).toBe(oldUrl);
    expect(srv.requests.length).toBe(count); // nothing reached the server
    expect(renders.length).toBe(1);
  });

  test('max-size property, en-US message', async () => {
    const { av, events } = render(srv, 'max-size="{{40}}" lang="en-US"');
    await untilEvent(events, 'load');
    const count = uploads(srv).length;
    av.querySelector('#authing-avatar-picker').dispatchEvent('chooseavatar', { detail: { avatarUrl: tmpFile('small.png', PNG) } });
    const err = await untilEvent(events, 'error', 'change');
    expect(err.detail.code).toBe('too_large');
    expect(err.detail.message).toBe('The image must not exceed 40 B, please choose another one');
    expect(uploads(srv).length).toBe(count);
  });

  test('non-images are refused before upload: by extension and by content', async () => {
    const { av, events } = render(srv);
    await untilEvent(events, 'load');
    const count = srv.requests.length;
    av.querySelector('#authing-avatar-picker').dispatchEvent('chooseavatar', { detail: { avatarUrl: tmpFile('notes.txt', 'just text') } });
    await untilEvent(events, 'error', 'change');
    av.querySelector('#authing-avatar-picker').dispatchEvent('chooseavatar', { detail: { avatarUrl: tmpFile('fake.png', 'not really a png file') } });
    for (let i = 0; i < 100 && events.filter((e) => e.name === 'error').length < 2; i += 1) await simulate.sleep(5);
    const errors = events.filter((e) => e.name === 'error');
    expect(errors.map((e) => [e.detail.action, e.detail.code])).toEqual([['check', 'not_image'], ['check', 'not_image']]);
    expect(av.data.message).toBe('请选择图片文件（PNG、JPG、GIF 或 WebP）');
    expect(srv.requests.length).toBe(count);
  });

  test('fallback without chooseAvatar: tap → wx.chooseMedia → upload → `change`; a cancelled picker does nothing', async () => {
    wx.canIUse = (what) => what !== 'button.open-type.chooseAvatar';
    const { av, events } = render(srv);
    await untilEvent(events, 'load');
    expect(av.data.useChooseAvatar).toBe(false);
    expect(JSON.stringify(av.toJSON())).not.toContain('chooseAvatar');
    // cancelled picker: empty queue
    const count = srv.requests.length;
    av.querySelector('#authing-avatar-picker').dispatchEvent('tap');
    await simulate.sleep(20);
    expect(events.map((e) => e.name)).toEqual(['load']);
    expect(srv.requests.length).toBe(count);
    // a GIF from the album
    const file = tmpFile('album.gif', GIF);
    wx.__control.mediaQueue.push({ tempFilePath: file, size: GIF.length, fileType: 'image' });
    av.querySelector('#authing-avatar-picker').dispatchEvent('tap');
    const change = await untilEvent(events, 'change', 'error');
    expect(change.name).toBe('change');
    expect(change.detail.url).toMatch(/\.gif$/);
    expect((await profile()).photo).toBe(change.detail.url);
  });

  test('fallback picker: a video is refused before upload', async () => {
    wx.canIUse = (what) => what !== 'button.open-type.chooseAvatar';
    const { av, events } = render(srv);
    await untilEvent(events, 'load');
    const count = uploads(srv).length;
    wx.__control.mediaQueue.push({ tempFilePath: tmpFile('clip.mp4', 'video bytes'), size: 11, fileType: 'video' });
    av.querySelector('#authing-avatar-picker').dispatchEvent('tap');
    const err = await untilEvent(events, 'error', 'change');
    expect(err.detail.code).toBe('not_image');
    expect(uploads(srv).length).toBe(count);
  });
});

describe('failures keep the old avatar (fault injection on an isolated server)', () => {
  let srv;
  let profile;
  let api;
  beforeAll(async () => { ({ srv, profile } = await loggedInServer()); api = dev(srv.url); });
  afterAll(async () => { if (srv) await srv.close(); });
  afterEach(async () => { await api.del('/__dev/faults'); });

  test('the upload fails (HTML 500) → old avatar kept, message, `error`', async () => {
    const { av, events } = render(srv);
    await untilEvent(events, 'load');
    const oldUrl = av.data.url;
    const before = await profile();
    await api.post('/__dev/faults', { path: '/api/v2/upload', kind: 'html500' });
    const updates = profileUpdates(srv).length;
    av.querySelector('#authing-avatar-picker').dispatchEvent('chooseavatar', { detail: { avatarUrl: tmpFile('a.png', PNG) } });
    const err = await untilEvent(events, 'error', 'change');
    expect(err.name).toBe('error');
    expect(err.detail.action).toBe('upload');
    expect(err.detail.code).toBe('http');
    expect(err.detail.message).toMatch(/^头像上传失败：/);
    expect(av.data.url).toBe(oldUrl);
    expect(av.data.message).toBe(err.detail.message);
    expect(av.data.busy).toBe(false);
    expect(uploads(srv).pop().fault).toBe('html500');
    expect(profileUpdates(srv).length).toBe(updates); // no profile update after a failed upload
    expect((await profile()).photo).toBe(before.photo);
  });

  test('the upload works but the profile update fails → old avatar kept, `error`', async () => {
    const { av, events } = render(srv);
    await untilEvent(events, 'load');
    const oldUrl = av.data.url;
    const before = await profile();
    await api.post('/__dev/faults', { path: '/api/v3/update-profile', kind: 'envelope', status: 500, body: 'profile store unavailable' });
    av.querySelector('#authing-avatar-picker').dispatchEvent('chooseavatar', { detail: { avatarUrl: tmpFile('b.png', PNG) } });
    const err = await untilEvent(events, 'error', 'change');
    expect(err.name).toBe('error');
    expect(err.detail.action).toBe('upload');
    expect(err.detail.code).toBe('server');
    expect(err.detail.message).toContain('profile store unavailable');
    expect(av.data.url).toBe(oldUrl);
    expect((await profile()).photo).toBe(before.photo);
    // the next try works and the button is usable again
    av.querySelector('#authing-avatar-picker').dispatchEvent('chooseavatar', { detail: { avatarUrl: tmpFile('c.png', PNG) } });
    const change = await untilEvent(events, 'change');
    expect((await profile()).photo).toBe(change.detail.url);
  });
});

test('not logged in: a clear message and `error` {action:"load", code:"not_logged_in"}', async () => {
  const srv = await startDevServer();
  try {
    wx.clearStorageSync();
    const { av, events } = render(srv);
    const err = await untilEvent(events, 'error', 'load');
    expect(err.detail.action).toBe('load');
    expect(err.detail.code).toBe('not_logged_in');
    expect(av.data.message).toBe('尚未登录，请先登录后再设置头像');
    expect(av.data.url).toBe('');
  } finally {
    await srv.close();
  }
});

test('src property: shown as is, no profile request', async () => {
  const srv = await startDevServer();
  try {
    const { av, events } = render(srv, 'src="https://example.com/a.png"');
    await simulate.sleep(20);
    expect(av.data.url).toBe('https://example.com/a.png');
    expect(av.data.loading).toBe(false);
    expect(events).toEqual([]);
    expect(srv.requests.filter((r) => r.path === '/api/v3/get-profile')).toEqual([]);
  } finally {
    await srv.close();
  }
});
