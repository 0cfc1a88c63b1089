/**
 * The ingest pipeline, for one source file (which may be a zip of several CSVs):
 *
 *   1. stage:    each CSV -> one Parquet file of uniform raw columns, streamed by DuckDB's
 *                read_csv (typed columns, so a non-numeric value fails with its line number);
 *   2. check:    SQL over the staged Parquet (row numbers give file lines): years, negative or
 *                missing values, quantities, product codes, unknown countries, duplicate keys;
 *   3. finalise: one COPY into Hive-partitioned Parquet (source, year), codes mapped to ISO3,
 *                values converted to USD and tonnes.
 *
 * Nothing here touches the live store: the caller (store.ts) moves the finished files into
 * place and commits the manifest. Any error leaves only the staging folder, which is removed.
 */
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  BadArchiveError,
  BadProductCodeError,
  BadValueError,
  DuplicateRowError,
  EmptyFileError,
  KaravanError,
  MalformedCsvError,
  UnknownCountryCodeError,
  UnknownFormatError,
  YearOutOfRangeError,
} from '../errors.ts';
import type { Database, SqlValue } from './database.ts';
import type { DatasetFormat, DatasetKind } from './manifest.ts';
import { hsRevisionFromComtrade, planFormat, type FormatPlan, type PlanOptions } from './readers/formats.ts';
import { csvMemberFromFile, extractZipCsvMembers, type CsvMember, type SourceFile } from './readers/source-file.ts';
import { quoteIdentifier, quoteString, sqlList, sqlStruct } from './sql.ts';

/** Years a trade file may hold (UN Comtrade starts in 1962). */
export const yearRange = Object.freeze({ min: 1962, max: new Date().getUTCFullYear() });

export interface StagedDataset {
  format: DatasetFormat;
  kind: DatasetKind;
  source: string;
  hsRevision: string | null;
  /** Finished Parquet files, relative to `outDir`. */
  files: string[];
  outDir: string;
  rows: number;
  skippedRows: number;
  years: number[];
  productLevels: number[];
  exporters: number;
  importers: number;
  valueUsdTotal: number;
  notes: string[];
  members: string[];
  entities: string[];
}

interface StagedMember {
  member: CsvMember;
  plan: FormatPlan;
  parquet: string;
}

