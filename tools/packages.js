// Finds installed npm packages the way Node does (node_modules folders upward), without relying
// on a package's `exports` (tdesign-miniprogram's files live under its `miniprogram_dist`).
'use strict';
const fs = require('fs');
const path = require('path');

/** The kit's own package folder (this file is <kit>/tools/packages.js). */
const KIT_ROOT = path.resolve(__dirname, '..');

/** The folder of package `name` as seen from `fromDir`, or throws a readable error. */
function findPackageDir(name, fromDir = KIT_ROOT) {
  for (let dir = path.resolve(fromDir); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (fs.existsSync(path.join(candidate, 'package.json'))) return fs.realpathSync(candidate);
    if (path.dirname(dir) === dir) break;
  }
  throw new Error(`authing-miniapp-kit: cannot find the package "${name}" from ${fromDir} (run npm install)`);
}

function readPackageJson(dir) {
  return JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
}

module.exports = { KIT_ROOT, findPackageDir, readPackageJson };
