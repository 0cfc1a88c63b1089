import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { density, densityDiscrete, proximity } from '../../src/metrics/index.ts';
import { maxAbsDiff, naiveDensity, presenceMatrix } from './helpers.ts';

describe('density', () => {
  it('is Σ_q M[c,q] φ[q,p] / Σ_q φ[q,p] (hand-computed)', () => {
    const m = Uint8Array.from([1, 1, 0, 1, 0, 1, 1, 1, 1]);
    const phi = proximity(m, 3, 3);
    const d = density(m, 3, 3, phi);
    // Column 2: φ[0,2] = 2/3, φ[1,2] = 1/2, sum 7/6. Location 0 has products 0 and 1: (2/3 + 1/2) / (7/6) = 1.
    expect(d[2]).toBeCloseTo(1, 14);
    // Location 1 has products 0 and 2; column 0 sums φ[1,0] + φ[2,0] = 2/3 + 2/3, of which it has φ[2,0] = 2/3.
    expect(d[3]).toBeCloseTo(0.5, 14);
    expect(maxAbsDiff(d, naiveDensity(m, 3, 3, phi))).toBeLessThan(1e-15);
  });

  it('is NaN for a product whose proximity column sums to 0', () => {
    const m = Uint8Array.from([1, 0, 1, 0]); // product 1: nobody
    const d = density(m, 2, 2, proximity(m, 2, 2));
    expect(Number.isNaN(d[1]!)).toBe(true);
  });

  it('densityDiscrete (never forms φ) equals M·φ with φ formed, symmetric and asymmetric', () => {
    fc.assert(
      fc.property(presenceMatrix(2, 9, 2, 14, 0.45), fc.boolean(), ({ locations, products, m }, asymmetric) => {
        const dense = density(m, locations, products, proximity(m, locations, products, { asymmetric }));
        const fast = densityDiscrete(m, locations, products, { asymmetric });
        expect(maxAbsDiff(fast.density, dense)).toBeLessThan(1e-12);
      }),
    );
  });
});
