/**
 * Surplus placement: the exporter's competitive products (RCA > 1 in world exports) whose market
 * in the importer is growing and is held by rivals: where there is room to displace them. The
 * room is the rivals' part of the importer's imports; rows are ranked by it, only for growing
 * markets (five-year growth above zero) where the exporter holds under half.
 */
import { pairCoverage, primaryFlowSource, importNeeds, type HsLevel, type TradeStore } from '../data/index.ts';
import { advantage, capabilitiesSource, groupNotPlaced } from './capabilities.ts';
import { worldCoverageMinExporters } from './coverage.ts';
import { baciAdvice, comtradeAdvice, countryValues, gap } from './messages.ts';
import { msg, type Message } from '../messages/index.ts';
import { cagr, nameProducts, type SectionMeta } from './section.ts';

export interface SurplusOptions {
  exporter: string;
  importer: string;
  year?: number;
  /** @default 6 (RCA is then computed from world flows at HS6) */
  level?: HsLevel;
  /** @default 30 */
  limit?: number;
  /** @default 5 */
  spanYears?: number;
  /** Markets where the exporter already holds this share or more are left out. @default 0.5 */
  maxExporterShare?: number;
}

export interface SurplusRow {
  product: string;
  nameEn: string;
  nameRu: string;
  exporterRca: number;
  importsUsd: number;
  growth: number;
  exporterShare: number;
  /** Imports held by other suppliers (USD): the displacement room. */
  rivalsUsd: number;
  leadingRival: { iso3: string; share: number } | null;
}

export interface SurplusResult extends SectionMeta {
  exporter: string;
  importer: string;
  year: number | null;
  level: HsLevel;
  rows: SurplusRow[];
}

export const surplusDefaults = Object.freeze({ level: 6 as HsLevel, limit: 30, spanYears: 5, maxExporterShare: 0.5 });

export async function surplusPlacement(store: TradeStore, options: SurplusOptions): Promise<SurplusResult> {
  const level = options.level ?? surplusDefaults.level;
  const limit = options.limit ?? surplusDefaults.limit;
  const spanYears = options.spanYears ?? surplusDefaults.spanYears;
  const maxShare = options.maxExporterShare ?? surplusDefaults.maxExporterShare;
  const { exporter, importer } = options;
  const coverage = await pairCoverage(store, exporter, importer);
  const worldYears = coverage.worldFlowYears.filter((y) => y.exporters >= worldCoverageMinExporters).map((y) => y.year);
  const year = options.year ?? worldYears.filter((y) => coverage.importerImports.some((i) => i.year === y)).at(-1);
  const [exporterValue, importerValue] = await countryValues(store, exporter, importer);
  const parties = { exporter: exporterValue!, importer: importerValue! };
  const missing = (why: Message): SurplusResult => ({
    status: 'missing',
    basis: msg('basis.none'),
    missing: why,
    exporter,
    importer,
    year: year ?? null,
    level,
    rows: [],
  });
  if (year === undefined || !worldYears.includes(year)) {
    return missing(
      gap(msg('need.surplusFlows', parties), baciAdvice(), comtradeAdvice(parties.importer, 'imports', coverage)),
    );
  }
  const capsSource = await capabilitiesSource(store, level, year);
  if (!capsSource) return missing(gap(msg('need.worldExportsAtLevel', { level: String(level) }), baciAdvice()));
  const caps = await advantage(store, { ...capsSource, level });
  const row = caps.locationIndex.get(exporter);
  if (row === undefined)
    return missing(
      (await groupNotPlaced(store, exporter)) ??
        msg('need.noExportsIn', { who: parties.exporter, source: capsSource.source, year: String(capsSource.year) }),
    );
  const source = (await primaryFlowSource(store, year))!;
  const needs = await importNeeds(store, { importer, exporter, year, level, source, spanYears, topSuppliers: 3 });
  const P = caps.matrix.products.length;
  const candidates = needs
    .map((n) => {
      const p = caps.productIndex.get(n.product);
      const rca = p === undefined ? Number.NaN : caps.rca[row * P + p]!;
      const growth = cagr(n.importsStartUsd, n.importsUsd, spanYears);
      // A year of world totals only (no suppliers named) does not say what the exporter sells:
      // NaN keeps the product out of the placement rather than counting its share as 0.
      const exporterUsd = n.exporterUsd ?? Number.NaN;
      const exporterShare = n.importsUsd > 0 ? exporterUsd / n.importsUsd : 0;
      const leader = n.topSuppliers.find((s) => s.iso3 !== exporter);
      return { n, rca, growth, exporterShare, rivalsUsd: n.importsUsd - exporterUsd, leader };
    })
    .filter((c) => c.rca > 1 && c.growth !== null && c.growth > 0 && c.exporterShare < maxShare)
    .sort((a, b) => b.rivalsUsd - a.rivalsUsd)
    .slice(0, limit);
  const names = await nameProducts(
    store,
    candidates.map((c) => c.n.product),
  );
  const hasGrowth = needs.some((n) => n.startYear !== null);
  return {
    status: hasGrowth ? 'computed' : 'missing',
    basis: msg('basis.surplus', {
      ...parties,
      source,
      years: `${year - spanYears}-${year}`,
      capsSource: capsSource.source,
      capsYear: String(capsSource.year),
    }),
    missing: hasGrowth
      ? null
      : gap(
          msg('need.growthImporterYear', { importer: parties.importer, year: String(year - spanYears) }),
          baciAdvice(),
        ),
    exporter,
    importer,
    year,
    level,
    rows: candidates.map((c) => ({
      product: c.n.product,
      nameEn: names.get(c.n.product)!.en,
      nameRu: names.get(c.n.product)!.ru,
      exporterRca: c.rca,
      importsUsd: c.n.importsUsd,
      growth: c.growth!,
      exporterShare: c.exporterShare,
      rivalsUsd: c.rivalsUsd,
      leadingRival: c.leader ? { iso3: c.leader.iso3, share: c.leader.share } : null,
    })),
  };
}
