import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MetricInputError } from '../../src/errors.ts';
import { rca } from '../../src/metrics/index.ts';
import { exportsMatrix } from './helpers.ts';

describe('rca', () => {
  it('is (X[c,p] / X[c,·]) / (X[·,p] / X[·,·]) (hand-computed 2 × 2)', () => {
    // X = [[10, 30], [20, 40]]: totals rows 40, 60; columns 30, 70; world 100.
    const r = rca(Float64Array.from([10, 30, 20, 40]), 2, 2);
    expect(r[0]).toBeCloseTo(10 / 40 / (30 / 100), 14);
    expect(r[1]).toBeCloseTo(30 / 40 / (70 / 100), 14);
    expect(r[2]).toBeCloseTo(20 / 60 / (30 / 100), 14);
    expect(r[3]).toBeCloseTo(40 / 60 / (70 / 100), 14);
  });

  it('is 1 everywhere when every location exports in world proportions', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.1, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 6 }),
        fc.array(fc.double({ min: 0.1, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 8 }),
        (sizes, shares) => {
          const L = sizes.length;
          const P = shares.length;
          const x = new Float64Array(L * P);
          for (let c = 0; c < L; c++) for (let p = 0; p < P; p++) x[c * P + p] = sizes[c]! * shares[p]!;
          for (const v of rca(x, L, P)) expect(v).toBeCloseTo(1, 10);
        },
      ),
    );
  });

  it('does not change when all values are scaled, and averages to 1 weighted by world shares', () => {
    fc.assert(
      fc.property(
        exportsMatrix(),
        fc.double({ min: 1e-3, max: 1e6, noNaN: true }),
        ({ locations, products, values }, k) => {
          const a = rca(values, locations, products);
          const b = rca(
            values.map((v) => v * k),
            locations,
            products,
          );
          for (let i = 0; i < a.length; i++) expect(b[i]).toBeCloseTo(a[i]!, 8);
          // Σ_p RCA[c,p] · X[·,p]/X[·,·] = 1 for every location with exports.
          let world = 0;
          const col = new Float64Array(products);
          for (let c = 0; c < locations; c++) for (let p = 0; p < products; p++) col[p]! += values[c * products + p]!;
          for (const v of col) world += v;
          for (let c = 0; c < locations; c++) {
            let s = 0;
            for (let p = 0; p < products; p++) s += (a[c * products + p]! * col[p]!) / world;
            expect(s).toBeCloseTo(1, 10);
          }
        },
      ),
    );
  });

  it('is 0 where undefined (a location or product with no exports)', () => {
    const r = rca(Float64Array.from([0, 0, 5, 0]), 2, 2);
    expect(Array.from(r)).toEqual([0, 0, 1, 0]);
  });

  it('refuses negative, NaN or infinite values and wrong shapes', () => {
    expect(() => rca(Float64Array.from([1, -2, 3, 4]), 2, 2)).toThrow(MetricInputError);
    expect(() => rca(Float64Array.from([1, NaN, 3, 4]), 2, 2)).toThrow(/location 0, product 1 is NaN/);
    expect(() => rca(Float64Array.from([1, Infinity, 3, 4]), 2, 2)).toThrow(MetricInputError);
    expect(() => rca(Float64Array.from([1, 2, 3]), 2, 2)).toThrow(/expected 2 × 2/);
    expect(() => rca(Float64Array.from([]), 0, 2)).toThrow(/positive integer/);
  });
});
