/**
 * Economic complexity of one year of world exports (all countries by product), computed once
 * per store version and reused by the supply, joint-production and product-space views.
 * Measures: src/metrics/complexity.ts (Stata ecomplexity definitions).
 */
import {
  countryGroups,
  exportMatrix,
  exportMatrixYears,
  populationNear,
  type ExportMatrix,
  type HsLevel,
  type TradeStore,
} from '../data/index.ts';
import {
  atlasCountryFilter,
  atlasThresholds,
  complexity,
  mcp,
  rca,
  type ComplexityYearResult,
  type CountryFilterReason,
} from '../metrics/index.ts';
import { msg, type Message } from '../messages/index.ts';
import { worldCoverageMinExporters } from './coverage.ts';
import { countryValue } from './messages.ts';

/** Which countries the complexity measures were computed over (metrics/country-filter.ts). */
export interface CountryFilterSummary {
  /**
   * 'atlas': at least 1 M people and 1 bn USD of exports; 'all': every location of the export matrix (asked for,
   * or because fewer than `atlasFilterMinCountries` countries pass the filter: data that is not a world table).
   */
  kind: 'atlas' | 'all';
  thresholds: { minPopulation: number; minExportsUsd: number } | null;
  /** The indicator year(s) the populations come from. */
  populationYears: number[];
  ranked: number;
  /** Left out, each with its reason, largest exporter first. */
  leftOut: { iso3: string; reason: CountryFilterReason; exportsUsd: number; population: number | null }[];
}

/** Fewer countries than this passing the Atlas filter means the data is no world table: the filter is not applied. */
export const atlasFilterMinCountries = worldCoverageMinExporters;

export interface Capabilities {
  matrix: ExportMatrix;
  countryFilter: CountryFilterSummary;
  result: ComplexityYearResult;
  locationIndex: Map<string, number>;
  productIndex: Map<string, number>;
  /** World exports of each product (USD), the column sums. */
  worldExportsUsd: Float64Array;
  /** Each location's total exports (USD), the row sums. */
  locationExportsUsd: Float64Array;
}

/** The newest year (at most `year`, if given) with world export coverage at `level` or finer. */
export async function capabilitiesSource(
  store: TradeStore,
  level: HsLevel,
  year?: number,
): Promise<{ year: number; source: string } | null> {
  const years = await exportMatrixYears(store, worldCoverageMinExporters);
  const usable = years.filter((y) => (year === undefined || y.year <= year) && y.levels.some((l) => l >= level));
  // The exact year if asked, else the newest; within a year the source covering most exporters (exportMatrixYears'
  // order): 53 exporters of a flows file must not stand in for a 224-country world table of the same year.
  const exact = year === undefined ? undefined : usable.find((y) => y.year === year);
  const pick = exact ?? usable[0];
  return pick ? { year: pick.year, source: pick.source } : null;
}

export interface CapabilitiesOptions {
  year: number;
  level: HsLevel;
  source: string;
  /** Rank every location, not only those passing the Atlas filter. @default false */
  allCountries?: boolean;
}

/** The summary when every location of the matrix is ranked. */
function everyLocation(locations: number): CountryFilterSummary {
  return { kind: 'all', thresholds: null, populationYears: [], ranked: locations, leftOut: [] };
}

/**
 * The Atlas country filter on a year's export matrix (metrics/country-filter.ts), with the store's populations from
 * the indicator year nearest `year`: which rows take part (undefined: all) and the summary the outputs show. Used by
 * the capabilities behind the report and by the store-mode country ranking.
 */
export async function atlasFilterFor(
  store: TradeStore,
  matrix: ExportMatrix,
  year: number,
  locationExportsUsd: Float64Array,
): Promise<{ kept: Uint8Array | undefined; summary: CountryFilterSummary }> {
  // One year's exports stand for the average over the years used: the measures are computed year by year.
  const population = await populationNear(store, year);
  const people = Float64Array.from(matrix.locations, (iso3) => population.byIso3.get(iso3) ?? Number.NaN);
  const filter = atlasCountryFilter(locationExportsUsd, people);
  // The filter is for world data: where fewer countries pass it than a world year needs (a hand-made or partial
  // table), it would leave next to nothing to rank, so every location is kept and the summary says 'all'.
  if (filter.keptCount < atlasFilterMinCountries)
    return { kept: undefined, summary: everyLocation(matrix.locations.length) };
  return {
    kept: filter.kept,
    summary: {
      kind: 'atlas',
      thresholds: { ...atlasThresholds },
      populationYears: population.years,
      ranked: filter.keptCount,
      leftOut: matrix.locations
        .map((iso3, l) => ({
          iso3,
          reason: filter.reasons[l]!,
          exportsUsd: locationExportsUsd[l]!,
          population: Number.isFinite(people[l]!) ? people[l]! : null,
        }))
        .filter((x): x is typeof x & { reason: CountryFilterReason } => x.reason !== null)
        .sort((a, b) => b.exportsUsd - a.exportsUsd),
    },
  };
}

