// Loads a component from a built app's output into miniprogram-simulate, the way WeChat would
// find its children: relative usingComponents as they are, bare ones (`tdesign-miniprogram/...`)
// through `miniprogram_npm/` lookup, wxml compiled by the official wcc with explicit file lists.
const fs = require('fs');
const path = require('path');
const simulate = require('miniprogram-simulate');
const { ROOT } = require('./paths');
const { listFiles, resolveComponent } = require('./wechat-refs');

const posix = (f) => path.relative(ROOT, f).split(path.sep).join('/');

/**
 * @param {string} appRoot   the built mini-program (its root folder)
 * @param {string} filesDir  the folder holding the component and its children (wcc compiles its wxml)
 * @param {string} base      the component, without extension
 */
function loadBuiltComponent(appRoot, filesDir, base, tag) {
  const files = listFiles(filesDir);
  const usingComponents = {};
  for (const json of files.filter((f) => f.endsWith('.json'))) {
    const using = JSON.parse(fs.readFileSync(json, 'utf8')).usingComponents || {};
    for (const [name, spec] of Object.entries(using)) {
      if (spec.startsWith('.') || spec.startsWith('/')) continue;
      const to = resolveComponent(appRoot, json, spec);
      if (to) usingComponents[name] = `/${posix(to)}`;
    }
  }
  return simulate.load(base, tag, {
    rootPath: ROOT,
    usingComponents,
    compilerOptions: {
      wxmlList: files.filter((f) => f.endsWith('.wxml')).map(posix),
      wxsList: files.filter((f) => f.endsWith('.wxs')).map(posix),
      maxBuffer: 16 * 1024 * 1024,
    },
  });
}

/**
 * Requests to the README's devserver address (`http://127.0.0.1:3000`, baked into the built apps) go
 * to the test's devserver instead.
 */
function pointReadmeHostAtDevServer(devServerUrl) {
  for (const api of ['request', 'uploadFile']) {
    const real = wx[api].bind(wx);
    wx[api] = (opts) => real({ ...opts, url: String(opts.url).replace('http://127.0.0.1:3000', devServerUrl) });
  }
}

/** Renders the loaded login component on a host page and logs in with the demo password account. */
async function loginThroughComponent(id) {
  const events = [];
  const hostId = simulate.load({
    usingComponents: { 'authing-login': id },
    template: '<authing-login id="login" methods="password,sms" bind:login="onLogin" bind:error="onError" />',
    methods: {
      onLogin(e) { events.push({ name: 'login', detail: e.detail }); },
      onError(e) { events.push({ name: 'error', detail: e.detail }); },
    },
  });
  const host = simulate.render(hostId);
  host.attach(document.createElement('parent-wrapper'));
  const login = host.querySelector('#login');
  const type = (field, value) => login.querySelector(`#${field}`).querySelector('.t-input__control').dispatchEvent('input', { detail: { value } });
  type('authing-account', 'demo');
  type('authing-password', 'Demo@123456');
  await simulate.sleep(0);
  login.querySelector('#authing-submit-password').querySelector('.t-button').dispatchEvent('tap');
  for (const deadline = Date.now() + 30000; !events.length && Date.now() < deadline;) await simulate.sleep(25);
  return { host, events };
}

module.exports = { loadBuiltComponent, pointReadmeHostAtDevServer, loginThroughComponent };
