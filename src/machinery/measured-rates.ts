/**
 * Rates measured in a demonstration, per machine, for `compare`: the effective field capacity
 * (ha/h per unit) and the fuel per ha, each over every plot or block of the machine that has the
 * readings, as ratios of sums (M1, M2): the rate the machine kept over all the ground it was
 * measured on, so that a large block weighs more than a small one.
 *
 * M1  ha/h  = sum(worked_area_ha) / sum(hours)        over rows with both, hours > 0
 * M2  L/ha  = sum(fuel_litres) / sum(worked_area_ha)  over rows with both, area > 0
 *
 * Hours are the plot's work_hours (one unit per plot) or the block's machine_hours (summed over the units).
 */
import { MachineryInputError } from '../errors.ts';
import type { CompareSide } from './compare.ts';
import { parseCsv } from './csv.ts';
import { parseDemoSheet, type DemoSheetRow } from './demo-sheet.ts';
import type { MeasuredRates } from './plan-inputs.ts';
import { isShowcaseSheetHeader, parseShowcaseSheet, type ShowcaseSheetRow } from './showcase-sheet.ts';
import { tagged } from './tags.ts';

export type { MeasuredRates } from './plan-inputs.ts';

/** One plot or block with its readings (null = not measured). */
export interface MeasuredRow {
  machineId: string;
  workedAreaHa: number | null;
  hours: number | null;
  fuelLitres: number | null;
}

export function measuredRowsFromPlots(rows: readonly DemoSheetRow[]): MeasuredRow[] {
  return rows.map((r) => ({
    machineId: r.machineId,
    workedAreaHa: r.workedAreaHa,
    hours: r.workHours,
    fuelLitres: r.fuelLitres,
  }));
}

export function measuredRowsFromBlocks(rows: readonly ShowcaseSheetRow[]): MeasuredRow[] {
  return rows.map((r) => ({
    machineId: r.machineId,
    workedAreaHa: r.workedAreaHa,
    hours: r.machineHours,
    fuelLitres: r.fuelLitres,
  }));
}

/** M1 and M2 per machine id; a machine without usable readings for a rate has no such rate. */
export function measuredRates(rows: readonly MeasuredRow[], sheet: string): Map<string, MeasuredRates> {
  const out = new Map<string, MeasuredRates>();
  for (const machineId of new Set(rows.map((r) => r.machineId))) {
    const own = rows.filter((r) => r.machineId === machineId);
    const timed = own.filter((r) => r.workedAreaHa !== null && r.hours !== null && r.hours > 0);
    const fuelled = own.filter((r) => r.workedAreaHa !== null && r.workedAreaHa > 0 && r.fuelLitres !== null);
    const sum = (list: MeasuredRow[], pick: (r: MeasuredRow) => number) => list.reduce((a, r) => a + pick(r), 0);
    const rates: MeasuredRates = { machineId };
    const timedArea = sum(timed, (r) => r.workedAreaHa!);
    const hours = sum(timed, (r) => r.hours!);
    if (timed.length > 0 && timedArea > 0)
      rates.haPerHour = tagged(
        timedArea / hours,
        'measured',
        `M1: ${round(timedArea)} ha / ${round(hours)} h over ${timed.length} of ${own.length} rows of ${sheet}`,
      );
    const fuelArea = sum(fuelled, (r) => r.workedAreaHa!);
    const litres = sum(fuelled, (r) => r.fuelLitres!);
    if (fuelled.length > 0)
      rates.fuelLitresPerHa = tagged(
        litres / fuelArea,
        'measured',
        `M2: ${round(litres)} L / ${round(fuelArea)} ha over ${fuelled.length} of ${own.length} rows of ${sheet}`,
      );
    out.set(machineId, rates);
  }
  return out;
}

/** The rates of a filled sheet's CSV text: a showcase block sheet or a demonstration plot sheet, told apart by its header. */
export function measuredRatesFromSheet(text: string, sheet: string): Map<string, MeasuredRates> {
  const header = parseCsv(text, sheet)[0]?.cells.map((c) => c.trim()) ?? [];
  const rows = isShowcaseSheetHeader(header)
    ? measuredRowsFromBlocks(parseShowcaseSheet(text, sheet))
    : measuredRowsFromPlots(parseDemoSheet(text, sheet));
  return measuredRates(rows, sheet);
}

/**
 * Both sides of a comparison with their measured rates from a sheet, for the CLI's --measured and the
 * API's measuredSheet alike. A sheet that has neither machine is an error, not a silent catalog comparison.
 */
export function withMeasuredRates(
  sides: [CompareSide, CompareSide],
  rates: Map<string, MeasuredRates>,
  sheet: string,
): [CompareSide, CompareSide] {
  const [a, b] = sides;
  if (!rates.has(a.machineId) && !rates.has(b.machineId))
    throw new MachineryInputError(
      `invalid measured sheet: ${sheet} has neither ${a.machineId} nor ${b.machineId} (it has ${[...rates.keys()].join(', ')})`,
      { column: 'measured', value: sheet },
    );
  const add = (side: CompareSide): CompareSide =>
    rates.has(side.machineId) ? { ...side, measured: rates.get(side.machineId)! } : side;
  return [add(a), add(b)];
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
