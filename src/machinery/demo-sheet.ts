/**
 * The measurement sheet of a demonstration: one row per plot, planned columns filled in,
 * measured columns blank for the field team. Written as CSV (formula-safe) and read back.
 */
import { MachineryInputError } from '../errors.ts';
import { formatCsv, parseCsv, sheetCellReaders } from './csv.ts';
import type { DemoPlan } from './demo-plan.ts';

export const demoSheetPlannedColumns = Object.freeze([
  'plot_id',
  'block',
  'position',
  'machine_id',
  'plot_area_ha',
  'strip_length_m',
  'plot_width_m',
  'passes_planned',
  'planned_ha_per_h',
] as const);
export const demoSheetMeasuredColumns = Object.freeze([
  'date',
  'operator',
  'worked_area_ha',
  'work_hours',
  'fuel_litres',
  'grain_loss_kg_per_ha',
  'downtime_hours',
  'notes',
] as const);
export const demoSheetColumns = Object.freeze([...demoSheetPlannedColumns, ...demoSheetMeasuredColumns]);

/** Columns demo-results needs (the others are for the field team). */
export const demoSheetRequiredColumns = Object.freeze([
  'plot_id',
  'block',
  'machine_id',
  'worked_area_ha',
  'work_hours',
  'fuel_litres',
  'grain_loss_kg_per_ha',
  'downtime_hours',
] as const);

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** The sheet as rows of cells (header first): planned values filled, measured values empty. */
export function demoSheetRows(plan: DemoPlan): (string | number)[][] {
  const rate = new Map(plan.machines.map((m) => [m.machineId, m.plannedHaPerHour] as const));
  return [
    [...demoSheetColumns],
    ...plan.plots.map((p) => [
      p.plotId,
      p.block,
      p.position,
      p.machineId,
      round(p.areaHa, 4),
      round(p.stripLengthM, 2),
      round(p.plotWidthM, 2),
      p.passes,
      round(rate.get(p.machineId)!, 3),
      ...demoSheetMeasuredColumns.map(() => ''),
    ]),
  ];
}

export function demoSheetToCsv(plan: DemoPlan): string {
  return formatCsv(demoSheetRows(plan));
}

export interface DemoSheetRow {
  /** Line in the file. */
  line: number;
  plotId: string;
  block: string;
  machineId: string;
  workedAreaHa: number | null;
  workHours: number | null;
  fuelLitres: number | null;
  grainLossKgPerHa: number | null;
  downtimeHours: number | null;
}

/** Reads a filled sheet. Blank measured cells are null; anything else must be a number >= 0. */
export function parseDemoSheet(text: string, file: string): DemoSheetRow[] {
  const records = parseCsv(text, file);
  if (records.length === 0) throw new MachineryInputError(`${file}: the sheet is empty`, { file });
  const header = records[0]!.cells.map((c) => c.trim());
  const index = new Map(header.map((name, i) => [name, i] as const));
  for (const column of demoSheetRequiredColumns) {
    if (!index.has(column)) {
      throw new MachineryInputError(
        `${file}: missing column ${column} (the sheet written by 'karavan machinery demo' has it)`,
        { file, line: 1, column },
      );
    }
  }
  const rows = records.slice(1).map((record): DemoSheetRow => {
    const { number, required } = sheetCellReaders(file, record, index);
    return {
      line: record.line,
      plotId: required('plot_id'),
      block: required('block'),
      machineId: required('machine_id'),
      workedAreaHa: number('worked_area_ha'),
      workHours: number('work_hours'),
      fuelLitres: number('fuel_litres'),
      grainLossKgPerHa: number('grain_loss_kg_per_ha'),
      downtimeHours: number('downtime_hours'),
    };
  });
  if (rows.length === 0) throw new MachineryInputError(`${file}: the sheet has a header but no plots`, { file });
  const seen = new Map<string, number>();
  for (const row of rows) {
    const first = seen.get(row.plotId);
    if (first !== undefined)
      throw new MachineryInputError(`${file}:${row.line}: invalid plot_id: ${row.plotId} (already on line ${first})`, {
        file,
        line: row.line,
        column: 'plot_id',
        value: row.plotId,
      });
    seen.set(row.plotId, row.line);
  }
  return rows;
}
