/**
 * The showcase's measurement sheet: one row per block, planned columns filled in, measured
 * columns blank for the field team; the same rows as sheet tables (title and column labels in
 * both languages) for the XLSX workbook and the API's downloads, with the plot sheet, the
 * measures and the visitor days as further tables. Read back by `parseShowcaseSheet`.
 */
import { MachineryInputError } from '../errors.ts';
import { formatCsv, parseCsv, sheetCellReaders } from './csv.ts';
import { demoSheetRows } from './demo-sheet.ts';
import type { Showcase } from './showcase.ts';
import {
  fillTemplate,
  showcaseColumnLabels,
  showcaseMeasuredColumnIds,
  showcasePlannedColumnIds,
  showcaseTableLabels,
  showcaseVisitorLabels,
  type Label,
} from './showcase-labels.ts';

export const showcaseSheetPlannedColumns = Object.freeze([...showcasePlannedColumnIds] as const);
export const showcaseSheetMeasuredColumns = Object.freeze([...showcaseMeasuredColumnIds] as const);
export const showcaseSheetColumns = Object.freeze([...showcaseSheetPlannedColumns, ...showcaseSheetMeasuredColumns]);

/** The numeric measured columns, read back as numbers (blank = not measured). */
const numericMeasured = Object.freeze([
  'worked_area_ha',
  'machine_hours',
  'fuel_litres',
  'grain_t',
  'grain_loss_kg_per_ha',
  'moisture_pct',
  'broken_grain_pct',
  'dockage_pct',
  'downtime_hours',
] as const);

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** The block sheet as rows of cells (header first). */
export function showcaseSheetRows(showcase: Showcase): (string | number)[][] {
  return [
    [...showcaseSheetColumns],
    ...showcase.blocks.map((b) => [
      b.blockId,
      b.set,
      b.position,
      b.machineId,
      b.units,
      round(b.areaHa, 2),
      round(b.plannedHaPerHour, 3),
      round(b.hours, 2),
      b.startDay === b.endDay ? b.startDay : `${b.startDay}-${b.endDay}`,
      round(b.expectedGrainT, 1),
      ...showcaseSheetMeasuredColumns.map(() => ''),
    ]),
  ];
}

export function showcaseSheetToCsv(showcase: Showcase): string {
  return formatCsv(showcaseSheetRows(showcase));
}

/**
 * A table in the shape of the server's ResultTable (src/server/tables.ts), defined here because
 * src/machinery/ imports nothing of the server: the same object is written as XLSX by the CLI
 * and the API.
 */
export interface SheetTable {
  id: string;
  en: string;
  ru: string;
  columns: { key: string; en: string; ru: string; kind?: 'text' | 'number' | 'integer' }[];
  rows: Record<string, string | number>[];
}

/** A sheet's rows (header first) as a table; columns without a label are headed by their CSV name. */
export function sheetTableFromRows(
  id: string,
  title: Label,
  rows: (string | number)[][],
  labels: Readonly<Record<string, Label>> = {},
): SheetTable {
  const [header, ...body] = rows;
  const keys = header!.map(String);
  return {
    id,
    en: title.en,
    ru: title.ru,
    // The column key is the CSV column name; parseShowcaseSheet also knows the labels, so a sheet saved from the
    // workbook as CSV (in either language) reads back.
    columns: keys.map((key) => ({ key, en: labels[key]?.en ?? key, ru: labels[key]?.ru ?? key })),
    rows: body.map((row) => Object.fromEntries(row.map((cell, i) => [keys[i]!, cell]))),
  };
}

/**
 * Every table of the showcase: the block sheet first, then the plot sheet, machines, measures,
 * visitor days, parameters. Headers carry both languages; the measures' and visitor days' words
 * are written in `lang` (the CLI's workbook in the reader's language). Ids, tags and the
 * parameters' sources stay as they are.
 */
