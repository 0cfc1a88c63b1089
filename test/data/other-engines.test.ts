/**
 * The store's Parquet files read back with an independent reader (hyparquet, a pure-JavaScript
 * Parquet implementation that shares no code with DuckDB): the schema documented in
 * docs/store.md, the Hive layout, and every row and value the manifest promises. This is what
 * lets Spark, Trino or another DuckDB query the same files (docs/store.md, "Reading the files
 * with other engines").
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from 'hyparquet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TradeStore } from '../../src/data/index.ts';
import { writeBaciLike } from '../support/generate.ts';
import { openTempStore, writeTemp } from '../support/store.ts';

/** The flow and exporter-table file schemas as docs/store.md documents them: name, Parquet physical type. */
const flowSchema = [
  ['year', 'INT32'],
  ['exporter', 'BYTE_ARRAY'],
  ['importer', 'BYTE_ARRAY'],
  ['product', 'BYTE_ARRAY'],
  ['hs_revision', 'BYTE_ARRAY'],
  ['value_usd', 'DOUBLE'],
  ['qty_tonnes', 'DOUBLE'],
  ['reporter', 'BYTE_ARRAY'],
  ['dataset_id', 'BYTE_ARRAY'],
  ['source', 'BYTE_ARRAY'],
];
const exportsSchema = [
  ['year', 'INT32'],
  ['exporter', 'BYTE_ARRAY'],
  ['product', 'BYTE_ARRAY'],
  ['product_level', 'INT32'],
  ['hs_revision', 'BYTE_ARRAY'],
  ['value_usd', 'DOUBLE'],
  ['dataset_id', 'BYTE_ARRAY'],
  ['source', 'BYTE_ARRAY'],
];
/** The summaries written at ingest beside a flow dataset (docs/store.md): totals by pair, and exports to the world. */
const pairSchema = [
  ['year', 'INT32'],
  ['exporter', 'BYTE_ARRAY'],
  ['importer', 'BYTE_ARRAY'],
  ['reporter', 'BYTE_ARRAY'],
  ['flow_count', 'INT64'],
  ['value_usd', 'DOUBLE'],
  ['dataset_id', 'BYTE_ARRAY'],
  ['source', 'BYTE_ARRAY'],
];
const worldExportSchema = [
  ['year', 'INT32'],
  ['exporter', 'BYTE_ARRAY'],
  ['product', 'BYTE_ARRAY'],
  ['flow_count', 'INT64'],
  ['value_usd', 'DOUBLE'],
  ['qty_tonnes', 'DOUBLE'],
  ['value_with_qty_usd', 'DOUBLE'],
  ['dataset_id', 'BYTE_ARRAY'],
  ['source', 'BYTE_ARRAY'],
];

interface ManifestDataset {
  id: string;
  kind: 'flows' | 'exports';
  rows: number;
  valueUsdTotal: number;
  files: string[];
  pairFiles?: string[];
  worldExportFiles?: string[];
}

type Row = Record<string, unknown>;

async function readWithHyparquet(path: string): Promise<{ schema: string[][]; rows: Row[] }> {
  const file = await asyncBufferFromFile(path);
  const metadata = await parquetMetadataAsync(file);
  // The first schema element is the root; the rest are the columns (no nesting in the store).
  const schema = metadata.schema.slice(1).map((element) => [element.name, String(element.type)]);
  const rows = (await parquetReadObjects({ file })) as Row[];
  expect(rows.length).toBe(Number(metadata.num_rows));
  return { schema, rows };
}

