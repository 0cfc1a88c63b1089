import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asyncBufferFromFile, parquetReadObjects } from 'hyparquet';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { openTempStore } from '../support/store.ts';

const fixtures = new URL('../data/complexity/', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'karavan-cli-complexity-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = vi
    .spyOn(process.stdout, 'write')
    .mockImplementation((chunk: string | Uint8Array) => ((stdout += String(chunk)), true));
  const err = vi
    .spyOn(process.stderr, 'write')
    .mockImplementation((chunk: string | Uint8Array) => ((stderr += String(chunk)), true));
  try {
    const code = await main(['node', 'karavan', ...args]);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

const input = [
  '--input',
  fixtures + 'trade_data_sample.csv',
  '--time',
  'year',
  '--location',
  'origin',
  '--product',
  'hs92',
  '--value',
  'export_val',
];

describe('karavan complexity', () => {
  it('writes the output CSV and says so', async () => {
    const out = join(dir, 'out.csv');
    const { code, stdout, stderr } = await run('complexity', ...input, '--out', out);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toBe(`wrote 600 rows (2 year(s), 1995-1996) to ${out}\n`);
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('year,origin,hs92,value,rca,mcp,density,eci,pci,diversity,ubiquity,coi,cog');
    expect(lines.length).toBe(601);
  });

  it('writes Parquet when --out ends in .parquet (the same rows as the CSV), says so in --help', async () => {
    const csv = join(dir, 'same.csv');
    const parquet = join(dir, 'same.parquet');
    expect((await run('complexity', ...input, '--out', csv)).code).toBe(0);
    const { code, stdout } = await run('complexity', ...input, '--out', parquet);
    expect(code).toBe(0);
    expect(stdout).toBe(`wrote 600 rows (2 year(s), 1995-1996) to ${parquet}\n`);
    expect(readFileSync(parquet).subarray(0, 4).toString()).toBe('PAR1');
    const rows = (await parquetReadObjects({ file: await asyncBufferFromFile(parquet) })) as Record<string, unknown>[];
    const lines = readFileSync(csv, 'utf8').trimEnd().split('\n');
    expect(Object.keys(rows[0]!).join(',')).toBe(lines[0]);
    expect(rows.length).toBe(600);
    rows.forEach((row, n) => {
      const cells = lines[n + 1]!.split(',');
      Object.values(row).forEach((value, c) => {
        if (value === null) expect(cells[c]).toBe('');
        else if (typeof value === 'string') expect(cells[c]).toBe(value);
        else expect(Number(cells[c])).toBe(Number(value));
      });
    });
    const help = await run('complexity', '--help');
    expect(help.stdout).toMatch(/--out <file>\s+output file: CSV, or Parquet when the name ends\s+in \.parquet/);
  });

  it('quotes labels that a spreadsheet would run as formulas', async () => {
    const text = join(dir, 'formula.csv');
    writeFileSync(
      text,
      'year,origin,hs92,export_val\n2017,=HYPERLINK(1),0101,5\n2017,-7,+0102,3\n2017,=HYPERLINK(1),+0102,1\n2017,-7,0101,2\n',
    );
    const out = join(dir, 'formula-out.csv');
    const { code } = await run(
      'complexity',
      '--input',
      text,
      '--time',
      'year',
      '--location',
      'origin',
      '--product',
      'hs92',
      '--value',
      'export_val',
      '--out',
      out,
    );
    expect(code).toBe(0);
    const keys = readFileSync(out, 'utf8')
      .trimEnd()
      .split('\n')
      .slice(1)
      .map((l) => l.split(',').slice(1, 3).join(' '));
    // Byte order: "+0102" < "0101", "-7" < "=HYPERLINK(1)"; "-7" and "+0102" are numbers, kept as they are.
    expect(keys).toEqual(['-7 +0102', '-7 0101', "'=HYPERLINK(1) +0102", "'=HYPERLINK(1) 0101"]);
  });

  it('maps every option; warnings go to stderr', async () => {
    const out = join(dir, 'rpop.csv');
    const { code, stderr } = await run(
      'complexity',
      ...input,
      '--presence',
      'rpop',
      '--population',
      fixtures + 'population_data_sample.csv',
      '--rca-threshold',
      '1',
      '--asymmetric',
      '--out',
      out,
    );
    expect(code).toBe(0);
    expect(stderr).toContain('warning: year 1995: no population for 1 location(s), dropped (rpop): blx');
    expect(readFileSync(out, 'utf8').split('\n')[0]).toBe(
      'year,origin,hs92,value,rpop,mcp,density,eci,pci,diversity,ubiquity,coi,cog',
    );
    const cont = await run(
      'complexity',
      ...input,
      '--continuous',
      '--rca-threshold',
      '0.5',
      '--out',
      join(dir, 'cont.csv'),
    );
    expect(cont.code).toBe(0);
  });

  it('--knn N: density over the N nearest products, as Stata knn(N); N must be 1..number of products', async () => {
    const out = join(dir, 'knn.csv');
    const { code, stderr } = await run('complexity', ...input, '--knn', '5', '--out', out);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
    const header = lines[0]!.split(',');
    const ours = new Map(
      lines.slice(1).map((line) => {
        const f = line.split(',');
        return [`${f[0]} ${f[1]} ${f[2]}`, Number(f[header.indexOf('density')])] as const;
      }),
    );
    const stata = readFileSync(fixtures + 'stata_knn_5.1995.csv', 'utf8')
      .trimEnd()
      .split('\n');
    const stataDensity = stata[0]!.split(',').indexOf('density');
    expect(stata.length).toBe(301);
    for (const line of stata.slice(1)) {
      const f = line.split(',');
      expect(Math.abs(ours.get(`${f[0]} ${f[1]} ${f[2]}`)! - Number(f[stataDensity]))).toBeLessThan(1e-12);
    }
    // The plain density of 1995 aut 1704 is 0.4625 (stata_ground_truth.csv); its 5 nearest give 0.52.
    expect(ours.get('1995 aut 1704')).toBeCloseTo(0.52, 12);

    for (const bad of ['0', '=-3', '2.5', 'ten', '']) {
      const flag = bad.startsWith('=') ? [`--knn${bad}`] : ['--knn', bad];
      const r = await run('complexity', ...input, ...flag, '--out', join(dir, 'x.csv'));
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`error KRV_OPT_INVALID: invalid knn: ${bad.replace(/^=/, '')}`);
    }
    const tooMany = await run('complexity', ...input, '--knn', '31', '--out', join(dir, 'x.csv'));
    expect(tooMany.code).toBe(1);
    expect(tooMany.stderr).toContain('error KRV_OPT_INVALID: invalid knn: 31 (year 1995 has 30 products)');
    const continuous = await run('complexity', ...input, '--knn', '5', '--continuous', '--out', join(dir, 'x.csv'));
    expect(continuous.code).toBe(1);
    expect(continuous.stderr).toContain(
      'error KRV_OPT_INVALID: invalid knn: 5 (not available with the continuous proximity)',
    );
  });

  it('explains bad flags and bad input with a code', async () => {
    const missing = await run('complexity', '--input', fixtures + 'trade_data_sample.csv', '--out', join(dir, 'x.csv'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/error KRV_OPT_MISSING: missing --time, --location, --product, --value/);
    const threshold = await run('complexity', ...input, '--rca-threshold', 'one', '--out', join(dir, 'x.csv'));
    expect(threshold.stderr).toMatch(/error KRV_OPT_INVALID: invalid rcaThreshold: one/);
    const presence = await run('complexity', ...input, '--presence', 'both', '--out', join(dir, 'x.csv'));
    expect(presence.stderr).toMatch(/error KRV_OPT_INVALID: invalid presence: both/);
    const column = await run('complexity', ...input.slice(0, -1), 'trade', '--out', join(dir, 'x.csv'));
    expect(column.stderr).toMatch(/error KRV_INGEST_BAD_HEADER: .*missing column\(s\) trade \(--value\)/);
    const text = join(dir, 'text.csv');
    writeFileSync(text, 'year,origin,hs92,export_val\n2017,a,0101,5\n2017,b,0101,n/a\n');
    const bad = await run(
      'complexity',
      '--input',
      text,
      '--time',
      'year',
      '--location',
      'origin',
      '--product',
      'hs92',
      '--value',
      'export_val',
      '--out',
      join(dir, 'x.csv'),
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/error KRV_INGEST_BAD_VALUE: .*text\.csv:3: export_val is not a finite number: "n\/a"/);
  });
});

describe('karavan complexity from the store', () => {
  it('--year 2017 --level hs4 --out writes the CSV or the Parquet through the same writer', async () => {
    const { home, store, cleanup } = await openTempStore(true);
    store.closeSync(); // the CLI opens it
    const before = process.env['KARAVAN_HOME'];
    process.env['KARAVAN_HOME'] = home;
    try {
      const csv = join(dir, 'store.csv');
      const a = await run('complexity', '--year', '2017', '--level', 'hs4', '--out', csv);
      expect(a.code).toBe(0);
      const rows = Number(/^wrote (\d+) rows \(ots 2017, HS4\) to /.exec(a.stdout)?.[1]);
      // The 142 countries the Atlas filter keeps, by their products.
      expect(rows).toBeGreaterThan(142 * 1000);
      expect(a.stderr).toMatch(/82 of 224 locations left out by the Atlas filter/);
      const lines = readFileSync(csv, 'utf8').trimEnd().split('\n');
      expect(lines[0]).toBe('year,exporter,product,value,rca,mcp,density,eci,pci,diversity,ubiquity,coi,cog');
      expect(lines.length).toBe(rows + 1);
      expect(lines[1]).toMatch(/^2017,[A-Z]{3},\d{4},\d+(\.\d+)?,/);
      const parquet = join(dir, 'store.parquet');
      const b = await run('complexity', '--year', '2017', '--level', 'hs4', '--out', parquet);
      expect(b.code).toBe(0);
      const back = (await parquetReadObjects({ file: await asyncBufferFromFile(parquet) })) as Record<
        string,
        unknown
      >[];
      expect(back.length).toBe(rows);
      expect(Object.values(back[0]!).slice(0, 3).join(',')).toBe(lines[1]!.split(',').slice(0, 3).join(','));
    } finally {
      if (before === undefined) delete process.env['KARAVAN_HOME'];
      else process.env['KARAVAN_HOME'] = before;
      cleanup();
    }
  });
});

describe('karavan product-space', () => {
  it("writes the graph with a country's position", async () => {
    const out = join(dir, 'graph.json');
    const { code, stdout } = await run(
      'product-space',
      ...input,
      '--year',
      '1995',
      '--country',
      'AUT',
      '--min-proximity',
      '0.6',
      '--out',
      out,
    );
    expect(code).toBe(0);
    const graph = JSON.parse(readFileSync(out, 'utf8'));
    expect(stdout).toBe(`wrote 30 nodes and ${graph.edges.length} edges (year 1995) to ${out}\n`);
    expect(graph.year).toBe(1995);
    expect(graph.minProximity).toBe(0.6);
    expect(graph.nodes[0]).toMatchObject({ product: '1704', section: 'IV' });
    expect(graph.edges.filter((e: { spanningTree: boolean }) => e.spanningTree).length).toBe(29);
    expect(graph.country.code).toBe('aut');
    expect(graph.country.positions.length).toBe(30);
  });

  it('prints JSON to stdout by default, for the latest year; names an unknown country or year', async () => {
    const { code, stdout } = await run('product-space', ...input);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).year).toBe(1996);
    const country = await run('product-space', ...input, '--country', 'xyz');
    expect(country.stderr).toMatch(/error KRV_REF_UNKNOWN_COUNTRY: location "xyz" is not in year 1996 of the panel/);
    const year = await run('product-space', ...input, '--year', '2001');
    expect(year.stderr).toMatch(/error KRV_REF_YEAR_OUT_OF_RANGE: year 2001 is not in the panel \(it has 1995-1996\)/);
  });
});
