/**
 * (S0) Five-year weighted average of bilateral flows, ITC Annex VII: weights 1..5 from the oldest
 * to the newest year, renormalised over the years that are available.
 *
 *   v̄_ijk = Σ_y w_y v_ijk,y / Σ_{y available} w_y
 *
 * A year passed as `null` is missing (not reported, not ingested): its weight is dropped and the
 * others are renormalised. A flow absent from an available year is a zero for that year (BACI and
 * Comtrade omit zero flows). Self-trade rows (exporter = importer) are dropped. O(total flows)
 * time; years whose rows come grouped by pair (as the store writes them) are read in place,
 * others get one int32 permutation each. Memory: the output plus O(countryCount²) per year.
 */
import { InvalidOptionError, MetricInputError } from '../../errors.ts';
import { type PairRuns, pairRuns } from './pair-runs.ts';
import { type TradeDimensions, type TradeFlows, validateTradeFlows } from './trade-flows.ts';

export interface WeightedAverageOptions {
  /**
   * Weight of each year, oldest first. The newest year passed gets the last weight, the one before
   * it the second-to-last, and so on; there must be at least as many weights as years.
   * @default [1, 2, 3, 4, 5]
   */
  weights?: readonly number[];
  /**
   * Keep a flow only if it is positive in at least this many of the available years
   * (ITC keeps products exported in the 3 latest years; 1 keeps every flow seen at least once).
   * @default 1
   */
  minYearsPresent?: number;
}

export interface ResolvedWeightedAverageOptions {
  weights: readonly number[];
  minYearsPresent: number;
}

export const weightedAverageDefaults: Readonly<ResolvedWeightedAverageOptions> = Object.freeze({
  weights: Object.freeze([1, 2, 3, 4, 5]),
  minYearsPresent: 1,
});

/** Validates and fills in defaults. @throws InvalidOptionError naming the field. */
export function resolveWeightedAverage(options: WeightedAverageOptions = {}): ResolvedWeightedAverageOptions {
  const weights = options.weights ?? weightedAverageDefaults.weights;
  if (
    !Array.isArray(weights) ||
    weights.length === 0 ||
    weights.some((w) => !(typeof w === 'number' && Number.isFinite(w) && w > 0))
  ) {
    throw new InvalidOptionError(`invalid weights: ${JSON.stringify(weights)}`, { value: String(weights) });
  }
  const minYearsPresent = options.minYearsPresent ?? weightedAverageDefaults.minYearsPresent;
  if (!Number.isInteger(minYearsPresent) || minYearsPresent < 1 || minYearsPresent > weights.length) {
    throw new InvalidOptionError(`invalid minYearsPresent: ${minYearsPresent}`, { value: String(minYearsPresent) });
  }
  return { weights: Object.freeze([...weights]), minYearsPresent };
}

export interface WeightedFlows extends TradeFlows {
  /** Per output row: number of available years in which the flow was positive. */
  yearsPresent: Uint8Array;
}

/**
 * Weighted average of several years of flows, one output row per (exporter, importer, product)
 * with a positive average, sorted by exporter, then importer, then product.
 * @param years oldest first; `null` marks a missing year.
 * @throws MetricInputError if a year's flows are malformed or no year is available.
 * @throws InvalidOptionError if there are more years than weights.
 */
export function weightedAverageFlows(
  years: readonly (TradeFlows | null)[],
  dims: TradeDimensions,
  options: WeightedAverageOptions = {},
): WeightedFlows {
  const opts = resolveWeightedAverage(options);
  if (years.length > opts.weights.length) {
    throw new InvalidOptionError(`invalid weights: ${opts.weights.length} weights for ${years.length} years`, {
      value: String(opts.weights),
    });
  }
  const present: { flows: TradeFlows; weight: number }[] = [];
  const offset = opts.weights.length - years.length;
  let weightSum = 0;
  years.forEach((flows, y) => {
    if (flows === null) return;
    validateTradeFlows(flows, dims, `year ${y}`);
    const weight = opts.weights[offset + y]!;
    present.push({ flows, weight });
    weightSum += weight;
  });
  if (present.length === 0) throw new MetricInputError('weighted average: no year of data is available');
  // Renormalise once so a single year comes back bit-for-bit (w/W = 1 exactly).
  const shares = present.map((p) => p.weight / weightSum);
  return _weightedAverageFlows(
    present.map((p) => p.flows),
    shares,
    dims,
    opts.minYearsPresent,
  );
}

