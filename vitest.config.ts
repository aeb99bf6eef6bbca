import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    reporters: ['default', 'json'],
    outputFile: { json: 'coverage/test-results.json' },
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      // main.ts only wires the command line to the process (scripts/check-package.mjs runs it);
      // workers.ts runs in worker threads of that process (test/jobs.test.ts runs it).
      exclude: ['src/**/*.test.ts', 'src/cli/main.ts', 'src/cli/workers.ts'],
      reporter: ['text-summary', 'text'],
      thresholds: { lines: 95, branches: 95, functions: 95, statements: 95 },
    },
  },
});
