// Build tasks for authing-miniapp-kit.
//   gulp build  — TypeScript (core/, components/) → CommonJS ES2017 + .d.ts in miniprogram_dist/, assets copied byte-exact
//   gulp demo   — build, then lay out demo/miniprogram_npm/ as WeChat DevTools' 构建 npm would
//   gulp watch  — rebuild on change
const { src, dest, series, parallel, watch } = require('gulp');
const fs = require('fs');
const ts = require('gulp-typescript');
const { layoutMiniprogramNpm } = require('./scripts/miniprogram-npm');

const DIST = 'miniprogram_dist';
const SOURCES = ['index.ts', 'core/**/*.ts', 'components/**/*.ts'];
const ASSETS = ['core/**/*.{wxml,wxss,json,wxs,png,jpg,jpeg,gif,svg}', 'components/**/*.{wxml,wxss,json,wxs,png,jpg,jpeg,gif,svg}'];

// Created once so `gulp watch` reuses the program.
const tsProject = ts.createProject('tsconfig.json');

/** `gulp clean` — remove the previous build so deleted files do not linger. */
function clean(done) {
  fs.rmSync(DIST, { recursive: true, force: true });
  done();
}

/** TypeScript → JS + .d.ts; any type error fails the task (and the build). */
function scripts() {
  const result = src(SOURCES, { base: '.' }).pipe(tsProject());
  return new Promise((resolve, reject) => {
    let failed = false;
    result.on('error', () => { failed = true; });
    const js = result.js.pipe(dest(DIST));
    const dts = result.dts.pipe(dest(DIST));
    let pending = 2;
    const finish = () => { if (--pending === 0) failed ? reject(new Error('TypeScript: compilation failed')) : resolve(); };
    js.on('finish', finish); dts.on('finish', finish);
    js.on('error', reject); dts.on('error', reject);
  });
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
exports.build = series(clean, parallel(scripts, assets));
exports.demo = series(exports.build, demoNpm);
exports.watch = series(exports.build, () => watch([...SOURCES, ...ASSETS], parallel(scripts, assets)));
exports.default = exports.build;
