/**
 * Optional tariff corrections (ITC full version). All rates are ad-valorem fractions (0.04 = 4 %).
 *   t_ijk  = bilateral (preferential) rate if listed, else j's MFN/applied rate on k
 *   t̄_jk  = Σ_i v̄_ijk t_ijk / M_jk   j's import-weighted average rate on k
 *   t̄_ik  = Σ_j v̄_ijk t_ijk / X_ik   average rate i's exports of k face in all markets
 *   t̄_k   = Σ_ij v̄_ijk t_ijk / V_k   average over all flows of k
 *   (F4b) GTD_ik  = ((1 + t̄_ik) / (1 + t̄_k))^σ_k   global tariff disadvantage (supply side)
 *   (F5b) MTA_ijk = ((1 + t̄_jk) / (1 + t_ijk))^σ_k  market tariff advantage (demand side)
 * σ_k = substitution (Armington) elasticity, e.g. GTAP. σ = 0 makes both factors exactly 1, so the
 * engine's output is then bit-for-bit the one without tariffs. One tariff set serves as both the
 * current and the forward-looking schedule (ITC's TR_jk term is therefore 1).
 */
import { InvalidOptionError } from '../../errors.ts';
import type { PairRuns } from './pair-runs.ts';
import type { TradeDimensions, TradeFlows } from './trade-flows.ts';

/** Bilateral rates for listed (exporter, importer, product) triples; others fall back to MFN. */
export interface BilateralTariffs {
  exporterIndex: Int32Array;
  importerIndex: Int32Array;
  productIndex: Int32Array;
  /** Ad-valorem rate as a fraction, > -1; NaN = unknown (MFN applies). */
  rate: Float64Array;
}

export interface TariffInput {
  /** Applied MFN rate of importer j on product k, countryCount × productCount (row = importer); NaN = unknown = 0. */
  mfnRate: Float64Array;
  /** Optional preferential rates overriding `mfnRate`. */
  bilateral?: BilateralTariffs | null;
  /** σ_k per product (length productCount) or one value for all products; >= 0. */
  sigma: Float64Array | number;
}

/** Tariff data checked and indexed for the engine. */
export interface PreparedTariffs {
  /** MFN rates with NaN replaced by 0. */
  mfnRate: Float64Array;
  /** σ_k, length productCount. */
  sigma: Float64Array;
  bilateral: BilateralTariffs | null;
  /** Bilateral rows of importer j: `bilateralRow[bilateralStart[j] .. bilateralStart[j+1])`. */
  bilateralStart: Int32Array;
  bilateralRow: Int32Array;
  /** Bilateral rows of pair (i, j): `bilateralPairRow[bilateralPairStart[i·countryCount + j] .. +1)`. */
  bilateralPairStart: Int32Array;
  bilateralPairRow: Int32Array;
  /** t̄_jk, countryCount × productCount (0 where M_jk = 0). */
  importerAverageRate: Float64Array;
  /** t̄_ik, countryCount × productCount (0 where X_ik = 0). */
  exporterAverageRate: Float64Array;
  /** t̄_k, length productCount. */
  worldAverageRate: Float64Array;
  /** GTD_ik, countryCount × productCount (1 where X_ik = 0). */
  supplyTariffFactor: Float64Array;
}

/** ((1 + numeratorRate) / (1 + denominatorRate))^σ, exactly 1 when σ = 0. */
export function tariffRatioFactor(numeratorRate: number, denominatorRate: number, sigma: number): number {
  if (sigma === 0) return 1;
  return Math.pow((1 + numeratorRate) / (1 + denominatorRate), sigma);
}

/** (F5b) MTA_ijk from j's average rate on k and the rate i faces. */
export function marketTariffAdvantage(importerAverageRate: number, bilateralRate: number, sigma: number): number {
  return tariffRatioFactor(importerAverageRate, bilateralRate, sigma);
}

/** (F4b) GTD_ik from the average rate i faces on k and the world average on k. */
export function globalTariffDisadvantage(exporterAverageRate: number, worldAverageRate: number, sigma: number): number {
  return tariffRatioFactor(exporterAverageRate, worldAverageRate, sigma);
}

