import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { asyncBufferFromFile, parquetReadObjects } from 'hyparquet';
import {
  allWholeNumbers,
  complexityCsv,
  complexityPanelYear,
  complexityPanelYears,
  type ComplexityPanel,
} from '../../src/analysis/index.ts';
import { MetricInputError, MissingOptionError } from '../../src/errors.ts';
import { resolveComplexity } from '../../src/metrics/index.ts';
import { num, readCsv } from '../metrics/stata-fixtures.ts';

const fixtures = new URL('../data/complexity/', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'karavan-complexity-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const columns = { time: 'year', location: 'origin', product: 'hs92', value: 'export_val' };

function parse(path: string): { header: string[]; rows: Record<string, string>[] } {
  const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
  const header = lines[0]!.split(',');
  return { header, rows: lines.slice(1).map((l) => Object.fromEntries(l.split(',').map((v, i) => [header[i]!, v]))) };
}

describe('complexityCsv', () => {
  it('writes one row per location × product × year with the contract columns, matching Stata', async () => {
    const out = join(dir, 'default.csv');
    const summary = await complexityCsv({ input: fixtures + 'trade_data_sample.csv', columns, out });
    expect(summary).toMatchObject({ out, years: [1995, 1996], rows: 600, warnings: [] });
    const { header, rows } = parse(out);
    expect(header).toEqual([
      'year',
      'origin',
      'hs92',
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
    ]);
    expect(rows.length).toBe(600);
    expect(rows[0]).toMatchObject({ year: '1995', origin: 'aut', hs92: '1704', value: '43653866.43', mcp: '0' });
    // The input here is the exact decimal file; Stata computed from float32 copies (43653868), so
    // agreement is at the float32 level (~1e-7), well within the 1e-5 / 1e-4 tolerances.
    const stata = new Map(readCsv('stata_ground_truth.csv').map((r) => [`${r.year},${r.origin},${r.hs92}`, r]));
    for (const r of rows) {
      const s = stata.get(`${r.year},${r.origin},${r.hs92}`)!;
      expect(r.mcp).toBe(s.M);
      expect(r.diversity).toBe(s.diversity);
      expect(r.ubiquity).toBe(s.ubiquity);
      for (const [ours, theirs, tol] of [
        ['rca', 'rca', 1e-5],
        ['eci', 'eci', 1e-5],
        ['pci', 'pci', 1e-5],
        ['density', 'density', 1e-4],
        ['coi', 'coi', 1e-4],
        ['cog', 'cog', 1e-4],
      ] as const) {
        const a = Number(r[ours]);
        const b = num(s[theirs]);
        expect(Math.abs(a - b)).toBeLessThanOrEqual(tol * Math.abs(b) + 1e-9);
      }
    }
  });

  it('prints full precision and leaves undefined values empty; warns naming the locations', async () => {
    const out = join(dir, 'rca2.csv');
    const messages: string[] = [];
    const summary = await complexityCsv({
      input: fixtures + 'trade_data_sample.csv',
      columns,
      out,
      rcaThreshold: 2,
      onWarning: (m) => messages.push(m),
    });
    expect(messages).toEqual(summary.warnings);
    expect(messages).toContain('year 1995: diversity 0, so ECI, COI and COG are empty for 2 location(s): deu, ita');
    expect(
      messages.some((m) => /^year 1995: ubiquity 0, so PCI and COG are empty for \d+ product\(s\): 1905, 2007/.test(m)),
    ).toBe(true);
    const { rows } = parse(out);
    const deu = rows.find((r) => r.year === '1995' && r.origin === 'deu')!;
    expect([deu.eci, deu.coi, deu.cog]).toEqual(['', '', '']);
    const aut = rows.find((r) => r.year === '1995' && r.origin === 'aut' && r.hs92 === '6804')!;
    expect(aut.eci).not.toBe('');
    expect(Number(aut.eci).toString()).toBe(aut.eci); // shortest round-trip text
  });

  it('rpop: reads populations, drops locations without one (blx) and names them; the column is rpop', async () => {
    const out = join(dir, 'rpop.csv');
    const summary = await complexityCsv({
      input: fixtures + 'trade_data_sample.csv',
      columns,
      out,
      presence: 'rpop',
      populationFile: fixtures + 'population_data_sample.csv',
    });
    expect(summary.warnings).toContain('year 1995: no population for 1 location(s), dropped (rpop): blx');
    const { header, rows } = parse(out);
    expect(header[4]).toBe('rpop');
    expect(rows.length).toBe(540);
    const stata = new Map(readCsv('stata_rpop_default.1995.csv').map((r) => [`${r.origin},${r.hs92}`, r]));
    for (const r of rows.filter((x) => x.year === '1995')) {
      const s = stata.get(`${r.origin},${r.hs92}`)!;
      expect(r.mcp).toBe(s.M);
      expect(Math.abs(Number(r.eci) - num(s.eci))).toBeLessThan(1e-5 * Math.abs(num(s.eci)) + 1e-9);
    }
  });

  it('manual presence takes M from a column; missing options are named', async () => {
    const stata = readCsv('stata_ground_truth.csv');
    const input = join(dir, 'manual.csv');
    writeFileSync(
      input,
      'year,origin,hs92,export_val,M\n' +
        stata.map((r) => `${r.year},${r.origin},${r.hs92},${r.export_val},${r.M}`).join('\n') +
        '\n',
    );
    const out = join(dir, 'manual-out.csv');
    await complexityCsv({ input, columns: { ...columns, presence: 'M' }, out, presence: 'manual' });
    const { rows } = parse(out);
    expect(rows.map((r) => r.mcp)).toEqual(stata.map((r) => r.M));
    await expect(complexityCsv({ input, columns, out, presence: 'manual' })).rejects.toThrow(MissingOptionError);
    await expect(complexityCsv({ input, columns, out, presence: 'rpop' })).rejects.toThrow(/needs populations/);
  });

  it('says which year is unusable: all zero, one location, one product', async () => {
    const out = join(dir, 'bad.csv');
    const zero = join(dir, 'zero.csv');
    writeFileSync(
      zero,
      'year,origin,hs92,export_val\n2000,a,01,5\n2000,b,02,3\n2000,a,02,1\n2001,a,01,0\n2001,b,02,0\n',
    );
    await expect(complexityCsv({ input: zero, columns, out })).rejects.toThrow('year 2001: all values are zero');
    const one = join(dir, 'one.csv');
    writeFileSync(one, 'year,origin,hs92,export_val\n2000,a,01,5\n2000,a,02,3\n');
    await expect(complexityCsv({ input: one, columns, out })).rejects.toThrow(
      /year 2000: complexity needs at least 2 locations, got 1/,
    );
    const single = join(dir, 'single.csv');
    writeFileSync(single, 'year,origin,hs92,export_val\n2000,a,01,5\n2000,b,01,3\n');
    await expect(complexityCsv({ input: single, columns, out })).rejects.toThrow(MetricInputError);
  });

  it('warns about duplicate keys (summed) and empty values (0)', async () => {
    const input = join(dir, 'dups.csv');
    const stata = readCsv('stata_ground_truth.csv').filter((r) => r.year === '1995');
    writeFileSync(
      input,
      'year,origin,hs92,export_val\n' +
        stata.map((r) => `${r.year},${r.origin},${r.hs92},${r.export_val}`).join('\n') +
        '\n1995,aut,1704,0\n1995,svn,9403,\n',
    );
    const summary = await complexityCsv({ input, columns, out: join(dir, 'dups-out.csv') });
    expect(summary.warnings).toEqual([
      `${input}: 2 key(s) appear more than once; their values were summed`,
      `${input}: 1 empty value cell(s) read as 0`,
    ]);
  });
});

describe('complexityPanelYears', () => {
  it("takes a plain panel from any source; a year's rectangle is its locations and products with a positive total", () => {
    const panel: ComplexityPanel = {
      years: [2016, 2017],
      locations: ['a', 'b', 'c', 'd'],
      products: ['01', '02', '03'],
      valuesUsd: [
        Float64Array.from([5, 1, 0, 1, 4, 0, 2, 2, 0, 0, 0, 0]),
        Float64Array.from([5, 1, 2, 1, 4, 1, 2, 2, 6, 1, 1, 1]),
      ],
    };
    const years = [...complexityPanelYears(panel)];
    expect(years.map((y) => y.year)).toEqual([2016, 2017]);
    expect(years[0]!.locations).toEqual(['a', 'b', 'c']);
    expect(years[0]!.products).toEqual(['01', '02']);
    expect(years[1]!.locations).toEqual(['a', 'b', 'c', 'd']);
    expect(years[1]!.products).toEqual(['01', '02', '03']);
  });
});

describe('the output file', () => {
  it('CSV numbers read back as exactly the computed doubles; Parquet (by the extension) holds the same rows', async () => {
    const panel: ComplexityPanel = {
      ...(await import('../../src/data/index.ts').then((d) =>
        d.readPanelCsv(fixtures + 'trade_data_sample.csv', columns),
      )),
    };
    const o = resolveComplexity({ rcaThreshold: 2 }); // some empty cells too
    const computed = [0, 1].map((i) => complexityPanelYear(panel, i, o));
    const expected = computed.flatMap((y) =>
      y.locations.flatMap((location, r) =>
        y.products.map((product, p) => {
          const i = r * y.products.length + p;
          const { result } = y;
          return [
            y.year,
            location,
            product,
            y.valuesUsd[i]!,
            result.advantage[i]!,
            result.mcp[i]!,
            result.density[i]!,
            result.eci[r]!,
            result.pci[p]!,
            result.diversity[r]!,
            result.ubiquity[p]!,
            result.coi[r]!,
            result.cog[i]!,
          ] as const;
        }),
      ),
    );
    const csv = join(dir, 'exact.csv');
    const parquet = join(dir, 'exact.parquet');
    const a = await complexityCsv({ input: fixtures + 'trade_data_sample.csv', columns, out: csv, rcaThreshold: 2 });
    const b = await complexityCsv({
      input: fixtures + 'trade_data_sample.csv',
      columns,
      out: parquet,
      rcaThreshold: 2,
    });
    expect([a.rows, b.rows]).toEqual([600, 600]);
    const lines = readFileSync(csv, 'utf8').trimEnd().split('\n').slice(1);
    const back = (await parquetReadObjects({ file: await asyncBufferFromFile(parquet) })) as Record<string, unknown>[];
    expect(lines.length).toBe(expected.length);
    expect(back.length).toBe(expected.length);
    let empty = 0;
    expected.forEach((want, n) => {
      const cells = lines[n]!.split(',');
      const row = Object.values(back[n]!);
      expect(cells.slice(0, 3)).toEqual(want.slice(0, 3).map(String));
      expect(row.slice(0, 3)).toEqual(want.slice(0, 3));
      for (let c = 3; c < 13; c++) {
        const x = want[c] as number;
        if (Number.isNaN(x)) {
          empty++;
          expect(cells[c]).toBe('');
          expect(row[c]).toBeNull();
        } else {
          expect(Object.is(Number(cells[c]), x + 0)).toBe(true); // the same double (-0 written as 0)
          expect(Number(row[c])).toBe(x);
        }
      }
    });
    expect(empty).toBeGreaterThan(0);
  });

  it('writes the value column as integers when every value is a whole number, as doubles otherwise', async () => {
    expect(allWholeNumbers([Float64Array.of(0, 5, 2 ** 53 - 1)])).toBe(true);
    expect(allWholeNumbers([Float64Array.of(0, 5), Float64Array.of(0.5)])).toBe(false);
    expect(allWholeNumbers([Float64Array.of(2 ** 53)])).toBe(false);
    const input = join(dir, 'whole.csv');
    writeFileSync(input, 'year,origin,hs92,export_val\n2000,a,01,5\n2000,b,02,3\n2000,a,02,1\n2000,b,01,2\n');
    const out = join(dir, 'whole-out.csv');
    await complexityCsv({ input, columns, out });
    expect(parse(out).rows.map((r) => r.value)).toEqual(['5', '1', '2', '3']);
    writeFileSync(input, 'year,origin,hs92,export_val\n2000,a,01,5.5\n2000,b,02,3\n2000,a,02,1\n2000,b,01,2\n');
    await complexityCsv({ input, columns, out });
    expect(parse(out).rows.map((r) => r.value)).toEqual(['5.5', '1.0', '2.0', '3.0']);
  });
});
