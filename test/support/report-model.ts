/**
 * Report models for the renderer tests: the pair report built on the worked-example fixture
 * (test/support/report-fixture.ts), and on a store without any dataset (every statistics
 * section missing). Time stamps and store versions are fixed so snapshots do not change.
 */
import { buildReport, type ReportModel } from '../../src/analysis/index.ts';
import { writeReportFixture } from './report-fixture.ts';
import { openTempStore, tempDir } from './store.ts';

export const fixedGeneratedAt = '2024-05-01T12:00:00.000Z';

/** Removes what changes from run to run: the time stamps, the store version, the timings. */
export function deterministic(report: ReportModel): ReportModel {
  return {
    ...report,
    generatedAt: fixedGeneratedAt,
    storeVersion: 'fixture',
    timingsMs: {},
    datasets: report.datasets.map((d) => ({ ...d, importedAt: fixedGeneratedAt })),
  };
}

/** BLR -> KAZ on the worked-example fixture: every section computed. */
export async function fixtureReport(): Promise<ReportModel> {
  const dir = tempDir();
  const { store, cleanup } = await openTempStore(false);
  try {
    await store.ingest(writeReportFixture(dir.path));
    return deterministic(await buildReport(store, {}));
  } finally {
    cleanup();
    dir.cleanup();
  }
}

/** BLR -> KAZ on a store with the reference tables only: official totals, nothing else. */
export async function emptyStoreReport(): Promise<ReportModel> {
  const { store, cleanup } = await openTempStore(false);
  try {
    return deterministic(await buildReport(store, {}));
  } finally {
    cleanup();
  }
}
