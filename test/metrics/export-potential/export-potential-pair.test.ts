import { describe, expect, it } from 'vitest';
import { InvalidOptionError } from '../../../src/errors.ts';
import {
  ExportPotentialFlag,
  aggregatePotentialByKey,
  exportPotentialAllPairs,
  exportPotentialPair,
  importGrowthFactor,
  marketTariffAdvantage,
  prepareExportPotential,
} from '../../../src/metrics/index.ts';
import { USD_M, flowsOf, workedExampleDims, workedExampleFlows, workedExampleTable } from './fixtures.ts';

const A = 0;
const B = 1;
const C = 2;

/** Method note §5, step 4: [exporter, importer, product, actual, P̂, untapped, realized %]. */
const expected: readonly [number, number, number, number, number, number, number][] = [
  [A, B, 0, 50, 39.71, 0, 100],
  [A, B, 1, 10, 8.14, 0, 100],
  [A, B, 2, 0, 8.64, 8.64, 0],
  [A, C, 0, 30, 33.6, 3.6, 89.3],
  [A, C, 1, 0, 5.38, 5.38, 0],
  [A, C, 2, 20, 14.19, 0, 100],
  [B, A, 0, 5, 9.87, 4.87, 50.6],
  [B, A, 1, 40, 36.59, 0, 100],
  [B, A, 2, 10, 6.29, 0, 100],
  [B, C, 0, 10, 6.4, 0, 100],
  [B, C, 1, 60, 54.62, 0, 100],
  [B, C, 2, 5, 10.81, 5.81, 46.3],
  [C, A, 0, 20, 15.13, 0, 100],
  [C, A, 1, 5, 8.41, 3.41, 59.5],
  [C, A, 2, 30, 33.71, 3.71, 89.0],
  [C, B, 0, 0, 10.29, 10.29, 0],
  [C, B, 1, 15, 16.86, 1.86, 88.9],
  [C, B, 2, 40, 31.36, 0, 100],
];

const pairs = [
  [A, B],
  [A, C],
  [B, A],
  [B, C],
  [C, A],
  [C, B],
] as const;

