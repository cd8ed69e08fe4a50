// Loads built kit components into miniprogram-simulate with REAL tdesign children.
// tdesign's templates need the official wcc compiler, which must be given explicit file lists
// (its default glob skips node_modules), and npm-style usingComponents paths
// ("tdesign-miniprogram/button/button") must be mapped to files, as miniprogram_npm would.
// Load each component once per test file: simulate cannot re-register a path inside jest.
const fs = require('fs');
const path = require('path');
const simulate = require('miniprogram-simulate');

const ROOT = path.resolve(__dirname, '../..');
const TD = 'node_modules/tdesign-miniprogram/miniprogram_dist';
const KIT = 'miniprogram_dist';

const list = (dir, ext) => fs.readdirSync(path.join(ROOT, dir), { recursive: true })
  .filter((f) => f.endsWith(ext)).map((f) => path.posix.join(dir, f.split(path.sep).join('/')));

let compilerOptions;
function getCompilerOptions() {
  if (!compilerOptions) {
    compilerOptions = {
      wxmlList: [...list(KIT, '.wxml'), ...list(TD, '.wxml')], // keep the extension: wcc strips 5 chars
      wxsList: [...list(KIT, '.wxs'), ...list(TD, '.wxs')],
      maxBuffer: 16 * 1024 * 1024,
    };
  }
  return compilerOptions;
}

/** "tdesign-miniprogram/x/y" → "/node_modules/tdesign-miniprogram/miniprogram_dist/x/y" for every kit component. */
function npmOverrides() {
  const map = {};
  for (const f of list(KIT, '.json')) {
    const json = JSON.parse(fs.readFileSync(path.join(ROOT, f), 'utf8'));
    for (const [tag, p] of Object.entries(json.usingComponents || {})) {
      if (p.startsWith('tdesign-miniprogram/')) map[tag] = `/${TD}/${p.slice('tdesign-miniprogram/'.length)}`;
    }
  }
  return map;
}

/** Registers `miniprogram_dist/components/<name>/index` under `tag`; returns the simulate id. */
function loadKitComponent(name, tag = `authing-${name}`) {
  return simulate.load(path.join(ROOT, KIT, 'components', name, 'index'), tag, {
    rootPath: ROOT, compilerOptions: getCompilerOptions(), usingComponents: npmOverrides(),
  });
}

/**
 * Renders `template` in a host component that records every event named in `events`.
 * Returns { host, comp, events } where events is an array of {name, detail}.
 */
function mount(usingComponents, template, { events: names = [], data = {} } = {}) {
  const events = [];
  const methods = {};
  for (const n of names) methods[`on_${n.replace(/-/g, '_')}`] = function (e) { events.push({ name: n, detail: e.detail }); };
  const hostId = simulate.load({ usingComponents, template, data, methods });
  const host = simulate.render(hostId);
  host.attach(document.createElement('parent-wrapper'));
  return { host, events };
}

module.exports = { simulate, loadKitComponent, mount, ROOT };
