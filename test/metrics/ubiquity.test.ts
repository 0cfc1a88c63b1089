import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ubiquity } from '../../src/metrics/index.ts';
import { presenceMatrix } from './helpers.ts';

describe('ubiquity', () => {
  it("counts each product's locations (hand-computed)", () => {
    expect(Array.from(ubiquity(Uint8Array.from([1, 0, 1, 1, 0, 0]), 2, 3))).toEqual([2, 0, 1]);
  });

  it('equals Σ_c M[c,p]', () => {
    fc.assert(
      fc.property(presenceMatrix(), ({ locations, products, m }) => {
        const u = ubiquity(m, locations, products);
        for (let p = 0; p < products; p++) {
          let s = 0;
          for (let c = 0; c < locations; c++) s += m[c * products + p]!;
          expect(u[p]).toBe(s);
        }
      }),
    );
  });
});
