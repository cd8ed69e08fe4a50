// The component bench runs in jest (jsdom + miniprogram-simulate) with the same transform, setup and
// devserver as the test suite, over bench/*.bench.js only. bench/run.js spawns it; each bench file
// writes its figures to bench/tmp/ and run.js merges them.
const path = require('path');
const base = require('../jest.config.js');

module.exports = {
  ...base,
  rootDir: path.resolve(__dirname, '..'),
  testMatch: ['<rootDir>/bench/*.bench.js'],
  testPathIgnorePatterns: ['/node_modules/'],
  reporters: ['default'],
  testTimeout: 120000,
};
