/**
 * Density (Hidalgo et al. 2007, Stata's normalisation):
 *
 *   density[c,p] = Σ_q L[c,q] · w[q,p],   w[q,p] = φ[q,p] / Σ_q' φ[q',p]
 *
 * φ divided by its column sums; L = M for the discrete proximities, L = RCA (or RPOP) for the
 * continuous one. Density is NaN (written as an empty cell) for a product whose φ column sums to
 * 0: it is related to nothing, so the share is undefined.
 *
 * Computed from the non-zero cells of L: each adds a row of φ into its location's row, so the
 * cost is nnz(L) · P rather than C · P².
 * Source: docs/complexity.md §5; /work/shared/docs/methods/complexity.md §5.
 */
import { checkCount, checkNonNegative, checkShape } from './matrix.ts';

/**
 * @param weights L: M (0/1) or RCA, locations × products, >= 0
 * @param phi proximity, products × products
 */
export function density(weights: Uint8Array | Float64Array, locations: number, products: number, phi: Float64Array): Float64Array {
  checkCount('density', 'locations', locations);
  checkCount('density', 'products', products);
  checkShape('density', 'weights', weights, locations, products);
  checkShape('density', 'phi', phi, products, products);
  checkNonNegative('density', 'weights', weights, products);
  return _density(weights, locations, products, phi, columnSums(phi, products));
}

/** Σ_q φ[q,p] for each p. */
export function columnSums(phi: Float64Array, products: number): Float64Array {
  const sums = new Float64Array(products);
  for (let q = 0; q < products; q++) {
    const row = q * products;
    for (let p = 0; p < products; p++) sums[p]! += phi[row + p]!;
  }
  return sums;
}

export function _density(
  weights: Uint8Array | Float64Array,
  locations: number,
  products: number,
  phi: Float64Array,
  phiColumnSums: Float64Array,
): Float64Array {
  const out = new Float64Array(locations * products);
  const inverse = new Float64Array(products);
  for (let p = 0; p < products; p++) inverse[p] = phiColumnSums[p]! > 0 ? 1 / phiColumnSums[p]! : NaN;
  for (let c = 0; c < locations; c++) {
    const base = c * products;
    const acc = out.subarray(base, base + products);
    for (let q = 0; q < products; q++) {
      const l = weights[base + q]!;
      if (l === 0) continue;
      const row = q * products;
      if (l === 1) for (let p = 0; p < products; p++) acc[p]! += phi[row + p]!;
      else for (let p = 0; p < products; p++) acc[p]! += l * phi[row + p]!;
    }
    for (let p = 0; p < products; p++) acc[p]! *= inverse[p]!;
  }
  return out;
}
