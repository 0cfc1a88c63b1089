/**
 * Every section command (turnover, target, needs, supply, potential, rivals, joint, surplus and
 * machinery market), run through bin/karavan.js, against figures computed in this file from the raw
 * files: the hand-made fixture (test/support/report-fixture.ts, the method note's worked example,
 * written as a BACI CSV and parsed back here) and the embedded BACI 2021 slice (gunzipped and summed
 * here). No expected value comes from Karavan's own code. The store holds both, so the 2021 world
 * is the fixture's three countries and fifty fillers plus every flow Afghanistan and South Africa export.
 * Run `npx tsc -p tsconfig.build.json` first: the launcher runs dist/.
 */
import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TradeStore } from '../../src/data/index.ts';
import { fixtureFactors, writeReportFixture } from '../support/report-fixture.ts';
import { baciCode, embeddedBaciSlice, rcaTable, readBaciRows, sumUsd, type BaciRow } from '../support/raw-sources.ts';
import { tempDir } from '../support/store.ts';

const run = promisify(execFile);
const launcher = new URL('../../bin/karavan.js', import.meta.url).pathname;
const M = 1e6;
const { BLR, KAZ, RUS, ZAF } = baciCode;

/** The five-year weights of the export potential (1..5 over 2017-2021). */
const potentialWeights: Record<number, number> = { 2017: 1, 2018: 2, 2019: 3, 2020: 4, 2021: 5 };
/** Σ w·f / Σ w: the weighted average of the fixture's year factors (0.8 in the method note's set-up). */
const weightedFactor =
  Object.entries(potentialWeights).reduce((s, [year, w]) => s + w * fixtureFactors[Number(year)]!, 0) /
  Object.values(potentialWeights).reduce((s, w) => s + w, 0);