describe('exportPotentialPair: method note §5 worked example', () => {
  const model = prepareExportPotential(workedExampleFlows(), workedExampleDims);

  it('reproduces all 18 rows of P̂, untapped and realized %', () => {
    for (const [i, j, k, actual, potential, untapped, realizedPct] of expected) {
      const pair = exportPotentialPair(model, i, j);
      const r = Array.from(pair.rows.productIndex).indexOf(k);
      expect(r, `${i}->${j} p${k + 1} present`).toBeGreaterThanOrEqual(0);
      const rows = pair.rows;
      expect(rows.actualUsd[r]! / USD_M).toBe(actual);
      expect(rows.potentialUsd[r]! / USD_M).toBeCloseTo(potential, 2);
      expect(rows.untappedUsd[r]! / USD_M).toBeCloseTo(untapped, 2);
      expect((100 * rows.realizedUsd[r]!) / rows.potentialUsd[r]!).toBeCloseTo(realizedPct, 1);
    }
  });

  it('reproduces the ease values of step 2 and the expected trade E_ij', () => {
    const ease = { AB: 1.354, AC: 1.344, BA: 1.262, BC: 1.365, CA: 1.45, CB: 1.403 };
    const expectedTrade = { AB: 44.32, AC: 37.2, BA: 43.59, BC: 54.94, CA: 37.94, CB: 39.21 };
    for (const [i, j] of pairs) {
      const name = `${'ABC'[i]}${'ABC'[j]}` as keyof typeof ease;
      const pair = exportPotentialPair(model, i, j);
      expect(pair.ease, name).toBeCloseTo(ease[name], 3);
      expect(pair.expectedTradeUsd / USD_M, name).toBeCloseTo(expectedTrade[name], 2);
      // X_ij, the pair's exports, summed from the note's flow table (A->B: 50 + 10 + 0 = 60).
      const pairExports = workedExampleTable
        .find(([from, to]) => from === i && to === j)![2]
        .reduce((a, b) => a + b, 0);
      expect(pair.pairExportsUsd / USD_M, name).toBe(pairExports);
      expect(pair.pairFlags).toBe(0);
    }
  });

  it('reproduces the step 1 supply shares and the step 3 raw potentials', () => {
    const ab = exportPotentialPair(model, A, B);
    expect(Array.from(ab.rows.supplyShare, (s) => Number(s.toFixed(4)))).toEqual([0.6957, 0.0769, 0.1905]);
    expect(ab.rows.rawPotentialUsd[2]! / USD_M).toBeCloseTo(10.31, 2);
    expect(exportPotentialPair(model, A, C).rows.rawPotentialUsd[0]! / USD_M).toBeCloseTo(37.4, 2);
  });

  it('shows the leak (F3) fixes: Σ_i P / M before normalisation for market A is (0.42, 1.19, 1.15)', () => {
    const ba = exportPotentialPair(model, B, A).rows;
    expect(Array.from(ba.normalisationUsd, (n, r) => Number((n / ba.importsUsd[r]!).toFixed(2)))).toEqual([
      0.42, 1.19, 1.15,
    ]);
  });

  it('reproduces country A totals: ΣP̂ 109.66, ΣR 92.04, U 17.62, ρ 83.9 %', () => {
    const ab = exportPotentialPair(model, A, B).rows;
    const ac = exportPotentialPair(model, A, C).rows;
    const concat = (a: Float64Array, b: Float64Array) => Float64Array.from([...a, ...b]);
    const byExporter = aggregatePotentialByKey(
      {
        potentialUsd: concat(ab.potentialUsd, ac.potentialUsd),
        actualUsd: concat(ab.actualUsd, ac.actualUsd),
        realizedUsd: concat(ab.realizedUsd, ac.realizedUsd),
      },
      new Array(ab.potentialUsd.length + ac.potentialUsd.length).fill('A'),
    );
    const a = byExporter.get('A')!;
    expect(a.potentialUsd / USD_M).toBeCloseTo(109.66, 2);
    expect(a.realizedUsd / USD_M).toBeCloseTo(92.04, 2);
    expect(a.untappedUsd / USD_M).toBeCloseTo(17.62, 2);
    expect(a.realizedShare * 100).toBeCloseTo(83.9, 1);
    // pair totals add up to the same thing
    const both =
      exportPotentialPair(model, A, B).totals.untappedUsd + exportPotentialPair(model, A, C).totals.untappedUsd;
    expect(both / USD_M).toBeCloseTo(17.62, 2);
  });

  it('reproduces the shrunk ease with κ = 10 (USD m)', () => {
    const shrunk = prepareExportPotential(workedExampleFlows(), workedExampleDims, { shrinkageUsd: 10 * USD_M });
    const values = pairs.map(([i, j]) => Number(exportPotentialPair(shrunk, i, j).ease.toFixed(3)));
    expect(values).toEqual([1.289, 1.271, 1.213, 1.309, 1.356, 1.321]);
  });

  it('reproduces the full-version single-cell illustration (A→C p3 ≈ 17.8 before re-normalisation)', () => {
    const gdpPerCapitaC = 1.12;
    const popC = 1.05;
    const growthC = importGrowthFactor(gdpPerCapitaC, popC, 1.2);
    const projected = prepareExportPotential(workedExampleFlows(), workedExampleDims, {
      exporterGdpGrowth: Float64Array.from([1.2, 1.1, 1.1]),
      importGrowth: Float64Array.from([1, 1, growthC]),
    });
    const staticPair = exportPotentialPair(model, A, C);
    const projectedPair = exportPotentialPair(projected, A, C);
    const staticRows = staticPair.rows;
    const rows = projectedPair.rows;
    const p3 = 2;
    expect(rows.demandUsd[p3]! / USD_M).toBeCloseTo(30.1, 1); // ProjM = 25 · 1.12^1.2 · 1.05
    const projMsFactor = rows.projectedShare[p3]! / rows.worldShare[p3]!;
    expect(projMsFactor).toBeCloseTo(1.072, 3); // 1.20 / Σ_i s_i,p3 ΔGDP_i = 1.20 / 1.119
    const mta = marketTariffAdvantage(0.04, 0, 5);
    expect(mta).toBeCloseTo(1.217, 3);
    const distF = 0.8;
    const cell =
      (staticRows.potentialUsd[p3]! / USD_M) *
      projMsFactor *
      mta *
      distF *
      (rows.demandUsd[p3]! / rows.importsUsd[p3]!);
    expect(cell).toBeCloseTo(17.8, 1);
    // The engine's raw P moves by exactly the growth factors (the ease stays static).
    expect(rows.rawPotentialUsd[p3]! / staticRows.rawPotentialUsd[p3]!).toBeCloseTo(projMsFactor * growthC, 12);
    expect(projectedPair.ease).toBe(staticPair.ease);
  });

  it("exposes every component, each worked out here from the note's flow table (C -> B)", () => {
    // By hand, with no tariffs and no distances (every factor 1): s_ik = x_ik / x_k, D_jk = imports of
    // j, E_ij = Σ_k s_ik D_jk, ease = X_ij / E_ij, P_ijk = s_ik ease_ij D_jk, N_jk = Σ_i P_ijk (i ≠ j),
    // P̂ = P / N × D, realized = min(actual, P̂), untapped = P̂ - realized.
    const flow = (i: number, j: number, k: number) =>
      workedExampleTable.find(([from, to]) => from === i && to === j)?.[2][k] ?? 0;
    const countries = [A, B, C];
    const products = [0, 1, 2];
    const worldExports = (k: number) =>
      countries.reduce((s, i) => s + countries.reduce((t, j) => t + flow(i, j, k), 0), 0);
    const share = (i: number, k: number) => countries.reduce((s, j) => s + flow(i, j, k), 0) / worldExports(k);
    const demand = (j: number, k: number) => countries.reduce((s, i) => s + flow(i, j, k), 0);
    const ease = (i: number, j: number) =>
      products.reduce((s, k) => s + flow(i, j, k), 0) / products.reduce((s, k) => s + share(i, k) * demand(j, k), 0);
    const raw = (i: number, j: number, k: number) => share(i, k) * ease(i, j) * demand(j, k);
    const normalisation = (j: number, k: number) =>
      countries.filter((i) => i !== j).reduce((s, i) => s + raw(i, j, k), 0);

    const pair = exportPotentialPair(model, C, B);
    const r = pair.rows;
    expect(pair.ease).toBeCloseTo(ease(C, B), 12);
    expect(Array.from(r.productIndex)).toEqual([0, 1, 2]);
    for (let q = 0; q < r.productIndex.length; q++) {
      const k = r.productIndex[q]!;
      const potential = (raw(C, B, k) / normalisation(B, k)) * demand(B, k);
      expect(r.supplyShare[q], `p${k + 1}`).toBeCloseTo(share(C, k), 12);
      expect(r.demandUsd[q]! / USD_M, `p${k + 1}`).toBeCloseTo(demand(B, k), 9);
      expect(r.rawPotentialUsd[q]! / USD_M, `p${k + 1}`).toBeCloseTo(raw(C, B, k), 9);
      expect(r.normalisationUsd[q]! / USD_M, `p${k + 1}`).toBeCloseTo(normalisation(B, k), 9);
      expect(r.potentialUsd[q]! / USD_M, `p${k + 1}`).toBeCloseTo(potential, 9);
      expect(r.realizedUsd[q]! / USD_M, `p${k + 1}`).toBeCloseTo(Math.min(flow(C, B, k), potential), 9);
      expect(r.untappedUsd[q]! / USD_M, `p${k + 1}`).toBeCloseTo(potential - Math.min(flow(C, B, k), potential), 9);
      // Without growth projection the projected share is the static one, and every other factor is 1.
      expect(r.projectedShare[q], `p${k + 1}`).toBeCloseTo(share(C, k), 12);
      for (const factor of [r.supplyTariffFactor, r.netImporterFactor, r.marketTariffFactor, r.distanceFactor])
        expect(factor[q], `p${k + 1}`).toBe(1);
    }
    expect(r.displayed).toBeNull();
  });
});

