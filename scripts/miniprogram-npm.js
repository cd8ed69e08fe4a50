// Lays out a miniprogram_npm/ folder the way WeChat DevTools' 「构建 npm」 does, so the demo opens
// without that step: packages with a "miniprogram" field are copied from that folder; plain npm
// packages are bundled from their "main" into <pkg>/index.js.
const fs = require('fs');
const path = require('path');
const esbuild = require('esbuild');

const SKIP = /\.d\.ts$|\.map$/;

function copyTree(from, to) {
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const a = path.join(from, entry.name);
    const b = path.join(to, entry.name);
    if (entry.isDirectory()) copyTree(a, b);
    else if (!SKIP.test(entry.name)) fs.copyFileSync(a, b);
  }
}

/** Bundle a CommonJS package's main (with its own dependencies) into one index.js, as build npm does. */
function bundlePlain(root, pkg, targetDir) {
  const out = path.join(targetDir, pkg, 'index.js');
  esbuild.buildSync({
    entryPoints: [require.resolve(pkg, { paths: [root] })],
    bundle: true, format: 'cjs', platform: 'neutral', target: 'es2017',
    mainFields: ['main'], outfile: out, logLevel: 'error',
  });
}

/**
 * @param {{root: string, target: string}} opts  root = repo root; target = folder to (re)create, relative to root
 */
function layoutMiniprogramNpm({ root, target }) {
  const targetDir = path.resolve(root, target);
  fs.rmSync(targetDir, { recursive: true, force: true });
  copyTree(path.join(root, 'miniprogram_dist'), path.join(targetDir, 'authing-miniapp-kit'));
  copyTree(path.join(root, 'node_modules/tdesign-miniprogram/miniprogram_dist'), path.join(targetDir, 'tdesign-miniprogram'));
  for (const pkg of ['jsencrypt', 'sm-crypto', 'jsbn']) bundlePlain(root, pkg, targetDir);
  // The crypto entries take only sm-crypto's curve and SM3 files (they require 'jsbn', laid out above).
  for (const part of ['ec.js', 'sm3.js']) {
    const to = path.join(targetDir, 'sm-crypto/src/sm2', part);
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.copyFileSync(path.join(root, 'node_modules/sm-crypto/src/sm2', part), to);
  }
  // Public opt-in paths, until the build lays the bundles out there: a stub requiring the tsc output.
  const kit = path.join(targetDir, 'authing-miniapp-kit');
  for (const [pub, built] of [['crypto/rsa', 'core/crypto/rsa'], ['crypto/sm2', 'core/crypto/sm2'], ['account', 'core/account'], ['i18n/en-US', 'core/i18n/en-US']]) {
    const file = path.join(kit, pub + '.js');
    if (fs.existsSync(file) || !fs.existsSync(path.join(kit, built + '.js'))) continue;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const rel = path.posix.relative(path.posix.dirname(pub), built);
    fs.writeFileSync(file, `module.exports = require('${rel.startsWith('.') ? rel : './' + rel}');\n`);
  }
  return targetDir;
}

module.exports = { layoutMiniprogramNpm };
