import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  csvNumber,
  pickTable,
  sheetName,
  shortenAtWord,
  tableToCsv,
  tablesToXlsx,
  type ResultTable,
} from '../../src/server/tables.ts';

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
    expect(tableToCsv(table, 'ru').split('\r\n')[0]).toBe('\ufeffИмя;Стоимость');
  });

  it('in Russian separates fields by ; and writes a decimal comma (quoted), as Russian-locale Excel opens it', () => {
    const ru: ResultTable = {
      ...table,
      columns: [...table.columns, { key: 'share', en: 'Share', ru: 'Доля', kind: 'share' }],
      rows: [
        { name: 'Пшеница; твёрдая', valueUsd: 1234.5, share: 0.1 + 0.2 },
        { name: 'Ячмень', valueUsd: -2, share: 0 },
      ],
    };
    expect(tableToCsv(ru, 'ru')).toBe(
      '\ufeffИмя;Стоимость;Доля\r\n"Пшеница; твёрдая";"1234,5";"0,3"\r\nЯчмень;-2;0\r\n',
    );
    expect(tableToCsv(ru, 'en')).toBe(
      '\ufeffName,"Value, USD",Share\r\n"Пшеница; твёрдая",1234.5,0.3\r\nЯчмень,-2,0\r\n',
    );
  });

  it('writes booleans as words of the language, in CSV and XLSX alike', async () => {
    const flags: ResultTable = {
      id: 'f',
      en: 'Flags',
      ru: 'Флаги',
      columns: [{ key: 'ok', en: 'Realised', ru: 'Реализован' }],
      rows: [{ ok: true }, { ok: false }],
    };
    expect(tableToCsv(flags, 'ru')).toBe('\ufeffРеализован\r\nДа\r\nНет\r\n');
    expect(tableToCsv(flags, 'en')).toBe('\ufeffRealised\r\nYes\r\nNo\r\n');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await tablesToXlsx([flags], 'ru')) as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]!.getColumn(1).values.slice(2)).toEqual(['Да', 'Нет']);
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

describe('csvNumber', () => {
  it('rounds to the meaning of the column: whole years and integers, cents, six significant digits', () => {
    expect(csvNumber(0.1 + 0.2, 'share', 'en')).toBe('0.3');
    expect(csvNumber(1234567.8900000001, 'usd', 'en')).toBe('1234567.89');
    expect(csvNumber(1234567.8900000001, 'usd', 'ru')).toBe('1234567,89');
    expect(csvNumber(2021.0000000002, 'year', 'en')).toBe('2021');
    expect(csvNumber(0.000017123456, 'share', 'en')).toBe('0.0000171235');
    expect(csvNumber(3.14159265358979, 'number', 'ru')).toBe('3,14159');
    expect(csvNumber(987654321.123, 'number', 'en')).toBe('987654321');
    expect(csvNumber(-0.0000001, 'usd', 'en')).toBe('0');
    expect(csvNumber(42, undefined, 'en')).toBe('42');
  });

  it('never prints an exponent or more than 16 digits, and stays within its rounding of the value (property)', () => {
    // How far a printed number may be from the value: half a unit for whole numbers, half a cent for
    // USD, else six significant digits (at most 15 decimals).
    const tolerance = (value: number, kind: string | undefined) =>
      kind === 'integer' || kind === 'year' ? 0.5 : kind === 'usd' ? 0.005 : Math.max(5e-16, Math.abs(value) * 5e-6);
    fc.assert(
      fc.property(
        fc.double({ min: -1e12, max: 1e12, noNaN: true }),
        fc.constantFrom('number', 'share', 'usd', 'integer', 'year', undefined),
        (value, kind) => {
          const text = csvNumber(value, kind as Parameters<typeof csvNumber>[1], 'en');
          return (
            !/e/i.test(text) &&
            text.replace(/[^0-9]/g, '').length <= 16 &&
            Math.abs(Number(text) - value) <= tolerance(value, kind) * (1 + 1e-9)
          );
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('sheet names', () => {
  it('are cut at a word boundary to at most 31 characters, with an ellipsis', () => {
    expect(shortenAtWord('Export potential BLR->KAZ', 31)).toBe('Export potential BLR->KAZ');
    expect(shortenAtWord('Импорт по товарам и доля экспортёра на рынке', 31)).toBe('Импорт по товарам и доля…');
    expect(shortenAtWord('Potential by HS section and supplier', 31)).toBe('Potential by HS section and…');
    expect(shortenAtWord('Abcdefghijklmnopqrstuvwxyzabcdefghij', 31)).toBe('Abcdefghijklmnopqrstuvwxyzabcd…');
    const used = new Set<string>();
    const first = sheetName('Экспортный потенциал: по разделам ТН ВЭД', used);
    const second = sheetName('Экспортный потенциал: по разделам ТН ВЭД', used);
    expect(first).toBe('Экспортный потенциал по…');
    expect(second).toBe('Экспортный потенциал по… 2');
    for (const name of [first, second]) expect(name.length).toBeLessThanOrEqual(31);
  });

  it('fit Excel for any title (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 60 }), { minLength: 1, maxLength: 5 }), (titles) => {
        const used = new Set<string>();
        const names = titles.map((title) => sheetName(title, used));
        return (
          names.every((n) => n.length >= 1 && n.length <= 31 && !/[[\]:*?/\\]/.test(n)) &&
          new Set(names.map((n) => n.toLowerCase())).size === names.length
        );
      }),
    );
  });
});

describe('tablesToXlsx', () => {
  it('leaves out a table without rows (no empty sheet), unless every table is empty', async () => {
    const empty = { ...table, id: 'e', en: 'Nothing', ru: 'Ничего', rows: [] };
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await tablesToXlsx([table, empty], 'en')) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Table']);
    const onlyEmpty = new ExcelJS.Workbook();
    await onlyEmpty.xlsx.load((await tablesToXlsx([empty, { ...empty, id: 'f' }], 'ru')) as unknown as ArrayBuffer);
    expect(onlyEmpty.worksheets.map((w) => w.name)).toEqual(['Ничего']);
    expect(onlyEmpty.worksheets[0]!.getRow(1).values).toEqual([undefined, 'Имя', 'Стоимость']);
  });

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
