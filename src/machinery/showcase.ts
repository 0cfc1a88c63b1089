/**
 * Whole-field showcase: the demonstration of machines on a farm's whole field (thousands of ha),
 * alongside the randomised plots of `planDemonstration`. The field left after the plots is cut
 * into sets of adjacent blocks (a set is a strip across the field's gradient); each machine
 * harvests its block of every set whole, with all its units, so the machines work the same crop
 * on the same field at the same time. Hours and days per block come from F1 (capacity) and F5
 * (days needed); visitor days fall at the start, the peak and the end of the work.
 *
 * SC1  set area         a_set = (A - A_plots) / S
 * SC2  block area       capacity split: a_m = a_set * n_m C_m / sum_k n_k C_k;  equal split: a_m = a_set / M
 * SC3  block hours      h_m = a_m / (n_m * C_m)       (C_m: F1 at the machine's typical v, w, E_f)
 * SC4  sets by default  S = max(2, ceil(max_m A_m / (n_m C_m) / G)), A_m = (A - A_plots) x its SC2 share:
 *                       one set is at most one working day of G hours
 * SC5  calendar days    F5 per machine over its whole area: D_m = A_m / (n_m C_m G pwd)
 */
import { MachineryInputError } from '../errors.ts';
import type { Catalog } from './catalog.ts';
import { daysNeeded } from './days-needed.ts';
import { planDemonstration, seededRandom, shuffled, type DemoMachine, type DemoPlan } from './demo-plan.ts';
import type { PresetCatalog } from './presets.ts';
import { resolveScenario } from './scenario.ts';
import { showcaseMeasures, showcaseText, showcaseVisitorLabels, type ShowcaseMeasure } from './showcase-labels.ts';
import { tagged, type TaggedValue } from './tags.ts';
import { requireInteger } from './validate.ts';

export type ShowcaseSplit = 'capacity' | 'equal';

export interface ShowcaseOptions {
  /** The whole field to harvest, ha. Required. */
  areaHa?: number;
  /** Machine ids, at least 2, all different. Required. */
  machineIds?: readonly string[];
  /** Units of each machine: one number (or a list of one) for all, or one per machine in the order of machineIds. @default 1 */
  units?: number | readonly number[];
  /** How a set is divided between the machines. @default 'capacity' */
  split?: ShowcaseSplit;
  /** Sets of adjacent blocks. @default one working day's work per set (SC4) */
  sets?: number;
  /** Crop id (yield for the expected tonnes). @default the scenario default */
  cropId?: string;
  /** Scenario preset (yield, window). @default none */
  presetId?: string;
  /** Working hours per day G. @default the scenario default */
  hoursPerDay?: number;
  /** pwd, share of calendar days that are workable. @default the scenario default */
  workableShare?: number;
  /** Harvest window, calendar days, to check the showcase against. @default the preset's or the scenario default */
  windowDays?: number;
  /** Yield, t/ha, for the expected tonnes per block. @default the preset's or the crop's */
  yieldTPerHa?: number;
  /** Randomised plots (planDemonstration) inside the field. */
  replicates?: number;
  plotAreaHa?: number;
  stripLengthM?: number;
  /** Seed of both randomisations (plot order and block order). @default 1 */
  seed?: number;
}

export interface ShowcaseContext {
  catalog: Catalog;
  presets?: PresetCatalog;
}

export interface ShowcaseMachine {
  machineId: string;
  name: string;
  units: TaggedValue;
  widthM: TaggedValue;
  speedKmh: TaggedValue;
  fieldEfficiency: TaggedValue;
  /** F1 per unit at the typical values. */
  plannedHaPerHour: number;
  /** Area of all this machine's blocks, ha. */
  areaHa: number;
  /** Hours of each unit over all its blocks (SC3 summed). */
  hours: number;
  /** Working days of G hours its blocks take. */
  workingDays: number;
  /** SC5 (F5): calendar days with pwd. */
  calendarDays: number;
  expectedGrainT: number;
}

