// Every reference in a built mini-program, resolved by WeChat's rules (the kit's own
// tools/wechat-paths.js): JS require/import found by TypeScript's scanner (comments and strings are
// no trouble), the rest by tools/wechat-paths.js.
const fs = require('fs');
const path = require('path');
const ts = require('typescript');
const { resolveReference, resolveComponent, assetReferences, isFile } = require('../../tools/wechat-paths');

// AMD `define([...])` dependencies (tslib's UMD wrapper) that TypeScript's scanner also reports.
const AMD_PSEUDO = new Set(['require', 'exports', 'module']);

function listFiles(dir) {
  return fs.readdirSync(dir, { recursive: true }).map((f) => path.join(dir, f)).filter(isFile);
}

/** [{spec, kind}] of every reference in one file. */
function referencesOf(file) {
  const text = fs.readFileSync(file, 'utf8');
  if (path.extname(file) !== '.js') return assetReferences(file, text);
  return ts.preProcessFile(text, true, true).importedFiles.filter((r) => !AMD_PSEUDO.has(r.fileName)).map((r) => ({ spec: r.fileName, kind: 'require' }));
}

/** Every reference under `root` with where it resolves (`to` undefined = dangling). */
function allReferences(root) {
  const refs = [];
  for (const from of listFiles(root)) {
    for (const ref of referencesOf(from)) refs.push({ from: path.relative(root, from), ...ref, to: resolveReference(root, from, ref) });
  }
  return refs;
}

module.exports = { allReferences, resolveComponent, listFiles };
