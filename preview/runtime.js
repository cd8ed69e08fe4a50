// Runs inside the preview page (bundled by preview/build.js with esbuild as an IIFE).
// window.__PREVIEW__ (written by build.js) carries the component list, the module map, the wcc
// output and the icon set; this file turns them into live mini-program pages:
//   - j-component + miniprogram-exparser (WeChat's component engine) render into the real DOM;
//   - `wx` = miniprogram-simulate's API mocks, overlaid by the devserver wx shim (real HTTP through
//     the browser transport) and by the preview's own navigation / UI / system-info APIs;
//   - App() runs once (app.js creates the Authing client); Page()/Component() register pages and
//     components; a small router keeps a page stack (navigateTo / redirectTo / switchTab / back);
//   - built-in tags get real HTML (input, textarea, image), DOM events become exparser events
//     (click → tap, typing → input/focus/blur/confirm), open-type buttons act like WeChat's;
//   - tdesign's CDN icon font is replaced by CSS masks from @iconify-json/tdesign.
/* eslint-disable no-underscore-dangle */
const exparser = require('miniprogram-exparser');
const jComponent = require('j-component');
const jUtils = require('j-component/src/tool/utils');
const jRender = require('j-component/src/render/render');
const wxMock = require('miniprogram-simulate/src/api');
const pathPosix = require('path');
const { createWxShim } = require('../devserver/wx-shim');
const { createBrowserTransport } = require('../devserver/wx-shim/browser-transport');

const P = window.__PREVIEW__;
// The phone's width follows the browser's (320–414 px phones reflow like on a device); in a wide window the
// live preview draws a 375 px frame (see the router below).
const FRAME_WIDTH = 375;
const SCREEN = { width: FRAME_WIDTH, height: 667, pixelRatio: 2 };
const STATUS_BAR = 0; // no status bar drawn; the navigation bar starts at the top
const NAV_BAR = 44;

// ---------------------------------------------------------------------------------------------
// error reporting: console (for tests) + a red box in the page (for people)

function showError(msg) {
  let box = document.getElementById('wxp-errors');
  if (!box) {
    box = document.createElement('div');
    box.id = 'wxp-errors';
    document.body.appendChild(box);
  }
  const line = document.createElement('div');
  line.textContent = msg;
  box.appendChild(line);
}
function report(where, err) {
  const msg = `[preview] ${where}: ${err && err.stack ? err.stack : err}`;
  console.error(msg);
  showError(msg.split('\n').slice(0, 3).join('\n'));
}

// ---------------------------------------------------------------------------------------------
// rpx: WeChat's 750rpx = screen width. build.js writes rpx as calc(n * var(--wxp-rpx)); the runtime sets
// --wxp-rpx (and --wxp-width) from the phone width, so a resize reflows like a narrower phone.

const RPX = /(^|[^\w.-])(-?\d*\.?\d+)rpx\b/g;
function rpx(style) {
  return String(style).replace(RPX, (m, pre, n) => `${pre}calc(${n} * var(--wxp-rpx, 0.5px))`);
}
jUtils.transformRpx = rpx;

// ids in templates become DOM ids (handy for tests and devtools; WeChat does the same in its webview)
const origRegisterElement = exparser.registerElement;
exparser.registerElement = function registerElement(def) {
  def.options = Object.assign({}, def.options, { writeIdToDOM: true });
  return origRegisterElement.call(this, def);
};

// The `class` external class of virtualHost components (tdesign): j-component sets `class` on the
// virtual host, which has no DOM; forward it to the node that declares the external class.
(function fixClassExternalClass() {
  let proto = exparser.Element.prototype;
  let desc;
  while (proto && !(desc = Object.getOwnPropertyDescriptor(proto, 'class'))) proto = Object.getPrototypeOf(proto);
  if (!desc || !desc.set) return;
  Object.defineProperty(proto, 'class', {
    configurable: true,
    enumerable: desc.enumerable,
    get: desc.get,
    set(v) {
      desc.set.call(this, v);
      if (typeof this.hasExternalClass === 'function' && this.hasExternalClass('class')) this.setExternalClass('class', v);
    },
  });
}());

// ---------------------------------------------------------------------------------------------
// built-in components (as miniprogram-simulate registers them: <slot/> templates) + real HTML

const BUILTINS = ['cover-image', 'cover-view', 'grid-view', 'list-view', 'match-media', 'movable-area', 'movable-view',
  'page-container', 'root-portal', 'scroll-view', 'share-element', 'sticky-header', 'sticky-section', 'swiper',
  'swiper-item', 'view', 'icon', 'progress', 'rich-text', 'text', 'button', 'checkbox', 'checkbox-group', 'editor',
  'form', 'input', 'keyboard-accessory', 'label', 'picker', 'picker-view', 'picker-view-column', 'radio',
  'radio-group', 'slider', 'switch', 'textarea', 'functional-page-navigator', 'navigator', 'audio', 'camera',
  'channel-live', 'channel-video', 'image', 'live-player', 'live-pusher', 'video', 'voip-room', 'map', 'canvas',
  'web-view', 'ad', 'ad-custom', 'official-account', 'open-data', 'navigation-bar', 'page-meta'];
for (const name of BUILTINS) jComponent.register({ id: name, tagName: `wx-${name}`, template: '<slot/>' });

const isOn = (v) => v === true || (typeof v === 'string' && v !== '' && v !== 'false') || (typeof v === 'number' && v !== 0);

/** A node's template attributes by dash-case name (wcc hands them over camel-cased: openType). */
function attrsOf(node, attrs) {
  const out = {};
  for (const a of attrs || (node._vt && node._vt.attrs) || []) {
    out[a.name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)] = a.value;
  }
  return out;
}

/** classPrefix of the component whose template contains `node` (class names there are prefixed with it). */
function ownerPrefix(node) {
  const sr = node.ownerShadowRoot;
  const host = sr && sr.getHostNode && sr.getHostNode();
  const opts = host && exparser.Component.getComponentOptions(host);
  return (opts && opts.classPrefix) || '';
}
function prefixed(node, classes) {
  const p = ownerPrefix(node);
  return String(classes || '').split(/\s+/).filter(Boolean).map((c) => (p ? `${p}--${c}` : c)).join(' ');
}

function fire(node, name, detail, originalEvent, bubbles = false) {
  exparser.Event.dispatchEvent(node, exparser.Event.create(name, detail || {}, {
    originalEvent, bubbles, capturePhase: bubbles, composed: bubbles,
    extraFields: { touches: [], changedTouches: [] },
  }));
}

function builtinName(node) {
  const dom = node.$$;
  if (!dom || !dom.tagName) return '';
  const t = dom.tagName.toLowerCase();
  return t.startsWith('wx-') ? t.slice(3) : '';
}

