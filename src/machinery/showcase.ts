/**
 * Whole-field showcase: the demonstration of machines on a farm's whole field (thousands of ha),
 * with the randomised plots of `planDemonstration` inside it. The field is cut into sets of adjacent
 * blocks (a set is a strip across the field's gradient, worked on the same day); each machine
 * harvests its block of every set whole, with all its units, so the machines work the same crop on
 * the same field at the same time. Plot block r of the randomised plots lies in set r, so a plot
 * replicate shares its set's ground and day, and no unit waits for the plots. Hours and days come
 * from F1 (capacity) and F5 (days needed); visitor days fall at the start, the peak and the end.
 * M machines, R plot blocks of M plots of p ha, n_m units of machine m at C_m ha/h (F1):
 *
 * SC1  set area         a_set = A / S; sets 1..R also hold plot block r (M p ha)
 * SC2  block area       a_m = (a_set - M p [sets 1..R]) * share_m; capacity split: share_m = n_m C_m / sum_k n_k C_k
 *                       (every machine's block takes the same hours), equal split: share_m = 1 / M
 * SC3  hours in a set   h_m = (a_m + p [sets 1..R]) / (n_m C_m); the set takes max_m h_m
 * SC4  sets by default  S = max(2, R, ceil(max_m (A_m + R p) / (n_m C_m) / G)), A_m = (A - R M p) * share_m:
 *                       one set is at most one working day of G hours
 * SC5  calendar days    F5 per machine over its blocks and plots: D_m = (A_m + R p) / (n_m C_m G pwd)
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
  /** Area of its randomised plots, ha. */
  plotAreaHa: number;
  /** Hours of each unit over its blocks and plots (SC3 summed). */
  hours: number;
  /** Working days of G hours its blocks take. */
  workingDays: number;
  /** SC5 (F5): calendar days with pwd. */
  calendarDays: number;
  /** Over its blocks and plots. */
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
  /** Hours of the machine's units on this block alone (its plot, in sets 1..R, is on the plot sheet). */
  hours: number;
  /** Working day (1 = the first day of the showcase, plots included). */
  startDay: number;
  endDay: number;
  expectedGrainT: number;
}

