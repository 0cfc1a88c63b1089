import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diversity, ubiquity } from '../../src/metrics/index.ts';
import { presenceMatrix } from './helpers.ts';

describe('diversity', () => {
  it("counts each location's products (hand-computed)", () => {
    expect(Array.from(diversity(Uint8Array.from([1, 0, 1, 0, 0, 0]), 2, 3))).toEqual([2, 0]);
  });

  it('equals Σ_p M[c,p], and Σ diversity = Σ ubiquity = Σ M', () => {
    fc.assert(
      fc.property(presenceMatrix(), ({ locations, products, m }) => {
        const d = diversity(m, locations, products);
        const u = ubiquity(m, locations, products);
        for (let c = 0; c < locations; c++) {
          let s = 0;
          for (let p = 0; p < products; p++) s += m[c * products + p]!;
          expect(d[c]).toBe(s);
        }
        const total = m.reduce((a, b) => a + b, 0);
        expect(d.reduce((a, b) => a + b, 0)).toBe(total);
        expect(u.reduce((a, b) => a + b, 0)).toBe(total);
      }),
    );
  });
});
