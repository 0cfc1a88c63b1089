/**
 * Revealed comparative advantage (Balassa 1965), as Stata's `ecomplexity` computes it:
 *
 *   RCA[c,p] = (X[c,p] / X[c,·]) / (X[·,p] / X[·,·])
 *
 * X = exports of location c in product p (a rectangular year: missing pairs are 0). RCA is 0
 * where it is undefined (the location or the product exports nothing).
 * Source: docs/complexity.md §1; docs/methods/complexity.md §1.
 */
import { checkCount, checkNonNegative, checkShape } from './matrix.ts';

/**
 * @param valuesUsd locations × products, row-major, finite and >= 0
 * @returns RCA, same shape
 * @throws MetricInputError on a wrong shape or a negative / non-finite value
 */
export function rca(valuesUsd: Float64Array, locations: number, products: number): Float64Array {
  checkCount('rca', 'locations', locations);
  checkCount('rca', 'products', products);
  checkShape('rca', 'valuesUsd', valuesUsd, locations, products);
  checkNonNegative('rca', 'valuesUsd', valuesUsd, products);
  return _rca(valuesUsd, locations, products);
}

/** The kernel without checks, for callers that validated the input already. */
export function _rca(valuesUsd: Float64Array, locations: number, products: number): Float64Array {
  const rowTotal = new Float64Array(locations);
  const colTotal = new Float64Array(products);
  let total = 0;
  for (let c = 0; c < locations; c++) {
    const base = c * products;
    let sum = 0;
    for (let p = 0; p < products; p++) {
      const x = valuesUsd[base + p]!;
      sum += x;
      colTotal[p]! += x;
    }
    rowTotal[c] = sum;
    total += sum;
  }
  const out = new Float64Array(locations * products);
  if (total === 0) return out;
  const share = new Float64Array(products);
  for (let p = 0; p < products; p++) share[p] = colTotal[p]! / total;
  for (let c = 0; c < locations; c++) {
    const rowSum = rowTotal[c]!;
    if (rowSum === 0) continue;
    const base = c * products;
    for (let p = 0; p < products; p++) {
      const s = share[p]!;
      if (s > 0) out[base + p] = valuesUsd[base + p]! / rowSum / s;
    }
  }
  return out;
}
