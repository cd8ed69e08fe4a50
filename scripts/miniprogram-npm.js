// Lays out a miniprogram_npm/ folder the way WeChat DevTools' 「构建 npm」 does, so the demo opens
// without that step: packages with a "miniprogram" field are copied from that folder. The kit inlines
// its crypto libraries, so it and tdesign are all there is. (miniprogram-ci's packNpmManually does the
// same — scripts/consumer-app.js uses it — but takes tens of seconds; this copy takes well under one.)
const fs = require('fs');
const path = require('path');

// One tree copy (without .d.ts and source maps) for the demo's layout and the uni-app layout.
const { copyTree } = require('../tools/wxcomponents');

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