export interface ShowcaseSet {
  set: number;
  /** The set's area, its plot block included. */
  areaHa: number;
  /** The plot block (replicate) inside this set, or null. */
  plotBlock: number | null;
  /** The set's hours: its slowest machine (SC3). */
  hours: number;
  startDay: number;
  endDay: number;
  /** Area harvested by the end of this set, plots included, ha. */
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
  /** The randomised plots: plot block r lies in set r and is worked on its day(s). */
  plots: DemoPlan;
  /** Field area in blocks (the whole field less the plots), ha. */
  blockAreaHa: number;
  /** Working days from the first set to the last. */
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

interface Scheduled {
  startDay: number;
  endDay: number;
  /** Hours of the start day already used before this item. */
  startOffsetHours: number;
  /** Where the next item starts. */
  next: { day: number; usedToday: number };
}

/** Whole items to days of G hours: an item that does not fit in the rest of a day starts the next morning. */
function scheduleFrom(hours: readonly number[], hoursPerDay: number, firstDay: number, used: number): Scheduled[] {
  let day = firstDay;
  let usedToday = used;
  return hours.map((h) => {
    if (usedToday > 0 && usedToday + h > hoursPerDay * (1 + 1e-9)) {
      day++;
      usedToday = 0;
    }
    const startDay = day;
    const startOffsetHours = usedToday;
    const spanDays = Math.max(1, Math.ceil((usedToday + h) / hoursPerDay - 1e-9));
    const endDay = startDay + spanDays - 1;
    usedToday = usedToday + h - (spanDays - 1) * hoursPerDay;
    day = endDay;
    return { startDay, endDay, startOffsetHours, next: { day, usedToday } };
  });
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
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
  const replicates = plots.options.replicates;
  const plotHa = plots.options.plotAreaHa;
  const plotBlockHa = plotHa * machineIds.length;
  const blockAreaHa = areaHa - plots.trialAreaHa;
  const demo = (id: string): DemoMachine => plots.machines.find((m) => m.machineId === id)!;
  const fleetRate = machineIds.map((id, i) => units[i]! * demo(id).plannedHaPerHour);
  const totalRate = fleetRate.reduce((a, b) => a + b, 0);
  // SC2 as shares of a set's block area.
  const shares = machineIds.map((_, i) => (split === 'capacity' ? fleetRate[i]! / totalRate : 1 / machineIds.length));
  // Hours of each machine's units over the whole showcase: its blocks and its plots (SC4, SC5).
  const machineAreaHa = machineIds.map((_, i) => blockAreaHa * shares[i]! + replicates * plotHa);
  const hoursWhole = Math.max(...machineIds.map((_, i) => machineAreaHa[i]! / fleetRate[i]!));
  const sets =
    options.sets === undefined
      ? Math.max(2, replicates, Math.ceil(hoursWhole / G - 1e-9))
      : requireInteger('sets', options.sets, 2);
  if (sets < replicates)
    throw new MachineryInputError(
      `invalid sets: ${sets} (plot block r lies in set r: at least ${replicates} sets for ${replicates} plot blocks)`,
      { column: 'sets', value: String(sets), hint: 'raise --sets or lower --replicates' },
    );
  const setAreaHa = areaHa / sets;
  if (!(setAreaHa - plotBlockHa > 1e-9))
    throw new MachineryInputError(
      `invalid plotAreaHa: ${plotHa} (a set of ${round2(setAreaHa)} ha cannot hold a plot block of ${machineIds.length} x ${plotHa} ha and blocks beside it)`,
      { column: 'plotAreaHa', value: String(plotHa), hint: 'lower --plot-area-ha, or fewer --sets' },
    );
  const random = seededRandom(plots.options.seed + 1);
  const setList: ShowcaseSet[] = [];
  const blocks: ShowcaseBlock[] = [];
  let day = 1;
  let usedToday = 0;
  for (let s = 1; s <= sets; s++) {
    const withPlots = s <= replicates;
    const setBlockHa = setAreaHa - (withPlots ? plotBlockHa : 0);
    // SC3: a machine's units work its block and, in sets 1..R, its plot of the set's plot block.
    const hours = machineIds.map((_, i) => (setBlockHa * shares[i]! + (withPlots ? plotHa : 0)) / fleetRate[i]!);
    const setHours = Math.max(...hours);
    const [when] = scheduleFrom([setHours], G, day, usedToday);
    ({ day, usedToday } = when!.next);
    const order = shuffled(
      machineIds.map((_, i) => i),
      random,
    );
    order.forEach((i, position) => {
      const id = machineIds[i]!;
      const blockArea = setBlockHa * shares[i]!;
      blocks.push({
        blockId: `S${s}-B${position + 1}`,
        set: s,
        position: position + 1,
        machineId: id,
        units: units[i]!,
        areaHa: blockArea,
        plannedHaPerHour: demo(id).plannedHaPerHour,
        hours: blockArea / fleetRate[i]!,
        startDay: when!.startDay,
        // A faster machine (equal split) may finish its block a day before the set ends.
        endDay: scheduleFrom([hours[i]!], G, when!.startDay, when!.startOffsetHours)[0]!.endDay,
        expectedGrainT: blockArea * yieldTPerHa,
      });
    });
    setList.push({
      set: s,
      areaHa: setAreaHa,
      plotBlock: withPlots ? s : null,
      hours: setHours,
      startDay: when!.startDay,
      endDay: when!.endDay,
      cumulativeAreaHa: setAreaHa * s,
    });
  }
  // Plot block r is worked in set r, on its day(s): the plot trial's own day-by-day schedule is replaced.
  const plotsInSets: DemoPlan = {
    ...plots,
    blocks: plots.blocks.map((b) => ({
      ...b,
      startDay: setList[b.block - 1]!.startDay,
      endDay: setList[b.block - 1]!.endDay,
    })),
    trialDays: setList[replicates - 1]!.endDay,
  };
  const machines = machineIds.map((id, i): ShowcaseMachine => {
    const d = demo(id);
    const hours = machineAreaHa[i]! / fleetRate[i]!;
    return {
      machineId: id,
      name: d.name,
      units: tagged(units[i]!, 'user', 'units brought to the showcase (--units)'),
      widthM: d.widthM,
      speedKmh: d.speedKmh,
      fieldEfficiency: d.fieldEfficiency,
      plannedHaPerHour: d.plannedHaPerHour,
      areaHa: blockAreaHa * shares[i]!,
      plotAreaHa: replicates * plotHa,
      hours,
      workingDays: hours / G,
      calendarDays: daysNeeded(machineAreaHa[i]!, units[i]!, d.plannedHaPerHour, G, pwd),
      expectedGrainT: machineAreaHa[i]! * yieldTPerHa,
    };
  });
  const workingDays = setList[setList.length - 1]!.endDay;
  const calendarDays = workingDays / pwd;
  const windowDays = scenario.windowDays.value;
  const half = areaHa / 2;
  const peakSet = setList.find((s) => s.cumulativeAreaHa >= half - 1e-9)!;
  const workingOn = (day: number): string[] => [
    ...plotsInSets.blocks
      .filter((b) => b.startDay <= day && day <= b.endDay)
      .map((b) => showcaseText.plotBlock(b.block)),
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
  notes.splice(2, 0, showcaseText.plotsInSets(replicates));
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
    plots: plotsInSets,
    blockAreaHa,
    workingDays,
    calendarDays,
    windowDays,
    fitsWindow: calendarDays <= windowDays + 1e-9,
    visitorDays,
    measures: showcaseMeasures,
    formulas: [
      'SC1 set area a_set = A / S; sets 1..R also hold plot block r (M plots of p ha)',
      split === 'capacity'
        ? 'SC2 block area a_m = (a_set - M p [sets 1..R]) * n_m C_m / sum_k n_k C_k (capacity split)'
        : 'SC2 block area a_m = (a_set - M p [sets 1..R]) / M (equal split)',
      'SC3 hours in a set h_m = (a_m + p [sets 1..R]) / (n_m C_m), C_m by F1 = v w E_f / 10; the set takes max_m h_m',
      `SC4 sets S = ${options.sets === undefined ? 'max(2, R, ceil(max_m (A_m + R p) / (n_m C_m) / G)): one working day per set' : 'given'}`,
      "SC5 calendar days D_m = (A_m + R p) / (n_m C_m G pwd) (F5), A_m = the machine's block area",
    ],
    notes,
  };
}
