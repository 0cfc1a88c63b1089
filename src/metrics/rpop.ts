/**
 * Revealed per-capita advantage, Stata's `rpop` presence test:
 *
 *   RPOP[c,p] = (X[c,p] / X[·,p]) / (pop[c] / Σ_c' pop[c'])
 *
 * Locations without a population are dropped before this is called (the orchestrator,
 * complexity.ts, does that and says which), so every pop[c] here must be finite and > 0.
 * RPOP is 0 where it is undefined (nobody exports the product).
 * Source: docs/complexity.md §1; docs/methods/complexity.md §1.
 */
import { MetricInputError } from '../errors.ts';
import { checkCount, checkNonNegative, checkShape } from './matrix.ts';

/**
 * @param valuesUsd locations × products, row-major, finite and >= 0
 * @param population one value per location, finite and > 0
 */
export function rpop(
  valuesUsd: Float64Array,
  locations: number,
  products: number,
  population: Float64Array,
): Float64Array {
  checkCount('rpop', 'locations', locations);
  checkCount('rpop', 'products', products);
  checkShape('rpop', 'valuesUsd', valuesUsd, locations, products);
  checkShape('rpop', 'population', population, locations, 1);
  checkNonNegative('rpop', 'valuesUsd', valuesUsd, products);
  let world = 0;
  for (let c = 0; c < locations; c++) {
    const pop = population[c]!;
    if (!(pop > 0) || pop === Infinity) {
      throw new MetricInputError(`rpop: population of location ${c} must be finite and > 0, got ${pop}`, {
        value: String(pop),
      });
    }
    world += pop;
  }
  const colTotal = new Float64Array(products);
  for (let c = 0; c < locations; c++) {
    const base = c * products;
    for (let p = 0; p < products; p++) colTotal[p]! += valuesUsd[base + p]!;
  }
  const out = new Float64Array(locations * products);
  for (let c = 0; c < locations; c++) {
    const popShare = population[c]! / world;
    const base = c * products;
    for (let p = 0; p < products; p++) {
      const t = colTotal[p]!;
      if (t > 0) out[base + p] = valuesUsd[base + p]! / t / popShare;
    }
  }
  return out;
}