export interface ShowcaseBlock {
  blockId: string;
  set: number;
  /** 1-based position across the set (adjacent blocks on the ground). */
  position: number;
  machineId: string;
  units: number;
  areaHa: number;
  plannedHaPerHour: number;
  /** SC3: hours of each unit. */
  hours: number;
  /** Working day (1 = the first day of the showcase, plots included). */
  startDay: number;
  endDay: number;
  expectedGrainT: number;
}

export interface ShowcaseSet {
  set: number;
  areaHa: number;
  /** The set's hours: its slowest block. */
  hours: number;
  startDay: number;
  endDay: number;
  /** Area harvested by the end of this set, blocks only, ha. */
  cumulativeAreaHa: number;
}

export interface ShowcaseVisitorDay {
  id: 'start' | 'peak' | 'end';
  label: string;
  day: number;
  /** Blocks and plots worked that day. */
  working: string[];
  show: string;
}

export interface Showcase {
  kind: 'karavan.machinery.showcase';
  version: 1;
  areaHa: number;
  cropId: string;
  split: ShowcaseSplit;
  sets: number;
  /** Every coefficient used, with its tag and source. */
  parameters: Record<string, TaggedValue>;
  machines: ShowcaseMachine[];
  setList: ShowcaseSet[];
  blocks: ShowcaseBlock[];
  /** The randomised plots, worked first (days 1..plots.trialDays). */
  plots: DemoPlan;
  /** Field area in blocks (the whole field less the plots), ha. */
  blockAreaHa: number;
  /** Working days from the first plot to the last block. */
  workingDays: number;
  /** Working days over pwd: the calendar days the showcase is expected to take. */
  calendarDays: number;
  windowDays: number;
  fitsWindow: boolean;
  visitorDays: ShowcaseVisitorDay[];
  measures: readonly ShowcaseMeasure[];
  formulas: string[];
  notes: string[];
}

export const showcaseDefaults = Object.freeze({ units: 1, split: 'capacity' as ShowcaseSplit, replicates: 4 });

function unitsFor(options: ShowcaseOptions, machineIds: readonly string[]): number[] {
  const given = options.units ?? showcaseDefaults.units;
  // One number (or a list of one) is every machine's.
  const list =
    typeof given === 'number'
      ? machineIds.map(() => given)
      : given.length === 1
        ? machineIds.map(() => given[0]!)
        : [...given];
  if (list.length !== machineIds.length)
    throw new MachineryInputError(
      `invalid units: ${list.join(',')} (one number for all machines, or one per machine: ${machineIds.length})`,
      { column: 'units', value: list.join(',') },
    );
  list.forEach((n) => requireInteger('units', n, 1));
  return list;
}

/** Whole blocks to days: a block that does not fit in the rest of a day starts the next morning. */
function schedule(
  hours: readonly number[],
  hoursPerDay: number,
  firstDay: number,
): { startDay: number; endDay: number }[] {
  let day = firstDay;
  let usedToday = 0;
  return hours.map((h) => {
    if (usedToday > 0 && usedToday + h > hoursPerDay * (1 + 1e-9)) {
      day++;
      usedToday = 0;
    }
    const startDay = day;
    const spanDays = Math.max(1, Math.ceil((usedToday + h) / hoursPerDay - 1e-9));
    const endDay = startDay + spanDays - 1;
    usedToday = usedToday + h - (spanDays - 1) * hoursPerDay;
    day = endDay;
    return { startDay, endDay };
  });
}

