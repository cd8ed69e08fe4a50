// Bundles the kit's public entries (scripts/build/entries.js) into miniprogram_dist/ with esbuild,
// then minifies them with terser. Type-checking and .d.ts stay with gulp-typescript (gulpfile.js).
//
// Placement, decided from the import graph so one runtime copy of every shared module exists:
//   - the core bundle (out 'index') holds its own graph, plus the stateful core files
//     (entries.js `singletons`) satellites (crypto, components, ...) reach; it exposes the modules
//     satellites import to them as `__kitInternals['core/…']` (not public API);
//   - a satellite's import of such a file becomes require('<relative>/index').__kitInternals[key];
//   - an import of another entry's source becomes a require of that entry's bundle;
//   - any other core file is inlined into each satellite that reaches it (pay for what you use):
//     a login page's core does not carry the account checks or the avatar and phone-button flows;
//   - packages with a "miniprogram" field (tdesign) stay external: WeChat resolves them from miniprogram_npm;
//     other packages (jsencrypt, sm-crypto) are inlined, with their notices in THIRD_PARTY_NOTICES.txt.
const fs = require('fs');
const path = require('path');
const esbuild = require('esbuild');
const { minify } = require('terser');
const { execFileSync } = require('child_process');
const { entries: ENTRIES, coreRoots: CORE_ROOTS, singletons: SINGLETONS, testHooks: TEST_HOOKS } = require('./entries');
const { writeNotices } = require('./notices');

const CORE_OUT = 'index';
const INTERNALS = '__kitInternals';
const TARGET = 'es2017';

const posix = (p) => p.split(path.sep).join('/');
const keyOf = (rel) => rel.replace(/\.ts$/, '');
/** './x' style specifier from one output file to another (both relative to dist, no extension). */
const requirePath = (fromOut, toOut) => {
  const rel = path.posix.relative(path.posix.dirname(fromOut), toOut);
  return rel.startsWith('.') ? rel : `./${rel}`;
};

