/**
 * Economic Complexity Index, exactly as Stata's `ecomplexity`:
 *
 * 1. Keep locations with k_c > 0 and products with k_p > 0.
 * 2. M̃[p,q] = Σ_c M[c,p] M[c,q] / (k_c k_p). kp = the eigenvector of M̃ for its second largest
 *    eigenvalue, found through the symmetric form S = Kp^-½ Mᵀ Kc⁻¹ M Kp^-½ (eigen.ts explains
 *    the solver): if S u = λ u then M̃ (Kp^-½ u) = λ (Kp^-½ u), so kp = Kp^-½ u.
 * 3. kc[c] = Σ_p M[c,p] kp[p] / k_c. If corr(k_c, kc) < 0, flip the sign of both (a zero
 *    correlation is a tie, broken deterministically: shouldFlip).
 * 4. μ, σ = mean and standard deviation (ddof 1) of kc over ALL rows of the rectangular year:
 *    each location counted once per product, so μ is the mean over locations and
 *    σ² = P Σ_c (kc − μ)² / (C·P − 1), C = locations with k_c > 0, P = all products of the year.
 * 5. ECI = (kc − μ) / σ; PCI = (kp − μ) / σ (pci.ts) — the same μ and σ.
 *
 * Locations with k_c = 0 get NaN (an empty cell), products with k_p = 0 likewise.
 * Source: docs/complexity.md §6; docs/methods/complexity.md §6.
 */
import { MetricInputError } from '../errors.ts';
import { diversity } from './diversity.ts';
import { lanczosLargest } from './eigen.ts';
import { checkBinary, checkCount, checkShape } from './matrix.ts';
import { ubiquity } from './ubiquity.ts';

export interface ComplexityVectors {
  /** Sign-fixed kc per location; NaN where k_c = 0. */
  kc: Float64Array;
  /** Sign-fixed kp per product (the M̃ eigenvector); NaN where k_p = 0. */
  kp: Float64Array;
  /** Mean of kc over the rectangular rows (μ). */
  mean: number;
  /** Standard deviation (ddof 1) of kc over the rectangular rows (σ). */
  sd: number;
  /** λ₂ of M̃. Close to 1 means the location–product network falls apart into pieces. */
  eigenvalue: number;
  /** Lanczos steps taken. */
  iterations: number;
}

/**
 * ECI per location.
 * @param m presence, locations × products, 0/1
 */
export function eci(m: Uint8Array, locations: number, products: number): Float64Array {
  checkCount('eci', 'locations', locations);
  checkCount('eci', 'products', products);
  checkShape('eci', 'm', m, locations, products);
  checkBinary('eci', 'm', m, products);
  const v = _complexityVectors(
    m,
    locations,
    products,
    diversity(m, locations, products),
    ubiquity(m, locations, products),
  );
  return standardise(v.kc, v.mean, v.sd);
}

/** (x − μ) / σ, NaN staying NaN. */
export function standardise(x: Float64Array, mean: number, sd: number): Float64Array {
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = (x[i]! - mean) / sd;
  return out;
}

/**
 * The shared kernel of eci() and pci(): the raw eigenvectors and the standardisation constants.
 * @throws MetricInputError when fewer than 2 locations or 2 products are present anywhere
 */
