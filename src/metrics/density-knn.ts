/**
 * k-nearest-neighbour density, as Stata's `ecomplexity ..., knn(k)` computes it
 * (`calculate_density.ado`, github.com/cid-harvard/ecomplexity; py-ecomplexity's `knn=` option):
 *
 *   density_k[c,p] = Σ_q L[c,q] · φ_k[q,p] / Σ_q φ_k[q,p]      (0 where Σ_q φ_k[q,p] = 0)
 *   φ_k[q,p]       = φ[q,p] if φ[q,p] ≥ θ_p, else 0
 *   θ_p            = (t_p + (−1) + |t_p − (−1)|) / 2,   t_p = the k-th largest of φ[·,p]
 *
 * Each product p keeps only its k closest products q (by the same φ[q,p] that weighs q in the
 * plain density, src/metrics/density.ts), and density is the proximity-weighted share of those
 * that location c has. L = M for the discrete proximities, RCA (or RPOP) for the continuous one
 * (the engine offers knn with the discrete ones only: with a continuous φ the rounding below
 * depends on bits where Karavan's φ and Stata's differ; see complexity-options.ts).
 * Details that decide the numbers, all Stata's (its reference output agrees to 4e-16, see
 * docs/complexity.md § Reference comparison):
 *
 * - t_p is taken over all P values of the column, p's own included; φ[p,p] = 0, so p itself
 *   never adds weight, and with k = P the threshold is 0 and density_k is the plain density.
 * - Ties: every q with φ[q,p] ≥ θ_p is kept, so a product can keep more than k neighbours.
 * - θ_p is t_p passed through Stata's max(t, knnt), written (t + knnt + |t − knnt|) / 2 with the
 *   default knnt = −1 (no proximity floor). In double precision that formula returns t moved by
 *   up to one unit in the last place (0.6 → 0.6000000000000001, 5/6 up; 2/3, 0.4 down; 0.5, 0.8
 *   unchanged). When it moves up, every product tied at t — the k-th one included — is dropped:
 *   on the reference data (30 products, k = 5) 14 products keep fewer than 5 neighbours and one
 *   keeps none. Karavan evaluates the same expression so that it selects the same neighbours;
 *   comparing with t itself instead differs from Stata by up to 0.69 in density.
 * - A product that keeps no weight gets density 0 (Stata: editmissing(weight, 0)), not empty.
 *
 * py-ecomplexity's `calc_density(..., knn)` differs and is not followed: it takes exactly k
 * neighbours from scikit-learn (ties broken by position, the product itself excluded) on the
 * distance 1 − φ, and returns the count of the neighbours present instead of the
 * proximity-weighted share.
 *
 * Cost: one sort of each column (P² log P) and one dense pass (P²), then the sparse product of
 * density.ts; φ must be formed (P × P), unlike the plain discrete density.
 * Source: docs/complexity.md §5 (knn).
 */
import { InvalidOptionError } from '../errors.ts';
import { _density } from './density.ts';
import { checkCount, checkNonNegative, checkShape } from './matrix.ts';

/** Stata's default proximity floor knnt(): −1, below every proximity, so only its rounding matters. */
const stataProximityFloor = -1;

/**
 * k-nearest-neighbour density. Does not modify its arguments.
 * @param weights L: M (0/1) or RCA/RPOP, locations × products, >= 0
 * @param phi proximity, products × products, as density() reads it (column p weighs p's neighbours)
 * @param neighbours k, a whole number in 1..products
 * @throws InvalidOptionError when k is not a whole number in 1..products
 */
export function knnDensity(
  weights: Uint8Array | Float64Array,
  locations: number,
  products: number,
  phi: Float64Array,
  neighbours: number,
): Float64Array {
  checkCount('knnDensity', 'locations', locations);
  checkCount('knnDensity', 'products', products);
  checkShape('knnDensity', 'weights', weights, locations, products);
  checkShape('knnDensity', 'phi', phi, products, products);
  checkNonNegative('knnDensity', 'weights', weights, products);
  checkNeighbours(neighbours, products);
  return _knnDensityInPlace(weights, locations, products, phi.slice(), neighbours);
}

/** @throws InvalidOptionError "invalid knn: <k>" unless k is a whole number in 1..products. */
export function checkNeighbours(neighbours: number, products: number, where = ''): void {
  if (!Number.isInteger(neighbours) || neighbours < 1 || neighbours > products) {
    throw new InvalidOptionError(`invalid knn: ${String(neighbours)}${where}`, {
      value: String(neighbours),
      hint: `give a whole number of neighbours from 1 to the number of products (${products})`,
    });
  }
}

/**
 * The threshold θ for the k-th largest proximity t: Stata's max(t, knnt) formula, evaluated in
 * the same order so that it rounds the same way.
 */
export function stataKnnThreshold(kthLargest: number): number {
  return (kthLargest + stataProximityFloor + Math.abs(kthLargest - stataProximityFloor)) / 2;
}

/**
 * Keeps, in each column p of φ, the values ≥ θ_p and zeroes the rest, in place; returns the
 * column sums of what is kept.
 */
export function _keepNearestInPlace(phi: Float64Array, products: number, neighbours: number): Float64Array {
  const column = new Float64Array(products);
  const sums = new Float64Array(products);
  for (let p = 0; p < products; p++) {
    for (let q = 0; q < products; q++) column[q] = phi[q * products + p]!;
    column.sort(); // ascending (typed-array sort is numeric): the k-th largest is at P − k
    const threshold = stataKnnThreshold(column[products - neighbours]!);
    let sum = 0;
    for (let q = 0; q < products; q++) {
      const i = q * products + p;
      const value = phi[i]!;
      if (value >= threshold) sum += value;
      else phi[i] = 0;
    }
    sums[p] = sum;
  }
  return sums;
}

/** knnDensity() without checks; overwrites φ with the kept proximities (for callers that own it). */
export function _knnDensityInPlace(
  weights: Uint8Array | Float64Array,
  locations: number,
  products: number,
  phi: Float64Array,
  neighbours: number,
): Float64Array {
  const keptSums = _keepNearestInPlace(phi, products, neighbours);
  const out = _density(weights, locations, products, phi, keptSums);
  // _density leaves NaN where the weights sum to 0; Stata sets those weights to 0 (editmissing).
  for (let p = 0; p < products; p++) {
    if (keptSums[p]! > 0) continue;
    for (let c = 0; c < locations; c++) out[c * products + p] = 0;
  }
  return out;
}
