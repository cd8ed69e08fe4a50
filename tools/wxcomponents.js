// Lays out the kit's native components for an app whose build does not run WeChat's 构建 npm
// (uni-app copies `src/wxcomponents/` into the mini-program as is):
//   <dir>/authing-miniapp-kit/                     the kit's "miniprogram" folder
//   <dir>/authing-miniapp-kit/miniprogram_npm/...  its dependencies, laid out as 构建 npm would
// WeChat resolves a bare `require('jsencrypt')` or `tdesign-miniprogram/...` component path by
// looking for `miniprogram_npm/` in each parent folder, so the nested folder serves the kit alone.
'use strict';
const fs = require('fs');
const path = require('path');
const { KIT_ROOT, findPackageDir, readPackageJson } = require('./packages');
const { resolveReference, assetReferences, isFile } = require('./wechat-paths');

const SKIP = /\.d\.ts$|\.map$/;
const REQUIRE = /\brequire\(\s*['"]([^'"]+)['"]\s*\)/g;
// require('x'), import … from 'x', import 'x', export … from 'x' (TDesign ships minified ES modules).
const SCRIPT_REFS = /\brequire\(\s*['"]([^'"]+)['"]\s*\)|\b(?:import|export)\b[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]|\bimport\s*['"]([^'"]+)['"]/g;
const COMPONENT_FILES = ['.js', '.json', '.wxml', '.wxss'];

function copyTree(from, to) {
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const a = path.join(from, entry.name);
    const b = path.join(to, entry.name);
    if (entry.isDirectory()) copyTree(a, b);
    else if (!SKIP.test(entry.name)) fs.copyFileSync(a, b);
  }
}

/** The package name of a bare specifier (`sm-crypto/dist/x` → `sm-crypto`, `@a/b/c` → `@a/b`). */
function packageName(spec) {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function resolveJs(base) {
  for (const file of [base, `${base}.js`, path.join(base, 'index.js')]) {
    if (fs.existsSync(file) && fs.statSync(file).isFile()) return file;
  }
  return undefined;
}

/**
 * Copies the files a plain CommonJS package's `main` reaches (relative requires), keeping their
 * paths, plus an `index.js` that points at `main` (WeChat loads `miniprogram_npm/<pkg>/index.js`).
 * Returns the bare packages those files require.
 */
function packPlain(pkgDir, targetDir) {
  const main = resolveJs(path.join(pkgDir, readPackageJson(pkgDir).main || 'index.js'));
  if (!main) throw new Error(`authing-miniapp-kit: ${pkgDir} has no main file`);
  const bare = new Set();
  const seen = new Set();
  const queue = [main];
  while (queue.length) {
    const file = queue.pop();
    if (seen.has(file)) continue;
    seen.add(file);
    const source = fs.readFileSync(file, 'utf8');
    const out = path.join(targetDir, path.relative(pkgDir, file));
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, source);
    for (const [, spec] of source.matchAll(REQUIRE)) {
      if (!spec.startsWith('.')) { bare.add(packageName(spec)); continue; }
      const next = resolveJs(path.resolve(path.dirname(file), spec));
      if (next) queue.push(next);
    }
  }
  const rel = path.relative(pkgDir, main).split(path.sep).join('/').replace(/\.js$/, '');
  if (rel !== 'index') fs.writeFileSync(path.join(targetDir, 'index.js'), `module.exports = require('./${rel}');\n`);
  return [...bare];
}

function listFiles(dir) {
  return fs.readdirSync(dir, { recursive: true }).map((f) => path.join(dir, f)).filter(isFile);
}

function referencesOf(file) {
  const text = fs.readFileSync(file, 'utf8');
  if (path.extname(file) !== '.js') return assetReferences(file, text);
  return [...text.matchAll(SCRIPT_REFS)].map((m) => ({ spec: m[1] || m[2] || m[3], kind: 'require' }));
}

/**
 * Removes the dependency files the kit's files never reach (most of TDesign), as WeChat's
 * "过滤无依赖文件" would at upload: the folder then stays well under the 2 MB package limit.
 */
function pruneUnreached(kitTarget) {
  const npmDir = path.join(kitTarget, 'miniprogram_npm') + path.sep;
  const all = listFiles(kitTarget);
  const reached = new Set(all.filter((f) => !f.startsWith(npmDir)));
  const queue = [...reached];
  while (queue.length) {
    const from = queue.pop();
    for (const ref of referencesOf(from)) {
      const to = resolveReference(kitTarget, from, ref);
      if (!to) continue;
      const files = ref.kind === 'component' ? COMPONENT_FILES.map((ext) => to + ext).filter(isFile) : [to];
      for (const f of files) if (!reached.has(f)) { reached.add(f); queue.push(f); }
    }
  }
  for (const f of all) if (!reached.has(f)) fs.rmSync(f);
  for (const dir of fs.readdirSync(kitTarget, { recursive: true }).map((d) => path.join(kitTarget, d)).sort().reverse()) {
    if (fs.statSync(dir).isDirectory() && fs.readdirSync(dir).length === 0) fs.rmdirSync(dir);
  }
}

/**
 * @param {{dir?: string, cwd?: string}} [options] dir: the wxcomponents folder (default src/wxcomponents)
 * @returns {string} the kit's folder inside it
 */
function layoutWxcomponents({ dir = 'src/wxcomponents', cwd = process.cwd() } = {}) {
  const kitTarget = path.resolve(cwd, dir, 'authing-miniapp-kit');
  const npmTarget = path.join(kitTarget, 'miniprogram_npm');
  fs.rmSync(kitTarget, { recursive: true, force: true });
  copyTree(path.join(KIT_ROOT, readPackageJson(KIT_ROOT).miniprogram), kitTarget);
  const queue = Object.keys(readPackageJson(KIT_ROOT).dependencies || {}).map((name) => ({ name, from: KIT_ROOT }));
  const done = new Set();
  while (queue.length) {
    const { name, from } = queue.shift();
    if (done.has(name)) continue;
    done.add(name);
    const pkgDir = findPackageDir(name, from);
    const pkg = readPackageJson(pkgDir);
    const target = path.join(npmTarget, name);
    if (pkg.miniprogram) copyTree(path.join(pkgDir, pkg.miniprogram), target);
    else for (const dep of packPlain(pkgDir, target)) queue.push({ name: dep, from: pkgDir });
  }
  pruneUnreached(kitTarget);
  return kitTarget;
}

module.exports = { layoutWxcomponents, copyTree };
