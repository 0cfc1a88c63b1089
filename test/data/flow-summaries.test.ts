/**
 * The flow summaries written at ingest:
 * - pair totals (pairs/…, the `pair_totals` view) are exactly the flows summed by year and pair;
 * - world exports (world-exports/…, the `world_exports` view) are exactly the flows summed over
 *   partners by year, exporter and product, with self-trade and the WLD partner left out;
 * both for live datasets only. A store written before they existed gets the same answers by
 * aggregating on the fly, and the queries that read them answer as the flows did.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TradeStore, exportMatrix, exporterWorldSales } from '../../src/data/index.ts';
import { writeBaciLike } from '../support/generate.ts';
import { tempDir, writeTemp } from '../support/store.ts';

const pairsFromFlows = `SELECT year, exporter, importer, coalesce(reporter, '') AS reporter, source, dataset_id, count(*)::DOUBLE AS n, round(sum(value_usd), 3) AS v
                          FROM flows GROUP BY ALL ORDER BY ALL`;
const fromPairs = `SELECT year, exporter, importer, coalesce(reporter, '') AS reporter, source, dataset_id, flow_count::DOUBLE AS n, round(value_usd, 3) AS v
                     FROM pair_totals ORDER BY ALL`;
const fromFlows = `SELECT year, exporter, product, source, dataset_id, count(*)::DOUBLE AS n, round(sum(value_usd), 3) AS v, round(sum(qty_tonnes), 6) AS q,
                          round(sum(value_usd) FILTER (WHERE qty_tonnes > 0), 3) AS vq
                     FROM flows WHERE importer <> exporter AND importer <> 'WLD' GROUP BY ALL ORDER BY ALL`;
const fromSummary = `SELECT year, exporter, product, source, dataset_id, flow_count::DOUBLE AS n, round(value_usd, 3) AS v, round(qty_tonnes, 6) AS q, round(value_with_qty_usd, 3) AS vq
                       FROM world_exports ORDER BY ALL`;

/** A UN Comtrade file (the short current header) of Kazakhstan's 2020 exports: to partners, to World, and one to itself. */
function comtradeWithWorld(dir: string): string {
  const lines = [
    'freqCode,refYear,reporterCode,flowCode,partnerCode,classificationCode,cmdCode,cmdDesc,primaryValue,netWgt',
  ];
  lines.push('A,2020,398,X,112,H5,100199,wheat,1000,2000000');
  lines.push('A,2020,398,X,643,H5,100199,wheat,3000,5000000');
  lines.push('A,2020,398,X,0,H5,100199,wheat,4500,7500000');
  lines.push('A,2020,398,X,398,H5,100199,wheat,77,1000');
  lines.push('A,2020,398,X,643,H5,870190,tractors,250,');
  return writeTemp(dir, 'comtrade-kaz-2020.csv', `${lines.join('\r\n')}\r\n`);
}

