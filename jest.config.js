// One jest run for the whole suite. Tests exercise the BUILT kit (miniprogram_dist/, made by
// `npm test` before jest starts) against a real devserver started in globalSetup.
module.exports = {
  testEnvironment: 'jsdom',
  globalSetup: '<rootDir>/test/helpers/global-setup.js',
  globalTeardown: '<rootDir>/test/helpers/global-teardown.js',
  setupFiles: ['<rootDir>/test/helpers/setup-wx.js'],
  testMatch: ['<rootDir>/test/**/*.test.js'],
  // Chromium-driven tests run through jest.preview.config.js (`npm run test:preview`).
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/preview/', '<rootDir>/.stryker-tmp/'],
  // StrykerJS sandboxes (npm run mutate) hold copies of the project; the interop run's work folder holds
  // consumer apps (test/interop/run.js).
  modulePathIgnorePatterns: ['<rootDir>/.stryker-tmp/', '<rootDir>/test/interop/\\.work/'],
  // tdesign's miniprogram_dist is ESM; everything else is CommonJS already.
  transform: { '\\.js$': ['babel-jest', { plugins: ['@babel/plugin-transform-modules-commonjs'] }] },
  transformIgnorePatterns: ['/node_modules/(?!tdesign-miniprogram/)'],
  // tdesign imports bare 'tslib', which WeChat resolves from its own miniprogram_npm.
  moduleDirectories: ['node_modules', 'miniprogram_npm'],
  moduleNameMapper: { '^tdesign-miniprogram/(.*)$': '<rootDir>/node_modules/tdesign-miniprogram/miniprogram_dist/$1' },
  testTimeout: 20000,
  reporters: ['default', '<rootDir>/test/helpers/summary-reporter.js'],
};
