import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MachineryInputError } from '../../src/errors.ts';
import { escapeFormulaCell, formatCsv, parseCsv, unescapeFormulaCell } from '../../src/machinery/index.ts';

describe('csv', () => {
  it('escapes cells a spreadsheet would run as formulas (= + - @)', () => {
    expect(escapeFormulaCell('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(escapeFormulaCell('+1')).toBe("'+1");
    expect(escapeFormulaCell('-2')).toBe("'-2");
    expect(escapeFormulaCell('@cmd')).toBe("'@cmd");
    expect(escapeFormulaCell('plain')).toBe('plain');
    expect(formatCsv([['=1+1', 'a,b', 'say "hi"']])).toBe(`'=1+1,"a,b","say ""hi"""\r\n`);
  });

  it("reads a Russian-locale sheet: ';' between fields, a decimal comma kept in the cell", () => {
    const records = parseCsv('plot_id;worked_area_ha;note\r\nB1-P1;"2,5";"a; b, c"\r\n', 'ru.csv');
    expect(records.map((r) => r.cells)).toEqual([
      ['plot_id', 'worked_area_ha', 'note'],
      ['B1-P1', '2,5', 'a; b, c'],
    ]);
    // A comma-separated file whose header quotes a ';' stays comma-separated.
    expect(parseCsv('"a;b",c\n1,2\n', 'en.csv').map((r) => r.cells)).toEqual([
      ['a;b', 'c'],
      ['1', '2'],
    ]);
  });

  it('reads back what it writes, undoing the escape', () => {
    const rows = [
      ['id', 'note'],
      ['B1-P1', '=cmd|calc'],
      ['B1-P2', 'line\nbreak, "quoted"'],
    ];
    expect(parseCsv(formatCsv(rows), 'x.csv').map((r) => r.cells)).toEqual(rows);
  });

  it('property: any cells survive a round trip', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string(), { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 5 }),
        (rows) => {
          const back = parseCsv(formatCsv(rows), 'x.csv').map((r) => r.cells);
          const expected = rows.filter((r) => !(r.length === 1 && r[0]!.trim() === ''));
          expect(back).toEqual(expected.map((r) => r.map((c) => unescapeFormulaCell(escapeFormulaCell(c)))));
        },
      ),
    );
  });

  it('accepts a BOM and LF line ends, and keeps line numbers', () => {
    const records = parseCsv('\ufeffa,b\n1,2\n\n3,4\n', 'x.csv');
    expect(records).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', '2'] },
      { line: 4, cells: ['3', '4'] },
    ]);
  });

  it('an unterminated quote names the file and the line', () => {
    expect(() => parseCsv('a,b\n1,"oops\n', 'x.csv')).toThrow(MachineryInputError);
    expect(() => parseCsv('a,b\n1,"oops\n', 'x.csv')).toThrow('x.csv: unterminated quoted cell starting on line 2');
  });
});