describe('flow summaries', () => {
  const dir = tempDir();
  const home = join(dir.path, 'home');
  let store: TradeStore;

  beforeAll(async () => {
    store = await TradeStore.open({ home, threads: 2 });
    // Several years in one file, then a one-year file of the same exporters that supersedes one of
    // them, then a Comtrade file with a World partner and self-trade.
    const multi = join(dir.path, 'BACI_HS92_multi.csv');
    await writeBaciLike(multi, 12_000, { yearsFirst: true });
    await store.ingest(multi);
    await store.ingest(
      writeTemp(
        dir.path,
        'BACI_HS92_Y2021_new.csv',
        '"t","i","j","k","v","q"\n2021,4,398,010121,1.5,2\n2021,710,398,010121,2.25,NA\n2021,710,112,870190,10,1\n2021,710,710,870190,99,1\n',
      ),
    );
    await store.ingest(comtradeWithWorld(dir.path));
  }, 120_000);
  afterAll(() => {
    store.closeSync();
    dir.cleanup();
  });

  it('pair totals equal the flows summed by year and pair, superseded years left out', async () => {
    const pairs = await store.query(fromPairs);
    expect(pairs).toEqual(await store.query(pairsFromFlows));
    // 2021 is the one-year file's alone: its four flows, self-trade included (turnover needs every pair).
    const [y2021] = await store.query<{ n: number }>(
      `SELECT sum(flow_count)::DOUBLE AS n FROM pair_totals WHERE year = 2021 AND source = 'baci'`,
    );
    expect(y2021!.n).toBe(4);
    expect(pairs.length).toBeGreaterThanOrEqual(5);
  });

  it('world exports equal the flows summed over partners, without self-trade, WLD or superseded years', async () => {
    const summary = await store.query(fromSummary);
    expect(summary).toEqual(await store.query(fromFlows));
    expect(summary.length).toBeGreaterThan(100);
    // 2021 is the one-year file's alone (BACI values are thousands of USD): 1.5 from AFG, 2.25 + 10
    // from ZAF (its 99 to itself left out).
    const y2021 = await store.query<{ exporter: string; v: number; n: number }>(
      `SELECT exporter, sum(value_usd) AS v, sum(flow_count)::DOUBLE AS n FROM world_exports WHERE year = 2021 AND source = 'baci' GROUP BY exporter ORDER BY exporter`,
    );
    expect(y2021).toEqual([
      { exporter: 'AFG', v: 1500, n: 1 },
      { exporter: 'ZAF', v: 12_250, n: 2 },
    ]);
    // Comtrade: the World row (4,500) and the self-trade row (77) are not sales to partners.
    const kaz = await store.query<{ product: string; v: number; q: number | null; vq: number | null }>(
      `SELECT product, value_usd AS v, qty_tonnes AS q, value_with_qty_usd AS vq FROM world_exports WHERE exporter = 'KAZ' ORDER BY product`,
    );
    expect(kaz).toEqual([
      { product: '100199', v: 4000, q: 7000, vq: 4000 },
      { product: '870190', v: 250, q: null, vq: null },
    ]);
  });

  it('world exports give the export matrix and the unit-value sales the flows gave', async () => {
    const matrix = await exportMatrix(store, { year: 2020, level: 4, source: 'flows:baci' });
    const cells = await store.query<{ exporter: string; product: string; v: number }>(
      `SELECT exporter, substr(product, 1, 4) AS product, sum(value_usd) AS v FROM flows
        WHERE year = 2020 AND source = 'baci' AND exporter <> 'WLD' AND importer <> 'WLD' AND importer <> exporter GROUP BY ALL HAVING sum(value_usd) > 0`,
    );
    expect(cells.length).toBeGreaterThan(10);
    for (const c of cells) {
      const got =
        matrix.valuesUsd[
          matrix.locations.indexOf(c.exporter) * matrix.products.length + matrix.products.indexOf(c.product)
        ]!;
      expect(got).toBeCloseTo(c.v, 6);
    }
    expect(matrix.valuesUsd.reduce((a, b) => a + b, 0)).toBeCloseTo(
      cells.reduce((a, c) => a + c.v, 0),
      3,
    );
    const sales = await exporterWorldSales(store, {
      exporter: 'KAZ',
      importer: 'BLR',
      products: ['1001', '8701'],
      level: 4,
      years: [2020],
      source: 'comtrade',
    });
    expect(sales.sort((a, b) => a.product.localeCompare(b.product))).toEqual([
      { product: '1001', year: 2020, valueUsd: 4000, qtyTonnes: 7000, valueWithQtyUsd: 4000 },
      { product: '8701', year: 2020, valueUsd: 250, qtyTonnes: null, valueWithQtyUsd: 0 },
    ]);
  });

  it('a store from before the summary files gets the same totals from its flows', async () => {
    const before = [await store.query(fromPairs), await store.query(fromSummary)];
    store.closeSync();
    const manifestPath = join(home, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
      datasets: Array<{ pairFiles?: string[]; worldExportFiles?: string[] }>;
    };
    for (const d of manifest.datasets) {
      for (const f of [...(d.pairFiles ?? []), ...(d.worldExportFiles ?? [])]) rmSync(join(home, f));
      delete d.pairFiles;
      delete d.worldExportFiles;
    }
    writeFileSync(manifestPath, JSON.stringify(manifest));
    store = await TradeStore.open({ home, threads: 2 });
    expect([await store.query(fromPairs), await store.query(fromSummary)]).toEqual(before);
  });
});