/** @throws InvalidOptionError naming `tariffs.<field>` and the first bad entry. */
export function validateTariffs(tariffs: TariffInput, dims: TradeDimensions): void {
  const c = dims.countryCount;
  const k = dims.productCount;
  const bad = (field: string, what: string): never => {
    throw new InvalidOptionError(`invalid tariffs.${field}: ${what}`, { value: what });
  };
  if (!(tariffs.mfnRate instanceof Float64Array) || tariffs.mfnRate.length !== c * k) {
    bad('mfnRate', `length ${tariffs.mfnRate?.length} (expected countryCount × productCount = ${c * k})`);
  }
  for (let q = 0; q < tariffs.mfnRate.length; q++) {
    const t = tariffs.mfnRate[q]!;
    if (!Number.isNaN(t) && !(t > -1 && t < Infinity)) bad('mfnRate', `${t} at ${q}`);
  }
  const sigma = tariffs.sigma;
  if (typeof sigma === 'number') {
    if (!(sigma >= 0 && sigma < Infinity)) bad('sigma', String(sigma));
  } else {
    if (!(sigma instanceof Float64Array) || sigma.length !== k)
      bad('sigma', `length ${sigma?.length} (expected productCount = ${k})`);
    for (let p = 0; p < k; p++) if (!(sigma[p]! >= 0 && sigma[p]! < Infinity)) bad('sigma', `${sigma[p]} at ${p}`);
  }
  const b = tariffs.bilateral;
  if (b === undefined || b === null) return;
  const n = b.rate.length;
  if (b.exporterIndex.length !== n || b.importerIndex.length !== n || b.productIndex.length !== n) {
    bad('bilateral', 'column lengths differ');
  }
  for (let r = 0; r < n; r++) {
    const i = b.exporterIndex[r]!;
    const j = b.importerIndex[r]!;
    const p = b.productIndex[r]!;
    const t = b.rate[r]!;
    if (!(i >= 0 && i < c && j >= 0 && j < c && p >= 0 && p < k)) bad('bilateral', `row ${r} index out of range`);
    if (!Number.isNaN(t) && !(t > -1 && t < Infinity)) bad('bilateral', `rate ${t} at row ${r}`);
  }
}

/**
 * Looks up t_ijk for one market at a time: the market's bilateral rows are scattered into a dense
 * countryCount × productCount buffer (NaN = not listed) and wiped again afterwards, so a market
 * costs O(its bilateral rows) on top of the reads.
 */
export class MarketTariffLookup {
  private readonly buffer: Float64Array;
  private market = -1;

  constructor(
    private readonly tariffs: PreparedTariffs,
    private readonly dims: TradeDimensions,
  ) {
    this.buffer = new Float64Array(dims.countryCount * dims.productCount).fill(Number.NaN);
  }

  /** Makes `rate()` answer for market j. */
  load(j: number): void {
    this.scatter(this.market, Number.NaN);
    this.market = j;
    this.scatter(j, 0);
  }

  /** t_ijk for the loaded market j. */
  rate(i: number, p: number): number {
    const k = this.dims.productCount;
    const listed = this.buffer[i * k + p]!;
    return Number.isNaN(listed) ? this.tariffs.mfnRate[this.market * k + p]! : listed;
  }

  /** Writes market j's bilateral rates (or NaN to wipe them when `wipe` is NaN). */
  private scatter(j: number, wipe: number): void {
    const t = this.tariffs;
    if (j < 0 || t.bilateral === null) return;
    const k = this.dims.productCount;
    const { exporterIndex, productIndex, rate } = t.bilateral;
    for (let q = t.bilateralStart[j]!; q < t.bilateralStart[j + 1]!; q++) {
      const r = t.bilateralRow[q]!;
      this.buffer[exporterIndex[r]! * k + productIndex[r]!] = Number.isNaN(wipe) ? wipe : rate[r]!;
    }
  }
}

/** Looks up t_ijk for one pair (i, j) at a time, in a productCount-sized buffer. */
export class PairTariffLookup {
  /** The loaded pair's bilateral rate per product, NaN where not listed (MFN applies). */
  readonly listedRates: Float64Array;
  private pair = -1;
  private marketRow = 0;

  constructor(
    private readonly tariffs: PreparedTariffs,
    private readonly dims: TradeDimensions,
  ) {
    this.listedRates = new Float64Array(dims.productCount).fill(Number.NaN);
  }

  load(i: number, j: number): void {
    this.scatter(this.pair, true);
    this.pair = i * this.dims.countryCount + j;
    this.marketRow = j * this.dims.productCount;
    this.scatter(this.pair, false);
  }

  /** t_ijk for the loaded pair. */
  rate(p: number): number {
    const listed = this.listedRates[p]!;
    return Number.isNaN(listed) ? this.tariffs.mfnRate[this.marketRow + p]! : listed;
  }

  private scatter(pair: number, wipe: boolean): void {
    const t = this.tariffs;
    if (pair < 0 || t.bilateral === null) return;
    const { productIndex, rate } = t.bilateral;
    for (let q = t.bilateralPairStart[pair]!; q < t.bilateralPairStart[pair + 1]!; q++) {
      const r = t.bilateralPairRow[q]!;
      this.listedRates[productIndex[r]!] = wipe ? Number.NaN : rate[r]!;
    }
  }
}

