// webpack 5 (the Taro app's) and vite 5 (the uni-app app's) bundle every documented import path from
// an app whose node_modules holds the installed tarball; the bundles run and give the same exports.
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const { MODULES, COMPONENT_PATHS } = require('./public-paths');

const TARO_APP = path.join(__dirname, 'taro-app');
const UNI_APP = path.join(__dirname, 'uni-app');

/** An entry importing every path: modules statically, components as lazy chunks (never executed). */
function writeEntry(appDir) {
  const dir = path.join(appDir, '.bundle-check');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir);
  const specs = Object.keys(MODULES);
  const code = [
    ...specs.map((s, i) => `import * as m${i} from '${s}';`),
    `export const modules = { ${specs.map((s, i) => `'${s}': m${i}`).join(', ')} };`,
    `export const components = [${COMPONENT_PATHS.map((p) => `() => import('${p}')`).join(', ')}];`,
  ].join('\n');
  fs.writeFileSync(path.join(dir, 'entry.js'), code);
  return dir;
}

function expectExports(bundle) {
  for (const [spec, names] of Object.entries(MODULES)) {
    for (const name of names) expect([spec, name, typeof bundle.modules[spec][name]]).toEqual([spec, name, 'function']);
  }
  expect(bundle.components).toHaveLength(COMPONENT_PATHS.length);
}

// The bundlers run in a plain Node child (bundle-with.js): jest's module system is not theirs.
test.each([
  ['webpack', TARO_APP],
  ['vite', UNI_APP],
])('%s bundles every path', (bundler, appDir) => {
  const dir = writeEntry(appDir);
  execFileSync(process.execPath, [path.join(__dirname, 'bundle-with.js'), bundler, appDir, dir], { stdio: 'inherit' });
  expectExports(require(path.join(dir, 'out/bundle.js')));
  // Each component became a lazy chunk of its own: its path resolved.
  expect(fs.readdirSync(path.join(dir, 'out')).filter((f) => f !== 'bundle.js').length).toBeGreaterThanOrEqual(COMPONENT_PATHS.length);
});
