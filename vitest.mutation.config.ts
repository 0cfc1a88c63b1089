import { defineConfig } from 'vitest/config';

// Used only by Stryker (stryker.config.json, `npm run mutation`): the tests of the mutated folders
// (src/metrics, src/analysis, src/machinery), without the CLI processes, server, browser and reliability
// tests of the integration project. `npm test` does not read this file.
// KARAVAN_MUTATION_TESTS narrows the tests to some folders, for a run over one source folder:
//   KARAVAN_MUTATION_TESTS=metrics npx stryker run --mutate 'src/metrics/**/*.ts'
// A metrics mutant is then judged by the metrics tests alone, not by the analysis tests that compute
// complexity over the whole embedded OTS table (11 s a run, and a 20 s timeout for every slow mutant).
const testFolders = (process.env.KARAVAN_MUTATION_TESTS ?? 'metrics,machinery,analysis').split(',');

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    include: testFolders.map((folder) => `test/${folder.trim()}/**/*.test.ts`),
    // Snapshots are never written during a mutation run: a mutant must not create or rewrite one.
    update: 'none',
  },
});
