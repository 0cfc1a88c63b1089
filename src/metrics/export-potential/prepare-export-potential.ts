/**
 * Options and the world-wide preparation step of the export-potential engine (method note §3).
 * `prepareExportPotential` validates the smoothed flows and the options, then computes everything
 * that needs the whole world once: X_ik, M_jk, V_k, V_ij, the flows grouped by market, supply
 * shares (S1, F4a/b/c), demand (S2, F5a), tariff averages (F4b/F5b) and log distances (F5c).
 * O(flows + countryCount × productCount) time and memory; no exporter × importer × product array.
 * Market-level work (ease, (F3) denominators) happens per market in market-potential.ts.
 */
import { InvalidOptionError } from '../../errors.ts';
import { demandUsd } from './demand.ts';
import { type PreparedDistances, prepareDistances, validateDistances } from './distance-factor.ts';
import { type PairRuns, pairRuns } from './pair-runs.ts';
import { type SupplyShares, supplyShares } from './supply-share.ts';
import { type PreparedTariffs, type TariffInput, prepareTariffs, validateTariffs } from './tariff.ts';
import { type TradeDimensions, type TradeFlows, validateTradeFlows } from './trade-flows.ts';
import { type WorldTotals, worldTotals } from './world-totals.ts';

export interface ExportPotentialOptions {
  /**
   * κ, pseudo-count in USD added to V_ij and E_ij in the ease (S3 robust variant). 0 = ITC's plain
   * V/E. κ > 0 shrinks small pairs toward 1 and gives pairs with no trade a positive, flagged
   * (EXTRAPOLATED) ease. The method note suggests e.g. USD 1m or the median E_ij.
   * @default 0
   */
  shrinkageUsd?: number;
  /** B_max, upper cap on the ease (Infinity = no cap; the note suggests 5–10 for the robust variant). @default Infinity */
  maxEase?: number;
  /** Multiply supply by TB_ik = min(1, X_ik / M_ik), ITC 2016's re-export penalty (F4c). @default false */
  netImporterPenalty?: boolean;
  /**
   * (F4a) ΔGDP_i per exporter, GDP at the horizon ÷ GDP in the last year (length countryCount;
   * NaN = unknown = 1, >= 0). null = static supply share.
   * @default null
   */
  exporterGdpGrowth?: Float64Array | null;
  /**
   * (F5a simplified) import growth ratio g_j per market (length countryCount) or g_jk per market
   * and product (countryCount × productCount); NaN = unknown = 1, >= 0. null = static demand.
   * @default null
   */
  importGrowth?: Float64Array | null;
  /** (F4b, F5b) tariffs and σ; null or σ = 0 = no tariff correction. @default null */
  tariffs?: TariffInput | null;
  /** (F5c) bilateral distance d_ij in km, countryCount × countryCount (row = exporter), NaN = unknown. @default null */
  distanceKm?: Float64Array | null;
  /** Products left out of the ease sums V_ij and E_ij (length productCount, 1 = leave out; ITC leaves out HS 25-26). @default null */
  easeExcludedProducts?: Uint8Array | null;
  /** Pairs whose ease is forced to 0 (countryCount × countryCount, row = exporter, 1 = embargo). @default null */
  embargoPairs?: Uint8Array | null;
  /** Mark rows for display with the ITC threshold (F9): P̂ >= displayMinPotentialUsd or in the top share. @default false */
  displayThreshold?: boolean;
  /** (F9) potential at or above this is always shown, USD. @default 200000 */
  displayMinPotentialUsd?: number;
  /** (F9) rows making up this share of the total potential (largest first) are shown. @default 0.95 */
  displayCumulativeShare?: number;
}

export interface ResolvedExportPotentialOptions {
  shrinkageUsd: number;
  maxEase: number;
  netImporterPenalty: boolean;
  exporterGdpGrowth: Float64Array | null;
  importGrowth: Float64Array | null;
  tariffs: TariffInput | null;
  distanceKm: Float64Array | null;
  easeExcludedProducts: Uint8Array | null;
  embargoPairs: Uint8Array | null;
  displayThreshold: boolean;
  displayMinPotentialUsd: number;
  displayCumulativeShare: number;
}

export const exportPotentialDefaults: Readonly<ResolvedExportPotentialOptions> = Object.freeze({
  shrinkageUsd: 0,
  maxEase: Infinity,
  netImporterPenalty: false,
  exporterGdpGrowth: null,
  importGrowth: null,
  tariffs: null,
  distanceKm: null,
  easeExcludedProducts: null,
  embargoPairs: null,
  displayThreshold: false,
  displayMinPotentialUsd: 200_000,
  displayCumulativeShare: 0.95,
});