function syncField(node, a, kind) {
  const dom = node.$$;
  let el = node.__wxpField;
  let ph = node.__wxpPlaceholder;
  if (!el) {
    el = document.createElement(kind === 'textarea' ? 'textarea' : 'input');
    el.className = 'wxp-field';
    ph = document.createElement('div');
    ph.className = 'wxp-placeholder';
    dom.appendChild(ph);
    dom.appendChild(el);
    node.__wxpField = el;
    node.__wxpPlaceholder = ph;
    let lastKey = 0;
    el.addEventListener('keydown', (e) => {
      lastKey = e.keyCode;
      if (e.key === 'Enter' && kind === 'input') fire(node, 'confirm', { value: el.value }, e);
    });
    el.addEventListener('input', (e) => {
      ph.style.display = el.value ? 'none' : '';
      fire(node, 'input', { value: el.value, cursor: el.selectionStart || el.value.length, keyCode: lastKey }, e);
    });
    el.addEventListener('focus', (e) => {
      // A nickname input is a privacy API: WeChat asks for the privacy authorization before the keyboard.
      const privacy = control.privacy.state;
      if (node.__wxpNickname && privacy.enabled && !privacy.agreed) {
        el.blur();
        privacyGate('nickname', 'input.nickname').then((refused) => { if (!refused) el.focus(); });
        return;
      }
      fire(node, 'focus', { value: el.value, height: 0 }, e);
    });
    el.addEventListener('blur', (e) => fire(node, 'blur', { value: el.value, cursor: el.selectionStart || 0 }, e));
    el.addEventListener('change', (e) => fire(node, 'change', { value: el.value }, e));
  }
  const value = a.value === undefined || a.value === null ? '' : String(a.value);
  if (el.value !== value && !(document.activeElement === el && el.value === value)) el.value = value;
  if (kind === 'input') {
    const type = String(a.type || 'text');
    node.__wxpNickname = type === 'nickname';
    el.type = isOn(a.password) || type === 'safe-password' ? 'password' : 'text';
    el.inputMode = type === 'number' ? 'numeric' : type === 'digit' ? 'decimal' : type === 'idcard' ? 'text' : '';
    if (a['confirm-type']) el.enterKeyHint = String(a['confirm-type']);
  }
  const max = a.maxlength === undefined || a.maxlength === '' ? (kind === 'input' ? 140 : 140) : Number(a.maxlength);
  if (max >= 0) el.maxLength = max; else el.removeAttribute('maxlength');
  el.disabled = isOn(a.disabled);
  ph.textContent = a.placeholder === undefined || a.placeholder === null ? '' : String(a.placeholder);
  ph.className = `wxp-placeholder input-placeholder ${prefixed(node, a['placeholder-class'])}`.trim();
  ph.setAttribute('style', rpx(a['placeholder-style'] || ''));
  ph.style.display = el.value ? 'none' : '';
  if ((isOn(a.focus) || isOn(a['auto-focus'])) && !node.__wxpFocused) {
    node.__wxpFocused = true;
    setTimeout(() => el.focus(), 0);
  } else if (!isOn(a.focus) && !isOn(a['auto-focus'])) {
    node.__wxpFocused = false;
  }
}

const IMAGE_FIT = { scaleToFill: 'fill', aspectFit: 'contain', aspectFill: 'cover', widthFix: 'cover', heightFix: 'cover' };
function assetUrl(src) {
  const s = String(src || '');
  if (!s || /^(https?:|data:|blob:|wxfile:|\/\/)/i.test(s)) return s;
  if (s.startsWith('/')) return P.assetBase + s.slice(1);
  return P.assetBase + pathPosix.join(pathPosix.dirname(currentRoute() || ''), s);
}
function syncImage(node, a) {
  const dom = node.$$;
  let img = node.__wxpImg;
  if (!img) {
    img = document.createElement('img');
    img.className = 'wxp-img';
    img.alt = '';
    img.addEventListener('load', (e) => fire(node, 'load', { width: img.naturalWidth, height: img.naturalHeight }, e));
    img.addEventListener('error', (e) => {
      if (!img.getAttribute('src')) return;
      fire(node, 'error', { errMsg: `GET ${img.src} 404 (Not Found)` }, e);
    });
    dom.appendChild(img);
    node.__wxpImg = img;
  }
  const mode = String(a.mode || 'scaleToFill');
  img.style.objectFit = IMAGE_FIT[mode] || 'none';
  dom.classList.toggle('wxp-width-fix', mode === 'widthFix');
  dom.classList.toggle('wxp-height-fix', mode === 'heightFix');
  const url = assetUrl(a.src);
  if (url) { if (img.getAttribute('src') !== url) img.src = url; } else img.removeAttribute('src');
}

function syncNode(node, attrs) {
  const a = attrsOf(node, attrs);
  if (a.id) {
    // ids of virtualHost components (tdesign) have no DOM of their own: mark their first element
    const target = node.$$ || domOf(node);
    if (target && target.setAttribute) target.setAttribute('data-wx-id', String(a.id));
  }
  const dom = node.$$;
  if (!dom || !dom.setAttribute) return;
  if ('hidden' in a) {
    if (isOn(a.hidden)) dom.setAttribute('hidden', ''); else dom.removeAttribute('hidden');
  }
  const kind = builtinName(node);
  if (!kind) return;
  switch (kind) {
    case 'input': case 'textarea': syncField(node, a, kind); break;
    case 'image': syncImage(node, a); break;
    case 'scroll-view':
      dom.style.overflowX = isOn(a['scroll-x']) ? 'auto' : 'hidden';
      dom.style.overflowY = isOn(a['scroll-y']) ? 'auto' : 'hidden';
      break;
    case 'button':
      if (isOn(a.disabled)) dom.setAttribute('disabled', ''); else dom.removeAttribute('disabled');
      break;
    default:
  }
}

function walkSync(node) {
  if (node._vt) syncNode(node, node._vt.attrs);
  const kids = node.childNodes || [];
  for (const k of kids) if (k instanceof exparser.Element) walkSync(k);
}
const origRenderNode = jRender.renderExparserNode;
jRender.renderExparserNode = function renderExparserNode(...args) {
  const node = origRenderNode.apply(this, args);
  if (node instanceof exparser.Element) walkSync(node);
  return node;
};
const origUpdateAttrs = jRender.updateAttrs;
jRender.updateAttrs = function updateAttrs(node, attrs) {
  origUpdateAttrs.call(this, node, attrs);
  syncNode(node, attrs);
};

// ---------------------------------------------------------------------------------------------
// icons: t-icon-NAME classes drawn with an SVG mask (colour = currentColor)

