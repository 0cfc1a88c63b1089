import { describe, expect, it } from 'vitest';
import { netImporterPenalty, supplyShares } from '../../../src/metrics/index.ts';

describe('supplyShares (S1, F4a, F4c)', () => {
  const dims = { countryCount: 2, productCount: 2 };
  const base = {
    exportsUsd: Float64Array.from([30, 0, 10, 50]),
    importsUsd: Float64Array.from([60, 5, 0, 0]),
    worldExportsUsd: Float64Array.from([40, 50]),
    exporterGrowth: null,
    supplyTariffFactor: null,
    netImporterPenalty: false,
  };

  it('is X_ik / V_k in the static case, in both the supply and the static supply', () => {
    const s = supplyShares(base, dims);
    expect(Array.from(s.worldShare)).toEqual([0.75, 0, 0.25, 1]);
    expect(Array.from(s.supply)).toEqual([0.75, 0, 0.25, 1]);
    expect(Array.from(s.staticSupply)).toEqual([0.75, 0, 0.25, 1]);
    expect(s.projectedShare).toBeNull();
  });

  it('projects with GDP ratios: ProjMS = X g / Σ X g, leaving the static supply alone', () => {
    const s = supplyShares({ ...base, exporterGrowth: Float64Array.from([1.2, 1]) }, dims);
    expect(s.supply[0]).toBeCloseTo(36 / 46, 15);
    expect(s.supply[2]).toBeCloseTo(10 / 46, 15);
    expect(s.staticSupply[0]).toBe(0.75);
  });

  it('applies TB = min(1, X/M) when asked', () => {
    expect(netImporterPenalty(30, 60)).toBe(0.5);
    expect(netImporterPenalty(30, 0)).toBe(1);
    const s = supplyShares({ ...base, netImporterPenalty: true }, dims);
    expect(Array.from(s.supply)).toEqual([0.375, 0, 0.25, 1]);
  });
});
