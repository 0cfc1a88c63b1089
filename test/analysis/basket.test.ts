/**
 * The pair's trade basket: on the real BACI slice (ZAF -> KAZ 2021, summed here from the raw file), on the
 * hand-checked fixture (both directions, growth, the buyer's imports), and on a small Comtrade file in
 * which both sides report (the mirror).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMessage } from '../../src/messages/index.ts';
import { basketTree, buildReport, tradeBasket, type BasketResult } from '../../src/analysis/index.ts';
import type { TradeStore } from '../../src/data/index.ts';
import { embeddedBaciSlice, readBaciRows } from '../support/raw-sources.ts';
import { fixtureStore, openTempStore, tempDir, writeTemp } from '../support/store.ts';

/** Every group total equals the sum of the products under it, and each product sits under its own codes. */
function checkTree(result: BasketResult, direction: 'exports' | 'imports') {
  const rows = result.rows.filter((r) => r.direction === direction);
  for (const g of result.groups.filter((x) => x.direction === direction)) {
    const under = rows.filter((r) =>
      g.level === 'section'
        ? r.section === g.code
        : g.level === 'chapter'
          ? r.chapter === g.code
          : r.heading === g.code,
    );
    expect(g.valueUsd, `${g.level} ${g.code}`).toBeCloseTo(
      under.reduce((s, r) => s + r.valueUsd, 0),
      6,
    );
    expect(g.products, `${g.level} ${g.code}`).toBe(under.length);
  }
  const lines = basketTree(result, direction);
  expect(lines.filter((l) => l.kind === 'product').map((l) => l.code)).toEqual(
    expect.arrayContaining(rows.map((r) => r.product)),
  );
  expect(lines.filter((l) => l.kind === 'product')).toHaveLength(rows.length);
  // A product line follows its heading line, which follows its chapter, which follows its section.
  const stack: string[] = [];
  for (const line of lines) {
    stack[line.depth] = line.code;
    if (line.kind === 'product') {
      const row = line.row!;
      expect([stack[0], stack[1], stack[2]]).toEqual([row.section, row.chapter, row.heading]);
    }
  }
}

describe('trade basket on the real BACI slice', () => {
  let store: TradeStore;
  let cleanup: () => void;
  beforeAll(async () => {
    ({ store, cleanup } = await openTempStore());
  });
  afterAll(() => cleanup());

  it('ZAF -> KAZ 2021: the 97 HS6 flows of the raw file, led by 852990, 11,528,359 USD', async () => {
    const raw = readBaciRows(embeddedBaciSlice).filter(
      (r) => r.year === 2021 && r.exporter === 710 && r.importer === 398,
    );
    const byProduct = new Map<string, number>();
    for (const r of raw) byProduct.set(r.product, (byProduct.get(r.product) ?? 0) + r.valueUsd);
    expect(byProduct.size).toBe(97);
    const basket = await tradeBasket(store, { exporter: 'ZAF', importer: 'KAZ' });
    expect(basket.year).toBe(2021);
    expect(basket.source).toBe('baci');
    expect(basket.totals.exportProducts).toBe(97);
    expect(Math.round(basket.totals.exportsUsd!)).toBe(11_528_359);
    expect(basket.rows[0]!.product).toBe('852990');
    for (const r of basket.rows) expect(r.valueUsd).toBeCloseTo(byProduct.get(r.product)!, 3);
    // The slice holds no Kazakh exports: the reverse direction is unknown, not zero.
    expect(basket.totals.importsUsd).toBeNull();
    expect(basket.status).toBe('partial');
    expect(formatMessage(basket.missing!, 'en')).toContain(
      'Kazakhstan → South Africa flows are not in the store for 2021',
    );
    // Two exporters are no world: Kazakhstan's imports of a product from all partners are not known.
    expect(basket.rows.every((r) => r.shareOfBuyerImports === null)).toBe(true);
    checkTree(basket, 'exports');
  });

  it('keeps the largest products under a limit, the group totals still count every product', async () => {
    const basket = await tradeBasket(store, { exporter: 'ZAF', importer: 'KAZ', limit: 5 });
    expect(basket.rows.map((r) => r.product)).toHaveLength(5);
    const section = basket.groups.filter((g) => g.level === 'section');
    expect(section.reduce((s, g) => s + g.valueUsd, 0)).toBeCloseTo(11_528_359, 0);
    expect(section.reduce((s, g) => s + g.products, 0)).toBe(97);
  });

  it('says what to ingest for a pair without flows, and names the years it has for another year', async () => {
    const none = await tradeBasket(store, { exporter: 'BLR', importer: 'KAZ' });
    expect(none.status).toBe('missing');
    expect(none.rows).toEqual([]);
    expect(formatMessage(none.missing!, 'en')).toMatch(
      /^product-level flows between Belarus and Kazakhstan: download a CEPII BACI release/,
    );
    const otherYear = await tradeBasket(store, { exporter: 'ZAF', importer: 'KAZ', year: 2019 });
    expect(otherYear.status).toBe('missing');
    expect(formatMessage(otherYear.missing!, 'en')).toContain(
      'product-level flows between South Africa and Kazakhstan for 2019 (the store has 2021)',
    );
  });

  it('is the report section after turnover, and the coverage table shows its own status', async () => {
    const report = await buildReport(store, { from: 'ZAF', to: 'KAZ', year: 2021 });
    expect(report.basket.totals.exportProducts).toBe(97);
    expect(report.coverage.sections.map((s) => s.section).slice(0, 3)).toEqual(['turnover', 'basket', 'needs']);
    const row = report.coverage.sections.find((s) => s.section === 'basket')!;
    expect([row.status, row.basis]).toEqual([report.basket.status, report.basket.basis]);
  });
});

