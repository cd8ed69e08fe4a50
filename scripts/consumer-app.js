// A fresh native mini-program that installs the packed kit, built and analysed with WeChat's own
// tooling (miniprogram-ci): packNpmManually = DevTools' 构建 npm, analyseCode = its dependency graph.
// Offline: the kit comes from `npm pack` of this checkout, its dependencies are copied from the
// local node_modules. Used by `npm run bench` (sizes) and by tests that need WeChat's view.
//
//   const { packKit, makeApp, analyse, APPS } = require('./scripts/consumer-app');
//   const tarball = packKit(root, tmp);                       // after `gulp build`
//   const dir = await makeApp({ root, tarball, app: APPS.fourComponentsRsa, dir: tmp + '/a' });
//   const report = await analyse(dir);   // { files, reachable, bytes, errors }
//
// CLI: node scripts/consumer-app.js [app name…]  → prints each app's reachable bytes and errors.
const fs = require('fs');
const os = require('os');
const path = require('path');
const zlib = require('zlib');
const { execFileSync } = require('child_process');

const KIT = 'authing-miniapp-kit';
const CLIENT_JS = (extra = '') => `const { Authing, setDefaultClient } = require('${KIT}');${extra}
setDefaultClient(new Authing({ appId: 'app', userPoolId: 'pool', host: 'https://example.authing.cn' }));
Page({});
`;
const tag = (name) => `authing-${name}`;
const usingKit = (names) => Object.fromEntries(names.map((n) => [tag(n), `${KIT}/components/${n}/index`]));

/**
 * Page sets. A page: { path, components: [kit component names], using?: {tag: path}, wxml, js }.
 * `subpackages`: [{ root, pages }]. Kit tags are authing-<component>.
 */
const APPS = {
  fourComponentsRsa: {
    title: 'four components on one page + RSA', chart: 'four components + RSA',
    pages: [{
      path: 'pages/index/index',
      components: ['login', 'phone-button', 'avatar-uploader', 'profile-form'],
      wxml: '<authing-login encrypt="rsa" /><authing-phone-button /><authing-avatar-uploader /><authing-profile-form />',
      js: CLIENT_JS(`\nrequire('${KIT}/crypto/rsa');`),
    }],
  },
  loginNone: {
    title: 'login page only, encrypt="none"', chart: 'login only, encrypt="none"',
    pages: [{ path: 'pages/index/index', components: ['login'], wxml: '<authing-login encrypt="none" />', js: CLIENT_JS() }],
  },
  tdesignOnly: {
    title: 'no kit: TDesign t-button + t-input + t-checkbox (what a TDesign app already ships)', chart: 'no kit: 3 TDesign components',
    pages: [{
      path: 'pages/index/index', components: [],
      using: { 't-button': 'tdesign-miniprogram/button/button', 't-input': 'tdesign-miniprogram/input/input', 't-checkbox': 'tdesign-miniprogram/checkbox/checkbox' },
      wxml: '<t-input /><t-checkbox /><t-button>OK</t-button>', js: 'Page({});\n',
    }],
  },
  loginSubpackage: {
    title: 'login page in a subpackage', chart: 'login in a subpackage',
    pages: [{ path: 'pages/index/index', components: [], wxml: '<view>home</view>', js: 'Page({});\n' }],
    subpackages: [{ root: 'account', pages: [{ path: 'login/index', components: ['login'], wxml: '<authing-login encrypt="none" />', js: CLIENT_JS() }] }],
  },
};