describe('the store read by an independent Parquet reader', () => {
  let store: TradeStore;
  let home: string;
  let cleanup: () => void;

  beforeAll(async () => {
    ({ store, home, cleanup } = await openTempStore());
    // A multi-year BACI-shaped file (split by year on ingest) beside the embedded one-year files.
    const multiYear = join(home, '..', `${home.split('/').pop()}-BACI_HS92_multi.csv`);
    await writeBaciLike(multiYear, 20_000, { yearsFirst: true });
    await store.ingest(multiYear);
    // A UN Comtrade-like exporter table too: the `exports` kind with a mapped header.
    await store.ingest(
      writeTemp(
        home,
        'exports_table.csv',
        'year,exporter,product,value_usd\n2019,BLR,8433,1000.5\n2019,KAZ,8433,20\n2020,BLR,870190,7\n',
      ),
      { format: 'exports', source: 'mytable' },
    );
  }, 120_000);
  afterAll(() => cleanup());

  it('every live file has the documented schema, lies in its Hive partition and holds what the manifest says', async () => {
    const manifest = JSON.parse(readFileSync(join(home, 'manifest.json'), 'utf8')) as { datasets: ManifestDataset[] };
    expect(manifest.datasets.length).toBe(4);
    let filesRead = 0;
    for (const dataset of manifest.datasets) {
      let rows = 0;
      let valueUsd = 0;
      for (const relativePath of dataset.files) {
        const [kind, sourcePart, yearPart] = relativePath.split('/');
        expect(kind).toBe(dataset.kind);
        const source = /^source=(.+)$/.exec(sourcePart!)?.[1];
        const year = Number(/^year=(\d{4})$/.exec(yearPart!)?.[1]);
        expect(source).toBeDefined();
        const { schema, rows: fileRows } = await readWithHyparquet(join(home, relativePath));
        expect(schema).toEqual(dataset.kind === 'flows' ? flowSchema : exportsSchema);
        // The partition columns inside the file agree with its folder, every row belongs to its
        // dataset, and products are zero-padded strings (counted, then asserted once: 177k rows).
        let misplaced = 0;
        for (const row of fileRows) {
          if (row['year'] !== year || row['source'] !== source || row['dataset_id'] !== dataset.id) misplaced++;
          if (typeof row['product'] !== 'string' || !/^\d{2}(\d{2}){0,2}$/.test(row['product'])) misplaced++;
          valueUsd += row['value_usd'] as number;
        }
        expect(misplaced).toBe(0);
        rows += fileRows.length;
        filesRead++;
      }
      expect(rows).toBe(dataset.rows);
      expect(valueUsd).toBeCloseTo(dataset.valueUsdTotal, -1);
    }
    // The embedded exports and flows, several years of the generated file, two of the table.
    expect(filesRead).toBeGreaterThanOrEqual(7);
  });

  it("a flow dataset's pair totals and world exports have their documented schema and add up to its flows", async () => {
    const manifest = JSON.parse(readFileSync(join(home, 'manifest.json'), 'utf8')) as { datasets: ManifestDataset[] };
    const flows = manifest.datasets.filter((d) => d.kind === 'flows');
    expect(flows.length).toBeGreaterThanOrEqual(2);
    for (const dataset of flows) {
      const summaries = [
        { files: dataset.pairFiles ?? [], folder: 'pairs', schema: pairSchema },
        { files: dataset.worldExportFiles ?? [], folder: 'world-exports', schema: worldExportSchema },
      ];
      for (const { files, folder, schema: expected } of summaries) {
        expect(files.length, `${dataset.id} ${folder}`).toBeGreaterThan(0);
        let flowCount = 0;
        let valueUsd = 0;
        for (const relativePath of files) {
          expect(relativePath.split('/')[0]).toBe(folder);
          const { schema, rows } = await readWithHyparquet(join(home, relativePath));
          expect(schema).toEqual(expected);
          for (const row of rows) {
            flowCount += Number(row['flow_count']);
            valueUsd += row['value_usd'] as number;
          }
        }
        // No self-trade or WLD partner in these files: the world exports hold every flow too.
        expect(flowCount, `${dataset.id} ${folder}`).toBe(dataset.rows);
        expect(valueUsd).toBeCloseTo(dataset.valueUsdTotal, -1);
      }
    }
  });

  it('reads the same rows as DuckDB, value for value', async () => {
    const manifest = JSON.parse(readFileSync(join(home, 'manifest.json'), 'utf8')) as { datasets: ManifestDataset[] };
    const multi = manifest.datasets.find((d) => d.kind === 'flows' && d.rows === 20_000)!;
    const path = join(
      home,
      multi.files.find((f) => f.includes('year=2019'))!,
    );
    const independent = (await readWithHyparquet(path)).rows
      .map((r) => `${r['exporter']}|${r['importer']}|${r['product']}|${r['value_usd']}|${r['qty_tonnes']}`)
      .sort();
    const duck = (
      await store.query<Row>(
        `SELECT exporter, importer, product, value_usd, qty_tonnes FROM flows WHERE dataset_id = $1 AND year = 2019`,
        [multi.id],
      )
    )
      .map((r) => `${r['exporter']}|${r['importer']}|${r['product']}|${r['value_usd']}|${r['qty_tonnes']}`)
      .sort();
    expect(independent.length).toBeGreaterThan(100);
    expect(independent).toEqual(duck);
  });

  it('docs/store.md documents every column the files hold', () => {
    const doc = readFileSync(new URL('../../docs/store.md', import.meta.url), 'utf8');
    for (const [name] of [...flowSchema, ...exportsSchema, ...pairSchema, ...worldExportSchema])
      expect(doc).toContain(`\`${name}\``);
    expect(doc).toMatch(/Spark/);
    expect(doc).toMatch(/Trino/);
  });
});
