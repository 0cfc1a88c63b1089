/**
 * Machinery planner: a 10,000-scenario sensitivity sweep (speed, width, efficiency, list price,
 * window and workable share drawn around the methods doc §8 scenario), each scenario sized to
 * its window (F3) and costed (F6-F19) through the public API with validation and part-by-part
 * result objects. Timed against a baseline in the same run: a plain loop of the same formulas
 * (the §9 python reference, inlined), no validation, no objects. The two must agree.
 * Also times the F20 scan (cost-minimising fleet) and the full `fleet` plan for one scenario.
 *
 *   npx tsx bench/machinery.bench.ts [--scenarios=10000] [--rounds=11]
 */
import { rng } from '../test/support/reliability.ts';
import { readFileSync } from 'node:fs';
import {
  buildPlanInputs,
  parseCatalog,
  planFleet,
  resolveScenario,
  resolveUnit,
  sensitivityTable,
  shippedCatalogUrl,
  windowFleetTotals,
  withParameter,
  type PlanInputs,
} from '../src/machinery/index.ts';

const args = new Map<string, string | undefined>(
  process.argv.slice(2).map((a) => {
    const [key, value] = a.replace(/^--/, '').split('=');
    return [key!, value];
  }),
);
const scenarioCount = Number(args.get('scenarios') ?? 10_000);
const rounds = Number(args.get('rounds') ?? 11);

const catalog = parseCatalog(JSON.parse(readFileSync(shippedCatalogUrl, 'utf8')), 'catalog.json');
const scenario = resolveScenario(
  { areaHa: 10_000, windowDays: 10, hoursPerDay: 8, widthM: 9, speedKmh: 6, fieldEfficiency: 0.7 },
  { catalog },
);
const base = buildPlanInputs(
  scenario,
  resolveUnit(catalog, 'combine-sp-9m'),
  catalog.crops.find((c) => c.id === 'wheat')!.timelinessLossSharePerDay.harvest,
).inputs;

const random = rng(42);
const between = (lo: number, hi: number) => lo + (hi - lo) * random();
const scenarios: PlanInputs[] = Array.from({ length: scenarioCount }, () => {
  let inputs: PlanInputs = {
    ...base,
    speedKmh: between(3, 8),
    widthM: between(6, 13),
    fieldEfficiency: between(0.55, 0.85),
    windowDays: between(5, 25),
    workableShare: between(0.5, 1),
  };
  inputs = withParameter(inputs, 'listPriceUsd', between(350_000, 900_000));
  return inputs;
});

/** The §9 reference, inlined: fleet for the window, then total $/ha. */
function baseline(s: PlanInputs): number {
  const m = s.costed[0]!;
  const capacity = (s.speedKmh * s.widthM * s.fieldEfficiency) / 10;
  const exact = s.areaHa / (capacity * s.hoursPerDay * s.windowDays * s.workableShare);
  const n = Math.max(1, Math.ceil(exact - 1e-9 * Math.max(1, exact)));
  const hYr = s.areaHa / (n * capacity);
  const days = s.areaHa / (n * capacity * s.hoursPerDay * s.workableShare);
  const i = s.realInterestRate;
  const years = s.ownershipYears;
  const crf = i / (1 - (1 + i) ** -years);
  const bracket =
    m.remainingValue.c1 - m.remainingValue.c2 * Math.sqrt(years) - m.remainingValue.c3 * Math.sqrt(hYr * years);
  const salvage = m.listPriceUsd * Math.max(bracket, 0) ** 2;
  const own = (m.purchasePriceUsd - salvage) * crf + salvage * i + s.taxesInsuranceHousingShare * m.purchasePriceUsd;
  const repair = (m.listPriceUsd * m.repairFactor1 * ((hYr * years) / 1000) ** m.repairFactor2) / years;
  const fuel = m.fuelLitresPerHour * hYr * s.fuelPriceUsdPerLitre;
  const operating = repair + fuel * (1 + s.lubricationShareOfFuel) + m.labourFactor * hYr * s.wageUsdPerHour;
  const timeliness = (s.timelinessLossSharePerDay * s.yieldTPerHa * s.grainPriceUsdPerT * s.areaHa * days) / s.zDivisor;
  return (n * (own + operating) + timeliness) / s.areaHa;
}

function time<T>(fn: () => T): { ms: number; result: T } {
  const start = performance.now();
  const result = fn();
  return { ms: performance.now() - start, result };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

// Warm-up, then interleaved rounds so both sides see the same machine noise.
for (const s of scenarios.slice(0, 500)) {
  baseline(s);
  windowFleetTotals(s);
}
const baselineMs: number[] = [];
const karavanMs: number[] = [];
let maxDifference = 0;
for (let round = 0; round < rounds; round++) {
  const b = time(() => scenarios.map(baseline));
  const k = time(() => scenarios.map((s) => windowFleetTotals(s).totalUsdPerHa));
  baselineMs.push(b.ms);
  karavanMs.push(k.ms);
  for (let j = 0; j < scenarios.length; j++)
    maxDifference = Math.max(maxDifference, Math.abs(b.result[j]! - k.result[j]!));
}
if (maxDifference > 1e-9) throw new Error(`baseline and Karavan disagree by ${maxDifference} $/ha`);

const sweepMs = median(karavanMs);
const loopMs = median(baselineMs);
const tableMs = median(Array.from({ length: rounds }, () => time(() => sensitivityTable(base)).ms));
const planMs = median(Array.from({ length: rounds }, () => time(() => planFleet(scenario, catalog)).ms));

const perScenarioUs = (ms: number) => ((ms * 1000) / scenarioCount).toFixed(2);
process.stdout.write(
  [
    `machinery sensitivity sweep: ${scenarioCount.toLocaleString('en-US')} scenarios, median of ${rounds} rounds (Node ${process.version})`,
    `  baseline plain loop (same formulas, no validation, no objects): ${loopMs.toFixed(1)} ms (${perScenarioUs(loopMs)} µs/scenario)`,
    `  karavan windowFleetTotals (validated, part-by-part objects):    ${sweepMs.toFixed(1)} ms (${perScenarioUs(sweepMs)} µs/scenario)`,
    `  ratio karavan / baseline: ${(sweepMs / loopMs).toFixed(1)}x; results agree to ${maxDifference.toExponential(1)} $/ha`,
    `  one sensitivityTable (24 rows): ${tableMs.toFixed(2)} ms; one planFleet incl. F20 scan of 68 fleets: ${planMs.toFixed(2)} ms`,
    '',
  ].join('\n'),
);
