/**
 * (S5 / F8) What is left to gain once the potential is known:
 *   U_ijk = max(0, P̂_ijk − v̄_ijk)   untapped potential (USD)
 *   R_ijk = min(v̄_ijk, P̂_ijk)       realized potential (USD)
 *   ρ     = Σ R / Σ P̂               realized share, at any aggregation level: sum first, then divide
 * Over-performance in one product never nets against a gap in another: U_IJK = Σ P̂ − Σ R.
 */

/** U = max(0, P̂ − v̄). */
export function untappedUsd(potentialUsd: number, actualUsd: number): number {
  return potentialUsd > actualUsd ? potentialUsd - actualUsd : 0;
}

/** R = min(v̄, P̂). */
export function realizedUsd(potentialUsd: number, actualUsd: number): number {
  return actualUsd < potentialUsd ? actualUsd : potentialUsd;
}

/** ρ = ΣR / ΣP̂ from sums; 0 when there is no potential (never NaN). */
export function realizedShare(realizedSumUsd: number, potentialSumUsd: number): number {
  return potentialSumUsd > 0 ? realizedSumUsd / potentialSumUsd : 0;
}

/** Sums over a set of rows. `untappedUsd` = potentialUsd − realizedUsd. */
export interface PotentialTotals {
  potentialUsd: number;
  actualUsd: number;
  realizedUsd: number;
  untappedUsd: number;
  /** ρ = realizedUsd / potentialUsd (0 without potential). */
  realizedShare: number;
}

/** Totals of row arrays (all of equal length), summing before dividing. */
export function potentialTotals(rows: { potentialUsd: Float64Array; actualUsd: Float64Array }): PotentialTotals {
  let potential = 0;
  let actual = 0;
  let realized = 0;
  for (let r = 0; r < rows.potentialUsd.length; r++) {
    const p = rows.potentialUsd[r]!;
    const v = rows.actualUsd[r]!;
    potential += p;
    actual += v;
    realized += realizedUsd(p, v);
  }
  return totalsFromSums(potential, actual, realized);
}

/** Builds a PotentialTotals from the three sums. */
export function totalsFromSums(potentialUsd: number, actualUsd: number, realizedSumUsd: number): PotentialTotals {
  return {
    potentialUsd,
    actualUsd,
    realizedUsd: realizedSumUsd,
    untappedUsd: Math.max(0, potentialUsd - realizedSumUsd),
    realizedShare: realizedShare(realizedSumUsd, potentialUsd),
  };
}
