/**
 * Every user-visible word of the whole-field showcase (plan, sheet, tables), read from the message
 * catalog (src/messages/catalog/machinery.ts), where each has its English and Russian side by side.
 * Short labels (table titles, column headers, measures, visitor days) are given as `{ en, ru }`,
 * which the API's tables and the XLSX show in both languages; the plan's notes are built here in
 * English for the result object and its JSON, and the CLI says them in Russian from the same ids.
 *
 * Only the catalog's data module is imported, not src/messages/index.ts: the core is loaded when
 * the CLI registers its commands, and the ICU formatter (intl-messageformat) must not be. The
 * English notes take plain `{name}` arguments only, filled in here; the Russian ones (plurals)
 * are formatted by the CLI through the catalog.
 */
import { machineryMessages } from '../messages/catalog/machinery.ts';

export interface Label {
  en: string;
  ru: string;
}

type MachineryId = keyof typeof machineryMessages;

function label(id: MachineryId): Label {
  const entry = machineryMessages[id];
  return { en: entry.en, ru: entry.ru };
}

/**
 * A message with its plain `{name}` arguments filled in, in `lang`. @throws Error when the message
 * uses ICU formatting (a plural or select), which only the catalog's formatter can say.
 */
export function fillTemplate(id: MachineryId, lang: 'en' | 'ru', values: Record<string, string | number> = {}): string {
  const template: string = machineryMessages[id][lang];
  if (/\{\w+,/.test(template)) throw new Error(`${id}: an ICU message, not a plain template`);
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`${id}: no value for {${name}}`);
    return String(value);
  });
}

/** The English of a plain message, for the result objects and their JSON. */
export function fillEnglish(id: MachineryId, values: Record<string, string | number> = {}): string {
  return fillTemplate(id, 'en', values);
}

const tableIds = ['blocks', 'machines', 'measures', 'visitorDays', 'plots', 'parameters'] as const;

export const showcaseTableLabels = Object.freeze(
  Object.fromEntries(tableIds.map((name) => [name, label(`machinery.showcase.table.${name}`)])) as Record<
    (typeof tableIds)[number],
    Label
  >,
);

/** The block sheet's columns: what the plan fills in, then what the team measures (showcase-sheet.ts). */
export const showcasePlannedColumnIds = [
  'block_id',
  'set',
  'position',
  'machine_id',
  'units',
  'block_area_ha',
  'planned_ha_per_h',
  'planned_hours',
  'planned_day',
  'expected_grain_t',
] as const;
export const showcaseMeasuredColumnIds = [
  'date',
  'operators',
  'worked_area_ha',
  'machine_hours',
  'fuel_litres',
  'grain_t',
  'grain_loss_kg_per_ha',
  'moisture_pct',
  'broken_grain_pct',
  'dockage_pct',
  'downtime_hours',
  'downtime_causes',
  'notes',
] as const;
const columnIds = [...showcasePlannedColumnIds, ...showcaseMeasuredColumnIds] as const;

/** Column headers of the block sheet, keyed by the CSV column name. */
export const showcaseColumnLabels = Object.freeze(
  Object.fromEntries(columnIds.map((name) => [name, label(`machinery.showcase.column.${name}`)])) as Record<
    (typeof columnIds)[number],
    Label
  >,
);

export type ShowcaseVisitorId = 'start' | 'peak' | 'end';

export const showcaseVisitorLabels: Readonly<Record<ShowcaseVisitorId, Label & { show: string }>> = Object.freeze({
  start: { ...label('machinery.showcase.visitor.start'), show: fillEnglish('machinery.showcase.visitor.start.show') },
  peak: { ...label('machinery.showcase.visitor.peak'), show: fillEnglish('machinery.showcase.visitor.peak.show') },
  end: { ...label('machinery.showcase.visitor.end'), show: fillEnglish('machinery.showcase.visitor.end.show') },
});

/** Free text of the plan, in English (the CLI's Russian comes from the same catalog ids). */
export const showcaseText = Object.freeze({
  splitCapacity: fillEnglish('machinery.showcase.noteSplitCapacity'),
  splitEqual: fillEnglish('machinery.showcase.noteSplitEqual'),
  adjacent: fillEnglish('machinery.showcase.noteAdjacent'),
  rates: fillEnglish('machinery.showcase.noteRates'),
  measuredToCompare: fillEnglish('machinery.showcase.noteMeasuredToCompare'),
  noGuards: fillEnglish('machinery.showcase.noteNoGuards'),
  beyondWindow: (calendarDays: number, workingDays: number, pwd: number, windowDays: number) =>
    fillEnglish('machinery.showcase.noteBeyondWindow', {
      calendarDays: calendarDays.toFixed(1),
      workingDays,
      pwd,
      windowDays,
    }),
  unconfirmed: (names: readonly string[]) =>
    fillEnglish('machinery.showcase.noteUnconfirmed', { count: names.length, names: names.join(', ') }),
  plotBlock: (block: number) => fillEnglish('machinery.showcase.plotBlockN', { block }),
  plotsInSets: (replicates: number) => fillEnglish('machinery.showcase.notePlotsInSets', { replicates }),
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

function measure(id: ShowcaseMeasureId, better: ShowcaseMeasure['better'], fromSheet: string): ShowcaseMeasure {
  return {
    id,
    label: label(`machinery.showcase.measure.${id}.label`),
    unit: fillEnglish(`machinery.showcase.measure.${id}.unit`),
    better,
    fromSheet,
    instrument: fillEnglish(`machinery.showcase.measure.${id}.instrument`),
  };
}

/** What to measure on every block; the sheet's measured columns hold the raw readings. */
export const showcaseMeasures: readonly ShowcaseMeasure[] = Object.freeze([
  measure('haPerHour', 'higher', 'worked_area_ha / machine_hours'),
  measure('fuelLitresPerHa', 'lower', 'fuel_litres / worked_area_ha'),
  measure('grainLossKgPerHa', 'lower', 'grain_loss_kg_per_ha'),
  measure('grainMoisturePct', 'context', 'moisture_pct'),
  measure('brokenGrainPct', 'lower', 'broken_grain_pct'),
  measure('dockagePct', 'lower', 'dockage_pct'),
  measure('downtimeShare', 'lower', 'downtime_hours / (machine_hours + downtime_hours)'),
  measure('yieldTPerHa', 'context', 'grain_t / worked_area_ha'),
]);
