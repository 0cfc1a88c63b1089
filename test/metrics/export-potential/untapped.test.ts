import { describe, expect, it } from 'vitest';
import { potentialTotals, realizedShare, realizedUsd, untappedUsd } from '../../../src/metrics/index.ts';

describe('untapped / realized (S5)', () => {
  it('U = max(0, P̂ − v̄), R = min(v̄, P̂)', () => {
    expect(untappedUsd(33.6, 30)).toBeCloseTo(3.6, 12);
    expect(untappedUsd(39.71, 50)).toBe(0);
    expect(realizedUsd(39.71, 50)).toBe(39.71);
    expect(realizedUsd(33.6, 30)).toBe(30);
  });

  it('sums before dividing and never nets over-performance against gaps', () => {
    // A→C: p1 30 of 33.60, p2 0 of 5.38, p3 20 of 14.19 (over-performs by 5.81)
    const t = potentialTotals({
      potentialUsd: Float64Array.from([33.6, 5.38, 14.19]),
      actualUsd: Float64Array.from([30, 0, 20]),
    });
    expect(t.potentialUsd).toBeCloseTo(53.17, 12);
    expect(t.realizedUsd).toBeCloseTo(44.19, 12);
    expect(t.untappedUsd).toBeCloseTo(8.98, 12);
    expect(t.realizedShare).toBeCloseTo(44.19 / 53.17, 12);
    expect(t.actualUsd).toBe(50);
  });

  it('ρ is 0, not NaN, without potential', () => {
    expect(realizedShare(0, 0)).toBe(0);
    expect(potentialTotals({ potentialUsd: new Float64Array(0), actualUsd: new Float64Array(0) }).realizedShare).toBe(
      0,
    );
  });
});