const iconSheet = document.createElement('style');
iconSheet.id = 'wxp-icons';
document.head.appendChild(iconSheet);
const iconDone = new Set();
const iconWarned = new Set();
function iconMaskUrl(body) {
  const size = P.icons.size || 24;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" width="${size}" height="${size}">${body.replace(/currentColor/g, '#000')}</svg>`;
  return `url("data:image/svg+xml,${encodeURIComponent(svg).replace(/'/g, '%27').replace(/"/g, '%22')}")`;
}
function scanIcons() {
  const els = document.querySelectorAll('[class*="t-icon-"]');
  let rules = '';
  for (const el of els) {
    for (const c of el.classList) {
      if (iconDone.has(c)) continue;
      const m = /^(?:.*--)?t-icon-([a-z0-9][a-z0-9-]*)$/.exec(c);
      if (!m || m[1] === 'base') continue;
      iconDone.add(c);
      const body = P.icons.icons[m[1]];
      if (!body) {
        if (!iconWarned.has(m[1])) { iconWarned.add(m[1]); console.warn(`[preview] icon "${m[1]}" is not in the embedded icon set`); }
        continue;
      }
      const url = iconMaskUrl(body);
      rules += `.${CSS.escape(c)}::before{content:""!important;display:block;width:1em;height:1em;background-color:currentColor;-webkit-mask:${url} center/100% 100% no-repeat;mask:${url} center/100% 100% no-repeat}\n`;
    }
  }
  if (rules) iconSheet.appendChild(document.createTextNode(rules));
}
let iconScanQueued = false;
new MutationObserver(() => {
  if (iconScanQueued) return;
  iconScanQueued = true;
  Promise.resolve().then(() => { iconScanQueued = false; scanIcons(); });
}).observe(document.documentElement, { subtree: true, childList: true, attributes: true, attributeFilter: ['class'] });

// ---------------------------------------------------------------------------------------------
// little WeChat-like UI for toast / loading / modal / action sheet / permission prompts

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}
let toastTimer;
function showToastUI({ title = '', icon = 'success', duration = 1500, mask = false, loading = false }) {
  hideToastUI();
  const wrap = el('div', 'wxp-toast-wrap' + (mask ? ' wxp-mask' : ''));
  const box = el('div', 'wxp-toast' + (icon === 'none' && !loading ? ' wxp-toast-text' : ''));
  if (loading) box.appendChild(el('div', 'wxp-spinner'));
  else if (icon !== 'none') box.appendChild(el('div', 'wxp-toast-icon', icon === 'error' ? '✕' : '✓'));
  box.appendChild(el('div', 'wxp-toast-title', String(title)));
  wrap.appendChild(box);
  wrap.id = 'wxp-toast';
  overlayRoot.appendChild(wrap);
  if (!loading) toastTimer = setTimeout(hideToastUI, duration);
}
function hideToastUI() {
  clearTimeout(toastTimer);
  const t = document.getElementById('wxp-toast');
  if (t) t.remove();
}
function modalUI({ title = '', content = '', showCancel = true, cancelText = '取消', confirmText = '确定', confirmColor = '#576B95', cancelColor = '#000000' }) {
  return new Promise((resolve) => {
    const mask = el('div', 'wxp-mask wxp-modal-mask');
    const box = el('div', 'wxp-modal');
    if (title) box.appendChild(el('div', 'wxp-modal-title', String(title)));
    if (content) box.appendChild(el('div', 'wxp-modal-content', String(content)));
    const ft = el('div', 'wxp-modal-ft');
    const done = (confirm) => { mask.remove(); resolve({ confirm, cancel: !confirm }); };
    if (showCancel) {
      const c = el('button', 'wxp-modal-btn', String(cancelText));
      c.style.color = cancelColor;
      c.onclick = () => done(false);
      ft.appendChild(c);
    }
    const ok = el('button', 'wxp-modal-btn wxp-modal-ok', String(confirmText));
    ok.style.color = confirmColor;
    ok.onclick = () => done(true);
    ft.appendChild(ok);
    box.appendChild(ft);
    mask.appendChild(box);
    overlayRoot.appendChild(mask);
  });
}
function sheetUI({ title, items, cancelText = '取消' }) {
  return new Promise((resolve) => {
    const mask = el('div', 'wxp-mask wxp-sheet-mask');
    const box = el('div', 'wxp-sheet');
    if (title) box.appendChild(el('div', 'wxp-sheet-title', title));
    const done = (i) => { mask.remove(); resolve(i); };
    items.forEach((text, i) => {
      const b = el('button', 'wxp-sheet-item', String(text));
      b.onclick = (e) => { e.stopPropagation(); done(i); };
      box.appendChild(b);
    });
    const c = el('button', 'wxp-sheet-item wxp-sheet-cancel', cancelText);
    c.onclick = (e) => { e.stopPropagation(); done(-1); };
    box.appendChild(c);
    mask.onclick = () => done(-1);
    mask.appendChild(box);
    overlayRoot.appendChild(mask);
  });
}

// ---------------------------------------------------------------------------------------------
// wx: simulate's mocks < devserver shim < preview APIs

const devserverUrl = P.devserverUrl || window.location.origin;
const transport = createBrowserTransport();
// Requests to the host the app was configured with (config.js) go to this preview's devserver.
let mappedHost = null;
const rawSend = transport.send;
transport.send = (req) => {
  if (mappedHost && mappedHost !== devserverUrl && req.url.startsWith(mappedHost)) {
    return rawSend(Object.assign({}, req, { url: devserverUrl + req.url.slice(mappedHost.length) }));
  }
  return rawSend(req);
};
const shim = createWxShim({ baseUrl: devserverUrl, transport });
const control = shim.__control;
// ?privacy=1: a user who has not agreed to the privacy guidelines yet (the first privacy API asks).
if (/[?&]privacy=1(&|$)/.test(window.location.search)) control.privacy.enable();

// Storage survives reloads and page-to-page links in the live preview (per devserver).
(function persistStorage() {
  const key = `wxp-storage:${devserverUrl}`;
  const store = control.storage;
  let saved = {};
  try { saved = JSON.parse(window.localStorage.getItem(key) || '{}'); } catch (e) { saved = {}; }
  for (const [k, v] of Object.entries(saved)) Map.prototype.set.call(store, k, v);
  const save = () => {
    try { window.localStorage.setItem(key, JSON.stringify(Object.fromEntries(store))); } catch (e) { /* private mode */ }
  };
  store.set = function set(k, v) { Map.prototype.set.call(this, k, v); save(); return this; };
  store.delete = function del(k) { const r = Map.prototype.delete.call(this, k); save(); return r; };
  store.clear = function clear() { Map.prototype.clear.call(this); save(); };
}());

