/**
 * The ingest pipeline for one source file (a CSV, a .csv.gz, or a zip of several CSVs).
 *
 * One pass per CSV: DuckDB's read_csv streams the file (typed columns, so a non-numeric value
 * fails with its line number), country codes are mapped to ISO3 by a join, values converted to
 * USD and tonnes, and the rows written straight into Hive-partitioned Parquet (source, year) in
 * the ingest's staging folder. Every row-level check runs inside that same pass: a bad cell
 * makes the query raise (DuckDB's `error()`), and only then does a second, single-threaded
 * read of the CSV find the first offending line to report. The pass costs about what DuckDB's
 * own CSV -> Parquet COPY costs. Two rows with one key are found on the finished Parquet files:
 * for flows as a by-product of the pass that writes their world exports (worldExportsKeyCheck),
 * for exporter tables by grouping the keys; then the lines are located in the CSV.
 *
 * Nothing here touches the live store: the caller (store.ts) moves the finished files into
 * place and commits the manifest. Any error leaves only the staging folder, which is removed.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  BadArchiveError,
  BadProductCodeError,
  BadValueError,
  DuplicateRowError,
  EmptyFileError,
  type KaravanError,
  MalformedCsvError,
  UnknownCountryCodeError,
  UnknownFormatError,
  YearOutOfRangeError,
} from '../errors.ts';
import { Database, type SqlValue } from './database.ts';
import { environmentError } from './environment.ts';
import type { DatasetFormat, DatasetKind } from './manifest.ts';
import {
  planFormat,
  sqlInList,
  witsExportFlowNames,
  witsImportFlowNames,
  type FormatPlan,
  type PlanOptions,
} from './readers/formats.ts';
import {
  csvMemberFromFile,
  extractZipCsvMembers,
  normaliseLineEnds,
  scanLinesAfterHeader,
  type CsvMember,
  type SourceFile,
} from './readers/source-file.ts';

/** DuckDB's max_line_size in every read of a trade file (2 MB): no real trade row comes near it. */
const maxLineBytes = 2_097_152;
import { quoteIdentifier, quoteString, sqlList, sqlStruct } from './sql.ts';
import { pairTotalsSql, worldExportsColumnsSql, worldExportsSql, worldPartnerSql } from './summaries.ts';

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
  /** Flows only: totals by year and pair, relative to `pairsDir`. */
  pairFiles: string[];
  pairsDir: string;
  /** Flows only: exports to the world by year, exporter and product, relative to `worldExportsDir`. */
  worldExportFiles: string[];
  worldExportsDir: string;
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

