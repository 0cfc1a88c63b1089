import { defineConfig } from 'vitest/config';

// Two projects: `unit` (pure metrics, machinery, analysis and report tests; `npm run test:unit`, seconds) and
// `integration` (store, readers, CLI processes, server, browser, reliability). `vitest run` runs both.
const unit = [
  'test/metrics/**/*.test.ts',
  'test/machinery/**/*.test.ts',
  'test/analysis/**/*.test.ts',
  'test/report/**/*.test.ts',
  'test/*.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // DuckDB and the browser tests use both cores; files run in forks so a native crash stays contained.
    pool: 'forks',
    // A missing or different snapshot fails on every machine; vitest's default ('new' outside CI) would
    // write a deleted snapshot and pass. Snapshots are written only when asked for: `vitest run -u`.
    update: 'none',
    reporters: ['default', './test/support/summary-reporter.ts'],
    projects: [
      { extends: true, test: { name: 'unit', include: unit } },
      { extends: true, test: { name: 'integration', include: ['test/**/*.test.ts'], exclude: unit } },
    ],
  },
});
