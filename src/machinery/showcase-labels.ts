/**
 * Every user-visible word of the whole-field showcase (plan, sheet, tables) in one place, so that
 * it can move into the shared ru/en message catalog as it is. Short labels (table titles and
 * column headers, which the API's tables and XLSX show in both languages) have a Russian form;
 * the longer field instructions are English only for now, as the rest of the machinery CLI.
 */

export interface Label {
  en: string;
  ru: string;
}

export const showcaseTableLabels = Object.freeze({
  blocks: { en: 'Blocks (measurement sheet)', ru: 'Блоки (лист измерений)' },
  machines: { en: 'Machines', ru: 'Машины' },
  measures: { en: 'What to measure', ru: 'Что измерять' },
  visitorDays: { en: 'Visitor days', ru: 'Дни показа' },
  plots: { en: 'Randomised plots (measurement sheet)', ru: 'Рандомизированные делянки (лист измерений)' },
  parameters: { en: 'Parameters and their sources', ru: 'Параметры и источники' },
} satisfies Record<string, Label>);

/** Column headers of the block sheet, keyed by the CSV column name. */
export const showcaseColumnLabels = Object.freeze({
  block_id: { en: 'Block', ru: 'Блок' },
  set: { en: 'Set', ru: 'Серия' },
  position: { en: 'Position in the set', ru: 'Место в серии' },
  machine_id: { en: 'Machine', ru: 'Машина' },
  units: { en: 'Units', ru: 'Единиц' },
  block_area_ha: { en: 'Block area, ha', ru: 'Площадь блока, га' },
  planned_ha_per_h: { en: 'Planned ha/h per unit', ru: 'План, га/ч на машину' },
  planned_hours: { en: 'Planned hours', ru: 'План, часов' },
  planned_day: { en: 'Planned working day', ru: 'План, рабочий день' },
  expected_grain_t: { en: 'Expected grain, t', ru: 'Ожидаемое зерно, т' },
  date: { en: 'Date', ru: 'Дата' },
  operators: { en: 'Operators', ru: 'Механизаторы' },
  worked_area_ha: { en: 'Worked area, ha', ru: 'Убранная площадь, га' },
  machine_hours: { en: 'Machine hours (all units)', ru: 'Моточасы (все машины)' },
  fuel_litres: { en: 'Fuel, L', ru: 'Топливо, л' },
  grain_t: { en: 'Grain at the weighbridge, t', ru: 'Зерно по весам, т' },
  grain_loss_kg_per_ha: { en: 'Grain loss, kg/ha', ru: 'Потери зерна, кг/га' },
  moisture_pct: { en: 'Grain moisture, %', ru: 'Влажность зерна, %' },
  broken_grain_pct: { en: 'Broken grain, %', ru: 'Дробление зерна, %' },
  dockage_pct: { en: 'Foreign matter, %', ru: 'Сорная примесь, %' },
  downtime_hours: { en: 'Downtime, h', ru: 'Простои, ч' },
  downtime_causes: { en: 'Downtime causes', ru: 'Причины простоев' },
  notes: { en: 'Notes', ru: 'Примечания' },
} satisfies Record<string, Label>);

export const showcaseVisitorLabels = Object.freeze({
  start: {
    en: 'Start',
    ru: 'Начало',
    show: 'the randomised plots worked side by side, machine settings, the measuring kit and how the blocks are laid out',
  },
  peak: {
    en: 'Peak',
    ru: 'Разгар',
    show: 'every machine on its own block of the same field at once; the running totals of ha/h, fuel and downtime so far',
  },
  end: {
    en: 'End',
    ru: 'Завершение',
    show: 'the whole field done: totals per machine from the block sheet, the plot results with their intervals (demo-results), grain quality from the elevator',
  },
} as const);

/** Free text of the plan (English only for now). */
export const showcaseText = Object.freeze({
  splitCapacity:
    "Each set is split between the machines in proportion to their planned capacity (units x F1), so that all of them work the set's blocks over the same hours: same crop, same field, same weather.",
  splitEqual:
    'Each set is split into equal blocks, one per machine: the faster machine finishes its block first (visible to visitors), at the cost of machines working different hours of the day.',
  adjacent:
    "A set is a strip of adjacent blocks across the field's main gradient (soil, slope, crop stand); the machines' order across each set is randomised (seeded), so that no machine always gets the same edge of the field.",
  rates:
    'Planned rates are F1 at the catalog typical speed, width and efficiency (tags shown); the blocks measure the real ones at full scale, the plots give their statistical comparison.',
  measuredToCompare:
    'Once filled, the block sheet (or the plot sheet) feeds compare: karavan machinery compare A B --scenario FILE --measured SHEET.csv replaces the catalog capacity and fuel by the measured ones, tagged [measured].',
  noGuards:
    'Planned block areas include their headlands, guard passes and field roads: record the area actually worked, not the planned one.',
  beyondWindow: (calendarDays: number, workingDays: number, pwd: number, windowDays: number) =>
    `The showcase needs ${calendarDays.toFixed(1)} calendar days (${workingDays} working days / pwd ${pwd}), more than the ${windowDays}-day window: bring more units, or let the farm's own fleet take part of the field.`,
  unconfirmed: (names: readonly string[]) =>
    `${names.length} coefficients are unconfirmed [M] (${names.join(', ')}): the planned hours and days are indicative until measured.`,
  plotBlock: (block: number) => `plot block ${block}`,
  plotsInSets: (replicates: number) =>
    `Plot block r of the randomised plots lies in set r (sets 1-${replicates}), across the same strip and worked the same day: one unit of each machine works its plot (so that a plot's hours are one machine's) while the others start the block, then joins them.`,
});

