/**
 * Export potential of ONE exporter i in ONE market j, product by product, with every component
 * a user needs to defend a number (method note §3, S1–S5). World-wide terms come from the model
 * (s_ik, E_ij, and the (F3) denominator over all suppliers of j), so the result is the same as in
 * a full all-pairs run. Cost: one market kernel, O(countryCount × productCount + flows of j).
 */
import { InvalidOptionError } from '../../errors.ts';
import { displayThresholdMask } from './display-threshold.ts';
import { ExportPotentialFlag } from './ease.ts';
import {
  type MarketPotential,
  _marketPotential,
  createMarketScratch,
  distanceFactorAt,
  marketTariffFactorAt,
  normalisePotential,
} from './market-potential.ts';
import type { ExportPotentialModel } from './prepare-export-potential.ts';
import type { MarketTariffLookup } from './tariff.ts';
import { type PotentialTotals, realizedUsd, totalsFromSums, untappedUsd } from './untapped.ts';

/** One row per product with positive potential or positive actual exports, by product index. */
export interface ExportPotentialRows {
  productIndex: Int32Array;
  /** X_ik, i's exports of k to the world (smoothed). */
  exportsUsd: Float64Array;
  /** V_k, world exports of k. */
  worldExportsUsd: Float64Array;
  /** s_ik = X_ik / V_k. */
  worldShare: Float64Array;
  /** ProjMS_ik (F4a); equals worldShare without growth ratios. */
  projectedShare: Float64Array;
  /** GTD_ik (F4b); 1 without tariffs. */
  supplyTariffFactor: Float64Array;
  /** TB_ik = min(1, X_ik/M_ik) (F4c); 1 with the penalty off. */
  netImporterFactor: Float64Array;
  /** Supply_ik = projectedShare × supplyTariffFactor × netImporterFactor: the "s_ik" that enters P. */
  supplyShare: Float64Array;
  /** M_jk, j's imports of k (smoothed). */
  importsUsd: Float64Array;
  /** D_jk = M_jk × g_jk. */
  demandUsd: Float64Array;
  /** MTA_ijk (F5b); 1 without tariffs. */
  marketTariffFactor: Float64Array;
  /** DistF_ijk (F5c); 1 without distances. */
  distanceFactor: Float64Array;
  /** P_ijk = supplyShare × ease × demandUsd × marketTariffFactor × distanceFactor. */
  rawPotentialUsd: Float64Array;
  /** N_jk = Σ_{i' ≠ j} P_i'jk. */
  normalisationUsd: Float64Array;
  /** P̂_ijk = P / N × D (USD). */
  potentialUsd: Float64Array;
  /** v̄_ijk, actual (smoothed) exports of i to j in k. */
  actualUsd: Float64Array;
  /** U = max(0, P̂ − v̄). */
  untappedUsd: Float64Array;
  /** R = min(v̄, P̂). */
  realizedUsd: Float64Array;
  /** ExportPotentialFlag bits (pair flags plus NET_IMPORTER). */
  flags: Uint8Array;
  /** (F9) 1 = show, when the displayThreshold option is on; null otherwise. */
  displayed: Uint8Array | null;
}

export interface ExportPotentialPair {
  exporterIndex: number;
  importerIndex: number;
  /** V_ij over all products (smoothed). */
  pairExportsUsd: number;
  /** V_ij over the products counted in the ease (equals pairExportsUsd unless products are excluded). */
  easePairExportsUsd: number;
  /** E_ij = Σ_k Supply^static_ik M_jk f_ijk. */
  expectedTradeUsd: number;
  /** B_ij as used (shrunk, capped, guarded). */
  ease: number;
  /** ExportPotentialFlag bits of the pair (EXTRAPOLATED, EASE_CAPPED, EASE_UNDEFINED, EMBARGO). */
  pairFlags: number;
  rows: ExportPotentialRows;
  /** Sums over all rows (ρ = ΣR/ΣP̂). */
  totals: PotentialTotals;
}

/**
 * @throws InvalidOptionError if an index is out of range or exporter = importer.
 */
export function exportPotentialPair(
  model: ExportPotentialModel,
  exporterIndex: number,
  importerIndex: number,
): ExportPotentialPair {
  const c = model.dims.countryCount;
  for (const [name, x] of [
    ['exporterIndex', exporterIndex],
    ['importerIndex', importerIndex],
  ] as const) {
    if (!(Number.isInteger(x) && x >= 0 && x < c))
      throw new InvalidOptionError(`invalid ${name}: ${x}`, { value: String(x) });
  }
  if (exporterIndex === importerIndex) {
    throw new InvalidOptionError(
      `invalid importerIndex: ${importerIndex} (same as exporterIndex; self-trade has no potential)`,
      {
        value: String(importerIndex),
      },
    );
  }
  const scratch = createMarketScratch(model);
  const market = _marketPotential(model, importerIndex, scratch);
  return _pairFromMarket(model, market, scratch.tariffLookup, exporterIndex);
}

