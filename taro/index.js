// Taro plugin (`plugins: ['authing-miniapp-kit/taro']` in config/index.js). Taro resolves an npm path
// in usingComponents against the package folder and ignores the "miniprogram" field, so it would
// point at files that do not exist; these aliases send the kit's components and their TDesign
// children to the folders WeChat's 构建 npm would use. Taro's webpack then bundles the components
// with the app, sharing one copy of the kit's core with the app's own imports.
'use strict';
const path = require('path');
const { KIT_ROOT, findPackageDir, readPackageJson } = require('../tools/packages');

/** webpack aliases: npm path prefix → folder. */
function taroAliases() {
  const kitDist = path.join(KIT_ROOT, readPackageJson(KIT_ROOT).miniprogram);
  const tdesign = findPackageDir('tdesign-miniprogram');
  return {
    'authing-miniapp-kit/components': path.join(kitDist, 'components'),
    'tdesign-miniprogram': path.join(tdesign, readPackageJson(tdesign).miniprogram),
  };
}

function authingTaroPlugin(ctx) {
  ctx.modifyWebpackChain(({ chain }) => {
    for (const [from, to] of Object.entries(taroAliases())) chain.resolve.alias.set(from, to);
  });
}

module.exports = authingTaroPlugin;
module.exports.default = authingTaroPlugin;
module.exports.taroAliases = taroAliases;
