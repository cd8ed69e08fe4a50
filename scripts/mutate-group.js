// `npm run mutate -- <group>`: StrykerJS over one file group of core/ with the tests that exercise it,
// then the committed report is re-merged. A run over all of core/ at once takes hours on 2 cores; a
// group takes minutes, and its incremental file (reports/stryker-incremental-<group>.json) lets the
// next run of the group redo only the mutants whose code or tests changed.
//   npm run mutate -- flows-login            one group
//   npm run mutate -- --list                 the groups
//   npm run mutate -- flows-login --concurrency 1   extra arguments go to `stryker run`
// Static mutants (module-level initialisers: they need every test, ~30 s each) are not run
// (`--ignoreStatic`); the report lists them as ignored and the score does not count them.
const { execFileSync } = require('child_process');
const path = require('path');

const flows = (names) => names.map((n) => `core/flows/${n}.ts`);
// tests: folders or files under test/ (jest.mutate.config.js); every group's files are listed once.
const GROUPS = {
  'flows-login': {
    tests: 'core/flows',
    files: flows(['login-form', 'login-form-model', 'login-requests', 'login-actions', 'login-countdowns', 'login-types', 'login-checks', 'sign-in-guard', 'field-errors', 'tab-preparation', 'consent', 'countdown', 'events', 'code-target-form', 'notice']),
  },
  'flows-journey': {
    tests: 'core/flows',
    files: flows(['register-flow', 'register-checks', 'register-types', 'reset-password-flow', 'reset-password-checks', 'mfa-flow', 'mfa-factors', 'bind-phone-flow', 'bind-phone', 'privacy-flow', 'privacy-registry']),
  },
  'flows-account': {
    tests: 'core/flows',
    files: flows(['account-flow', 'account-actions', 'account-checks', 'account-summary']),
  },
  'flows-widgets': {
    tests: 'core/flows',
    files: flows(['phone-button', 'phone-button-flow', 'profile-form', 'profile-form-flow', 'avatar-uploader', 'avatar-uploader-flow']),
  },
  session: {
    tests: 'core',
    files: ['core/authing.ts', 'core/login-state.ts', 'core/session-sync.ts', 'core/revocation.ts', 'core/jwt.ts', 'core/claims.ts', 'core/context.ts', 'core/shared-client.ts', 'core/registry.ts', 'core/deadline.ts', 'core/http.ts'],
  },
  input: {
    tests: 'core,faults/bad-input.test.js',
    files: ['core/validate.ts', 'core/checks.ts', 'core/options.ts', 'core/json-argument.ts', 'core/encoding.ts', 'core/errors.ts', 'core/redact.ts', 'core/i18n.ts', 'core/i18n/en-US.ts'],
  },
  features: {
    tests: 'core',
    files: ['core/features/*.ts', 'core/wechat-login.ts', 'core/account.ts', 'core/account/*.ts', 'core/public-key.ts'],
  },
  journey: { tests: 'core', files: ['core/journey/*.ts'] },
  platform: { tests: 'core', files: ['core/crypto/*.ts', 'core/platform/*.ts', '!core/platform/types.ts', '!core/crypto/*.d.ts'] },
};

const [group, ...rest] = process.argv.slice(2);
if (!group || group === '--list' || !GROUPS[group]) {
  for (const [name, { tests, files }] of Object.entries(GROUPS)) console.log(`${name.padEnd(14)} tests: ${tests}\n${' '.repeat(14)} ${files.join(' ')}`);
  process.exit(group && group !== '--list' ? 1 : 0);
}

const ROOT = path.join(__dirname, '..');
const { tests, files } = GROUPS[group];
const run = (file, args, env = {}) => execFileSync(process.execPath, [file, ...args], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
run(path.join(ROOT, 'node_modules', '@stryker-mutator', 'core', 'bin', 'stryker.js'), [
  'run', '--ignoreStatic', '--incremental', '--incrementalFile', `reports/stryker-incremental-${group}.json`,
  '--mutate', files.join(','), ...rest,
], { MUTATE_TESTS: tests, MUTATE_REPORT: `reports/mutation/groups/${group}` });
run(path.join(__dirname, 'mutation-report-paths.js'), []);
run(path.join(__dirname, 'mutation-report-merge.js'), []);