/** `npm pack` of the checkout (needs a fresh `gulp build`); returns the tarball path. */
function packKit(root, outDir) {
  fs.mkdirSync(outDir, { recursive: true });
  const out = execFileSync('npm', ['pack', '--json', '--pack-destination', outDir], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return path.join(outDir, JSON.parse(out)[0].filename);
}

/** Copies a package and (recursively) its dependencies from root/node_modules into app/node_modules. */
function copyDependencies(root, deps, appModules, seen = new Set()) {
  for (const name of Object.keys(deps || {})) {
    if (seen.has(name)) continue;
    seen.add(name);
    const from = path.join(root, 'node_modules', name);
    if (!fs.existsSync(from)) throw new Error(`${name} is not in node_modules: run npm ci first`);
    fs.cpSync(from, path.join(appModules, name), { recursive: true, dereference: true });
    const pkg = JSON.parse(fs.readFileSync(path.join(from, 'package.json'), 'utf8'));
    copyDependencies(root, pkg.dependencies, appModules, seen);
  }
}

function writeFile(file, text) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

function writePage(dir, page) {
  const base = path.join(dir, page.path);
  writeFile(`${base}.json`, JSON.stringify({ usingComponents: { ...usingKit(page.components), ...page.using } }, null, 2));
  writeFile(`${base}.wxml`, `${page.wxml}\n`);
  writeFile(`${base}.wxss`, '');
  writeFile(`${base}.js`, page.js);
}

/** Writes the app into `dir`, installs the tarball + dependencies offline, runs 构建 npm. Returns dir. */
async function makeApp({ root, tarball, app, dir }) {
  const ci = require('miniprogram-ci');
  fs.rmSync(dir, { recursive: true, force: true });
  const kitDir = path.join(dir, 'node_modules', KIT);
  fs.mkdirSync(kitDir, { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', kitDir, '--strip-components=1']);
  const kitPkg = JSON.parse(fs.readFileSync(path.join(kitDir, 'package.json'), 'utf8'));
  copyDependencies(root, kitPkg.dependencies, path.join(dir, 'node_modules'));

  writeFile(path.join(dir, 'package.json'), JSON.stringify({ name: 'consumer-app', private: true, dependencies: { [KIT]: `file:${path.basename(tarball)}` } }, null, 2));
  writeFile(path.join(dir, 'project.config.json'), JSON.stringify({
    appid: 'touristappid', compileType: 'miniprogram', miniprogramRoot: './',
    setting: { es6: true, packNpmManually: true, packNpmRelationList: [{ packageJsonPath: './package.json', miniprogramNpmDistDir: './' }] },
  }, null, 2));
  const subpackages = (app.subpackages || []).map((s) => ({ root: s.root, pages: s.pages.map((p) => p.path) }));
  writeFile(path.join(dir, 'app.json'), JSON.stringify({ pages: app.pages.map((p) => p.path), subpackages }, null, 2));
  writeFile(path.join(dir, 'app.js'), 'App({});\n');
  writeFile(path.join(dir, 'app.wxss'), '');
  writeFile(path.join(dir, 'sitemap.json'), JSON.stringify({ rules: [{ action: 'allow', page: '*' }] }));
  for (const page of app.pages) writePage(dir, page);
  for (const sub of app.subpackages || []) for (const page of sub.pages) writePage(dir, { ...page, path: `${sub.root}/${page.path}` });

  const packed = await ci.packNpmManually({ packageJsonPath: path.join(dir, 'package.json'), miniprogramNpmDistDir: dir });
  if (packed && packed.warnList && packed.warnList.length) throw new Error(`构建 npm warned: ${JSON.stringify(packed.warnList)}`);
  return dir;
}

/**
 * WeChat's dependency graph of the app. `reachable` = files with a module id (what ships when
 * 过滤无依赖文件 is on), `errors` = unresolved references.
 * @returns {Promise<{files: {path: string, size: number}[], reachable: {path: string, size: number, gzip: number}[], bytes: number, errors: string[]}>}
 */
async function analyse(dir) {
  const ci = require('miniprogram-ci');
  const keyFile = path.join(dir, '..', `${path.basename(dir)}.placeholder.key`);
  fs.writeFileSync(keyFile, ''); // must exist; analyseCode never uses it (no upload)
  const project = new ci.Project({
    appid: 'touristappid', type: 'miniProgram', projectPath: dir, privateKeyPath: keyFile,
    ignores: ['node_modules/**/*'],
  });
  const result = await ci.analyseCode(project, { silent: true });
  if (!result) throw new Error(`analyseCode returned nothing for ${dir}`);
  const files = result.files.map((f) => ({ path: f.path, size: f.size, reachable: f.moduleId !== undefined && f.moduleId !== null && f.moduleId !== '' }));
  const gzip = (p) => zlib.gzipSync(fs.readFileSync(path.join(dir, p)), { level: 9 }).length;
  const reachable = files.filter((f) => f.reachable).map(({ path: p, size }) => ({ path: p, size, gzip: gzip(p) }));
  const errors = [];
  for (const m of result.modules) {
    for (const d of m.deps || []) if (d.error) errors.push(`${m.id}: ${typeof d.error === 'string' ? d.error : JSON.stringify(d.error)}`);
  }
  return { files, reachable, bytes: reachable.reduce((n, f) => n + f.size, 0), errors };
}

/** Packs once, builds and analyses each named app in a temp folder; removes the folder unless keep. */
async function analyseApps({ root, names = Object.keys(APPS), keep = false }) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kit-consumer-'));
  try {
    const tarball = packKit(root, tmp);
    const out = {};
    for (const name of names) {
      if (!APPS[name]) throw new Error(`unknown app ${name} (${Object.keys(APPS).join(', ')})`);
      const dir = await makeApp({ root, tarball, app: APPS[name], dir: path.join(tmp, name) });
      out[name] = { title: APPS[name].title, chart: APPS[name].chart, dir, ...(await analyse(dir)) };
    }
    return out;
  } finally {
    if (!keep) fs.rmSync(tmp, { recursive: true, force: true });
  }
}

module.exports = { APPS, packKit, makeApp, analyse, analyseApps };

if (require.main === module) {
  const root = path.resolve(__dirname, '..');
  analyseApps({ root, names: process.argv.slice(2).length ? process.argv.slice(2) : undefined, keep: true }).then((apps) => {
    for (const [name, r] of Object.entries(apps)) {
      console.log(`${name} (${r.title}): ${r.reachable.length} reachable files, ${r.bytes} B, ${r.errors.length} unresolved — ${r.dir}`);
      for (const e of r.errors) console.log(`  ! ${e}`);
    }
    process.exit(0); // miniprogram-ci leaves handles open
  }, (e) => { console.error(e); process.exit(1); });
}
