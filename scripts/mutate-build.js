// StrykerJS's buildCommand (stryker.config.mjs): builds miniprogram_dist inside a sandbox
// (.stryker-tmp/<sandbox>/). Stryker runs the build before it links node_modules into the sandbox, and
// the build reads packages from <root>/node_modules, so the link is made here first.
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const link = path.join(process.cwd(), 'node_modules');
if (!fs.existsSync(link)) fs.symlinkSync(path.join('..', '..', 'node_modules'), link, 'junction');
execFileSync(process.execPath, [path.join(link, 'gulp', 'bin', 'gulp.js'), 'build'], { stdio: 'inherit' });
