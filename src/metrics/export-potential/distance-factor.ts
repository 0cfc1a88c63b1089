/**
 * (F5c) Distance factor, optional:
 *   avgln d_jk = Σ_i w_ijk ln d_ij,  w_ijk = v̄_ijk / Σ_{i' with known d} v̄_i'jk  (j's sourcing mix of k)
 *   DistF_ijk  = exp(−| avgln d_jk − ln d_ij |)  ∈ (0, 1]
 * It penalises a supplier whose distance to j departs from j's usual sourcing distance for k (in
 * either direction). Unknown distance (NaN, <= 0) or no weights (M_jk = 0) give DistF = 1 (ITC §4:
 * "skip factor").
 */
import { InvalidOptionError } from '../../errors.ts';
import type { PairRuns } from './pair-runs.ts';
import type { TradeDimensions, TradeFlows } from './trade-flows.ts';

/** DistF from j's average log distance for k and ln d_ij; 1 when either is unknown (NaN). */
export function distanceFactor(averageLogDistance: number, logDistance: number): number {
  if (Number.isNaN(averageLogDistance) || Number.isNaN(logDistance)) return 1;
  return Math.exp(-Math.abs(averageLogDistance - logDistance));
}

export interface PreparedDistances {
  /** ln d_ij, countryCount × countryCount (row = exporter), NaN where unknown. */
  logDistance: Float64Array;
  /** avgln d_jk, countryCount × productCount (row = importer), NaN where no weights. */
  averageLogDistance: Float64Array;
}

/** @throws InvalidOptionError unless distanceKm has countryCount² entries, each NaN or finite. */
export function validateDistances(distanceKm: Float64Array, dims: TradeDimensions): void {
  const c = dims.countryCount;
  if (!(distanceKm instanceof Float64Array) || distanceKm.length !== c * c) {
    throw new InvalidOptionError(
      `invalid distanceKm: length ${distanceKm?.length} (expected countryCount² = ${c * c})`,
    );
  }
  for (let q = 0; q < distanceKm.length; q++) {
    const d = distanceKm[q]!;
    if (!Number.isNaN(d) && !Number.isFinite(d))
      throw new InvalidOptionError(`invalid distanceKm: ${d} at ${q}`, { value: String(d) });
  }
}

/**
 * ln d_ij and j's value-weighted average log distance per product, visiting the flows pair by pair
 * (ln d_ij is constant within a pair). O(flows + countryCount × productCount).
 */
export function prepareDistances(
  distanceKm: Float64Array,
  flows: TradeFlows,
  runs: PairRuns,
  importsUsd: Float64Array,
  dims: TradeDimensions,
): PreparedDistances {
  const c = dims.countryCount;
  const k = dims.productCount;
  const logDistance = Float64Array.from(distanceKm, (d) => (d > 0 && d < Infinity ? Math.log(d) : Number.NaN));
  // Weights: j's imports of k from suppliers with a known distance. When every distance is known
  // that is M_jk itself, and one scatter per flow is saved.
  let allKnown = true;
  for (let i = 0; i < c && allKnown; i++)
    for (let j = 0; j < c; j++) if (i !== j && Number.isNaN(logDistance[i * c + j]!)) allKnown = false;
  const sum = new Float64Array(c * k);
  const weight = allKnown ? importsUsd : new Float64Array(c * k);
  const pr = flows.productIndex;
  const v = flows.valueUsd;
  const order = runs.order;
  for (let run = 0; run < runs.runExporter.length; run++) {
    const i = runs.runExporter[run]!;
    const j = runs.runImporter[run]!;
    const ld = logDistance[i * c + j]!;
    if (i === j || Number.isNaN(ld)) continue;
    const jRow = j * k;
    const from = runs.runStart[run]!;
    const to = runs.runStart[run + 1]!;
    if (allKnown) {
      for (let q = from; q < to; q++) {
        const r = order === null ? q : order[q]!;
        sum[jRow + pr[r]!]! += v[r]! * ld;
      }
    } else {
      for (let q = from; q < to; q++) {
        const r = order === null ? q : order[q]!;
        const x = v[r]!;
        const cell = jRow + pr[r]!;
        sum[cell]! += x * ld;
        weight[cell]! += x;
      }
    }
  }
  for (let q = 0; q < c * k; q++) sum[q] = weight[q]! > 0 ? sum[q]! / weight[q]! : Number.NaN;
  return { logDistance, averageLogDistance: sum };
}
