/**
 * Writes complexity results — one row per location × product × year — to a CSV or a Parquet file
 * through DuckDB (the format follows the file's extension: `.parquet` is Parquet, anything else
 * CSV). The contract (columns, order, number text) is in docs/complexity.md § CLI.
 *
 * Each year's per-cell typed arrays are copied into a DuckDB table chunk by chunk (the appender,
 * 2,048 rows per chunk, straight from the typed arrays), and DuckDB writes the year with
 * `COPY (SELECT …) TO …` on its own threads while the caller computes the next year. Labels and
 * the per-location and per-product measures are bound as list parameters and looked up by index,
 * so a year's table holds only indices and the five per-cell measures; for CSV the per-location
 * and per-product numbers are turned into text once per year (by DuckDB, so every number in the
 * file has the same form) instead of once per row.
 *
 * One file from many years: CSV writes the first year to the output itself and every later year to
 * a part file in a temporary directory, appended to the output as soon as it is complete; Parquet
 * (whose files cannot be appended to) writes every year to a part and merges them in year order at
 * the end.
 *
 * Why DuckDB and not JavaScript text: it formats on its own threads, in parallel with the next
 * year's computation, and it writes Parquet as well (docs/benchmarks.md § Economic complexity).
 */
import type { DuckDBAppender, DuckDBConnection, DuckDBDataChunk, DuckDBInstance, DuckDBValue } from '@duckdb/node-api';
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { duckdbApi } from './duckdb-api.ts';
import { quoteIdentifier, quoteString } from './sql.ts';

export type ComplexityOutputFormat = 'csv' | 'parquet';

/** The output format of a path: Parquet for `.parquet` (any case), CSV otherwise. */
export function complexityOutputFormat(path: string): ComplexityOutputFormat {
  return /\.parquet$/i.test(path) ? 'parquet' : 'csv';
}

/** A decimal number as a spreadsheet reads one ("-5", "+1.5e3", ".5"). */
const numberText = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * A text cell that a spreadsheet would not run as a formula (CSV formula injection): text that
 * begins with = + - @, a tab or a carriage return gets a leading single quote, unless it is a
 * number ("-5" stays "-5").
 */
export function spreadsheetSafeText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) && !numberText.test(text) ? "'" + text : text;
}

/** One year of results. Per-cell arrays are rows × products, row-major. */
export interface ComplexityOutputYear {
  year: number;
  /** Label of each row. */
  locations: readonly string[];
  /** Label of each product column. */
  products: readonly string[];
  valuesUsd: Float64Array;
  /** RCA or RPOP. */
  advantage: Float64Array;
  mcp: Uint8Array;
  /** NaN where undefined (written as an empty cell / NULL), as for every measure below. */
  density: Float64Array;
  cog: Float64Array;
  /** Per row. */
  eci: Float64Array;
  diversity: Int32Array;
  coi: Float64Array;
  /** Per product. */
  pci: Float64Array;
  ubiquity: Int32Array;
}

export interface ComplexityOutputOptions {
  path: string;
  /**
   * The 13 output column names, in order: time, location, product, value, rca (or rpop), mcp,
   * density, eci, pci, diversity, ubiquity, coi, cog.
   */
  columns: readonly string[];
  /** Default: by the path's extension (complexityOutputFormat). */
  format?: ComplexityOutputFormat;
  /**
   * Every value of every year is a whole number of magnitude below 2^53: CSV then writes the value
   * column as integers ("387017", as in the input) rather than as doubles ("387017.0").
   */
  wholeValues?: boolean;
  /**
   * DuckDB's threads for writing. Default: DuckDB's (one per core). When the caller computes the
   * next year while a year is written, 1 leaves the other core to the computation: with 2 writer
   * threads on a 2-core machine, 5 HS6 years took 16.2 CPU-seconds instead of 13.7 (the threads
   * compete with the computing thread and with each other) and were no faster.
   */
  threads?: number;
}

interface ResolvedOutputOptions {
  path: string;
  columns: readonly string[];
  format: ComplexityOutputFormat;
  wholeValues: boolean;
}

/** Rows per appended chunk: DuckDB's vector size. */
const chunkRows = 2048;

