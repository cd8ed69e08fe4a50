// How WeChat finds what a mini-program file refers to: `/x` from the app root, `./x` `../x` from the
// file, and a bare `pkg/x` first beside the file, then in `miniprogram_npm/` of each parent folder up
// to the root. Scripts may leave out `.js` (or name a folder with index.js); components name the
// file set without extension; wxml/wxss imports may leave out their own extension.
'use strict';
const fs = require('fs');
const path = require('path');

const isFile = (f) => fs.existsSync(f) && fs.statSync(f).isFile();

function candidates(root, from, spec) {
  if (spec.startsWith('/')) return [path.join(root, spec)];
  if (spec.startsWith('./') || spec.startsWith('../')) return [path.resolve(path.dirname(from), spec)];
  const out = [path.resolve(path.dirname(from), spec)];
  for (let dir = path.dirname(from); dir.startsWith(root); dir = path.dirname(dir)) {
    out.push(path.join(dir, 'miniprogram_npm', spec));
    if (dir === root) break;
  }
  return out;
}

function resolveScript(root, from, spec) {
  for (const base of candidates(root, from, spec)) {
    for (const f of [base, `${base}.js`, path.join(base, 'index.js')]) if (isFile(f)) return f;
  }
  return undefined;
}

/** The component's path without extension (its .json and .js exist), or undefined. */
function resolveComponent(root, from, spec) {
  for (const base of candidates(root, from, spec)) {
    for (const b of [base, path.join(base, 'index')]) if (isFile(`${b}.json`) && isFile(`${b}.js`)) return b;
  }
  return undefined;
}

function resolveAsset(root, from, spec) {
  const ext = path.extname(from);
  for (const base of candidates(root, from, spec)) for (const f of [base, base + ext]) if (isFile(f)) return f;
  return undefined;
}

const RESOLVERS = { require: resolveScript, component: resolveComponent, asset: resolveAsset };

/** Where reference `{spec, kind}` made by file `from` leads (undefined: nowhere). */
function resolveReference(root, from, { spec, kind }) {
  return RESOLVERS[kind](root, from, spec);
}

/** References in non-script files: usingComponents, wxml import/include/wxs, wxss @import, wxs require. */
function assetReferences(file, text) {
  const ext = path.extname(file);
  if (ext === '.json') {
    const using = (JSON.parse(text) || {}).usingComponents || {};
    return Object.values(using).filter((s) => !s.startsWith('plugin://')).map((spec) => ({ spec, kind: 'component' }));
  }
  const pattern = { '.wxml': /<(?:import|include|wxs)\b[^>]*\bsrc="([^"]+)"/g, '.wxss': /@import\s+['"]([^'"]+)['"]/g, '.wxs': /\brequire\(\s*['"]([^'"]+)['"]\s*\)/g }[ext];
  return pattern ? [...text.matchAll(pattern)].map((m) => ({ spec: m[1], kind: 'asset' })) : [];
}

module.exports = { resolveReference, resolveComponent, assetReferences, isFile };
