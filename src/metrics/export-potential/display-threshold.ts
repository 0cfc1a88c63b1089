/**
 * (F9) ITC display threshold: a row is shown if its potential is at least USD 200k, or if it is
 * among the largest rows that together make up 95 % of the total potential (the row that crosses
 * 95 % is included). It only marks rows: totals and realized shares keep using every row.
 */
import { InvalidOptionError } from '../../errors.ts';

export interface DisplayThresholdOptions {
  /** Rows with potential >= this (USD) are always shown. @default 200000 */
  minPotentialUsd?: number;
  /** Largest rows covering this share of the total are shown. @default 0.95 */
  cumulativeShare?: number;
}

export type ResolvedDisplayThresholdOptions = Required<DisplayThresholdOptions>;

export const displayThresholdDefaults: Readonly<ResolvedDisplayThresholdOptions> = Object.freeze({
  minPotentialUsd: 200_000,
  cumulativeShare: 0.95,
});

/** @throws InvalidOptionError naming the field. */
export function resolveDisplayThreshold(options: DisplayThresholdOptions = {}): ResolvedDisplayThresholdOptions {
  const o = { ...displayThresholdDefaults, ...options };
  if (!(typeof o.minPotentialUsd === 'number' && o.minPotentialUsd >= 0)) {
    throw new InvalidOptionError(`invalid minPotentialUsd: ${o.minPotentialUsd}`, { value: String(o.minPotentialUsd) });
  }
  if (!(typeof o.cumulativeShare === 'number' && o.cumulativeShare >= 0 && o.cumulativeShare <= 1)) {
    throw new InvalidOptionError(`invalid cumulativeShare: ${o.cumulativeShare}`, { value: String(o.cumulativeShare) });
  }
  return o;
}

/** 1 for rows to show, 0 for the rest. Rows with zero potential are never shown. O(n log n). */
export function displayThresholdMask(potentialUsd: Float64Array, options: DisplayThresholdOptions = {}): Uint8Array {
  const o = resolveDisplayThreshold(options);
  const n = potentialUsd.length;
  const mask = new Uint8Array(n);
  let total = 0;
  for (let r = 0; r < n; r++) total += potentialUsd[r]!;
  const order = Int32Array.from({ length: n }, (_, r) => r).sort(
    (a, b) => potentialUsd[b]! - potentialUsd[a]! || a - b,
  );
  const target = o.cumulativeShare * total;
  let before = 0;
  for (const r of order) {
    const p = potentialUsd[r]!;
    if (!(p > 0)) break;
    if (before < target || p >= o.minPotentialUsd) mask[r] = 1;
    before += p;
  }
  return mask;
}
