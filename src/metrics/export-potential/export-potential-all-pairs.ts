/**
 * Pair-level summary of the export potential for every (exporter, market): Σ_k P̂, Σ_k v̄, Σ_k R,
 * U = ΣP̂ − ΣR and ρ = ΣR/ΣP̂, plus E_ij and B_ij. Runs the market kernel once per market plus one
 * dense pass over suppliers × products for ΣP̂, then one pass over the flows, pair by pair, for
 * v̄ and R: O(countryCount² × productCount + flows) time, O(countryCount × productCount) memory.
 * Rows per (i, j, k) are not materialised (there can be billions with κ > 0); ask
 * exportPotentialPair for the rows of a pair.
 */
import {
  type MarketScratch,
  _marketPotential,
  createMarketScratch,
  distanceFactorAt,
  normalisePotential,
} from './market-potential.ts';
import { type ExportPotentialModel, modelPairRuns } from './prepare-export-potential.ts';
import { PairTariffLookup, marketTariffAdvantage } from './tariff.ts';
import { realizedShare, realizedUsd } from './untapped.ts';

/** Dense countryCount × countryCount arrays, row = exporter i, column = market j (diagonal 0). */
export interface ExportPotentialAllPairs {
  countryCount: number;
  potentialUsd: Float64Array;
  actualUsd: Float64Array;
  realizedUsd: Float64Array;
  untappedUsd: Float64Array;
  /** ρ_ij = ΣR/ΣP̂ (0 where there is no potential). */
  realizedShare: Float64Array;
  expectedTradeUsd: Float64Array;
  ease: Float64Array;
  /** ExportPotentialFlag bits per pair. */
  pairFlags: Uint8Array;
  /** Per market j: D_j = Σ_k D_jk, and the part no supplier could take (N_jk = 0). */
  demandUsd: Float64Array;
  unallocatedDemandUsd: Float64Array;
}

export function exportPotentialAllPairs(model: ExportPotentialModel): ExportPotentialAllPairs {
  const c = model.dims.countryCount;
  const k = model.dims.productCount;
  const out: ExportPotentialAllPairs = {
    countryCount: c,
    potentialUsd: new Float64Array(c * c),
    actualUsd: new Float64Array(c * c),
    realizedUsd: new Float64Array(c * c),
    untappedUsd: new Float64Array(c * c),
    realizedShare: new Float64Array(c * c),
    expectedTradeUsd: new Float64Array(c * c),
    ease: new Float64Array(c * c),
    pairFlags: new Uint8Array(c * c),
    demandUsd: new Float64Array(c),
    unallocatedDemandUsd: new Float64Array(c),
  };
  const scratch: MarketScratch = createMarketScratch(model);
  const supply = model.supply.supply;
  const demand = model.demandUsd;
  // N_jk of every market, kept for the pass over the flows below (countryCount × productCount).
  const normalisation = new Float64Array(c * k);
  for (let j = 0; j < c; j++) {
    const market = _marketPotential(model, j, scratch);
    const den = market.normalisationUsd;
    normalisation.set(den, j * k);
    const f = market.cellFactor;
    const jRow = j * k;
    let demandSum = 0;
    let unallocated = 0;
    for (let p = 0; p < k; p++) {
      const d = demand[jRow + p]!;
      demandSum += d;
      if (!(den[p]! > 0)) unallocated += d;
    }
    out.demandUsd[j] = demandSum;
    out.unallocatedDemandUsd[j] = unallocated;
    for (let i = 0; i < c; i++) {
      if (i === j) continue;
      const b = market.ease[i]!;
      out.expectedTradeUsd[i * c + j] = market.expectedTradeUsd[i]!;
      out.ease[i * c + j] = b;
      out.pairFlags[i * c + j] = market.easeFlags[i]!;
      if (b === 0) continue;
      const row = i * k;
      let sum = 0;
      for (let p = 0; p < k; p++) {
        const s = supply[row + p]!;
        if (s === 0) continue;
        const d = demand[jRow + p]!;
        const raw = f === null ? s * b * d : s * b * d * f[row + p]!;
        sum += normalisePotential(raw, den[p]!, d);
      }
      out.potentialUsd[i * c + j] = sum;
    }
  }

  // Actual and realized, pair by pair over the flows (duplicate keys within a pair add up first).
  const runs = modelPairRuns(model);
  const order = runs.order;
  const pr = model.flows.productIndex;
  const v = model.flows.valueUsd;
  const tariffLookup = model.tariffs === null ? null : new PairTariffLookup(model.tariffs, model.dims);
  const actual = new Float64Array(k);
  const touched = new Int32Array(k);
  for (let run = 0; run < runs.runExporter.length; run++) {
    const i = runs.runExporter[run]!;
    const j = runs.runImporter[run]!;
    if (i === j) continue;
    let t = 0;
    for (let q = runs.runStart[run]!; q < runs.runStart[run + 1]!; q++) {
      const r = order === null ? q : order[q]!;
      const p = pr[r]!;
      if (actual[p] === 0) touched[t++] = p;
      actual[p]! += v[r]!;
    }
    if (t === 0) continue;
    tariffLookup?.load(i, j);
    const b = out.ease[i * c + j]!;
    const row = i * k;
    const jRow = j * k;
    let actualSum = 0;
    let realizedSum = 0;
    for (let q = 0; q < t; q++) {
      const p = touched[q]!;
      const a = actual[p]!;
      actual[p] = 0;
      if (a === 0) continue;
      const s = supply[row + p]!;
      const d = demand[jRow + p]!;
      let raw = 0;
      if (b !== 0 && s !== 0) {
        raw = s * b * d;
        if (scratch.cellFactor !== null) {
          const mta =
            model.tariffs === null
              ? 1
              : marketTariffAdvantage(
                  model.tariffs.importerAverageRate[jRow + p]!,
                  tariffLookup!.rate(p),
                  model.tariffs.sigma[p]!,
                );
          raw = raw * (mta * distanceFactorAt(model, i, j, p));
        }
      }
      actualSum += a;
      realizedSum += realizedUsd(normalisePotential(raw, normalisation[jRow + p]!, d), a);
    }
    out.actualUsd[i * c + j]! += actualSum;
    out.realizedUsd[i * c + j]! += realizedSum;
  }
  for (let q = 0; q < c * c; q++) {
    out.untappedUsd[q] = Math.max(0, out.potentialUsd[q]! - out.realizedUsd[q]!);
    out.realizedShare[q] = realizedShare(out.realizedUsd[q]!, out.potentialUsd[q]!);
  }
  return out;
}
