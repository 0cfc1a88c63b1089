/**
 * The raw source files read the way someone checking Karavan by hand would: gunzip, split the CSV
 * lines, sum. Nothing here imports Karavan's code, so figures computed from these rows are
 * independent expectations for the CLI and the API, not a second call of the core.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

/** The embedded BACI HS92 2021 slice: every flow exported by Afghanistan (4) or South Africa (710). */
export const embeddedBaciSlice = new URL(
  '../../data/embedded/BACI_HS92_Y2021_V202301_from_AFG_ZAF.csv.gz',
  import.meta.url,
).pathname;
/** The embedded OTS exports by country and HS4 product, 2017. */
export const embeddedOtsExports = new URL('../../data/embedded/ots_exports_hs4_2017.csv.gz', import.meta.url).pathname;
/** The embedded HS 2022 nomenclature in English. */
export const embeddedHsEnglish = new URL('../../data/embedded/hs2022_en.csv.gz', import.meta.url).pathname;

/** The embedded BACI country table (code, abbreviation, full name, ISO2, ISO3). */
export const embeddedBaciCountryCodes = new URL(
  '../../data/embedded/baci_country_codes_V202201.csv.gz',
  import.meta.url,
).pathname;

/** BACI numeric country codes used in the tests. */
export const baciCode = { AFG: 4, BLR: 112, KAZ: 398, RUS: 643, ZAF: 710 } as const;

export interface BaciRow {
  year: number;
  exporter: number;
  importer: number;
  /** Six digits: BACI drops the leading zero, so it is put back. */
  product: string;
  valueUsd: number;
  tonnes: number | null;
}

function text(path: string): string {
  const bytes = readFileSync(path);
  return (path.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
}

/** Data lines of a CSV file (header dropped, empty lines skipped). */
export function csvLines(path: string): string[] {
  return text(path)
    .split(/\r?\n/)
    .slice(1)
    .filter((line) => line.trim() !== '');
}

/** The rows of a BACI CSV (t,i,j,k,v,q; v in thousand USD, q in tonnes or NA). */
export function readBaciRows(path: string): BaciRow[] {
  return csvLines(path).map((line) => {
    const [t, i, j, k, v, q] = line.split(',');
    const tonnes = q!.replaceAll('"', '').trim();
    return {
      year: Number(t),
      exporter: Number(i),
      importer: Number(j),
      product: k!.padStart(6, '0'),
      valueUsd: Number(v) * 1000,
      tonnes: tonnes === 'NA' ? null : Number(tonnes),
    };
  });
}

export interface OtsRow {
  iso3: string;
  product: string;
  valueUsd: number;
}

/** The rows of the OTS export table (year, reporter_iso, product_code, export_value_usd). */
export function readOtsRows(path = embeddedOtsExports): OtsRow[] {
  return csvLines(path).map((line) => {
    const [, reporter, product, value] = line.split(',');
    return { iso3: reporter!.toUpperCase(), product: product!, valueUsd: Number(value) };
  });
}

/** Sum of `valueUsd` over the rows that pass the filter. */
export function sumUsd<T extends { valueUsd: number }>(
  rows: readonly T[],
  keep: (row: T) => boolean = () => true,
): number {
  let total = 0;
  for (const row of rows) if (keep(row)) total += row.valueUsd;
  return total;
}

/**
 * Balassa RCA over rows, (x_cp / x_c) / (x_p / x), built in one pass: `exporterOf` and `productOf`
 * name a row's exporter and product (e.g. the HS4 heading of an HS6 row). Returns the lookup and the
 * products seen.
 */
export function rcaTable<T extends { valueUsd: number }>(
  rows: readonly T[],
  exporterOf: (row: T) => string | number,
  productOf: (row: T) => string,
): { rca: (exporter: string | number, product: string) => number; products: string[] } {
  const cell = new Map<string, number>();
  const byExporter = new Map<string | number, number>();
  const byProduct = new Map<string, number>();
  let world = 0;
  for (const row of rows) {
    const exporter = exporterOf(row);
    const product = productOf(row);
    const key = `${exporter}\u0000${product}`;
    cell.set(key, (cell.get(key) ?? 0) + row.valueUsd);
    byExporter.set(exporter, (byExporter.get(exporter) ?? 0) + row.valueUsd);
    byProduct.set(product, (byProduct.get(product) ?? 0) + row.valueUsd);
    world += row.valueUsd;
  }
  return {
    rca: (exporter, product) =>
      (cell.get(`${exporter}\u0000${product}`) ?? 0) / byExporter.get(exporter)! / (byProduct.get(product)! / world),
    products: [...byProduct.keys()],
  };
}
