import { describe, expect, it } from 'vitest';
import { InvalidOptionError, MetricInputError } from '../../../src/errors.ts';
import {
  importGrowthFactor,
  resolveTrendGrowth,
  trendGrowthDefaults,
  trendGrowthRatio,
} from '../../../src/metrics/index.ts';

describe('growth helpers', () => {
  it('trendGrowthRatio defaults: 4 years between, 6-year horizon, clipped to [0.5, 2]', () => {
    expect(trendGrowthDefaults).toEqual({ yearsBetween: 4, horizonYears: 6, min: 0.5, max: 2 });
    expect(resolveTrendGrowth()).toEqual(trendGrowthDefaults);
  });

  it('importGrowthFactor = (ΔGDPpc)^E × ΔPop × ζ (method note §5: 25 → 30.1)', () => {
    expect(25 * importGrowthFactor(1.12, 1.05, 1.2)).toBeCloseTo(30.1, 1);
    expect(importGrowthFactor(1.1, 1.02)).toBeCloseTo(1.122, 12);
    expect(importGrowthFactor(1, 1, 1, 1.3)).toBe(1.3);
    expect(() => importGrowthFactor(0, 1)).toThrow(MetricInputError);
    expect(() => importGrowthFactor(1, 1, Number.NaN)).toThrow('invalid incomeElasticity: NaN');
  });

  it('trendGrowthRatio extrapolates the own trend and clips it', () => {
    const out = trendGrowthRatio(Float64Array.from([121, 400, 10, 0]), Float64Array.from([100, 100, 100, 50]), {
      yearsBetween: 2,
      horizonYears: 2,
    });
    expect(out[0]).toBeCloseTo(1.21, 12);
    expect(out[1]).toBe(2); // 4 clipped
    expect(out[2]).toBe(0.5); // 0.1 clipped
    expect(out[3]).toBe(1); // no trend readable
    expect(() => trendGrowthRatio(new Float64Array(1), new Float64Array(2))).toThrow(MetricInputError);
    expect(() => trendGrowthRatio(new Float64Array(1), new Float64Array(1), { max: 0.9 })).toThrow(InvalidOptionError);
  });
});
