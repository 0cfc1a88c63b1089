/**
 * Scale, short version: the scale benchmark's pipeline (bench/scale.bench.ts: BACI-shaped yearly
 * HS6 files, ingested one year at a time, then the report and complexity) on a few small years,
 * checking results rather than times. The full version, 30 years x 10 million rows, is
 * `npx tsx bench/scale.bench.ts` (docs/reliability.md).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../src/analysis/index.ts';
import { complexityFromStore } from '../../src/analysis/complexity.ts';
import { TradeStore } from '../../src/data/index.ts';
import { generateBaciYears, type GeneratedYears } from '../../bench/scale-data.ts';
import { pick } from '../support/reliability.ts';
import { tempDir } from '../support/store.ts';

const years = pick(3, 5);
const rowsPerYear = pick(100_000, 2_000_000);

describe(`scale pipeline (${years} years x ${rowsPerYear.toLocaleString('en')} rows)`, () => {
  const dir = tempDir('karavan-scale-');
  let store: TradeStore;
  let generated: GeneratedYears;
  const ingestMs: number[] = [];

  beforeAll(async () => {
    generated = await generateBaciYears(join(dir.path, 'csv'), 2024 - years + 1, 2024, rowsPerYear);
    store = await TradeStore.open({ home: join(dir.path, 'home'), threads: 2 });
  }, 120_000);
  afterAll(() => {
    store.closeSync();
    dir.cleanup();
  });

  it('ingests every yearly file whole, and the store holds each year exactly once', async () => {
    for (const file of generated.files) {
      const started = performance.now();
      const result = await store.ingest(file.path);
      ingestMs.push(performance.now() - started);
      expect(result.status).toBe('imported');
      expect(result.dataset.rows).toBe(file.rows);
      expect(result.dataset.years).toEqual([file.year]);
    }
    // (The embedded 2021 BACI slice stays: the generated years do not cover 2021.)
    const perYear = await store.query<{ year: number; n: number }>(
      `SELECT year, count(*)::DOUBLE AS n FROM flows WHERE source = 'baci' AND year >= $1 GROUP BY year ORDER BY year`,
      [generated.files[0]!.year],
    );
    expect(perYear.map((r) => r.year)).toEqual(generated.files.map((f) => f.year));
    expect(perYear.map((r) => r.n)).toEqual(generated.files.map((f) => f.rows));
    console.log(
      `reliability: scale-short years=${years} rows=${generated.rows} ingestMs=${ingestMs.map(Math.round).join(',')}`,
    );
  }, 300_000);

  it('the report for Belarus -> Kazakhstan computes its product sections on the latest year', async () => {
    const report = await buildReport(store, { from: 'BLR', to: 'KAZ' });
    expect(report.needs.status).toBe('computed');
    expect(report.needs.year).toBe(2024);
    expect(report.potential.status).toBe('computed');
    expect(report.rivals.status).not.toBe('not computed');
    // Kazakhstan's imports in the needs section are the generated file's, to the dollar (thousands -> USD).
    const [kaz] = await store.query<{ v: number }>(
      `SELECT sum(value_usd) AS v FROM flows WHERE importer = 'KAZ' AND year = 2024`,
    );
    expect(report.needs.totalImportsUsd).toBeCloseTo(kaz!.v, -2);
  }, 180_000);

  it('complexity at HS4 and HS6 on the latest year of the store', async () => {
    for (const level of [4, 6] as const) {
      // Every location (the generated values are not a real world, so the Atlas filter keeps few of them).
      const all = await complexityFromStore(store, { year: 2024, level, allCountries: true });
      expect(all.locations.length).toBeGreaterThan(200);
      const eci = Array.from(all.result.eci).filter((x) => Number.isFinite(x));
      expect(eci.length).toBeGreaterThan(200);
      // ECI is standardised over countries: mean 0, standard deviation 1.
      const mean = eci.reduce((a, b) => a + b, 0) / eci.length;
      expect(Math.abs(mean)).toBeLessThan(1e-9);
      // By default the ranking holds the countries the Atlas filter keeps, and names every one it left out.
      const ranked = await complexityFromStore(store, { year: 2024, level });
      expect(ranked.locations.length + ranked.leftOut.length).toBe(all.locations.length);
      const rankedEci = Array.from(ranked.result.eci).filter((x) => Number.isFinite(x));
      if (rankedEci.length > 1)
        expect(Math.abs(rankedEci.reduce((a, b) => a + b, 0) / rankedEci.length)).toBeLessThan(1e-9);
    }
  }, 180_000);
});
