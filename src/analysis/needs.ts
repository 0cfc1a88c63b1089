/**
 * Importer needs: what the importer buys from the world, product by product: value, growth over
 * five years, the top suppliers with shares, concentration (HHI) and the exporter's share today.
 * Needs the importer's imports from (nearly) all suppliers: a world BACI year, or the
 * importer's own Comtrade imports. Without them it says so and shows world demand by product
 * (world exports, from the capabilities year) as the nearest stand-in, clearly labelled.
 */
import {
  countryLabels,
  importNeeds,
  importerProductSeries,
  pairCoverage,
  primaryFlowSource,
  type HsLevel,
  type TradeStore,
} from '../data/index.ts';
import { advantage, capabilities, capabilitiesSource } from './capabilities.ts';
import { worldCoverageMinExporters } from './coverage.ts';
import { baciAdvice, comtradeAdvice, countryValue, gap } from './messages.ts';
import { msg } from '../messages/index.ts';
import { cagr, nameProducts, type SectionMeta } from './section.ts';

export interface NeedsOptions {
  exporter: string;
  importer: string;
  /** @default the newest year with the importer's imports from all suppliers */
  year?: number;
  /** @default 6 */
  level?: HsLevel;
  /** Rows returned. @default 50 */
  limit?: number;
  /** Years over which growth is measured. @default 5 */
  spanYears?: number;
}

export interface NeedRow {
  product: string;
  nameEn: string;
  nameRu: string;
  importsUsd: number;
  /** Compound annual growth over `spanYears` (null where the start year is missing). */
  growth: number | null;
  /** Null (as `suppliers`, and `exporterUsd`/`exporterShare`) when the year holds only the importer's imports from the World. */
  hhi: number | null;
  suppliers: number | null;
  /** The largest suppliers, named in both languages for tables and prose. */
  topSuppliers: Array<{ iso3: string; nameEn: string; nameRu: string; valueUsd: number; share: number }>;
  exporterUsd: number | null;
  exporterShare: number | null;
  /** The importer's imports of the product in every year of the source up to `year` (0 where none), for charts. */
  series: { year: number; valueUsd: number }[];
}

export interface WorldDemandRow {
  product: string;
  nameEn: string;
  nameRu: string;
  worldTradeUsd: number;
  /** The exporter's world market share in the product. */
  exporterWorldShare: number;
}

export interface NeedsResult extends SectionMeta {
  importer: string;
  exporter: string;
  year: number | null;
  level: HsLevel;
  source: string | null;
  spanYears: number;
  totalImportsUsd: number;
  rows: NeedRow[];
  /** Stand-in when the importer's own imports are missing: world trade by product. */
  worldDemand: {
    year: number;
    source: string;
    level: HsLevel;
    rows: WorldDemandRow[];
    /**
     * Products left out because the importer itself exports them competitively (RCA >= 1 in the same world table):
     * world trade in them is no sign of its needs (crude oil for Kazakhstan). Largest world trade first.
     */
    importerExportsLeftOut: string[];
  } | null;
}

export const needsDefaults = Object.freeze({ level: 6 as HsLevel, limit: 50, spanYears: 5 });

