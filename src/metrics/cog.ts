/**
 * Complexity Outlook Gain (Stata's `cog`):
 *
 *   COG[c,p] = (1 − M[c,p]) Σ_q (1 − M[c,q]) · (kp[q] / σ) · w[p,q],   w[p,q] = φ[p,q] / Σ_p' φ[p',q]
 *
 * (w is density's column-normalised proximity, read with the indices swapped.) COG is 0 where
 * M = 1, NaN (an empty cell) for locations with k_c = 0 and for products with k_p = 0. Terms with
 * an undefined kp or a φ column summing to 0 add nothing.
 *
 * Computed as T[p] − Σ_{q: M[c,q]=1} φ[p,q] a[q] with a[q] = kp[q] / (σ Σ_p' φ[p',q]) and
 * T[p] = Σ_q φ[p,q] a[q] over all q: one dense product per year, then nnz(M) · P per year
 * instead of C · P². φ's column q is read as a row of φᵀ (φ itself when symmetric).
 * Source: docs/complexity.md §8; docs/methods/complexity.md §8.
 */
import { MetricInputError } from '../errors.ts';
import { columnSums } from './density.ts';
import { checkCount, checkShape, columnBlock, sparseColumns } from './matrix.ts';
import { _proximitySums } from './proximity-sums.ts';

/**
 * @param m presence, locations × products
 * @param phi proximity, products × products
 * @param kp raw PCI eigenvector per product (NaN where undefined)
 * @param sd σ, ECI's standard deviation over the rectangular rows
 * @param diversityCounts k_c per location; locations with 0 get NaN
 */
export function cog(
  m: Uint8Array,
  locations: number,
  products: number,
  phi: Float64Array,
  kp: Float64Array,
  sd: number,
  diversityCounts: Int32Array,
): Float64Array {
  checkCount('cog', 'locations', locations);
  checkCount('cog', 'products', products);
  checkShape('cog', 'm', m, locations, products);
  checkShape('cog', 'phi', phi, products, products);
  checkShape('cog', 'kp', kp, products, 1);
  checkShape('cog', 'diversity', diversityCounts, locations, 1);
  if (!(sd > 0) || !Number.isFinite(sd)) throw new MetricInputError(`cog: invalid sd: ${sd}`, { value: String(sd) });
  return _cog(m, locations, products, phi, columnSums(phi, products), kp, sd, diversityCounts);
}

/** φᵀ (a new matrix). */
export function transpose(phi: Float64Array, products: number): Float64Array {
  const t = new Float64Array(products * products);
  for (let i = 0; i < products; i++) {
    const row = i * products;
    for (let j = 0; j < products; j++) t[j * products + i] = phi[row + j]!;
  }
  return t;
}

/** φᵀ when φ is not symmetric, else φ itself (no copy). */
export function transposeIfAsymmetric(phi: Float64Array, products: number): Float64Array {
  for (let p = 0; p < products; p++) {
    for (let q = p + 1; q < products; q++) {
      if (phi[p * products + q] !== phi[q * products + p]) return transpose(phi, products);
    }
  }
  return phi;
}

export function _cog(
  m: Uint8Array,
  locations: number,
  products: number,
  phi: Float64Array,
  phiColumnSums: Float64Array,
  kp: Float64Array,
  sd: number,
  diversityCounts: Int32Array,
  phiTransposed: Float64Array = transposeIfAsymmetric(phi, products),
): Float64Array {
  const a = new Float64Array(products);
  for (let q = 0; q < products; q++) {
    const k = kp[q]!;
    a[q] = k === k && phiColumnSums[q]! > 0 ? k / (sd * phiColumnSums[q]!) : 0;
  }
  // T[p] = Σ_q φ[p,q] a[q]
  const total = new Float64Array(products);
  for (let p = 0; p < products; p++) {
    const row = p * products;
    let s = 0;
    for (let q = 0; q < products; q++) s += phi[row + q]! * a[q]!;
    total[p] = s;
  }
  const out = new Float64Array(locations * products);
  for (let c = 0; c < locations; c++) if (diversityCounts[c]! > 0) out.set(total, c * products);
  // Subtract the present products' terms: sparse M (by product) × dense φᵀ, blocked over output
  // columns as in density.ts.
  const byProduct = sparseColumns(m, locations, products);
  const block = columnBlock(locations, products);
  for (let from = 0; from < products; from += block) {
    const to = Math.min(products, from + block);
    for (let q = 0; q < products; q++) {
      const aq = a[q]!;
      if (aq === 0) continue;
      const column = q * products; // row q of φᵀ = column q of φ
      for (let k = byProduct.start[q]!; k < byProduct.start[q + 1]!; k++) {
        const base = byProduct.rows[k]! * products;
        for (let p = from; p < to; p++) out[base + p]! -= phiTransposed[column + p]! * aq;
      }
    }
  }
  for (let c = 0; c < locations; c++) {
    const base = c * products;
    if (diversityCounts[c]! === 0) {
      out.fill(NaN, base, base + products);
      continue;
    }
    for (let p = 0; p < products; p++) {
      const k = kp[p]!;
      if (k !== k) out[base + p] = NaN;
      else if (m[base + p] === 1) out[base + p] = 0;
    }
  }
  return out;
}

