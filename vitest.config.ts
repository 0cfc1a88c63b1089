import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // DuckDB and the browser tests use both cores; files run in forks so a native crash stays contained.
    pool: 'forks',
    reporters: ['default', './test/support/summary-reporter.ts'],
  },
});
