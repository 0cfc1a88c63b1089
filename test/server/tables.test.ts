import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pickTable, tableToCsv, tablesToXlsx, type ResultTable } from '../../src/server/tables.ts';

const table: ResultTable = {
  id: 't',
  en: 'Table',
  ru: 'Таблица',
  columns: [
    { key: 'name', en: 'Name', ru: 'Имя' },
    { key: 'valueUsd', en: 'Value, USD', ru: 'Стоимость', kind: 'usd' },
  ],
  rows: [
    { name: '=HYPERLINK("http://x","y")', valueUsd: -5 },
    { name: '+1', valueUsd: 1.5 },
    { name: '-2', valueUsd: null },
    { name: '@SUM(A1)', valueUsd: Number.NaN },
    { name: 'plain, "quoted"', valueUsd: 0 },
  ],
};

describe('tableToCsv', () => {
  it('escapes text that a spreadsheet would run, keeps numbers (negative too) as numbers, quotes per RFC 4180', () => {
    expect(tableToCsv(table, 'en')).toBe(
      '\ufeffName,"Value, USD"\r\n' +
        '"\'=HYPERLINK(""http://x"",""y"")",-5\r\n' +
        "'+1,1.5\r\n" +
        "'-2,\r\n" +
        "'@SUM(A1),\r\n" +
        '"plain, ""quoted""",0\r\n',
    );
  });

  it('labels the header in the asked language', () => {
    expect(tableToCsv(table, 'ru').split('\r\n')[0]).toBe('\ufeffИмя,Стоимость');
  });

  it('never starts a text cell with a formula character (property)', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const csv = tableToCsv({ ...table, rows: [{ name: text, valueUsd: 1 }] }, 'en');
        const body = csv.split('\r\n').slice(1).join('\r\n');
        const first = body.startsWith('"') ? body.slice(1) : body;
        return !/^[=+\-@\t\r]/.test(first);
      }),
    );
  });
});

describe('tablesToXlsx', () => {
  it('writes each table as a sheet; formula-like text is a string cell with the text format, never a formula', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await tablesToXlsx([table, { ...table, id: 'u' }], 'ru')) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Таблица', 'Таблица 2']);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'Имя', 'Стоимость']);
    const cell = sheet.getRow(2).getCell(1);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe('=HYPERLINK("http://x","y")');
    expect(cell.numFmt).toBe('@');
    expect(sheet.getRow(2).getCell(2).value).toBe(-5);
    expect(sheet.getRow(4).getCell(2).value).toBe(null);
  });
});

describe('tablesToXlsx on a large table', () => {
  // Found by the API fuzzer: the product space's edges as XLSX were rendered in one synchronous
  // step, holding every other request for seconds. Rows are now streamed with turns of the event loop between.
  it('gives the event loop back while it writes, and the rows all arrive', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => ({ name: `p${i}`, valueUsd: i }));
    let ticks = 0;
    let running = true;
    const tick = () => {
      ticks++;
      if (running) setImmediate(tick);
    };
    setImmediate(tick);
    const buffer = await tablesToXlsx([{ ...table, rows }], 'en');
    running = false;
    expect(ticks).toBeGreaterThanOrEqual(5000 / 500);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(5001);
    expect(sheet.getRow(5001).getCell(2).value).toBe(4999);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).font).toMatchObject({ bold: true });
  });
});

describe('pickTable', () => {
  it('defaults to the first table and names the choices for an unknown one', () => {
    expect(pickTable([table], undefined)).toBe(table);
    expect(() => pickTable([table], 'x')).toThrow('invalid table: x (one of t)');
    expect(() => pickTable([], undefined)).toThrow('no table');
  });
});