/** Table columns of one year: indices and the per-cell measures. */
const cellColumns = ['li', 'pi', 'value', 'advantage', 'mcp', 'density', 'cog'] as const;

/** One of two alternating year tables: a year is appended to one while the other is written. */
interface Slot {
  table: string;
  /** The COPY writing this slot's year; the slot is refilled only after it ends. */
  copying: Promise<unknown>;
}

/**
 * Writes years in order (`writeYear`), then `close()`. Not reentrant: await each call.
 */
export class ComplexityOutputWriter {
  readonly #instance: DuckDBInstance;
  /** Appends years. */
  readonly #appendConnection: DuckDBConnection;
  /** Runs the COPY of a year while the next one is appended. */
  readonly #copyConnection: DuckDBConnection;
  readonly #options: ResolvedOutputOptions;
  readonly #slots: Slot[] = [
    { table: 'complexity_year_a', copying: Promise.resolve() },
    { table: 'complexity_year_b', copying: Promise.resolve() },
  ];
  #years = 0;
  #rows = 0;
  #partDir: string | undefined;
  /** Parquet parts, in year order (merged by close()). */
  readonly #parquetParts: string[] = [];
  /** CSV: appends the parts to the output in year order, each once its COPY is done. */
  #csvAssembly: Promise<unknown> = Promise.resolve();
  /** The last COPY started: the next one waits for it (one query at a time on a connection). */
  #lastCopy: Promise<unknown> = Promise.resolve();
  /** The first failure of a COPY or an append to the output, reported by the next call. */
  #failure: unknown;

  private constructor(
    instance: DuckDBInstance,
    appendConnection: DuckDBConnection,
    copyConnection: DuckDBConnection,
    options: ResolvedOutputOptions,
  ) {
    this.#instance = instance;
    this.#appendConnection = appendConnection;
    this.#copyConnection = copyConnection;
    this.#options = options;
  }

  static async open(options: ComplexityOutputOptions): Promise<ComplexityOutputWriter> {
    if (options.columns.length !== 13) {
      throw new TypeError(`the complexity output has 13 columns, got ${options.columns.length}`);
    }
    const instance = await duckdbApi().DuckDBInstance.create(
      ':memory:',
      options.threads === undefined ? undefined : { threads: String(options.threads) },
    );
    const appendConnection = await instance.connect();
    const copyConnection = await instance.connect();
    return new ComplexityOutputWriter(instance, appendConnection, copyConnection, {
      path: options.path,
      columns: options.columns,
      format: options.format ?? complexityOutputFormat(options.path),
      wholeValues: options.wholeValues ?? false,
    });
  }

  /** Rows written so far (location × product × year). */
  get rows(): number {
    return this.#rows;
  }

  /**
   * Hands one year to DuckDB: appends it to a year table and starts writing it. Returns when the
   * year is appended, while DuckDB writes it; the caller may compute the next year meanwhile.
   */
  async writeYear(y: ComplexityOutputYear): Promise<void> {
    this.#throwIfFailed();
    const slot = this.#slots[this.#years % 2]!;
    await slot.copying.catch(() => undefined); // a failure is reported through #failure
    this.#throwIfFailed();
    await this.#appendConnection.run(
      `CREATE OR REPLACE TABLE ${quoteIdentifier(slot.table)} (li INTEGER, pi INTEGER, value DOUBLE, advantage DOUBLE, mcp UTINYINT, density DOUBLE, cog DOUBLE)`,
    );
    const appender = await this.#appendConnection.createAppender(slot.table);
    try {
      appendCells(appender, y);
      appender.flushSync();
    } finally {
      appender.closeSync();
    }
    // CSV: the first year straight into the output (with the header), later years appended.
    // Parquet: every year into a part; close() merges them into the output.
    const csv = this.#options.format === 'csv';
    const direct = csv && this.#years === 0;
    const target = direct ? this.#options.path : this.#partPath(this.#years);
    const copy = this.#lastCopy.catch(() => undefined).then(() => this.#copy(slot.table, y, target, direct));
    this.#lastCopy = copy;
    slot.copying = copy;
    copy.catch((error: unknown) => (this.#failure ??= error));
    if (!csv) this.#parquetParts.push(target);
    else if (!direct) {
      this.#csvAssembly = Promise.all([this.#csvAssembly, copy]).then(() => appendFileTo(target, this.#options.path));
      this.#csvAssembly.catch((error: unknown) => (this.#failure ??= error));
    }
    this.#years++;
    this.#rows += y.locations.length * y.products.length;
  }

  /** Waits for every write, assembles the output and releases DuckDB. @returns rows written */
  async close(): Promise<number> {
    try {
      await Promise.allSettled(this.#slots.map((s) => s.copying));
      await this.#csvAssembly.catch(() => undefined);
      this.#throwIfFailed();
      if (this.#parquetParts.length > 0) await this.#mergeParquet();
      return this.#rows;
    } finally {
      this.#release();
    }
  }

  /** Stops after a failure elsewhere: waits for running writes, removes temporary files. */
  async abort(): Promise<void> {
    await Promise.allSettled(this.#slots.map((s) => s.copying));
    await this.#csvAssembly.catch(() => undefined);
    this.#release();
  }

  #throwIfFailed(): void {
    if (this.#failure !== undefined) throw this.#failure;
  }

  #release(): void {
    this.#appendConnection.closeSync();
    this.#copyConnection.closeSync();
    this.#instance.closeSync();
    if (this.#partDir !== undefined) rmSync(this.#partDir, { recursive: true, force: true });
    this.#partDir = undefined;
  }

  #partPath(yearNumber: number): string {
    this.#partDir ??= mkdtempSync(join(tmpdir(), 'karavan-complexity-'));
    return join(this.#partDir, `part-${String(yearNumber).padStart(5, '0')}.${this.#options.format}`);
  }

  /**
   * The COPY of one year. The year, the labels and the per-location and per-product measures are
   * list parameters indexed by the row's location (li) and product (pi) index. For CSV, those
   * measures are turned into text once (numberTextSql) and NaN becomes NULL (an empty cell).
   */
  async #copy(table: string, y: ComplexityOutputYear, target: string, header: boolean): Promise<void> {
    const { columns, format, wholeValues } = this.#options;
    const csv = format === 'csv';
    const aliasSql = (i: number) => quoteIdentifier(csv ? spreadsheetSafeText(columns[i]!) : columns[i]!);
    const label = (text: string) => (csv ? spreadsheetSafeText(text) : text);
    // NaN -> NULL (an empty cell); + 0.0 turns -0 into 0 (the text "0.0", not "-0.0").
    const measureSql = (column: string) => `(nullif(${column}, 'NaN'::DOUBLE) + 0.0)`;
    const perIndexSql = (parameter: number, index: 'li' | 'pi') => `$${parameter}[${index} + 1]`;
    const valueSql = csv && wholeValues ? 'CAST(value AS BIGINT)' : measureSql('value');
    const selectSql = `SELECT $1::INTEGER AS ${aliasSql(0)}, ${perIndexSql(2, 'li')} AS ${aliasSql(1)}, ${perIndexSql(3, 'pi')} AS ${aliasSql(2)},
        ${valueSql} AS ${aliasSql(3)}, ${measureSql('advantage')} AS ${aliasSql(4)}, mcp AS ${aliasSql(5)}, ${measureSql('density')} AS ${aliasSql(6)},
        ${perIndexSql(4, 'li')} AS ${aliasSql(7)}, ${perIndexSql(5, 'pi')} AS ${aliasSql(8)}, ${perIndexSql(6, 'li')} AS ${aliasSql(9)},
        ${perIndexSql(7, 'pi')} AS ${aliasSql(10)}, ${perIndexSql(8, 'li')} AS ${aliasSql(11)}, ${measureSql('cog')} AS ${aliasSql(12)}
      FROM ${quoteIdentifier(table)}`;
    const optionsSql = csv ? `(FORMAT csv, HEADER ${header ? 'true' : 'false'})` : '(FORMAT parquet)';
    const { listValue, LIST, VARCHAR, DOUBLE, INTEGER } = duckdbApi();
    const numbers = (xs: Float64Array) => listValue(Array.from(xs, (x) => (x !== x ? null : x + 0))); // -0 as 0
    const integers = (xs: Int32Array) => listValue(Array.from(xs));
    const texts = (xs: readonly string[]) => listValue(xs.map(label));
    const measureType = csv ? LIST(VARCHAR) : LIST(DOUBLE);
    const perRow = async (xs: Float64Array): Promise<DuckDBValue> =>
      csv ? numberTexts(this.#copyConnection, xs) : numbers(xs);
    const eci = await perRow(y.eci);
    const pci = await perRow(y.pci);
    const coi = await perRow(y.coi);
    await this.#copyConnection.run(
      `COPY (${selectSql}) TO ${quoteString(target)} ${optionsSql}`,
      [y.year, texts(y.locations), texts(y.products), eci, pci, integers(y.diversity), integers(y.ubiquity), coi],
      [INTEGER, LIST(VARCHAR), LIST(VARCHAR), measureType, measureType, LIST(INTEGER), LIST(INTEGER), measureType],
    );
  }

  async #mergeParquet(): Promise<void> {
    // In year order: read_parquet keeps the order of its list while insertion order is preserved
    // (DuckDB's default).
    const { listValue, LIST, VARCHAR } = duckdbApi();
    await this.#copyConnection.run(
      `COPY (SELECT * FROM read_parquet($1)) TO ${quoteString(this.#options.path)} (FORMAT parquet)`,
      [listValue(this.#parquetParts)],
      [LIST(VARCHAR)],
    );
  }
}

/** DuckDB's text of each number (the same as in the per-cell columns), NULL for NaN, as a list value. */
async function numberTexts(connection: DuckDBConnection, xs: Float64Array): Promise<DuckDBValue> {
  const { listValue, LIST, DOUBLE } = duckdbApi();
  const reader = await connection.runAndReadAll(
    `SELECT list_transform($1, x -> CAST(nullif(x, 'NaN'::DOUBLE) AS VARCHAR)) AS t`,
    [listValue(Array.from(xs, (x) => x + 0))], // -0 as 0; NaN stays NaN (a NULL is not a number here)
    [LIST(DOUBLE)],
  );
  const texts = reader.getRowObjectsJS()[0]!['t'] as (string | null)[];
  return listValue(texts);
}

/** Copies the year's cells into the appender, 2,048 rows per chunk, from the typed arrays. */
function appendCells(appender: DuckDBAppender, y: ComplexityOutputYear): void {
  const { DuckDBDataChunk, INTEGER, DOUBLE, UTINYINT } = duckdbApi();
  const types = [INTEGER, INTEGER, DOUBLE, DOUBLE, UTINYINT, DOUBLE, DOUBLE];
  if (types.length !== cellColumns.length) throw new TypeError('cell columns and types differ');
  const K = y.products.length;
  const cells = y.locations.length * K;
  let chunk: DuckDBDataChunk | undefined;
  for (let from = 0; from < cells; from += chunkRows) {
    const n = Math.min(chunkRows, cells - from);
    if (chunk === undefined || chunk.rowCount !== n) chunk = DuckDBDataChunk.create(types, n);
    const items = (column: number) => (chunk!.getColumnVector(column) as unknown as { items: Float64Array }).items;
    const li = items(0) as unknown as Int32Array;
    const pi = items(1) as unknown as Int32Array;
    let row = Math.floor(from / K);
    let product = from - row * K;
    for (let j = 0; j < n; j++) {
      li[j] = row;
      pi[j] = product;
      if (++product === K) {
        product = 0;
        row++;
      }
    }
    const to = from + n;
    items(2).set(y.valuesUsd.subarray(from, to));
    items(3).set(y.advantage.subarray(from, to));
    (items(4) as unknown as Uint8Array).set(y.mcp.subarray(from, to));
    items(5).set(y.density.subarray(from, to));
    items(6).set(y.cog.subarray(from, to));
    for (let column = 0; column < cellColumns.length; column++) chunk.getColumnVector(column).flush();
    appender.appendDataChunk(chunk);
  }
}

/** Appends a file to another (both closed), then deletes the first. */
async function appendFileTo(part: string, path: string): Promise<void> {
  await pipeline(createReadStream(part, { highWaterMark: 1 << 22 }), createWriteStream(path, { flags: 'a' }));
  rmSync(part, { force: true });
}
