/**
 * The real BACI slice in the embedded data (every 2021 flow exported by Afghanistan or South
 * Africa): South Africa -> Kazakhstan gives a turnover monitor with the direction the slice
 * cannot know (Kazakhstan's exports) left unknown, not zero; Afghanistan's supply is computed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exporterSupply, importerNeeds, jointProduction, turnover } from '../../src/analysis/index.ts';
import type { TradeStore } from '../../src/data/index.ts';
import { baciCode, embeddedBaciSlice, rcaTable, readBaciRows, readOtsRows, sumUsd } from '../support/raw-sources.ts';
import { openTempStore } from '../support/store.ts';

describe('the embedded BACI slice', () => {
  let store: TradeStore;
  let cleanup: () => void;
  beforeAll(async () => ({ store, cleanup } = await openTempStore(true)));
  afterAll(() => cleanup());

  it('South Africa -> Kazakhstan: exports known, the reverse unknown, shares only where the data holds the totals', async () => {
    const result = await turnover(store, { exporter: 'ZAF', importer: 'KAZ' });
    expect(result.status).toBe('partial');
    const [row] = result.rows;
    expect(row).toMatchObject({
      year: 2021,
      source: 'baci',
      reporter: null,
      importsUsd: null,
      turnoverUsd: null,
      shareOfImporterImports: null,
    });
    // Both figures summed here from the gzipped CSV: the 97 ZAF -> KAZ flows and every ZAF flow.
    const slice = readBaciRows(embeddedBaciSlice);
    const toKazakhstan = sumUsd(slice, (r) => r.exporter === baciCode.ZAF && r.importer === baciCode.KAZ);
    const allExports = sumUsd(slice, (r) => r.exporter === baciCode.ZAF);
    expect(row!.exportsUsd! / 1e6).toBeCloseTo(11.528359, 5);
    expect(row!.exportsUsd!).toBeCloseTo(toKazakhstan, 3);
    expect(row!.shareOfExporterExports!).toBeCloseTo(toKazakhstan / allExports, 12);
    expect(result.latest).toBeNull();
  });

  it('joint production BLR -> KAZ on the OTS 2017 table: every candidate passes the RCA screen worked out here', async () => {
    // Over every country, as the RCA worked out here (the Atlas set is checked in 'complexity from the store').
    const result = await jointProduction(store, { exporter: 'BLR', importer: 'KAZ', level: 4, allCountries: true });
    // Partial: demand is world trade, Kazakhstan's own imports are not in the embedded data.
    expect(result.status).toBe('partial');
    expect(result.source).toBe('ots');
    expect(result.year).toBe(2017);
    const ots = readOtsRows();
    const { rca } = rcaTable(
      ots,
      (r) => r.iso3,
      (r) => r.product,
    );
    expect(result.rows.length).toBeGreaterThan(5);
    for (const row of result.rows) {
      expect(row.exporterRca, row.product).toBeCloseTo(rca('BLR', row.product), 9);
      expect(row.importerRca, row.product).toBeCloseTo(rca('KAZ', row.product), 9);
      expect(rca('BLR', row.product), row.product).toBeGreaterThan(1);
      expect(rca('KAZ', row.product), row.product).toBeLessThanOrEqual(1);
    }
  });

  it("Afghanistan's supply: exports by product with RCA from the 2017 world table", async () => {
    const result = await exporterSupply(store, { exporter: 'AFG' });
    expect(result.status).toBe('computed');
    expect(result.rows.length).toBeGreaterThan(10);
    expect(result.rows[0]!.exportsUsd).toBeGreaterThan(result.rows[1]!.exportsUsd);
    expect(result.rows.every((r) => r.rca >= 0)).toBe(true);
  });
});

describe("the world context when the importer's imports are missing", () => {
  let store: TradeStore;
  let cleanup: () => void;
  beforeAll(async () => ({ store, cleanup } = await openTempStore(true)));
  afterAll(() => cleanup());

  it('leaves out what Kazakhstan itself exports competitively (crude oil first), by an RCA computed here', async () => {
    const needs = await importerNeeds(store, { exporter: 'BLR', importer: 'KAZ', limit: 25 });
    expect(needs.status).toBe('missing');
    const world = needs.worldDemand!;
    const { rca } = rcaTable(
      readOtsRows(),
      (r) => r.iso3,
      (r) => r.product,
    );
    expect(world.importerExportsLeftOut[0]).toBe('2709');
    for (const code of world.importerExportsLeftOut) expect(rca('KAZ', code), code).toBeGreaterThanOrEqual(1);
    for (const row of world.rows) expect(rca('KAZ', row.product), row.product).toBeLessThan(1);
    expect(world.rows).toHaveLength(25);
  });
});

describe('complexity from the store', () => {
  it('computes the 2017 HS4 year from the embedded world table, and says what is missing for another year', async () => {
    const { complexityFromStore } = await import('../../src/analysis/complexity.ts');
    const { store, cleanup } = await openTempStore(true);
    try {
      const y = await complexityFromStore(store, { year: 2017, level: 4 });
      expect(y.source).toBe('ots');
      // The Atlas filter: 142 of the 224 OTS locations have at least 1 M people and 1 bn USD of exports.
      expect(y.locations).toHaveLength(142);
      expect(y.leftOut).toHaveLength(82);
      expect(y.leftOut.find((x) => x.iso3 === 'BVT')?.reason).toBe('no-population');
      expect(y.leftOut.find((x) => x.iso3 === 'LUX')?.reason).toBe('population');
      const every = await complexityFromStore(store, { year: 2017, level: 4, allCountries: true });
      expect(every.locations).toHaveLength(224);
      expect(every.leftOut).toEqual([]);
      const top = [...y.result.eci.keys()]
        .sort((a, b) => y.result.eci[b]! - y.result.eci[a]!)
        .slice(0, 3)
        .map((r) => y.locations[r]);
      expect(top).toContain('JPN');
      await expect(complexityFromStore(store, { year: 2019 })).rejects.toMatchObject({
        code: 'KRV_STORE_MISSING_DATA',
      });
    } finally {
      cleanup();
    }
  });
});
