/**
 * Exporter supply: what the exporter sells to the world, product by product: value, world market
 * share, RCA (Balassa), whether it is competitive (RCA > 1), growth, and the product's complexity
 * (PCI). From the capabilities year (exports of all countries by product).
 */
import { exporterProductSeries, exportMatrixYears, type HsLevel, type TradeStore } from '../data/index.ts';
import { advantage, capabilities, capabilitiesSource, groupNotPlaced, resultRow } from './capabilities.ts';
import { worldCoverageMinExporters } from './coverage.ts';
import { baciAdvice, comtradeAdvice, countryValue, gap } from './messages.ts';
import { msg, type Message } from '../messages/index.ts';
import { cagr, nameProducts, type SectionMeta } from './section.ts';

export interface SupplyOptions {
  exporter: string;
  /** @default the newest year with world export coverage */
  year?: number;
  /** @default 4 (the finest level the default data has); 6 with BACI */
  level?: HsLevel;
  /** Rows returned (largest exports first). @default 50 */
  limit?: number;
  /** Rank every country, not only those the Atlas filter keeps (1 M people, 1 bn USD of exports). @default false */
  allCountries?: boolean;
}

export interface SupplyRow {
  product: string;
  nameEn: string;
  nameRu: string;
  exportsUsd: number;
  worldExportsUsd: number;
  worldShare: number;
  rca: number;
  competitive: boolean;
  growth: number | null;
  pci: number | null;
  /** The exporter's exports of the product in every year of the same source up to `year` (0 where none), for charts. */
  series: { year: number; valueUsd: number }[];
}

export interface SupplyResult extends SectionMeta {
  exporter: string;
  year: number | null;
  level: HsLevel;
  source: string | null;
  totalExportsUsd: number;
  /** Products with RCA > 1 and their share of the exporter's exports. */
  competitiveProducts: number;
  competitiveShare: number;
  eci: number | null;
  /** The exporter's place by ECI among the ranked countries (1 = most complex); null when it is not ranked. */
  eciRank: number | null;
  /** How many countries the ECI ranks, and how many the Atlas filter left out (0 with allCountries). */
  rankedCountries: number;
  leftOutCountries: number;
  /** Why the exporter is not ranked, when the Atlas filter left it out (its RCA is then from all countries). */
  notRankedReason: 'population' | 'exports' | 'no-population' | null;
  rows: SupplyRow[];
}

export const supplyDefaults = Object.freeze({ level: 4 as HsLevel, limit: 50 });

