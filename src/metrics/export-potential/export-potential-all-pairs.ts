/**
 * Pair-level summary of the export potential for every (exporter, market): Σ_k P̂, Σ_k v̄, Σ_k R,
 * U = ΣP̂ − ΣR and ρ = ΣR/ΣP̂, plus E_ij and B_ij. Runs the market kernel once per market, then
 * one dense pass over suppliers × products and one pass over the market's flows:
 * O(countryCount² × productCount + flows) time, O(countryCount × productCount) working memory.
 * Rows per (i, j, k) are not materialised (there can be billions with κ > 0); ask
 * exportPotentialPair for the rows of a pair.
 */
import { type MarketScratch, _marketPotential, createMarketScratch, normalisePotential } from './market-potential.ts';
import type { ExportPotentialModel } from './prepare-export-potential.ts';
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
  const ex = model.flows.exporterIndex;
  const pr = model.flows.productIndex;
  const v = model.flows.valueUsd;
  const { byImporterStart, byImporterRow } = model.totals;
  // Actual flows of one market scattered over supplier × product (duplicates add up), then wiped.
  const actual = new Float64Array(c * k);
  for (let j = 0; j < c; j++) {
    const market = _marketPotential(model, j, scratch);
    const den = market.normalisationUsd;
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
      out.expectedTradeUsd[i * c + j] = market.expectedTradeUsd[i]!;
      out.ease[i * c + j] = market.ease[i]!;
      out.pairFlags[i * c + j] = market.easeFlags[i]!;
      const b = market.ease[i]!;
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
    const from = byImporterStart[j]!;
    const to = byImporterStart[j + 1]!;
    for (let q = from; q < to; q++) {
      const r = byImporterRow[q]!;
      actual[ex[r]! * k + pr[r]!]! += v[r]!;
    }
    for (let q = from; q < to; q++) {
      const r = byImporterRow[q]!;
      const i = ex[r]!;
      const p = pr[r]!;
      const cell = i * k + p;
      const a = actual[cell]!;
      if (a === 0) continue; // already counted (duplicate key) or a zero flow
      actual[cell] = 0;
      const b = market.ease[i]!;
      const s = supply[cell]!;
      const d = demand[jRow + p]!;
      const raw = b === 0 || s === 0 ? 0 : f === null ? s * b * d : s * b * d * f[cell]!;
      const hat = normalisePotential(raw, den[p]!, d);
      out.actualUsd[i * c + j]! += a;
      out.realizedUsd[i * c + j]! += realizedUsd(hat, a);
    }
  }
  for (let q = 0; q < c * c; q++) {
    out.untappedUsd[q] = Math.max(0, out.potentialUsd[q]! - out.realizedUsd[q]!);
    out.realizedShare[q] = realizedShare(out.realizedUsd[q]!, out.potentialUsd[q]!);
  }
  return out;
}