export type ShowcaseMeasureId =
  | 'haPerHour'
  | 'fuelLitresPerHa'
  | 'grainLossKgPerHa'
  | 'grainMoisturePct'
  | 'brokenGrainPct'
  | 'dockagePct'
  | 'downtimeShare'
  | 'yieldTPerHa';

export interface ShowcaseMeasure {
  id: ShowcaseMeasureId;
  label: Label;
  unit: string;
  better: 'higher' | 'lower' | 'context';
  /** How it is computed from the block sheet's columns. */
  fromSheet: string;
  /** What to measure it with on the field. */
  instrument: string;
}

/** What to measure on every block; the sheet's measured columns hold the raw readings. */
export const showcaseMeasures: readonly ShowcaseMeasure[] = Object.freeze([
  {
    id: 'haPerHour',
    label: { en: 'Effective field capacity', ru: 'Производительность' },
    unit: 'ha/h per unit',
    better: 'higher',
    fromSheet: 'worked_area_ha / machine_hours',
    instrument:
      "GNSS track or yield-monitor area for the worked area; each unit's engine hour meter or telematics for machine hours (summed over the units), breakdowns excluded (logged as downtime).",
  },
  {
    id: 'fuelLitresPerHa',
    label: { en: 'Fuel use', ru: 'Расход топлива' },
    unit: 'L/ha',
    better: 'lower',
    fromSheet: 'fuel_litres / worked_area_ha',
    instrument:
      "Fuel bowser's meter, each unit topped up to the brim before and after the block (refill method), or the engine's CAN-bus fuel counter; the same person and bowser throughout.",
  },
  {
    id: 'grainLossKgPerHa',
    label: { en: 'Grain loss behind the machine', ru: 'Потери зерна за комбайном' },
    unit: 'kg/ha',
    better: 'lower',
    fromSheet: 'grain_loss_kg_per_ha',
    instrument:
      'Drop trays or loss pans under the straw and chaff at several points of the block away from headlands; clean grain weighed on a field balance and converted to kg/ha; the block mean.',
  },
  {
    id: 'grainMoisturePct',
    label: { en: 'Grain moisture', ru: 'Влажность зерна' },
    unit: '% of mass',
    better: 'context',
    fromSheet: 'moisture_pct',
    instrument:
      'Grain moisture meter on a sample from each unload, or the elevator laboratory; it explains differences in loss and throughput, it does not rank machines.',
  },
  {
    id: 'brokenGrainPct',
    label: { en: 'Broken grain', ru: 'Дробление зерна' },
    unit: '% of mass',
    better: 'lower',
    fromSheet: 'broken_grain_pct',
    instrument:
      "Sample from the grain tank or the truck, sieved and weighed by the elevator laboratory (its standard method for broken kernels); the block's trucks averaged.",
  },
  {
    id: 'dockagePct',
    label: { en: 'Foreign matter (dockage)', ru: 'Сорная примесь' },
    unit: '% of mass',
    better: 'lower',
    fromSheet: 'dockage_pct',
    instrument: "Elevator laboratory's foreign-matter analysis of the same samples.",
  },
  {
    id: 'downtimeShare',
    label: { en: 'Downtime', ru: 'Простои' },
    unit: 'share of time',
    better: 'lower',
    fromSheet: 'downtime_hours / (machine_hours + downtime_hours)',
    instrument:
      'Operator log (or telematics) of stops for breakdowns, blockages and adjustments, summed over the units, with their causes in downtime_causes; waiting for trucks is not downtime.',
  },
  {
    id: 'yieldTPerHa',
    label: { en: 'Yield', ru: 'Урожайность' },
    unit: 't/ha',
    better: 'context',
    fromSheet: 'grain_t / worked_area_ha',
    instrument:
      'Weighbridge tickets of every truck from the block (net weight); the same field for all machines, so it checks that the blocks are comparable and gives fuel per tonne.',
  },
]);
