/**
 * The pair totals written at ingest (pairs/…, the `pair_totals` view) are exactly the flows
 * summed by year and pair, for live datasets only; a store written before they existed gets the
 * same answer by aggregating on the fly.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TradeStore } from '../../src/data/index.ts';
import { writeBaciLike } from '../support/generate.ts';
import { tempDir, writeTemp } from '../support/store.ts';

const fromFlows = `SELECT year, exporter, importer, coalesce(reporter, '') AS reporter, source, dataset_id, count(*)::DOUBLE AS n, round(sum(value_usd), 3) AS v
                     FROM flows GROUP BY ALL ORDER BY ALL`;
const fromPairs = `SELECT year, exporter, importer, coalesce(reporter, '') AS reporter, source, dataset_id, flow_count::DOUBLE AS n, round(value_usd, 3) AS v
                     FROM pair_totals ORDER BY ALL`;

describe('pair totals', () => {
  const dir = tempDir();
  const home = join(dir.path, 'home');
  let store: TradeStore;

  beforeAll(async () => {
    store = await TradeStore.open({ home, threads: 2 });
    // Several years in one file, then a one-year file of the same exporters that supersedes one of them.
    const multi = join(dir.path, 'BACI_HS92_multi.csv');
    await writeBaciLike(multi, 12_000, { yearsFirst: true });
    await store.ingest(multi);
    await store.ingest(writeTemp(dir.path, 'BACI_HS92_Y2021_new.csv', '"t","i","j","k","v","q"\n2021,4,398,010121,1.5,2\n2021,710,398,010121,2.25,NA\n2021,710,112,870190,10,1\n'));
  }, 120_000);
  afterAll(() => {
    store.closeSync();
    dir.cleanup();
  });

  it('equal the flows summed by year and pair, superseded years left out', async () => {
    const pairs = await store.query(fromPairs);
    expect(pairs).toEqual(await store.query(fromFlows));
    const [y2021] = await store.query<{ n: number }>(`SELECT sum(flow_count)::DOUBLE AS n FROM pair_totals WHERE year = 2021`);
    expect(y2021!.n).toBe(3);
    expect(pairs.length).toBeGreaterThanOrEqual(5);
  });

  it('a store from before pair files gets the same totals from its flows', async () => {
    const before = await store.query(fromPairs);
    store.closeSync();
    const manifestPath = join(home, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { datasets: Array<{ pairFiles?: string[] }> };
    for (const d of manifest.datasets) {
      for (const f of d.pairFiles ?? []) rmSync(join(home, f));
      delete d.pairFiles;
    }
    writeFileSync(manifestPath, JSON.stringify(manifest));
    store = await TradeStore.open({ home, threads: 2 });
    expect(await store.query(fromPairs)).toEqual(before);
  });
});
