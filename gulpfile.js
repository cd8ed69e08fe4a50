// Build tasks for authing-miniapp-kit.
//   gulp build  — type-check + .d.ts (gulp-typescript), minified bundles of the public entries
//                 (esbuild + terser, scripts/build/), assets copied byte-exact, all into miniprogram_dist/;
//                 the per-file tsc output goes to build/modules/ (not shipped; unit tests of internals)
//   gulp demo   — build, then lay out demo/miniprogram_npm/ as WeChat DevTools' 构建 npm would
//   gulp watch  — rebuild on change
const { src, dest, series, parallel, watch } = require('gulp');
const fs = require('fs');
const path = require('path');
const ts = require('gulp-typescript');
const { layoutMiniprogramNpm } = require('./scripts/miniprogram-npm');
const { buildBundles } = require('./scripts/build/bundle');
const { writeDeclarationStubs } = require('./scripts/build/declarations');

const DIST = 'miniprogram_dist';
const MODULES = 'build/modules';
const SOURCES = ['index.ts', 'core/**/*.ts', 'components/**/*.ts'];
const ASSETS = ['core/**/*.{wxml,wxss,json,wxs,png,jpg,jpeg,gif,svg}', 'components/**/*.{wxml,wxss,json,wxs,png,jpg,jpeg,gif,svg}'];

// Created once so `gulp watch` reuses the program.
const tsProject = ts.createProject('tsconfig.json');

/** `gulp clean` — remove the previous build so deleted files do not linger. */
function clean(done) {
  fs.rmSync(DIST, { recursive: true, force: true });
  fs.rmSync(MODULES, { recursive: true, force: true });
  done();
}

/** Type-check; .d.ts into the dist, per-file JS into build/modules. Any type error fails the build. */
function types() {
  const result = src(SOURCES, { base: '.' }).pipe(tsProject());
  return new Promise((resolve, reject) => {
    let failed = false;
    result.on('error', () => { failed = true; });
    const js = result.js.pipe(dest(MODULES));
    const dts = result.dts.pipe(dest(DIST));
    let pending = 2;
    const finish = () => { if (--pending === 0) failed ? reject(new Error('TypeScript: compilation failed')) : resolve(); };
    js.on('finish', finish); dts.on('finish', finish);
    js.on('error', reject); dts.on('error', reject);
  });
}

/** One minified bundle per public entry (scripts/build/entries.js). */
function bundles() {
  return buildBundles({ root: __dirname, dist: path.join(__dirname, DIST) });
}

/** A .d.ts beside every public .js whose source lives elsewhere (crypto/rsa.d.ts → core/crypto/rsa). */
function declarationStubs(done) {
  writeDeclarationStubs({ root: __dirname, dist: path.join(__dirname, DIST) });
  done();
}

/** Templates, styles, json and images, copied byte for byte (gulp 5 re-encodes text unless encoding:false). */
function assets() {
  return src(ASSETS, { base: '.', encoding: false }).pipe(dest(DIST));
}

function demoNpm(done) {
  layoutMiniprogramNpm({ root: __dirname, target: 'demo/miniprogram_npm' });
  done();
}

exports.clean = clean;
exports.build = series(clean, parallel(types, bundles, assets), declarationStubs);
exports.demo = series(exports.build, demoNpm);
exports.watch = series(exports.build, () => watch([...SOURCES, ...ASSETS], exports.build));
exports.default = exports.build;