/** Finds the line and column in DuckDB's CSV error text and turns it into a typed error. */
export function csvErrorToKaravan(error: unknown, member: CsvMember): KaravanError {
  const message = error instanceof Error ? error.message : String(error);
  const file = member.displayName;
  const lineMatch = /CSV Error on Line: (\d+)/.exec(message);
  const line = lineMatch ? Number(lineMatch[1]) : undefined;
  const conversion = /Error when converting column "([^"]*)"\. Could not convert string "([^"]*)" to '([A-Z]+)'/.exec(message);
  if (conversion) {
    const [, column, value, type] = conversion;
    const expected = type === 'INTEGER' ? 'a whole number' : 'a number';
    return new BadValueError(`${file}:${line ?? '?'}: column "${column}" should hold ${expected}, found "${value}"`, { file, line, column, value, cause: error });
  }
  const fields = /Expected Number of Columns: (\d+) Found: (\d+)/.exec(message);
  if (fields) {
    return new MalformedCsvError(`${file}:${line ?? '?'}: expected ${fields[1]} fields as in the header, found ${fields[2]}`, { file, line, cause: error });
  }
  if (/unterminated quote/i.test(message)) {
    return new MalformedCsvError(`${file}:${line ?? '?'}: a quoted field is never closed`, { file, line, cause: error });
  }
  if (/unicode|utf-?8|encoding/i.test(message)) {
    return new MalformedCsvError(`${file}:${line ?? '?'}: the text is not valid UTF-8; save the file as UTF-8`, { file, line, cause: error });
  }
  if (/gzip|decompress|zlib|inflate/i.test(message)) {
    return new BadArchiveError(`${file}: the compressed data is damaged (${message.split('\n')[0]})`, { file, cause: error });
  }
  if (/maximum line size/i.test(message)) {
    return new MalformedCsvError(`${file}:${line ?? '?'}: a line is too long for a trade file (over 2 MB)`, { file, line, cause: error });
  }
  return new MalformedCsvError(`${file}: cannot read as CSV: ${message.split('\n')[0]}`, { file, line, cause: error });
}

function isCodeList(name: string): 'countries' | 'products' | undefined {
  const base = name.split('/').pop()!.toLowerCase();
  if (base.startsWith('country_codes')) return 'countries';
  if (base.startsWith('product_codes')) return 'products';
  return undefined;
}

/**
 * Adds country codes from a BACI release's own country list to this ingest's alias table,
 * so a release that introduces a code (e.g. 380 for Italy instead of 381) is understood.
 */
async function addReleaseCountryCodes(db: Database, member: CsvMember): Promise<void> {
  const lower = member.header.map((h) => h.toLowerCase());
  const code = member.header[lower.indexOf('country_code')];
  const iso3 = member.header[lower.findIndex((h) => h === 'iso_3digit_alpha' || h === 'country_iso3')];
  if (!code || !iso3) return;
  await db.run(
    `INSERT INTO ingest_alias
       SELECT DISTINCT CAST(CAST(${quoteIdentifier(code)} AS INTEGER) AS VARCHAR) AS code, a.iso3
         FROM read_csv($1, header = true, all_varchar = true) r
         JOIN country_alias a ON a.code = upper(trim(r.${quoteIdentifier(iso3)}))
        WHERE TRY_CAST(${quoteIdentifier(code)} AS INTEGER) IS NOT NULL
          AND CAST(CAST(${quoteIdentifier(code)} AS INTEGER) AS VARCHAR) NOT IN (SELECT code FROM ingest_alias)`,
    [member.readPath],
  );
}

async function stageMember(db: Database, member: CsvMember, plan: FormatPlan, parquet: string): Promise<void> {
  const select = plan.staging.map((c) => `${c.sql} AS ${quoteIdentifier(c.name)}`).join(', ');
  try {
    await db.run(
      `COPY (SELECT ${select} FROM read_csv($1, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"',
                    strict_mode = true, null_padding = false, max_line_size = 2097152,
                    compression = $2, columns = ${sqlStruct(plan.csvColumns)}))
       TO ${quoteString(parquet)} (FORMAT parquet)`,
      [member.readPath, member.compression === 'gzip' ? 'gzip' : 'none'],
    );
  } catch (error) {
    throw csvErrorToKaravan(error, member);
  }
}

type Hit = Record<string, unknown> & { file_row_number: number };

/** The first staged row (in file order) matching `where`; `$1` is the Parquet path, `$2...` are `params`. */
async function firstHit(db: Database, parquet: string, where: string, columns: string, params: SqlValue[] = []): Promise<Hit | undefined> {
  return db.one<Hit>(
    `SELECT ${columns} FROM read_parquet($1, file_row_number = true) WHERE ${where} ORDER BY file_row_number LIMIT 1`,
    [parquet, ...params],
  );
}

const lineOf = (hit: Hit) => hit.file_row_number + 2;
const text = (value: unknown) => (value === null || value === undefined ? '' : String(value));

/** Product codes each format accepts (before zero-padding). */
function productPattern(plan: FormatPlan): { regex: string; expected: string } {
  if (plan.format === 'baci') return { regex: '[0-9]{5,6}', expected: 'a 6-digit HS code (BACI writes 5 digits when the leading zero is dropped)' };
  return { regex: '[0-9]{1,6}', expected: 'an HS code of 2, 4 or 6 digits' };
}

async function checkMember(db: Database, staged: StagedMember): Promise<number> {
  const { member, plan, parquet } = staged;
  const file = member.displayName;
  const header = (name: string) => plan.staging.find((c) => c.name === name)?.header ?? undefined;
  const counts = await db.one<{ n: number; kept: number }>(
    `SELECT count(*)::DOUBLE AS n, count(*) FILTER (WHERE keep)::DOUBLE AS kept FROM read_parquet($1)`,
    [parquet],
  );
  if (!counts || counts.n === 0) throw new EmptyFileError(`${file} has a header but no data rows`, { file, line: 2 });
  if (counts.kept === 0) {
    throw new EmptyFileError(`${file}: none of its ${counts.n} rows is usable (all are re-exports, totals or breakdowns)`, { file });
  }
  if (plan.staging.some((c) => c.name === 'frequency')) {
    const monthly = await firstHit(db, parquet, `frequency IS NOT NULL AND upper(trim(frequency)) NOT IN ('A', '')`, 'file_row_number, frequency');
    if (monthly) {
      throw new UnknownFormatError(`${file}:${lineOf(monthly)}: monthly data (freqCode ${text(monthly['frequency'])}); download annual data (frequency A)`, {
        file,
        line: lineOf(monthly),
        column: header('frequency'),
        value: text(monthly['frequency']),
      });
    }
  }
  const year = await firstHit(db, parquet, `keep AND (year IS NULL OR year < $2 OR year > $3)`, 'file_row_number, year', [yearRange.min, yearRange.max]);
  if (year) {
    throw new YearOutOfRangeError(`${file}:${lineOf(year)}: year ${text(year['year']) || '(empty)'} is outside ${yearRange.min}-${yearRange.max}`, {
      file,
      line: lineOf(year),
      column: header('year'),
      value: text(year['year']),
    });
  }
  const value = await firstHit(db, parquet, `keep AND (value_raw IS NULL OR value_raw < 0 OR isnan(value_raw) OR isinf(value_raw))`, 'file_row_number, value_raw');
  if (value) {
    const raw = value['value_raw'];
    const why = raw === null ? 'is empty' : Number(raw) < 0 ? `is negative (${text(raw)})` : `is not a finite number (${text(raw)})`;
    throw new BadValueError(`${file}:${lineOf(value)}: the trade value ${why}`, { file, line: lineOf(value), column: header('value_raw'), value: text(raw) });
  }
  if (plan.qtyToTonnes !== null) {
    const qtyCast = `TRY_CAST(trim(qty_raw) AS DOUBLE)`;
    const qty = await firstHit(
      db,
      parquet,
      `keep AND qty_raw IS NOT NULL AND upper(trim(qty_raw)) NOT IN ('NA', '') AND (${qtyCast} IS NULL OR ${qtyCast} < 0 OR isnan(${qtyCast}) OR isinf(${qtyCast}))`,
      'file_row_number, qty_raw',
    );
    if (qty) {
      throw new BadValueError(`${file}:${lineOf(qty)}: the quantity "${text(qty['qty_raw']).trim()}" is not a non-negative number (or NA)`, {
        file,
        line: lineOf(qty),
        column: header('qty_raw'),
        value: text(qty['qty_raw']).trim(),
      });
    }
  }
  const { regex, expected } = productPattern(plan);
  const product = await firstHit(db, parquet, `keep AND (product_code IS NULL OR NOT regexp_full_match(trim(product_code), ${quoteString(regex)}))`, 'file_row_number, product_code');
  if (product) {
    throw new BadProductCodeError(`${file}:${lineOf(product)}: product code "${text(product['product_code'])}" is not ${expected}`, {
      file,
      line: lineOf(product),
      column: header('product_code'),
      value: text(product['product_code']),
    });
  }
  const countryColumns = plan.kind === 'flows' ? ['exporter_code', 'importer_code', 'reporter_code'] : ['exporter_code'];
  for (const column of countryColumns) {
    const hit = await db.one<Hit>(
      `SELECT s.file_row_number, s.${quoteIdentifier(column)} AS code
         FROM read_parquet($1, file_row_number = true) s
        WHERE s.keep AND s.${quoteIdentifier(column)} IS NOT NULL
          AND upper(trim(s.${quoteIdentifier(column)})) NOT IN (SELECT code FROM ingest_alias)
        ORDER BY s.file_row_number LIMIT 1`,
      [parquet],
    );
    if (hit) {
      const columnName =
        header(column) ?? (plan.format === 'comtrade' ? (column === 'reporter_code' ? header('reporter_code') : header('partner_raw')) : undefined);
      throw new UnknownCountryCodeError(`${file}:${lineOf(hit)}: country code "${text(hit['code'])}" is not in the country list`, {
        file,
        line: lineOf(hit),
        column: columnName,
        value: text(hit['code']),
        hint: 'karavan countries --search <name> lists the known codes (BACI numeric, ISO numeric, ISO2, ISO3)',
      });
    }
  }
  const keyColumns = plan.kind === 'flows' ? 'year, exporter_code, importer_code, reporter_code, product_code' : 'year, exporter_code, product_code';
  const duplicate = await db.one<{ first: number; second: number; year: number; exporter_code: string; product_code: string }>(
    `SELECT ${keyColumns}, min(file_row_number) AS first, max(file_row_number) AS second
       FROM read_parquet($1, file_row_number = true) WHERE keep
      GROUP BY ${keyColumns} HAVING count(*) > 1 ORDER BY first LIMIT 1`,
    [parquet],
  );
  if (duplicate) {
    throw new DuplicateRowError(
      `${file}:${duplicate.second + 2}: repeats the key of line ${duplicate.first + 2} (year ${duplicate.year}, exporter ${duplicate.exporter_code}, product ${duplicate.product_code})`,
      { file, line: duplicate.second + 2, value: `${duplicate.year}/${duplicate.exporter_code}/${duplicate.product_code}` },
    );
  }
  return counts.n - counts.kept;
}

/** Six, four or two digits: codes that lost a leading zero (odd length) get it back. */
const productSql = `CASE WHEN length(trim(s.product_code)) % 2 = 1 THEN '0' || trim(s.product_code) ELSE trim(s.product_code) END`;

async function finalise(db: Database, staged: StagedMember[], outDir: string, datasetId: string): Promise<void> {
  const plan = staged[0]!.plan;
  const sources = sqlList(staged.map((s) => s.parquet));
  const alias = (column: string, name: string) =>
    `JOIN ingest_alias ${name} ON ${name}.code = upper(trim(s.${quoteIdentifier(column)}))`;
  const options = `(FORMAT parquet, PARTITION_BY (source, year), FILENAME_PATTERN ${quoteString(datasetId + '_{i}')}, COMPRESSION zstd, OVERWRITE_OR_IGNORE)`;
  if (plan.kind === 'flows') {
    const qty =
      plan.qtyToTonnes === null
        ? 'NULL::DOUBLE'
        : `CASE WHEN s.qty_raw IS NULL OR upper(trim(s.qty_raw)) IN ('NA', '') THEN NULL ELSE CAST(trim(s.qty_raw) AS DOUBLE) * $2 END`;
    await db.run(
      `COPY (SELECT s.year, ex.iso3 AS exporter, im.iso3 AS importer, ${productSql} AS product, $3::VARCHAR AS hs_revision,
                    s.value_raw * $1 AS value_usd, ${qty} AS qty_tonnes, rep.iso3 AS reporter, $4::VARCHAR AS dataset_id, $5::VARCHAR AS source
               FROM read_parquet(${sources}) s
               ${alias('exporter_code', 'ex')}
               ${alias('importer_code', 'im')}
               LEFT ${alias('reporter_code', 'rep')}
              WHERE s.keep)
       TO ${quoteString(outDir)} ${options}`,
      [plan.valueToUsd, plan.qtyToTonnes ?? 1, plan.hsRevision, datasetId, plan.source],
    );
  } else {
    await db.run(
      `COPY (SELECT s.year, ex.iso3 AS exporter, ${productSql} AS product, length(${productSql})::INTEGER AS product_level,
                    $2::VARCHAR AS hs_revision, s.value_raw * $1 AS value_usd, $3::VARCHAR AS dataset_id, $4::VARCHAR AS source
               FROM read_parquet(${sources}) s
               ${alias('exporter_code', 'ex')}
              WHERE s.keep)
       TO ${quoteString(outDir)} ${options}`,
      [plan.valueToUsd, plan.hsRevision, datasetId, plan.source],
    );
  }
}

function listParquet(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.parquet')) out.push(relative(dir, path));
    }
  };
  walk(dir);
  return out.sort();
}