/** success/fail/complete or a Promise, like WeChat's async APIs. */
function api(name, run) {
  return (opts = {}) => {
    const wantsPromise = !opts.success && !opts.fail && !opts.complete;
    const p = Promise.resolve().then(() => run(opts)).then(
      (res) => Object.assign({ errMsg: `${name}:ok` }, res),
      (err) => { throw Object.assign({ errMsg: `${name}:fail ${err && err.message ? err.message : err}` }, err && err.errno ? { errno: err.errno } : {}); },
    );
    if (wantsPromise) return p;
    p.then((res) => { opts.success && opts.success(res); opts.complete && opts.complete(res); },
      (err) => { opts.fail && opts.fail(err); opts.complete && opts.complete(err); });
    return undefined;
  };
}

const dark = () => window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches;
function windowInfo() {
  return {
    pixelRatio: SCREEN.pixelRatio, screenWidth: SCREEN.width, screenHeight: SCREEN.height,
    windowWidth: SCREEN.width, windowHeight: SCREEN.height - NAV_BAR, statusBarHeight: STATUS_BAR,
    safeArea: { left: 0, right: SCREEN.width, top: STATUS_BAR, bottom: SCREEN.height, width: SCREEN.width, height: SCREEN.height - STATUS_BAR },
    screenTop: NAV_BAR,
  };
}
function systemInfo() {
  return Object.assign(windowInfo(), {
    brand: 'devtools', model: 'iPhone 6/7/8', system: 'iOS 10.0.1', platform: 'devtools', version: '8.0.5',
    SDKVersion: '3.5.0', language: 'zh_CN', theme: dark() ? 'dark' : 'light', fontSizeSetting: 16,
    benchmarkLevel: 1, enableDebug: false, deviceOrientation: 'portrait', host: { env: 'WeChat' },
  });
}

/** An image for chooseMedia / chooseAvatar: queued by automation, else the browser's file picker. */
function pickImage() {
  const queued = control.mediaQueue.shift();
  if (queued) {
    let size = queued.size;
    try { if (size === undefined) size = transport.fileSystemManager.statSync(queued.tempFilePath).size; } catch (e) { size = 0; }
    return Promise.resolve(Object.assign({ size, fileType: 'image' }, queued));
  }
  return new Promise((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = 'image/*';
    input.style.display = 'none';
    input.addEventListener('change', () => {
      const file = input.files && input.files[0];
      input.remove();
      if (!file) { reject(new Error('cancel')); return; }
      const url = URL.createObjectURL(file);
      file.arrayBuffer().then((buf) => {
        transport.registerFile(url, new Uint8Array(buf), file.name);
        resolve({ tempFilePath: url, size: file.size, fileType: 'image' });
      }, reject);
    });
    input.addEventListener('cancel', () => { input.remove(); reject(new Error('cancel')); });
    document.body.appendChild(input);
    input.click();
  });
}

const noop = () => {};
const wx = Object.assign({}, wxMock, shim, {
  getWindowInfo: windowInfo,
  getSystemInfoSync: systemInfo,
  getSystemInfo: api('getSystemInfo', systemInfo),
  getSystemInfoAsync: api('getSystemInfoAsync', systemInfo),
  getDeviceInfo: () => ({ brand: 'devtools', model: 'iPhone 6/7/8', system: 'iOS 10.0.1', platform: 'devtools', pixelRatio: SCREEN.pixelRatio, benchmarkLevel: 1 }),
  getAppBaseInfo: () => ({ SDKVersion: '3.5.0', language: 'zh_CN', version: '8.0.5', theme: dark() ? 'dark' : 'light', enableDebug: false, host: { env: 'WeChat' } }),
  getMenuButtonBoundingClientRect: () => ({ width: 87, height: 32, top: STATUS_BAR + 6, right: SCREEN.width - 7, bottom: STATUS_BAR + 38, left: SCREEN.width - 94 }),
  onMenuButtonBoundingClientRectWeightChange: noop,
  offMenuButtonBoundingClientRectWeightChange: noop,
  onThemeChange(fn) {
    if (window.matchMedia) window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', (e) => fn({ theme: e.matches ? 'dark' : 'light' }));
  },
  offThemeChange: noop,
  canIUse: () => true,

  showToast: api('showToast', (o) => { showToastUI(o); }),
  hideToast: api('hideToast', () => hideToastUI()),
  showLoading: api('showLoading', (o) => { showToastUI({ title: o.title, mask: o.mask, loading: true }); }),
  hideLoading: api('hideLoading', () => hideToastUI()),
  showModal: api('showModal', (o) => modalUI(o)),
  showActionSheet: api('showActionSheet', async (o) => {
    const i = await sheetUI({ title: o.alertText, items: o.itemList || [] });
    if (i < 0) throw new Error('cancel');
    return { tapIndex: i };
  }),
  setNavigationBarTitle: api('setNavigationBarTitle', (o) => { const top = stack[stack.length - 1]; if (top) top.titleEl.textContent = o.title || ''; }),
  setNavigationBarColor: api('setNavigationBarColor', (o) => {
    const top = stack[stack.length - 1];
    if (top) { top.navEl.style.backgroundColor = o.backgroundColor; top.navEl.style.color = o.frontColor; }
  }),
  showNavigationBarLoading: noop,
  hideNavigationBarLoading: noop,
  hideHomeButton: noop,
  pageScrollTo: api('pageScrollTo', (o) => { scrollPageTo(o.scrollTop || 0, o.duration !== 0); }),
  stopPullDownRefresh: noop,
  vibrateShort: api('vibrateShort', noop),

  chooseMedia: api('chooseMedia', async () => {
    const f = await pickImage();
    return { tempFiles: [{ fileType: 'image', ...f }], type: 'image' };
  }),
  chooseImage: api('chooseImage', async () => {
    const f = await pickImage();
    return { tempFilePaths: [f.tempFilePath], tempFiles: [{ path: f.tempFilePath, size: f.size }] };
  }),
  getImageInfo: api('getImageInfo', (o) => new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve({ width: img.naturalWidth, height: img.naturalHeight, path: o.src, orientation: 'up', type: 'png' });
    img.onerror = () => reject(new Error('image load failed'));
    img.src = assetUrl(o.src);
  })),
  compressImage: api('compressImage', (o) => ({ tempFilePath: o.src })),
  cropImage: api('cropImage', (o) => ({ tempFilePath: o.src })),

  // getPrivacySetting / requirePrivacyAuthorize / onNeedPrivacyAuthorization / openPrivacyContract: the shim's
  // simulation (devserver/wx-shim/privacy.js), off until wx.__control.privacy.enable() or ?privacy=1.
  checkSession: api('checkSession', noop),

  navigateTo: api('navigateTo', (o) => router.navigateTo(o.url)),
  redirectTo: api('redirectTo', (o) => router.redirectTo(o.url)),
  switchTab: api('switchTab', (o) => router.switchTab(o.url)),
  reLaunch: api('reLaunch', (o) => router.reLaunch(o.url)),
  navigateBack: api('navigateBack', (o) => router.navigateBack(o.delta || 1)),
});
window.wx = wx;

