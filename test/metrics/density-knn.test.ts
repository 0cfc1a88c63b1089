import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidOptionError } from '../../src/errors.ts';
import { knnDensity, stataKnnThreshold } from '../../src/metrics/density-knn.ts';
import { continuousProximity, density, proximity } from '../../src/metrics/index.ts';
import { exportsMatrix, maxAbsDiff, presenceMatrix } from './helpers.ts';

// Symmetric φ (diagonal 0) chosen so that the three ways a tie can go all occur with k = 2:
//   column 0: 0.6, 0.6, 0.2, 0   t = 0.6, Stata's threshold rounds up: both 0.6 dropped, nothing kept
//   column 1: 0.6, 0.5, 0.5, 0   t = 0.5, threshold exact: the tie is kept (3 neighbours)
//   column 2: 0.6, 0.5, 0.4, 0   t = 0.5: products 0 and 1
//   column 3: 0.5, 0.4, 0.2, 0   t = 0.4, threshold rounds down: products 1 and 2
// prettier-ignore
const phi = Float64Array.from([
  0,   0.6, 0.6, 0.2,
  0.6, 0,   0.5, 0.5,
  0.6, 0.5, 0,   0.4,
  0.2, 0.5, 0.4, 0,
]);
// prettier-ignore
const m = Uint8Array.from([
  1, 0, 1, 0,
  0, 1, 0, 1,
  1, 1, 1, 1,
]);

/** Applies a product permutation to a locations × products matrix and to φ. */
function permuteProducts<T extends Uint8Array | Float64Array>(matrix: T, rows: number, order: number[]): T {
  const products = order.length;
  const out = matrix.slice() as T;
  for (let r = 0; r < rows; r++)
    for (let j = 0; j < products; j++) out[r * products + j] = matrix[r * products + order[j]!]!;
  return out;
}
function permutePhi(matrix: Float64Array, order: number[]): Float64Array {
  const products = order.length;
  const out = new Float64Array(products * products);
  for (let i = 0; i < products; i++)
    for (let j = 0; j < products; j++) out[i * products + j] = matrix[order[i]! * products + order[j]!]!;
  return out;
}

