// Edges of the three platform adapters over hand-made API objects (adapters.test.js runs the client
// over real ones): the options each call receives, how results of every shape are mapped, how any
// failure value becomes `{errMsg, errno?}`, storage "not found" as an empty result, the pickers'
// result shapes, random bytes and their fallback to the global wx, uni's Vue 2 `[err, res]` answers.
const { core } = require('./support');

/** A wx-style API object whose calls answer through callbacks with the given outcome. */
function callbackApi(outcomes, seen = {}) {
  const api = {};
  for (const [name, outcome] of Object.entries(outcomes)) {
    api[name] = (options) => {
      seen[name] = options;
      if (outcome.throws) throw outcome.throws;
      if ('fail' in outcome) options.fail(outcome.fail);
      else options.success(outcome.success);
      return outcome.task;
    };
  }
  return { request: () => undefined, ...api };
}

/** A Taro/uni-style API object whose calls return a promise of the given outcome (no callbacks used). */
function promiseApi(outcomes, seen = {}) {
  const api = {};
  for (const [name, outcome] of Object.entries(outcomes)) {
    api[name] = (options) => {
      seen[name] = options;
      if (outcome.throws) throw outcome.throws;
      return 'fail' in outcome ? Promise.reject(outcome.fail) : Promise.resolve(outcome.success);
    };
  }
  return { request: () => Promise.resolve({}), ...api };
}

const REQUEST = { url: 'https://x/api', method: 'POST', header: { a: '1' }, data: { b: 2 }, timeout: 5000 };

describe('creating an adapter', () => {
  test('each needs its platform object; wx defaults to the global wx', () => {
    expect(() => core.createTaroPlatform(undefined)).toThrow('createTaroPlatform: pass the Taro object');
    expect(() => core.createUniPlatform({})).toThrow('createUniPlatform: pass the uni object');
    expect(() => core.createWechatPlatform({ login: () => undefined })).toThrow('createWechatPlatform: no wx object in this runtime');
    expect(core.createWechatPlatform().name).toBe('wx');
    expect(core.createTaroPlatform(promiseApi({})).name).toBe('taro');
    expect(core.createUniPlatform(promiseApi({})).name).toBe('uni');
  });
});

describe('request and upload', () => {
  test('request options and the mapped answer; a missing or non-numeric status is 0', async () => {
    const seen = {};
    const platform = core.createWechatPlatform(callbackApi({ request: { success: { statusCode: '201', data: { ok: 1 }, header: { h: 'v' } } } }, seen));
    expect(await platform.request(REQUEST)).toEqual({ statusCode: 201, data: { ok: 1 }, header: { h: 'v' } });
    expect(seen.request).toMatchObject({ url: 'https://x/api', method: 'POST', header: { a: '1' }, data: { b: 2 }, timeout: 5000, dataType: 'json', responseType: 'text' });
    const empty = core.createWechatPlatform(callbackApi({ request: { success: undefined } }));
    expect(await empty.request(REQUEST)).toEqual({ statusCode: 0, data: undefined, header: undefined });
  });

  test.each([
    ['{errMsg, errno}', { errMsg: 'request:fail timeout', errno: 5 }, { errMsg: 'request:fail timeout', errno: 5 }],
    ['{errMsg} with a non-numeric errno', { errMsg: 'request:fail', errno: '5' }, { errMsg: 'request:fail' }],
    ['an Error', new Error('socket hang up'), { errMsg: 'socket hang up' }],
    ['a string', 'request:fail abort', { errMsg: 'request:fail abort' }],
    ['an empty string', '', { errMsg: 'request:fail' }],
    ['an object without a message', { code: 1 }, { errMsg: 'request:fail' }],
    ['a number', 42, { errMsg: 'request:fail' }],
  ])('a failure given as %s becomes {errMsg, errno?}', async (_what, failure, expected) => {
    await expect(core.createWechatPlatform(callbackApi({ request: { fail: failure } })).request(REQUEST)).rejects.toEqual(expected);
    await expect(core.createUniPlatform(promiseApi({ request: { fail: failure } })).request(REQUEST)).rejects.toEqual(expected);
  });

  test('a call that throws is a failure too', async () => {
    await expect(core.createWechatPlatform(callbackApi({ request: { throws: new Error('bad options') } })).request(REQUEST)).rejects.toEqual({ errMsg: 'bad options' });
    await expect(core.createTaroPlatform(promiseApi({ request: { throws: 'nope' } })).request(REQUEST)).rejects.toEqual({ errMsg: 'nope' });
  });

  test('a wx-style call that returns a promise instead of calling back is honoured', async () => {
    const api = { request: () => Promise.resolve({ statusCode: 200, data: 'x' }) };
    expect(await core.createWechatPlatform(api).request(REQUEST)).toMatchObject({ statusCode: 200, data: 'x' });
  });

  test('upload: options, the body as text (objects as JSON, none as \'\'), progress from the task ignoring non-numbers', async () => {
    const listeners = [];
    const task = { onProgressUpdate: (fn) => listeners.push(fn) };
    const seen = {};
    const upload = (success) => core.createWechatPlatform(callbackApi({ uploadFile: { success, task } }, seen));
    const progress = [];
    const req = { url: 'https://x/up', filePath: '/tmp/a.png', name: 'file', header: { a: '1' }, formData: { f: 1 }, timeout: 60000, onProgress: (p) => progress.push(p) };
    expect(await upload({ statusCode: 200, data: '{"a":1}' }).uploadFile(req)).toEqual({ statusCode: 200, data: '{"a":1}' });
    expect(seen.uploadFile).toMatchObject({ url: 'https://x/up', filePath: '/tmp/a.png', name: 'file', header: { a: '1' }, formData: { f: 1 }, timeout: 60000 });
    expect(await upload({ statusCode: 200, data: { a: 1 } }).uploadFile(req)).toEqual({ statusCode: 200, data: '{"a":1}' });
    expect(await upload({ statusCode: 500 }).uploadFile(req)).toEqual({ statusCode: 500, data: '' });
    expect(await upload(undefined).uploadFile(req)).toEqual({ statusCode: 0, data: '' });
    listeners[0]({ progress: 40 });
    listeners[0]({ progress: '50' });
    listeners[0](undefined);
    expect(progress).toEqual([40]);
  });

  test('Taro\'s upload promise reports progress through `.progress`', async () => {
    const progress = [];
    const api = promiseApi({});
    api.uploadFile = (options) => {
      const p = Promise.resolve().then(() => { options.success({ statusCode: 200, data: 'ok' }); });
      p.progress = (fn) => { fn({ progress: 100 }); return p; };
      return p;
    };
    expect(await core.createTaroPlatform(api).uploadFile({ url: 'u', filePath: 'f', name: 'file', onProgress: (n) => progress.push(n) })).toEqual({ statusCode: 200, data: 'ok' });
    expect(progress).toEqual([100]);
  });
});