// ---------------------------------------------------------------------------------------------
// modules: WeChat-style CommonJS with the browser globals a mini-program doesn't have hidden

const SHADOWED = ['window', 'document', 'frames', 'self', 'location', 'navigator', 'localStorage', 'history',
  'Caches', 'screen', 'alert', 'confirm', 'prompt', 'XMLHttpRequest', 'WebSocket', 'fetch', 'Reporter', 'webkit', 'WeixinJSCore'];
const instances = {};
function loadModule(rel) {
  if (instances[rel]) return instances[rel].exports;
  const def = P.modules[rel];
  if (!def) throw new Error(`module "${rel}" is not in the preview bundle`);
  const module = { exports: {} };
  instances[rel] = module;
  if (rel.endsWith('.json')) {
    module.exports = JSON.parse(def.code);
    return module.exports;
  }
  let fn;
  try {
    // eslint-disable-next-line no-new-func
    fn = new Function('require', 'module', 'exports', ...SHADOWED, `${def.code}\n//# sourceURL=mp:///${encodeURI(rel)}`);
  } catch (e) {
    delete instances[rel];
    throw new Error(`${rel}: ${e.message}`);
  }
  const req = (spec) => {
    const target = def.deps[spec];
    if (!target) throw new Error(`module "${spec}" is not defined (required from ${rel})`);
    return loadModule(target);
  };
  req.async = (spec) => Promise.resolve().then(() => req(spec));
  try {
    fn.call(module.exports, req, module, module.exports);
  } catch (e) {
    delete instances[rel];
    throw e;
  }
  const patch = P.patch && P.patch[rel];
  if (patch && module.exports && typeof module.exports === 'object') Object.assign(module.exports, patch);
  if (rel === P.mapHostFrom && module.exports && typeof module.exports.host === 'string') {
    mappedHost = module.exports.host.replace(/\/+$/, '');
  }
  return module.exports;
}

// ---------------------------------------------------------------------------------------------
// App / Page / Component / Behavior

let app = null;
window.App = (options) => { app = options || {}; app.globalData = app.globalData || {}; };
window.getApp = () => app || { globalData: {} };
window.getCurrentPages = () => stack.map((s) => s.instance);
window.Behavior = (def) => jComponent.behavior(def);
window.requirePlugin = () => ({});

const compsById = {};
const compsByBase = {};
for (const c of P.components) { compsById[c.id] = c; compsByBase[c.base] = c; }
const pathToId = {};
for (const c of P.components) pathToId['/' + c.base] = c.id;

let gwx;
let nowLoad = null;
window.Component = (options) => {
  const c = nowLoad;
  if (!c) throw new Error('Component() called outside of a component file');
  if (c.registered) throw new Error(`${c.base}: Component()/Page() called twice`);
  c.registered = true;
  const def = Object.assign({
    id: c.id, path: '/' + c.base, template: gwx(c.base + '.wxml'), usingComponents: c.using, tagName: c.tagName,
  }, options);
  def.options = Object.assign({ classPrefix: c.tagName }, def.options || {});
  if (def.relations) {
    for (const key of Object.keys(def.relations)) {
      const value = def.relations[key];
      const full = key.startsWith('/') ? key : pathPosix.join(pathPosix.dirname('/' + c.base), key);
      const id = pathToId[full];
      if (id) { value.target = id; def.relations[id] = value; delete def.relations[key]; }
    }
  }
  jComponent.register(def);
};
window.Page = (options = {}) => {
  const methods = {};
  const fields = {};
  for (const k of Object.keys(options)) {
    if (k === 'data' || k === 'behaviors' || k === 'options') continue;
    if (typeof options[k] === 'function') methods[k] = options[k];
    else fields[k] = options[k];
  }
  window.Component({
    data: options.data || {},
    behaviors: options.behaviors || [],
    options: options.options || {},
    methods,
    lifetimes: { created() { Object.assign(this, JSON.parse(JSON.stringify(fields))); } },
  });
};

function registerComponent(c) {
  if (c.registered) return;
  nowLoad = c;
  try {
    loadModule(c.base + '.js');
  } finally {
    nowLoad = null;
  }
  if (!c.registered) throw new Error(`${c.base}.js did not call ${c.isPage ? 'Page()' : 'Component()'}`);
}

// ---------------------------------------------------------------------------------------------
// router: a page stack of <page> elements with a WeChat-like navigation bar

const stack = [];
const appEl = document.getElementById('wxp-app');
// Live preview in a wide window: the pages run inside a centered phone-sized frame. The frame is
// transformed, so position:fixed overlays (popups, toasts, masks) stay inside it like in a webview.
const framed = P.history && window.innerWidth >= 520;
/** Phone width = the window's (the frame's in a wide window): rpx, fixed overlays and wx.getWindowInfo follow it. */
function applyPhoneWidth() {
  SCREEN.width = framed ? FRAME_WIDTH : Math.round(window.innerWidth) || FRAME_WIDTH;
  const root = document.documentElement.style;
  root.setProperty('--wxp-width', `${SCREEN.width}px`);
  root.setProperty('--wxp-rpx', `${SCREEN.width / 750}px`);
}
applyPhoneWidth();
if (!framed) window.addEventListener('resize', applyPhoneWidth);
let scroller = null; // the element that scrolls the page (null = the window)
let overlayRoot = document.body;
if (framed) {
  document.documentElement.classList.add('wxp-framed');
  const phone = el('div', 'wxp-phone');
  scroller = el('div', 'wxp-scroller');
  appEl.parentNode.insertBefore(phone, appEl);
  scroller.appendChild(appEl);
  phone.appendChild(scroller);
  overlayRoot = phone;
  const caption = el('div', 'wxp-caption');
  const link = el('a', '', '← all pages');
  link.href = P.routeBase;
  caption.appendChild(document.createTextNode('authing-miniapp-kit · live preview · demo / Demo@123456 · '));
  caption.appendChild(link);
  document.body.insertBefore(caption, phone);
}
function scrollPageTo(top, smooth) {
  if (scroller) scroller.scrollTo({ top, behavior: smooth ? 'smooth' : 'auto' });
  else window.scrollTo({ top, behavior: smooth ? 'smooth' : 'auto' });
}
function currentRoute() { const top = stack[stack.length - 1]; return top ? top.route : P.entry; }