export function capabilities(store: TradeStore, options: CapabilitiesOptions): Promise<Capabilities> {
  const filter = options.allCountries ? 'all' : 'atlas';
  return store.cached(`capabilities|${options.year}|${options.level}|${options.source}|${filter}`, () =>
    computeCapabilities(store, options),
  );
}

async function computeCapabilities(store: TradeStore, options: CapabilitiesOptions): Promise<Capabilities> {
  const matrix = await exportMatrix(store, options);
  const P = matrix.products.length;
  const L = matrix.locations.length;
  const worldExportsUsd = new Float64Array(P);
  const locationExportsUsd = new Float64Array(L);
  for (let l = 0; l < L; l++) {
    for (let p = 0; p < P; p++) {
      const v = matrix.valuesUsd[l * P + p]!;
      worldExportsUsd[p]! += v;
      locationExportsUsd[l]! += v;
    }
  }
  const { kept: locationsKept, summary: countryFilter } = options.allCountries
    ? { kept: undefined, summary: everyLocation(L) }
    : await atlasFilterFor(store, matrix, options.year, locationExportsUsd);
  const result = complexity({
    locations: L,
    products: P,
    valuesUsd: matrix.valuesUsd,
    ...(locationsKept !== undefined && { locationsKept }),
    label: `year ${options.year}`,
  });
  return {
    matrix,
    countryFilter,
    result,
    locationIndex: new Map(matrix.locations.map((c, i) => [c, i])),
    productIndex: new Map(matrix.products.map((p, i) => [p, i])),
    worldExportsUsd,
    locationExportsUsd,
  };
}

export interface Advantage {
  matrix: ExportMatrix;
  locationIndex: Map<string, number>;
  productIndex: Map<string, number>;
  /** RCA (Balassa), locations x products. */
  rca: Float64Array;
  /** 1 where RCA > 1. */
  mcp: Uint8Array;
}

/**
 * RCA and M only, without proximity and eigenvectors: what surplus placement needs, at a
 * fraction of the cost of the full complexity run at HS6 (5,000 products).
 */
export function advantage(
  store: TradeStore,
  options: { year: number; level: HsLevel; source: string },
): Promise<Advantage> {
  return store.cached(`advantage|${options.year}|${options.level}|${options.source}`, async () => {
    const matrix = await exportMatrix(store, options);
    const L = matrix.locations.length;
    const P = matrix.products.length;
    const r = rca(matrix.valuesUsd, L, P);
    return {
      matrix,
      locationIndex: new Map(matrix.locations.map((c, i) => [c, i])),
      productIndex: new Map(matrix.products.map((p, i) => [p, i])),
      rca: r,
      mcp: mcp(r, L, P),
    };
  });
}

/** Row of a location in the result matrices (locations dropped by the method have none). */
export function resultRow(caps: Capabilities, iso3: string): number | undefined {
  const location = caps.locationIndex.get(iso3);
  if (location === undefined) return undefined;
  const row = caps.result.locationIndex.indexOf(location);
  return row < 0 ? undefined : row;
}

/**
 * Why a group (EAEU, CIS...) has no row in the export matrix, or null for a country. RCA, the
 * product space and complexity place countries, not groups: summing members would count their
 * trade with each other as exports, and the Atlas ranks no groups. The user is pointed at the members.
 */
export async function groupNotPlaced(store: TradeStore, code: string): Promise<Message | null> {
  const group = (await countryGroups(store)).find((g) => g.code === code);
  if (!group) return null;
  return msg('need.groupNotCountry', {
    group: await countryValue(store, code),
    members: group.members.map((m) => m.iso3).join(', '),
  });
}
