// Where the interop run keeps its tarball, logs and the fresh consumer folder (git-ignored), and
// where the test apps put their builds.
const path = require('path');

const ROOT = path.resolve(__dirname, '../..');
const WORK = path.join(__dirname, '.work');

module.exports = {
  ROOT,
  WORK,
  FRESH: path.join(WORK, 'fresh'),
  TARO_DIST: path.join(__dirname, 'taro-app', 'dist'),
  UNI_DIST: path.join(__dirname, 'uni-app', 'dist', 'build', 'mp-weixin'),
};
