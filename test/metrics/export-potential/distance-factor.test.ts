import { describe, expect, it } from 'vitest';
import { distanceFactor, exportPotentialPair, prepareExportPotential } from '../../../src/metrics/index.ts';
import { workedExampleDims, workedExampleFlows } from './fixtures.ts';

describe('distanceFactor (F5c)', () => {
  it('is exp(−|avgln d_jk − ln d_ij|), 1 at the usual distance and when unknown', () => {
    expect(distanceFactor(Math.log(1000), Math.log(1000))).toBe(1);
    expect(distanceFactor(Math.log(1000), Math.log(2000))).toBeCloseTo(0.5, 12);
    expect(distanceFactor(Math.log(2000), Math.log(1000))).toBeCloseTo(0.5, 12);
    expect(distanceFactor(Number.NaN, 3)).toBe(1);
  });

  it('the engine weights log distances by the market sourcing mix', () => {
    // d(A,C) = 1000 km, d(B,C) = 4000 km; C buys p1 for 30 from A and 10 from B.
    const distanceKm = new Float64Array(9).fill(Number.NaN);
    distanceKm[0 * 3 + 2] = 1000;
    distanceKm[1 * 3 + 2] = 4000;
    const model = prepareExportPotential(workedExampleFlows(), workedExampleDims, { distanceKm });
    const avg = (30 * Math.log(1000) + 10 * Math.log(4000)) / 40;
    const ac = exportPotentialPair(model, 0, 2).rows;
    expect(ac.distanceFactor[0]).toBeCloseTo(Math.exp(-Math.abs(avg - Math.log(1000))), 12);
    expect(exportPotentialPair(model, 1, 2).rows.distanceFactor[0]).toBeCloseTo(
      Math.exp(-Math.abs(avg - Math.log(4000))),
      12,
    );
    expect(exportPotentialPair(model, 0, 1).rows.distanceFactor[0]).toBe(1); // unknown distance
  });
});
