// Browser-preview tests (headless Chromium): kept apart from `npm test` so the main suite needs
// nothing outside npm; CI runs both (`.ci/run`).
const base = require('./jest.config');

module.exports = {
  ...base,
  testMatch: ['<rootDir>/test/preview/**/*.test.js'],
  testPathIgnorePatterns: [],
  testTimeout: 120000,
};