describe('storage and login', () => {
  test.each(['getStorage:fail data not found', 'getStorage:fail key not exist', 'getStorage:fail no data', 'GETSTORAGE:FAIL NOT FOUND'])('"%s" reads as nothing stored', async (errMsg) => {
    await expect(core.createWechatPlatform(callbackApi({ getStorage: { fail: { errMsg } } })).getStorage('k')).resolves.toBeUndefined();
  });

  test('other storage failures are failures; a value is read from `data`; options are plain (unencrypted)', async () => {
    await expect(core.createWechatPlatform(callbackApi({ getStorage: { fail: { errMsg: 'getStorage:fail quota' } } })).getStorage('k')).rejects.toEqual({ errMsg: 'getStorage:fail quota' });
    const seen = {};
    const platform = core.createWechatPlatform(callbackApi({ getStorage: { success: { data: { v: 1 } } }, setStorage: { success: {} }, removeStorage: { success: {} } }, seen));
    expect(await platform.getStorage('k')).toEqual({ v: 1 });
    expect(seen.getStorage).toMatchObject({ key: 'k', encrypt: false });
    expect(await platform.setStorage('k', { v: 2 })).toBeUndefined();
    expect(seen.setStorage).toMatchObject({ key: 'k', data: { v: 2 }, encrypt: false });
    expect(await platform.removeStorage('k')).toBeUndefined();
    expect(seen.removeStorage).toMatchObject({ key: 'k' });
    expect(await core.createUniPlatform(promiseApi({ getStorage: { success: undefined } })).getStorage('k')).toBeUndefined();
  });

  test('login: the code; no code or an empty one is a failure; uni asks the weixin provider; a missing API is "not supported"', async () => {
    expect(await core.createWechatPlatform(callbackApi({ login: { success: { code: 'c1' } } })).login()).toBe('c1');
    await expect(core.createWechatPlatform(callbackApi({ login: { success: { code: '' } } })).login()).rejects.toEqual({ errMsg: 'login:fail no code' });
    await expect(core.createWechatPlatform(callbackApi({ login: { success: undefined } })).login()).rejects.toEqual({ errMsg: 'login:fail no code' });
    const seen = {};
    expect(await core.createUniPlatform(promiseApi({ login: { success: { code: 'c2' } } }, seen)).login()).toBe('c2');
    expect(seen.login).toEqual({ provider: 'weixin' });
    await expect(core.createTaroPlatform(promiseApi({})).login()).rejects.toEqual({ errMsg: 'login:fail not supported' });
  });

  test('uni under Vue 2: `[null, res]` is the result, `[err, undefined]` the failure; other pairs are plain results', async () => {
    const vue2 = (value) => core.createUniPlatform({ request: () => Promise.resolve(value), login: () => Promise.resolve(value) });
    expect(await vue2([null, { statusCode: 200, data: 'x' }]).request(REQUEST)).toMatchObject({ statusCode: 200, data: 'x' });
    expect(await vue2([undefined, { code: 'c3' }]).login()).toBe('c3');
    await expect(vue2([{ errMsg: 'login:fail cancel' }, undefined]).login()).rejects.toEqual({ errMsg: 'login:fail cancel' });
    const pair = ['a', 'b'];
    pair.code = 'c4';
    expect(await vue2(pair).login()).toBe('c4');
  });
});