/**
 * Runs stage, check and finalise for `source` inside `stagingDir`. The database must have the
 * reference views (country_alias) attached.
 */
export async function stageDataset(db: Database, source: SourceFile, stagingDir: string, datasetId: string, options: PlanOptions): Promise<StagedDataset> {
  mkdirSync(stagingDir, { recursive: true });
  const members =
    source.container === 'zip'
      ? await extractZipCsvMembers(source.path, stagingDir)
      : [await csvMemberFromFile(source.path, source.container === 'gzip' ? 'gzip' : 'none', source.fileName, source.fileName)];

  await db.run(`CREATE OR REPLACE TEMP TABLE ingest_alias AS SELECT code, iso3 FROM country_alias`);
  const dataMembers: CsvMember[] = [];
  for (const member of members) {
    const codeList = isCodeList(member.memberName);
    if (codeList === 'countries') await addReleaseCountryCodes(db, member);
    else if (!codeList) dataMembers.push(member);
  }
  if (dataMembers.length === 0) throw new BadArchiveError(`${source.fileName}: no data CSV besides code lists`, { file: source.path });

  const staged: StagedMember[] = [];
  for (const [index, member] of dataMembers.entries()) {
    const plan = planFormat(member.header, member.displayName, member.memberName, options);
    if (staged.length > 0 && (plan.format !== staged[0]!.plan.format || plan.kind !== staged[0]!.plan.kind)) {
      throw new UnknownFormatError(`${member.displayName} is a ${plan.format} file but ${staged[0]!.member.displayName} is ${staged[0]!.plan.format}; ingest them separately`, {
        file: member.displayName,
      });
    }
    const parquet = join(stagingDir, `stage-${index}.parquet`);
    await stageMember(db, member, plan, parquet);
    staged.push({ member, plan, parquet });
  }
  let skippedRows = 0;
  for (const member of staged) skippedRows += await checkMember(db, member);

  // Members of one release may mix HS revisions only if the user forced one; keep the first's.
  const revisions = [...new Set(staged.map((s) => s.plan.hsRevision))];
  const plan = staged[0]!.plan;
  if (plan.format === 'comtrade' && plan.hsRevision === null) {
    const found = await db.all<{ c: string }>(
      `SELECT DISTINCT upper(trim(classification)) AS c FROM read_parquet(${sqlList(staged.map((s) => s.parquet))}) WHERE keep AND classification IS NOT NULL`,
    );
    const mapped = [...new Set(found.map((r) => hsRevisionFromComtrade(r.c)).filter((r): r is string => r !== null))];
    if (mapped.length === 1) for (const s of staged) s.plan.hsRevision = mapped[0]!;
  }
  const outDir = join(stagingDir, 'out');
  await finalise(db, staged, outDir, datasetId);
  const files = listParquet(outDir);
  const stats = await db.one<{ rows: number; years: number[]; levels: number[]; exporters: number; importers: number; total: number }>(
    plan.kind === 'flows'
      ? `SELECT count(*)::DOUBLE AS rows, list_sort(list_distinct(list(year))) AS years, list_sort(list_distinct(list(length(product)))) AS levels,
                count(DISTINCT exporter)::DOUBLE AS exporters, count(DISTINCT importer)::DOUBLE AS importers, coalesce(sum(value_usd), 0) AS total
           FROM read_parquet($1, hive_partitioning = true)`
      : `SELECT count(*)::DOUBLE AS rows, list_sort(list_distinct(list(year))) AS years, list_sort(list_distinct(list(product_level))) AS levels,
                count(DISTINCT exporter)::DOUBLE AS exporters, 0::DOUBLE AS importers, coalesce(sum(value_usd), 0) AS total
           FROM read_parquet($1, hive_partitioning = true)`,
    [join(outDir, '**', '*.parquet')],
  );
  const entityRows = await db.all<{ e: string }>(
    `SELECT DISTINCT ${plan.format === 'comtrade' ? 'reporter' : 'exporter'} AS e FROM read_parquet($1, hive_partitioning = true) WHERE e IS NOT NULL ORDER BY e`,
    [join(outDir, '**', '*.parquet')],
  );
  const notes = [...plan.notes];
  if (skippedRows > 0) notes.push(`${skippedRows} rows skipped by the format's rules (see above)`);
  if (revisions.length > 1) notes.push(`members carry several HS revisions (${revisions.join(', ')}); stored as ${String(plan.hsRevision)}`);
  return {
    format: plan.format,
    kind: plan.kind,
    source: plan.source,
    hsRevision: staged[0]!.plan.hsRevision,
    files,
    outDir,
    rows: stats?.rows ?? 0,
    skippedRows,
    years: (stats?.years ?? []).map(Number),
    productLevels: (stats?.levels ?? []).map(Number),
    exporters: stats?.exporters ?? 0,
    importers: stats?.importers ?? 0,
    valueUsdTotal: stats?.total ?? 0,
    notes,
    members: dataMembers.map((m) => m.displayName),
    entities: entityRows.map((r) => r.e),
  };
}
