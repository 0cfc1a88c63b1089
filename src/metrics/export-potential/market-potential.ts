/**
 * The per-market kernel: everything (F3) needs for market j, over ALL its potential suppliers.
 *   f_ijk  = MTA_ijk × DistF_ijk                       (1 unless tariffs / distances are given)
 *   E_ij   = Σ_k Supply^static_ik M_jk f_ijk            for every supplier i ≠ j  (ease.ts)
 *   B_ij   = min(B_max, (V_ij + κ)/(E_ij + κ)), 0 if embargoed or E + κ = 0
 *   P_ijk  = Supply_ik × B_ij × D_jk × f_ijk             raw potential
 *   N_jk   = Σ_{i' ≠ j} P_i'jk                          (F3) normalisation denominator
 *   P̂_ijk  = P_ijk / N_jk × D_jk  (0 when N_jk = 0)     so Σ_i P̂_ijk = D_jk
 * Cost O(countryCount × productCount + the market's bilateral tariff rows) per market, independent
 * of the number of flows; nothing is stored per (i, j, k).
 */
import { type ExportPotentialModel } from './prepare-export-potential.ts';
import { ExportPotentialFlag, easeFlags, shrunkEase } from './ease.ts';
import { distanceFactor } from './distance-factor.ts';
import { MarketTariffLookup, marketTariffAdvantage } from './tariff.ts';

export interface MarketPotential {
  importerIndex: number;
  /** E_ij per supplier i (0 for i = j). */
  expectedTradeUsd: Float64Array;
  /** B_ij per supplier i, after shrinkage, cap, embargo and guards (0 for i = j). */
  ease: Float64Array;
  /** ExportPotentialFlag bits per supplier i. */
  easeFlags: Uint8Array;
  /** N_jk per product: Σ over suppliers i ≠ j of P_ijk. */
  normalisationUsd: Float64Array;
  /** f_ijk = MTA × DistF for this market (countryCount × productCount), or null when all are 1. Valid until the scratch is reused. */
  cellFactor: Float64Array | null;
}

/** Reusable buffers for market computations (one per caller; not shared between markets in flight). */
export interface MarketScratch {
  cellFactor: Float64Array | null;
  tariffLookup: MarketTariffLookup | null;
}

export function createMarketScratch(model: ExportPotentialModel): MarketScratch {
  const size = model.dims.countryCount * model.dims.productCount;
  const needsFactor = model.tariffs !== null || model.distances !== null;
  return {
    cellFactor: needsFactor ? new Float64Array(size) : null,
    tariffLookup: model.tariffs === null ? null : new MarketTariffLookup(model.tariffs, model.dims),
  };
}

/** P̂ = P / N × D, 0 when N = 0. One place, so every caller rounds identically. */
export function normalisePotential(rawPotentialUsd: number, normalisationUsd: number, demandUsd: number): number {
  return normalisationUsd > 0 ? (rawPotentialUsd / normalisationUsd) * demandUsd : 0;
}

/** MTA_ijk for the market loaded in `lookup` (1 without tariffs). */
export function marketTariffFactorAt(
  model: ExportPotentialModel,
  lookup: MarketTariffLookup | null,
  i: number,
  j: number,
  p: number,
): number {
  const t = model.tariffs;
  if (t === null || lookup === null) return 1;
  const q = j * model.dims.productCount + p;
  return marketTariffAdvantage(t.importerAverageRate[q]!, lookup.rate(i, p), t.sigma[p]!);
}

/** DistF_ijk (1 without distances). */
export function distanceFactorAt(model: ExportPotentialModel, i: number, j: number, p: number): number {
  const d = model.distances;
  if (d === null) return 1;
  return distanceFactor(
    d.averageLogDistance[j * model.dims.productCount + p]!,
    d.logDistance[i * model.dims.countryCount + j]!,
  );
}

/** Runs the kernel for market j. */
export function _marketPotential(model: ExportPotentialModel, j: number, scratch: MarketScratch): MarketPotential {
  const c = model.dims.countryCount;
  const k = model.dims.productCount;
  const opts = model.options;
  const staticSupply = model.supply.staticSupply;
  const supply = model.supply.supply;
  const imports = model.totals.importsUsd;
  const demand = model.demandUsd;
  const excluded = opts.easeExcludedProducts;
  const jRow = j * k;

  const f = scratch.cellFactor;
  if (f !== null) {
    scratch.tariffLookup?.load(j);
    for (let i = 0; i < c; i++) {
      if (i === j) continue;
      const row = i * k;
      for (let p = 0; p < k; p++) {
        f[row + p] =
          supply[row + p] === 0 && staticSupply[row + p] === 0
            ? 1
            : marketTariffFactorAt(model, scratch.tariffLookup, i, j, p) * distanceFactorAt(model, i, j, p);
      }
    }
  }

  const expectedTradeUsd = new Float64Array(c);
  const ease = new Float64Array(c);
  const flags = new Uint8Array(c);
  const vPair = model.totals.easePairExportsUsd;
  for (let i = 0; i < c; i++) {
    if (i === j) continue;
    const row = i * k;
    let e = 0;
    if (f === null && excluded === null) {
      for (let p = 0; p < k; p++) {
        const s = staticSupply[row + p]!;
        if (s !== 0) e += s * imports[jRow + p]!;
      }
    } else {
      for (let p = 0; p < k; p++) {
        if (excluded !== null && excluded[p] !== 0) continue;
        const s = staticSupply[row + p]!;
        if (s !== 0) e += f === null ? s * imports[jRow + p]! : s * imports[jRow + p]! * f[row + p]!;
      }
    }
    expectedTradeUsd[i] = e;
    const v = vPair[i * c + j]!;
    if (opts.embargoPairs !== null && opts.embargoPairs[i * c + j] !== 0) {
      flags[i] = ExportPotentialFlag.EMBARGO;
      continue;
    }
    ease[i] = shrunkEase(v, e, opts.shrinkageUsd, opts.maxEase);
    flags[i] = easeFlags(v, e, opts.shrinkageUsd, opts.maxEase);
  }

  const normalisationUsd = new Float64Array(k);
  for (let i = 0; i < c; i++) {
    const b = ease[i]!;
    if (b === 0) continue;
    const row = i * k;
    if (f === null) {
      for (let p = 0; p < k; p++) {
        const s = supply[row + p]!;
        if (s !== 0) normalisationUsd[p]! += s * b * demand[jRow + p]!;
      }
    } else {
      for (let p = 0; p < k; p++) {
        const s = supply[row + p]!;
        if (s !== 0) normalisationUsd[p]! += s * b * demand[jRow + p]! * f[row + p]!;
      }
    }
  }
  return { importerIndex: j, expectedTradeUsd, ease, easeFlags: flags, normalisationUsd, cellFactor: f };
}
