/**
 * Export-potential engine at BACI size: one synthetic year of ~11 million sparse HS6 flows
 * (220 countries × 5,000 products, gravity-like density), generated deterministically.
 * Times prepare (world sums, supply, demand), one pair report (BLR→KAZ-like indices), the
 * all-pairs summary, the same with every switch on (growth, tariffs, distances), and S0 over five
 * years (--s0, needs ~2 GB), each against a baseline measured in the same run: one plain pass
 * summing all values, and one scatter pass adding each flow into an exporter × product array.
 *
 *   npx tsx bench/export-potential.bench.ts [--s0] [--flows=11000000]
 */
import { rng } from '../test/support/reliability.ts';
import {
  type TradeFlows,
  exportPotentialAllPairs,
  exportPotentialPair,
  prepareExportPotential,
  weightedAverageFlows,
} from '../src/metrics/index.ts';

const args = new Map<string, string | undefined>(
  process.argv.slice(2).map((a) => {
    const [key, value] = a.replace(/^--/, '').split('=');
    return [key!, value];
  }),
);
const targetFlows = Number(args.get('flows') ?? 11_000_000);
const countryCount = 220;
const productCount = 5_000;
const dims = { countryCount, productCount };

/** Country sizes: Zipf-like, largest = 1. */
const size = Float64Array.from({ length: countryCount }, (_, i) => 1 / (1 + i) ** 0.9);

function productsPerPair(scale: number, i: number, j: number): number {
  return Math.min(productCount, Math.floor(productCount * Math.min(1, scale * Math.sqrt(size[i]! * size[j]!))));
}

/** One year of flows with ~targetFlows rows; `year` perturbs values and drops a few rows. */
function generateYear(target: number, year = 0): TradeFlows {
  // Find the density scale giving ~target rows (cheap: countryCount² evaluations per step).
  let lo = 0;
  let hi = 100;
  for (let step = 0; step < 50; step++) {
    const mid = (lo + hi) / 2;
    let n = 0;
    for (let i = 0; i < countryCount; i++)
      for (let j = 0; j < countryCount; j++) if (i !== j) n += productsPerPair(mid, i, j);
    if (n < target) lo = mid;
    else hi = mid;
  }
  const scale = hi;
  let n = 0;
  for (let i = 0; i < countryCount; i++)
    for (let j = 0; j < countryCount; j++) if (i !== j) n += productsPerPair(scale, i, j);
  const flows: TradeFlows = {
    exporterIndex: new Int32Array(n),
    importerIndex: new Int32Array(n),
    productIndex: new Int32Array(n),
    valueUsd: new Float64Array(n),
  };
  const structure = rng(20240601); // the same products every year
  const random = rng(20240601 + 1000 * (year + 1)); // values differ by year
  const strides = [7, 11, 13, 17, 19, 23, 29, 31, 37, 41];
  let r = 0;
  for (let i = 0; i < countryCount; i++) {
    const offset = Math.floor(structure() * productCount);
    const stride = strides[i % strides.length]!;
    for (let j = 0; j < countryCount; j++) {
      if (i === j) continue;
      const m = productsPerPair(scale, i, j);
      const shift = (j * 37) % 200; // importers take slightly different windows of i's product range
      const pairScale = 1e6 * Math.sqrt(size[i]! * size[j]!);
      for (let t = 0; t < m; t++) {
        const keep = year === 0 || random() > 0.05;
        const k = (offset + (shift + t) * stride) % productCount;
        flows.exporterIndex[r] = i;
        flows.importerIndex[r] = j;
        flows.productIndex[r] = k;
        // log-normal-ish value, heavier for the first products of the window
        flows.valueUsd[r] = keep
          ? (pairScale * Math.exp(2 * (random() + random() + random() - 1.5))) / (1 + t / 50)
          : 0;
        r++;
      }
    }
  }
  return flows;
}

function time<T>(runs: number, fn: () => T): { ms: number[]; result: T } {
  const ms: number[] = [];
  let result!: T;
  for (let n = 0; n < runs; n++) {
    const t0 = performance.now();
    result = fn();
    ms.push(performance.now() - t0);
  }
  return { ms, result };
}
const median = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]!;
const rssMb = () => Math.round(process.memoryUsage().rss / 2 ** 20);
const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

const tGen = performance.now();
const flows = generateYear(targetFlows);
const n = flows.valueUsd.length;
console.log(
  `generated ${n.toLocaleString('en')} flows (${countryCount} countries × ${productCount} products) in ${(performance.now() - tGen).toFixed(0)} ms; RSS ${rssMb()} MB`,
);

