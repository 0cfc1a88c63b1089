/**
 * Joint-production candidates: products worth localising in the importer's country with the
 * exporter's know-how. A product qualifies when the exporter makes it competitively (RCA > 1)
 * and the importer does not (M = 0). Candidates are ranked by a score with visible parts:
 *
 *   score = 0.35 z(log demand) + 0.30 z(density) + 0.20 z(COG) + 0.15 z(PCI)
 *
 * demand = the importer's imports of the product (or, when the store lacks them, world trade in
 * the product, flagged); density = the importer's related capabilities (product space, Stata
 * definition); COG = how much the importer's complexity outlook would gain; PCI = the product's
 * complexity. z = standardised over the candidates. The weights are Karavan's choice (demand and
 * feasibility first, as in the Atlas "low-hanging fruit" strategy), shown with every result.
 */
import { importNeeds, primaryFlowSource, type HsLevel, type TradeStore } from '../data/index.ts';
import { capabilities, capabilitiesSource, groupNotPlaced, resultRow } from './capabilities.ts';
import { dataCoverage } from './coverage.ts';
import { baciAdvice, comtradeAdvice, countryValues, gap } from './messages.ts';
import { msg, type Message } from '../messages/index.ts';
import { nameProducts, zScores, type SectionMeta } from './section.ts';

export interface JointProductionOptions {
  exporter: string;
  importer: string;
  /** Capabilities year. @default the newest with world export coverage */
  year?: number;
  /** @default 4 */
  level?: HsLevel;
  /** @default 30 */
  limit?: number;
  /** Score weights. @default jointProductionDefaults.weights */
  weights?: Partial<JointProductionWeights>;
  /** Use every country's capabilities, not only those the Atlas filter keeps. @default false */
  allCountries?: boolean;
}

export interface JointProductionWeights {
  demand: number;
  density: number;
  cog: number;
  pci: number;
}

export interface JointProductionRow {
  product: string;
  nameEn: string;
  nameRu: string;
  demandUsd: number;
  demandBasis: 'importer imports' | 'world trade';
  exporterRca: number;
  exporterExportsUsd: number;
  importerRca: number;
  importerDensity: number;
  /** Percentile of the density among the importer's products without RCA (0-100). */
  densityPercentile: number;
  cog: number;
  pci: number;
  score: number;
  parts: { demand: number; density: number; cog: number; pci: number };
  /** Why: demand, the exporter's RCA, the importer's density against the threshold, COG and PCI. */
  reason: Message;
}

export interface JointProductionResult extends SectionMeta {
  exporter: string;
  importer: string;
  year: number | null;
  level: HsLevel;
  source: string | null;
  weights: JointProductionWeights;
  candidates: number;
  rows: JointProductionRow[];
}

export const jointProductionDefaults = Object.freeze({
  level: 4 as HsLevel,
  limit: 30,
  weights: Object.freeze({ demand: 0.35, density: 0.3, cog: 0.2, pci: 0.15 }) as Readonly<JointProductionWeights>,
  /**
   * The density percentile (among products the importer does not yet export competitively) from
   * which a candidate's reason says "related capabilities": the top quarter. Below it the reason
   * gives the percentile without the claim. A reading rule, not a Growth Lab figure.
   */
  relatedCapabilitiesPercentile: 75,
});

