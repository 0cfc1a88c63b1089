import { describe, expect, it } from 'vitest';
import {
  exportPotentialPair,
  globalTariffDisadvantage,
  marketTariffAdvantage,
  prepareExportPotential,
  tariffRatioFactor,
} from '../../../src/metrics/index.ts';
import { workedExampleDims, workedExampleFlows } from './fixtures.ts';

describe('tariff factors (F4b, F5b)', () => {
  it('MTA = ((1 + t̄_jk)/(1 + t_ijk))^σ (method note §5: 1.04^5 = 1.217); σ = 0 gives exactly 1', () => {
    expect(marketTariffAdvantage(0.04, 0, 5)).toBeCloseTo(1.2167, 4);
    expect(globalTariffDisadvantage(0.1, 0.05, 2)).toBeCloseTo((1.1 / 1.05) ** 2, 12);
    expect(tariffRatioFactor(0.3, 0.1, 0)).toBe(1);
  });

  it('the engine applies MTA and GTD from MFN and bilateral rates as the formulas say', () => {
    // Market C (2) charges 4 % MFN on p3; A (0) enters C duty-free on p3 (preference). σ = 5.
    const mfnRate = new Float64Array(9);
    mfnRate[2 * 3 + 2] = 0.04;
    const model = prepareExportPotential(workedExampleFlows(), workedExampleDims, {
      tariffs: {
        mfnRate,
        sigma: 5,
        bilateral: {
          exporterIndex: Int32Array.of(0),
          importerIndex: Int32Array.of(2),
          productIndex: Int32Array.of(2),
          rate: Float64Array.of(0),
        },
      },
    });
    const importerAverage = (20 * 0 + 5 * 0.04) / 25; // t̄_C,p3 over A (20, 0 %) and B (5, 4 %)
    const worldAverage = (5 * 0.04) / 105; // t̄_p3 over every flow of p3
    const ac = exportPotentialPair(model, 0, 2).rows;
    const bc = exportPotentialPair(model, 1, 2).rows;
    expect(ac.marketTariffFactor[2]).toBeCloseTo((1 + importerAverage) ** 5, 12);
    expect(bc.marketTariffFactor[2]).toBeCloseTo(((1 + importerAverage) / 1.04) ** 5, 12);
    expect(ac.supplyTariffFactor[2]).toBeCloseTo((1 / (1 + worldAverage)) ** 5, 12); // A faces 0 % on p3
    expect(bc.supplyTariffFactor[2]).toBeCloseTo(((1 + (5 * 0.04) / 15) / (1 + worldAverage)) ** 5, 12); // B: 5 of 15 at 4 %
    expect(ac.marketTariffFactor[0]).toBe(1);
    // The tariff preference raises A's share of market C's p3 demand (14.19 static).
    expect(ac.potentialUsd[2]! / 1e6).toBeGreaterThan(14.19);
    expect(ac.potentialUsd[2]! + bc.potentialUsd[2]!).toBeCloseTo(25e6, 3);
  });
});
