/**
 * The pair report: every section computed from the store, with its status, basis and what is
 * missing. `buildReport` is what `karavan report` and the HTTP API both call; renderers in
 * src/report/ turn the model into Markdown, HTML, JSON or XLSX.
 */
import { resolvePair, type CountryRecord, type DatasetRecord, type HsLevel, type TradeStore } from '../data/index.ts';
import { InvalidOptionError } from '../errors.ts';
import { tradeBasket, type BasketResult } from './basket.ts';
import { dataCoverage, type DataCoverage, type SectionId } from './coverage.ts';
import { jointProduction, type JointProductionResult } from './joint-production.ts';
import { machineryDemand, type MachineryDemand } from './machinery-demand.ts';
import { kazakhstanRegions, type KazakhstanRegions } from './regions.ts';
import { importerNeeds, type NeedsResult } from './needs.ts';
import { exportPotential, type PotentialResult } from './potential.ts';
import { rivals, type RivalsResult } from './rivals.ts';
import { exporterSupply, type SupplyResult } from './supply.ts';
import { surplusPlacement, type SurplusResult } from './surplus.ts';
import { pairTarget, turnover, type PairTarget, type TurnoverResult } from './turnover.ts';

export interface ReportOptions {
  /** Exporter: ISO3, ISO2, numeric code or name (EN/RU). @default 'BLR' */
  from?: string;
  /** Importer. @default 'KAZ' */
  to?: string;
  /** Year of the flows-based sections. @default the newest the store covers */
  year?: number;
  /** HS level of the flows-based sections (needs, potential, rivals, surplus). @default 6 */
  level?: 4 | 6;
  /** Rows per table. @default 25 */
  limit?: number;
  /** Target for the planner; without it an example target (double in five years) is shown. */
  target?: { valueUsd: number; year: number };
  /** Complexity over every country, not only those the Atlas filter keeps. @default false */
  allCountries?: boolean;
  /** HS codes for the rivals section. @default the rivals command's choice (`defaultRivalProducts`) */
  products?: string[];
}

export interface ResolvedReportOptions {
  from: string;
  to: string;
  year: number | undefined;
  level: 4 | 6;
  /**
   * Whether the level was asked for: then supply and joint production use it too, as `karavan supply --level`
   * and `joint --level` would; otherwise they keep their own default (HS4, the level world tables have).
   */
  levelGiven: boolean;
  limit: number;
  target: { valueUsd: number; year: number } | undefined;
  allCountries: boolean;
  products: string[] | undefined;
}

export const reportDefaults = Object.freeze({ from: 'BLR', to: 'KAZ', level: 6 as const, limit: 25 });

/** The report's sections in the order they are numbered and printed (the coverage table follows it). */
export const reportSectionOrder: readonly SectionId[] = Object.freeze([
  'turnover',
  'basket',
  'needs',
  'supply',
  'potential',
  'rivals',
  'jointProduction',
  'surplus',
  'complexity',
]);

/** HS headings of harvesting machinery, tractors and dump trucks: the machinery market view. */
export const machineryHeadings = Object.freeze(['8433', '8701', '8704']);

export function resolveReport(options: ReportOptions = {}): ResolvedReportOptions {
  const level = options.level ?? reportDefaults.level;
  if (level !== 4 && level !== 6)
    throw new InvalidOptionError(`invalid level: ${String(level)} (4 or 6)`, { value: String(level) });
  const limit = options.limit ?? reportDefaults.limit;
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
    throw new InvalidOptionError(`invalid limit: ${String(limit)} (1 to 1000)`, { value: String(limit) });
  if (options.year !== undefined && (!Number.isInteger(options.year) || options.year < 1962 || options.year > 2100)) {
    throw new InvalidOptionError(`invalid year: ${String(options.year)}`, { value: String(options.year) });
  }
  if (options.target && (!(options.target.valueUsd > 0) || !Number.isInteger(options.target.year))) {
    throw new InvalidOptionError(`invalid target: ${options.target.valueUsd} USD by ${options.target.year}`);
  }
  return {
    from: options.from ?? reportDefaults.from,
    to: options.to ?? reportDefaults.to,
    year: options.year,
    level,
    levelGiven: options.level !== undefined,
    limit,
    target: options.target,
    allCountries: options.allCountries ?? false,
    products: options.products && options.products.length > 0 ? [...new Set(options.products)] : undefined,
  };
}

