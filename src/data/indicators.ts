/**
 * Country indicators from the store's reference tables (population, GDP: World Bank WDI as shipped in
 * data/embedded), for the Atlas country filter and RPOP.
 */
import type { TradeStore } from './store.ts';

export interface PopulationTable {
  /** People by ISO3, from the indicator year nearest to the one asked (the earlier on a tie). */
  byIso3: Map<string, number>;
  /** The years the figures come from (one per country; usually one year in all). */
  years: number[];
}

/** Each country's population in the indicator year nearest `year`. */
export function populationNear(store: TradeStore, year: number): Promise<PopulationTable> {
  return store.cached(`populationNear|${year}`, async () => {
    const rows = await store.query<{ iso3: string; population: number; year: number }>(
      `SELECT iso3, population, year FROM (
         SELECT iso3, population, year,
                row_number() OVER (PARTITION BY iso3 ORDER BY abs(year - $1), year) AS nearest
           FROM indicators WHERE population IS NOT NULL AND population > 0)
        WHERE nearest = 1`,
      [year],
    );
    return {
      byIso3: new Map(rows.map((r) => [r.iso3, r.population])),
      years: [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b),
    };
  });
}
