// The jest run StrykerJS uses per mutant (npm run mutate): the tests that exercise core/ and the flows
// directly (test/core and the bad-input suite), without the component suites, which
// reach the same code through miniprogram-simulate at many times the cost. Property suites run with a
// fixed seed so a mutant is killed or not the same way every time.
// MUTATE_TESTS narrows the suites for one file group (comma-separated folders or files under test/), so the
// dry run of e.g. the login flow does not run the whole core suite first:
//   MUTATE_TESTS=core/flows npm run mutate -- --mutate 'core/flows/login-*.ts'
process.env.FC_SEED = process.env.FC_SEED || '20261130';
const base = require('./jest.config');

const selected = (process.env.MUTATE_TESTS || '')
  .split(',')
  .map((entry) => entry.trim())
  .filter(Boolean)
  .map((entry) => (entry.endsWith('.js') ? `<rootDir>/test/${entry}` : `<rootDir>/test/${entry}/**/*.test.js`));

module.exports = {
  ...base,
  // Files with an `@jest-environment node` docblock (core-faults, the bare-vm wechat-runtime test) are left
  // out: Stryker's per-test coverage needs its own wrapper of the configured environment.
  testMatch: selected.length ? selected : ['<rootDir>/test/core/**/*.test.js', '<rootDir>/test/faults/bad-input.test.js'],
  testPathIgnorePatterns: [...base.testPathIgnorePatterns, '<rootDir>/test/core/wechat-runtime.test.js'],
  reporters: ['default'],
  // Skips, per mutant, the test files with no test covering it (see the file).
  runner: '<rootDir>/test/helpers/mutate-runner.js',
};
