import { defineConfig } from 'vitest/config';

// The suite as mutation testing runs it: every unit, golden, property and hostile test, without
// the browser (test/page.test.ts) and process (test/jobs.test.ts) tests, which test adapters
// that are not mutated; fast-check runs its default number of cases.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['test/page.test.ts', 'test/jobs.test.ts', 'src/cli/**'],
  },
});