export async function exporterSupply(store: TradeStore, options: SupplyOptions): Promise<SupplyResult> {
  const level = options.level ?? supplyDefaults.level;
  const limit = options.limit ?? supplyDefaults.limit;
  const source = await capabilitiesSource(store, level, options.year);
  const exporter = options.exporter;
  const exporterValue = await countryValue(store, exporter);
  const empty = (missing: Message): SupplyResult => ({
    status: 'missing',
    basis: msg('basis.none'),
    missing,
    exporter,
    year: options.year ?? null,
    level,
    source: null,
    totalExportsUsd: 0,
    competitiveProducts: 0,
    competitiveShare: 0,
    eci: null,
    eciRank: null,
    rankedCountries: 0,
    leftOutCountries: 0,
    notRankedReason: null,
    rows: [],
  });
  if (!source || (options.year !== undefined && source.year !== options.year)) {
    const what = msg('need.worldExportsAtLevel', { level: String(level) });
    return empty(gap(options.year ? msg('need.forYear', { what, year: String(options.year) }) : what, baciAdvice()));
  }
  const caps = await capabilities(store, { ...source, level, allCountries: options.allCountries ?? false });
  const location = caps.locationIndex.get(exporter);
  if (location === undefined)
    return empty(
      (await groupNotPlaced(store, exporter)) ??
        gap(
          msg('need.noExportsIn', { who: exporterValue, source: source.source, year: String(source.year) }),
          comtradeAdvice(exporterValue, 'exports'),
        ),
    );
  const row = resultRow(caps, exporter);
  const notRankedReason = caps.countryFilter.leftOut.find((x) => x.iso3 === exporter)?.reason ?? null;
  // A country the Atlas filter leaves out is not ranked, but its RCA still says what it sells competitively:
  // computed over all countries, as without the filter.
  const fallback = row === undefined && notRankedReason !== null ? await advantage(store, { ...source, level }) : null;
  const P = caps.matrix.products.length;
  const total = caps.locationExportsUsd[location]!;
  // Every year of the same source up to this one, read once: the series of each product shown, and growth from
  // the earliest of them within five years.
  const seriesYears = (await exportMatrixYears(store, worldCoverageMinExporters))
    .filter((y) => y.source === source.source && y.year <= source.year)
    .map((y) => y.year)
    .sort((a, b) => a - b);
  const byProductYear = new Map<string, number>();
  for (const r of await exporterProductSeries(store, { exporter, level, source: source.source, years: seriesYears }))
    byProductYear.set(`${r.product}|${r.year}`, r.valueUsd);
  const earlierYears = seriesYears.filter((y) => y < source.year && y >= source.year - 5);
  const startYear = earlierYears.length > 0 ? earlierYears[0]! : null;
  const all: Array<Omit<SupplyRow, 'nameEn' | 'nameRu' | 'series'>> = [];
  let competitiveProducts = 0;
  let competitiveUsd = 0;
  for (let p = 0; p < P; p++) {
    const exportsUsd = caps.matrix.valuesUsd[location * P + p]!;
    if (!(exportsUsd > 0)) continue;
    const rca =
      row !== undefined
        ? caps.result.advantage[row * P + p]!
        : fallback !== null
          ? fallback.rca[location * P + p]!
          : Number.NaN;
    const competitive =
      row !== undefined
        ? caps.result.mcp[row * P + p] === 1
        : fallback !== null && fallback.mcp[location * P + p] === 1;
    if (competitive) {
      competitiveProducts++;
      competitiveUsd += exportsUsd;
    }
    const pci = caps.result.pci[p]!;
    const product = caps.matrix.products[p]!;
    all.push({
      product,
      exportsUsd,
      worldExportsUsd: caps.worldExportsUsd[p]!,
      worldShare: exportsUsd / caps.worldExportsUsd[p]!,
      rca,
      competitive,
      growth:
        startYear === null
          ? null
          : cagr(byProductYear.get(`${product}|${startYear}`), exportsUsd, source.year - startYear),
      pci: Number.isFinite(pci) ? pci : null,
    });
  }
  all.sort((a, b) => b.exportsUsd - a.exportsUsd);
  const top = all.slice(0, limit);
  const names = await nameProducts(
    store,
    top.map((r) => r.product),
  );
  const seriesOf = (product: string) =>
    seriesYears.map((year) => ({ year, valueUsd: byProductYear.get(`${product}|${year}`) ?? 0 }));
  const eci = row !== undefined ? caps.result.eci[row]! : Number.NaN;
  let eciRank: number | null = null;
  if (Number.isFinite(eci)) {
    eciRank = 1;
    for (const other of caps.result.eci) if (other > eci) eciRank++;
  }
  return {
    status: 'computed',
    basis: msg('basis.supply', {
      countries: caps.matrix.locations.length,
      level: String(level),
      source: source.source,
      year: String(source.year),
    }),
    missing: startYear === null ? gap(msg('need.growthEarlierYear'), baciAdvice()) : null,
    exporter,
    year: source.year,
    level,
    source: source.source,
    totalExportsUsd: total,
    competitiveProducts,
    competitiveShare: total > 0 ? competitiveUsd / total : 0,
    eci: Number.isFinite(eci) ? eci : null,
    eciRank,
    rankedCountries: caps.countryFilter.ranked,
    leftOutCountries: caps.countryFilter.leftOut.length,
    notRankedReason,
    rows: top.map((r) => ({
      ...r,
      nameEn: names.get(r.product)!.en,
      nameRu: names.get(r.product)!.ru,
      series: seriesOf(r.product),
    })),
  };
}