/**
 * COG with the discrete proximity, from M without forming φ (see proximity-sums.ts). COG reads
 * φ[p,q]: symmetric C[q,p] / max(k_q,k_p); asymmetric φ[p,q] = C[p,q] / k_q. With
 * a[q] = kp[q] / (σ Σ_p' φ[p',q]), T[p] = Σ_q φ[p,q] a[q] = S[p] − a[p] and, where M[c,p] = 0,
 * COG[c,p] = T[p] − Σ_q M[c,q] a[q] φ[p,q] = T[p] − R[c,p]. Equal to cog(M, …, φ, …) up to rounding.
 * @param proximityColumnSums Σ_p' φ[p',q] per product (densityDiscrete returns them)
 */
export function cogDiscrete(
  m: Uint8Array,
  locations: number,
  products: number,
  kp: Float64Array,
  sd: number,
  diversityCounts: Int32Array,
  ubiquityCounts: Int32Array,
  proximityColumnSums: Float64Array,
  options: { asymmetric?: boolean } = {},
): Float64Array {
  checkCount('cogDiscrete', 'locations', locations);
  checkCount('cogDiscrete', 'products', products);
  checkShape('cogDiscrete', 'm', m, locations, products);
  checkShape('cogDiscrete', 'kp', kp, products, 1);
  checkShape('cogDiscrete', 'diversity', diversityCounts, locations, 1);
  checkShape('cogDiscrete', 'ubiquity', ubiquityCounts, products, 1);
  checkShape('cogDiscrete', 'proximityColumnSums', proximityColumnSums, products, 1);
  if (!(sd > 0) || !Number.isFinite(sd))
    throw new MetricInputError(`cogDiscrete: invalid sd: ${sd}`, { value: String(sd) });
  const a = _cogWeights(kp, sd, proximityColumnSums);
  const [sums] = _proximitySums(
    m,
    locations,
    products,
    ubiquityCounts,
    [a],
    options.asymmetric === true ? 'col' : 'max',
  );
  return _cogFromSums(sums!.perLocation, sums!.total, a, m, locations, products, kp, diversityCounts);
}

/** a[q] = kp[q] / (σ Σ_p' φ[p',q]); 0 where kp or the column sum is undefined. */
export function _cogWeights(kp: Float64Array, sd: number, proximityColumnSums: Float64Array): Float64Array {
  return Float64Array.from(kp, (k, q) =>
    k === k && proximityColumnSums[q]! > 0 ? k / (sd * proximityColumnSums[q]!) : 0,
  );
}

/** COG from R and S of the weights a, in place on R: T[p] − R[c,p] where M = 0, 0 where M = 1. */
export function _cogFromSums(
  perLocation: Float64Array,
  total: Float64Array,
  a: Float64Array,
  m: Uint8Array,
  locations: number,
  products: number,
  kp: Float64Array,
  diversityCounts: Int32Array,
): Float64Array {
  for (let c = 0; c < locations; c++) {
    const base = c * products;
    if (diversityCounts[c]! === 0) {
      perLocation.fill(NaN, base, base + products);
      continue;
    }
    for (let p = 0; p < products; p++) {
      const k = kp[p]!;
      perLocation[base + p] = k !== k ? NaN : m[base + p] === 1 ? 0 : total[p]! - a[p]! - perLocation[base + p]!;
    }
  }
  return perLocation;
}
