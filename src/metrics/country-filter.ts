/**
 * The Atlas of Economic Complexity's country filter: which locations take part in the complexity rankings.
 *
 * The Atlas ranks only countries large enough for their export baskets to be informative: a population of at least
 * 1 million and exports of at least 1 bn USD a year on average over the years used (the Growth Lab's current
 * rankings; the 2011 book used 1.2 million people and 2006-2008 averages: Hausmann, Hidalgo et al., "The Atlas of
 * Economic Complexity", part 2, ch. 7). Micro-territories with a few unusual exports (Bouvet Island, Heard and
 * McDonald Islands) would otherwise rank near the top. A location without population data cannot show that it
 * passes and is left out, with that reason.
 *
 * Pure: the caller gives each location's average exports and population; the result says, per location, whether it
 * is kept and, if not, why. docs/complexity.md § Country filter.
 */
import { MetricInputError } from '../errors.ts';

export const atlasThresholds = Object.freeze({
  /** People, at least. */
  minPopulation: 1_000_000,
  /** USD a year on average over the years used, at least. */
  minExportsUsd: 1_000_000_000,
});

export type CountryFilterReason = 'population' | 'exports' | 'no-population';

export interface CountryFilter {
  /** 1 where the location takes part, 0 where it is left out. */
  kept: Uint8Array;
  /** Why each location is left out (null when kept); the population test is reported first. */
  reasons: (CountryFilterReason | null)[];
  keptCount: number;
}

/**
 * @param exportsUsd average yearly exports per location (USD)
 * @param population people per location; NaN where unknown
 */
export function atlasCountryFilter(
  exportsUsd: ArrayLike<number>,
  population: ArrayLike<number>,
  thresholds: { minPopulation: number; minExportsUsd: number } = atlasThresholds,
): CountryFilter {
  if (exportsUsd.length !== population.length)
    throw new MetricInputError(
      `atlasCountryFilter: ${exportsUsd.length} export totals but ${population.length} populations`,
    );
  const n = exportsUsd.length;
  const kept = new Uint8Array(n);
  const reasons: (CountryFilterReason | null)[] = new Array<CountryFilterReason | null>(n).fill(null);
  let keptCount = 0;
  for (let i = 0; i < n; i++) {
    const people = population[i]!;
    const exports = exportsUsd[i]!;
    if (!Number.isFinite(exports) || exports < 0)
      throw new MetricInputError(`atlasCountryFilter: exports of location ${i} are ${exports}, not a number >= 0`);
    if (!Number.isFinite(people)) reasons[i] = 'no-population';
    else if (people < thresholds.minPopulation) reasons[i] = 'population';
    else if (exports < thresholds.minExportsUsd) reasons[i] = 'exports';
    else {
      kept[i] = 1;
      keptCount++;
    }
  }
  return { kept, reasons, keptCount };
}