function parseUrl(url, from) {
  const [p, q = ''] = String(url || '').split('?');
  let route = p.startsWith('/') ? p.slice(1) : pathPosix.join(pathPosix.dirname(from || ''), p);
  route = pathPosix.normalize(route).replace(/^\.\//, '');
  const query = {};
  for (const part of q.split('&')) {
    if (!part) continue;
    const i = part.indexOf('=');
    const k = decodeURIComponent(i < 0 ? part : part.slice(0, i));
    query[k] = i < 0 ? '' : decodeURIComponent(part.slice(i + 1));
  }
  return { route, query };
}
function pageName(route) { const m = /^pages\/([^/]+)\/index$/.exec(route); return m ? m[1] : route; }
function queryString(query) {
  const q = Object.keys(query || {}).map((k) => `${encodeURIComponent(k)}=${encodeURIComponent(query[k])}`).join('&');
  return q ? `?${q}` : '';
}
function syncAddressBar(replace) {
  if (!P.history) return;
  const top = stack[stack.length - 1];
  if (!top) return;
  const url = P.routeBase + pageName(top.route) + queryString(top.query);
  try { (replace ? window.history.replaceState : window.history.pushState).call(window.history, { wxp: true }, '', url); } catch (e) { /* file:// */ }
}

function callPage(entry, name, ...args) {
  const inst = entry.instance;
  if (inst && typeof inst[name] === 'function') {
    try { return inst[name](...args); } catch (e) { report(`${entry.route} ${name}`, e); }
  }
  return undefined;
}

/** The window background (app.json backgroundColor) behind the page. */
function paintBackground(color) {
  (scroller || document.body).style.backgroundColor = color || '';
}

/** The page's window config for the current theme (theme.json "@vars" resolved by build.js). */
function pageConfig(route) {
  const cfg = P.pageConfigs[route] || {};
  return Object.assign({ title: cfg.title, custom: cfg.custom }, (P.darkmode && dark() ? cfg.dark : cfg.light) || {});
}
function paintNavBar(nav, route) {
  const cfg = pageConfig(route);
  nav.style.backgroundColor = cfg.navBg;
  nav.style.color = cfg.navText === 'black' ? '#000' : '#fff';
  nav.classList.toggle('wxp-navbar-light', cfg.navText === 'black');
}
if (window.matchMedia) {
  window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => {
    for (const s of stack) if (s.navEl) paintNavBar(s.navEl, s.route);
    const top = stack[stack.length - 1];
    if (top) paintBackground(pageConfig(top.route).bg);
  });
}

function makeNavBar(route, depth) {
  const cfg = pageConfig(route);
  const nav = el('div', 'wxp-navbar');
  paintNavBar(nav, route);
  if (depth > 0) {
    const back = el('div', 'wxp-navbar-back');
    back.setAttribute('aria-label', '返回');
    back.onclick = (e) => { e.stopPropagation(); router.navigateBack(1); };
    nav.appendChild(back);
  }
  const title = el('div', 'wxp-navbar-title', cfg.title || '');
  nav.appendChild(title);
  const capsule = el('div', 'wxp-capsule');
  capsule.appendChild(el('span', 'wxp-capsule-dots'));
  capsule.appendChild(el('span', 'wxp-capsule-sep'));
  capsule.appendChild(el('span', 'wxp-capsule-ring'));
  nav.appendChild(capsule);
  return { nav, title };
}

function renderTabBar(route) {
  const old = document.getElementById('wxp-tabbar');
  if (old) old.remove();
  const tb = P.tabBar;
  if (!tb || !(tb.list || []).some((i) => i.pagePath === route)) return;
  const bar = el('div', 'wxp-tabbar');
  bar.id = 'wxp-tabbar';
  bar.style.backgroundColor = tb.backgroundColor || '#fff';
  overlayRoot.appendChild(bar);
  for (const item of tb.list) {
    const b = el('div', 'wxp-tabbar-item', item.text || '');
    b.style.color = item.pagePath === route ? (tb.selectedColor || '#07c160') : (tb.color || '#666');
    b.onclick = () => router.switchTab('/' + item.pagePath);
    bar.appendChild(b);
  }
}

function mountPage(route, query) {
  const c = compsByBase[route];
  if (!c || !c.isPage) return null;
  for (const comp of P.components) registerComponent(comp); // lazily, once (children come first)
  const entry = { route, query: query || {} };
  const wrap = el('div', 'wxp-page-wrap');
  const cfg = pageConfig(route);
  if (!cfg.custom) {
    const { nav, title } = makeNavBar(route, stack.length);
    wrap.appendChild(nav);
    entry.navEl = nav;
    entry.titleEl = title;
  } else {
    entry.navEl = el('div');
    entry.titleEl = el('div');
  }
  const pageEl = document.createElement('page');
  pageEl.setAttribute('data-route', route);
  wrap.appendChild(pageEl);
  const top = stack[stack.length - 1];
  if (top) { top.wrap.style.display = 'none'; callPage(top, 'onHide'); top.comp.triggerPageLifeTime('hide'); }
  appEl.appendChild(wrap);
  paintBackground(cfg.bg);
  entry.wrap = wrap;
  entry.comp = jComponent.create(c.id, route === P.entry && P.entryProps ? P.entryProps : undefined);
  entry.instance = entry.comp.instance;
  entry.instance.route = route;
  entry.instance.__route__ = route;
  entry.instance.options = entry.query;
  stack.push(entry);
  entry.comp.attach(pageEl);
  scrollPageTo(0, false);
  callPage(entry, 'onLoad', entry.query);
  callPage(entry, 'onShow');
  entry.comp.triggerPageLifeTime('show');
  renderTabBar(route);
  setTimeout(() => callPage(entry, 'onReady'), 0);
  return entry;
}
function unmount(entry) {
  callPage(entry, 'onUnload');
  try { entry.comp.detach(); } catch (e) { /* already gone */ }
  entry.wrap.remove();
}
function showTop() {
  const top = stack[stack.length - 1];
  if (!top) return;
  top.wrap.style.display = '';
  const cfg = pageConfig(top.route);
  paintBackground(cfg.bg);
  callPage(top, 'onShow');
  top.comp.triggerPageLifeTime('show');
  renderTabBar(top.route);
}
function leaveBundle(route, query) {
  // a page outside this bundle: load its own preview URL (storage persists in localStorage)
  window.location.href = P.routeBase + pageName(route) + queryString(query);
}

const router = {
  navigateTo(url) {
    const { route, query } = parseUrl(url, currentRoute());
    if (!compsByBase[route]) { if (P.allPages.includes(route)) return leaveBundle(route, query); throw new Error(`page "${route}" is not found`); }
    if (stack.length >= 10) throw new Error('webview count limit exceed');
    mountPage(route, query);
    syncAddressBar(false);
    return { eventChannel: { emit: noop, on: noop, off: noop, once: noop } };
  },
  redirectTo(url) {
    const { route, query } = parseUrl(url, currentRoute());
    if (!compsByBase[route]) { if (P.allPages.includes(route)) return leaveBundle(route, query); throw new Error(`page "${route}" is not found`); }
    const top = stack.pop();
    if (top) unmount(top);
    mountPage(route, query);
    syncAddressBar(true);
    return {};
  },
  reLaunch(url) {
    const { route, query } = parseUrl(url, currentRoute());
    if (!compsByBase[route]) { if (P.allPages.includes(route)) return leaveBundle(route, query); throw new Error(`page "${route}" is not found`); }
    while (stack.length) unmount(stack.pop());
    mountPage(route, query);
    syncAddressBar(true);
    return {};
  },
  switchTab(url) {
    return router.reLaunch(String(url).split('?')[0]);
  },
  navigateBack(delta) {
    if (stack.length <= 1) {
      if (P.history && window.history.length > 1) { window.history.back(); return {}; }
      throw new Error('cannot navigate back at first page.');
    }
    for (let i = 0; i < delta && stack.length > 1; i++) unmount(stack.pop());
    showTop();
    syncAddressBar(true);
    return {};
  },
};

