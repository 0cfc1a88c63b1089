/**
 * Product Complexity Index: PCI = (kp − μ) / σ, where kp is the eigenvector of M̃ for its second
 * largest eigenvalue (sign-fixed with ECI) and μ, σ are the mean and standard deviation of kc —
 * ECI's, not PCI's own (Stata's normalisation; it keeps ECI = mean PCI of a location's products
 * up to the eigenvalue). eci.ts holds the shared kernel and the full derivation.
 * Products with k_p = 0 get NaN (an empty cell).
 * Source: docs/complexity.md §6; docs/methods/complexity.md §6.
 */
import { diversity } from './diversity.ts';
import { _complexityVectors, standardise } from './eci.ts';
import { checkBinary, checkCount, checkShape } from './matrix.ts';
import { ubiquity } from './ubiquity.ts';

/**
 * PCI per product.
 * @param m presence, locations × products, 0/1
 */
export function pci(m: Uint8Array, locations: number, products: number): Float64Array {
  checkCount('pci', 'locations', locations);
  checkCount('pci', 'products', products);
  checkShape('pci', 'm', m, locations, products);
  checkBinary('pci', 'm', m, products);
  const v = _complexityVectors(
    m,
    locations,
    products,
    diversity(m, locations, products),
    ubiquity(m, locations, products),
  );
  return standardise(v.kp, v.mean, v.sd);
}
