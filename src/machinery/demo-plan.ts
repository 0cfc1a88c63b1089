/**
 * Demonstration-plot plan: a randomised complete block design. The trial area is split into
 * `replicates` blocks; each block holds one plot (a set of parallel strips of equal length)
 * per machine, in a random order drawn per block from a seeded generator, so every machine
 * works comparable ground and position effects average out. Plots in one block are worked side
 * by side on the same day(s), so crop moisture and weather are shared.
 */
import { MachineryInputError } from '../errors.ts';
import { effectiveFieldCapacityHaPerHour } from './capacity.ts';
import { findMachine, type Catalog } from './catalog.ts';
import { isFieldMachineKind } from './catalog-schema.ts';
import type { TaggedValue } from './tags.ts';
import { typicalOf } from './tags.ts';
import { requireHoursPerDay, requireInteger, requirePositive } from './validate.ts';

export interface DemoPlanOptions {
  /** The demonstration field, ha. Required. */
  areaHa?: number;
  /** Machine ids, at least 2, all different. Required. */
  machineIds?: readonly string[];
  /** Blocks (replicates): each machine works one plot per block. @default 6 */
  replicates?: number;
  /** Area of one plot, ha. @default 20 */
  plotAreaHa?: number;
  /** Length of the strips, m (long runs keep turning a small share of the time). @default 1000 */
  stripLengthM?: number;
  /** Working hours per day. @default 8 */
  hoursPerDay?: number;
  /** Units of each machine working the demonstration. @default 1 */
  unitsPerMachine?: number;
  /** Seed of the plot-order randomisation (same seed, same layout). @default 1 */
  seed?: number;
}

export interface ResolvedDemoPlanOptions {
  areaHa: number;
  machineIds: readonly string[];
  replicates: number;
  plotAreaHa: number;
  stripLengthM: number;
  hoursPerDay: number;
  unitsPerMachine: number;
  seed: number;
}

export const demoPlanDefaults = Object.freeze({
  replicates: 6,
  plotAreaHa: 20,
  stripLengthM: 1000,
  hoursPerDay: 8,
  unitsPerMachine: 1,
  seed: 1,
});

export function resolveDemoPlan(options: DemoPlanOptions): ResolvedDemoPlanOptions {
  if (options.areaHa === undefined)
    throw new MachineryInputError('invalid areaHa: missing (the demonstration field, ha, is required)', {
      column: 'areaHa',
    });
  requirePositive('areaHa', options.areaHa);
  const machineIds = options.machineIds ?? [];
  if (machineIds.length < 2)
    throw new MachineryInputError(
      `invalid machines: ${machineIds.join(',') || '(none)'} (a demonstration compares at least 2 machines)`,
      { column: 'machines' },
    );
  const duplicate = machineIds.find((id, i) => machineIds.indexOf(id) !== i);
  if (duplicate !== undefined)
    throw new MachineryInputError(`invalid machines: ${duplicate} is listed twice`, {
      column: 'machines',
      value: duplicate,
    });
  const resolved: ResolvedDemoPlanOptions = {
    areaHa: options.areaHa,
    machineIds,
    replicates: requireInteger('replicates', options.replicates ?? demoPlanDefaults.replicates, 2),
    plotAreaHa: requirePositive('plotAreaHa', options.plotAreaHa ?? demoPlanDefaults.plotAreaHa),
    stripLengthM: requirePositive('stripLengthM', options.stripLengthM ?? demoPlanDefaults.stripLengthM),
    hoursPerDay: requireHoursPerDay('hoursPerDay', options.hoursPerDay ?? demoPlanDefaults.hoursPerDay),
    unitsPerMachine: requireInteger('unitsPerMachine', options.unitsPerMachine ?? demoPlanDefaults.unitsPerMachine, 1),
    seed: requireInteger('seed', options.seed ?? demoPlanDefaults.seed, 0),
  };
  const trialAreaHa = resolved.plotAreaHa * resolved.replicates * machineIds.length;
  if (trialAreaHa > resolved.areaHa * (1 + 1e-9)) {
    throw new MachineryInputError(
      `invalid plotAreaHa: ${resolved.plotAreaHa} (${machineIds.length} machines x ${resolved.replicates} blocks x ${resolved.plotAreaHa} ha = ${trialAreaHa} ha, more than the ${resolved.areaHa} ha field)`,
      { column: 'plotAreaHa', value: String(resolved.plotAreaHa), hint: 'lower --plot-area-ha or --replicates' },
    );
  }
  return resolved;
}