// ---------------------------------------------------------------------------------------------
// DOM events → exparser events

function wxNodeOf(target) {
  for (let n = target; n; n = n.parentNode) if (n.__wxElement) return n.__wxElement;
  return null;
}
let lastTouchTap = 0;
window.addEventListener('touchend', () => { lastTouchTap = Date.now(); }, true);

/** Parent across shadow boundaries (a shadow root's parent is its host), like a composed path. */
function composedParent(n) {
  if (n instanceof exparser.ShadowRoot) return n.getHostNode();
  return n.parentNode;
}
/** Nearest composed ancestor (or self) that is the built-in <tag>. */
function builtinAncestor(node, tag) {
  const want = `WX-${tag.toUpperCase()}`;
  for (let n = node; n; n = composedParent(n)) {
    if (n.$$ && n.$$.tagName === want) return n;
  }
  return null;
}
function buttonOf(node) { return builtinAncestor(node, 'button'); }

/** Open-types WeChat treats as privacy APIs: they wait for the privacy authorization first. */
const PRIVACY_TYPES = ['getPhoneNumber', 'getRealtimePhoneNumber', 'chooseAvatar', 'getUserInfo'];

/**
 * WeChat's privacy check before a privacy API (simulated, see devserver/wx-shim/privacy.js): null once it may
 * run (at once, or after the app's popup agreed), else the failure WeChat reports after a decline.
 */
function privacyGate(api, referrer) {
  return new Promise((resolve) => control.privacy.gate(api, referrer, () => resolve(null), (errMsg, errno) => resolve({ errMsg, errno })));
}

async function openType(button, e) {
  const a = attrsOf(button);
  if (isOn(a.disabled) || isOn(a.loading)) return;
  // Combined open-types ("getPhoneNumber|agreePrivacyAuthorization"): the agreement is recorded first.
  const types = String(a['open-type'] || '').split('|').map((t) => t.trim()).filter(Boolean);
  if (types.includes('agreePrivacyAuthorization')) {
    control.privacy.agreeButton(a.id || '');
    fire(button, 'agreeprivacyauthorization', { errMsg: 'agreePrivacyAuthorization:ok' }, e);
  }
  const type = types.find((t) => t !== 'agreePrivacyAuthorization');
  if (!type) return;
  if (PRIVACY_TYPES.includes(type)) {
    const refused = await privacyGate(type, `button.${type}`);
    // A declined chooseAvatar delivers nothing; the others report the failure on their event.
    if (refused) { if (type !== 'chooseAvatar') fire(button, type.toLowerCase(), refused, e); return; }
  }
  const auto = window.__wxPreviewAuto || {};
  if (type === 'getPhoneNumber' || type === 'getRealtimePhoneNumber') {
    const ev = type.toLowerCase();
    let allow = auto.phone;
    if (allow === undefined) {
      const i = await sheetUI({ title: '申请获取并验证你的手机号（预览：由 devserver 模拟）', items: ['允许'], cancelText: '拒绝' });
      allow = i === 0;
    }
    if (!allow) { fire(button, ev, { errMsg: `${type}:fail user deny`, errno: 104 }, e); return; }
    let code;
    try { code = await devPhoneCode(); } catch (err) { report('getPhoneNumber', err); fire(button, ev, { errMsg: `${type}:fail ${err.message}` }, e); return; }
    fire(button, ev, { errMsg: `${type}:ok`, code }, e);
  } else if (type === 'chooseAvatar') {
    try {
      const f = await pickImage();
      fire(button, 'chooseavatar', { avatarUrl: f.tempFilePath }, e);
    } catch (err) { /* cancelled: WeChat fires nothing */ }
  } else if (type === 'getUserInfo') {
    fire(button, 'getuserinfo', { errMsg: 'getUserInfo:ok', userInfo: { nickName: '微信用户', avatarUrl: '' } }, e);
  } else if (type === 'openSetting') {
    fire(button, 'opensetting', { errMsg: 'openSetting:ok', authSetting: {} }, e);
  }
}

/** <picker>: selector as an action sheet, date/time with the browser's own picker. */
async function openPicker(picker, e) {
  const a = attrsOf(picker);
  if (isOn(a.disabled)) return;
  const mode = String(a.mode || 'selector');
  if (mode === 'selector') {
    const range = Array.isArray(a.range) ? a.range : [];
    const key = a['range-key'];
    const items = range.map((r) => (key && r && typeof r === 'object' ? r[key] : r));
    const i = await sheetUI({ items });
    if (i < 0) fire(picker, 'cancel', {}, e);
    else fire(picker, 'change', { value: i }, e);
  } else if (mode === 'date' || mode === 'time') {
    const input = document.createElement('input');
    input.type = mode;
    input.className = 'wxp-native-picker';
    if (a.value) input.value = String(a.value);
    if (a.start) input.min = String(a.start);
    if (a.end) input.max = String(a.end);
    picker.$$.appendChild(input);
    const done = (ok) => { input.remove(); if (ok && input.value) fire(picker, 'change', { value: input.value }, e); else fire(picker, 'cancel', {}, e); };
    input.addEventListener('change', () => done(true));
    input.addEventListener('cancel', () => done(false));
    try { input.showPicker(); } catch (err) { input.focus(); }
  }
}

/** A phone-number code from the devserver's simulated WeChat (path discovered from its dev API). */
async function devPhoneCode() {
  const candidates = ['/__dev/wx/phone-code'];
  let last;
  for (const p of candidates) {
    const { promise } = transport.send({
      method: 'POST', url: devserverUrl + p, headers: { 'content-type': 'application/json' },
      body: JSON.stringify(Object.assign({}, window.__wxPreviewAuto && window.__wxPreviewAuto.phoneBody)), timeout: 10000,
    });
    // eslint-disable-next-line no-await-in-loop
    const res = await promise;
    if (res.statusCode === 404) { last = new Error(`${p} answered 404`); continue; }
    if (res.statusCode !== 200) throw new Error(`${p} answered ${res.statusCode}: ${res.text}`);
    const body = JSON.parse(res.text);
    return body.code || (body.data && body.data.code);
  }
  throw last || new Error('no phone-code endpoint on the devserver');
}

