// The interop checks run by test/interop/run.js once the Taro / uni-app apps are built: same
// environment as the main suite (jsdom + wx shim + shared devserver), over the apps' built output.
const path = require('path');
const main = require('../../jest.config');

module.exports = {
  ...main,
  rootDir: path.resolve(__dirname, '../..'),
  testMatch: ['<rootDir>/test/interop/**/*.interop.js'],
  testPathIgnorePatterns: ['/node_modules/', '/\\.work/'],
  // The built apps' code is minified: babel must not pretty-print it, and their tdesign copies are ESM.
  transform: { '\\.js$': ['babel-jest', { plugins: ['@babel/plugin-transform-modules-commonjs'], compact: true }] },
  // The test apps' toolchains (tens of thousands of files) are not the kit's modules.
  modulePathIgnorePatterns: [...main.modulePathIgnorePatterns, '<rootDir>/test/interop/(taro|uni)-app/node_modules/'],
  testTimeout: 60000,
};
