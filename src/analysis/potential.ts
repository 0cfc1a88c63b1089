/**
 * Export potential (ITC Export Potential Map, trade-flow variant; docs/export-potential.md):
 * for each product, the exporter's potential in the importer's market, actual exports, the
 * untapped part and the realised share, with every component (supply share, ease, demand), and
 * the sums by HS section. Needs bilateral flows of all countries (a BACI release).
 */
import {
  primaryFlowSource,
  productSections,
  restOfWorld,
  smoothedFlows,
  type HsLevel,
  type TradeStore,
} from '../data/index.ts';
import { exportPotentialPair, prepareExportPotential, type ExportPotentialOptions } from '../metrics/index.ts';
import { dataCoverage, worldCoverageMinExporters } from './coverage.ts';
import { baciAdvice, countryValues, gap } from './messages.ts';
import { msg, type Message } from '../messages/index.ts';
import { groupNotPlaced } from './capabilities.ts';
import { nameProducts, type SectionMeta } from './section.ts';

export interface PotentialOptions {
  exporter: string;
  importer: string;
  /** @default the newest year with world bilateral flows */
  year?: number;
  /** @default 6 */
  level?: HsLevel;
  /** Rows returned, by untapped potential. @default 50 */
  limit?: number;
  /** Years averaged (weights 1..n, oldest to newest). @default 5 */
  window?: number;
  /** Method switches (shrinkage, cap, penalty, growth, tariffs): src/metrics/export-potential. */
  method?: ExportPotentialOptions;
}

export interface PotentialRow {
  product: string;
  nameEn: string;
  nameRu: string;
  section: string | null;
  /** s_ik: the exporter's world market share (its supply term). */
  supplyShare: number;
  exporterWorldExportsUsd: number;
  /** D_jk: the importer's imports (demand). */
  demandUsd: number;
  /** P_ijk before normalisation, and the normaliser Σ_i' P_i'jk. */
  rawPotentialUsd: number;
  normalisationUsd: number;
  potentialUsd: number;
  actualUsd: number;
  untappedUsd: number;
  realizedShare: number;
}

export interface SectionTotal {
  section: string;
  potentialUsd: number;
  actualUsd: number;
  untappedUsd: number;
  realizedShare: number;
}

export interface PotentialResult extends SectionMeta {
  exporter: string;
  importer: string;
  year: number | null;
  years: number[];
  level: HsLevel;
  source: string | null;
  /** B_ij: the pair's ease of trade, and its parts. */
  ease: number | null;
  pairExportsUsd: number;
  expectedTradeUsd: number;
  totals: {
    potentialUsd: number;
    actualUsd: number;
    untappedUsd: number;
    realizedUsd: number;
    realizedShare: number;
  } | null;
  bySection: SectionTotal[];
  rows: PotentialRow[];
}

export const potentialDefaults = Object.freeze({ level: 6 as HsLevel, limit: 50, window: 5 });

