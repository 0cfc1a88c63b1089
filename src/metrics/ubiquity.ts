/**
 * Ubiquity k_p = Σ_c M[c,p]: how many locations are present in a product.
 * Source: docs/complexity.md §3; docs/methods/complexity.md §3.
 */
import { checkCount, checkShape } from './matrix.ts';

export function ubiquity(m: Uint8Array, locations: number, products: number): Int32Array {
  checkCount('ubiquity', 'locations', locations);
  checkCount('ubiquity', 'products', products);
  checkShape('ubiquity', 'm', m, locations, products);
  const out = new Int32Array(products);
  for (let c = 0; c < locations; c++) {
    const base = c * products;
    for (let p = 0; p < products; p++) out[p]! += m[base + p]!;
  }
  return out;
}