describe('exportPotentialPair: edge cases (method note §4)', () => {
  it('a pair with no trade has no potential with κ = 0, and flagged extrapolated potential with κ > 0', () => {
    // Country 3 trades with A only; it never sells to B.
    const flows = workedExampleFlows();
    const extra = flowsOf([
      [3, 0, 0, 7 * USD_M],
      [0, 3, 1, 3 * USD_M],
    ]);
    const merged = {
      exporterIndex: Int32Array.from([...flows.exporterIndex, ...extra.exporterIndex]),
      importerIndex: Int32Array.from([...flows.importerIndex, ...extra.importerIndex]),
      productIndex: Int32Array.from([...flows.productIndex, ...extra.productIndex]),
      valueUsd: Float64Array.from([...flows.valueUsd, ...extra.valueUsd]),
    };
    const dims = { countryCount: 4, productCount: 3 };
    const plain = exportPotentialPair(prepareExportPotential(merged, dims), 3, B);
    expect(plain.ease).toBe(0);
    expect(plain.rows.productIndex.length).toBe(0);
    expect(plain.totals).toEqual({ potentialUsd: 0, actualUsd: 0, realizedUsd: 0, untappedUsd: 0, realizedShare: 0 });
    const shrunk = exportPotentialPair(prepareExportPotential(merged, dims, { shrinkageUsd: 10 * USD_M }), 3, B);
    expect(shrunk.ease).toBeGreaterThan(0);
    expect(shrunk.pairFlags & ExportPotentialFlag.EXTRAPOLATED).toBeTruthy();
    expect(Array.from(shrunk.rows.productIndex)).toEqual([0]);
    expect(shrunk.rows.flags[0]! & ExportPotentialFlag.EXTRAPOLATED).toBeTruthy();
    // Country 3 never sold to B: nothing actual, nothing realized, all of the (extrapolated) potential untapped.
    expect(shrunk.totals.actualUsd).toBe(0);
    expect(shrunk.totals.realizedUsd).toBe(0);
    expect(shrunk.totals.untappedUsd).toBeGreaterThan(0);
  });

  it('a product the market does not import has no potential (M_jk = 0)', () => {
    // A's market: product 0..2 all imported; make product 3 exported by A but imported only by B.
    const flows = flowsOf([
      [0, 1, 0, 10],
      [0, 1, 1, 10],
      [1, 0, 0, 5],
      [2, 0, 1, 5],
    ]);
    const pair = exportPotentialPair(prepareExportPotential(flows, { countryCount: 3, productCount: 3 }), 0, 2);
    expect(pair.rows.productIndex.length).toBe(0); // market 2 imports nothing
    const ab = exportPotentialPair(prepareExportPotential(flows, { countryCount: 3, productCount: 3 }), 1, 0);
    expect(Array.from(ab.rows.productIndex)).toEqual([0]); // product 1: B has no world share; product 2: nobody imports it
  });

  it('self-trade rows are ignored', () => {
    const flows = workedExampleFlows();
    const withSelf = {
      exporterIndex: Int32Array.from([...flows.exporterIndex, 0, 1]),
      importerIndex: Int32Array.from([...flows.importerIndex, 0, 1]),
      productIndex: Int32Array.from([...flows.productIndex, 2, 0]),
      valueUsd: Float64Array.from([...flows.valueUsd, 99 * USD_M, 12 * USD_M]),
    };
    for (const [i, j] of pairs) {
      expect(exportPotentialPair(prepareExportPotential(withSelf, workedExampleDims), i, j)).toEqual(
        exportPotentialPair(prepareExportPotential(flows, workedExampleDims), i, j),
      );
    }
  });

  it('duplicate keys count as one flow with the summed value (pair rows and all-pairs summary)', () => {
    const flows = workedExampleFlows();
    // split A→B p1 (50) into 30 + 20, the second copy at the end of the list
    const r = 0;
    const split = {
      exporterIndex: Int32Array.from([...flows.exporterIndex, flows.exporterIndex[r]!]),
      importerIndex: Int32Array.from([...flows.importerIndex, flows.importerIndex[r]!]),
      productIndex: Int32Array.from([...flows.productIndex, flows.productIndex[r]!]),
      valueUsd: Float64Array.from([...flows.valueUsd, 20 * USD_M]),
    };
    split.valueUsd[r] = 30 * USD_M;
    const a = prepareExportPotential(flows, workedExampleDims);
    const b = prepareExportPotential(split, workedExampleDims);
    expect(exportPotentialPair(b, A, B).rows.actualUsd[0]).toBe(50 * USD_M);
    expect(exportPotentialPair(b, A, B).totals.realizedUsd).toBeCloseTo(
      exportPotentialPair(a, A, B).totals.realizedUsd,
      6,
    );
    expect(exportPotentialAllPairs(b).realizedUsd[A * 3 + B]).toBeCloseTo(
      exportPotentialAllPairs(a).realizedUsd[A * 3 + B]!,
      6,
    );
  });

  it('E_ij = 0 gives ease 0 flagged EASE_UNDEFINED, never NaN', () => {
    // Exporter 0 sells only product 0 to market 1, and product 0 is left out of the ease.
    const flows = flowsOf([
      [0, 1, 0, 100],
      [2, 1, 1, 50],
      [2, 1, 0, 50],
      [0, 2, 1, 10],
    ]);
    const model = prepareExportPotential(
      flows,
      { countryCount: 3, productCount: 2 },
      { easeExcludedProducts: Uint8Array.from([1, 0]) },
    );
    const pair = exportPotentialPair(model, 0, 1);
    expect(pair.expectedTradeUsd).toBeGreaterThan(0); // A has a share of product 1, which market 1 imports
    expect(pair.easePairExportsUsd).toBe(0);
    expect(pair.ease).toBe(0);
    const undefinedPair = exportPotentialPair(
      prepareExportPotential(
        flowsOf([
          [0, 1, 0, 100],
          [2, 1, 0, 1],
        ]),
        { countryCount: 3, productCount: 1 },
        { easeExcludedProducts: Uint8Array.from([1]) },
      ),
      0,
      1,
    );
    expect(undefinedPair.expectedTradeUsd).toBe(0);
    expect(undefinedPair.ease).toBe(0);
    expect(undefinedPair.pairFlags & ExportPotentialFlag.EASE_UNDEFINED).toBeTruthy();
    expect(Array.from(undefinedPair.rows.potentialUsd)).toEqual([0]);
    expect(Array.from(undefinedPair.rows.actualUsd)).toEqual([100]);
    for (const column of Object.values(undefinedPair.rows)) {
      if (column instanceof Float64Array) expect(column.every((x) => Number.isFinite(x))).toBe(true);
    }
  });

  it('the net-importer penalty lowers supply where X_ik < M_ik and flags the row', () => {
    const model = prepareExportPotential(workedExampleFlows(), workedExampleDims, { netImporterPenalty: true });
    const ab = exportPotentialPair(model, A, B).rows;
    // A exports 10 of p2 and imports 45: TB = 10/45
    expect(ab.netImporterFactor[1]).toBeCloseTo(10 / 45, 12);
    expect(ab.supplyShare[1]).toBeCloseTo((10 / 130) * (10 / 45), 12);
    expect(ab.flags[1]! & ExportPotentialFlag.NET_IMPORTER).toBeTruthy();
    expect(ab.netImporterFactor[0]).toBe(1);
    expect(ab.flags[0]).toBe(0);
  });

  it('ease is capped at maxEase and flagged', () => {
    const model = prepareExportPotential(workedExampleFlows(), workedExampleDims, { maxEase: 1.3 });
    const ab = exportPotentialPair(model, A, B);
    expect(ab.ease).toBe(1.3);
    expect(ab.pairFlags & ExportPotentialFlag.EASE_CAPPED).toBeTruthy();
    expect(exportPotentialPair(model, B, A).ease).toBeCloseTo(1.262, 3);
  });

  it('an embargoed pair has ease 0 and its demand goes to the other suppliers', () => {
    const embargoPairs = new Uint8Array(9);
    embargoPairs[A * 3 + B] = 1;
    const model = prepareExportPotential(workedExampleFlows(), workedExampleDims, { embargoPairs });
    const ab = exportPotentialPair(model, A, B);
    expect(ab.ease).toBe(0);
    expect(ab.pairFlags & ExportPotentialFlag.EMBARGO).toBeTruthy();
    expect(ab.totals.potentialUsd).toBe(0);
    const cb = exportPotentialPair(model, C, B).rows;
    expect(Array.from(cb.potentialUsd)).toEqual(Array.from(cb.importsUsd));
  });

  it('marks rows for display with the ITC threshold when asked', () => {
    const model = prepareExportPotential(workedExampleFlows(), workedExampleDims, {
      displayThreshold: true,
      displayMinPotentialUsd: 10 * USD_M,
      displayCumulativeShare: 0.5,
    });
    // A→B: 39.71 (covers 50 % alone), 8.14, 8.64 -> only the first is shown
    expect(Array.from(exportPotentialPair(model, A, B).rows.displayed!)).toEqual([1, 0, 0]);
  });

  it('rejects bad indices with InvalidOptionError naming them', () => {
    const model = prepareExportPotential(workedExampleFlows(), workedExampleDims);
    expect(() => exportPotentialPair(model, 3, 1)).toThrow(InvalidOptionError);
    expect(() => exportPotentialPair(model, 3, 1)).toThrow('invalid exporterIndex: 3');
    expect(() => exportPotentialPair(model, 0, -1)).toThrow('invalid importerIndex: -1');
    expect(() => exportPotentialPair(model, 1, 1)).toThrow(/invalid importerIndex: 1/);
  });
});
