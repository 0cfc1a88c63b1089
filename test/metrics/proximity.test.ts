import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidOptionError } from '../../src/errors.ts';
import {
  coOccurrence,
  continuousProximity,
  proximity,
  proximityDefaults,
  resolveProximity,
  ubiquity,
} from '../../src/metrics/index.ts';
import { maxAbsDiff, presenceMatrix } from './helpers.ts';

function naiveCooccurrence(m: Uint8Array, L: number, P: number): Float64Array {
  const out = new Float64Array(P * P);
  for (let p = 0; p < P; p++)
    for (let q = 0; q < P; q++) for (let c = 0; c < L; c++) out[p * P + q]! += m[c * P + p]! * m[c * P + q]!;
  return out;
}

describe('proximity', () => {
  it('defaults to the symmetric proximity', () => {
    expect(proximityDefaults).toEqual({ asymmetric: false });
    expect(resolveProximity()).toEqual({ asymmetric: false });
    expect(() => resolveProximity({ asymmetric: 'yes' as never })).toThrow(InvalidOptionError);
  });

  it('is C[p,q] / max(k_p, k_q) with a zero diagonal (hand-computed)', () => {
    // Locations × products: a = [1,1,0], b = [1,0,1], c = [1,1,1].  k = [3, 2, 2].
    // C[0,1] = 2, C[0,2] = 2, C[1,2] = 1.
    const m = Uint8Array.from([1, 1, 0, 1, 0, 1, 1, 1, 1]);
    const phi = proximity(m, 3, 3);
    expect(Array.from(phi)).toEqual([0, 2 / 3, 2 / 3, 2 / 3, 0, 1 / 2, 2 / 3, 1 / 2, 0]);
    // Asymmetric: φ[p,q] = C[p,q] / k_q.
    const asym = proximity(m, 3, 3, { asymmetric: true });
    expect(Array.from(asym)).toEqual([0, 2 / 2, 2 / 2, 2 / 3, 0, 1 / 2, 2 / 3, 1 / 2, 0]);
  });

  it('computes MᵀM from the sparse rows exactly as the dense product', () => {
    fc.assert(
      fc.property(presenceMatrix(1, 9, 1, 12), ({ locations, products, m }) => {
        const c = coOccurrence(m, locations, products);
        expect(Array.from(c)).toEqual(Array.from(naiveCooccurrence(m, locations, products)));
        const u = ubiquity(m, locations, products);
        for (let p = 0; p < products; p++) expect(c[p * products + p]).toBe(u[p]);
      }),
    );
  });

  it('is symmetric, in [0, 1], zero on the diagonal', () => {
    fc.assert(
      fc.property(presenceMatrix(), ({ locations, products, m }) => {
        const phi = proximity(m, locations, products);
        for (let p = 0; p < products; p++) {
          expect(phi[p * products + p]).toBe(0);
          for (let q = 0; q < products; q++) {
            const v = phi[p * products + q]!;
            expect(v).toBe(phi[q * products + p]);
            expect(v).toBeGreaterThanOrEqual(0);
            expect(v).toBeLessThanOrEqual(1);
          }
        }
      }),
    );
  });

  it('continuous: ½(1 + Pearson correlation of the columns), zero diagonal', () => {
    const rcaValues = Float64Array.from([1, 2, 0, 2, 4, 1, 3, 6, 5]); // columns: [1,2,3], [2,4,6], [0,1,5]
    const phi = continuousProximity(rcaValues, 3, 3);
    expect(phi[0]).toBe(0);
    expect(phi[1]).toBeCloseTo(1, 12); // perfectly correlated
    const a = [1, 2, 3];
    const b = [0, 1, 5];
    const mean = (x: number[]) => x.reduce((s, v) => s + v, 0) / x.length;
    const ma = mean(a);
    const mb = mean(b);
    const r =
      a.reduce((s, v, i) => s + (v - ma) * (b[i]! - mb), 0) /
      Math.sqrt(a.reduce((s, v) => s + (v - ma) ** 2, 0) * b.reduce((s, v) => s + (v - mb) ** 2, 0));
    expect(phi[2]).toBeCloseTo((1 + r) / 2, 12);
    expect(
      maxAbsDiff(
        phi,
        Array.from({ length: 9 }, (_, i) => phi[(i % 3) * 3 + Math.floor(i / 3)]!),
      ),
    ).toBe(0);
  });

  it('continuous: a constant column is related to nothing (0)', () => {
    const phi = continuousProximity(Float64Array.from([1, 2, 1, 5]), 2, 2);
    expect(Array.from(phi)).toEqual([0, 0, 0, 0]);
  });
});
