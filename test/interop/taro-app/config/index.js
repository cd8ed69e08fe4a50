// A minimal Taro 4 config; the kit needs only the plugins line (copied from the README by run.js's check).
const config = {
  projectName: 'interop-taro-app',
  designWidth: 750,
  deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
  sourceRoot: 'src',
  outputRoot: 'dist',
  framework: 'react',
  compiler: 'webpack5',
  plugins: ['authing-miniapp-kit/taro'],
  mini: {},
};

module.exports = function () {
  return config;
};
