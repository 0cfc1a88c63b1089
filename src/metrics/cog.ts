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
 * Source: docs/complexity.md §8; /work/shared/docs/methods/complexity.md §8.
 */
import { MetricInputError } from '../errors.ts';
import { columnSums } from './density.ts';
import { checkCount, checkShape } from './matrix.ts';

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

/** φᵀ when φ is not symmetric, else φ itself (no copy). */
export function transposeIfAsymmetric(phi: Float64Array, products: number): Float64Array {
  for (let p = 0; p < products; p++) {
    for (let q = p + 1; q < products; q++) {
      if (phi[p * products + q] !== phi[q * products + p]) {
        const t = new Float64Array(products * products);
        for (let i = 0; i < products; i++) for (let j = 0; j < products; j++) t[j * products + i] = phi[i * products + j]!;
        return t;
      }
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
  const acc = new Float64Array(products);
  for (let c = 0; c < locations; c++) {
    const base = c * products;
    if (diversityCounts[c]! === 0) {
      out.fill(NaN, base, base + products);
      continue;
    }
    acc.set(total);
    for (let q = 0; q < products; q++) {
      if (m[base + q] !== 1) continue;
      const aq = a[q]!;
      if (aq === 0) continue;
      const column = q * products; // row q of φᵀ = column q of φ
      for (let p = 0; p < products; p++) acc[p]! -= phiTransposed[column + p]! * aq;
    }
    for (let p = 0; p < products; p++) {
      const k = kp[p]!;
      out[base + p] = k !== k ? NaN : m[base + p] === 1 ? 0 : acc[p]!;
    }
  }
  return out;
}
