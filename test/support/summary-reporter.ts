/**
 * Prints one plain closing line, "vitest: N passed, N failed, N skipped", after the default
 * reporter's summary, so that CI logs state the count in a form any tool can read. A file that
 * failed outside its tests (a throwing beforeAll, an import error) counts as one failure, as does
 * each unhandled error: its skipped tests must never read as "0 failed".
 */
import type { Reporter, SerializedError, TestModule } from 'vitest/node';

export function summarise(
  testModules: ReadonlyArray<TestModule>,
  unhandledErrors: ReadonlyArray<SerializedError> = [],
): { passed: number; failed: number; skipped: number } {
  let passed = 0;
  let failed = unhandledErrors.length;
  let skipped = 0;
  for (const module of testModules) {
    let failedInModule = 0;
    for (const test of module.children.allTests()) {
      const state = test.result().state;
      if (state === 'passed') passed++;
      else if (state === 'failed') failedInModule++;
      else skipped++;
    }
    if (module.state() === 'failed' && failedInModule === 0) failedInModule = 1;
    failed += failedInModule;
  }
  return { passed, failed, skipped };
}

export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>): void {
    const { passed, failed, skipped } = summarise(testModules, unhandledErrors);
    process.stdout.write(`\nvitest: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
