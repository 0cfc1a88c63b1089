import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asyncBufferFromFile, parquetReadObjects } from 'hyparquet';
import { afterAll, describe, expect, it } from 'vitest';
import {
  ComplexityOutputWriter,
  complexityOutputFormat,
  spreadsheetSafeText,
  type ComplexityOutputYear,
} from '../../src/data/complexity-output.ts';

const dir = mkdtempSync(join(tmpdir(), 'karavan-complexity-output-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const columns = [
  'year',
  'location',
  'product',
  'value',
  'rca',
  'mcp',
  'density',
  'eci',
  'pci',
  'diversity',
  'ubiquity',
  'coi',
  'cog',
];

/** Doubles whose text is hard to get right: tiny, huge, subnormal, 17 digits, -0, NaN. */
const awkward = [
  0.1 + 0.2,
  1e-7,
  1.5e-7,
  0.00001234,
  5e-324,
  2.2250738585072014e-308,
  1.7976931348623157e308,
  123456789012345680000,
  1e21,
  -0,
  Number.NaN,
  -1.0000000000000002,
  0,
  1 / 3,
  43653866.43,
  2 ** 53 + 2,
];

/** One year of `locations` × `products` cells filled from `numbers` (cycled with an offset per measure). */
function makeYear(year: number, locations: string[], products: string[], numbers: number[]): ComplexityOutputYear {
  const cells = locations.length * products.length;
  const cycle = (offset: number, n: number) =>
    Float64Array.from({ length: n }, (_, i) => numbers[(i + offset) % numbers.length]!);
  return {
    year,
    locations,
    products,
    valuesUsd: cycle(0, cells),
    advantage: cycle(1, cells),
    mcp: Uint8Array.from({ length: cells }, (_, i) => (i % 3 === 0 ? 1 : 0)),
    density: cycle(2, cells),
    cog: cycle(3, cells),
    eci: cycle(4, locations.length),
    diversity: Int32Array.from(locations, (_, i) => 10 + i),
    coi: cycle(5, locations.length),
    pci: cycle(6, products.length),
    ubiquity: Int32Array.from(products, (_, i) => 20 + i),
  };
}

/** The value each output cell must hold, row by row, in the contract's column order (NaN for empty). */
function expectedRows(y: ComplexityOutputYear): (string | number)[][] {
  const K = y.products.length;
  const rows: (string | number)[][] = [];
  y.locations.forEach((location, r) => {
    y.products.forEach((product, p) => {
      const i = r * K + p;
      rows.push([
        y.year,
        location,
        product,
        y.valuesUsd[i]!,
        y.advantage[i]!,
        y.mcp[i]!,
        y.density[i]!,
        y.eci[r]!,
        y.pci[p]!,
        y.diversity[r]!,
        y.ubiquity[p]!,
        y.coi[r]!,
        y.cog[i]!,
      ]);
    });
  });
  return rows;
}

/** RFC 4180 fields: quoted fields may hold commas, quotes ("") and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

async function write(path: string, years: ComplexityOutputYear[], wholeValues = false): Promise<number> {
  const writer = await ComplexityOutputWriter.open({ path, columns, wholeValues });
  for (const y of years) await writer.writeYear(y);
  return writer.close();
}

/** A number cell read back: the same double (a -0 may come back as 0), or empty for NaN. */
function expectSameNumber(text: string, expected: number): void {
  if (Number.isNaN(expected)) expect(text).toBe('');
  else expect(Object.is(Number(text), expected + 0)).toBe(true);
}

describe('ComplexityOutputWriter', () => {
  it('writes CSV whose numbers read back as exactly the same doubles, empty for NaN, years in order', async () => {
    const years = [
      makeYear(1995, ['aut', 'bel', 'che'], ['0101', '0102', '0201', '0301', '0302'], awkward),
      makeYear(1996, ['aut', 'deu'], ['0101', '0999'], awkward.slice().reverse()),
    ];
    const out = join(dir, 'awkward.csv');
    expect(await write(out, years)).toBe(15 + 4);
    const [header, ...rows] = parseCsv(readFileSync(out, 'utf8'));
    expect(header).toEqual(columns);
    const expected = years.flatMap(expectedRows);
    expect(rows.length).toBe(expected.length);
    rows.forEach((row, n) => {
      const want = expected[n]!;
      expect(row.slice(0, 3)).toEqual(want.slice(0, 3).map(String));
      for (let c = 3; c < 13; c++) expectSameNumber(row[c]!, want[c] as number);
    });
    // Every awkward double appears in the per-cell columns and in the per-row/per-product ones.
    expect(rows.some((r) => r[3] === '')).toBe(true);
  });

  it('writes whole values as integers when told they all are', async () => {
    const y = makeYear(2017, ['a', 'b'], ['01', '02'], [387017, 0, 5, 2 ** 53 - 1]);
    const out = join(dir, 'whole.csv');
    await write(out, [y], true);
    const rows = parseCsv(readFileSync(out, 'utf8')).slice(1);
    expect(rows.map((r) => r[3])).toEqual(['387017', '0', '5', String(2 ** 53 - 1)]);
  });

  it('quotes labels a spreadsheet would run as formulas (CSV), keeps numbers and Parquet as they are', async () => {
    const locations = ['=SUM(A1:A9)', '+cmd', '-5', '@user', '\tlead', '\rcr', '-x', 'a,b "q"', 'plain', '+1.5e3'];
    const products = ['=1+1', '0101'];
    const y = makeYear(2000, locations, products, [1, 2, 3]);
    const names = [...columns];
    names[1] = '=origin';
    const csv = join(dir, 'formula.csv');
    const writer = await ComplexityOutputWriter.open({ path: csv, columns: names });
    await writer.writeYear(y);
    await writer.close();
    const [header, ...rows] = parseCsv(readFileSync(csv, 'utf8'));
    expect(header![1]).toBe("'=origin");
    const safe = ["'=SUM(A1:A9)", "'+cmd", '-5', "'@user", "'\tlead", "'\rcr", "'-x", 'a,b "q"', 'plain', '+1.5e3'];
    expect(rows.map((r) => r[1])).toEqual(safe.flatMap((l) => [l, l]));
    expect(rows.map((r) => r[2])).toEqual(locations.flatMap(() => ["'=1+1", '0101']));

    const parquet = join(dir, 'formula.parquet');
    await write(parquet, [y]);
    const back = (await parquetReadObjects({ file: await asyncBufferFromFile(parquet) })) as Record<string, unknown>[];
    expect(back.map((r) => r['location'])).toEqual(locations.flatMap((l) => [l, l]));
    expect(back.map((r) => r['product'])).toEqual(locations.flatMap(() => products));
  });

  it('writes Parquet (by the extension) that reads back as the same rows, typed, NULL for NaN', async () => {
    const years = [
      makeYear(1995, ['aut', 'bel', 'che'], ['0101', '0102', '0201', '0301', '0302'], awkward),
      makeYear(1996, ['aut', 'deu'], ['0101', '0999'], awkward.slice().reverse()),
      makeYear(1997, ['zaf', 'aut'], ['0101'], [1, 2, Number.NaN]),
    ];
    const out = join(dir, 'awkward.parquet');
    expect(complexityOutputFormat(out)).toBe('parquet');
    expect(complexityOutputFormat(join(dir, 'X.PARQUET'))).toBe('parquet');
    expect(complexityOutputFormat(join(dir, 'x.csv'))).toBe('csv');
    expect(complexityOutputFormat('/dev/null')).toBe('csv');
    expect(await write(out, years)).toBe(15 + 4 + 2);
    const back = (await parquetReadObjects({ file: await asyncBufferFromFile(out) })) as Record<string, unknown>[];
    const expected = years.flatMap(expectedRows);
    expect(back.length).toBe(expected.length);
    back.forEach((row, n) => {
      const want = expected[n]!;
      expect(Object.keys(row)).toEqual(columns);
      expect([row['year'], row['location'], row['product']]).toEqual(want.slice(0, 3));
      for (let c = 3; c < 13; c++) {
        const got = row[columns[c]!];
        const w = want[c] as number;
        if (Number.isNaN(w)) expect(got).toBeNull();
        else expect(Object.is(Number(got), w + 0) || Object.is(Number(got), w)).toBe(true);
      }
    });
  });

  it('reports a write that cannot happen instead of hanging', async () => {
    const y = makeYear(2000, ['a', 'b'], ['01'], [1]);
    const missing = join(dir, 'no-such-dir', 'out.csv');
    await expect(write(missing, [y])).rejects.toThrow(/no-such-dir/);
    await expect(write(join(dir, 'no-such-dir', 'out.parquet'), [y, y])).rejects.toThrow(/no-such-dir/);
  });
});

describe('spreadsheetSafeText', () => {
  it('prefixes = + - @ tab CR unless the text is a number', () => {
    expect(spreadsheetSafeText('=A1')).toBe("'=A1");
    expect(spreadsheetSafeText('+A1')).toBe("'+A1");
    expect(spreadsheetSafeText('-A1')).toBe("'-A1");
    expect(spreadsheetSafeText('@A1')).toBe("'@A1");
    expect(spreadsheetSafeText('\t1')).toBe("'\t1");
    expect(spreadsheetSafeText('\r1')).toBe("'\r1");
    expect(spreadsheetSafeText('-1.5')).toBe('-1.5');
    expect(spreadsheetSafeText('+2e-3')).toBe('+2e-3');
    expect(spreadsheetSafeText('-.5')).toBe('-.5');
    expect(spreadsheetSafeText('- 5')).toBe("'- 5");
    expect(spreadsheetSafeText('a=b')).toBe('a=b');
    expect(spreadsheetSafeText("'quoted")).toBe("'quoted");
  });
});