document.addEventListener('click', (e) => {
  if (Date.now() - lastTouchTap < 600) return; // j-component already turned the touch into a tap
  if (e.target.closest && e.target.closest('.wxp-navbar, .wxp-mask, #wxp-errors, .wxp-tabbar')) return;
  const node = wxNodeOf(e.target);
  if (!node) return;
  const touch = { identifier: 0, pageX: e.pageX, pageY: e.pageY, clientX: e.clientX, clientY: e.clientY, force: 1 };
  exparser.Event.dispatchEvent(node, exparser.Event.create('tap', { x: e.pageX, y: e.pageY }, {
    originalEvent: e, bubbles: true, capturePhase: true, composed: true,
    extraFields: { touches: [touch], changedTouches: [touch] },
  }));
  const button = buttonOf(node);
  if (button) openType(button, e).catch((err) => report('open-type', err));
  const picker = builtinAncestor(node, 'picker');
  if (picker) openPicker(picker, e).catch((err) => report('picker', err));
  const nav = builtinAncestor(node, 'navigator');
  if (nav) {
    const a = attrsOf(nav);
    const kind = String(a['open-type'] || 'navigate');
    const map = { navigate: 'navigateTo', redirect: 'redirectTo', switchTab: 'switchTab', reLaunch: 'reLaunch', navigateBack: 'navigateBack' };
    const fn = map[kind];
    if (fn) wx[fn]({ url: a.url, delta: Number(a.delta) || 1, fail: (err) => report('navigator', err.errMsg) });
  }
}, true);

// hover-class (WeChat's pressed state)
let hovered = [];
document.addEventListener('pointerdown', (e) => {
  for (let n = wxNodeOf(e.target); n; n = composedParent(n)) {
    if (!n.$$ || !n._vt) continue;
    const a = attrsOf(n);
    let hc = a['hover-class'];
    if (hc === undefined && n.$$.tagName === 'WX-BUTTON') hc = 'button-hover-default';
    if (!hc || hc === 'none' || isOn(a.disabled)) continue;
    const cls = hc === 'button-hover-default' ? ['button-hover'] : prefixed(n, hc).split(' ');
    n.$$.classList.add(...cls);
    hovered.push([n.$$, cls]);
    if (isOn(a['hover-stop-propagation'])) break;
  }
}, true);
const unhover = () => {
  const list = hovered;
  hovered = [];
  setTimeout(() => list.forEach(([d, cls]) => d.classList.remove(...cls)), 70);
};
document.addEventListener('pointerup', unhover, true);
document.addEventListener('pointercancel', unhover, true);

// ---------------------------------------------------------------------------------------------
// helpers for people and scripts (window.__preview)

/** Deep query across every component's shadow tree; returns exparser nodes. */
function deepQueryAll(selector) {
  const out = [];
  const visit = (node) => {
    const sr = node.shadowRoot;
    if (sr && sr.querySelectorAll) {
      for (const hit of sr.querySelectorAll(selector)) if (!out.includes(hit)) out.push(hit);
    }
    for (const k of (sr ? [sr] : []).concat(node.childNodes || [])) {
      if (k instanceof exparser.Element) visitTree(k);
    }
  };
  const visitTree = (n) => {
    if (n.shadowRoot) visit(n);
    for (const k of n.childNodes || []) if (k instanceof exparser.Element) visitTree(k);
  };
  for (const s of stack) visit(s.comp._exparserNode);
  return out;
}
function domOf(node) {
  if (!node) return null;
  if (node.$$) return node.$$;
  const kids = (node.shadowRoot ? node.shadowRoot.childNodes : node.childNodes) || [];
  for (const k of kids) { const d = k instanceof exparser.Element && domOf(k); if (d) return d; }
  return null;
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
window.__preview = {
  wx, router, stack, exparser,
  get page() { return stack[stack.length - 1]; },
  /** first DOM element matching a selector inside any component (ids and unprefixed classes work) */
  $: (sel) => domOf(deepQueryAll(sel)[0]),
  $$: (sel) => deepQueryAll(sel).map(domOf).filter(Boolean),
  nodes: deepQueryAll,
  tap(sel) {
    const d = typeof sel === 'string' ? window.__preview.$(sel) : sel;
    if (!d) throw new Error(`tap: nothing matches ${sel}`);
    d.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, view: window }));
  },
  sleep,
  errors: [],
};

// ---------------------------------------------------------------------------------------------
// boot

window.addEventListener('error', (e) => { window.__preview.errors.push(String(e.message)); showError(String(e.message)); });
window.addEventListener('unhandledrejection', (e) => {
  const r = e.reason;
  window.__preview.errors.push(String(r && r.message ? r.message : r));
  showError(`unhandled rejection: ${r && r.stack ? r.stack : (r && r.errMsg) || r}`);
});
if (P.history) {
  window.addEventListener('popstate', () => {
    // back/forward in the browser: pop our stack if the address now names the page below
    if (stack.length > 1) { unmount(stack.pop()); showTop(); }
  });
}

function boot() {
  try {
    gwx = P.wcc();
    window.__webview_engine_version__ = 0.02;
  } catch (e) {
    report('wcc output', e);
    return;
  }
  if (P.history && window.location.search) {
    // live preview: /preview/<page>?a=1 → onLoad({a: '1'})
    Object.assign(P.entryQuery, parseUrl(`/${P.entry}${window.location.search}`, '').query);
  }
  const launch = { path: P.entry, query: P.entryQuery, scene: 1001, referrerInfo: {} };
  if (P.modules['app.js']) {
    try { loadModule('app.js'); } catch (e) { report('app.js', e); }
  }
  if (app) {
    try { if (typeof app.onLaunch === 'function') app.onLaunch(launch); } catch (e) { report('App.onLaunch', e); }
    try { if (typeof app.onShow === 'function') app.onShow(launch); } catch (e) { report('App.onShow', e); }
  }
  try {
    mountPage(P.entry, P.entryQuery);
    syncAddressBar(true);
  } catch (e) {
    report(`page ${P.entry}`, e);
    return;
  }
  window.__preview.ready = true;
  document.documentElement.setAttribute('data-wxp-ready', '1');
  if (P.after) {
    const page = stack[stack.length - 1];
    // eslint-disable-next-line no-new-func
    const fn = new Function('ctx', `return (async ({ comp, wx, tap, sleep, $ }) => { ${P.after}\n })(ctx);`);
    fn({ comp: page.comp, wx, tap: window.__preview.tap, sleep, $: window.__preview.$ })
      .then(() => document.documentElement.setAttribute('data-wxp-after', '1'))
      .catch((e) => report('after-script', e));
  }
}
boot();
