// Every reference in a built mini-program, resolved by WeChat's rules: usingComponents, JS
// require/import (TypeScript's scanner, so comments and strings are no trouble), wxml
// <import>/<include>/<wxs src>, wxss @import. A bare name is looked up in `miniprogram_npm/`
// of each parent folder up to the app root, as WeChat does.
const fs = require('fs');
const path = require('path');
const ts = require('typescript');

const isFile = (f) => fs.existsSync(f) && fs.statSync(f).isFile();

function listFiles(dir) {
  return fs.readdirSync(dir, { recursive: true }).map((f) => path.join(dir, f)).filter(isFile);
}

/** Candidate files for a reference from `from`; the first that exists wins. */
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

function resolveComponent(root, from, spec) {
  for (const base of candidates(root, from, spec)) {
    for (const b of [base, path.join(base, 'index')]) if (isFile(`${b}.json`) && isFile(`${b}.js`)) return b;
  }
  return undefined;
}

// wxml <import>/<include> and wxss @import may leave out the extension of their own kind.
function resolveAsset(root, from, spec) {
  const ext = path.extname(from);
  for (const base of candidates(root, from, spec)) for (const f of [base, base + ext]) if (isFile(f)) return f;
  return undefined;
}

// AMD `define([...])` dependencies (tslib's UMD wrapper) that TypeScript's scanner also reports.
const AMD_PSEUDO = new Set(['require', 'exports', 'module']);

/** [{from, spec, kind}] of every reference in one file. */
function referencesOf(file) {
  const text = fs.readFileSync(file, 'utf8');
  const ext = path.extname(file);
  if (ext === '.js') {
    return ts.preProcessFile(text, true, true).importedFiles.filter((r) => !AMD_PSEUDO.has(r.fileName)).map((r) => ({ spec: r.fileName, kind: 'require' }));
  }
  if (ext === '.json') {
    const using = (JSON.parse(text) || {}).usingComponents || {};
    return Object.values(using).filter((s) => !s.startsWith('plugin://')).map((spec) => ({ spec, kind: 'component' }));
  }
  if (ext === '.wxml') return [...text.matchAll(/<(?:import|include|wxs)\b[^>]*\bsrc="([^"]+)"/g)].map((m) => ({ spec: m[1], kind: 'asset' }));
  if (ext === '.wxss') return [...text.matchAll(/@import\s+['"]([^'"]+)['"]/g)].map((m) => ({ spec: m[1], kind: 'asset' }));
  if (ext === '.wxs') return [...text.matchAll(/\brequire\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => ({ spec: m[1], kind: 'asset' }));
  return [];
}

const RESOLVERS = { require: resolveScript, component: resolveComponent, asset: resolveAsset };

/** Every reference under `root` with where it resolves (`to` undefined = dangling). */
function allReferences(root) {
  const refs = [];
  for (const from of listFiles(root)) {
    for (const { spec, kind } of referencesOf(from)) {
      refs.push({ from: path.relative(root, from), spec, kind, to: RESOLVERS[kind](root, from, spec) });
    }
  }
  return refs;
}

module.exports = { allReferences, resolveComponent, listFiles };