/** Builds the pair from an already computed market (the lookup must still be loaded for that market). */
export function _pairFromMarket(
  model: ExportPotentialModel,
  market: MarketPotential,
  tariffLookup: MarketTariffLookup | null,
  i: number,
): ExportPotentialPair {
  const c = model.dims.countryCount;
  const k = model.dims.productCount;
  const j = market.importerIndex;
  const { totals, supply } = model;
  const row = i * k;
  const jRow = j * k;

  // v̄_ijk: the pair's runs if the flows are already indexed, else one sequential scan.
  const actual = new Float64Array(k);
  const ex = model.flows.exporterIndex;
  const im = model.flows.importerIndex;
  const pr = model.flows.productIndex;
  const v = model.flows.valueUsd;
  const runs = model.runs;
  if (runs !== null) {
    for (let run = 0; run < runs.runExporter.length; run++) {
      if (runs.runExporter[run] !== i || runs.runImporter[run] !== j) continue;
      for (let q = runs.runStart[run]!; q < runs.runStart[run + 1]!; q++) {
        const r = runs.order === null ? q : runs.order[q]!;
        actual[pr[r]!]! += v[r]!;
      }
    }
  } else {
    for (let r = 0; r < v.length; r++) if (ex[r] === i && im[r] === j) actual[pr[r]!]! += v[r]!;
  }

  const ease = market.ease[i]!;
  const pairFlags = market.easeFlags[i]!;
  const f = market.cellFactor;
  const products: number[] = [];
  const potential: number[] = [];
  const raw: number[] = [];
  for (let p = 0; p < k; p++) {
    const s = supply.supply[row + p]!;
    const rawP =
      s === 0 || ease === 0
        ? 0
        : f === null
          ? s * ease * model.demandUsd[jRow + p]!
          : s * ease * model.demandUsd[jRow + p]! * f[row + p]!;
    const hat = normalisePotential(rawP, market.normalisationUsd[p]!, model.demandUsd[jRow + p]!);
    if (hat > 0 || actual[p]! > 0) {
      products.push(p);
      potential.push(hat);
      raw.push(rawP);
    }
  }

  const n = products.length;
  const rows: ExportPotentialRows = {
    productIndex: Int32Array.from(products),
    exportsUsd: new Float64Array(n),
    worldExportsUsd: new Float64Array(n),
    worldShare: new Float64Array(n),
    projectedShare: new Float64Array(n),
    supplyTariffFactor: new Float64Array(n),
    netImporterFactor: new Float64Array(n),
    supplyShare: new Float64Array(n),
    importsUsd: new Float64Array(n),
    demandUsd: new Float64Array(n),
    marketTariffFactor: new Float64Array(n),
    distanceFactor: new Float64Array(n),
    rawPotentialUsd: Float64Array.from(raw),
    normalisationUsd: new Float64Array(n),
    potentialUsd: Float64Array.from(potential),
    actualUsd: new Float64Array(n),
    untappedUsd: new Float64Array(n),
    realizedUsd: new Float64Array(n),
    flags: new Uint8Array(n),
    displayed: null,
  };
  let potentialSum = 0;
  let actualSum = 0;
  let realizedSum = 0;
  for (let r = 0; r < n; r++) {
    const p = products[r]!;
    const q = row + p;
    rows.exportsUsd[r] = totals.exportsUsd[q]!;
    rows.worldExportsUsd[r] = totals.worldExportsUsd[p]!;
    rows.worldShare[r] = supply.worldShare[q]!;
    rows.projectedShare[r] = supply.projectedShare === null ? supply.worldShare[q]! : supply.projectedShare[q]!;
    rows.supplyTariffFactor[r] = model.tariffs === null ? 1 : model.tariffs.supplyTariffFactor[q]!;
    const tb = supply.netImporterFactor === null ? 1 : supply.netImporterFactor[q]!;
    rows.netImporterFactor[r] = tb;
    rows.supplyShare[r] = supply.supply[q]!;
    rows.importsUsd[r] = totals.importsUsd[jRow + p]!;
    rows.demandUsd[r] = model.demandUsd[jRow + p]!;
    rows.marketTariffFactor[r] = marketTariffFactorAt(model, tariffLookup, i, j, p);
    rows.distanceFactor[r] = distanceFactorAt(model, i, j, p);
    rows.normalisationUsd[r] = market.normalisationUsd[p]!;
    const hat = rows.potentialUsd[r]!;
    const a = actual[p]!;
    rows.actualUsd[r] = a;
    rows.untappedUsd[r] = untappedUsd(hat, a);
    rows.realizedUsd[r] = realizedUsd(hat, a);
    rows.flags[r] = pairFlags | (tb < 1 ? ExportPotentialFlag.NET_IMPORTER : 0);
    potentialSum += hat;
    actualSum += a;
    realizedSum += rows.realizedUsd[r]!;
  }
  if (model.options.displayThreshold) {
    rows.displayed = displayThresholdMask(rows.potentialUsd, {
      minPotentialUsd: model.options.displayMinPotentialUsd,
      cumulativeShare: model.options.displayCumulativeShare,
    });
  }
  return {
    exporterIndex: i,
    importerIndex: j,
    pairExportsUsd: totals.pairExportsUsd[i * c + j]!,
    easePairExportsUsd: totals.easePairExportsUsd[i * c + j]!,
    expectedTradeUsd: market.expectedTradeUsd[i]!,
    ease,
    pairFlags,
    rows,
    totals: totalsFromSums(potentialSum, actualSum, realizedSum),
  };
}