describe('section commands against figures computed from the raw files', () => {
  const dir = tempDir();
  const home = join(dir.path, 'home');
  let rows: BaciRow[];
  let slice: BaciRow[];
  let y2021: BaciRow[];

  async function karavan(args: string[]): Promise<any> {
    const { stdout } = await run(process.execPath, [launcher, ...args, '--json'], {
      env: { ...process.env, KARAVAN_HOME: home, LANG: 'C', LC_ALL: '' },
      maxBuffer: 1 << 26,
    });
    return JSON.parse(stdout);
  }

  beforeAll(async () => {
    mkdirSync(home, { recursive: true });
    const fixtureFile = writeReportFixture(dir.path);
    const store = await TradeStore.open({ home });
    await store.ingest(fixtureFile);
    store.closeSync();
    slice = readBaciRows(embeddedBaciSlice);
    rows = [...readBaciRows(fixtureFile), ...slice];
    y2021 = rows.filter((r) => r.year === 2021);
  });
  afterAll(() => dir.cleanup());

  const flows = (from: number, to: number, product?: (code: string) => boolean) => (r: BaciRow) =>
    r.exporter === from && r.importer === to && (product === undefined || product(r.product));

  it('turnover BLR -> KAZ 2021: 60 + 55 USD m, and the share of all of KAZ 2021 imports (fixture + slice)', async () => {
    const result = await karavan(['turnover']);
    const latest = result.rows.find((r: { year: number }) => r.year === 2021);
    expect(latest.exportsUsd).toBeCloseTo(sumUsd(y2021, flows(BLR, KAZ)), 3);
    expect(latest.exportsUsd / M).toBeCloseTo(60, 6);
    expect(latest.importsUsd / M).toBeCloseTo(55, 6);
    expect(latest.turnoverUsd / M).toBeCloseTo(115, 6);
    const kazImports = sumUsd(y2021, (r) => r.importer === KAZ);
    expect(latest.shareOfImporterImports).toBeCloseTo((60 * M) / kazImports, 9);
  });

  it('turnover ZAF -> KAZ 2021: the 97 HS6 flows of the embedded slice, 11,528,359 USD', async () => {
    const zafToKaz = slice.filter(flows(ZAF, KAZ));
    expect(zafToKaz).toHaveLength(97);
    const result = await karavan(['turnover', '--from', 'ZAF', '--to', 'KAZ']);
    expect(result.latest.turnoverUsd).toBeCloseTo(sumUsd(zafToKaz), 3);
    expect(Math.round(result.latest.turnoverUsd)).toBe(11_528_359);
    const zafExports = sumUsd(slice, (r) => r.exporter === ZAF);
    expect(result.rows[0].shareOfExporterExports).toBeCloseTo(sumUsd(zafToKaz) / zafExports, 12);
  });

  it("basket ZAF -> KAZ 2021: the slice's 97 flows as a tree; KAZ -> ZAF known to be nil in this world year", async () => {
    const zafToKaz = slice.filter(flows(ZAF, KAZ));
    const result = await karavan(['basket', '--from', 'ZAF', '--to', 'KAZ', '--limit', '200']);
    expect(result.totals.exportProducts).toBe(97);
    expect(result.totals.exportsUsd).toBeCloseTo(sumUsd(zafToKaz), 3);
    // 2021 has the fixture's fifty fillers besides the slice: a world year, so no flow the other way is a zero.
    expect(result.totals.importsUsd).toBe(0);
    const top = result.rows[0];
    expect(top.product).toBe('852990');
    const kazImports852990 = sumUsd(y2021, (r) => r.importer === KAZ && r.product === '852990');
    expect(top.shareOfBuyerImports).toBeCloseTo(top.valueUsd / kazImports852990, 12);
    // The text output: each direction's total line, then the tree; the end of a pipe is no error.
    const text = await run(
      '/bin/sh',
      ['-c', `"${process.execPath}" "${launcher}" basket --from ZAF --to KAZ | head -4`],
      {
        env: { ...process.env, KARAVAN_HOME: home, LANG: 'C', LC_ALL: '' },
      },
    );
    expect(text.stderr).toBe('');
    expect(text.stdout.split('\n')[1]).toBe(
      'South Africa → Kazakhstan, 2021: 11,528.4 USD thousand, 97 products. ' +
        'The 25 largest products are listed; the group totals count every product.',
    );
  });

  it('target: from 115 USD m in 2021 to 230 by 2026 needs 2^(1/5) - 1 a year', async () => {
    const plan = await karavan(['target', '--target-usd', '230000000', '--target-year', '2026']);
    const current = sumUsd(y2021, flows(BLR, KAZ)) + sumUsd(y2021, flows(KAZ, BLR));
    expect(plan.currentUsd).toBeCloseTo(current, 3);
    expect(plan.baseYear).toBe(2021);
    expect(plan.gapUsd).toBeCloseTo(230 * M - current, 3);
    expect(plan.requiredCagr).toBeCloseTo(Math.pow((230 * M) / current, 1 / 5) - 1, 12);
  });

  it("needs: KAZ's 2021 imports from everyone; 870190 from RUS 15 and BLR 10 (HHI 0.52)", async () => {
    const result = await karavan(['needs', '--limit', '500']);
    expect(result.totalImportsUsd).toBeCloseTo(
      sumUsd(y2021, (r) => r.importer === KAZ),
      3,
    );
    const tractors = result.rows.find((r: { product: string }) => r.product === '870190');
    const bySupplier = [RUS, BLR].map((from) =>
      sumUsd(
        y2021,
        flows(from, KAZ, (p) => p === '870190'),
      ),
    );
    const total = bySupplier[0]! + bySupplier[1]!;
    expect(tractors.importsUsd).toBeCloseTo(total, 3);
    expect(tractors.hhi).toBeCloseTo((bySupplier[0]! / total) ** 2 + (bySupplier[1]! / total) ** 2, 12);
    expect(tractors.exporterShare).toBeCloseTo(bySupplier[1]! / total, 12);
    // Growth against 2016: every fixture flow scales with the year factor, 1.0 / 0.4.
    expect(tractors.growth).toBeCloseTo(Math.pow(fixtureFactors[2021]! / fixtureFactors[2016]!, 1 / 5) - 1, 12);
  });

  it('needs ZAF -> KAZ: South Africa supplies the 97 HS6 products of the slice', async () => {
    const result = await karavan(['needs', '--from', 'ZAF', '--to', 'KAZ', '--limit', '10000']);
    const supplied = result.rows.filter((r: { exporterUsd: number }) => r.exporterUsd > 0);
    const expected = new Set(slice.filter(flows(ZAF, KAZ)).map((r) => r.product));
    expect(supplied.map((r: { product: string }) => r.product).sort()).toEqual([...expected].sort());
    expect(sumUsd(supplied.map((r: { exporterUsd: number }) => ({ valueUsd: r.exporterUsd })))).toBeCloseTo(
      11_528_359,
      0,
    );
  });

  it('supply (HS4): Belarus sells 80 USD m of 8433; RCA from the 2021 world of both files', async () => {
    const result = await karavan(['supply']);
    const combines = result.rows.find((r: { product: string }) => r.product === '8433');
    const is8433 = (r: BaciRow) => r.product.startsWith('8433');
    const blrTotal = sumUsd(y2021, (r) => r.exporter === BLR);
    expect(result.totalExportsUsd).toBeCloseTo(blrTotal, 3);
    expect(combines.exportsUsd / M).toBeCloseTo(80, 6);
    expect(combines.worldExportsUsd).toBeCloseTo(sumUsd(y2021, is8433), 3);
    expect(combines.rca).toBeCloseTo((80 * M) / blrTotal / (sumUsd(y2021, is8433) / sumUsd(y2021)), 9);
  });

  it('potential: five-year weighted averages of the fixture (x 0.8): BLR -> KAZ 48 USD m, butter demand 32', async () => {
    const result = await karavan(['potential', '--limit', '10']);
    const weighted = (keep: (r: BaciRow) => boolean) =>
      Object.entries(potentialWeights).reduce(
        (s, [year, w]) => s + w * sumUsd(rows, (r) => r.year === Number(year) && keep(r)),
        0,
      ) / Object.values(potentialWeights).reduce((s, w) => s + w, 0);
    expect(weightedFactor).toBeCloseTo(0.8, 12);
    expect(result.pairExportsUsd).toBeCloseTo(weighted(flows(BLR, KAZ)), 3);
    const byProduct = Object.fromEntries(result.rows.map((r: { product: string }) => [r.product, r]));
    expect(byProduct['843351'].actualUsd).toBeCloseTo(weighted(flows(BLR, KAZ, (p) => p === '843351')), 3);
    expect(byProduct['040510'].actualUsd).toBe(0);
    expect(byProduct['040510'].demandUsd).toBeCloseTo(
      weighted((r) => r.importer === KAZ && r.product === '040510'),
      3,
    );
  });

  it('rivals 870190: Russia 15 USD m at 100,000 USD/t, Belarus 10 at 200,000 (values / tonnes of the file)', async () => {
    const result = await karavan(['rivals', '--hs', '870190']);
    const tractors = result.products[0];
    const unitValue = (from: number) => {
      const own = y2021.filter(flows(from, KAZ, (p) => p === '870190'));
      return sumUsd(own) / own.reduce((s, r) => s + r.tonnes!, 0);
    };
    expect(tractors.suppliers[0].supplier).toBe('RUS');
    expect(tractors.suppliers[0].valueUsd).toBeCloseTo(
      sumUsd(
        y2021,
        flows(RUS, KAZ, (p) => p === '870190'),
      ),
      3,
    );
    expect(tractors.suppliers[0].unitValueUsdPerTonne).toBeCloseTo(unitValue(RUS), 3);
    expect(tractors.exporter.unitValueUsdPerTonne).toBeCloseTo(unitValue(BLR), 3);
    expect(tractors.priceAdvantage).toBeCloseTo(1 - unitValue(BLR) / unitValue(RUS), 12);
  });

  it('joint (HS4): no candidate, because KAZ has RCA > 1 in every product where BLR has RCA > 1', async () => {
    const result = await karavan(['joint']);
    const { rca, products } = rcaTable(
      y2021,
      (r) => r.exporter,
      (r) => r.product.slice(0, 4),
    );
    const blrStrong = products.filter((p) => rca(BLR, p) > 1);
    expect(blrStrong.sort()).toEqual(['0405', '8433', '8701']);
    const candidates = blrStrong.filter((p) => rca(KAZ, p) <= 1);
    expect(result.status).toBe('computed');
    expect(result.rows.map((r: { product: string }) => r.product)).toEqual(candidates);
    expect(result.candidates).toBe(candidates.length);
  });

  it("surplus: butter, held by Russia, where Belarus's HS6 RCA is (20/110) / (world butter / world)", async () => {
    const result = await karavan(['surplus']);
    const butter = result.rows.find((r: { product: string }) => r.product === '040510');
    const isButter = (r: BaciRow) => r.product === '040510';
    const blrTotal = sumUsd(y2021, (r) => r.exporter === BLR);
    const blrButter = sumUsd(y2021, (r) => r.exporter === BLR && isButter(r));
    expect(butter.exporterRca).toBeCloseTo(blrButter / blrTotal / (sumUsd(y2021, isButter) / sumUsd(y2021)), 9);
    expect(butter.importsUsd).toBeCloseTo(
      sumUsd(y2021, (r) => r.importer === KAZ && isButter(r)),
      3,
    );
    expect(butter.rivalsUsd).toBeCloseTo(
      sumUsd(
        y2021,
        flows(RUS, KAZ, (p) => p === '040510'),
      ),
      3,
    );
    expect(butter.exporterShare).toBe(0);
  });

  it('machinery market 8433, 8701: KAZ imports by supplier and unit values from the file', async () => {
    const result = await karavan(['machinery', 'market', '--hs', '8433,8701']);
    const heading = (code: string) => result.products.find((p: { product: string }) => p.product === code);
    const intoKaz = (code: string) => (r: BaciRow) => r.importer === KAZ && r.product.startsWith(code);
    expect(heading('8433').importsUsd).toBeCloseTo(sumUsd(y2021, intoKaz('8433')), 3);
    expect(heading('8701').importsUsd).toBeCloseTo(sumUsd(y2021, intoKaz('8701')), 3);
    const russia = heading('8701').suppliers.find((s: { supplier: string }) => s.supplier === 'RUS');
    const russian = y2021.filter((r) => r.exporter === RUS && intoKaz('8701')(r));
    expect(russia.valueUsd).toBeCloseTo(sumUsd(russian), 3);
    expect(russia.unitValueUsdPerTonne).toBeCloseTo(sumUsd(russian) / russian.reduce((s, r) => s + r.tonnes!, 0), 3);
    expect(heading('8701').exporter.share).toBeCloseTo(
      sumUsd(y2021, (r) => r.exporter === BLR && intoKaz('8701')(r)) / sumUsd(y2021, intoKaz('8701')),
      12,
    );
  });
});
