/**
 * Visiting the flows pair by pair (exporter i, importer j). Data from the store (and the output of
 * weightedAverageFlows) keep each pair's rows together, so the flows are read in their own order,
 * sequentially and cache-friendly; only if a pair's rows are scattered does this build a
 * permutation (counting sort by pair, one int32 per flow). Runs with exporter = importer
 * (self-trade) are listed too: callers skip them.
 */
import type { TradeDimensions, TradeFlows } from './trade-flows.ts';

export interface PairRuns {
  /** Row order to visit (null = the flows' own order). */
  order: Int32Array | null;
  /** Run r covers positions `runStart[r] .. runStart[r+1])` of the visiting order. */
  runStart: Int32Array;
  runExporter: Int32Array;
  runImporter: Int32Array;
}

/** O(flows): one pass to check grouping, plus a counting sort when the rows are not grouped. */
export function pairRuns(flows: TradeFlows, dims: TradeDimensions): PairRuns {
  const c = dims.countryCount;
  const ex = flows.exporterIndex;
  const im = flows.importerIndex;
  const n = ex.length;
  const seen = new Uint8Array(c * c);
  let runs = 0;
  let previous = -1;
  for (let r = 0; r < n; r++) {
    const pair = ex[r]! * c + im[r]!;
    if (pair === previous) continue;
    if (seen[pair] !== 0) return sortedRuns(flows, dims);
    seen[pair] = 1;
    previous = pair;
    runs++;
  }
  const runStart = new Int32Array(runs + 1);
  const runExporter = new Int32Array(runs);
  const runImporter = new Int32Array(runs);
  let q = -1;
  previous = -1;
  for (let r = 0; r < n; r++) {
    const pair = ex[r]! * c + im[r]!;
    if (pair === previous) continue;
    previous = pair;
    q++;
    runStart[q] = r;
    runExporter[q] = ex[r]!;
    runImporter[q] = im[r]!;
  }
  runStart[runs] = n;
  return { order: null, runStart, runExporter, runImporter };
}

/** Counting sort of the rows by pair (i, j). */
function sortedRuns(flows: TradeFlows, dims: TradeDimensions): PairRuns {
  const c = dims.countryCount;
  const ex = flows.exporterIndex;
  const im = flows.importerIndex;
  const n = ex.length;
  const pairStart = new Int32Array(c * c + 1);
  for (let r = 0; r < n; r++) pairStart[ex[r]! * c + im[r]! + 1]!++;
  let runs = 0;
  for (let p = 0; p < c * c; p++) {
    if (pairStart[p + 1]! > 0) runs++;
    pairStart[p + 1]! += pairStart[p]!;
  }
  const fill = pairStart.slice(0, c * c);
  const order = new Int32Array(n);
  for (let r = 0; r < n; r++) order[fill[ex[r]! * c + im[r]!]!++] = r;
  const runStart = new Int32Array(runs + 1);
  const runExporter = new Int32Array(runs);
  const runImporter = new Int32Array(runs);
  let q = 0;
  for (let p = 0; p < c * c; p++) {
    if (pairStart[p + 1] === pairStart[p]) continue;
    runStart[q] = pairStart[p]!;
    runExporter[q] = Math.floor(p / c);
    runImporter[q] = p % c;
    q++;
  }
  runStart[runs] = n;
  return { order, runStart, runExporter, runImporter };
}
