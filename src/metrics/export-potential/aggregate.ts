/**
 * Aggregation of potential rows by any grouping (HS section, HS2 chapter, HS4 heading, market
 * group ...). Sums P̂, v̄ and R first and divides last, as the method requires:
 *   U_G = Σ_G P̂ − Σ_G R,  ρ_G = Σ_G R / Σ_G P̂
 * Over-performance in one product never hides a gap in another.
 */
import { MetricInputError } from '../../errors.ts';
import { type PotentialTotals, realizedShare, realizedUsd, totalsFromSums } from './untapped.ts';

/** The columns aggregation reads; `realizedUsd` is recomputed as min(v̄, P̂) when absent. */
export interface PotentialRowsLike {
  potentialUsd: Float64Array;
  actualUsd: Float64Array;
  realizedUsd?: Float64Array;
}

/** Per-group sums, each of length groupCount. */
export interface GroupedPotentialTotals {
  groupCount: number;
  rowCount: Int32Array;
  potentialUsd: Float64Array;
  actualUsd: Float64Array;
  realizedUsd: Float64Array;
  untappedUsd: Float64Array;
  realizedShare: Float64Array;
}

/**
 * Sums rows into groups given by index: row r goes to `groupIndex[r]` (0..groupCount-1); -1 skips it.
 * @throws MetricInputError on length mismatches or a group index out of range.
 */
export function aggregatePotentialByGroup(
  rows: PotentialRowsLike,
  groupIndex: Int32Array,
  groupCount: number,
): GroupedPotentialTotals {
  const n = rows.potentialUsd.length;
  if (
    rows.actualUsd.length !== n ||
    groupIndex.length !== n ||
    (rows.realizedUsd !== undefined && rows.realizedUsd.length !== n)
  ) {
    throw new MetricInputError(
      `aggregatePotentialByGroup: column lengths differ (rows ${n}, groupIndex ${groupIndex.length})`,
    );
  }
  if (!Number.isInteger(groupCount) || groupCount < 0) throw new MetricInputError(`invalid groupCount: ${groupCount}`);
  const out: GroupedPotentialTotals = {
    groupCount,
    rowCount: new Int32Array(groupCount),
    potentialUsd: new Float64Array(groupCount),
    actualUsd: new Float64Array(groupCount),
    realizedUsd: new Float64Array(groupCount),
    untappedUsd: new Float64Array(groupCount),
    realizedShare: new Float64Array(groupCount),
  };
  for (let r = 0; r < n; r++) {
    const g = groupIndex[r]!;
    if (g === -1) continue;
    if (!(g >= 0 && g < groupCount))
      throw new MetricInputError(`aggregatePotentialByGroup: row ${r}: group ${g} outside 0..${groupCount - 1}`);
    const p = rows.potentialUsd[r]!;
    const v = rows.actualUsd[r]!;
    out.rowCount[g]!++;
    out.potentialUsd[g]! += p;
    out.actualUsd[g]! += v;
    out.realizedUsd[g]! += rows.realizedUsd === undefined ? realizedUsd(p, v) : rows.realizedUsd[r]!;
  }
  for (let g = 0; g < groupCount; g++) {
    out.untappedUsd[g] = Math.max(0, out.potentialUsd[g]! - out.realizedUsd[g]!);
    out.realizedShare[g] = realizedShare(out.realizedUsd[g]!, out.potentialUsd[g]!);
  }
  return out;
}

/**
 * Sums rows into groups named by a key per row (e.g. the HS2 chapter "84"), in order of first
 * appearance. Use aggregatePotentialByGroup for millions of rows.
 */
export function aggregatePotentialByKey(
  rows: PotentialRowsLike,
  keys: ArrayLike<string>,
): Map<string, PotentialTotals> {
  const n = rows.potentialUsd.length;
  if (keys.length !== n) throw new MetricInputError(`aggregatePotentialByKey: ${keys.length} keys for ${n} rows`);
  const index = new Map<string, number>();
  const groupIndex = new Int32Array(n);
  for (let r = 0; r < n; r++) {
    const key = keys[r]!;
    let g = index.get(key);
    if (g === undefined) {
      g = index.size;
      index.set(key, g);
    }
    groupIndex[r] = g;
  }
  const grouped = aggregatePotentialByGroup(rows, groupIndex, index.size);
  const out = new Map<string, PotentialTotals>();
  for (const [key, g] of index) {
    out.set(key, totalsFromSums(grouped.potentialUsd[g]!, grouped.actualUsd[g]!, grouped.realizedUsd[g]!));
  }
  return out;
}