/** Worker without validation: `shares` are the renormalised year weights (summing to 1). */
export function _weightedAverageFlows(
  years: readonly TradeFlows[],
  shares: readonly number[],
  dims: TradeDimensions,
  minYearsPresent: number,
): WeightedFlows {
  const c = dims.countryCount;
  const pairCount = c * c;
  // Each year visited pair by pair (in its own order when grouped, else through a counting sort),
  // with a pair -> run lookup so the merge below reads every year's rows of a pair in one go.
  const yearRuns: PairRuns[] = [];
  const runOfPair: Int32Array[] = [];
  let largest = 0;
  for (const flows of years) {
    largest = Math.max(largest, flows.valueUsd.length);
    const runs = pairRuns(flows, dims);
    const lookup = new Int32Array(pairCount).fill(-1);
    for (let q = 0; q < runs.runExporter.length; q++) lookup[runs.runExporter[q]! * c + runs.runImporter[q]!] = q;
    yearRuns.push(runs);
    runOfPair.push(lookup);
  }

  const out = new GrowableFlows(Math.max(16, Math.ceil(largest * 1.15)));
  const k = dims.productCount;
  const acc = new Float64Array(k);
  const seen = new Uint8Array(k);
  const positiveYears = new Uint8Array(k);
  const touched = new Int32Array(k);
  for (let i = 0; i < c; i++) {
    for (let j = 0; j < c; j++) {
      if (i === j) continue;
      const pair = i * c + j;
      let t = 0;
      for (let y = 0; y < years.length; y++) {
        const run = runOfPair[y]![pair]!;
        if (run < 0) continue;
        const runs = yearRuns[y]!;
        const order = runs.order;
        const pr = years[y]!.productIndex;
        const v = years[y]!.valueUsd;
        const share = shares[y]!;
        for (let q = runs.runStart[run]!; q < runs.runStart[run + 1]!; q++) {
          const r = order === null ? q : order[q]!;
          const prod = pr[r]!;
          const x = v[r]!;
          if (seen[prod] === 0) {
            seen[prod] = 1;
            touched[t++] = prod;
          }
          acc[prod]! += share * x;
          if (x > 0) positiveYears[prod]!++;
        }
      }
      if (t === 0) continue;
      const list = touched.subarray(0, t).sort();
      for (let q = 0; q < t; q++) {
        const prod = list[q]!;
        const value = acc[prod]!;
        if (value > 0 && positiveYears[prod]! >= minYearsPresent) out.push(i, j, prod, value, positiveYears[prod]!);
        acc[prod] = 0;
        seen[prod] = 0;
        positiveYears[prod] = 0;
      }
    }
  }
  return out.finish();
}

/** Column buffers that grow by half when full. */
class GrowableFlows {
  private length = 0;
  private exporterIndex: Int32Array;
  private importerIndex: Int32Array;
  private productIndex: Int32Array;
  private valueUsd: Float64Array;
  private yearsPresent: Uint8Array;

  constructor(capacity: number) {
    this.exporterIndex = new Int32Array(capacity);
    this.importerIndex = new Int32Array(capacity);
    this.productIndex = new Int32Array(capacity);
    this.valueUsd = new Float64Array(capacity);
    this.yearsPresent = new Uint8Array(capacity);
  }

  push(i: number, j: number, k: number, valueUsd: number, yearsPresent: number): void {
    if (this.length === this.valueUsd.length) this.grow();
    const r = this.length++;
    this.exporterIndex[r] = i;
    this.importerIndex[r] = j;
    this.productIndex[r] = k;
    this.valueUsd[r] = valueUsd;
    this.yearsPresent[r] = yearsPresent;
  }

  private grow(): void {
    const capacity = Math.ceil(this.valueUsd.length * 1.5);
    const copy = <T extends Int32Array | Float64Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(capacity);
      b.set(a);
      return b;
    };
    this.exporterIndex = copy(this.exporterIndex, (n) => new Int32Array(n));
    this.importerIndex = copy(this.importerIndex, (n) => new Int32Array(n));
    this.productIndex = copy(this.productIndex, (n) => new Int32Array(n));
    this.valueUsd = copy(this.valueUsd, (n) => new Float64Array(n));
    this.yearsPresent = copy(this.yearsPresent, (n) => new Uint8Array(n));
  }

  finish(): WeightedFlows {
    const n = this.length;
    return {
      exporterIndex: this.exporterIndex.slice(0, n),
      importerIndex: this.importerIndex.slice(0, n),
      productIndex: this.productIndex.slice(0, n),
      valueUsd: this.valueUsd.slice(0, n),
      yearsPresent: this.yearsPresent.slice(0, n),
    };
  }
}