export function _complexityVectors(
  m: Uint8Array,
  locations: number,
  products: number,
  diversityCounts: Int32Array,
  ubiquityCounts: Int32Array,
): ComplexityVectors {
  // Compact indices of the valid products; sparse rows of the valid locations.
  const productSlot = new Int32Array(products).fill(-1);
  let n = 0;
  for (let p = 0; p < products; p++) if (ubiquityCounts[p]! > 0) productSlot[p] = n++;
  const validLocations: number[] = [];
  for (let c = 0; c < locations; c++) if (diversityCounts[c]! > 0) validLocations.push(c);
  if (validLocations.length < 2 || n < 2) {
    throw new MetricInputError(
      `complexity needs at least 2 locations and 2 products with presence (M = 1); got ${validLocations.length} locations and ${n} products`,
    );
  }
  const rowStart = new Int32Array(validLocations.length + 1);
  let nonZero = 0;
  for (const c of validLocations) nonZero += diversityCounts[c]!;
  const columns = new Int32Array(nonZero);
  let k = 0;
  validLocations.forEach((c, r) => {
    rowStart[r] = k;
    const base = c * products;
    for (let p = 0; p < products; p++) if (m[base + p] === 1) columns[k++] = productSlot[p]!;
  });
  rowStart[validLocations.length] = k;

  const kp = new Float64Array(n);
  for (let p = 0; p < products; p++) if (productSlot[p]! >= 0) kp[productSlot[p]!] = ubiquityCounts[p]!;
  const invSqrtKp = new Float64Array(n);
  for (let i = 0; i < n; i++) invSqrtKp[i] = 1 / Math.sqrt(kp[i]!);
  const invKc = validLocations.map((c) => 1 / diversityCounts[c]!);

  // S x = Kp^-½ Mᵀ Kc⁻¹ M Kp^-½ x, applied through the sparse rows.
  const scaled = new Float64Array(n);
  const apply = (x: Float64Array, out: Float64Array) => {
    for (let i = 0; i < n; i++) scaled[i] = x[i]! * invSqrtKp[i]!;
    for (let r = 0; r < validLocations.length; r++) {
      const from = rowStart[r]!;
      const to = rowStart[r + 1]!;
      let s = 0;
      for (let j = from; j < to; j++) s += scaled[columns[j]!]!;
      s *= invKc[r]!;
      for (let j = from; j < to; j++) out[columns[j]!]! += s;
    }
    for (let i = 0; i < n; i++) out[i]! *= invSqrtKp[i]!;
  };
  // The trivial eigenvector of S (eigenvalue 1): √k_p, normalised.
  const trivial = new Float64Array(n);
  let norm = 0;
  for (let i = 0; i < n; i++) norm += kp[i]!;
  for (let i = 0; i < n; i++) trivial[i] = Math.sqrt(kp[i]! / norm);
  const pair = lanczosLargest(apply, n, { deflation: [trivial] });

  const kpVector = new Float64Array(n);
  for (let i = 0; i < n; i++) kpVector[i] = pair.vector[i]! * invSqrtKp[i]!;
  const kcValid = new Float64Array(validLocations.length);
  for (let r = 0; r < validLocations.length; r++) {
    let s = 0;
    for (let j = rowStart[r]!; j < rowStart[r + 1]!; j++) s += kpVector[columns[j]!]!;
    kcValid[r] = s * invKc[r]!;
  }
  // Sign: ECI must correlate positively with diversity.
  const divValid = validLocations.map((c) => diversityCounts[c]!);
  if (shouldFlip(divValid, kcValid, kpVector, kp)) {
    for (let i = 0; i < n; i++) kpVector[i] = -kpVector[i]!;
    for (let r = 0; r < kcValid.length; r++) kcValid[r] = -kcValid[r]!;
  }
  let mean = 0;
  for (const x of kcValid) mean += x;
  mean /= kcValid.length;
  let ss = 0;
  for (const x of kcValid) ss += (x - mean) * (x - mean);
  const rows = kcValid.length * products;
  const sd = Math.sqrt((ss * products) / (rows - 1));
  if (!(sd > 0) || !Number.isFinite(sd)) {
    throw new MetricInputError(
      'ECI is undefined: the complexity vector kc is the same for every location (the presence matrix has no structure to rank)',
    );
  }

  const kc = new Float64Array(locations).fill(NaN);
  validLocations.forEach((c, r) => (kc[c] = kcValid[r]!));
  const kpAll = new Float64Array(products).fill(NaN);
  for (let p = 0; p < products; p++) if (productSlot[p]! >= 0) kpAll[p] = kpVector[productSlot[p]!]!;
  return { kc, kp: kpAll, mean, sd, eigenvalue: pair.value, iterations: pair.iterations };
}

/** Below this |correlation| the sign rule is a tie: round-off, not data, would decide it. */
const signTie = 1e-9;

/**
 * Whether kc and kp must change sign. The rule (Stata's) is corr(k_c, kc) >= 0. When that
 * correlation is zero (a symmetric presence matrix, e.g. locations of diversity 1 and 2 whose
 * kc come in ± pairs), Stata's sign is whatever its eigensolver returns, so it can differ with
 * the order of the rows. Karavan breaks such ties deterministically instead (a deviation, in
 * docs/complexity.md): PCI must then correlate negatively with ubiquity, and if that is a tie
 * too, the first product (in product order) with a non-zero kp gets a positive one. Neither
 * depends on the order or scale of the locations.
 */
function shouldFlip(
  diversityValid: ArrayLike<number>,
  kcValid: Float64Array,
  kpVector: Float64Array,
  ubiquityValid: Float64Array,
): boolean {
  const withDiversity = pearson(diversityValid, kcValid);
  if (Math.abs(withDiversity) > signTie) return withDiversity < 0;
  const withUbiquity = pearson(ubiquityValid, kpVector);
  if (Math.abs(withUbiquity) > signTie) return withUbiquity > 0;
  let largest = 0;
  for (const x of kpVector) largest = Math.max(largest, Math.abs(x));
  for (const x of kpVector) if (Math.abs(x) > signTie * largest) return x < 0;
  return false;
}

function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i]!;
    my += y[i]!;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i]! - mx;
    const dy = y[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : 0;
}