// Baselines, measured in this run.
const sumPass = time(7, () => {
  let s = 0;
  const v = flows.valueUsd;
  for (let q = 0; q < v.length; q++) s += v[q]!;
  return s;
});
const scatter = new Float64Array(countryCount * productCount);
const scatterPass = time(7, () => {
  scatter.fill(0);
  const { exporterIndex: ex, productIndex: pr, valueUsd: v } = flows;
  for (let q = 0; q < v.length; q++) scatter[ex[q]! * productCount + pr[q]!]! += v[q]!;
  return scatter[0];
});
const base = median(sumPass.ms);
const baseScatter = median(scatterPass.ms);

const rows: [string, number, string][] = [];
const report = (name: string, ms: number[], note = '') => {
  const m = median(ms);
  rows.push([name, m, note]);
  console.log(
    `${name.padEnd(44)} median ${m.toFixed(1).padStart(8)} ms  (runs ${ms.length}, min ${Math.min(...ms).toFixed(1)})  ` +
      `= ${(m / base).toFixed(1)}× sum pass, ${(m / baseScatter).toFixed(1)}× scatter pass  RSS ${rssMb()} MB ${note}`,
  );
};
report('baseline: sum of valueUsd', sumPass.ms);
report('baseline: scatter-add into exporter×product', scatterPass.ms);

const blr = 40; // a mid-sized exporter
const kaz = 55; // a mid-sized market
const prep = time(3, () => prepareExportPotential(flows, dims));
report('prepare (validate, world sums, supply, demand)', prep.ms);
const model = prep.result;
const pair = time(7, () => exportPotentialPair(model, blr, kaz));
report(`pair ${blr}→${kaz} (one market kernel + rows)`, pair.ms, `[${pair.result.rows.productIndex.length} rows]`);
report('prepare + pair (what one pair report pays)', [median(prep.ms) + median(pair.ms)]);
const all = time(1, () => exportPotentialAllPairs(model));
report('all pairs summary (220 markets)', all.ms);
const check = all.result.potentialUsd[blr * countryCount + kaz]!;
console.log(
  `  check: pair ΣP̂ ${pair.result.totals.potentialUsd.toExponential(6)} vs all-pairs ${check.toExponential(6)}`,
);

// Every switch on: growth, tariffs (dense MFN + 1M bilateral rows, σ per product), distances.
const random = rng(7);
const mfnRate = Float64Array.from({ length: countryCount * productCount }, () => random() * 0.15);
const bilateralCount = 1_000_000;
const tariffs = {
  mfnRate,
  sigma: Float64Array.from({ length: productCount }, () => 2 + random() * 8),
  bilateral: {
    exporterIndex: Int32Array.from({ length: bilateralCount }, () => Math.floor(random() * countryCount)),
    importerIndex: Int32Array.from({ length: bilateralCount }, () => Math.floor(random() * countryCount)),
    productIndex: Int32Array.from({ length: bilateralCount }, () => Math.floor(random() * productCount)),
    rate: new Float64Array(bilateralCount),
  },
};
const distanceKm = Float64Array.from({ length: countryCount * countryCount }, () => 200 + random() * 15_000);
const fullOptions = {
  exporterGdpGrowth: Float64Array.from({ length: countryCount }, () => 1 + random() * 0.4),
  importGrowth: Float64Array.from({ length: countryCount }, () => 1 + random() * 0.4),
  tariffs,
  distanceKm,
  netImporterPenalty: true,
  shrinkageUsd: 1e6,
  maxEase: 10,
};
const prepFull = time(3, () => prepareExportPotential(flows, dims, fullOptions));
report('prepare, all switches on', prepFull.ms);
const pairFull = time(7, () => exportPotentialPair(prepFull.result, blr, kaz));
report(`pair ${blr}→${kaz}, all switches on`, pairFull.ms, `[${pairFull.result.rows.productIndex.length} rows]`);
report('prepare + pair, all switches on', [median(prepFull.ms) + median(pairFull.ms)]);
if (args.has('all-full')) {
  const allFull = time(1, () => exportPotentialAllPairs(prepFull.result));
  report('all pairs summary, all switches on', allFull.ms);
}
console.log(`peak RSS so far ${peakRssMb()} MB`);

if (args.has('s0')) {
  const years: TradeFlows[] = [flows];
  for (let y = 1; y < 5; y++) years.push(generateYear(targetFlows, y));
  console.log(`generated 5 years, RSS ${rssMb()} MB`);
  const s0 = time(1, () => weightedAverageFlows(years, dims));
  report('S0 weighted average, 5 years', s0.ms, `[${s0.result.valueUsd.length.toLocaleString('en')} rows out]`);
}
console.log(`peak RSS ${peakRssMb()} MB (process.resourceUsage().maxRSS)`);
