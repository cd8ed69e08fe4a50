// The jest runner of `npm run mutate` only (jest.mutate.config.js). StrykerJS runs each mutant with a
// test-name pattern of the tests that cover it, but jest still opens every test file (a jsdom
// environment and the whole kit per file: ~13 s of a 36 s run) to find out that most of them have
// nothing to run. This runner skips the files none of whose tests match the pattern.
// What each file holds is learnt from the unfiltered run StrykerJS makes first (the dry run) and kept
// in the sandbox, so every test-runner process of the run shares it. A file it has not seen runs.
const fs = require('fs');
const path = require('path');
const TestRunner = require('jest-runner').default;

const INDEX = path.join(process.cwd(), '.mutate-test-index.json');
let index = null;

function readIndex() {
  if (!index && fs.existsSync(INDEX)) index = JSON.parse(fs.readFileSync(INDEX, 'utf8'));
  return index;
}

function fullNames(testResult) {
  return testResult.testResults.map((t) => t.fullName);
}

class MutateRunner extends TestRunner {
  async runTests(tests, watcher, options) {
    const pattern = this._globalConfig.testNamePattern;
    if (!pattern) return this.recordWhileRunning(tests, watcher, options);
    const known = readIndex();
    if (!known) return super.runTests(tests, watcher, options);
    const wanted = new RegExp(pattern, 'i');
    const selected = tests.filter((test) => !known[test.path] || known[test.path].some((name) => wanted.test(name)));
    return super.runTests(selected, watcher, options);
  }

  async recordWhileRunning(tests, watcher, options) {
    const seen = {};
    const unsubscribe = this.on('test-file-success', ([test, testResult]) => {
      seen[test.path] = fullNames(testResult);
    });
    try {
      await super.runTests(tests, watcher, options);
    } finally {
      unsubscribe();
    }
    if (tests.every((test) => seen[test.path])) {
      fs.writeFileSync(INDEX, JSON.stringify(seen));
      index = seen;
    }
  }
}

module.exports = MutateRunner;
