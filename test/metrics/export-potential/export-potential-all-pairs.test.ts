import { describe, expect, it } from 'vitest';
import { exportPotentialAllPairs, prepareExportPotential } from '../../../src/metrics/index.ts';
import { USD_M, workedExampleDims, workedExampleFlows } from './fixtures.ts';

describe('exportPotentialAllPairs', () => {
  it('summarises every pair of the worked example', () => {
    const all = exportPotentialAllPairs(prepareExportPotential(workedExampleFlows(), workedExampleDims));
    const m = (a: Float64Array) => Array.from(a, (x) => Number((x / USD_M).toFixed(2)));
    // Σ_k P̂ per pair from the method note's table (A→B 39.71+8.14+8.64, ...)
    expect(m(all.potentialUsd)).toEqual([0, 56.49, 53.17, 52.75, 0, 71.83, 57.25, 58.51, 0]);
    expect(m(all.actualUsd)).toEqual([0, 60, 50, 55, 0, 75, 55, 55, 0]);
    expect(all.untappedUsd[0 * 3 + 1]! / USD_M).toBeCloseTo(8.64, 2);
    expect(all.untappedUsd[0 * 3 + 2]! / USD_M).toBeCloseTo(3.6 + 5.38, 2);
    expect(all.realizedShare[0]).toBe(0);
    expect(all.ease[0 * 3 + 1]).toBeCloseTo(1.354, 3);
    expect(m(all.demandUsd)).toEqual([110, 115, 125]);
    expect(Array.from(all.unallocatedDemandUsd)).toEqual([0, 0, 0]);
  });
});
