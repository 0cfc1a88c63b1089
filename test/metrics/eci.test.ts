import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { complexity, diversity, eci, pci } from '../../src/metrics/index.ts';
import { eciIsMeanPciOfProducts, propertyRuns, scaleAndReorderInvariance } from './complexity-properties.ts';

/** The textbook nested example: location c makes products 0..c (plus noise-free structure). */
function nested(L: number, P: number): Uint8Array {
  const m = new Uint8Array(L * P);
  for (let c = 0; c < L; c++)
    for (let p = 0; p < P; p++) if (p <= Math.floor(((c + 1) * P) / L) - 1 || p === 0) m[c * P + p] = 1;
  return m;
}

describe('eci', () => {
  it('ranks a nested structure by diversity (the sign rule), mean 0 and sd 1 over the rows', () => {
    const L = 5;
    const P = 10;
    const m = nested(L, P);
    const e = eci(m, L, P);
    const d = diversity(m, L, P);
    for (let c = 1; c < L; c++) if (d[c]! > d[c - 1]!) expect(e[c]!).toBeGreaterThan(e[c - 1]!);
    const mean = e.reduce((s, x) => s + x, 0) / L;
    expect(mean).toBeCloseTo(0, 12);
    // sd over the rectangular rows (each location once per product, ddof 1) is 1.
    const rowsVariance = (P * e.reduce((s, x) => s + (x - mean) ** 2, 0)) / (L * P - 1);
    expect(rowsVariance).toBeCloseTo(1, 12);
  });

  it('breaks a sign tie (ECI uncorrelated with diversity) the same way whatever the order of the locations', () => {
    // Found by the property below (fast-check seed 1724972767): diversity 1,2,1,2,1,1 and kc in
    // ± pairs, so corr(diversity, kc) = 0 and the eigensolver's round-off picked the sign.
    const values = Float64Array.from([
      2, 974320, 93, 70325, 4, 6899, 759316, 154000, 6, 4, 106861, 27248, 0, 5, 0, 447200, 0, 6,
    ]);
    const [L, P] = [6, 3];
    const base = complexity({ locations: L, products: P, valuesUsd: values });
    expect(Array.from(base.eci).map((x) => Math.round(x * 1e4) / 1e4)).toEqual([
      -1.1222, 0.5611, 1.1222, -0.5611, -1.1222, 1.1222,
    ]);
    for (let r = 1; r < L; r++) {
      const rotated = new Float64Array(values.length);
      for (let c = 0; c < L; c++) rotated.set(values.subarray(c * P, (c + 1) * P), ((c + r) % L) * P);
      const moved = complexity({ locations: L, products: P, valuesUsd: rotated });
      for (let c = 0; c < L; c++)
        expect(moved.eci[(c + r) % L], `rotation ${r}, location ${c}`).toBeCloseTo(base.eci[c]!, 9);
    }
  });

  it('does not change when every export of the year is scaled, nor when locations are reordered', () => {
    fc.assert(scaleAndReorderInvariance(complexity), propertyRuns);
  });

  it('ECI of a location is the mean PCI of its products (same μ and σ)', () => {
    fc.assert(eciIsMeanPciOfProducts(complexity), propertyRuns);
  });
});

describe('pci', () => {
  it("is (kp − μ) / σ with ECI's μ and σ: consistent with eci()", () => {
    const L = 6;
    const P = 9;
    const m = nested(L, P);
    const e = eci(m, L, P);
    const q = pci(m, L, P);
    const d = diversity(m, L, P);
    for (let c = 0; c < L; c++) {
      let s = 0;
      for (let p = 0; p < P; p++) if (m[c * P + p] === 1) s += q[p]!;
      expect(e[c]).toBeCloseTo(s / d[c]!, 10);
    }
  });
});
