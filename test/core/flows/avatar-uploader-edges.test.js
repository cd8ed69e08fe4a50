// <authing-avatar-uploader> at its edges (core/flows/avatar-uploader, avatar-uploader-flow): near-miss magic
// bytes, size limits and their wording at the unit boundaries, what the flow passes to the check (the
// picker's size and type over the probe's), the guards (busy, disabled, empty src), a missing client, a
// read answered during an upload, and a detached component. Real client and devserver, a recording host.
const fs = require('fs');
const { PNG, tmpFile } = require('../../faults/support');
const { internal } = require('../../helpers/kit');
const { recordingHost, useFlowServer } = require('./flow-host');

const { detectImageType, checkAvatarFile, normalizeMaxSize, formatBytes, extensionOf, DEFAULT_MAX_AVATAR_BYTES } = internal('core/flows/avatar-uploader');
const { AvatarFlow } = internal('core/flows/avatar-uploader-flow');
const { AVATAR_TEXTS } = internal('components/avatar-uploader/texts');

const T = AVATAR_TEXTS['zh-CN'];
const env = useFlowServer({ loggedIn: true, clearFaults: true });
const { profile, client } = env;

const probed = [];
const probe = (path) => { probed.push(path); const b = fs.readFileSync(path); return { size: b.length, head: b.subarray(0, 16) }; };
function makeFlow(config = {}, extra = {}) {
  const { host, rec } = recordingHost(T, { client: client(), extra: { probe, ...extra } });
  return { flow: new AvatarFlow(host, config), rec };
}
const uploads = (mark) => env.srv.requests.slice(mark).filter((r) => r.path === '/api/v2/upload');
const errorsOf = (rec) => rec.events.filter((e) => e.name === 'error').map((e) => e.detail);

describe('the file check', () => {
  test('each image signature needs all of its bytes', () => {
    for (const head of [
      [0x00, 0x50, 0x4e, 0x47], [0x89, 0x00, 0x4e, 0x47], [0x89, 0x50, 0x00, 0x47], [0x89, 0x50, 0x4e, 0x00],
      [0x00, 0xd8, 0xff, 0xe0], [0xff, 0x00, 0xff, 0xe0], [0xff, 0xd8, 0x00, 0xe0],
      [0x00, 0x49, 0x46, 0x38], [0x47, 0x00, 0x46, 0x38], [0x47, 0x49, 0x00, 0x38], [0x47, 0x49, 0x46, 0x00],
      [0x00, 0x4d, 0, 0], [0x42, 0x00, 0, 0],
    ]) expect([head, detectImageType(head)]).toEqual([head, null]);
    const riff = [0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x45, 0x42, 0x50];
    expect(detectImageType(riff)).toBe('webp');
    for (let i = 0; i < 12; i++) {
      if (i >= 4 && i < 8) continue; // the RIFF length
      const broken = riff.slice();
      broken[i] = 0;
      expect([i, detectImageType(broken)]).toEqual([i, null]);
    }
    expect(detectImageType(riff.slice(0, 11))).toBeNull();
    expect(detectImageType([0xff, 0xd8, 0xff, 0x00])).toBe('jpeg');
  });

  test('a head too short to read falls back to the extension; an image picker type passes', () => {
    expect(checkAvatarFile({ path: '/tmp/a.txt', head: [0x89, 0x50, 0x4e] })).toEqual({ key: 'notImage' });
    expect(checkAvatarFile({ path: '/tmp/a.txt', head: [0x89, 0x50, 0x4e, 0x47] })).toBeNull(); // four bytes are read
    expect(checkAvatarFile({ path: '/tmp/a.png', head: [0x00, 0x00, 0x00] })).toBeNull();
    expect(checkAvatarFile({ path: '/tmp/a.png', fileType: 'image', size: 10 })).toBeNull();
    expect(checkAvatarFile({ path: '/tmp/a.PNG', size: 10 })).toBeNull();
    expect(checkAvatarFile(null)).toEqual({ key: 'noFile' });
    expect(extensionOf('/tmp/v1.2/photo')).toBe('');
    expect(extensionOf('a.b.GIF')).toBe('gif');
  });

  test('limits: whole bytes, the default for anything not a positive finite number; worded at the unit boundaries', () => {
    expect(normalizeMaxSize(1000.9)).toBe(1000);
    expect(normalizeMaxSize(Infinity)).toBe(DEFAULT_MAX_AVATAR_BYTES);
    expect(normalizeMaxSize(NaN)).toBe(DEFAULT_MAX_AVATAR_BYTES);
    expect(checkAvatarFile({ path: '/tmp/a.png', size: 11 }, 10.5)).toEqual({ key: 'imageTooLarge', params: { max: '10 B' } });
    expect(checkAvatarFile({ path: '/tmp/a.png', size: DEFAULT_MAX_AVATAR_BYTES + 1 }, 'x')).toEqual({ key: 'imageTooLarge', params: { max: '2 MB' } });
    expect(formatBytes(1023)).toBe('1023 B');
    expect(formatBytes(1024)).toBe('1 KB');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(1024 * 1024 - 1)).toBe('1024 KB');
    expect(formatBytes(1024 * 1024)).toBe('1 MB');
    expect(formatBytes(1.04 * 1024 * 1024)).toBe('1 MB');
    expect(formatBytes(1.06 * 1024 * 1024)).toBe('1.1 MB');
  });
});

