// <authing-avatar-uploader> and the answers it is given (core/flows/avatar-uploader-flow): a new uploader's
// state, an upload started while the profile is being read, and the contract with a client the app hands
// in itself (the component's `client` / setDefaultClient take any Authing-compatible object): an answer
// without data is a worded failure, an answer carrying an error is a failure whatever else it carries,
// and the new avatar is the saved profile's photo, else the uploaded file's URL.
// Also: how few first bytes tell an image type.
// Real client and devserver where our client can give the answer; a minimal foreign client where only
// another client can (ours never answers [null, null], and always returns the profile with the upload).
const fs = require('fs');
const { PNG, tmpFile } = require('../../faults/support');
const { internal } = require('../../helpers/kit');
const { vocabularyProblems } = require('../../helpers/vocabulary');
const { recordingHost, useFlowServer } = require('./flow-host');

const { detectImageType } = internal('core/flows/avatar-uploader');
const { AvatarFlow } = internal('core/flows/avatar-uploader-flow');
const { AVATAR_TEXTS } = internal('components/avatar-uploader/texts');

const T = AVATAR_TEXTS['zh-CN'];
const env = useFlowServer({ loggedIn: true, clearFaults: true });
const probe = (path) => { const b = fs.readFileSync(path); return { size: b.length, head: b.subarray(0, 16) }; };
function makeFlow(client = env.client()) {
  const { host, rec } = recordingHost(T, { client, extra: { probe } });
  return { flow: new AvatarFlow(host), rec };
}
const errorsOf = (rec) => rec.events.filter((e) => e.name === 'error').map((e) => e.detail);
const worded = (key, reason) => T[key].replace('{reason}', reason);

/** An app's own client: answers getUserInfo / updateAvatar with what it is given, records the upload options. */
function foreignClient({ user = [null, null], upload = [null, null] } = {}) {
  const calls = [];
  return {
    calls,
    getUserInfo: async () => user,
    updateAvatar: async (options) => { calls.push(options); return upload; },
  };
}

test('fewer than four first bytes tell no image type, even the start of a BMP or JPEG signature', () => {
  expect(detectImageType([0x42, 0x4d])).toBeNull();
  expect(detectImageType([0x42, 0x4d, 0x00])).toBeNull();
  expect(detectImageType([0xff, 0xd8, 0xff])).toBeNull();
  expect(detectImageType([0x42, 0x4d, 0x00, 0x00])).toBe('bmp');
  expect(detectImageType([0xff, 0xd8, 0xff, 0xe0])).toBe('jpeg');
});

test('a new uploader shows no avatar and is idle: nothing read, nothing uploading, no notice', () => {
  const { flow, rec } = makeFlow();
  expect(flow.state).toEqual({ url: '', loading: false, busy: false, progress: 0, notice: null });
  expect(rec.changes).toBe(0);
  expect(rec.events).toEqual([]);
});

test('an upload started while the profile is read: not "loading" during the upload, nor after it', async () => {
  const { flow, rec } = makeFlow();
  await env.dev.post('/__dev/faults', { path: '/api/v2/upload', kind: 'delay', delayMs: 1500, count: 1 });
  const reading = flow.load();
  expect(flow.state.loading).toBe(true);
  const uploading = flow.pick({ path: tmpFile('while-reading.png', PNG) });
  expect(flow.state).toMatchObject({ busy: true, loading: false, progress: 0 });
  await reading; // answered during the upload: dropped
  expect(flow.state).toMatchObject({ busy: true, loading: false });
  await uploading;
  const photo = (await env.profile()).photo;
  expect(flow.state).toEqual({ url: photo, loading: false, busy: false, progress: 100, notice: { tone: 'success', key: 'success' } });
  expect(rec.events.map((e) => e.name)).toEqual(['change']);
});

