import { describe, expect, it } from 'vitest';
import { MachineryInputError } from '../../src/errors.ts';
import {
  isShowcaseSheetHeader,
  parseCsv,
  parseShowcaseSheet,
  planShowcase,
  showcaseSheetColumns,
  showcaseSheetRows,
  showcaseSheetToCsv,
  showcaseTables,
} from '../../src/machinery/index.ts';
import { catalog, presets } from './helpers.ts';

const showcase = planShowcase(
  {
    areaHa: 1000,
    machineIds: ['combine-sp-9m', 'combine-sp-12m'],
    units: 2,
    replicates: 2,
    plotAreaHa: 10,
    hoursPerDay: 10,
    yieldTPerHa: 2,
  },
  { catalog, presets },
);

describe('showcase sheet', () => {
  it('has one row per block with the planned columns filled and the measured ones blank', () => {
    const [header, ...rows] = showcaseSheetRows(showcase);
    expect(header).toEqual([...showcaseSheetColumns]);
    expect(rows).toHaveLength(showcase.blocks.length);
    const first = showcase.blocks[0]!;
    const row = Object.fromEntries(header!.map((h, i) => [h, rows[0]![i]]));
    expect(row).toMatchObject({
      block_id: first.blockId,
      set: 1,
      machine_id: first.machineId,
      units: 2,
      planned_day: 1,
      worked_area_ha: '',
      machine_hours: '',
      notes: '',
    });
    expect(row.block_area_ha).toBe(Math.round(first.areaHa * 100) / 100);
  });

  it('writes CSV that reads back, and a filled sheet gives numbers', () => {
    const csv = showcaseSheetToCsv(showcase);
    expect(isShowcaseSheetHeader(parseCsv(csv, 'x')[0]!.cells)).toBe(true);
    const blank = parseShowcaseSheet(csv, 'sheet.csv');
    expect(blank).toHaveLength(14);
    expect(blank[0]!.workedAreaHa).toBeNull();
    expect(blank[0]!.units).toBe(2);
    const lines = csv.trimEnd().split(/\r?\n/);
    // Fill the first block: date, operators, then the measured numbers.
    const cells = lines[1]!.split(',');
    const at = (column: string) => showcaseSheetColumns.indexOf(column as (typeof showcaseSheetColumns)[number]);
    cells[at('worked_area_ha')] = '"58,7"'; // a decimal comma, quoted as a spreadsheet writes it
    cells[at('machine_hours')] = '18.5';
    cells[at('fuel_litres')] = '900';
    cells[at('downtime_hours')] = '0.5';
    const filled = parseShowcaseSheet([lines[0], cells.join(','), ...lines.slice(2)].join('\n'), 'sheet.csv');
    expect(filled[0]).toMatchObject({ workedAreaHa: 58.7, machineHours: 18.5, fuelLitres: 900, downtimeHours: 0.5 });
  });

  it('refuses a sheet without its columns or with a negative reading, naming file, line and column', () => {
    expect(() => parseShowcaseSheet('block_id,machine_id\nS1-B1,x\n', 'b.csv')).toThrow(
      /missing column worked_area_ha/,
    );
    const header = showcaseSheetColumns.join(',');
    const text = new Set(['block_id', 'machine_id', 'date', 'operators', 'downtime_causes', 'notes', 'planned_day']);
    const row = showcaseSheetColumns.map((c) => (c === 'fuel_litres' ? '-5' : text.has(c) ? 'S1' : '1')).join(',');
    let error: unknown;
    try {
      parseShowcaseSheet(`${header}\n${row}\n`, 'b.csv');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MachineryInputError);
    expect((error as Error).message).toMatch(/^b\.csv:2: invalid fuel_litres: -5/);
    expect((error as { column?: string }).column).toBe('fuel_litres');
    expect(() => parseShowcaseSheet(`${header}\n`, 'b.csv')).toThrow(/no blocks/);
  });

  it('gives the tables of the workbook: blocks, plots, machines, measures, visitor days, parameters', () => {
    const tables = showcaseTables(showcase);
    expect(tables.map((t) => t.id)).toEqual(['blocks', 'plots', 'machines', 'measures', 'visitorDays', 'parameters']);
    const blocks = tables[0]!;
    expect(blocks.columns.map((c) => c.key)).toEqual([...showcaseSheetColumns]);
    expect(blocks.columns.find((c) => c.key === 'machine_hours')).toMatchObject({
      en: 'Machine hours (all units)',
      ru: 'Моточасы (все машины)',
    });
    expect(blocks.rows).toHaveLength(14);
    expect(tables[1]!.rows).toHaveLength(showcase.plots.plots.length);
    expect(tables[4]!.rows.map((r) => r.day)).toEqual(showcase.visitorDays.map((v) => v.day));
    expect(tables[5]!.rows.find((r) => r.name === 'hoursPerDay')).toMatchObject({ value: 10, tag: '[user]' });
  });
});
