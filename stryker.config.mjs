// StrykerJS over core/ and core/flows (`npm run mutate`; not in CI: a full run takes hours on 2 cores).
// The tests exercise the BUILT kit, so each sandbox rebuilds miniprogram_dist from the instrumented
// sources (buildCommand) before jest runs; the devserver starts in jest's globalSetup as usual.
// Narrow a run with `npm run mutate -- --mutate core/redact.ts` (any glob list).
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  mutate: ['core/**/*.ts', '!core/**/*.d.ts', '!core/types.ts', '!core/version.ts', '!core/platform/types.ts'],
  testRunner: 'jest',
  jest: { projectType: 'custom', configFile: 'jest.mutate.config.js', enableFindRelatedTests: false },
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  // Stryker runs the build before it links node_modules into the sandbox; the build script links it first.
  buildCommand: 'node scripts/mutate-build.js',
  symlinkNodeModules: false,
  // 2 cores shared with the devserver each jest run starts: one test runner, one checker.
  concurrency: 1,
  checkerNodeArgs: ['--max-old-space-size=2048'],
  coverageAnalysis: 'perTest',
  // A mutant that hangs is cut off at twice its tests' dry-run time plus 10 s (refresh-logout's slowest
  // test waits 4 s on purpose).
  timeoutMS: 10000,
  // The initial run is the whole mutate suite with coverage: minutes on a busy 2-core machine.
  dryRunTimeoutMinutes: 40,
  timeoutFactor: 2,
  ignorePatterns: ['miniprogram_dist', 'demo/miniprogram_npm', 'reports', 'preview/out', '.stryker-tmp', '.mutate-test-index.json'],
  reporters: ['clear-text', 'progress', 'html', 'json'],
  // MUTATE_REPORT names the output of a group run (scripts/mutate-group.js), so runs do not overwrite each other.
  htmlReporter: { fileName: `${process.env.MUTATE_REPORT || 'reports/mutation/index'}.html` },
  jsonReporter: { fileName: `${process.env.MUTATE_REPORT || 'reports/mutation/mutation'}.json` },
  thresholds: { high: 90, low: 80, break: null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