/** Validates and fills in defaults. @throws InvalidOptionError naming the field. */
export function resolveExportPotential(
  options: ExportPotentialOptions,
  dims: TradeDimensions,
): ResolvedExportPotentialOptions {
  const o: ResolvedExportPotentialOptions = { ...exportPotentialDefaults };
  for (const key of Object.keys(exportPotentialDefaults) as (keyof ResolvedExportPotentialOptions)[]) {
    const value = options[key];
    if (value !== undefined) (o as unknown as Record<string, unknown>)[key] = value;
  }
  const bad = (name: string, value: unknown): never => {
    throw new InvalidOptionError(`invalid ${name}: ${describe(value)}`, { value: describe(value) });
  };
  const c = dims.countryCount;
  const k = dims.productCount;
  if (!(typeof o.shrinkageUsd === 'number' && o.shrinkageUsd >= 0 && o.shrinkageUsd < Infinity))
    bad('shrinkageUsd', o.shrinkageUsd);
  if (!(typeof o.maxEase === 'number' && o.maxEase > 0)) bad('maxEase', o.maxEase);
  if (typeof o.netImporterPenalty !== 'boolean') bad('netImporterPenalty', o.netImporterPenalty);
  if (typeof o.displayThreshold !== 'boolean') bad('displayThreshold', o.displayThreshold);
  if (!(
    typeof o.displayMinPotentialUsd === 'number' &&
    o.displayMinPotentialUsd >= 0 &&
    o.displayMinPotentialUsd <= Infinity
  )) {
    bad('displayMinPotentialUsd', o.displayMinPotentialUsd);
  }
  if (!(
    typeof o.displayCumulativeShare === 'number' &&
    o.displayCumulativeShare >= 0 &&
    o.displayCumulativeShare <= 1
  )) {
    bad('displayCumulativeShare', o.displayCumulativeShare);
  }
  const ratios = (name: string, a: Float64Array | null, lengths: number[]): void => {
    if (a === null) return;
    if (!(a instanceof Float64Array) || !lengths.includes(a.length))
      bad(name, `length ${(a as { length?: number })?.length} (expected ${lengths.join(' or ')})`);
    for (let q = 0; q < a.length; q++) {
      const g = a[q]!;
      if (!Number.isNaN(g) && !(g >= 0 && g < Infinity)) bad(name, `${g} at ${q}`);
    }
  };
  ratios('exporterGdpGrowth', o.exporterGdpGrowth, [c]);
  ratios('importGrowth', o.importGrowth, [c, c * k]);
  const mask = (name: string, a: Uint8Array | null, length: number): void => {
    if (a !== null && !(a instanceof Uint8Array && a.length === length))
      bad(name, `length ${(a as { length?: number })?.length} (expected ${length})`);
  };
  mask('easeExcludedProducts', o.easeExcludedProducts, k);
  mask('embargoPairs', o.embargoPairs, c * c);
  if (o.tariffs !== null) validateTariffs(o.tariffs, dims);
  if (o.distanceKm !== null) validateDistances(o.distanceKm, dims);
  return o;
}

function describe(value: unknown): string {
  return typeof value === 'string'
    ? value
    : typeof value === 'number'
      ? String(value)
      : (JSON.stringify(value) ?? String(value));
}

/** Everything the per-market and per-pair functions need, computed once per dataset and options. */
export interface ExportPotentialModel {
  dims: TradeDimensions;
  options: ResolvedExportPotentialOptions;
  flows: TradeFlows;
  totals: WorldTotals;
  supply: SupplyShares;
  /** D_jk, countryCount × productCount (the same array as totals.importsUsd without growth). */
  demandUsd: Float64Array;
  tariffs: PreparedTariffs | null;
  distances: PreparedDistances | null;
  /** Flow rows by pair; built on first use (see modelPairRuns), null until then. */
  runs: PairRuns | null;
}

/** The model's flows grouped by pair, built once and kept on the model (a memo; results do not change). */
export function modelPairRuns(model: ExportPotentialModel): PairRuns {
  if (model.runs === null) model.runs = pairRuns(model.flows, model.dims);
  return model.runs;
}

/**
 * Validates flows and options and computes the world-wide terms.
 * @param flows smoothed flows v̄_ijk (weightedAverageFlows output, or one year); rows with
 *   exporter = importer are ignored; duplicate keys are summed.
 * @throws MetricInputError on malformed flows, InvalidOptionError on bad options.
 */
export function prepareExportPotential(
  flows: TradeFlows,
  dims: TradeDimensions,
  options: ExportPotentialOptions = {},
): ExportPotentialModel {
  validateTradeFlows(flows, dims);
  const resolved = resolveExportPotential(options, dims);
  const totals = worldTotals(flows, dims, resolved.easeExcludedProducts);
  const runs = resolved.tariffs === null && resolved.distanceKm === null ? null : pairRuns(flows, dims);
  const tariffs =
    resolved.tariffs === null || runs === null ? null : prepareTariffs(resolved.tariffs, flows, totals, runs, dims);
  const supply = supplyShares(
    {
      exportsUsd: totals.exportsUsd,
      importsUsd: totals.importsUsd,
      worldExportsUsd: totals.worldExportsUsd,
      exporterGrowth: resolved.exporterGdpGrowth,
      supplyTariffFactor: tariffs === null ? null : tariffs.supplyTariffFactor,
      netImporterPenalty: resolved.netImporterPenalty,
    },
    dims,
  );
  return {
    dims,
    options: resolved,
    flows,
    totals,
    supply,
    demandUsd: demandUsd(totals.importsUsd, resolved.importGrowth, dims),
    tariffs,
    distances:
      resolved.distanceKm === null || runs === null
        ? null
        : prepareDistances(resolved.distanceKm, flows, runs, totals.importsUsd, dims),
    runs,
  };
}