export interface ReportModel {
  generatedAt: string;
  storeVersion: string;
  options: ResolvedReportOptions;
  exporter: CountryRecord;
  importer: CountryRecord;
  coverage: DataCoverage;
  turnover: TurnoverResult;
  /** The pair's trade basket by product, both directions (the section after turnover). */
  basket: BasketResult;
  target: PairTarget | null;
  needs: NeedsResult;
  supply: SupplyResult;
  potential: PotentialResult;
  rivals: RivalsResult;
  jointProduction: JointProductionResult;
  surplus: SurplusResult;
  machineryMarket: RivalsResult;
  /** The size of the machinery market: the yearly replacement demand of the importer's fleets. */
  machineryDemand: MachineryDemand;
  /** Kazakhstan's oblasts with the combines their areas need (when Kazakhstan is the importer). */
  regions: KazakhstanRegions | null;
  datasets: DatasetRecord[];
  /** Milliseconds per section, for the benchmark and the curious. */
  timingsMs: Record<string, number>;
}

export async function buildReport(store: TradeStore, options: ReportOptions = {}): Promise<ReportModel> {
  const o = resolveReport(options);
  const timingsMs: Record<string, number> = {};
  const timed = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      return await fn();
    } finally {
      timingsMs[name] = performance.now() - started;
    }
  };
  const [exporter, importer] = await resolvePair(store, o.from, o.to, { year: o.year });
  const pair = { exporter: exporter.iso3, importer: importer.iso3 };
  const level = o.level as HsLevel;
  const coverage = await timed('coverage', () => dataCoverage(store, pair.exporter, pair.importer));
  const turnoverResult = await timed('turnover', () => turnover(store, pair));
  const basket = await timed('basket', () => tradeBasket(store, { ...pair, year: o.year, level, limit: o.limit }));
  // The coverage table shows the basket's own status, so the two cannot disagree; its rows in section order.
  coverage.sections.push({ section: 'basket', status: basket.status, basis: basket.basis, missing: basket.missing });
  coverage.sections.sort((x, y) => reportSectionOrder.indexOf(x.section) - reportSectionOrder.indexOf(y.section));
  const needs = await timed('needs', () => importerNeeds(store, { ...pair, year: o.year, level, limit: o.limit }));
  // Capability sections take the report's year, and its level when one was asked for (see levelGiven), so each
  // says what its own command says with the same options.
  const capabilityOptions = {
    year: o.year,
    ...(o.levelGiven && { level }),
    limit: o.limit,
    allCountries: o.allCountries,
  };
  const supply = await timed('supply', () => exporterSupply(store, { exporter: pair.exporter, ...capabilityOptions }));
  const potential = await timed('potential', () =>
    exportPotential(store, { ...pair, year: o.year, level, limit: o.limit }),
  );
  // Rivals: the products given, else the same default as `karavan rivals` (the pair's largest flows and the
  // exporter's competitive exports), so the report and the command agree.
  const rivalsResult = await timed('rivals', () =>
    rivals(store, { ...pair, products: o.products, year: o.year, level }),
  );
  const joint = await timed('jointProduction', () => jointProduction(store, { ...pair, ...capabilityOptions }));
  const surplus = await timed('surplus', () =>
    surplusPlacement(store, { ...pair, year: o.year, level, limit: o.limit }),
  );
  const machineryDemandResult = await timed('machineryDemand', () => machineryDemand(store, pair.importer));
  const machineryMarket = await timed('machineryMarket', () =>
    rivals(store, { ...pair, products: [...machineryHeadings], year: o.year, level: 4 }),
  );
  const target = pairTarget(turnoverResult, potential, {
    targetUsd: o.target?.valueUsd,
    targetYear: o.target?.year,
  });
  return {
    generatedAt: new Date().toISOString(),
    storeVersion: store.version,
    options: o,
    exporter,
    importer,
    coverage,
    turnover: turnoverResult,
    basket,
    target,
    needs,
    supply,
    potential,
    rivals: rivalsResult,
    jointProduction: joint,
    surplus,
    machineryMarket,
    machineryDemand: machineryDemandResult,
    regions: pair.importer === 'KAZ' ? kazakhstanRegions() : null,
    datasets: store.datasets(),
    timingsMs,
  };
}