describe('a client of the app\'s own', () => {
  test('a profile read answered with no error and no profile: a worded failure, code bad_response, nothing shown', async () => {
    const { flow, rec } = makeFlow(foreignClient({ user: [null, null] }));
    await flow.load();
    const error = { message: worded('loadFailed', ''), code: 'bad_response' };
    expect(flow.state).toEqual({ url: '', loading: false, busy: false, progress: 0, notice: { tone: 'error', error } });
    expect(rec.events).toEqual([{ name: 'error', detail: { action: 'load', code: 'bad_response', message: error.message, error } }]);
    expect(vocabularyProblems(rec.events)).toEqual([]);
  });

  test('a profile without a photo: no avatar shown, `load` says so with the profile', async () => {
    const user = { id: 'u-1', nickname: 'No Photo' };
    const { flow, rec } = makeFlow(foreignClient({ user: [null, user] }));
    await flow.load();
    expect(flow.state).toEqual({ url: '', loading: false, busy: false, progress: 0, notice: null });
    expect(rec.events).toEqual([{ name: 'load', detail: { url: '', userInfo: user } }]);
  });

  test('a profile read answered with an error AND a profile: the error wins, the avatar is not replaced', async () => {
    const { flow, rec } = makeFlow(foreignClient({ user: [{ code: 'server', message: 'db down' }, { photo: 'https://cdn.example.com/stale.png' }] }));
    flow.setSrc('https://example.com/current.png');
    await flow.load();
    expect(flow.state).toMatchObject({ url: 'https://example.com/current.png', loading: false });
    expect(errorsOf(rec)).toEqual([expect.objectContaining({ action: 'load', code: 'server', message: worded('loadFailed', 'db down') })]);
    expect(rec.events.some((e) => e.name === 'load')).toBe(false);
  });

  test('an upload answered with no error and no result: a worded failure, code bad_response, the old avatar stays', async () => {
    const client = foreignClient({ upload: [null, null] });
    const { flow, rec } = makeFlow(client);
    flow.setSrc('https://example.com/old.png');
    await flow.pick({ path: tmpFile('no-answer.png', PNG) });
    expect(client.calls).toHaveLength(1);
    const error = { message: worded('uploadFailed', ''), code: 'bad_response' };
    expect(flow.state).toEqual({ url: 'https://example.com/old.png', loading: false, busy: false, progress: 0, notice: { tone: 'error', error } });
    expect(rec.events).toEqual([{ name: 'error', detail: { action: 'upload', code: 'bad_response', message: error.message, error } }]);
  });

  test('an upload answered with an error AND a URL: the error wins, the old avatar stays, no `change`', async () => {
    const { flow, rec } = makeFlow(foreignClient({ upload: [{ code: 'server', message: 'quota exceeded' }, { data: { url: 'https://cdn.example.com/new.png' } }] }));
    flow.setSrc('https://example.com/old.png');
    await flow.pick({ path: tmpFile('error-and-url.png', PNG) });
    expect(flow.state).toMatchObject({ url: 'https://example.com/old.png', busy: false, notice: { tone: 'error' } });
    expect(rec.events).toEqual([{ name: 'error', detail: expect.objectContaining({ action: 'upload', code: 'server', message: worded('uploadFailed', 'quota exceeded') }) }]);
  });

  test('an upload answered with only the file\'s URL (no profile): that URL is the new avatar', async () => {
    const { flow, rec } = makeFlow(foreignClient({ upload: [null, { data: { url: 'https://cdn.example.com/file.png' } }] }));
    await flow.pick({ path: tmpFile('url-only.png', PNG) });
    expect(flow.state).toMatchObject({ url: 'https://cdn.example.com/file.png', busy: false, progress: 100, notice: { tone: 'success', key: 'success' } });
    expect(rec.events).toEqual([{ name: 'change', detail: { url: 'https://cdn.example.com/file.png', userInfo: undefined } }]);
  });

  test('the saved profile\'s photo wins over the file\'s URL (the server may store another address); a profile alone is enough', async () => {
    const userInfo = { id: 'u-1', photo: 'https://img.example.com/avatars/u-1.png' };
    const both = makeFlow(foreignClient({ upload: [null, { data: { url: 'https://upload.example.com/tmp/abc.png' }, userInfo }] }));
    await both.flow.pick({ path: tmpFile('both.png', PNG) });
    expect(both.flow.state.url).toBe(userInfo.photo);
    expect(both.rec.events).toEqual([{ name: 'change', detail: { url: userInfo.photo, userInfo } }]);

    const profileOnly = makeFlow(foreignClient({ upload: [null, { userInfo }] }));
    await profileOnly.flow.pick({ path: tmpFile('profile-only.png', PNG) });
    expect(profileOnly.flow.state).toMatchObject({ url: userInfo.photo, busy: false, notice: { tone: 'success', key: 'success' } });
    expect(profileOnly.rec.events).toEqual([{ name: 'change', detail: { url: userInfo.photo, userInfo } }]);
  });
});