describe('pickers and random bytes', () => {
  test('wx chooseMedia: images only; the first file with its size and type; none → "no file"', async () => {
    const seen = {};
    const pick = (success) => core.createWechatPlatform(callbackApi({ chooseMedia: { success } }, seen)).chooseImage();
    expect(await pick({ tempFiles: [{ tempFilePath: '/a.png', size: '12', fileType: 'image' }, { tempFilePath: '/b.png' }] })).toEqual({ tempFilePath: '/a.png', size: 12, fileType: 'image' });
    expect(seen.chooseMedia).toMatchObject({ count: 1, mediaType: ['image'], sourceType: ['album', 'camera'], sizeType: ['compressed'] });
    expect(await pick({ tempFiles: [{ tempFilePath: '/a.png' }] })).toEqual({ tempFilePath: '/a.png', size: 0, fileType: undefined });
    await expect(pick({ tempFiles: [] })).rejects.toEqual({ errMsg: 'chooseMedia:fail no file' });
    await expect(pick({ tempFiles: [{ size: 1 }] })).rejects.toEqual({ errMsg: 'chooseMedia:fail no file' });
    await expect(pick(undefined)).rejects.toEqual({ errMsg: 'chooseMedia:fail no file' });
  });

  test('Taro / uni chooseImage: tempFiles[].path, else tempFilePaths (a list or one string); none → "no file"', async () => {
    const seen = {};
    const pick = (success) => core.createTaroPlatform(promiseApi({ chooseImage: { success } }, seen)).chooseImage();
    expect(await pick({ tempFiles: [{ path: '/a.jpg', size: 30 }], tempFilePaths: ['/other.jpg'] })).toEqual({ tempFilePath: '/a.jpg', size: 30, fileType: 'image' });
    expect(seen.chooseImage).toEqual({ count: 1, sourceType: ['album', 'camera'], sizeType: ['compressed'] });
    expect(await pick({ tempFiles: [{ size: 30 }], tempFilePaths: ['/b.jpg'] })).toEqual({ tempFilePath: '/b.jpg', size: 30, fileType: 'image' });
    expect(await pick({ tempFiles: 'x', tempFilePaths: '/c.jpg' })).toEqual({ tempFilePath: '/c.jpg', size: 0, fileType: 'image' });
    await expect(pick({ tempFilePaths: [''] })).rejects.toEqual({ errMsg: 'chooseImage:fail no file' });
    await expect(pick(undefined)).rejects.toEqual({ errMsg: 'chooseImage:fail no file' });
    expect(await core.createUniPlatform(promiseApi({ chooseImage: { success: { tempFilePaths: ['/d.jpg'] } } })).chooseImage()).toEqual({ tempFilePath: '/d.jpg', size: 0, fileType: 'image' });
  });

  test('random bytes: exactly the length asked (a longer buffer is cut); too few or none is a failure; uni falls back to the global wx', async () => {
    const random = (randomValues) => core.createTaroPlatform(callbackApi({ getRandomValues: { success: { randomValues } } }));
    const seen = {};
    const exact = await core.createWechatPlatform(callbackApi({ getRandomValues: { success: { randomValues: new Uint8Array([1, 2, 3, 4]).buffer } } }, seen)).getRandomValues(4);
    expect(Array.from(exact)).toEqual([1, 2, 3, 4]);
    expect(seen.getRandomValues).toMatchObject({ length: 4 });
    expect(Array.from(await random(new Uint8Array([5, 6, 7, 8, 9]).buffer).getRandomValues(3))).toEqual([5, 6, 7]);
    await expect(random(new Uint8Array([1]).buffer).getRandomValues(2)).rejects.toEqual({ errMsg: 'getRandomValues:fail no random bytes' });
    await expect(random('abc').getRandomValues(2)).rejects.toEqual({ errMsg: 'getRandomValues:fail no random bytes' });
    const fromGlobal = await core.createUniPlatform(promiseApi({})).getRandomValues(16);
    expect(fromGlobal).toHaveLength(16);
  });
});
