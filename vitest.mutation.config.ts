import { defineConfig } from 'vitest/config';

// Used only by Stryker (stryker.config.json, `npm run mutation`): the tests that exercise the mutated
// folders (src/metrics, src/analysis, src/machinery), without the CLI processes, server, browser and
// reliability tests of the integration project, which would multiply every mutant's run time without
// reaching code the unit tests do not already reach. `npm test` does not read this file.
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    include: ['test/metrics/**/*.test.ts', 'test/machinery/**/*.test.ts', 'test/analysis/**/*.test.ts'],
    // Snapshots are never written during a mutation run: a mutant must not create or rewrite one.
    update: 'none',
  },
});