export function planShowcase(options: ShowcaseOptions, context: ShowcaseContext): Showcase {
  const split = options.split ?? showcaseDefaults.split;
  if (split !== 'capacity' && split !== 'equal')
    throw new MachineryInputError(`invalid split: ${String(split)} (capacity or equal)`, {
      column: 'split',
      value: String(split),
    });
  const scenario = resolveScenario(
    {
      ...(options.areaHa !== undefined && { areaHa: options.areaHa }),
      ...(options.machineIds?.[0] !== undefined && { machineId: options.machineIds[0] }),
      ...(options.cropId !== undefined && { cropId: options.cropId }),
      ...(options.presetId !== undefined && { presetId: options.presetId }),
      ...(options.hoursPerDay !== undefined && { hoursPerDay: options.hoursPerDay }),
      ...(options.workableShare !== undefined && { workableShare: options.workableShare }),
      ...(options.windowDays !== undefined && { windowDays: options.windowDays }),
      ...(options.yieldTPerHa !== undefined && { yieldTPerHa: options.yieldTPerHa }),
    },
    { catalog: context.catalog, ...(context.presets && { presets: context.presets }) },
  );
  const G = scenario.hoursPerDay.value;
  const pwd = scenario.workableShare.value;
  const yieldTPerHa = scenario.yieldTPerHa.value;
  // The plot trial validates the machines (field machines, all different) and the plot sizes; it works the
  // same day length as the blocks.
  const plots = planDemonstration(
    {
      areaHa: options.areaHa,
      machineIds: options.machineIds,
      replicates: options.replicates ?? showcaseDefaults.replicates,
      plotAreaHa: options.plotAreaHa,
      stripLengthM: options.stripLengthM,
      hoursPerDay: G,
      seed: options.seed,
    },
    context.catalog,
  );
  const machineIds = plots.options.machineIds;
  const units = unitsFor(options, machineIds);
  const areaHa = plots.options.areaHa;
  const blockAreaHa = areaHa - plots.trialAreaHa;
  if (!(blockAreaHa > 0))
    throw new MachineryInputError(
      `invalid areaHa: ${areaHa} (the randomised plots take ${plots.trialAreaHa} ha and leave no field for the blocks)`,
      { column: 'areaHa', value: String(areaHa), hint: 'lower --plot-area-ha or --replicates' },
    );
  const demo = (id: string): DemoMachine => plots.machines.find((m) => m.machineId === id)!;
  const fleetRate = machineIds.map((id, i) => units[i]! * demo(id).plannedHaPerHour);
  const totalRate = fleetRate.reduce((a, b) => a + b, 0);
  // SC2 as shares of a set.
  const shares = machineIds.map((_, i) => (split === 'capacity' ? fleetRate[i]! / totalRate : 1 / machineIds.length));
  // SC4: the slowest machine's hours over the whole block area, one working day per set.
  const hoursWhole = Math.max(...machineIds.map((_, i) => (blockAreaHa * shares[i]!) / fleetRate[i]!));
  const sets =
    options.sets === undefined
      ? Math.max(2, Math.ceil(hoursWhole / G - 1e-9))
      : requireInteger('sets', options.sets, 2);
  const setAreaHa = blockAreaHa / sets;
  const random = seededRandom(plots.options.seed + 1);
  const setHours = machineIds.map((_, i) => (setAreaHa * shares[i]!) / fleetRate[i]!);
  const slowest = Math.max(...setHours);
  // The blocks start the morning after the plots.
  const days = schedule(
    Array.from({ length: sets }, () => slowest),
    G,
    plots.trialDays + 1,
  );
  const setList: ShowcaseSet[] = [];
  const blocks: ShowcaseBlock[] = [];
  for (let s = 1; s <= sets; s++) {
    const { startDay, endDay } = days[s - 1]!;
    const order = shuffled(
      machineIds.map((_, i) => i),
      random,
    );
    order.forEach((i, position) => {
      const id = machineIds[i]!;
      const blockArea = setAreaHa * shares[i]!;
      blocks.push({
        blockId: `S${s}-B${position + 1}`,
        set: s,
        position: position + 1,
        machineId: id,
        units: units[i]!,
        areaHa: blockArea,
        plannedHaPerHour: demo(id).plannedHaPerHour,
        hours: setHours[i]!,
        startDay,
        // A faster machine's block (equal split) may end a day earlier than the set.
        endDay: schedule([setHours[i]!], G, startDay)[0]!.endDay,
        expectedGrainT: blockArea * yieldTPerHa,
      });
    });
    setList.push({ set: s, areaHa: setAreaHa, hours: slowest, startDay, endDay, cumulativeAreaHa: setAreaHa * s });
  }
  const machines = machineIds.map((id, i): ShowcaseMachine => {
    const d = demo(id);
    const area = blockAreaHa * shares[i]!;
    const hours = area / fleetRate[i]!;
    return {
      machineId: id,
      name: d.name,
      units: tagged(units[i]!, 'user', 'units brought to the showcase (--units)'),
      widthM: d.widthM,
      speedKmh: d.speedKmh,
      fieldEfficiency: d.fieldEfficiency,
      plannedHaPerHour: d.plannedHaPerHour,
      areaHa: area,
      hours,
      workingDays: hours / G,
      calendarDays: daysNeeded(area, units[i]!, d.plannedHaPerHour, G, pwd),
      expectedGrainT: area * yieldTPerHa,
    };
  });
  const workingDays = setList[setList.length - 1]!.endDay;
  const calendarDays = workingDays / pwd;
  const windowDays = scenario.windowDays.value;
  const half = blockAreaHa / 2;
  const peakSet = setList.find((s) => s.cumulativeAreaHa >= half - 1e-9)!;
  const workingOn = (day: number): string[] => [
    ...(day <= plots.trialDays
      ? plots.blocks.filter((b) => b.startDay <= day && day <= b.endDay).map((b) => showcaseText.plotBlock(b.block))
      : []),
    ...blocks.filter((b) => b.startDay <= day && day <= b.endDay).map((b) => `${b.blockId} ${b.machineId}`),
  ];
  const visitorDays: ShowcaseVisitorDay[] = [];
  for (const [id, day] of [
    ['start', 1],
    ['peak', peakSet.startDay],
    ['end', workingDays],
  ] as const) {
    if (visitorDays.some((v) => v.day === day)) continue;
    const label = showcaseVisitorLabels[id];
    visitorDays.push({ id, label: label.en, day, working: workingOn(day), show: label.show });
  }
  const parameters: Record<string, TaggedValue> = {
    areaHa: tagged(areaHa, 'user', 'the whole field (--area-ha)'),
    hoursPerDay: scenario.hoursPerDay,
    workableShare: scenario.workableShare,
    windowDays: scenario.windowDays,
    yieldTPerHa: scenario.yieldTPerHa,
  };
  for (const m of machines) {
    parameters[`${m.machineId}.units`] = m.units;
    parameters[`${m.machineId}.widthM`] = m.widthM;
    parameters[`${m.machineId}.speedKmh`] = m.speedKmh;
    parameters[`${m.machineId}.fieldEfficiency`] = m.fieldEfficiency;
  }
  const unconfirmed = Object.entries(parameters)
    .filter(([, v]) => v.tag === 'M')
    .map(([name]) => name);
  const notes: string[] = [
    split === 'capacity' ? showcaseText.splitCapacity : showcaseText.splitEqual,
    showcaseText.adjacent,
    showcaseText.rates,
    showcaseText.noGuards,
    showcaseText.measuredToCompare,
  ];
  const idleUnits = units.reduce((a, n) => a + n - 1, 0);
  if (idleUnits > 0) notes.push(showcaseText.plotsFirst(plots.trialDays, idleUnits));
  if (calendarDays > windowDays) notes.push(showcaseText.beyondWindow(calendarDays, workingDays, pwd, windowDays));
  if (unconfirmed.length > 0) notes.push(showcaseText.unconfirmed(unconfirmed));
  return {
    kind: 'karavan.machinery.showcase',
    version: 1,
    areaHa,
    cropId: scenario.cropId,
    split,
    sets,
    parameters,
    machines,
    setList,
    blocks,
    plots,
    blockAreaHa,
    workingDays,
    calendarDays,
    windowDays,
    fitsWindow: calendarDays <= windowDays + 1e-9,
    visitorDays,
    measures: showcaseMeasures,
    formulas: [
      'SC1 set area a_set = (A - A_plots) / S',
      split === 'capacity'
        ? 'SC2 block area a_m = a_set * n_m C_m / sum_k n_k C_k (capacity split)'
        : 'SC2 block area a_m = a_set / M (equal split)',
      'SC3 block hours h_m = a_m / (n_m C_m), C_m by F1 = v w E_f / 10',
      `SC4 sets S = ${options.sets === undefined ? 'max(2, ceil(slowest machine hours / G)): one working day per set' : 'given'}`,
      'SC5 calendar days D_m = A_m / (n_m C_m G pwd) (F5)',
    ],
    notes,
  };
}