export async function importerNeeds(store: TradeStore, options: NeedsOptions): Promise<NeedsResult> {
  const level = options.level ?? needsDefaults.level;
  const limit = options.limit ?? needsDefaults.limit;
  const spanYears = options.spanYears ?? needsDefaults.spanYears;
  const { exporter, importer } = options;
  const coverage = await pairCoverage(store, exporter, importer);
  const worldYears = coverage.worldFlowYears.filter((y) => y.exporters >= worldCoverageMinExporters).map((y) => y.year);
  const importerYears = new Set(coverage.importerImports.map((y) => y.year));
  // Comtrade imports reported by the importer itself also cover all suppliers.
  const ownReported = coverage.importerImports.filter((y) => y.sources.includes('comtrade')).map((y) => y.year);
  // So does the importer's own report of its imports from the World (a WITS or Comtrade file with
  // partner WLD): its imports by product, though naming no supplier.
  const ownWorldTotals = coverage.importerWorldTotals.map((y) => y.year);
  const usable = [
    ...new Set([...worldYears.filter((y) => importerYears.has(y)), ...ownReported, ...ownWorldTotals]),
  ].sort((a, b) => b - a);
  const year = options.year ?? usable[0];
  const importerValue = await countryValue(store, importer);
  if (year === undefined || !usable.includes(year)) {
    const demand = await worldDemand(store, exporter, importer, Math.min(level, 4) as HsLevel, limit);
    const what = msg('need.importerImportsByProductSupplier', { importer: importerValue });
    return {
      status: 'missing',
      basis: demand
        ? msg('basis.needsWorldStandIn', { year: String(demand.year), source: demand.source, importer: importerValue })
        : msg('basis.none'),
      missing: gap(
        options.year !== undefined ? msg('need.forYear', { what, year: String(options.year) }) : what,
        baciAdvice(),
        comtradeAdvice(importerValue, 'imports', coverage),
      ),
      importer,
      exporter,
      year: options.year ?? null,
      level,
      source: null,
      spanYears,
      totalImportsUsd: 0,
      rows: [],
      worldDemand: demand,
    };
  }
  // The year's primary source, unless it holds nothing of the importer's imports (a year known
  // only from the importer's own world totals beside another country's report): then the source of those.
  const primary = (await primaryFlowSource(store, year))!;
  const importerSources = [...coverage.importerImports, ...coverage.importerWorldTotals]
    .filter((y) => y.year === year)
    .flatMap((y) => y.sources);
  const source =
    importerSources.length === 0 || importerSources.includes(primary) ? primary : importerSources.sort()[0]!;
  const all = await importNeeds(store, { importer, exporter, year, level, source, spanYears, topSuppliers: 3 });
  const names = await nameProducts(
    store,
    all.slice(0, limit).map((r) => r.product),
  );
  const totalImportsUsd = all.reduce((sum, r) => sum + r.importsUsd, 0);
  const labels = await countryLabels(store);
  // Every year of the source up to this one: the time series of each product shown.
  const series = await importerProductSeries(store, { importer, exporter, level, source, toYear: year });
  const seriesYears = [...new Set(series.map((r) => r.year))].sort((a, b) => a - b);
  const byProductYear = new Map(series.map((r) => [`${r.product}|${r.year}`, r.valueUsd]));
  const rows = all.slice(0, limit).map((r) => ({
    series: seriesYears.map((y) => ({ year: y, valueUsd: byProductYear.get(`${r.product}|${y}`) ?? 0 })),
    product: r.product,
    nameEn: names.get(r.product)!.en,
    nameRu: names.get(r.product)!.ru,
    importsUsd: r.importsUsd,
    growth: cagr(r.importsStartUsd, r.importsUsd, spanYears),
    hhi: r.hhi,
    suppliers: r.suppliers,
    topSuppliers: r.topSuppliers.map((s) => ({
      ...s,
      nameEn: labels.get(s.iso3)?.en ?? s.iso3,
      nameRu: labels.get(s.iso3)?.ru ?? s.iso3,
    })),
    exporterUsd: r.exporterUsd,
    exporterShare: r.exporterUsd === null ? null : r.importsUsd > 0 ? r.exporterUsd / r.importsUsd : 0,
  }));
  const hasStart = all.some((r) => r.startYear !== null);
  const worldTotalsOnly = all.length > 0 && all.every((r) => r.suppliers === null);
  return {
    status: 'computed',
    basis: msg(hasStart ? 'basis.growthAgainst' : 'basis.noGrowthYear', {
      basis: msg(worldTotalsOnly ? 'basis.needsWorldTotals' : 'basis.needsAllSuppliers', {
        importer: importerValue,
        source,
        year: String(year),
      }),
      startYear: String(year - spanYears),
    }),
    missing: hasStart ? null : gap(msg('need.growthYear', { year: String(year - spanYears) }), baciAdvice()),
    importer,
    exporter,
    year,
    level,
    source,
    spanYears,
    totalImportsUsd,
    rows,
    worldDemand: null,
  };
}

async function worldDemand(
  store: TradeStore,
  exporter: string,
  importer: string,
  level: HsLevel,
  limit: number,
): Promise<NeedsResult['worldDemand']> {
  const source = await capabilitiesSource(store, level);
  if (!source) return null;
  const caps = await capabilities(store, { ...source, level });
  // The importer's own competitive exports (RCA over every location of the table) are not its needs.
  const all = await advantage(store, { ...source, level });
  const importerRow = all.locationIndex.get(importer);
  const P = caps.matrix.products.length;
  const exportsCompetitively = (p: number) => {
    const q = all.productIndex.get(caps.matrix.products[p]!);
    return importerRow !== undefined && q !== undefined && all.mcp[importerRow * all.matrix.products.length + q] === 1;
  };
  const ranked = [...caps.worldExportsUsd.keys()]
    .filter((p) => !caps.matrix.products[p]!.startsWith('99')) // "not specified according to kind"
    .sort((a, b) => caps.worldExportsUsd[b]! - caps.worldExportsUsd[a]!);
  const order = ranked.filter((p) => !exportsCompetitively(p)).slice(0, limit);
  const leftOut = ranked.filter(exportsCompetitively).map((p) => caps.matrix.products[p]!);
  const exporterRow = caps.locationIndex.get(exporter);
  const codes = order.map((p) => caps.matrix.products[p]!);
  const names = await nameProducts(store, codes);
  return {
    year: source.year,
    source: source.source,
    level,
    importerExportsLeftOut: leftOut,
    rows: order.map((p) => ({
      product: caps.matrix.products[p]!,
      nameEn: names.get(caps.matrix.products[p]!)!.en,
      nameRu: names.get(caps.matrix.products[p]!)!.ru,
      worldTradeUsd: caps.worldExportsUsd[p]!,
      exporterWorldShare:
        exporterRow === undefined ? 0 : caps.matrix.valuesUsd[exporterRow * P + p]! / caps.worldExportsUsd[p]!,
    })),
  };
}
