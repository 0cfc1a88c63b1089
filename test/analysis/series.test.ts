/** Time series per product: every year of the source, summed here from the raw fixture file, not by the core. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exporterSupply, importerNeeds } from '../../src/analysis/index.ts';
import type { TradeStore } from '../../src/data/index.ts';
import { readBaciRows } from '../support/raw-sources.ts';
import { writeReportFixture } from '../support/report-fixture.ts';
import { openTempStore } from '../support/store.ts';

describe('series per product', () => {
  let store: TradeStore;
  let cleanup: () => void;
  let file = '';
  beforeAll(async () => {
    let home: string;
    ({ store, home, cleanup } = await openTempStore(false));
    file = writeReportFixture(home);
    await store.ingest(file);
  });
  afterAll(() => cleanup());

  it("supply: each shown product's exports in every year of the source, 0 where none", async () => {
    const result = await exporterSupply(store, { exporter: 'BLR', level: 4, limit: 5 });
    expect(result.status).toBe('computed');
    const rows = readBaciRows(file).filter((r) => r.exporter === 112 && r.importer !== 112);
    const years = [...new Set(readBaciRows(file).map((r) => r.year))].sort((a, b) => a - b);
    for (const row of result.rows) {
      expect(row.series.map((p) => p.year)).toEqual(years.filter((y) => y <= result.year!));
      for (const point of row.series) {
        const expected = rows
          .filter((r) => r.year === point.year && r.product.startsWith(row.product))
          .reduce((s, r) => s + r.valueUsd, 0);
        expect(point.valueUsd, `${row.product} ${point.year}`).toBeCloseTo(expected, 3);
      }
      expect(row.series.at(-1)!.valueUsd).toBeCloseTo(row.exportsUsd, 3);
    }
  });

  it("needs: each shown product's imports by the importer in every year of the source, 0 where none", async () => {
    const result = await importerNeeds(store, { exporter: 'BLR', importer: 'KAZ', level: 6, limit: 5 });
    expect(result.status).toBe('computed');
    const rows = readBaciRows(file).filter((r) => r.importer === 398 && r.exporter !== 398);
    const years = [...new Set(rows.map((r) => r.year))].filter((y) => y <= result.year!).sort((a, b) => a - b);
    expect(years.length).toBeGreaterThan(1);
    for (const row of result.rows) {
      expect(row.series.map((p) => p.year)).toEqual(years);
      for (const point of row.series) {
        const expected = rows
          .filter((r) => r.year === point.year && r.product === row.product)
          .reduce((sum, r) => sum + r.valueUsd, 0);
        expect(point.valueUsd, `${row.product} ${point.year}`).toBeCloseTo(expected, 3);
      }
      expect(row.series.at(-1)!.valueUsd).toBeCloseTo(row.importsUsd, 3);
    }
  });
});
