import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cog, cogDiscrete, columnSums, diversity, proximity, ubiquity } from '../../src/metrics/index.ts';
import { maxAbsDiff, presenceMatrix } from './helpers.ts';

describe('cog', () => {
  it("is (1 − M[c,p]) Σ_q (1 − M[c,q]) (kp[q]/σ) φ[p,q] / Σ_p' φ[p',q] (hand-computed, checked by brute force)", () => {
    const m = Uint8Array.from([1, 1, 0, 0, 1, 0, 1, 1, 1, 0, 0, 1]); // 3 locations × 4 products
    const L = 3;
    const P = 4;
    const phi = proximity(m, L, P);
    const kp = Float64Array.from([0.3, -0.2, 0.5, 0.1]);
    const sd = 1.7;
    const out = cog(m, L, P, phi, kp, sd, diversity(m, L, P));
    const sums = columnSums(phi, P);
    for (let c = 0; c < L; c++) {
      for (let p = 0; p < P; p++) {
        let s = 0;
        for (let q = 0; q < P; q++)
          if (m[c * P + q] === 0 && sums[q]! > 0) s += (kp[q]! / sd) * (phi[p * P + q]! / sums[q]!);
        expect(out[c * P + p]).toBeCloseTo(m[c * P + p] === 1 ? 0 : s, 14);
      }
    }
  });

  it('cogDiscrete (never forms φ) equals cog with φ formed, symmetric and asymmetric', () => {
    fc.assert(
      fc.property(presenceMatrix(2, 9, 2, 14, 0.45), fc.boolean(), ({ locations, products, m }, asymmetric) => {
        const phi = proximity(m, locations, products, { asymmetric });
        const kp = Float64Array.from({ length: products }, (_, p) => Math.sin(p + 1));
        const d = diversity(m, locations, products);
        const dense = cog(m, locations, products, phi, kp, 1.3, d);
        const fast = cogDiscrete(
          m,
          locations,
          products,
          kp,
          1.3,
          d,
          ubiquity(m, locations, products),
          columnSums(phi, products),
          { asymmetric },
        );
        expect(maxAbsDiff(fast, dense)).toBeLessThan(1e-12);
      }),
    );
  });

  it('is 0 where M = 1 and empty for a location with diversity 0', () => {
    const m = Uint8Array.from([1, 1, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1]);
    const L = 3;
    const P = 4;
    const out = cog(m, L, P, proximity(m, L, P), Float64Array.from([0.1, 0.2, 0.3, 0.4]), 1, diversity(m, L, P));
    expect(out[0]).toBe(0);
    expect(out[1]).toBe(0);
    for (let p = 0; p < P; p++) expect(Number.isNaN(out[P + p]!)).toBe(true); // location 1 has diversity 0
    expect(out[2]).not.toBe(0);
  });
});
