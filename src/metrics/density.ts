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
 * cost is nnz(L) · P rather than C · P²; the loop runs product by product over blocks of output
 * columns, so each φ row is read once per block and the output block stays in cache.
 * Source: docs/complexity.md §5; docs/methods/complexity.md §5.
 */
import { checkBinary, checkCount, checkNonNegative, checkShape, columnBlock, sparseColumns } from './matrix.ts';
import { _proximitySums } from './proximity-sums.ts';
import { ubiquity } from './ubiquity.ts';

/**
 * @param weights L: M (0/1) or RCA, locations × products, >= 0
 * @param phi proximity, products × products
 */
export function density(
  weights: Uint8Array | Float64Array,
  locations: number,
  products: number,
  phi: Float64Array,
): Float64Array {
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
  // Sparse (non-zero cells of L, by product) × dense φ, blocked over output columns so that a
  // block of the output stays in cache while each φ row segment is read once.
  const byProduct = sparseColumns(weights, locations, products);
  const block = columnBlock(locations, products);
  for (let from = 0; from < products; from += block) {
    const to = Math.min(products, from + block);
    for (let q = 0; q < products; q++) {
      const row = q * products;
      for (let k = byProduct.start[q]!; k < byProduct.start[q + 1]!; k++) {
        const c = byProduct.rows[k]!;
        const l = weights[c * products + q]!;
        const base = c * products;
        if (l === 1) for (let p = from; p < to; p++) out[base + p]! += phi[row + p]!;
        else for (let p = from; p < to; p++) out[base + p]! += l * phi[row + p]!;
      }
    }
  }
  for (let c = 0; c < locations; c++) {
    const base = c * products;
    for (let p = 0; p < products; p++) out[base + p]! *= inverse[p]!;
  }
  return out;
}

export interface DiscreteDensity {
  /** Density, locations × products (NaN where the proximity column sums to 0). */
  density: Float64Array;
  /** Σ_q φ[q,p] per product: the column sums of the (never formed) proximity. */
  proximityColumnSums: Float64Array;
}

/**
 * Density with the discrete proximity, computed from M without forming φ (see
 * proximity-sums.ts): N[c,p] = Σ_q M[c,q] φ[q,p] = R[c,p] − M[c,p] and Σ_q φ[q,p] = S[p] − 1 (the
 * q = p terms, φ's zero diagonal). Equal to density(M, …, proximity(M, …)) up to rounding.
 * @param m presence, locations × products, 0/1
 */
export function densityDiscrete(
  m: Uint8Array,
  locations: number,
  products: number,
  options: { asymmetric?: boolean } = {},
): DiscreteDensity {
  checkCount('densityDiscrete', 'locations', locations);
  checkCount('densityDiscrete', 'products', products);
  checkShape('densityDiscrete', 'm', m, locations, products);
  checkBinary('densityDiscrete', 'm', m, products);
  return _densityDiscrete(m, locations, products, ubiquity(m, locations, products), options.asymmetric === true);
}

export function _densityDiscrete(
  m: Uint8Array,
  locations: number,
  products: number,
  ubiquityCounts: Int32Array,
  asymmetric: boolean,
): DiscreteDensity {
  const ones = new Float64Array(products).fill(1);
  // Density reads φ[q,p]: symmetric 1/max(k_q,k_p); asymmetric φ[q,p] = C[q,p] / k_p.
  const [sums] = _proximitySums(m, locations, products, ubiquityCounts, [ones], asymmetric ? 'row' : 'max');
  const proximityColumnSums = _columnSumsFromTotals(sums!.total, ubiquityCounts);
  return {
    density: _densityFromSums(sums!.perLocation, proximityColumnSums, m, locations, products),
    proximityColumnSums,
  };
}

/** Σ_q φ[q,p] = S[p] − 1 (φ's zero diagonal), 0 for a product nobody is present in. */
export function _columnSumsFromTotals(total: Float64Array, ubiquityCounts: Int32Array): Float64Array {
  return Float64Array.from(total, (s, p) => (ubiquityCounts[p]! > 0 ? s - 1 : 0));
}

/** density = (R − M) / Σ_q φ[q,p], in place on R; NaN where the column sum is 0. */
export function _densityFromSums(
  perLocation: Float64Array,
  proximityColumnSums: Float64Array,
  m: Uint8Array,
  locations: number,
  products: number,
): Float64Array {
  const inverse = Float64Array.from(proximityColumnSums, (sum) => (sum > 0 ? 1 / sum : NaN));
  for (let c = 0; c < locations; c++) {
    const base = c * products;
    for (let p = 0; p < products; p++) perLocation[base + p] = (perLocation[base + p]! - m[base + p]!) * inverse[p]!;
  }
  return perLocation;
}
