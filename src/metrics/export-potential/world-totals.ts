/**
 * (S0 build step) World-wide sums from the smoothed flows v̄_ijk, in one pass:
 *   X_ik = Σ_j v̄_ijk (i's exports of k),  M_jk = Σ_i v̄_ijk (j's imports of k),
 *   V_k  = Σ_i X_ik (world exports of k), V_ij = Σ_k v̄_ijk (i's exports to j, all products),
 * Self-trade rows (i = j) are skipped.
 * Dense arrays are country × product (row-major, index `country * productCount + product`) or
 * country × country; nothing is exporter × importer × product.
 */
import type { TradeDimensions, TradeFlows } from './trade-flows.ts';

export interface WorldTotals {
  /** X_ik, countryCount × productCount, row = exporter. */
  exportsUsd: Float64Array;
  /** M_jk, countryCount × productCount, row = importer. */
  importsUsd: Float64Array;
  /** V_k = Σ_i X_ik, summed in country order, length productCount. */
  worldExportsUsd: Float64Array;
  /** V_ij over all products, countryCount × countryCount, row = exporter. */
  pairExportsUsd: Float64Array;
  /**
   * V_ij over the products that count for the ease (all products unless some are excluded;
   * then a separate array, otherwise the same array as `pairExportsUsd`).
   */
  easePairExportsUsd: Float64Array;
}

/**
 * @param easeExcludedProducts optional mask (length productCount, 1 = excluded from the ease sums).
 * Flows must already be validated (see validateTradeFlows).
 */
export function worldTotals(
  flows: TradeFlows,
  dims: TradeDimensions,
  easeExcludedProducts: Uint8Array | null = null,
): WorldTotals {
  const c = dims.countryCount;
  const k = dims.productCount;
  const n = flows.valueUsd.length;
  const ex = flows.exporterIndex;
  const im = flows.importerIndex;
  const pr = flows.productIndex;
  const v = flows.valueUsd;
  const exportsUsd = new Float64Array(c * k);
  const importsUsd = new Float64Array(c * k);
  const pairExportsUsd = new Float64Array(c * c);
  const easePairExportsUsd = easeExcludedProducts === null ? pairExportsUsd : new Float64Array(c * c);
  for (let r = 0; r < n; r++) {
    const i = ex[r]!;
    const j = im[r]!;
    if (i === j) continue;
    const p = pr[r]!;
    const x = v[r]!;
    exportsUsd[i * k + p]! += x;
    importsUsd[j * k + p]! += x;
    pairExportsUsd[i * c + j]! += x;
    if (easeExcludedProducts !== null && easeExcludedProducts[p] === 0) easePairExportsUsd[i * c + j]! += x;
  }
  const worldExportsUsd = new Float64Array(k);
  for (let i = 0; i < c; i++) {
    const row = i * k;
    for (let p = 0; p < k; p++) worldExportsUsd[p]! += exportsUsd[row + p]!;
  }
  return { exportsUsd, importsUsd, worldExportsUsd, pairExportsUsd, easePairExportsUsd };
}