export async function exportPotential(store: TradeStore, options: PotentialOptions): Promise<PotentialResult> {
  const level = options.level ?? potentialDefaults.level;
  const limit = options.limit ?? potentialDefaults.limit;
  const window = options.window ?? potentialDefaults.window;
  const { exporter, importer } = options;
  const coverage = await dataCoverage(store, exporter, importer);
  const worldYears = coverage.pair.worldFlowYears
    .filter((y) => y.exporters >= worldCoverageMinExporters)
    .map((y) => y.year);
  const year = options.year ?? coverage.worldFlowYear ?? undefined;
  const [exporterValue, importerValue] = await countryValues(store, exporter, importer);
  const missing = (why: Message): PotentialResult => ({
    status: 'missing',
    basis: msg('basis.none'),
    missing: why,
    exporter,
    importer,
    year: year ?? null,
    years: [],
    level,
    source: null,
    ease: null,
    pairExportsUsd: 0,
    expectedTradeUsd: 0,
    totals: null,
    bySection: [],
    rows: [],
  });
  if (year === undefined || !worldYears.includes(year)) {
    const what = msg('need.itcFlows', { exporter: exporterValue!, importer: importerValue! });
    return missing(gap(options.year ? msg('need.forYear', { what, year: String(options.year) }) : what, baciAdvice()));
  }
  // The supply side (the exporter's world market shares) is a country's: a group has no row in the world matrices.
  const exporterGroup = await groupNotPlaced(store, exporter);
  if (exporterGroup) return missing(exporterGroup);
  const sourceName = (await primaryFlowSource(store, year))!;
  const flows = await smoothedFlows(store, { year, level, source: sourceName, window, pair: [exporter, importer] });
  const i = flows.countries.indexOf(exporter);
  const j = flows.countries.indexOf(importer);
  if (i < 0 || j < 0)
    return missing(
      msg('need.noFlowsIn', { who: i < 0 ? exporterValue! : importerValue!, source: sourceName, year: String(year) }),
    );
  // The flows are reduced for this pair (see smoothedFlows): world sums exact, third markets summed.
  const model = await store.cached(
    `exportPotentialModel|${exporter}|${importer}|${year}|${level}|${sourceName}|${window}|${JSON.stringify(options.method ?? {})}`,
    async () =>
      prepareExportPotential(
        flows,
        { countryCount: flows.countries.length, productCount: flows.products.length },
        options.method ?? {},
      ),
  );
  const pair = exportPotentialPair(model, i, j);
  const r = pair.rows;
  const n = r.productIndex.length;
  const codes = Array.from(r.productIndex, (p) => flows.products[p]!);
  const sections = await productSections(store, codes);
  const bySectionMap = new Map<string, { potentialUsd: number; actualUsd: number; realizedUsd: number }>();
  for (let k = 0; k < n; k++) {
    const section = sections.get(codes[k]!) ?? '?';
    const acc = bySectionMap.get(section) ?? { potentialUsd: 0, actualUsd: 0, realizedUsd: 0 };
    acc.potentialUsd += r.potentialUsd[k]!;
    acc.actualUsd += r.actualUsd[k]!;
    acc.realizedUsd += r.realizedUsd[k]!;
    bySectionMap.set(section, acc);
  }
  const order = [...Array(n).keys()]
    .sort((a, b) => r.untappedUsd[b]! - r.untappedUsd[a]! || r.potentialUsd[b]! - r.potentialUsd[a]!)
    .slice(0, limit);
  const names = await nameProducts(
    store,
    order.map((k) => codes[k]!),
  );
  const t = pair.totals;
  return {
    status: 'computed',
    basis: msg('basis.potential', {
      countries: flows.countries.filter((c) => c !== restOfWorld).length,
      source: sourceName,
      years: flows.years.join(', '),
      weights: flows.weights.join(', '),
      level: String(level),
    }),
    missing:
      flows.years.length < window
        ? gap(msg('need.steadierAverage', { window, have: flows.years.length }), baciAdvice())
        : null,
    exporter,
    importer,
    year,
    years: flows.years,
    level,
    source: sourceName,
    ease: pair.ease,
    pairExportsUsd: pair.pairExportsUsd,
    expectedTradeUsd: pair.expectedTradeUsd,
    totals: {
      potentialUsd: t.potentialUsd,
      actualUsd: t.actualUsd,
      untappedUsd: t.untappedUsd,
      realizedUsd: t.realizedUsd,
      realizedShare: t.realizedShare,
    },
    bySection: [...bySectionMap]
      .map(([section, s]) => ({
        section,
        potentialUsd: s.potentialUsd,
        actualUsd: s.actualUsd,
        untappedUsd: s.potentialUsd - s.realizedUsd,
        realizedShare: s.potentialUsd > 0 ? s.realizedUsd / s.potentialUsd : 0,
      }))
      .sort((a, b) => b.untappedUsd - a.untappedUsd),
    rows: order.map((k) => ({
      product: codes[k]!,
      nameEn: names.get(codes[k]!)!.en,
      nameRu: names.get(codes[k]!)!.ru,
      section: sections.get(codes[k]!) ?? null,
      supplyShare: r.supplyShare[k]!,
      exporterWorldExportsUsd: r.exportsUsd[k]!,
      demandUsd: r.demandUsd[k]!,
      rawPotentialUsd: r.rawPotentialUsd[k]!,
      normalisationUsd: r.normalisationUsd[k]!,
      potentialUsd: r.potentialUsd[k]!,
      actualUsd: r.actualUsd[k]!,
      untappedUsd: r.untappedUsd[k]!,
      realizedShare: r.potentialUsd[k]! > 0 ? r.realizedUsd[k]! / r.potentialUsd[k]! : 0,
    })),
  };
}
