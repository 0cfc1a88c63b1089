import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pairRuns } from '../../../src/metrics/export-potential/pair-runs.ts';
import {
  type TradeFlows,
  exportPotentialAllPairs,
  exportPotentialPair,
  prepareExportPotential,
} from '../../../src/metrics/index.ts';
import { flowsOf, randomTrade } from './fixtures.ts';

const dims = { countryCount: 3, productCount: 2 };

/** Rows visited per run, as [exporter, importer, rows...]. */
function visits(flows: TradeFlows) {
  const runs = pairRuns(flows, dims);
  return Array.from(runs.runExporter, (i, q) => {
    const rows: number[] = [];
    for (let pos = runs.runStart[q]!; pos < runs.runStart[q + 1]!; pos++)
      rows.push(runs.order === null ? pos : runs.order[pos]!);
    return [i, runs.runImporter[q]!, ...rows];
  });
}

describe('pairRuns', () => {
  it('reads grouped flows in their own order, without a permutation', () => {
    const flows = flowsOf([
      [0, 1, 0, 1],
      [0, 1, 1, 1],
      [2, 0, 1, 1],
      [1, 1, 0, 1],
      [0, 2, 0, 1],
    ]);
    expect(pairRuns(flows, dims).order).toBeNull();
    expect(visits(flows)).toEqual([
      [0, 1, 0, 1],
      [2, 0, 2],
      [1, 1, 3],
      [0, 2, 4],
    ]);
  });

  it('sorts scattered flows by pair', () => {
    const flows = flowsOf([
      [0, 1, 0, 1],
      [2, 0, 1, 1],
      [0, 1, 1, 1],
    ]);
    expect(pairRuns(flows, dims).order).not.toBeNull();
    expect(visits(flows)).toEqual([
      [0, 1, 0, 2],
      [2, 0, 1],
    ]);
  });

  it('gives the same results whether the flows come grouped by pair or shuffled', () => {
    const shuffled = randomTrade.chain((t) =>
      fc
        .shuffledSubarray(
          Array.from({ length: t.flows.valueUsd.length }, (_, r) => r),
          { minLength: t.flows.valueUsd.length },
        )
        .map((order) => ({ ...t, order })),
    );
    fc.assert(
      fc.property(shuffled, ({ flows, dims: d, order }) => {
        const pick = (rows: number[]): TradeFlows => ({
          exporterIndex: Int32Array.from(rows, (r) => flows.exporterIndex[r]!),
          importerIndex: Int32Array.from(rows, (r) => flows.importerIndex[r]!),
          productIndex: Int32Array.from(rows, (r) => flows.productIndex[r]!),
          valueUsd: Float64Array.from(rows, (r) => flows.valueUsd[r]!),
        });
        const byPair = [...order].sort(
          (a, b) =>
            flows.exporterIndex[a]! * 100 +
            flows.importerIndex[a]! -
            (flows.exporterIndex[b]! * 100 + flows.importerIndex[b]!),
        );
        const c = d.countryCount;
        const options = {
          tariffs: { mfnRate: new Float64Array(c * d.productCount).fill(0.05), sigma: 4 },
          distanceKm: Float64Array.from({ length: c * c }, (_, q) => 100 + q * 37),
        };
        const a = prepareExportPotential(pick(order), d, options);
        const b = prepareExportPotential(pick(byPair), d, options);
        const allA = exportPotentialAllPairs(a);
        const allB = exportPotentialAllPairs(b);
        allA.potentialUsd.forEach((x, q) => expect(allB.potentialUsd[q]).toBeCloseTo(x, 4));
        allA.realizedUsd.forEach((x, q) => expect(allB.realizedUsd[q]).toBeCloseTo(x, 4));
        allA.actualUsd.forEach((x, q) => expect(allB.actualUsd[q]).toBeCloseTo(x, 4));
        const pa = exportPotentialPair(a, flows.exporterIndex[0]!, flows.importerIndex[0]!);
        const pb = exportPotentialPair(b, flows.exporterIndex[0]!, flows.importerIndex[0]!);
        expect(Array.from(pb.rows.actualUsd)).toEqual(Array.from(pa.rows.actualUsd));
      }),
      { numRuns: 100 },
    );
  });
});
