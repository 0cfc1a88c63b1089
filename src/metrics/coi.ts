/**
 * Complexity Outlook Index (Stata's `coi`):
 *
 *   COI_raw[c] = Σ_p density[c,p] · (1 − M[c,p]) · kp[p] / σ
 *   COI = (COI_raw − mean) / sd, both taken over all rows of the rectangular year (each
 *   location counted once per product; sd with ddof 1)
 *
 * kp and σ are ECI's raw eigenvector and scale (eci.ts, `_complexityVectors`). Locations with
 * k_c = 0 get NaN (an empty cell) and are left out of the standardisation; products without a
 * kp (k_p = 0) or without a density (a φ column summing to 0) add nothing to the sum.
 * Source: docs/complexity.md §7; docs/methods/complexity.md §7.
 */
import { MetricInputError } from '../errors.ts';
import { checkCount, checkShape } from './matrix.ts';

/**
 * @param densityValues density, locations × products
 * @param m presence, locations × products
 * @param kp raw PCI eigenvector per product (NaN where undefined)
 * @param sd σ, ECI's standard deviation over the rectangular rows
 * @param diversityCounts k_c per location; locations with 0 get NaN
 */
export function coi(
  densityValues: Float64Array,
  m: Uint8Array,
  locations: number,
  products: number,
  kp: Float64Array,
  sd: number,
  diversityCounts: Int32Array,
): Float64Array {
  checkCount('coi', 'locations', locations);
  checkCount('coi', 'products', products);
  checkShape('coi', 'density', densityValues, locations, products);
  checkShape('coi', 'm', m, locations, products);
  checkShape('coi', 'kp', kp, products, 1);
  checkShape('coi', 'diversity', diversityCounts, locations, 1);
  if (!(sd > 0) || !Number.isFinite(sd)) throw new MetricInputError(`coi: invalid sd: ${sd}`, { value: String(sd) });
  const raw = new Float64Array(locations).fill(NaN);
  let count = 0;
  let mean = 0;
  for (let c = 0; c < locations; c++) {
    if (diversityCounts[c]! === 0) continue;
    const base = c * products;
    let s = 0;
    for (let p = 0; p < products; p++) {
      if (m[base + p] === 1) continue;
      const term = densityValues[base + p]! * kp[p]!;
      if (term === term) s += term; // skip NaN
    }
    raw[c] = s / sd;
    mean += raw[c]!;
    count++;
  }
  const out = new Float64Array(locations).fill(NaN);
  if (count === 0) return out;
  mean /= count;
  let ss = 0;
  for (let c = 0; c < locations; c++) if (raw[c] === raw[c]) ss += (raw[c]! - mean) * (raw[c]! - mean);
  const rows = count * products;
  const spread = Math.sqrt((ss * products) / (rows - 1));
  for (let c = 0; c < locations; c++) {
    if (raw[c] !== raw[c]) continue;
    // A single location, or all alike: COI has no spread to standardise by; it is 0 for everyone.
    out[c] = spread > 0 ? (raw[c]! - mean) / spread : 0;
  }
  return out;
}
