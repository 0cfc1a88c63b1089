/**
 * Product proximity φ (P × P, row-major, diagonal 0), as Stata's `genproximity` / `ecomplexity`:
 *
 *   symmetric (default): φ[p,q] = C[p,q] / max(k_p, k_q)
 *   asymmetric:          φ[p,q] = C[p,q] / k_q          (the probability of p given q)
 *   continuous:          φ[p,q] = ½ (1 + corr(RCA[·,p], RCA[·,q]))   (Pearson, over locations)
 *
 * where C = MᵀM counts the locations present in both products and k_p = C[p,p] is ubiquity.
 * φ is 0 where both ubiquities are 0, and the continuous φ is 0 for a product whose RCA does not
 * vary across locations (the correlation is undefined there).
 *
 * MᵀM is computed from the sparse rows of M: for each location, every pair of its present
 * products gets +1 (Σ_c k_c² / 2 increments instead of P² · C multiplications), in product-major
 * order so that the writes stay within one row of C. Measured in bench/complexity.bench.ts.
 * Source: docs/complexity.md §4; docs/methods/complexity.md §4.
 */
import { InvalidOptionError } from '../errors.ts';
import { checkBinary, checkCount, checkShape, sparseColumns, sparseRows } from './matrix.ts';

export interface ProximityOptions {
  /** φ[p,q] = C[p,q] / k_q instead of C[p,q] / max(k_p, k_q). @default false */
  asymmetric?: boolean;
}

export type ResolvedProximityOptions = Required<ProximityOptions>;

export const proximityDefaults: Readonly<ResolvedProximityOptions> = Object.freeze({ asymmetric: false });

export function resolveProximity(options: ProximityOptions = {}): ResolvedProximityOptions {
  const o = { ...proximityDefaults, ...options };
  if (typeof o.asymmetric !== 'boolean') {
    throw new InvalidOptionError(`invalid asymmetric: ${String(o.asymmetric)}`, { value: String(o.asymmetric) });
  }
  return o;
}

/**
 * Co-occurrence counts C = MᵀM (P × P, symmetric; C[p,p] = ubiquity).
 * @param m presence, locations × products, 0/1
 */
export function coOccurrence(m: Uint8Array, locations: number, products: number): Float64Array {
  checkCount('coOccurrence', 'locations', locations);
  checkCount('coOccurrence', 'products', products);
  checkShape('coOccurrence', 'm', m, locations, products);
  checkBinary('coOccurrence', 'm', m, products);
  return _coOccurrence(m, locations, products);
}

export function _coOccurrence(m: Uint8Array, locations: number, products: number): Float64Array {
  // Product-major so that every write of step p lands in row p of C (a few KB, in L1 cache):
  // for each location c present in p, add 1 for every product q >= p that c is also present in.
  // next[c] walks along c's (ascending) product list as p increases.
  const { start, columns } = sparseRows(m, locations, products);
  const byProduct = sparseColumns(m, locations, products);
  const next = start.slice(0, locations);
  const out = new Float64Array(products * products);
  for (let p = 0; p < products; p++) {
    const row = p * products;
    for (let k = byProduct.start[p]!; k < byProduct.start[p + 1]!; k++) {
      const c = byProduct.rows[k]!;
      const from = next[c]!; // position of p in c's list
      const to = start[c + 1]!;
      for (let j = from; j < to; j++) out[row + columns[j]!]! += 1;
      next[c] = from + 1;
    }
  }
  for (let p = 0; p < products; p++) {
    for (let q = p + 1; q < products; q++) out[q * products + p] = out[p * products + q]!;
  }
  return out;
}

/**
 * Discrete proximity from the presence matrix.
 * @param m presence, locations × products, 0/1
 */
export function proximity(
  m: Uint8Array,
  locations: number,
  products: number,
  options: ProximityOptions = {},
): Float64Array {
  const o = resolveProximity(options);
  const cooc = coOccurrence(m, locations, products);
  return _proximityFromCounts(cooc, products, o.asymmetric);
}

/** Turns C = MᵀM into φ in place (diagonal 0) and returns it. */
export function _proximityFromCounts(cooc: Float64Array, products: number, asymmetric: boolean): Float64Array {
  const k = new Float64Array(products);
  for (let p = 0; p < products; p++) k[p] = cooc[p * products + p]!;
  for (let p = 0; p < products; p++) {
    const base = p * products;
    const kp = k[p]!;
    for (let q = 0; q < products; q++) {
      const count = cooc[base + q]!;
      if (count === 0) continue;
      const kq = k[q]!;
      cooc[base + q] = count / (asymmetric ? kq : kp > kq ? kp : kq);
    }
    cooc[base + p] = 0;
  }
  return cooc;
}

/**
 * Continuous proximity: ½(1 + Pearson correlation) between the columns of RCA (or RPOP).
 * @param advantage RCA or RPOP, locations × products
 */
export function continuousProximity(advantage: Float64Array, locations: number, products: number): Float64Array {
  checkCount('continuousProximity', 'locations', locations);
  checkCount('continuousProximity', 'products', products);
  checkShape('continuousProximity', 'advantage', advantage, locations, products);
  // Columns centred and scaled to unit norm; then corr = ZᵀZ.
  const mean = new Float64Array(products);
  for (let c = 0; c < locations; c++) {
    const base = c * products;
    for (let p = 0; p < products; p++) mean[p]! += advantage[base + p]!;
  }
  for (let p = 0; p < products; p++) mean[p]! /= locations;
  const z = new Float64Array(locations * products);
  const norm = new Float64Array(products);
  for (let c = 0; c < locations; c++) {
    const base = c * products;
    for (let p = 0; p < products; p++) {
      const d = advantage[base + p]! - mean[p]!;
      z[base + p] = d;
      norm[p]! += d * d;
    }
  }
  for (let p = 0; p < products; p++) norm[p] = norm[p]! > 0 ? 1 / Math.sqrt(norm[p]!) : 0;
  for (let c = 0; c < locations; c++) {
    const base = c * products;
    for (let p = 0; p < products; p++) z[base + p]! *= norm[p]!;
  }
  const corr = new Float64Array(products * products);
  for (let c = 0; c < locations; c++) {
    const base = c * products;
    for (let p = 0; p < products; p++) {
      const zp = z[base + p]!;
      if (zp === 0) continue;
      const row = p * products;
      for (let q = p + 1; q < products; q++) corr[row + q]! += zp * z[base + q]!;
    }
  }
  for (let p = 0; p < products; p++) {
    const row = p * products;
    const defined = norm[p]! > 0;
    for (let q = p + 1; q < products; q++) {
      const value = defined && norm[q]! > 0 ? (1 + corr[row + q]!) / 2 : 0;
      corr[row + q] = value;
      corr[q * products + p] = value;
    }
    corr[row + p] = 0;
  }
  return corr;
}
