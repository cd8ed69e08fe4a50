// Package weight: what the kit costs a mini-program's package (2 MB main-package limit).
// Works on demo/miniprogram_npm (laid out by `gulp demo` exactly as 构建 npm would) so the
// closures are the files a real app ships.
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const esbuild = require('esbuild');

const ROOT = path.resolve(__dirname, '..');
const NPM = path.join(ROOT, 'demo/miniprogram_npm');
const KIT = path.join(NPM, 'authing-miniapp-kit');

const gzip = (buf) => zlib.gzipSync(buf, { level: 9 }).length;

/** One minified bundle of an entry (the way a size-conscious app would ship it). */
function minified(entry, { external = [] } = {}) {
  const out = esbuild.buildSync({
    entryPoints: [entry], bundle: true, minify: true, format: 'cjs', platform: 'neutral', target: 'es2017',
    mainFields: ['main'], write: false, external, logLevel: 'silent',
    nodePaths: [NPM],
  });
  const code = Buffer.from(out.outputFiles[0].contents);
  return { min: code.length, gzip: gzip(code) };
}

/** Resolves a require/usingComponents spec the way WeChat does: relative, absolute-in-npm, or miniprogram_npm/<pkg>. */
function resolveSpec(fromFile, spec, exts) {
  const candidates = [];
  if (spec.startsWith('.')) candidates.push(path.resolve(path.dirname(fromFile), spec));
  else if (spec.startsWith('/')) candidates.push(path.join(NPM, '..', spec));
  else {
    // walk up for miniprogram_npm folders (tdesign ships its own, e.g. tslib)
    let dir = path.dirname(fromFile);
    while (dir.startsWith(NPM) || dir === path.dirname(NPM)) {
      candidates.push(path.join(dir, 'miniprogram_npm', spec));
      if (dir === path.dirname(NPM)) break;
      dir = path.dirname(dir);
    }
    candidates.push(path.join(NPM, spec));
  }
  for (const c of candidates) {
    for (const ext of exts) {
      for (const p of [c + ext, path.join(c, 'index' + ext)]) if (fs.existsSync(p) && fs.statSync(p).isFile()) return p;
    }
  }
  return null;
}

const RE = {
  require: /require\(\s*['"]([^'"]+)['"]\s*\)/g,
  esImport: /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*['"]([^'"]+)['"]/g,
  wxmlSrc: /<(?:import|include|wxs)\s[^>]*src\s*=\s*['"]([^'"]+)['"]/g,
  wxssImport: /@import\s+['"]([^'"]+)['"]/g,
};

/**
 * JS/WXS source without comments, so a `require('x')` or `import … from 'x'` that only appears in a
 * comment (usage examples in the kit's file headers) does not pull x into the closure. esbuild parses
 * the code properly (URLs inside strings stay intact); on a parse failure the raw text is used.
 */
function withoutComments(text) {
  try {
    return esbuild.transformSync(text, { minifyWhitespace: true, legalComments: 'none', logLevel: 'silent' }).code;
  } catch (e) {
    return text;
  }
}

function matches(re, text) {
  const out = [];
  re.lastIndex = 0;
  let m;
  while ((m = re.exec(text))) out.push(m[1] || m[2]);
  return out;
}

/**
 * Every file a component pulls into the package: its four files, usingComponents (recursively),
 * JS require/import, WXML import/include/wxs, WXSS @import, WXS require.
 */
function closure(componentBase) {
  const files = new Set();
  const components = new Set();
  const queue = [];
  const addFile = (p) => { if (p && !files.has(p)) { files.add(p); queue.push(p); } };
  const addComponent = (base) => {
    if (components.has(base)) return;
    components.add(base);
    for (const ext of ['.json', '.js', '.wxml', '.wxss']) if (fs.existsSync(base + ext)) addFile(base + ext);
  };
  addComponent(componentBase);
  while (queue.length) {
    const file = queue.shift();
    const text = fs.readFileSync(file, 'utf8');
    const ext = path.extname(file);
    if (ext === '.json') {
      const using = (JSON.parse(text).usingComponents) || {};
      for (const spec of Object.values(using)) {
        const js = resolveSpec(file, spec, ['.js', '.json']);
        if (js) addComponent(js.replace(/\.(js|json)$/, ''));
      }
    } else if (ext === '.js' || ext === '.wxs') {
      const code = withoutComments(text);
      for (const spec of [...matches(RE.require, code), ...matches(RE.esImport, code)]) addFile(resolveSpec(file, spec, ['', '.js', '.wxs']));
    } else if (ext === '.wxml') {
      for (const spec of matches(RE.wxmlSrc, text)) addFile(resolveSpec(file, spec.startsWith('/') || spec.startsWith('.') ? spec : './' + spec, ['', '.wxml', '.wxs']));
    } else if (ext === '.wxss') {
      for (const spec of matches(RE.wxssImport, text)) addFile(resolveSpec(file, spec.startsWith('/') || spec.startsWith('.') ? spec : './' + spec, ['', '.wxss']));
    }
  }
  let bytes = 0;
  let gz = 0;
  const byOwner = {};
  for (const f of files) {
    const buf = fs.readFileSync(f);
    bytes += buf.length;
    gz += gzip(buf);
    const owner = path.relative(NPM, f).split(path.sep)[0];
    byOwner[owner] = (byOwner[owner] || 0) + buf.length;
  }
  return { files: files.size, bytes, gzip: gz, byOwner };
}

/** The component's own files (JS minified), without tdesign or crypto. */
function ownFiles(componentDir) {
  let min = 0;
  let gz = 0;
  for (const name of fs.readdirSync(componentDir)) {
    const p = path.join(componentDir, name);
    if (!fs.statSync(p).isFile()) continue;
    let buf = fs.readFileSync(p);
    if (name.endsWith('.js')) buf = Buffer.from(esbuild.transformSync(buf.toString(), { minify: true, format: 'cjs' }).code);
    min += buf.length;
    gz += gzip(buf);
  }
  return { min, gzip: gz };
}

function measureWeight() {
  if (!fs.existsSync(KIT)) throw new Error('demo/miniprogram_npm is missing: run `npx gulp demo` first');
  const crypto = ['jsencrypt', 'sm-crypto'];
  const core = minified(path.join(KIT, 'index.js'), { external: crypto });
  const rsa = minified(path.join(KIT, 'core/crypto/rsa.js'));
  const sm2 = minified(path.join(KIT, 'core/crypto/sm2.js'));
  const components = {};
  for (const name of fs.readdirSync(path.join(KIT, 'components'))) {
    const dir = path.join(KIT, 'components', name);
    if (name === 'common' || !fs.existsSync(path.join(dir, 'index.json'))) continue;
    components[name] = { own: ownFiles(dir), closure: closure(path.join(dir, 'index')) };
  }
  return {
    core, rsa, sm2, components,
    anchors: { authingCoreMin: 28608, authingJsencryptMin: 56177, authingSm2Min: 24903 },
  };
}

module.exports = { measureWeight, closure };

if (require.main === module) console.log(JSON.stringify(measureWeight(), null, 2));