/** mulberry32: a small seeded generator, enough for shuffling plot orders reproducibly. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export interface DemoMachine {
  machineId: string;
  name: string;
  widthM: TaggedValue;
  speedKmh: TaggedValue;
  fieldEfficiency: TaggedValue;
  /** F1 at the catalog's typical values: the planned rate, to be measured. */
  plannedHaPerHour: number;
  /** Hours to work one plot with one unit. */
  hoursPerPlot: number;
  /** Passes of the working width across one plot. */
  passesPerPlot: number;
  /** Plot area over the whole trial, ha. */
  trialAreaHa: number;
  /** Hours this machine type works over the trial (all units). */
  trialHours: number;
}

export interface DemoPlot {
  plotId: string;
  block: number;
  /** 1-based position of the plot across the block (strip order on the ground). */
  position: number;
  machineId: string;
  areaHa: number;
  stripLengthM: number;
  plotWidthM: number;
  passes: number;
}

export interface DemoBlock {
  block: number;
  /** Machine ids in the order their plots lie across the block. */
  order: string[];
  /** Hours the block takes: plots are worked side by side, so the slowest machine sets it. */
  hours: number;
  /** Working days the block falls on; a block starts on a fresh day when it does not fit in the rest of the current one. */
  startDay: number;
  endDay: number;
}

export interface DemoMeasure {
  id: 'haPerHour' | 'fuelLitresPerHa' | 'grainLossKgPerHa' | 'downtimeShare';
  label: string;
  unit: string;
  /** Which direction is better. */
  better: 'higher' | 'lower';
  /** How it is computed from the sheet's columns. */
  fromSheet: string;
  /** How to measure it on the field. */
  howToMeasure: string;
}

export const demoMeasures: readonly DemoMeasure[] = Object.freeze([
  {
    id: 'haPerHour',
    label: 'Effective field capacity',
    unit: 'ha/h',
    better: 'higher',
    fromSheet: 'worked_area_ha / work_hours',
    howToMeasure:
      'Area from the plot pegs or GNSS track; work hours from entering to leaving the plot, turns and unloading included, breakdowns excluded (log those as downtime).',
  },
  {
    id: 'fuelLitresPerHa',
    label: 'Fuel use',
    unit: 'L/ha',
    better: 'lower',
    fromSheet: 'fuel_litres / worked_area_ha',
    howToMeasure:
      'Top up to the brim before and after the plot (refill method) or read the engine fuel counter; same fuel and same person each time.',
  },
  {
    id: 'grainLossKgPerHa',
    label: 'Grain loss behind the machine',
    unit: 'kg/ha',
    better: 'lower',
    fromSheet: 'grain_loss_kg_per_ha',
    howToMeasure:
      'Drop trays or loss pans under the straw and chaff (at least 3 per plot, away from headlands); weigh clean grain, convert to kg/ha, enter the plot mean. Leave blank for non-harvest machines.',
  },
  {
    id: 'downtimeShare',
    label: 'Downtime',
    unit: 'share of time',
    better: 'lower',
    fromSheet: 'downtime_hours / (work_hours + downtime_hours)',
    howToMeasure:
      'Hours stopped in the plot for breakdowns, blockages and adjustments (not for waiting on trucks); note the cause in notes.',
  },
]);

export interface DemoPlan {
  kind: 'karavan.machinery.demo-plan';
  version: 1;
  options: ResolvedDemoPlanOptions;
  machines: DemoMachine[];
  blocks: DemoBlock[];
  plots: DemoPlot[];
  trialAreaHa: number;
  /** Field area outside the plots (worked normally, or used as guard strips and headlands). */
  remainingAreaHa: number;
  /** Sum of block hours. */
  trialHours: number;
  /** Working days from the first block to the last. */
  trialDays: number;
  measures: readonly DemoMeasure[];
  notes: string[];
}

