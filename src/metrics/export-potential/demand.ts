/**
 * (S2 / F5a simplified) Demand of market j for product k:
 *   D_jk = M_jk × g_jk
 * M_jk = j's imports of k (smoothed), g_jk = the user's projected import growth ratio for the
 * horizon: one per market (length countryCount) or one per market and product
 * (countryCount × productCount). No growth ratios: D_jk = M_jk (static, the ITC "static" demand).
 * A NaN ratio means "unknown" and counts as 1. Build g from GDP and population projections with
 * importGrowthFactor() (growth.ts).
 */
import { growthOrOne } from './supply-share.ts';
import type { TradeDimensions } from './trade-flows.ts';

/** D_jk for every market and product; returns `importsUsd` itself when there is no growth. */
export function demandUsd(
  importsUsd: Float64Array,
  importGrowth: Float64Array | null,
  dims: TradeDimensions,
): Float64Array {
  if (importGrowth === null) return importsUsd;
  const c = dims.countryCount;
  const k = dims.productCount;
  const perProduct = importGrowth.length === c * k;
  const out = new Float64Array(c * k);
  for (let j = 0; j < c; j++) {
    const row = j * k;
    const perMarket = perProduct ? 0 : growthOrOne(importGrowth[j]!);
    for (let p = 0; p < k; p++) {
      const g = perProduct ? growthOrOne(importGrowth[row + p]!) : perMarket;
      out[row + p] = importsUsd[row + p]! * g;
    }
  }
  return out;
}
