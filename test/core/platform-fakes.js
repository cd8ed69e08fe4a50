// Fake `Taro` and `uni` objects shaped like those platforms' APIs, built on the wx shim (so
// everything still goes over real HTTP to the devserver). Only the API *shape* differs:
//  - Taro: every API returns a promise (callbacks also honoured); uploadFile's promise has
//    `.progress(cb)` and `.abort()` (Taro's processApis); chooseImage → tempFiles[].path;
//    getRandomValues exists (weapp).
//  - uni: callback style returns the task; promise style (no callbacks) resolves `[err, res]`
//    under Vue 2 and resolves / rejects under Vue 3; chooseImage → tempFiles[].path;
//    no getRandomValues (the adapter falls back to the global wx).

function promised(fn) {
  return (opts = {}) => new Promise((resolve, reject) => {
    fn({
      ...opts,
      success: (res) => { if (opts.success) opts.success(res); resolve(res); },
      fail: (err) => { if (opts.fail) opts.fail(err); reject(err); },
    });
  });
}

function createFakeTaro(wx, log = []) {
  const track = (name, fn) => (opts) => { log.push(name); return fn(opts); };
  return {
    request: track('request', promised(wx.request)),
    uploadFile: track('uploadFile', (opts = {}) => {
      let task;
      const p = new Promise((resolve, reject) => {
        task = wx.uploadFile({
          ...opts,
          success: (res) => { if (opts.success) opts.success(res); resolve(res); },
          fail: (err) => { if (opts.fail) opts.fail(err); reject(err); },
        });
      });
      p.progress = (cb) => { task.onProgressUpdate(cb); return p; };
      p.abort = () => { task.abort(); return p; };
      return p;
    }),
    getStorage: track('getStorage', promised(wx.getStorage)),
    setStorage: track('setStorage', promised(wx.setStorage)),
    removeStorage: track('removeStorage', promised(wx.removeStorage)),
    login: track('login', promised(wx.login)),
    chooseImage: track('chooseImage', promised(wx.chooseImage)),
    getRandomValues: track('getRandomValues', promised(wx.getRandomValues)),
  };
}

function createFakeUni(wx, { vue2 }, log = []) {
  const api = (name, fn) => (opts = {}) => {
    log.push(name);
    if (opts.success || opts.fail || opts.complete) return fn(opts);
    const p = new Promise((resolve, reject) => fn({ ...opts, success: resolve, fail: reject }));
    return vue2 ? p.then((res) => [null, res], (err) => [err, undefined]) : p;
  };
  return {
    request: api('request', wx.request),
    uploadFile: api('uploadFile', wx.uploadFile),
    getStorage: api('getStorage', wx.getStorage),
    setStorage: api('setStorage', wx.setStorage),
    removeStorage: api('removeStorage', wx.removeStorage),
    login: api('login', wx.login),
    chooseImage: api('chooseImage', wx.chooseImage),
  };
}

module.exports = { createFakeTaro, createFakeUni };
