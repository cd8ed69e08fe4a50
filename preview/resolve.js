// WeChat-style path resolution inside a mini-program root (miniprogramRoot), shared by the preview
// build and the demo structure test. All paths are POSIX, relative to the root, without a leading "/".
//
// usingComponents values (see WeChat's custom-component and npm docs):
//   "/a/b"     → absolute from the root
//   "./a", "../a" → relative to the referring file's folder
//   "pkg/sub"  → relative to the referring folder if that exists, else the first
//                <ancestor>/miniprogram_npm/pkg/sub walking up from the referring folder to the root
//                ("pkg" alone → pkg/index); what 「构建 npm」 lays out.
// require() specifiers follow the same order, with ".js" / "/index.js" completion.
const fs = require('fs');
const path = require('path');

const posix = path.posix;

function exists(root, rel, kind) {
  try {
    const st = fs.statSync(path.join(root, rel));
    return kind === 'dir' ? st.isDirectory() : st.isFile();
  } catch (e) {
    return false;
  }
}

/** Folders from `dir` up to the root ('' = root), innermost first. */
function ancestors(dir) {
  const out = [];
  let d = dir === '.' ? '' : dir;
  for (;;) {
    out.push(d);
    if (!d) break;
    const up = posix.dirname(d);
    d = up === '.' ? '' : up;
  }
  return out;
}

function isExplicitRelative(spec) {
  return spec.startsWith('./') || spec.startsWith('../') || spec === '.' || spec === '..';
}

function normal(rel) {
  const n = posix.normalize(rel);
  return n === '.' ? '' : n.replace(/^\.\//, '');
}

/** Inside the root? (a path escaping it is invalid in a mini-program) */
function inside(rel) {
  return rel !== '..' && !rel.startsWith('../') && !posix.isAbsolute(rel);
}

/**
 * Resolve a usingComponents value. `fromFile` is the referring .json (or component base path).
 * Returns the component's base path (no extension) whose .json exists, or null.
 */
function resolveComponent(root, fromFile, spec) {
  if (!spec || typeof spec !== 'string' || /^[a-z]+:\/\//i.test(spec)) return null; // plugin://...
  const fromDir = posix.dirname(fromFile);
  const tryBase = (base) => {
    const b = normal(base);
    if (!inside(b)) return null;
    if (exists(root, b + '.json', 'file')) return b;
    if (exists(root, b, 'dir') && exists(root, posix.join(b, 'index.json'), 'file')) return posix.join(b, 'index');
    return null;
  };
  if (spec.startsWith('/')) return tryBase(spec.slice(1));
  if (isExplicitRelative(spec)) return tryBase(posix.join(fromDir, spec));
  const rel = tryBase(posix.join(fromDir, spec));
  if (rel) return rel;
  for (const dir of ancestors(fromDir)) {
    const hit = tryBase(posix.join(dir, 'miniprogram_npm', spec));
    if (hit) return hit;
  }
  return null;
}

/** Resolve a JS module specifier from a root-relative .js file; returns the root-relative file or null. */
function resolveModule(root, fromFile, spec) {
  if (!spec || typeof spec !== 'string') return null;
  const fromDir = posix.dirname(fromFile);
  const tryFile = (base) => {
    const b = normal(base);
    if (!inside(b)) return null;
    for (const cand of [b, b + '.js', posix.join(b, 'index.js')]) {
      if (cand && exists(root, cand, 'file') && cand.endsWith('.js')) return cand;
    }
    if (exists(root, b + '.json', 'file') && !exists(root, b, 'dir')) return b + '.json';
    return null;
  };
  if (spec.startsWith('/')) return tryFile(spec.slice(1));
  if (isExplicitRelative(spec)) return tryFile(posix.join(fromDir, spec));
  for (const dir of ancestors(fromDir)) {
    const npmDir = posix.join(dir, 'miniprogram_npm');
    const [first, second] = spec.split('/');
    const pkg = first.startsWith('@') ? `${first}/${second}` : first;
    if (!exists(root, posix.join(npmDir, pkg), 'dir')) continue;
    const hit = tryFile(posix.join(npmDir, spec));
    if (hit) return hit;
  }
  // WeChat falls back to a path relative to the requiring file.
  return tryFile(posix.join(fromDir, spec));
}

module.exports = { resolveComponent, resolveModule, ancestors };
