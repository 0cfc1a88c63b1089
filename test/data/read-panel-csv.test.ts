import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BadHeaderError, BadValueError, EmptyFileError, FileNotFoundError, NotAFileError } from '../../src/errors.ts';
import { populationOf, readPanelCsv, readPopulationCsv } from '../../src/data/index.ts';

const fixtures = new URL('./complexity/', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'karavan-panel-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const columns = { time: 'year', location: 'origin', product: 'hs92', value: 'export_val' };

function csv(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

async function rejection(promise: Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    return error as Error & Record<string, unknown>;
  }
  throw new Error('expected a rejection');
}

describe('readPanelCsv', () => {
  it('reads the py-ecomplexity sample into dense per-year matrices', async () => {
    const panel = await readPanelCsv(fixtures + 'trade_data_sample.csv', columns);
    expect(panel.years).toEqual([1995, 1996]);
    expect(panel.locations).toEqual(['aut', 'blx', 'che', 'deu', 'dnk', 'esp', 'gbr', 'ita', 'pol', 'svn']);
    expect(panel.products.length).toBe(30);
    expect(panel.products[0]).toBe('1704');
    expect(panel.rows).toBe(600);
    expect(panel.duplicateKeys).toBe(0);
    // 1995, aut, 1704 = 43653866.43; 1996, svn, 9403 = 203674129.57
    expect(panel.valuesUsd[0]![0]).toBe(43653866.43);
    expect(panel.valuesUsd[1]![9 * 30 + 29]).toBe(203674129.57);
  });

  it('keeps product codes exactly as written, sums duplicate keys and counts empty values', async () => {
    const path = csv(
      'codes.csv',
      'year,origin,hs92,export_val\n2017,a,0101,5\n2017,a,101,7\n2017,b,0101,1\n2017,b,0101,2\n2017,b,101,\n',
    );
    const panel = await readPanelCsv(path, columns);
    expect(panel.products).toEqual(['0101', '101']);
    expect(Array.from(panel.valuesUsd[0]!)).toEqual([5, 7, 3, 0]);
    expect(panel.duplicateKeys).toBe(1);
    expect(panel.emptyValues).toBe(1);
  });

  it('says which line holds text, a negative value or a bad year', async () => {
    const text = await rejection(
      readPanelCsv(csv('text.csv', 'year,origin,hs92,export_val\n2017,a,0101,5\n2017,a,0102,abc\n'), columns),
    );
    expect(text).toBeInstanceOf(BadValueError);
    expect(text.message).toMatch(/text\.csv:3: export_val is not a finite number: "abc"/);
    expect(text['line']).toBe(3);
    expect(text['column']).toBe('export_val');
    const negative = await rejection(
      readPanelCsv(
        csv('neg.csv', 'year,origin,hs92,export_val\n2017,a,0101,5\n2017,b,0101,1\n2017,a,0102,-4\n'),
        columns,
      ),
    );
    expect(negative.message).toMatch(/neg\.csv:4: export_val is negative/);
    const year = await rejection(
      readPanelCsv(csv('year.csv', 'year,origin,hs92,export_val\n2017,a,0101,5\nnext,a,0102,4\n'), columns),
    );
    expect(year.message).toMatch(/year\.csv:3: year must be an integer year, got "next"/);
    const nan = await rejection(
      readPanelCsv(csv('nan.csv', 'year,origin,hs92,export_val\n2017,a,0101,NaN\n'), columns),
    );
    expect(nan).toBeInstanceOf(BadValueError);
  });

  it('names a missing column and shows the header', async () => {
    const error = await rejection(
      readPanelCsv(fixtures + 'trade_data_sample.csv', { ...columns, value: 'trade_value' }),
    );
    expect(error).toBeInstanceOf(BadHeaderError);
    expect(error.message).toMatch(
      /missing column\(s\) trade_value \(--value\); the header has year, origin, hs92, export_val/,
    );
  });

  it('refuses a missing file, a directory, a file without data rows', async () => {
    expect(await rejection(readPanelCsv(join(dir, 'none.csv'), columns))).toBeInstanceOf(FileNotFoundError);
    expect(await rejection(readPanelCsv(dir, columns))).toBeInstanceOf(NotAFileError);
    expect(await rejection(readPanelCsv(csv('empty.csv', 'year,origin,hs92,export_val\n'), columns))).toBeInstanceOf(
      EmptyFileError,
    );
  });

  it('reads a 0/1 presence column (manual M) and refuses other values', async () => {
    const path = csv('m.csv', 'year,origin,hs92,export_val,m\n2017,a,01,5,1\n2017,b,01,1,0\n2017,b,02,1,1\n');
    const panel = await readPanelCsv(path, { ...columns, presence: 'm' });
    expect(Array.from(panel.presence![0]!)).toEqual([1, 0, 0, 1]);
    const bad = await rejection(
      readPanelCsv(csv('m2.csv', 'year,origin,hs92,export_val,m\n2017,a,01,5,2\n'), { ...columns, presence: 'm' }),
    );
    expect(bad.message).toMatch(/m2\.csv:2: m must be 0 or 1, got "2"/);
  });
});

describe('readPopulationCsv', () => {
  it('reads populations by year and location', async () => {
    const pop = await readPopulationCsv(fixtures + 'population_data_sample.csv', {
      location: 'origin',
      time: 'year',
      population: 'population',
    });
    expect(populationOf(pop, 1995, 'aut')).toBe(7948278);
    expect(populationOf(pop, 1996, 'gbr')).toBe(58166950);
    expect(populationOf(pop, 1995, 'blx')).toBeNaN();
  });

  it('applies a file without a time column to every year, and refuses a bad population', async () => {
    const pop = await readPopulationCsv(csv('p.csv', 'origin,population\na,10\nb,\n'), {
      location: 'origin',
      time: 'year',
      population: 'population',
    });
    expect(populationOf(pop, 1990, 'a')).toBe(10);
    expect(populationOf(pop, 2020, 'b')).toBeNaN();
    const bad = await rejection(
      readPopulationCsv(csv('p2.csv', 'origin,population\na,-3\n'), { location: 'origin', population: 'population' }),
    );
    expect(bad).toBeInstanceOf(BadValueError);
    expect(bad.message).toMatch(/p2\.csv:2: population must be a number > 0/);
  });
});
