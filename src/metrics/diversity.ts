/**
 * Diversity k_c = Σ_p M[c,p]: how many products a location is present in.
 * Source: docs/complexity.md §3; docs/methods/complexity.md §3.
 */
import { checkCount, checkShape } from './matrix.ts';

export function diversity(m: Uint8Array, locations: number, products: number): Int32Array {
  checkCount('diversity', 'locations', locations);
  checkCount('diversity', 'products', products);
  checkShape('diversity', 'm', m, locations, products);
  const out = new Int32Array(locations);
  for (let c = 0; c < locations; c++) {
    const base = c * products;
    let k = 0;
    for (let p = 0; p < products; p++) k += m[base + p]!;
    out[c] = k;
  }
  return out;
}
