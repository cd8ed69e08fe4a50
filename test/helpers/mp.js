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

// Components registered so far in this test file: absolute path (no extension) → {id, tagName}.
// simulate runs a component's JS with require(), which jest caches, so a path can be registered only
// ONCE per file: a second registration never re-runs Component() and renders empty. So when a file
// loads several kit components, the tdesign children an earlier load registered are passed to later
// loads as ids (usingComponents overrides apply to every descendant), and only new ones by path.
const registered = {};
const jComponent = require('j-component');
const jRegister = jComponent.register;
jComponent.register = function register(definition) {
  if (definition && definition.path) registered[definition.path] = { id: definition.id, tagName: definition.tagName };
  return jRegister.apply(this, arguments);
};

function readUsing(absBase) {
  return JSON.parse(fs.readFileSync(absBase + '.json', 'utf8')).usingComponents || {};
}

/** usingComponents overrides for a new load: earlier tdesign registrations by id, new npm-style paths by file. */
function overridesFor(absBase) {
  const map = {};
  const tdRoot = path.join(ROOT, TD);
  for (const [p, { id, tagName }] of Object.entries(registered)) if (p.startsWith(tdRoot)) map[tagName] = id;
  for (const [tag, p] of Object.entries(readUsing(absBase))) {
    // A kit component embedding another (the login's steps): the one already registered, by id.
    const kitChild = p.startsWith('.') && registered[path.resolve(path.dirname(absBase), p)];
    if (kitChild) map[tag] = kitChild.id;
    if (!p.startsWith('tdesign-miniprogram/')) continue;
    const file = path.join(tdRoot, p.slice('tdesign-miniprogram/'.length));
    map[tag] = registered[file] ? registered[file].id : `/${TD}/${p.slice('tdesign-miniprogram/'.length)}`;
  }
  return map;
}

/** Registers `miniprogram_dist/components/<name>/index` under `tag`; returns the simulate id. */
function loadKitComponent(name, tag = `authing-${name}`) {
  const base = path.join(ROOT, KIT, 'components', name, 'index');
  if (registered[base]) return registered[base].id;
  return simulate.load(base, tag, { rootPath: ROOT, compilerOptions: getCompilerOptions(), usingComponents: overridesFor(base) });
}

/** Every event recorded by mount() in this test file (for the event-vocabulary check). */
const recorded = [];

/** The host method that records event `name` (`send-code` → `on_send_code`). */
const handlerName = (name) => `on_${name.replace(/-/g, '_')}`;

/** `bind:<name>="…"` attributes wiring each event in `names` to the recorder `mount` sets up. */
function bindings(names) {
  return names.map((n) => `bind:${n}="${handlerName(n)}"`).join(' ');
}

/**
 * Renders `template` in a host component that records every event named in `events` (bind them with
 * `bindings(events)`). Returns { host, events } where events is an array of {name, detail}.
 */
function mount(usingComponents, template, { events: names = [], data = {} } = {}) {
  const events = [];
  const methods = {};
  for (const n of names) {
    methods[handlerName(n)] = function (e) {
      events.push({ name: n, detail: e.detail });
      recorded.push({ name: n, detail: e.detail });
    };
  }
  const hostId = simulate.load({ usingComponents, template, data, methods });
  const host = simulate.render(hostId);
  host.attach(document.createElement('parent-wrapper'));
  return { host, events };
}

/**
 * Records the keys of every setData the kit component itself makes from now on (its tdesign children
 * render on their own and are not counted).
 */
function recordRenders(component) {
  const renders = [];
  const original = component.instance.setData.bind(component.instance);
  component.instance.setData = (data, cb) => { renders.push(Object.keys(data)); return original(data, cb); };
  return renders;
}

/**
 * What a user does to a mounted kit component `comp` and what they see: type into / tap the t-input /
 * t-button with an id (the way WeChat delivers it to tdesign's native children), read the page text,
 * a t-input's value, and the recorded `events` with one name.
 */
function userActions(host, comp, events) {
  const q = (id) => comp.querySelector(`#${id}`);
  return {
    q,
    text: () => host.dom.textContent,
    named: (name) => events.filter((e) => e.name === name),
    /** The value the user sees in a t-input. */
    value: (id) => q(id).data.value,
    async type(id, value) {
      q(id).querySelector('.t-input__control').dispatchEvent('input', { detail: { value, cursor: String(value).length } });
      await simulate.sleep(0);
    },
    async tap(id) {
      q(id).querySelector('.t-button').dispatchEvent('tap');
      await simulate.sleep(0);
    },
  };
}

/** Stops every resend countdown the built kit keeps across components (and in storage). */
function clearCountdowns() {
  const { sharedCountdowns } = require('./kit').internal('core/flows/countdown');
  const cd = sharedCountdowns();
  for (let e = cd.latest(); e; e = cd.latest()) cd.clear(e.key);
}

/**
 * Registers an afterAll that fails when any shared event (login, error, cancel, agreement-*) recorded in
 * this file did not match the kit's one vocabulary (test/helpers/vocabulary.js).
 */
function checkEventVocabulary() {
  const { vocabularyProblems } = require('./vocabulary');
  afterAll(() => expect(vocabularyProblems(recorded)).toEqual([]));
}

module.exports = { simulate, loadKitComponent, mount, bindings, recordRenders, userActions, clearCountdowns, checkEventVocabulary, ROOT };