describe('knnDensity', () => {
  it('Stata threshold: max(t, -1) as (t - 1 + |t + 1|) / 2 moves some t by one ulp', () => {
    expect(stataKnnThreshold(0.6)).toBeGreaterThan(0.6);
    expect(stataKnnThreshold(5 / 6)).toBeGreaterThan(5 / 6);
    expect(stataKnnThreshold(0.4)).toBeLessThan(0.4);
    expect(stataKnnThreshold(2 / 3)).toBeLessThan(2 / 3);
    for (const t of [0, 0.25, 0.5, 0.75, 0.8, 1]) expect(stataKnnThreshold(t)).toBe(t);
    expect(Math.abs(stataKnnThreshold(0.6) - 0.6)).toBeLessThanOrEqual(Number.EPSILON);
  });

  it('hand-computed, k = 2: ties kept at an exact threshold, dropped when it rounds up; 0 when nothing is kept', () => {
    const d = knnDensity(m, 3, 4, phi, 2);
    const at = (c: number, p: number) => d[c * 4 + p]!;
    for (let c = 0; c < 3; c++) expect(at(c, 0)).toBe(0);
    // Column 1 keeps 0 (0.6), 2 (0.5), 3 (0.5): sum 1.6.
    expect(at(0, 1)).toBeCloseTo(1.1 / 1.6, 14);
    expect(at(1, 1)).toBeCloseTo(0.5 / 1.6, 14);
    expect(at(2, 1)).toBeCloseTo(1, 14);
    // Column 2 keeps 0 (0.6), 1 (0.5).
    expect(at(0, 2)).toBeCloseTo(6 / 11, 14);
    expect(at(1, 2)).toBeCloseTo(5 / 11, 14);
    // Column 3 keeps 1 (0.5), 2 (0.4).
    expect(at(0, 3)).toBeCloseTo(4 / 9, 14);
    expect(at(1, 3)).toBeCloseTo(5 / 9, 14);
    expect(at(2, 3)).toBeCloseTo(1, 14);
  });

  it('hand-computed, k = 1 and k = 3', () => {
    // k = 1: column 2 keeps product 0 only (t = 0.6 rounds up, so even that is dropped): all 0.
    const one = knnDensity(m, 3, 4, phi, 1);
    expect([one[2], one[6], one[10]]).toEqual([0, 0, 0]);
    // k = 1, column 3: t = 0.5 exact, keeps product 1 only: density = M[c,1].
    expect([one[3], one[7], one[11]]).toEqual([0, 1, 1]);
    // k = 3, column 0: t = 0.2 rounds down, keeps 0.6, 0.6, 0.2 = every positive entry: the plain density.
    const three = knnDensity(m, 3, 4, phi, 3);
    const plain = density(m, 3, 4, phi);
    for (let c = 0; c < 3; c++) expect(three[c * 4]).toBeCloseTo(plain[c * 4]!, 15);
    expect(three[0]).toBeCloseTo(0.6 / 1.4, 14);
  });

  it('does not modify its arguments', () => {
    const phiCopy = phi.slice();
    const mCopy = m.slice();
    knnDensity(m, 3, 4, phi, 2);
    expect(phi).toEqual(phiCopy);
    expect(m).toEqual(mCopy);
  });

  it('rejects k that is not a whole number from 1 to the number of products', () => {
    for (const k of [0, -1, 1.5, 5, Number.NaN]) {
      expect(() => knnDensity(m, 3, 4, phi, k)).toThrow(InvalidOptionError);
      expect(() => knnDensity(m, 3, 4, phi, k)).toThrow(`invalid knn: ${k}`);
    }
    expect(() => knnDensity(m, 3, 4, phi, 4)).not.toThrow();
  });

  it('k = number of products is the plain density (threshold 0: φ[p,p] = 0 is the smallest), 0 where that is empty', () => {
    fc.assert(
      fc.property(presenceMatrix(2, 8, 2, 12, 0.4), fc.boolean(), ({ locations, products, m: mm }, asymmetric) => {
        const p = proximity(mm, locations, products, { asymmetric });
        const all = knnDensity(mm, locations, products, p, products);
        const plain = density(mm, locations, products, p);
        for (let i = 0; i < all.length; i++) {
          if (Number.isNaN(plain[i]!)) expect(all[i]).toBe(0);
          else expect(Math.abs(all[i]! - plain[i]!)).toBeLessThan(1e-12);
        }
      }),
    );
  });

  it('commutes with reordering the products (neighbours are chosen by value, ties included)', () => {
    fc.assert(
      fc.property(
        presenceMatrix(2, 8, 3, 12, 0.45),
        fc.integer({ min: 1, max: 12 }),
        fc.integer(),
        ({ locations, products, m: mm }, kRaw, seed) => {
          const k = 1 + (kRaw % products);
          const order = Array.from({ length: products }, (_, i) => i);
          let state = seed >>> 0 || 3;
          for (let i = products - 1; i > 0; i--) {
            state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
            const j = state % (i + 1);
            [order[i], order[j]] = [order[j]!, order[i]!];
          }
          const p = proximity(mm, locations, products);
          const before = permuteProducts(knnDensity(mm, locations, products, p, k), locations, order);
          const after = knnDensity(permuteProducts(mm, locations, order), locations, products, permutePhi(p, order), k);
          expect(maxAbsDiff(before, after)).toBeLessThan(1e-12);
        },
      ),
    );
  });

  it('is a weighted share of present neighbours: within [0, 1] for M, and 1 for a location present everywhere', () => {
    fc.assert(
      fc.property(
        presenceMatrix(2, 8, 2, 12, 0.5),
        fc.integer({ min: 1, max: 12 }),
        ({ locations, products, m: mm }, kRaw) => {
          const k = 1 + (kRaw % products);
          const withFull = new Uint8Array((locations + 1) * products);
          withFull.set(mm);
          withFull.fill(1, locations * products);
          const p = proximity(withFull, locations + 1, products);
          const d = knnDensity(withFull, locations + 1, products, p, k);
          for (const v of d) expect(v >= 0 && v <= 1 + 1e-12).toBe(true);
          for (let q = 0; q < products; q++) {
            const full = d[locations * products + q]!;
            // Either some weight is kept (then the full location has all of it) or nothing is (0).
            expect(full === 0 || Math.abs(full - 1) < 1e-12).toBe(true);
          }
        },
      ),
    );
  });

  it('weighs by RCA with the continuous proximity, and k = P is again the plain density', () => {
    fc.assert(
      fc.property(exportsMatrix(3, 7, 2, 9), ({ locations, products, values }) => {
        const p = continuousProximity(values, locations, products);
        const all = knnDensity(values, locations, products, p, products);
        const plain = density(values, locations, products, p);
        for (let i = 0; i < all.length; i++) {
          if (Number.isNaN(plain[i]!)) expect(all[i]).toBe(0);
          else expect(Math.abs(all[i]! - plain[i]!)).toBeLessThan(1e-9 * Math.max(1, Math.abs(plain[i]!)));
        }
      }),
    );
  });
});
