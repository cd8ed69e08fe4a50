// A tiny CommonJS loader that evaluates files inside a bare `vm` context, the way WeChat runs
// mini-program modules: ES builtins + `wx` only; no window, document, crypto, process, Buffer,
// TextEncoder, atob/btoa; `module` has no `.require` (sm-crypto's Node fallback must not fire).
const fs = require('fs');
const path = require('path');
const vm = require('vm');

const ROOT = path.resolve(__dirname, '../..');

/** Bare-name packages → the file WeChat's 构建 npm would pack (package.json `main`). */
function resolvePackage(name) {
  const dir = path.join(ROOT, 'node_modules', name);
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  return path.join(dir, pkg.main || 'index.js');
}

function resolveFile(from, request) {
  let base;
  if (request.startsWith('./') || request.startsWith('../')) base = path.resolve(path.dirname(from), request);
  else {
    const [scopeOrName, ...rest] = request.split('/');
    if (rest.length === 0) return resolvePackage(scopeOrName);
    base = path.join(ROOT, 'node_modules', request);
  }
  for (const candidate of [base, base + '.js', path.join(base, 'index.js')]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  throw new Error(`vm-loader: cannot resolve ${request} from ${from}`);
}

/**
 * @param {Record<string, unknown>} globals  extra globals for the context (e.g. { wx })
 * @returns {{ context: object, require: (file: string) => any, loaded: string[] }}
 */
function createMiniProgramRuntime(globals = {}) {
  const context = vm.createContext({});
  for (const [k, v] of Object.entries(globals)) context[k] = v;
  const cache = new Map();
  const loaded = [];
  function load(file) {
    if (cache.has(file)) return cache.get(file).exports;
    // WeChat's module object: exports only (no require/id/paths/parent).
    const module = { exports: {} };
    cache.set(file, module);
    loaded.push(path.relative(ROOT, file));
    const source = fs.readFileSync(file, 'utf8');
    const wrapper = vm.runInContext(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, context, { filename: file });
    const localRequire = (request) => load(resolveFile(file, request));
    wrapper.call(module.exports, module.exports, localRequire, module, path.basename(file), '');
    return module.exports;
  }
  return { context, require: (file) => load(path.resolve(ROOT, file)), loaded };
}

module.exports = { createMiniProgramRuntime };
