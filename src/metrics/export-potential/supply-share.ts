/**
 * (S1 / F4) Supply of exporter i in product k:
 *   world market share          s_ik = X_ik / V_k
 *   (F4a) projected share       ProjMS_ik = X_ik g_i / Σ_i' X_i'k g_i'   (g_i = GDP ratio T→T+h)
 *   (F4b) tariff disadvantage   GTD_ik = ((1 + t̄_ik) / (1 + t̄_k))^σ_k  (see tariff.ts)
 *   (F4c) net-importer penalty  TB_ik = min(1, X_ik / M_ik)   (ITC 2016; M_ik = i's imports of k)
 *   Supply_ik        = ProjMS_ik × GTD_ik × TB_ik
 *   Supply^static_ik = s_ik × GTD_ik × TB_ik      (used by the ease, which is never projected)
 * With no growth ratios the two are the same array, bit for bit.
 */
import type { TradeDimensions } from './trade-flows.ts';

export interface SupplyShareInputs {
  /** X_ik, countryCount × productCount. */
  exportsUsd: Float64Array;
  /** M_ik (the same country as importer), countryCount × productCount. */
  importsUsd: Float64Array;
  /** V_k = Σ_i X_ik in country order. */
  worldExportsUsd: Float64Array;
  /** g_i per exporter (length countryCount, NaN = unknown = 1), or null for the static share. */
  exporterGrowth: Float64Array | null;
  /** GTD_ik (countryCount × productCount) or null for none. */
  supplyTariffFactor: Float64Array | null;
  /** Apply TB_ik = min(1, X_ik / M_ik). */
  netImporterPenalty: boolean;
}

export interface SupplyShares {
  /** s_ik = X_ik / V_k (0 where V_k = 0). */
  worldShare: Float64Array;
  /** TB_ik, or null when the penalty is off. */
  netImporterFactor: Float64Array | null;
  /** ProjMS_ik, or null without growth ratios (then it equals worldShare). */
  projectedShare: Float64Array | null;
  /** Supply^static_ik = s_ik × GTD_ik × TB_ik. */
  staticSupply: Float64Array;
  /** Supply_ik = ProjMS_ik × GTD_ik × TB_ik (the same array as staticSupply without growth). */
  supply: Float64Array;
}

/** Supply shares for every exporter and product. O(countryCount × productCount). */
export function supplyShares(input: SupplyShareInputs, dims: TradeDimensions): SupplyShares {
  const c = dims.countryCount;
  const k = dims.productCount;
  const { exportsUsd: x, importsUsd: m, worldExportsUsd: vk, exporterGrowth, supplyTariffFactor: gtd } = input;
  const size = c * k;
  const worldShare = new Float64Array(size);
  for (let i = 0; i < c; i++) {
    const row = i * k;
    for (let p = 0; p < k; p++) {
      const den = vk[p]!;
      worldShare[row + p] = den > 0 ? x[row + p]! / den : 0;
    }
  }
  let netImporterFactor: Float64Array | null = null;
  if (input.netImporterPenalty) {
    netImporterFactor = new Float64Array(size);
    for (let q = 0; q < size; q++) netImporterFactor[q] = netImporterPenalty(x[q]!, m[q]!);
  }
  const staticSupply = applyFactors(worldShare, gtd, netImporterFactor);
  if (exporterGrowth === null)
    return { worldShare, netImporterFactor, projectedShare: null, staticSupply, supply: staticSupply };

  const grownWorld = new Float64Array(k);
  for (let i = 0; i < c; i++) {
    const g = growthOrOne(exporterGrowth[i]!);
    const row = i * k;
    for (let p = 0; p < k; p++) grownWorld[p]! += x[row + p]! * g;
  }
  const projectedShare = new Float64Array(size);
  for (let i = 0; i < c; i++) {
    const g = growthOrOne(exporterGrowth[i]!);
    const row = i * k;
    for (let p = 0; p < k; p++) {
      const den = grownWorld[p]!;
      projectedShare[row + p] = den > 0 ? (x[row + p]! * g) / den : 0;
    }
  }
  return {
    worldShare,
    netImporterFactor,
    projectedShare,
    staticSupply,
    supply: applyFactors(projectedShare, gtd, netImporterFactor),
  };
}

/** TB = min(1, exports / imports); 1 when there are no imports. */
export function netImporterPenalty(exportsUsd: number, importsUsd: number): number {
  return importsUsd > exportsUsd ? exportsUsd / importsUsd : 1;
}

/** A growth ratio to apply: NaN (unknown) counts as 1, the static case. */
export function growthOrOne(ratio: number): number {
  return Number.isNaN(ratio) ? 1 : ratio;
}

function applyFactors(share: Float64Array, gtd: Float64Array | null, tb: Float64Array | null): Float64Array {
  if (gtd === null && tb === null) return share;
  const out = new Float64Array(share.length);
  for (let q = 0; q < share.length; q++) {
    let s = share[q]!;
    if (gtd !== null) s *= gtd[q]!;
    if (tb !== null) s *= tb[q]!;
    out[q] = s;
  }
  return out;
}
