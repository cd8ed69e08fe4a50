// `node bundle-with.js <webpack|vite> <appDir> <dir>`: bundles <dir>/entry.js into <dir>/out/bundle.js
// (CommonJS) with the bundler installed in the test app <appDir>; exits non-zero on any error.
const path = require('path');

// TDesign's component files are mini-program-only (laid out by 构建 npm, or the kit's Taro plugin):
// a plain bundle leaves them to the mini-program, as it does any native module.
const MINIPROGRAM_ONLY = /^tdesign-miniprogram\//;

async function main([bundler, appDir, dir]) {
  const out = path.join(dir, 'out');
  if (bundler === 'webpack') {
    const webpack = require(path.join(appDir, 'node_modules/webpack'));
    const stats = await new Promise((resolve, reject) => {
      webpack({
        mode: 'production', target: 'node', context: dir, entry: './entry.js', devtool: false,
        output: { path: out, filename: 'bundle.js', library: { type: 'commonjs2' } },
        optimization: { minimize: false }, externals: [MINIPROGRAM_ONLY],
      }, (err, result) => (err ? reject(err) : resolve(result)));
    });
    const { errors } = stats.toJson({ all: false, errors: true });
    if (errors.length) throw new Error(errors.map((e) => e.message).join('\n'));
  } else if (bundler === 'vite') {
    const { build } = require(path.join(appDir, 'node_modules/vite/index.cjs'));
    await build({
      root: dir, configFile: false, logLevel: 'error',
      build: { outDir: out, minify: false, rollupOptions: { external: [MINIPROGRAM_ONLY] }, lib: { entry: path.join(dir, 'entry.js'), formats: ['cjs'], fileName: () => 'bundle.js' } },
    });
  } else {
    throw new Error(`unknown bundler ${bundler}`);
  }
}

main(process.argv.slice(2)).catch((err) => {
  console.error(err && err.stack ? err.stack : err);
  process.exit(1);
});