export async function jointProduction(
  store: TradeStore,
  options: JointProductionOptions,
): Promise<JointProductionResult> {
  const level = options.level ?? jointProductionDefaults.level;
  const limit = options.limit ?? jointProductionDefaults.limit;
  const weights = { ...jointProductionDefaults.weights, ...options.weights };
  const { exporter, importer } = options;
  const [exporterValue, importerValue] = await countryValues(store, exporter, importer);
  const parties = { exporter: exporterValue!, importer: importerValue! };
  const source = await capabilitiesSource(store, level, options.year);
  const base = { exporter, importer, level, weights, candidates: 0 };
  if (!source) {
    return {
      ...base,
      status: 'missing',
      basis: msg('basis.none'),
      missing: gap(msg('need.worldExports'), baciAdvice()),
      year: options.year ?? null,
      source: null,
      rows: [],
    };
  }
  const caps = await capabilities(store, { ...source, level, allCountries: options.allCountries ?? false });
  const re = resultRow(caps, exporter);
  const ri = resultRow(caps, importer);
  if (re === undefined || ri === undefined) {
    const who = re === undefined ? parties.exporter : parties.importer;
    const leftOut = caps.countryFilter.leftOut.some((x) => x.iso3 === who.country);
    const where = { who, source: source.source, year: String(source.year) };
    return {
      ...base,
      status: 'missing',
      basis: msg('basis.none'),
      missing: leftOut
        ? msg('need.atlasThreshold', where)
        : ((await groupNotPlaced(store, who.country)) ??
          gap(msg('need.noExportsIn', where), comtradeAdvice(who, 'exports'))),
      year: source.year,
      source: source.source,
      rows: [],
    };
  }
  // Demand: the importer's own imports when the store has them (same year), else world trade.
  const coverage = await dataCoverage(store, exporter, importer);
  const needsSection = coverage.sections.find((s) => s.section === 'needs');
  const importsByProduct = new Map<string, number>();
  if (needsSection?.status === 'computed' && coverage.pair.importerImports.some((y) => y.year === source.year)) {
    const flowSource = (await primaryFlowSource(store, source.year))!;
    for (const r of await importNeeds(store, {
      importer,
      exporter,
      year: source.year,
      level,
      source: flowSource,
      spanYears: 5,
      topSuppliers: 3,
    })) {
      importsByProduct.set(r.product, r.importsUsd);
    }
  }
  const useImports = importsByProduct.size > 0;
  const P = caps.matrix.products.length;
  const res = caps.result;
  const candidates: number[] = [];
  for (let p = 0; p < P; p++) {
    // Chapter 99 ("commodities not specified according to kind") is no product to make.
    if (caps.matrix.products[p]!.startsWith('99')) continue;
    if (
      res.mcp[re * P + p] === 1 &&
      res.mcp[ri * P + p] === 0 &&
      Number.isFinite(res.pci[p]!) &&
      Number.isFinite(res.density[ri * P + p]!)
    )
      candidates.push(p);
  }
  const demand = candidates.map((p) =>
    useImports ? (importsByProduct.get(caps.matrix.products[p]!) ?? 0) : caps.worldExportsUsd[p]!,
  );
  const zDemand = zScores(demand.map((d) => Math.log1p(d)));
  const zDensity = zScores(candidates.map((p) => res.density[ri * P + p]!));
  const zCog = zScores(candidates.map((p) => res.cog[ri * P + p]!));
  const zPci = zScores(candidates.map((p) => res.pci[p]!));
  // Density percentile among all the importer's non-RCA products.
  const nonRcaDensities: number[] = [];
  for (let p = 0; p < P; p++)
    if (res.mcp[ri * P + p] === 0 && Number.isFinite(res.density[ri * P + p]!))
      nonRcaDensities.push(res.density[ri * P + p]!);
  nonRcaDensities.sort((a, b) => a - b);
  const percentile = (d: number) => {
    let lo = 0;
    let hi = nonRcaDensities.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (nonRcaDensities[mid]! <= d) lo = mid + 1;
      else hi = mid;
    }
    return nonRcaDensities.length > 0 ? (100 * lo) / nonRcaDensities.length : 0;
  };
  const scored = candidates.map((p, k) => {
    const parts = {
      demand: weights.demand * zDemand[k]!,
      density: weights.density * zDensity[k]!,
      cog: weights.cog * zCog[k]!,
      pci: weights.pci * zPci[k]!,
    };
    return { p, k, parts, score: parts.demand + parts.density + parts.cog + parts.pci };
  });
  scored.sort((a, b) => b.score - a.score);
  const topRows = scored.slice(0, limit);
  const names = await nameProducts(
    store,
    topRows.map((s) => caps.matrix.products[s.p]!),
  );
  const rows = topRows.map(({ p, k, parts, score }) => {
    const product = caps.matrix.products[p]!;
    const d = res.density[ri * P + p]!;
    const pct = percentile(d);
    const rcaE = res.advantage[re * P + p]!;
    const demandUsd = demand[k]!;
    // Products are ranked among those the importer does not yet export competitively: "higher than
    // for N % of them", and "related capabilities" only from the stated threshold up.
    const percent = Math.floor(pct);
    const capabilitiesNote: Message =
      pct >= jointProductionDefaults.relatedCapabilitiesPercentile
        ? msg('joint.related', { importer: parties.importer, percent })
        : msg('joint.notRelated', {
            importer: parties.importer,
            percent,
            threshold: jointProductionDefaults.relatedCapabilitiesPercentile,
          });
    return {
      product,
      nameEn: names.get(product)!.en,
      nameRu: names.get(product)!.ru,
      demandUsd,
      demandBasis: useImports ? ('importer imports' as const) : ('world trade' as const),
      exporterRca: rcaE,
      exporterExportsUsd: caps.matrix.valuesUsd[caps.locationIndex.get(exporter)! * P + p]!,
      importerRca: res.advantage[ri * P + p]!,
      importerDensity: d,
      densityPercentile: pct,
      cog: res.cog[ri * P + p]!,
      pci: res.pci[p]!,
      score,
      parts,
      reason: msg('joint.reason', {
        demand: msg(useImports ? 'joint.demandImports' : 'joint.demandWorld', {
          importer: parties.importer,
          usd: demandUsd,
        }),
        exporter: parties.exporter,
        rca: rcaE,
        capabilities: capabilitiesNote,
        cog: res.cog[ri * P + p]!,
        pci: res.pci[p]!,
      }),
    };
  });
  return {
    ...base,
    candidates: candidates.length,
    status: useImports ? 'computed' : 'partial',
    basis: msg('basis.joint', {
      countries: caps.matrix.locations.length,
      source: source.source,
      year: String(source.year),
      level: String(level),
      demand: useImports ? msg('demand.importerImports', { importer: parties.importer }) : msg('demand.worldStandIn'),
    }),
    missing: useImports
      ? null
      : gap(
          msg('need.importerImportsReplaceWorld', { importer: parties.importer }),
          baciAdvice(),
          comtradeAdvice(parties.importer, 'imports', coverage.pair),
        ),
    year: source.year,
    source: source.source,
    rows,
  };
}
