// Lays out a miniprogram_npm/ folder the way WeChat DevTools' 「构建 npm」 does, so the demo opens
// without that step: packages with a "miniprogram" field are copied from that folder. The kit inlines
// its crypto libraries, so it and tdesign are all there is. (miniprogram-ci's packNpmManually does the
// same — scripts/consumer-app.js uses it — but takes tens of seconds; this copy takes well under one.)
const fs = require('fs');
const path = require('path');

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

/**
 * @param {{root: string, target: string}} opts  root = repo root; target = folder to (re)create, relative to root
 */
function layoutMiniprogramNpm({ root, target }) {
  const targetDir = path.resolve(root, target);
  fs.rmSync(targetDir, { recursive: true, force: true });
  copyTree(path.join(root, 'miniprogram_dist'), path.join(targetDir, 'authing-miniapp-kit'));
  copyTree(path.join(root, 'node_modules/tdesign-miniprogram/miniprogram_dist'), path.join(targetDir, 'tdesign-miniprogram'));
  return targetDir;
}

module.exports = { layoutMiniprogramNpm };
