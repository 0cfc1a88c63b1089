/**
 * Reading a filled demonstration sheet back: header and row errors with their exact messages and
 * line numbers, blank and decimal-comma cells, duplicate plots, and the rounding of the written sheet.
 */
import { describe, expect, it } from 'vitest';
import { MachineryInputError, type KaravanError } from '../../src/errors.ts';
import {
  demoSheetColumns,
  demoSheetRequiredColumns,
  demoSheetRows,
  parseDemoSheet,
} from '../../src/machinery/demo-sheet.ts';
import type { DemoPlan } from '../../src/machinery/demo-plan.ts';

const header = 'plot_id,block,machine_id,worked_area_ha,work_hours,fuel_litres,grain_loss_kg_per_ha,downtime_hours';

function thrownBy(run: () => unknown): KaravanError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(MachineryInputError);
    return error as KaravanError;
  }
  throw new Error('expected a MachineryInputError');
}

describe('parseDemoSheet', () => {
  it('reads numbers, blanks as null, a decimal comma and spaces inside a number', () => {
    const rows = parseDemoSheet(
      `${header}\nP1, 1 ,combine-a,20,"6,5",1 200,,0\nP2,1,combine-b,0,4,300,41.5,0.5\n`,
      's.csv',
    );
    expect(rows).toEqual([
      {
        line: 2,
        plotId: 'P1',
        block: '1',
        machineId: 'combine-a',
        workedAreaHa: 20,
        workHours: 6.5,
        fuelLitres: 1200,
        grainLossKgPerHa: null,
        downtimeHours: 0,
      },
      {
        line: 3,
        plotId: 'P2',
        block: '1',
        machineId: 'combine-b',
        workedAreaHa: 0,
        workHours: 4,
        fuelLitres: 300,
        grainLossKgPerHa: 41.5,
        downtimeHours: 0.5,
      },
    ]);
  });

  it('finds the columns by name, in any order, with spaces around the names', () => {
    const shuffled =
      ' downtime_hours ,grain_loss_kg_per_ha,fuel_litres,work_hours,worked_area_ha,machine_id,block,plot_id,notes';
    const [row] = parseDemoSheet(`${shuffled}\n1,2,3,4,5,m,b,p,ok\n`, 's.csv');
    expect(row).toMatchObject({ plotId: 'p', block: 'b', machineId: 'm', workedAreaHa: 5, downtimeHours: 1 });
  });

  it('refuses an empty sheet, a missing column, a sheet without plots', () => {
    expect(thrownBy(() => parseDemoSheet('', 's.csv')).message).toBe('s.csv: the sheet is empty');
    const missing = thrownBy(() => parseDemoSheet(header.replace(',fuel_litres', ''), 's.csv'));
    expect(missing.message).toBe(
      "s.csv: missing column fuel_litres (the sheet written by 'karavan machinery demo' has it)",
    );
    expect(missing).toMatchObject({ file: 's.csv', line: 1, column: 'fuel_litres' });
    expect(thrownBy(() => parseDemoSheet(`${header}\n`, 's.csv')).message).toBe(
      's.csv: the sheet has a header but no plots',
    );
  });

  it('refuses a negative or non-numeric measure and a blank id, naming line, column and value', () => {
    const negative = thrownBy(() => parseDemoSheet(`${header}\nP1,1,a,20,-1,,,\n`, 's.csv'));
    expect(negative.message).toBe('s.csv:2: invalid work_hours: -1 (a number 0 or greater, or blank)');
    expect(negative).toMatchObject({ line: 2, column: 'work_hours', value: '-1' });
    expect(thrownBy(() => parseDemoSheet(`${header}\nP1,1,a,20,6,lots,,\n`, 's.csv')).message).toBe(
      's.csv:2: invalid fuel_litres: lots (a number 0 or greater, or blank)',
    );
    const blank = thrownBy(() => parseDemoSheet(`${header}\nP1,1,a,20,6,,,\nP2,1, ,20,6,,,\n`, 's.csv'));
    expect(blank.message).toBe('s.csv:3: invalid machine_id: blank (every row needs it)');
    expect(blank).toMatchObject({ line: 3, column: 'machine_id' });
  });

  it('refuses a plot twice, naming the first line', () => {
    const twice = thrownBy(() => parseDemoSheet(`${header}\nP1,1,a,,,,,\nP2,1,b,,,,,\nP1,2,a,,,,,\n`, 's.csv'));
    expect(twice.message).toBe('s.csv:4: invalid plot_id: P1 (already on line 2)');
    expect(twice).toMatchObject({ line: 4, column: 'plot_id', value: 'P1' });
  });
});

describe('demoSheetRows', () => {
  it('writes every column, planned values rounded (area 4, lengths 2, rate 3 digits), measured blank', () => {
    const plan = {
      machines: [{ machineId: 'combine-a', plannedHaPerHour: 3.14159 }],
      plots: [
        {
          plotId: 'B1-P1',
          block: 1,
          position: 1,
          machineId: 'combine-a',
          areaHa: 20.123456,
          stripLengthM: 400.456,
          plotWidthM: 502.987,
          passes: 56,
        },
      ],
    } as unknown as DemoPlan;
    const [head, row] = demoSheetRows(plan);
    expect(head).toEqual([...demoSheetColumns]);
    expect(demoSheetColumns).toHaveLength(17);
    for (const column of demoSheetRequiredColumns) expect(demoSheetColumns).toContain(column);
    expect(row).toEqual([
      'B1-P1',
      1,
      1,
      'combine-a',
      20.1235,
      400.46,
      502.99,
      56,
      3.142,
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
    ]);
  });
});