describe('trade basket on the fixture (both directions, a world year)', () => {
  const fixture = fixtureStore({ embedded: false });

  it('BLR <-> KAZ 2021: both directions, series 2016-2021, growth and the buyer-import shares by hand', async () => {
    const basket = await tradeBasket(fixture.store, { exporter: 'BLR', importer: 'KAZ' });
    expect(basket.status).toBe('computed');
    expect(basket.years).toEqual([2016, 2017, 2018, 2019, 2020, 2021]);
    // BLR -> KAZ: combines 50, tractors 10 (USD m); KAZ -> BLR: combines 5, tractors 40, butter 10.
    expect(basket.totals).toEqual({ exportsUsd: 60e6, importsUsd: 55e6, exportProducts: 2, importProducts: 3 });
    const combines = basket.rows.find((r) => r.direction === 'exports' && r.product === '843351')!;
    expect(combines.series.map((p) => p.valueUsd / 1e6)).toEqual([20, 25, 30, 35, 40, 50]);
    expect(combines.growth).toBeCloseTo(Math.pow(50 / 20, 1 / 5) - 1, 12);
    expect(combines.growthStartYear).toBe(2016);
    // Kazakhstan's 2021 combine imports: 50 from Belarus and nothing from Russia in the fixture.
    const raw = readBaciRows(fixture.fixtureFile).filter(
      (r) => r.year === 2021 && r.importer === 398 && r.product === '843351',
    );
    expect(combines.shareOfBuyerImports).toBeCloseTo(50e6 / raw.reduce((s, r) => s + r.valueUsd, 0), 12);
    // Butter, KAZ -> BLR: Belarus buys 10 from Kazakhstan and 30 from Russia.
    const butter = basket.rows.find((r) => r.direction === 'imports' && r.product === '040510')!;
    expect(butter.shareOfBuyerImports).toBeCloseTo(10 / 40, 12);
    checkTree(basket, 'exports');
    checkTree(basket, 'imports');
    const exportsOnly = await tradeBasket(fixture.store, { exporter: 'BLR', importer: 'KAZ', direction: 'exports' });
    expect(exportsOnly.rows.every((r) => r.direction === 'exports')).toBe(true);
    expect(exportsOnly.totals.exportsUsd).toBe(60e6);
  });

  it('a group as partner: BLR -> EAEU sums Kazakhstan and Russia', async () => {
    const basket = await tradeBasket(fixture.store, { exporter: 'BLR', importer: 'EAEU', level: 4 });
    expect(basket.totals.exportsUsd).toBeCloseTo((50 + 10 + 30 + 20) * 1e6, 3);
    expect(basket.rows.find((r) => r.product === '8433')!.valueUsd).toBeCloseTo(80e6, 3);
  });
});

describe('trade basket from a Comtrade file in which both sides report', () => {
  let store: TradeStore;
  let cleanup: () => void;
  const dir = tempDir();
  beforeAll(async () => {
    ({ store, cleanup } = await openTempStore(false));
    const lines = [
      'refYear,reporterCode,flowCode,partnerCode,cmdCode,primaryValue',
      '2020,112,X,398,843351,1000', // Belarus reports its combine exports to Kazakhstan...
      '2020,398,M,112,843351,1100', // ...and Kazakhstan its imports of them (CIF)
      '2020,398,M,0,843351,5000', // Kazakhstan's combine imports from the World
      '2021,112,X,398,843351,1500',
      '2021,398,M,112,843351,1650',
      '2021,398,M,0,843351,6000',
      '2021,398,X,112,100190,300', // wheat, reported by Kazakhstan only
    ];
    await store.ingest(writeTemp(dir.path, 'comtrade.csv', lines.join('\n') + '\n'));
  });
  afterAll(() => {
    cleanup();
    dir.cleanup();
  });

  it("shows each side's figure, takes the buyer's, and its share of the buyer's own total", async () => {
    const basket = await tradeBasket(store, { exporter: 'BLR', importer: 'KAZ' });
    expect(basket.source).toBe('comtrade');
    const combines = basket.rows.find((r) => r.product === '843351')!;
    expect([combines.reportedBySellerUsd, combines.reportedByBuyerUsd, combines.valueUsd]).toEqual([1500, 1650, 1650]);
    expect(combines.shareOfBuyerImports).toBeCloseTo(1650 / 6000, 12);
    expect(combines.growth).toBeCloseTo(1650 / 1100 - 1, 12);
    const wheat = basket.rows.find((r) => r.product === '100190')!;
    expect([wheat.direction, wheat.reportedBySellerUsd, wheat.reportedByBuyerUsd, wheat.valueUsd]).toEqual([
      'imports',
      300,
      null,
      300,
    ]);
    expect(basket.totals.importsUsd).toBe(300);
  });
});