/** The manifest with `*` expanded against the source tree. */
function expandEntries(root) {
  const list = [];
  for (const e of ENTRIES) {
    if (!e.src.includes('*')) { list.push({ out: e.out, src: e.src }); continue; }
    const [before, after] = e.src.split('*');
    for (const name of fs.readdirSync(path.join(root, before)).sort()) {
      if (fs.existsSync(path.join(root, before, name, after.replace(/^\//, '')))) {
        list.push({ out: e.out.replace('*', name), src: `${before}${name}${after}` });
      }
    }
  }
  return list;
}

function packageOf(spec) {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** true when WeChat resolves this package itself (it ships a "miniprogram" folder). */
function isMiniprogramPackage(root, spec) {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', packageOf(spec), 'package.json'), 'utf8'));
    return typeof pkg.miniprogram === 'string';
  } catch { return false; }
}

/**
 * The esbuild plugin that applies the placement rules to one entry.
 * @param {{root, entry, entrySources: Map<string,string>, coreFiles: Set<string>|null, requested: Set<string>}} ctx
 *   coreFiles null = analysis pass (nothing redirected to the core yet).
 */
function placementPlugin(ctx) {
  const { root, entry, entrySources, coreFiles, requested } = ctx;
  return {
    name: 'kit-placement',
    setup(build) {
      build.onResolve({ filter: /.*/ }, async (args) => {
        if (args.pluginData && args.pluginData.inner) return undefined;
        if (args.namespace === 'kit-core') return { path: args.path, external: true };
        if (args.kind === 'entry-point') return undefined;
        if (!args.path.startsWith('.')) {
          return isMiniprogramPackage(root, args.path) ? { path: args.path, external: true } : undefined;
        }
        const hit = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: { inner: true } });
        if (hit.errors.length || !hit.path.startsWith(root + path.sep) || hit.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
        const rel = posix(path.relative(root, hit.path));
        const otherEntry = entrySources.get(rel);
        if (otherEntry !== undefined && otherEntry !== entry.out) return { path: requirePath(entry.out, otherEntry), external: true };
        if (coreFiles && entry.out !== CORE_OUT && coreFiles.has(rel)) {
          requested.add(keyOf(rel));
          return { path: keyOf(rel), namespace: 'kit-core' };
        }
        return { path: hit.path };
      });
      build.onLoad({ filter: /.*/, namespace: 'kit-core' }, (args) => ({
        contents: `module.exports = require(${JSON.stringify(requirePath(entry.out, CORE_OUT))}).${INTERNALS}[${JSON.stringify(args.path)}];`,
        loader: 'js',
      }));
    },
  };
}

const baseOptions = (root) => ({
  absWorkingDir: root, bundle: true, format: 'cjs', platform: 'neutral', target: TARGET,
  mainFields: ['module', 'main'], logLevel: 'silent', legalComments: 'none', metafile: true,
});

/** Project files (relative) that an entry's bundle would contain, other entries kept external. */
async function graphOf(root, entry, entrySources) {
  const result = await esbuild.build({
    ...baseOptions(root), entryPoints: [path.join(root, entry.src)], write: false, outfile: 'out.js',
    plugins: [placementPlugin({ root, entry, entrySources, coreFiles: null, requested: new Set() })],
  });
  return Object.keys(result.metafile.inputs).filter((f) => !f.includes('node_modules/'));
}

const isCoreOwned = (rel) => CORE_ROOTS.some((r) => (r.endsWith('/') ? rel.startsWith(r) : rel === r));

/** Core files: the core's own graph plus the stateful core files (singletons) satellites reach. */
function placeCoreFiles(graphs, coreEntry, entrySources) {
  const coreFiles = new Set(graphs.get(coreEntry.out));
  const reach = new Map();
  for (const [out, files] of graphs) {
    if (out === coreEntry.out) continue;
    for (const f of files) if (isCoreOwned(f) && !entrySources.has(f)) reach.set(f, (reach.get(f) || 0) + 1);
  }
  // Shared state needs one instance: a stateful module two satellites reach lives in the core. A
  // stateless one is inlined into each satellite instead, so a page pays only for the flows it uses.
  for (const [f, n] of reach) if (n >= 2 && SINGLETONS.includes(keyOf(f))) coreFiles.add(f);
  // Modules whose state the kit's tests reach live in the core too (one instance they can see).
  for (const k of [...SINGLETONS, ...TEST_HOOKS]) coreFiles.add(`${k}.ts`);
  return coreFiles;
}

/**
 * Node's ESM loader finds a CommonJS module's named exports by reading its source; a minified
 * bundle hides them. A never-run line names them (the same hint esbuild writes for Node), so
 * `import { Authing } from 'authing-miniapp-kit'` works in Node and in bundlers that follow Node.
 */
function addEsmHint(file) {
  // A child process: loading the bundle here would keep its module state in the build process.
  const keys = JSON.parse(execFileSync(process.execPath, ['-e', `console.log(JSON.stringify(Object.keys(require(${JSON.stringify(file)}))))`], { encoding: 'utf8' }));
  const valid = keys.filter((n) => /^[A-Za-z_$][\w$]*$/.test(n) && n !== 'default');
  if (valid.length) fs.appendFileSync(file, `\n0&&(module.exports={${valid.join(',')}});\n`);
}

async function minifyTo(file, code, banner) {
  const result = await minify(code, {
    ecma: 2017, module: false, compress: { passes: 2 }, mangle: true,
    format: { comments: false, preamble: banner || undefined },
  });
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, result.code);
}

/** Names of the third-party packages inlined into a bundle, from esbuild's metafile. */
function inlinedPackages(metafile) {
  const names = new Set();
  for (const f of Object.keys(metafile.inputs)) {
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(f);
    if (m) names.add(m[1]);
  }
  return [...names].sort();
}

function readPackage(root, name) {
  return JSON.parse(fs.readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8'));
}

/**
 * Builds every entry into `dist`. Returns { entries, coreFiles, exposed, thirdParty } for the caller
 * (declaration stubs, notices, diagnostics).
 */
async function buildBundles({ root, dist }) {
  const entries = expandEntries(root);
  const coreEntry = entries.find((e) => e.out === CORE_OUT);
  if (!coreEntry) throw new Error(`scripts/build/entries.js needs an entry with out '${CORE_OUT}' (the core)`);
  const entrySources = new Map(entries.map((e) => [e.src, e.out]));

  const graphs = new Map();
  await Promise.all(entries.map(async (e) => graphs.set(e.out, await graphOf(root, e, entrySources))));
  const coreFiles = placeCoreFiles(graphs, coreEntry, entrySources);

  const requested = new Set();
  const thirdParty = new Map(); // package name -> outs that inline it
  const banners = new Map();
  const outputs = new Map();
  const build = async (entry, entryPoint, extra = {}) => {
    const result = await esbuild.build({
      ...baseOptions(root), entryPoints: [entryPoint], write: false, outfile: path.join(dist, `${entry.out}.js`),
      plugins: [placementPlugin({ root, entry, entrySources, coreFiles, requested })], ...extra,
    });
    const pkgs = inlinedPackages(result.metafile);
    for (const p of pkgs) thirdParty.set(p, [...(thirdParty.get(p) || []), entry.out]);
    if (pkgs.length) {
      const list = pkgs.map((p) => { const pkg = readPackage(root, p); return `${p} ${pkg.version} (${pkg.license})`; }).join(', ');
      banners.set(entry.out, `/*! Includes ${list}; notices: ${requirePath(entry.out, 'THIRD_PARTY_NOTICES.txt')} */`);
    }
    outputs.set(entry.out, result.outputFiles[0].text);
  };

  // Satellites first: they tell which core modules must be exposed.
  await Promise.all(entries.filter((e) => e !== coreEntry).map((e) => build(e, path.join(root, e.src))));

  // The core: its public exports plus the internals satellites (and, for state, the kit's tests) reach.
  // Exposing a module keeps all its exports (no tree-shaking), so only these are exposed.
  const exposed = [...new Set([...requested, ...TEST_HOOKS])].sort();
  const stray = exposed.filter((k) => !coreFiles.has(`${k}.ts`));
  if (stray.length) throw new Error(`not in the core bundle, cannot expose: ${stray.join(', ')} (scripts/build/entries.js testHooks?)`);
  const lines = [`export * from ${JSON.stringify(`./${coreEntry.src}`)};`];
  exposed.forEach((k, i) => lines.push(`import * as m${i} from ${JSON.stringify(`./${k}`)};`));
  lines.push(`export const ${INTERNALS} = {${exposed.map((k, i) => `${JSON.stringify(k)}: m${i}`).join(', ')}};`);
  await build(coreEntry, undefined, {
    entryPoints: undefined, stdin: { contents: lines.join('\n'), resolveDir: root, sourcefile: 'kit-core-entry.js', loader: 'js' },
  });

  await Promise.all([...outputs].map(([out, code]) => minifyTo(path.join(dist, `${out}.js`), code, banners.get(out))));
  // Library entries (not components, which need WeChat's Component()) load in Node: name their exports.
  for (const out of outputs.keys()) if (!out.startsWith('components/')) addEsmHint(path.join(dist, `${out}.js`));
  if (thirdParty.size) writeNotices({ root, file: path.join(dist, 'THIRD_PARTY_NOTICES.txt'), packages: thirdParty });
  return { entries, coreFiles: [...coreFiles].sort(), exposed, thirdParty };
}

module.exports = { buildBundles, expandEntries, CORE_OUT, INTERNALS };