/** Counting sort of row indices by their key (0..keyCount-1). */
function groupRows(keyCount: number, keys: Int32Array): { start: Int32Array; row: Int32Array } {
  const rows = keys.length;
  const start = new Int32Array(keyCount + 1);
  for (let r = 0; r < rows; r++) start[keys[r]! + 1]!++;
  for (let key = 0; key < keyCount; key++) start[key + 1]! += start[key]!;
  const fill = start.slice(0, keyCount);
  const row = new Int32Array(rows);
  for (let r = 0; r < rows; r++) row[fill[keys[r]!]!++] = r;
  return { start, row };
}

/**
 * Indexes validated tariffs and computes t̄_jk, t̄_ik, t̄_k and GTD_ik from the flows, visiting
 * them pair by pair. O(flows + bilateral rows + countryCount × productCount).
 */
export function prepareTariffs(
  tariffs: TariffInput,
  flows: TradeFlows,
  totals: { exportsUsd: Float64Array; importsUsd: Float64Array; worldExportsUsd: Float64Array },
  runs: PairRuns,
  dims: TradeDimensions,
): PreparedTariffs {
  const c = dims.countryCount;
  const k = dims.productCount;
  const mfnRate = new Float64Array(c * k);
  for (let q = 0; q < c * k; q++) {
    const t = tariffs.mfnRate[q]!;
    mfnRate[q] = Number.isNaN(t) ? 0 : t;
  }
  const sigma =
    typeof tariffs.sigma === 'number' ? new Float64Array(k).fill(tariffs.sigma) : Float64Array.from(tariffs.sigma);
  const bilateral = tariffs.bilateral ?? null;
  const importers = bilateral === null ? new Int32Array(0) : bilateral.importerIndex;
  const pairs = new Int32Array(importers.length);
  if (bilateral !== null)
    for (let r = 0; r < pairs.length; r++) pairs[r] = bilateral.exporterIndex[r]! * c + importers[r]!;
  const byMarket = groupRows(c, importers);
  const byPair = groupRows(c * c, pairs);
  const prepared: PreparedTariffs = {
    mfnRate,
    sigma,
    bilateral,
    bilateralStart: byMarket.start,
    bilateralRow: byMarket.row,
    bilateralPairStart: byPair.start,
    bilateralPairRow: byPair.row,
    importerAverageRate: new Float64Array(c * k),
    exporterAverageRate: new Float64Array(c * k),
    worldAverageRate: new Float64Array(k),
    supplyTariffFactor: new Float64Array(c * k),
  };
  // Value-weighted sums of t_ijk over the flows.
  const atMarket = prepared.importerAverageRate;
  const atExporter = prepared.exporterAverageRate;
  const world = prepared.worldAverageRate;
  const lookup = new PairTariffLookup(prepared, dims);
  const listed = lookup.listedRates;
  const pr = flows.productIndex;
  const v = flows.valueUsd;
  const order = runs.order;
  for (let run = 0; run < runs.runExporter.length; run++) {
    const i = runs.runExporter[run]!;
    const j = runs.runImporter[run]!;
    if (i === j) continue;
    lookup.load(i, j);
    const iRow = i * k;
    const jRow = j * k;
    const from = runs.runStart[run]!;
    const to = runs.runStart[run + 1]!;
    // Hot loop (one iteration per flow): the lookup is inlined by hand.
    for (let q = from; q < to; q++) {
      const r = order === null ? q : order[q]!;
      const p = pr[r]!;
      const pref = listed[p]!;
      const weighted = v[r]! * (pref === pref ? pref : mfnRate[jRow + p]!);
      atMarket[jRow + p]! += weighted;
      atExporter[iRow + p]! += weighted;
    }
  }
  // Σ over all flows of k = Σ over markets of the market sums (saves a third scatter per flow).
  for (let j = 0; j < c; j++) {
    const jRow = j * k;
    for (let p = 0; p < k; p++) world[p]! += atMarket[jRow + p]!;
  }
  for (let q = 0; q < c * k; q++) {
    const m = totals.importsUsd[q]!;
    atMarket[q] = m > 0 ? atMarket[q]! / m : 0;
    const x = totals.exportsUsd[q]!;
    atExporter[q] = x > 0 ? atExporter[q]! / x : 0;
  }
  for (let p = 0; p < k; p++) {
    const vk = totals.worldExportsUsd[p]!;
    world[p] = vk > 0 ? world[p]! / vk : 0;
  }
  for (let i = 0; i < c; i++) {
    for (let p = 0; p < k; p++) {
      const q = i * k + p;
      prepared.supplyTariffFactor[q] =
        totals.exportsUsd[q]! > 0 ? globalTariffDisadvantage(atExporter[q]!, world[p]!, sigma[p]!) : 1;
    }
  }
  return prepared;
}
