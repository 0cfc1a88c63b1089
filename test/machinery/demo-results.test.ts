import { describe, expect, it } from 'vitest';
import { MachineryInputError } from '../../src/errors.ts';
import {
  compareDemoResults,
  demoResultsDefaults,
  demoSheetColumns,
  demoSheetRows,
  formatCsv,
  parseDemoSheet,
  planDemonstration,
  welchInterval,
  summariseSample,
} from '../../src/machinery/index.ts';
import { catalog } from './helpers.ts';

const plan = planDemonstration(
  { areaHa: 3000, machineIds: ['combine-sp-9m', 'combine-sp-12m'], replicates: 4 },
  catalog,
);

/** Fills the sheet: combine-sp-12m works faster; fuel per ha the same; loss per plot given. */
function filledSheet(): string {
  const rows = demoSheetRows(plan);
  const header = rows[0] as string[];
  const col = (name: string) => header.indexOf(name);
  const data = {
    'combine-sp-9m': {
      hours: [6.1, 6.4, 6.0, 6.6],
      fuel: [420, 440, 410, 450],
      loss: [45, 50, 40, 55],
      down: [0.5, 0, 0.2, 0.4],
    },
    'combine-sp-12m': {
      hours: [4.1, 4.3, 4.0, 4.4],
      fuel: [425, 430, 445, 415],
      loss: [52, 47, 49, 58],
      down: [0, 0.3, 0, 0.1],
    },
  } as const;
  const seen: Record<string, number> = {};
  for (const row of rows.slice(1)) {
    const id = row[col('machine_id')] as keyof typeof data;
    const i = (seen[id] = (seen[id] ?? -1) + 1);
    row[col('worked_area_ha')] = 20;
    row[col('work_hours')] = data[id].hours[i]!;
    row[col('fuel_litres')] = data[id].fuel[i]!;
    row[col('grain_loss_kg_per_ha')] = data[id].loss[i]!;
    row[col('downtime_hours')] = data[id].down[i]!;
    row[col('operator')] = '=HYPERLINK("x")';
  }
  return formatCsv(rows);
}

describe('measurement sheet', () => {
  it('has planned columns filled and measured ones blank', () => {
    const rows = demoSheetRows(plan);
    expect(rows[0]).toEqual([...demoSheetColumns]);
    expect(rows).toHaveLength(1 + 8);
    const header = rows[0] as string[];
    expect(rows[1]![header.indexOf('work_hours')]).toBe('');
    expect(rows[1]![header.indexOf('plot_area_ha')]).toBe(20);
  });

  it('reads a filled sheet back', () => {
    const rows = parseDemoSheet(filledSheet(), 'filled.csv');
    expect(rows).toHaveLength(8);
    expect(rows[0]).toMatchObject({ line: 2, workedAreaHa: 20 });
  });

  it.each([
    [(t: string) => t.replace('fuel_litres', 'fuel'), /filled\.csv: missing column fuel_litres/],
    [(t: string) => t.replace(',420,', ',lots,'), /filled\.csv:\d+: invalid fuel_litres: lots/],
    [(t: string) => t.replace(',420,', ',-420,'), /invalid fuel_litres: -420/],
    [(t: string) => t.replace('B1-P2', 'B1-P1'), /invalid plot_id: B1-P1 \(already on line 2\)/],
    [() => '', /filled\.csv: the sheet is empty/],
  ])('rejects a malformed sheet %#, naming the file, line and column', (mutate, message) => {
    expect(() => parseDemoSheet(mutate(filledSheet()), 'filled.csv')).toThrow(MachineryInputError);
    expect(() => parseDemoSheet(mutate(filledSheet()), 'filled.csv')).toThrow(message);
  });
});

describe('compareDemoResults', () => {
  const results = compareDemoResults(parseDemoSheet(filledSheet(), 'filled.csv'));

  it('defaults to 95 % intervals', () => {
    expect(demoResultsDefaults.confidenceLevel).toBe(0.95);
    expect(results.confidenceLevel).toBe(0.95);
    expect(results.plots).toBe(8);
    expect(results.blocks).toBe(4);
  });

  it('computes ha/h per plot and a Welch interval that matches the helper', () => {
    const capacity = results.measures.find((m) => m.measure.id === 'haPerHour')!;
    const nine = [6.1, 6.4, 6.0, 6.6].map((h) => 20 / h);
    const twelve = [4.1, 4.3, 4.0, 4.4].map((h) => 20 / h);
    const expected = welchInterval(summariseSample(nine), summariseSample(twelve));
    const c = capacity.comparisons[0]!;
    expect(c.a).toBe('combine-sp-9m');
    expect(c.differenceOfMeans).toBeCloseTo(expected.differenceOfMeans, 12);
    expect(c.lower).toBeCloseTo(expected.lower, 12);
    expect(c.better).toBe('combine-sp-12m');
  });

  it('reports no clear difference when the interval contains 0 (fuel per ha)', () => {
    const fuel = results.measures.find((m) => m.measure.id === 'fuelLitresPerHa')!;
    expect(fuel.comparisons[0]!.excludesZero).toBe(false);
    expect(fuel.comparisons[0]!.better).toBeNull();
  });

  it('skips a measure with fewer than 2 filled plots per machine', () => {
    const rows = parseDemoSheet(filledSheet(), 'filled.csv').map((r) => ({ ...r, grainLossKgPerHa: null }));
    const loss = compareDemoResults(rows).measures.find((m) => m.measure.id === 'grainLossKgPerHa')!;
    expect(loss.skipped).toMatch(/fewer than 2 plots/);
    expect(loss.machines[0]!.missingPlots).toBe(4);
  });

  it('needs two machines and a valid confidence level', () => {
    const rows = parseDemoSheet(filledSheet(), 'filled.csv');
    expect(() => compareDemoResults(rows.filter((r) => r.machineId === 'combine-sp-9m'))).toThrow(
      /a comparison needs 2 or more/,
    );
    expect(() => compareDemoResults(rows, { confidenceLevel: 95 })).toThrow('invalid confidenceLevel: 95');
  });
});