/** Finds the line and column in DuckDB's CSV error text and turns it into a typed error. */
export function csvErrorToKaravan(error: unknown, member: CsvMember): KaravanError {
  const message = error instanceof Error ? error.message : String(error);
  const file = member.displayName;
  // DuckDB reports a full disk or a read-only folder while writing the staged Parquet as an IO error of the read.
  if (/no space left on device|disk quota exceeded|read-only file system/i.test(message))
    return environmentError(error, `ingesting ${file}`, member.readPath)!;
  const lineMatch = /CSV Error on Line: (\d+)/.exec(message);
  const line = lineMatch ? Number(lineMatch[1]) : undefined;
  // The value may itself hold quotes (1"2): matched up to the last `" to '` of the line.
  const conversion = /Error when converting column "([^"]*)"\. Could not convert string "(.*)" to '([A-Z]+)'/.exec(
    message,
  );
  if (conversion) {
    const [, column, value, type] = conversion;
    const expected = type === 'INTEGER' ? 'a whole number' : 'a number';
    return new BadValueError(`${file}:${line ?? '?'}: column "${column}" should hold ${expected}, found "${value}"`, {
      file,
      line,
      column,
      value,
      cause: error,
    });
  }
  const fields = /Expected Number of Columns: (\d+) Found: (\d+)/.exec(message);
  if (fields) {
    return new MalformedCsvError(
      `${file}:${line ?? '?'}: expected ${fields[1]} fields as in the header, found ${fields[2]}`,
      { file, line, cause: error },
    );
  }
  if (/unterminated quote/i.test(message)) {
    return new MalformedCsvError(`${file}:${line ?? '?'}: a quoted field is never closed`, {
      file,
      line,
      cause: error,
    });
  }
  if (/unicode|utf-?8|encoding/i.test(message)) {
    return new MalformedCsvError(`${file}:${line ?? '?'}: the text is not valid UTF-8; save the file as UTF-8`, {
      file,
      line,
      cause: error,
    });
  }
  if (/gzip|decompress|zlib|inflate/i.test(message)) {
    return new BadArchiveError(`${file}: the compressed data is damaged (${message.split('\n')[0]})`, {
      file,
      cause: error,
    });
  }
  if (/state machine reached an invalid state/i.test(message)) {
    return new MalformedCsvError(
      `${file}: cannot be read as CSV (mixed line ends, or quotes not written as RFC 4180 says)`,
      { file, line, cause: error },
    );
  }
  if (/maximum line size/i.test(message)) {
    return new MalformedCsvError(`${file}:${line ?? '?'}: a line is too long for a trade file (over 2 MB)`, {
      file,
      line,
      cause: error,
    });
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

/** A row-level rule: `bad` is SQL over the staged row `s` (and the alias joins) that is true when the row breaks it. */
interface RowCheck {
  kind: string;
  badSql: string;
  /** The offending text, for the message. */
  rawSql: string;
  column: string | undefined;
  fail(file: string, line: number | undefined, value: string): KaravanError;
}

const marker = 'KRVCHECK';

/**
 * The stored product code: BACI codes are always six digits (a five-digit code lost its
 * leading zero); other sources give 2, 4 or 6 digits, and an odd length lost a zero.
 */
function productSql(plan: FormatPlan): string {
  return plan.format === 'baci'
    ? `lpad(CAST(CAST(s.product_code AS INTEGER) AS VARCHAR), 6, '0')`
    : `CASE WHEN length(s.product_code) % 2 = 1 THEN '0' || s.product_code ELSE s.product_code END`;
}
/** Quantity as a number; NULL for missing cells, `NA` (BACI's padded "      NA") and text that is not a number. */
const qtyCastSql = `TRY_CAST(s.qty_raw AS DOUBLE)`;
const qtyMissingSql = `(s.qty_raw IS NULL OR trim(s.qty_raw) IN ('NA', ''))`;
/** A finite, non-negative number (DuckDB orders NaN above every number, so BETWEEN excludes it). */
const finiteNonNegativeSql = (sql: string) => `coalesce(${sql} BETWEEN 0 AND 1e300, false)`;
/** A number read as DOUBLE (years, BACI codes), as the file wrote it: 2020, not 2020.0. */
const numberTextSql = (sql: string) => `regexp_replace(CAST(${sql} AS VARCHAR), '\\.0$', '')`;

/** WITS product groups (`Total`, `25-26_Minerals`, `UNCTAD-SoP1`, `AgrRaw`, ...): anything that is not digits. */
function isWitsProductGroup(value: string): boolean {
  return value.trim() !== '' && !/^\d+$/.test(value.trim());
}

const witsRevisionCodes = ['H0', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6'] as const;

/** A WITS row must be in an HS edition and of a trade flow Karavan knows (re-flows are skipped by the plan). */
function witsRowChecks(header: (name: string) => string | undefined): RowCheck[] {
  const flowSql = `upper(trim(s.flow_name))`;
  return [
    {
      kind: 'nomenclature',
      badSql: `(s.classification IS NULL OR upper(trim(s.classification)) NOT IN ${sqlInList(witsRevisionCodes)})`,
      rawSql: 'CAST(s.classification AS VARCHAR)',
      column: header('classification'),
      fail: (file, line, value) =>
        new UnknownFormatError(
          `${file}:${line ?? '?'}: nomenclature "${value}" is not an HS edition (H0..H6); product codes of other nomenclatures (SITC, ISIC, BEC) are not HS codes`,
          {
            file,
            line,
            column: header('classification'),
            value,
            hint: 'download the WITS data in an HS nomenclature (HS 1988/92 = H0 ... HS 2022 = H6)',
          },
        ),
    },
    {
      kind: 'flow_name',
      badSql: `(s.flow_name IS NULL OR ${flowSql} NOT IN ${sqlInList([...witsImportFlowNames, ...witsExportFlowNames])})`,
      rawSql: 'CAST(s.flow_name AS VARCHAR)',
      column: header('flow_name'),
      fail: (file, line, value) =>
        new BadValueError(
          `${file}:${line ?? '?'}: trade flow "${value}" is not one Karavan reads (Import, Gross Imp., Export, Gross Exp.; re-exports and re-imports are skipped)`,
          { file, line, column: header('flow_name'), value },
        ),
    },
  ];
}

function rowChecks(plan: FormatPlan): RowCheck[] {
  const header = (name: string) => plan.staging.find((c) => c.name === name)?.header ?? undefined;
  const checks: RowCheck[] = [];
  if (plan.staging.some((c) => c.name === 'frequency')) {
    checks.push({
      kind: 'frequency',
      badSql: `(s.frequency IS NOT NULL AND upper(trim(s.frequency)) NOT IN ('A', ''))`,
      rawSql: 's.frequency',
      column: header('frequency'),
      fail: (file, line, value) =>
        new UnknownFormatError(
          `${file}:${line ?? '?'}: monthly data (freqCode ${value}); download annual data (frequency A)`,
          { file, line, column: header('frequency'), value },
        ),
    });
  }
  if (plan.format === 'wits') checks.push(...witsRowChecks(header));
  checks.push(
    {
      kind: 'year',
      // Years are read as DOUBLE (see formats.ts): 2020.6 is refused, not rounded.
      badSql: `(s.year IS NULL OR s.year < ${yearRange.min} OR s.year > ${yearRange.max} OR s.year <> floor(s.year))`,
      rawSql: numberTextSql('s.year'),
      column: header('year'),
      fail: (file, line, value) =>
        value !== '' && !Number.isInteger(Number(value))
          ? new BadValueError(`${file}:${line ?? '?'}: year ${value} is not a whole number`, {
              file,
              line,
              column: header('year'),
              value,
            })
          : new YearOutOfRangeError(
              `${file}:${line ?? '?'}: year ${value || '(empty)'} is outside ${yearRange.min}-${yearRange.max}`,
              { file, line, column: header('year'), value },
            ),
    },
    ...(plan.yearInName === undefined
      ? []
      : [
          {
            kind: 'year_in_name',
            // yearInName is four digits read from the file name (formats.ts), not text from the user.
            badSql: `(s.year IS NOT NULL AND s.year <> ${plan.yearInName})`,
            rawSql: numberTextSql('s.year'),
            column: header('year'),
            fail: (file: string, line: number | undefined, value: string) =>
              new BadValueError(
                `${file}:${line ?? '?'}: year ${value} in a file named for ${plan.yearInName}; a BACI release's yearly file holds that year only (check the download, or rename the file)`,
                { file, line, column: header('year'), value },
              ),
          },
        ]),
    {
      kind: 'value',
      badSql: `NOT ${finiteNonNegativeSql('s.value_raw')}`,
      rawSql: `regexp_replace(CAST(s.value_raw AS VARCHAR), '\\.0$', '')`,
      column: header('value_raw'),
      fail: (file, line, value) => {
        const number = Number(value);
        const why =
          value === ''
            ? 'is empty'
            : number < 0
              ? `is negative (${value})`
              : Number.isFinite(number) && number > 1e300
                ? `is too large (${value}; at most 1e300, so that totals stay finite)`
                : `is not a finite number (${value})`;
        return new BadValueError(`${file}:${line ?? '?'}: the trade value ${why}`, {
          file,
          line,
          column: header('value_raw'),
          value,
        });
      },
    },
  );
  if (plan.qtyToTonnes !== null) {
    checks.push({
      kind: 'qty',
      badSql: `(NOT ${finiteNonNegativeSql(qtyCastSql)} AND NOT ${qtyMissingSql})`,
      rawSql: 'trim(s.qty_raw)',
      column: header('qty_raw'),
      fail: (file, line, value) =>
        new BadValueError(`${file}:${line ?? '?'}: the quantity "${value}" is not a non-negative number (or NA)`, {
          file,
          line,
          column: header('qty_raw'),
          value,
        }),
    });
  }
  const expected =
    plan.format === 'baci'
      ? 'a 6-digit HS code (BACI writes 5 digits when the leading zero is dropped)'
      : 'an HS code of 2, 4 or 6 digits';
  checks.push({
    kind: 'product',
    // BACI codes are read as integers (5 or 6 digits); others as text, where ltrim(x, digits) = ''
    // says "only digits" at a fraction of a regular expression's cost.
    badSql:
      plan.format === 'baci'
        ? `(s.product_code IS NULL OR s.product_code NOT BETWEEN 10000 AND 999999 OR s.product_code <> floor(s.product_code))`
        : `(s.product_code IS NULL OR length(s.product_code) NOT BETWEEN 1 AND 6 OR ltrim(s.product_code, '0123456789') <> '')`,
    rawSql: plan.format === 'baci' ? numberTextSql('s.product_code') : 'CAST(s.product_code AS VARCHAR)',
    column: header('product_code'),
    fail: (file, line, value) =>
      plan.format === 'wits' && isWitsProductGroup(value)
        ? new BadProductCodeError(
            `${file}:${line ?? '?'}: product "${value}" is a WITS product group, not an HS code; Karavan does not map WITS groups to HS sections (WITS says its sectors differ from the WCO sections in places)`,
            {
              file,
              line,
              column: header('product_code'),
              value,
              hint: 'download the data by HS product instead (WITS: products at HS 2, 4 or 6 digits, nomenclature H0..H6)',
            },
          )
        : new BadProductCodeError(`${file}:${line ?? '?'}: product code "${value}" is not ${expected}`, {
            file,
            line,
            column: header('product_code'),
            value,
          }),
  });
  const countryColumns: Array<[string, string]> = [['exporter_code', 'ex']];
  if (plan.kind === 'flows') countryColumns.push(['importer_code', 'im']);
  if (hasReporter(plan)) countryColumns.push(['reporter_code', 'rep']);
  for (const [column, alias] of countryColumns) {
    const columnName = header(column) ?? (hasReporter(plan) ? header('partner_code') : undefined);
    // WITS: the reporter is always given, so an empty one is refused; an exporter or importer is
    // then blamed on the partner column only when the reporter itself is known.
    const badSql =
      plan.format === 'wits'
        ? column === 'reporter_code'
          ? `(s.rep_iso3 IS NULL)`
          : `(s.${alias}_iso3 IS NULL AND s.rep_iso3 IS NOT NULL)`
        : column === 'reporter_code'
          ? `(s.reporter_code IS NOT NULL AND s.${alias}_iso3 IS NULL)`
          : `(s.${alias}_iso3 IS NULL)`;
    const rawSql = plan.format === 'wits' && column !== 'reporter_code' ? 'CAST(s.partner_code AS VARCHAR)' : undefined;
    checks.push({
      kind: column,
      badSql,
      rawSql: rawSql ?? (plan.format === 'baci' ? numberTextSql(`s.${column}`) : `CAST(s.${column} AS VARCHAR)`),
      column: columnName,
      fail: (file, line, value) =>
        new UnknownCountryCodeError(`${file}:${line ?? '?'}: country code "${value}" is not in the country list`, {
          file,
          line,
          column: columnName,
          value,
          hint: 'karavan countries --search <name> lists the known codes (BACI numeric, ISO numeric, ISO2, ISO3)',
        }),
    });
  }
  return checks;
}

/**
 * Whether a row is kept, for a file whose columns the ingest does not all use (Comtrade's 47,
 * an exporter table's extra columns): the plan's rule, and a hash of every column, never null.
 * The hash is there so that DuckDB parses every field: DuckDB 1.5 reads a row with one field too
 * many without complaint (strict_mode or not) when the extra field is quoted with "" inside and
 * the query does not project every column; it silently drops the field and imports the row
 * (found by the reader fuzz, exporter table input 2178). With every column projected it raises
 * its "expected N fields" error as for any other such row. BACI's six columns are all used.
 */
function keepSql(plan: FormatPlan, ruleSql: string): string {
  if (plan.format === 'baci') return ruleSql;
  const everyColumnSql = plan.csvColumns.map(([name]) => quoteIdentifier(name)).join(', ');
  return `(${ruleSql}) AND hash(${everyColumnSql}) IS NOT NULL`;
}

/** read_csv over the member with the plan's types, projected to the uniform raw columns `s.*`. */
function rawSourceSql(plan: FormatPlan, options: { numbered: boolean }): string {
  const selectSql = plan.staging
    .map((c) => `${c.name === 'keep' ? keepSql(plan, c.sql) : c.sql} AS ${quoteIdentifier(c.name)}`)
    .join(', ');
  // Line numbers come from a single-threaded read, where row order is file order.
  const lineNumberSql = options.numbered ? 'row_number() OVER () + 1 AS line_number, ' : '';
  const parallelSql = options.numbered ? 'false' : 'true';
  const readSql = `(SELECT ${lineNumberSql}${selectSql}
             FROM read_csv($1, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"',
                           strict_mode = true, null_padding = false, max_line_size = 2097152, compression = $2,
                           parallel = ${parallelSql}, columns = ${sqlStruct(plan.csvColumns)})) s0`;
  // BACI codes are numbers: looked up in a list by position (baci_iso3, made per ingest), which
  // stays cheap at ten million rows where a join with the CSV scan does not. Other files may
  // write ISO codes in any case, with spaces, and are small: a join on the alias table.
  if (plan.format === 'baci') {
    return `(SELECT s0.*, baci_iso3(s0.exporter_code) AS ex_iso3, baci_iso3(s0.importer_code) AS im_iso3, NULL::VARCHAR AS rep_iso3 FROM ${readSql}) s`;
  }
  const codeSql = (column: string) => `upper(trim(s0.${quoteIdentifier(column)}))`;
  const joins = [`LEFT JOIN ingest_alias ex ON ex.code = ${codeSql('exporter_code')}`];
  if (plan.kind === 'flows') joins.push(`LEFT JOIN ingest_alias im ON im.code = ${codeSql('importer_code')}`);
  if (hasReporter(plan)) joins.push(`LEFT JOIN ingest_alias rep ON rep.code = ${codeSql('reporter_code')}`);
  const joinsSql = joins.join('\n          ');
  const importerSql = plan.kind === 'flows' ? 'im.iso3' : 'NULL::VARCHAR';
  const reporterSql = hasReporter(plan) ? 'rep.iso3' : 'NULL::VARCHAR';
  return `(SELECT s0.*, ex.iso3 AS ex_iso3, ${importerSql} AS im_iso3, ${reporterSql} AS rep_iso3 FROM ${readSql}
          ${joinsSql}) s`;
}

/** Comtrade and WITS files carry a reporter; BACI (reconciled) and exporter tables do not. */
function hasReporter(plan: FormatPlan): boolean {
  return plan.format === 'comtrade' || plan.format === 'wits';
}

const classificationRevisionSql = `CASE upper(trim(s.classification)) WHEN 'H0' THEN 'HS92' WHEN 'H1' THEN 'HS96' WHEN 'H2' THEN 'HS02' WHEN 'H3' THEN 'HS07'
  WHEN 'H4' THEN 'HS12' WHEN 'H5' THEN 'HS17' WHEN 'H6' THEN 'HS22' ELSE $4::VARCHAR END`;

/** The SELECT that turns raw rows into store rows, raising on the first row that breaks a check. */
function finalSelectSql(plan: FormatPlan, checks: RowCheck[]): string {
  const guardSql = (kind: string, valueSql: string) => {
    const check = checks.find((c) => c.kind === kind)!;
    return `CASE WHEN ${check.badSql} THEN error(${quoteString(`${marker}:${kind}:`)} || coalesce(${check.rawSql}, '')) ELSE ${valueSql} END`;
  };
  // A BACI yearly file's rows must be of the year in its name: checked inside the year's own guard.
  const yearSql = checks.some((c) => c.kind === 'year_in_name')
    ? guardSql('year', guardSql('year_in_name', 'CAST(s.year AS INTEGER)'))
    : guardSql('year', 'CAST(s.year AS INTEGER)');
  // Checks of the row as a whole (monthly data, a WITS row's nomenclature and flow) guard its being kept.
  const rowGuardsSql = ['frequency', 'nomenclature', 'flow_name']
    .filter((kind) => checks.some((c) => c.kind === kind))
    .map((kind) => ` AND ${guardSql(kind, 'true')}`)
    .join('');
  const whereSql = `s.keep${rowGuardsSql}`;
  const hsRevisionSql = plan.staging.some((c) => c.name === 'classification')
    ? classificationRevisionSql
    : '$4::VARCHAR';
  const productLevelSql = `length(${productSql(plan)})::INTEGER`;
  if (plan.kind === 'flows') {
    // $6 appears even without a quantity column: DuckDB refuses a parameter the statement does not use.
    const qtySql = plan.qtyToTonnes === null ? 'NULL::DOUBLE * $6' : guardSql('qty', `${qtyCastSql} * $6`);
    const reporterSql = hasReporter(plan) ? guardSql('reporter_code', 's.rep_iso3') : 'NULL::VARCHAR';
    return `SELECT ${yearSql} AS year,
                   ${guardSql('exporter_code', 's.ex_iso3')} AS exporter,
                   ${guardSql('importer_code', 's.im_iso3')} AS importer,
                   ${guardSql('product', productSql(plan))} AS product,
                   ${hsRevisionSql} AS hs_revision,
                   ${guardSql('value', 's.value_raw * $5')} AS value_usd,
                   ${qtySql} AS qty_tonnes,
                   ${reporterSql} AS reporter,
                   $3::VARCHAR AS dataset_id, $7::VARCHAR AS source
              FROM ${rawSourceSql(plan, { numbered: false })}
             WHERE ${whereSql}`;
  }
  return `SELECT ${yearSql} AS year,
                 ${guardSql('exporter_code', 's.ex_iso3')} AS exporter,
                 ${guardSql('product', productSql(plan))} AS product,
                 ${productLevelSql} AS product_level,
                 ${hsRevisionSql} AS hs_revision,
                 ${guardSql('value', 's.value_raw * $5')} AS value_usd,
                 $3::VARCHAR AS dataset_id, $6::VARCHAR AS source
            FROM ${rawSourceSql(plan, { numbered: false })}
           WHERE ${whereSql}`;
}

/**
 * After an internal DuckDB error in the ingest pass, the same file read again with every column
 * in a fresh instance: DuckDB 1.5 fails internally ("Attempted to access index ... within vector")
 * when text that is not UTF-8 sits in a column read without all the columns before it, and
 * reading them all turns that into its ordinary error with the line number.
 */
async function diagnoseInternalError(error: unknown, member: CsvMember, plan: FormatPlan): Promise<KaravanError> {
  const db = await Database.create({ threads: 1 });
  try {
    const everyColumnSql = plan.csvColumns
      .map(([name]) => `coalesce(length(CAST(${quoteIdentifier(name)} AS VARCHAR)), 0)`)
      .join(' + ');
    await db.one(
      `SELECT max(${everyColumnSql}) AS n FROM read_csv($1, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"',
         strict_mode = true, null_padding = false, max_line_size = 2097152, compression = $2, parallel = false, columns = ${sqlStruct(plan.csvColumns)})`,
      [member.readPath, member.compression === 'gzip' ? 'gzip' : 'none'],
    );
  } catch (readError) {
    if (!/^(INTERNAL|FATAL) Error/m.test(readError instanceof Error ? readError.message : String(readError)))
      return csvErrorToKaravan(readError, member);
  } finally {
    db.closeSync();
  }
  const file = member.displayName;
  return new MalformedCsvError(
    `${file}: DuckDB could not read this file (${(error instanceof Error ? error.message : String(error)).split('\n')[0]})`,
    { file, cause: error },
  );
}

/** A failed read of a member's CSV as a typed error (an internal DuckDB error diagnosed first). */
async function readError(error: unknown, member: CsvMember, plan: FormatPlan): Promise<KaravanError> {
  const message = error instanceof Error ? error.message : String(error);
  return /^(INTERNAL|FATAL) Error/m.test(message)
    ? diagnoseInternalError(error, member, plan)
    : csvErrorToKaravan(error, member);
}

/** A query that re-reads a member's CSV: its failure becomes the typed error of readError. */
async function rereading<T>(query: Promise<T>, member: CsvMember, plan: FormatPlan): Promise<T> {
  try {
    return await query;
  } catch (error) {
    throw await readError(error, member, plan);
  }
}

/**
 * After a check fired: the first line (in file order) that breaks it, read single-threaded. The
 * parallel pass may raise a check on a late line before it reaches a malformed earlier one; this
 * read then meets the malformed line first, and that is the error to report.
 */
async function locateCheck(db: Database, member: CsvMember, plan: FormatPlan, check: RowCheck): Promise<KaravanError> {
  let hit: { line_number: number; raw: string | null } | undefined;
  try {
    hit = await db.one<{ line_number: number; raw: string | null }>(
      `SELECT s.line_number, ${check.rawSql} AS raw FROM ${rawSourceSql(plan, { numbered: true })}
        WHERE s.keep AND ${check.badSql} ORDER BY s.line_number LIMIT 1`,
      [member.readPath, member.compression === 'gzip' ? 'gzip' : 'none'],
    );
  } catch (error) {
    // Returned, not thrown: the caller throws whichever error locateCheck gives.
    return readError(error, member, plan);
  }
  return check.fail(member.displayName, hit?.line_number, hit?.raw ?? '');
}

async function writeMember(
  db: Database,
  member: CsvMember,
  plan: FormatPlan,
  outDir: string,
  datasetId: string,
  index: number,
): Promise<number> {
  const checks = rowChecks(plan);
  const params: SqlValue[] = [
    member.readPath,
    member.compression === 'gzip' ? 'gzip' : 'none',
    datasetId,
    plan.hsRevision,
    plan.valueToUsd,
  ];
  params.push(...(plan.kind === 'flows' ? [plan.qtyToTonnes ?? 1, plan.source] : [plan.source]));
  // One plain Parquet file first (a partitioned write costs much more), then placed under its
  // year's partition: moved as it is when it holds one year (a BACI yearly CSV), split by year otherwise.
  const single = join(outDir, '..', `member-${index}.parquet`);
  const sql = `COPY (${finalSelectSql(plan, checks)}) TO ${quoteString(single)} (FORMAT parquet)`;
  if (process.env['KARAVAN_DEBUG_SQL']) process.stderr.write(`${sql}\n${JSON.stringify(params)}\n`);
  // Rows need no order in the store (lines are found by a separate read when a check fires),
  // and letting DuckDB write in any order makes the parallel pass much faster.
  await db.run(`SET preserve_insertion_order = false`);
  let written: number;
  try {
    const result = await db.one<{ Count: number }>(sql, params);
    written = result?.Count ?? 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const fired = new RegExp(`${marker}:(\\w+):`).exec(message);
    // (An internal DuckDB error leaves the instance unusable: the store then replaces it.)
    if (!fired) throw await readError(error, member, plan);
    await db.run(`RESET preserve_insertion_order`);
    throw await locateCheck(
      db,
      member,
      plan,
      checks.find((c) => c.kind === fired[1])!,
    );
  } finally {
    await db.run(`RESET preserve_insertion_order`).catch(() => undefined);
  }
  if (written === 0) return 0;
  const years = await db.all<{ year: number }>(`SELECT DISTINCT year FROM read_parquet($1)`, [single]);
  if (years.length === 1) {
    const target = join(outDir, `source=${plan.source}`, `year=${years[0]!.year}`, `${datasetId}_m${index}_0.parquet`);
    mkdirSync(join(target, '..'), { recursive: true });
    renameSync(single, target);
  } else {
    // WRITE_PARTITION_COLUMNS keeps `source` and `year` inside every file, as in the moved
    // one-year files: every flow file has the same schema and still says what it holds when
    // copied out of its folder (docs/store.md, "Reading the files with other engines").
    await db.run(
      `COPY (SELECT * FROM read_parquet($1)) TO ${quoteString(outDir)}
         (FORMAT parquet, PARTITION_BY (source, year), WRITE_PARTITION_COLUMNS true, FILENAME_PATTERN ${quoteString(`${datasetId}_m${index}_{i}`)}, OVERWRITE_OR_IGNORE)`,
      [single],
    );
    rmSync(single, { force: true });
  }
  return written;
}

async function checkNotEmpty(db: Database, member: CsvMember, plan: FormatPlan, written: number): Promise<number> {
  const total = await rereading(
    db.one<{ n: number }>(
      `SELECT count(*)::DOUBLE AS n FROM read_csv($1, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', compression = $2, columns = ${sqlStruct(plan.csvColumns)})`,
      [member.readPath, member.compression === 'gzip' ? 'gzip' : 'none'],
    ),
    member,
    plan,
  );
  const rows = total?.n ?? 0;
  const file = member.displayName;
  if (rows === 0) {
    const { tooLong, hasContent } = await scanLinesAfterHeader(member, maxLineBytes);
    if (tooLong !== null)
      throw new MalformedCsvError(
        `${file}:${tooLong.line}: the line is ${(tooLong.bytes / 1e6).toFixed(1)} MB long; a trade file's lines are under 2 MB (is the file cut, or missing its line ends?)`,
        { file, line: tooLong.line },
      );
    if (hasContent)
      throw new MalformedCsvError(`${file}: has text after the header but no line that reads as a row`, {
        file,
        line: 2,
      });
    throw new EmptyFileError(`${file} has a header but no data rows`, { file, line: 2 });
  }
  if (written === 0)
    throw new EmptyFileError(`${file}: none of its ${rows} rows is usable (all are re-exports, totals or breakdowns)`, {
      file,
    });
  return rows - written;
}

/**
 * Two rows with one key are an error; found on the finished files, then located in the CSVs.
 * `rowsSql` restricts the search to rows that satisfy it, a condition on the key alone (so both
 * rows of a repeated key satisfy it or neither does).
 */
async function checkDuplicates(
  db: Database,
  kind: DatasetKind,
  outDir: string,
  members: Array<{ member: CsvMember; plan: FormatPlan }>,
  rowsSql = 'true',
): Promise<void> {
  const keySql = kind === 'flows' ? 'year, exporter, importer, product, reporter' : 'year, exporter, product';
  // Grouping on one 64-bit hash of the key is far lighter than on five text columns; the few
  // hashes seen twice are then checked on the key itself.
  const duplicate = await db.one<Record<string, string | number | null>>(
    `WITH files AS (SELECT * FROM read_parquet($1) WHERE ${rowsSql}),
          twice AS (SELECT hash(${keySql}) AS h FROM files GROUP BY h HAVING count(*) > 1)
     SELECT ${keySql} FROM files WHERE hash(${keySql}) IN (SELECT h FROM twice) GROUP BY ALL HAVING count(*) > 1 LIMIT 1`,
    [join(outDir, '**', '*.parquet')],
  );
  if (!duplicate) return;
  const described = `year ${duplicate['year']}, exporter ${duplicate['exporter']}${kind === 'flows' ? `, importer ${duplicate['importer']}` : ''}, product ${duplicate['product']}`;
  for (const { member, plan } of members) {
    const reporterSql = hasReporter(plan) ? 's.rep_iso3' : 'NULL';
    const matchSql =
      kind === 'flows'
        ? `s.year = $3 AND s.ex_iso3 = $4 AND s.im_iso3 = $5 AND ${productSql(plan)} = $6 AND ${reporterSql} IS NOT DISTINCT FROM $7`
        : `s.year = $3 AND s.ex_iso3 = $4 AND ${productSql(plan)} = $6 AND $5::VARCHAR IS NULL AND $7::VARCHAR IS NULL`;
    const lines = await rereading(
      db.all<{ line_number: number }>(
        `SELECT s.line_number FROM ${rawSourceSql(plan, { numbered: true })} WHERE s.keep AND ${matchSql} ORDER BY s.line_number LIMIT 2`,
        [
          member.readPath,
          member.compression === 'gzip' ? 'gzip' : 'none',
          duplicate['year'],
          duplicate['exporter'],
          duplicate['importer'] ?? null,
          duplicate['product'],
          duplicate['reporter'] ?? null,
        ],
      ),
      member,
      plan,
    );
    if (lines.length > 0) {
      const file = member.displayName;
      const [first, second] = lines;
      throw new DuplicateRowError(
        second
          ? `${file}:${second.line_number}: repeats the key of line ${first!.line_number} (${described})`
          : `${file}:${first!.line_number}: its key (${described}) appears again in another member of the archive`,
        { file, line: (second ?? first)!.line_number, value: described },
      );
    }
  }
  throw new DuplicateRowError(`two rows share one key (${described})`, { value: described });
}

const duplicateMarker = 'KRVDUPLICATEKEY';
/** Importer bits per BIGINT word of the key check (1 << 62 is the highest bit clear of the sign). */
const keyBitsPerWord = 62;

/**
 * The duplicate-key check of a flow dataset, riding on the pass that writes its world exports
 * instead of grouping ten million keys on their own (that was ~2.5 s of a 10 M-row ingest).
 *
 * World exports group the flows by year, exporter and product: within a group two rows differ
 * only by importer and, for Comtrade, by reporter, which is then the exporter or the importer
 * (formats.ts). Each importer present in the dataset gets a small number (an ENUM of the pair
 * totals' importers, written just before), doubled plus one where the reporter is the importer;
 * the group ORs 1 << number into a few 62-bit words. A group has a repeated key exactly when it
 * sets fewer bits than it has rows, and the pass then raises (DuckDB's error(), as the row checks
 * do). Anything the numbering cannot tell apart (an importer missing from the ENUM, a reporter
 * that is neither country) also sets fewer bits: such a group only sends the caller to the exact
 * check, never lets a repeated key through. The flows world exports leave out (self-trade, the
 * WLD partner) depend on the key alone, so a key repeated there is repeated among them only:
 * `leftOutRows` says whether there are any (none in a BACI file) to check exactly.
 */
async function worldExportsKeyCheck(
  db: Database,
  pairsGlob: string,
  withReporter: boolean,
): Promise<{ summarySql: (fromSql: string) => string; leftOutRows: number }> {
  await db.run(`DROP TYPE IF EXISTS ingest_importer`);
  await db.run(
    `CREATE OR REPLACE TEMP TABLE ingest_importers AS SELECT DISTINCT importer FROM read_parquet($1, hive_partitioning = false) WHERE importer IS NOT NULL`,
    [pairsGlob],
  );
  await db.run(`CREATE TYPE ingest_importer AS ENUM (SELECT importer FROM ingest_importers ORDER BY importer)`);
  const counts = await db.one<{ importers: number; leftOutRows: number }>(
    `SELECT (SELECT count(*) FROM ingest_importers)::DOUBLE AS importers,
            (SELECT coalesce(sum(flow_count), 0) FROM read_parquet($1, hive_partitioning = false) WHERE NOT (${worldPartnerSql}))::DOUBLE AS leftOutRows`,
    [pairsGlob],
  );
  const importerNumberSql = `enum_code(TRY_CAST(importer AS ingest_importer))::INTEGER`;
  const bitSql = withReporter
    ? `${importerNumberSql} * 2 + CASE WHEN reporter = importer THEN 1 ELSE 0 END`
    : importerNumberSql;
  const words = Math.max(1, Math.ceil(((counts?.importers ?? 0) * (withReporter ? 2 : 1)) / keyBitsPerWord));
  const bitsSql = Array.from({ length: words }, (_, w) => {
    const first = w * keyBitsPerWord;
    return `coalesce(bit_count(bit_or(CASE WHEN key_bit >= ${first} AND key_bit < ${first + keyBitsPerWord} THEN 1::BIGINT << (key_bit - ${first}) END))::BIGINT, 0)`;
  }).join(' + ');
  return {
    summarySql: (fromSql) =>
      `SELECT ${worldExportsColumnsSql}
         FROM (${worldExportsSql(`(SELECT *, ${bitSql} AS key_bit FROM ${fromSql})`, `, count(*) AS key_rows, ${bitsSql} AS key_bits`)})
        WHERE CASE WHEN key_bits < key_rows THEN error(${quoteString(duplicateMarker)}) ELSE true END`,
    leftOutRows: counts?.leftOutRows ?? 0,
  };
}

function listParquet(dir: string): string[] {
  const out: string[] = [];
  if (!existsSync(dir)) return out;
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

/** With KARAVAN_DEBUG set, prints how long each ingest step took (to stderr). */
function stepTimer(): (step: string) => void {
  let last = performance.now();
  const enabled = Boolean(process.env['KARAVAN_DEBUG']);
  return (step) => {
    const now = performance.now();
    if (enabled) process.stderr.write(`ingest: ${step} ${(now - last).toFixed(0)} ms\n`);
    last = now;
  };
}

/**
 * Reads, checks and converts `source` into Parquet under `stagingDir/out`. The database must
 * have the reference views (country_alias) attached.
 */
export async function stageDataset(
  db: Database,
  source: SourceFile,
  stagingDir: string,
  datasetId: string,
  options: PlanOptions,
): Promise<StagedDataset> {
  const step = stepTimer();
  mkdirSync(stagingDir, { recursive: true });
  const members =
    source.container === 'zip'
      ? await extractZipCsvMembers(source.path, stagingDir)
      : [
          await csvMemberFromFile(
            source.path,
            source.container === 'gzip' ? 'gzip' : 'none',
            source.fileName,
            source.fileName,
          ),
        ];
  step('open');

  await db.run(`CREATE OR REPLACE TEMP TABLE ingest_alias AS SELECT code, iso3 FROM country_alias`);
  const dataMembers: CsvMember[] = [];
  for (const member of members) {
    const codeList = isCodeList(member.memberName);
    if (codeList === 'countries') await addReleaseCountryCodes(db, member);
    else if (!codeList) dataMembers.push(member);
  }
  if (dataMembers.length === 0)
    throw new BadArchiveError(`${source.fileName}: no data CSV besides code lists`, { file: source.path });
  // Numeric codes (BACI, ISO, M49: 0..999) -> ISO3, as a list indexed by code for baci_iso3().
  const numeric = await db.all<{ code: number; iso3: string }>(
    `SELECT DISTINCT ON (n) n AS code, iso3 FROM (SELECT CAST(code AS INTEGER) AS n, iso3 FROM ingest_alias
      WHERE TRY_CAST(code AS INTEGER) BETWEEN 0 AND 9999 AND (code = '0' OR code NOT LIKE '0%')) ORDER BY n`,
  );
  const byCode = new Array<string>(Math.max(0, ...numeric.map((r) => r.code)) + 1).fill('');
  for (const r of numeric) byCode[r.code] = r.iso3;
  const codesSql = sqlList(byCode);
  await db.run(
    // Codes are read as DOUBLE: 112.4 is no code (not rounded to 112). Anything but a whole code
    // within the list reads position 0, which DuckDB's 1-based lists answer with NULL. The CASE
    // picks only the position: around the list look-up itself it cost ~0.45 s more CPU for the
    // two codes of 10 M rows.
    `CREATE OR REPLACE TEMP MACRO baci_iso3(code) AS
       nullif(${codesSql}[CASE WHEN code >= 0 AND code < len(${codesSql}) AND code = floor(code) THEN CAST(code AS INTEGER) + 1 ELSE 0 END], '')`,
  );

  const outDir = join(stagingDir, 'out');
  const planned: Array<{ member: CsvMember; plan: FormatPlan }> = [];
  let skippedRows = 0;
  const lineEndNotes: string[] = [];
  for (const [index, original] of dataMembers.entries()) {
    let member = original;
    const plan = planFormat(member.header, member.displayName, member.memberName, options);
    if (planned.length > 0 && (plan.format !== planned[0]!.plan.format || plan.kind !== planned[0]!.plan.kind)) {
      throw new UnknownFormatError(
        `${member.displayName} is a ${plan.format} file but ${planned[0]!.member.displayName} is ${planned[0]!.plan.format}; ingest them separately`,
        {
          file: member.displayName,
        },
      );
    }
    let written: number;
    try {
      written = await writeMember(db, member, plan, outDir, datasetId, index);
    } catch (error) {
      // Mixed CRLF and LF: read a normalised copy, so the rows are checked (and a bad value named by its line).
      const normalised =
        error instanceof MalformedCsvError && /mixed line ends/.test(error.message)
          ? await normaliseLineEnds(member, stagingDir, index)
          : null;
      if (normalised === null) throw error;
      member = normalised;
      written = await writeMember(db, member, plan, outDir, datasetId, index);
      lineEndNotes.push(
        `${member.displayName} mixes CRLF and LF line ends (as an editor leaves it); read with the line ends made uniform, line numbers as in the file`,
      );
    }
    // A file with fewer written rows than lines was filtered (Comtrade) or is empty: say which.
    if (written === 0 || hasReporter(plan)) skippedRows += await checkNotEmpty(db, member, plan, written);
    planned.push({ member, plan });
  }
  step('read, check, write');
  const plan = planned[0]!.plan;
  // Flows: the duplicate-key check rides on the world-exports pass below.
  if (plan.kind !== 'flows') await checkDuplicates(db, plan.kind, outDir, planned);
  step('duplicates (exports)');

  const files = listParquet(outDir);
  const glob = join(outDir, '**', '*.parquet');
  // The flow summaries (summaries.ts), written beside the flows:
  // - totals by year and pair, about 1/200 of the rows of a BACI year: coverage, turnover and
  //   breadth read these instead of every flow of every year (the first bottleneck at 30 years
  //   x 10 M rows: docs/reliability.md); the dataset's row count, value total, years and breadth
  //   below come from them too, so the flows are read once here;
  // - each exporter's sales to the world by year and product, with the quantity sums unit values
  //   need, about 1/10 of the rows: the world export matrices behind RCA, supply, export
  //   potential and complexity read these instead of a year of flows each (the second).
  // The staged files hold year and source as columns (WRITE_PARTITION_COLUMNS); they are read
  // from there (year INTEGER) rather than from the folder names (inferred as BIGINT).
  const writeSummary = async (
    folder: string,
    summariseSql: (fromSql: string) => string,
    suffix: string,
  ): Promise<{ dir: string; files: string[] }> => {
    const dir = join(stagingDir, folder);
    if (plan.kind !== 'flows') return { dir, files: [] };
    await db.run(
      `COPY (${summariseSql('read_parquet($1, hive_partitioning = false)')})
         TO ${quoteString(dir)} (FORMAT parquet, PARTITION_BY (source, year), WRITE_PARTITION_COLUMNS true, FILENAME_PATTERN ${quoteString(`${datasetId}_${suffix}_{i}`)})`,
      [glob],
    );
    return { dir, files: listParquet(dir) };
  };
  const { dir: pairsDir, files: pairFiles } = await writeSummary('pairs', pairTotalsSql, 'pairs');
  step('pair totals');
  let worldExports = { dir: join(stagingDir, 'world-exports'), files: [] as string[] };
  if (plan.kind === 'flows') {
    const keyCheck = await worldExportsKeyCheck(db, join(pairsDir, '**', '*.parquet'), hasReporter(plan));
    try {
      worldExports = await writeSummary('world-exports', keyCheck.summarySql, 'world');
    } catch (error) {
      if (!(error instanceof Error && error.message.includes(duplicateMarker))) throw error;
      // A group with fewer importer bits than rows: the exact check names the key and its lines
      // (and throws); it returns only if the numbering could not tell two distinct keys apart.
      await checkDuplicates(db, plan.kind, outDir, planned);
      rmSync(worldExports.dir, { recursive: true, force: true });
      worldExports = await writeSummary('world-exports', worldExportsSql, 'world');
    }
    if (keyCheck.leftOutRows > 0) await checkDuplicates(db, plan.kind, outDir, planned, `NOT (${worldPartnerSql})`);
  }
  const { dir: worldExportsDir, files: worldExportFiles } = worldExports;
  step('world exports, duplicate keys');
  const stats = await db.one<{ rows: number; years: number[]; exporters: number; importers: number; total: number }>(
    plan.kind === 'flows'
      ? `SELECT coalesce(sum(flow_count), 0)::DOUBLE AS rows, list_sort(list(DISTINCT year)) AS years,
                count(DISTINCT exporter)::DOUBLE AS exporters, count(DISTINCT importer)::DOUBLE AS importers, coalesce(sum(value_usd), 0) AS total
           FROM read_parquet($1)`
      : `SELECT count(*)::DOUBLE AS rows, list_sort(list(DISTINCT year)) AS years,
                count(DISTINCT exporter)::DOUBLE AS exporters, 0::DOUBLE AS importers, coalesce(sum(value_usd), 0) AS total
           FROM read_parquet($1)`,
    [plan.kind === 'flows' ? join(pairsDir, '**', '*.parquet') : glob],
  );
  const codes = await db.one<{ levels: number[]; revisions: string[] }>(
    plan.kind === 'flows'
      ? `SELECT list_sort(list(DISTINCT length(product))) AS levels, list_sort(list(DISTINCT hs_revision)) AS revisions FROM read_parquet($1)`
      : `SELECT list_sort(list(DISTINCT product_level)) AS levels, list_sort(list(DISTINCT hs_revision)) AS revisions FROM read_parquet($1)`,
    [glob],
  );
  const entitySql = hasReporter(plan) ? 'reporter' : 'exporter';
  const entityRows = await db.all<{ e: string }>(
    `SELECT DISTINCT ${entitySql} AS e FROM read_parquet($1) WHERE e IS NOT NULL ORDER BY e`,
    [plan.kind === 'flows' ? join(pairsDir, '**', '*.parquet') : glob],
  );
  step('stats');
  const revisions = (codes?.revisions ?? []).filter((r): r is string => r !== null);
  const notes = [...plan.notes, ...lineEndNotes];
  if (skippedRows > 0) notes.push(`${skippedRows} rows skipped by the format's rules (see above)`);
  if (revisions.length > 1)
    notes.push(`rows carry several HS revisions (${revisions.join(', ')}); each row keeps its own`);
  return {
    format: plan.format,
    kind: plan.kind,
    source: plan.source,
    hsRevision: revisions.length === 1 ? revisions[0]! : revisions.length > 1 ? revisions.join('+') : null,
    files,
    outDir,
    pairFiles,
    pairsDir,
    worldExportFiles,
    worldExportsDir,
    rows: stats?.rows ?? 0,
    skippedRows,
    years: (stats?.years ?? []).map(Number),
    productLevels: (codes?.levels ?? []).map(Number),
    exporters: stats?.exporters ?? 0,
    importers: stats?.importers ?? 0,
    valueUsdTotal: stats?.total ?? 0,
    notes,
    members: dataMembers.map((m) => m.displayName),
    entities: entityRows.map((r) => r.e),
  };
}
