// Mutation testing (npm run mutation): StrykerJS 9.6 (the last major that runs on Node 20) with
// the vitest runner. It mutates the money, rules and date paths and the functions built on them,
// and fails below the break threshold. The incremental file (committed) lets a re-run after a
// small change test only the mutants that change touches.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: true },
  plugins: ['@stryker-mutator/vitest-runner'],
  checkers: [],
  mutate: [
    'src/core/**/*.ts',
    'src/rules/**/*.ts',
    'src/eligibility/**/*.ts',
    'src/schedule/**/*.ts',
    'src/targets/**/*.ts',
    'src/settlement/**/*.ts',
    'src/collective/**/*.ts',
    'src/ledger/**/*.ts',
    'src/compare/**/*.ts',
    'src/explain/**/*.ts',
    'src/batch/**/*.ts',
    '!src/**/*.test.ts',
  ],
  coverageAnalysis: 'perTest',
  // Static mutants (module-level code run once at load: the rule tables' rows) are tested by every
  // test; the rows themselves are pinned by the rule-table lock (test/versions.test.ts).
  ignoreStatic: true,
  incremental: true,
  incrementalFile: 'mutation/stryker-incremental.json',
  concurrency: 2,
  timeoutMS: 20000,
  thresholds: { high: 95, low: 90, break: 85 },
  reporters: ['clear-text', 'progress', 'json', 'html'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
};