export function planDemonstration(options: DemoPlanOptions, catalog: Catalog): DemoPlan {
  const o = resolveDemoPlan(options);
  const machines = o.machineIds.map((id): DemoMachine => {
    const machine = findMachine(catalog, id);
    if (!isFieldMachineKind(machine.kind) || !machine.widthM || !machine.speedKmh || !machine.fieldEfficiency) {
      throw new MachineryInputError(
        `invalid machines: ${id} is a ${machine.kind}; a field demonstration needs machines that work a width (combines, drills, sprayers, tillage)`,
        { column: 'machines', value: id },
      );
    }
    const widthM = typicalOf(machine.widthM);
    const speedKmh = typicalOf(machine.speedKmh);
    const fieldEfficiency = typicalOf(machine.fieldEfficiency);
    const plannedHaPerHour = effectiveFieldCapacityHaPerHour({
      speedKmh: speedKmh.value,
      widthM: widthM.value,
      fieldEfficiency: fieldEfficiency.value,
    });
    const plotWidthM = (o.plotAreaHa * 10_000) / o.stripLengthM;
    const hoursPerPlot = o.plotAreaHa / plannedHaPerHour;
    return {
      machineId: id,
      name: machine.name,
      widthM,
      speedKmh,
      fieldEfficiency,
      plannedHaPerHour,
      hoursPerPlot,
      passesPerPlot: Math.ceil(plotWidthM / widthM.value - 1e-9),
      trialAreaHa: o.plotAreaHa * o.replicates,
      trialHours: hoursPerPlot * o.replicates,
    };
  });
  const random = seededRandom(o.seed);
  const plotWidthM = (o.plotAreaHa * 10_000) / o.stripLengthM;
  const blocks: DemoBlock[] = [];
  const plots: DemoPlot[] = [];
  // Blocks are scheduled whole: a block that does not fit in what is left of a day starts the next
  // morning, so that its plots share the same day's crop moisture and weather.
  let day = 1;
  let usedToday = 0;
  let trialHours = 0;
  for (let block = 1; block <= o.replicates; block++) {
    const order = shuffled(o.machineIds, random);
    const hours = Math.max(
      ...order.map((id) => machines.find((m) => m.machineId === id)!.hoursPerPlot / o.unitsPerMachine),
    );
    if (usedToday > 0 && usedToday + hours > o.hoursPerDay * (1 + 1e-9)) {
      day++;
      usedToday = 0;
    }
    const startDay = day;
    const spanDays = Math.max(1, Math.ceil((usedToday + hours) / o.hoursPerDay - 1e-9));
    const endDay = startDay + spanDays - 1;
    usedToday = usedToday + hours - (spanDays - 1) * o.hoursPerDay;
    day = endDay;
    trialHours += hours;
    blocks.push({ block, order, hours, startDay, endDay });
    order.forEach((machineId, i) => {
      const machine = machines.find((m) => m.machineId === machineId)!;
      plots.push({
        plotId: `B${block}-P${i + 1}`,
        block,
        position: i + 1,
        machineId,
        areaHa: o.plotAreaHa,
        stripLengthM: o.stripLengthM,
        plotWidthM,
        passes: machine.passesPerPlot,
      });
    });
  }
  const trialAreaHa = o.plotAreaHa * o.replicates * o.machineIds.length;
  const notes = [
    "Lay the blocks across the field's main gradient (soil, slope, crop stand) so that each block is as uniform as possible; plots inside a block run side by side.",
    'Work the plots of one block on the same day, in the order given, to share crop moisture and weather; leave headlands and a guard pass between plots.',
    'Use the same crop variety, operators of similar experience (swap them between blocks if possible) and machine settings recorded before the start.',
    `Planned rates come from the catalog's typical speed, width and efficiency (tags shown); the trial measures the real ones.`,
    `With ${o.replicates} blocks each machine has ${o.replicates} plots: the Welch interval then has at most ${2 * o.replicates - 2} degrees of freedom; more blocks narrow it.`,
  ];
  return {
    kind: 'karavan.machinery.demo-plan',
    version: 1,
    options: o,
    machines,
    blocks,
    plots,
    trialAreaHa,
    remainingAreaHa: o.areaHa - trialAreaHa,
    trialHours,
    trialDays: blocks[blocks.length - 1]!.endDay,
    measures: demoMeasures,
    notes,
  };
}