describe('the flow', () => {
  test('the picker\'s size and type win over the probe; no probe without a path; the limit is normalized', async () => {
    const { flow, rec } = makeFlow({ maxSize: -1 });
    const mark = env.srv.requests.length;
    probed.length = 0;
    const png = tmpFile('edge.png', PNG);
    await flow.pick({ path: png, size: DEFAULT_MAX_AVATAR_BYTES + 1 });
    expect(errorsOf(rec).pop()).toMatchObject({ action: 'check', code: 'too_large', message: T.imageTooLarge.replace('{max}', '2 MB') });
    await flow.pick({ path: png, fileType: 'video' });
    expect(errorsOf(rec).pop()).toMatchObject({ action: 'check', code: 'not_image' });
    await flow.pick({ path: '' });
    expect(probed).toEqual([png, png]);
    expect(flow.state).toMatchObject({ busy: false, loading: false, notice: { tone: 'error', error: { code: 'invalid_argument' } } });
    expect(uploads(mark)).toEqual([]);
  });

  test('src: shown as given (empty ignored); a pick while busy or disabled does nothing; a missing client is said', async () => {
    const { flow, rec } = makeFlow();
    flow.setSrc('');
    expect(rec.changes).toBe(0);
    const loading = flow.load();
    flow.setSrc('https://example.com/host.png');
    expect(flow.state).toMatchObject({ url: 'https://example.com/host.png', loading: false });
    await loading;

    const mark = env.srv.requests.length;
    const uploading = flow.pick({ path: tmpFile('busy.png', PNG) });
    expect(flow.state).toMatchObject({ busy: true, progress: 0, notice: null });
    const renders = rec.changes;
    await flow.pick({ path: tmpFile('second.png', PNG) });
    flow.setSrc('https://example.com/ignored.png');
    await flow.load();
    expect(rec.changes).toBe(renders);
    await uploading;
    expect(uploads(mark)).toHaveLength(1);
    const photo = (await profile()).photo;
    expect(flow.state).toMatchObject({ busy: false, url: photo, progress: 100 });
    expect(rec.events.filter((e) => e.name === 'change')).toEqual([{ name: 'change', detail: { url: photo, userInfo: expect.objectContaining({ photo }) } }]);

    flow.configure({ disabled: true });
    await flow.pick({ path: tmpFile('off.png', PNG) });
    expect(uploads(mark)).toHaveLength(1);

    const none = recordingHost(T, { client: null, extra: { probe } });
    const noClient = new AvatarFlow(none.host);
    await noClient.pick({ path: tmpFile('none.png', PNG) });
    await noClient.load();
    expect(none.rec.events.map((e) => [e.detail.action, e.detail.code, e.detail.message])).toEqual([
      ['upload', 'invalid_options', T.notConfigured], ['load', 'invalid_options', T.notConfigured],
    ]);
    expect(noClient.state).toMatchObject({ busy: false, loading: false, notice: { tone: 'error' } });
  });

  test('progress is shown as it grows, never past 100 and never backwards', async () => {
    const seen = [];
    const { flow } = makeFlow({}, { onChange: (state) => seen.push(state.progress) });
    await flow.pick({ path: tmpFile('steps.png', Buffer.concat([PNG, Buffer.alloc(256 * 1024)])) });
    const between = seen.filter((p) => p > 0 && p < 100);
    expect(between.length).toBeGreaterThan(0);
    expect(seen.every((p, i) => i === 0 || p >= seen[i - 1])).toBe(true);
    expect(new Set(seen.slice(1, -1)).size).toBe(seen.length - 2); // each render shows a new percentage
    expect(seen[seen.length - 1]).toBe(100);
  });

  test('a profile read answered during an upload is dropped: the new avatar wins', async () => {
    const { flow, rec } = makeFlow();
    await env.dev.post('/__dev/faults', { path: '/api/v2/upload', kind: 'delay', delayMs: 1500, count: 1 });
    const reading = flow.load();
    const uploading = flow.pick({ path: tmpFile('wins.png', PNG) });
    await reading;
    expect(flow.state.busy).toBe(true);
    expect(rec.events.filter((e) => e.name === 'load')).toEqual([]);
    await uploading;
    expect(flow.state.url).toBe((await profile()).photo);
  });

  test('a failed read is worded with its reason; a detached uploader drops the late upload and its progress', async () => {
    const { flow, rec } = makeFlow();
    await env.dev.post('/__dev/faults', { path: '/api/v3/get-profile', kind: 'envelope', status: 500, body: 'db down' });
    await flow.load();
    expect(errorsOf(rec).pop()).toMatchObject({ action: 'load', message: T.loadFailed.replace('{reason}', 'db down') });
    expect(flow.state).toMatchObject({ loading: false, notice: { tone: 'error' } });

    const late = makeFlow();
    const uploading = late.flow.pick({ path: tmpFile('late.png', Buffer.concat([PNG, Buffer.alloc(64 * 1024)])) });
    const renders = late.rec.changes;
    late.flow.detach();
    await uploading;
    expect(late.rec.changes).toBe(renders);
    expect(late.rec.events).toEqual([]);
  });
});