export function showcaseTables(showcase: Showcase, lang: 'en' | 'ru' = 'en'): SheetTable[] {
  const column = (key: string, en: string, ru: string, kind?: 'number' | 'integer') => ({
    key,
    en,
    ru,
    ...(kind && { kind }),
  });
  return [
    sheetTableFromRows('blocks', showcaseTableLabels.blocks, showcaseSheetRows(showcase), showcaseColumnLabels),
    sheetTableFromRows('plots', showcaseTableLabels.plots, demoSheetRows(showcase.plots), {}),
    {
      id: 'machines',
      ...showcaseTableLabels.machines,
      columns: [
        column('machineId', 'Machine', 'Машина'),
        column('units', 'Units', 'Единиц', 'integer'),
        column('plannedHaPerHour', 'Planned ha/h per unit (F1)', 'План, га/ч на машину (F1)', 'number'),
        column('areaHa', 'Block area, ha', 'Площадь блоков, га', 'number'),
        column('hours', 'Hours per unit', 'Часов на машину', 'number'),
        column('calendarDays', 'Calendar days (F5)', 'Календарных дней (F5)', 'number'),
        column('expectedGrainT', 'Expected grain, t', 'Ожидаемое зерно, т', 'number'),
      ],
      rows: showcase.machines.map((m) => ({
        machineId: m.machineId,
        units: m.units.value,
        plannedHaPerHour: round(m.plannedHaPerHour, 3),
        areaHa: round(m.areaHa, 1),
        hours: round(m.hours, 1),
        calendarDays: round(m.calendarDays, 1),
        expectedGrainT: round(m.expectedGrainT, 0),
      })),
    },
    {
      id: 'measures',
      ...showcaseTableLabels.measures,
      columns: [
        column('measure', 'Measure', 'Показатель'),
        column('unit', 'Unit', 'Единица'),
        column('better', 'Better', 'Лучше'),
        column('fromSheet', 'From the sheet', 'Из листа'),
        column('instrument', 'Instrument and method', 'Прибор и метод'),
      ],
      rows: showcase.measures.map((m) => ({
        measure: m.label[lang],
        unit: fillTemplate(`machinery.showcase.measure.${m.id}.unit`, lang),
        better: fillTemplate(`machinery.showcase.better.${m.better}`, lang),
        fromSheet: m.fromSheet,
        instrument: lang === 'en' ? m.instrument : fillTemplate(`machinery.showcase.measure.${m.id}.instrument`, lang),
      })),
    },
    {
      id: 'visitorDays',
      ...showcaseTableLabels.visitorDays,
      columns: [
        column('label', 'Visit', 'Показ'),
        column('day', 'Working day', 'Рабочий день', 'integer'),
        column('working', 'In the field that day', 'В поле в этот день'),
        column('show', 'What to show', 'Что показать'),
      ],
      rows: showcase.visitorDays.map((v) => ({
        label: lang === 'en' ? v.label : showcaseVisitorLabels[v.id][lang],
        day: v.day,
        working: v.working
          .map((w) =>
            w.replace(/^plot block (\d+)$/, (_, block: string) =>
              fillTemplate('machinery.showcase.plotBlockN', lang, { block }),
            ),
          )
          .join('; '),
        show: lang === 'en' ? v.show : fillTemplate(`machinery.showcase.visitor.${v.id}.show`, lang),
      })),
    },
    {
      id: 'parameters',
      ...showcaseTableLabels.parameters,
      columns: [
        column('name', 'Parameter', 'Параметр'),
        column('value', 'Value', 'Значение', 'number'),
        column('tag', 'Tag', 'Метка'),
        column('source', 'Source', 'Источник'),
      ],
      rows: Object.entries(showcase.parameters).map(([name, p]) => ({
        name,
        value: p.value,
        tag: `[${p.tag}]`,
        source: p.source,
      })),
    },
  ];
}

export interface ShowcaseSheetRow {
  line: number;
  blockId: string;
  machineId: string;
  units: number | null;
  workedAreaHa: number | null;
  machineHours: number | null;
  fuelLitres: number | null;
  grainT: number | null;
  grainLossKgPerHa: number | null;
  moisturePct: number | null;
  brokenGrainPct: number | null;
  dockagePct: number | null;
  downtimeHours: number | null;
}

const keyOfLabel = new Map<string, string>(
  Object.entries(showcaseColumnLabels).flatMap(([key, label]) => [
    [label.en.toLowerCase(), key],
    [label.ru.toLowerCase(), key],
  ]),
);

/** A header cell as its column name: the CSV name itself, or the English or Russian label the workbook shows. */
function columnKeyOf(cell: string): string {
  return keyOfLabel.get(cell.toLowerCase()) ?? cell;
}

/** True when a CSV header is the block sheet's (it has block_id and machine_hours, or their labels). */
export function isShowcaseSheetHeader(header: readonly string[]): boolean {
  const keys = header.map((c) => columnKeyOf(c.trim()));
  return keys.includes('block_id') && keys.includes('machine_hours');
}

/** Reads a filled block sheet. Blank measured cells are null; anything else must be a number >= 0. */
export function parseShowcaseSheet(text: string, file: string): ShowcaseSheetRow[] {
  const records = parseCsv(text, file);
  if (records.length === 0) throw new MachineryInputError(`${file}: the sheet is empty`, { file });
  const header = records[0]!.cells.map((c) => columnKeyOf(c.trim()));
  const index = new Map(header.map((name, i) => [name, i] as const));
  for (const column of ['block_id', 'machine_id', ...numericMeasured]) {
    if (!index.has(column))
      throw new MachineryInputError(
        `${file}: missing column ${column} (the sheet written by 'karavan machinery showcase' has it)`,
        { file, line: 1, column },
      );
  }
  const rows = records.slice(1).map((record): ShowcaseSheetRow => {
    const { number, required } = sheetCellReaders(file, record, index);
    return {
      line: record.line,
      blockId: required('block_id'),
      machineId: required('machine_id'),
      units: index.has('units') ? number('units') : null,
      workedAreaHa: number('worked_area_ha'),
      machineHours: number('machine_hours'),
      fuelLitres: number('fuel_litres'),
      grainT: number('grain_t'),
      grainLossKgPerHa: number('grain_loss_kg_per_ha'),
      moisturePct: number('moisture_pct'),
      brokenGrainPct: number('broken_grain_pct'),
      dockagePct: number('dockage_pct'),
      downtimeHours: number('downtime_hours'),
    };
  });
  if (rows.length === 0) throw new MachineryInputError(`${file}: the sheet has a header but no blocks`, { file });
  return rows;
}
