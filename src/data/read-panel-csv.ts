/**
 * Reads a long trade panel (one row per time × location × product) from a CSV file into dense
 * per-year matrices for the complexity engine, through DuckDB:
 *
 * - the named columns are read as text (product codes stay exactly as written, zero padding
 *   included) and validated: a non-integer time, an empty location or product, or a value that
 *   is not a finite number >= 0 raises BadValueError naming the line, column and value; an empty
 *   value cell is a missing pair (0), and counted;
 * - duplicate keys are summed (presence: the largest of 0/1, so any 1 wins) and counted;
 * - locations and products are sorted (byte order) over the whole file; each year gets a
 *   locations × products Float64Array (row-major) with 0 for missing pairs.
 *
 * The file path is bound as a parameter; column names go through quoteIdentifier (sql.ts).
 */
import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import { existsSync, statSync } from 'node:fs';
import {
  BadHeaderError,
  BadValueError,
  EmptyFileError,
  FileNotFoundError,
  type KaravanError,
  MalformedCsvError,
  NotAFileError,
} from '../errors.ts';
import { duckdbApi } from './duckdb-api.ts';
import { quoteIdentifier } from './sql.ts';

export interface PanelCsvColumns {
  /** Time column (integer years). */
  time: string;
  location: string;
  product: string;
  /** Trade value column (finite, >= 0). */
  value: string;
  /** Optional 0/1 presence column (manual M). */
  presence?: string;
}

export interface PanelCsv {
  file: string;
  years: number[];
  /** Location labels, sorted, over all years. */
  locations: string[];
  /** Product codes as written in the file, sorted, over all years. */
  products: string[];
  /** Per year (same order as `years`): locations × products, row-major, 0 for missing pairs. */
  valuesUsd: Float64Array[];
  /** Per year, when a presence column was read: locations × products, 0/1. */
  presence?: Uint8Array[];
  /** Data rows in the file. */
  rows: number;
  /** Keys (time, location, product) that appeared more than once (their values were summed). */
  duplicateKeys: number;
  /** Rows whose value cell was empty (read as 0). */
  emptyValues: number;
}

export interface PopulationCsvColumns {
  location: string;
  /** Population column. */
  population: string;
  /** Time column; when the file has no such column, one population applies to every year. */
  time?: string;
}

export interface PopulationCsv {
  file: string;
  /** Population by year and location, when the file has the time column. */
  byYear: Map<number, Map<string, number>> | null;
  /** Population by location for every year, when the file has no time column. */
  allYears: Map<string, number> | null;
}

/** The population of a location in a year; NaN when the file does not give it. */
export function populationOf(populations: PopulationCsv, year: number, location: string): number {
  const value =
    populations.byYear !== null ? populations.byYear.get(year)?.get(location) : populations.allYears?.get(location);
  return value ?? NaN;
}

function checkFile(path: string): void {
  if (!existsSync(path)) throw new FileNotFoundError(`no such file: ${path}`, { file: path });
  const stat = statSync(path);
  if (stat.isDirectory()) throw new NotAFileError(`${path} is a directory; give the CSV file itself`, { file: path });
  if (!stat.isFile()) throw new NotAFileError(`${path} is not a regular file`, { file: path });
}

async function withConnection<T>(run: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
  const instance = await duckdbApi().DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    return await run(connection);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

async function rows(
  connection: DuckDBConnection,
  sql: string,
  params: DuckDBValue[] = [],
): Promise<Record<string, unknown>[]> {
  const reader = await connection.runAndReadAll(sql, params);
  return reader.getRowObjectsJS() as Record<string, unknown>[];
}

/** Header names of the CSV (DuckDB's sniffer decides the delimiter and quoting). */
async function headerOf(connection: DuckDBConnection, path: string): Promise<string[]> {
  try {
    const described = await rows(connection, 'DESCRIBE SELECT * FROM read_csv($1, header = true, all_varchar = true)', [
      path,
    ]);
    return described.map((r) => String(r['column_name']));
  } catch (error) {
    throw new MalformedCsvError(`cannot read ${path} as CSV: ${(error as Error).message}`, {
      file: path,
      cause: error,
    });
  }
}

function requireColumns(path: string, header: string[], wanted: Record<string, string | undefined>): void {
  const missing = Object.entries(wanted).filter(([, name]) => name !== undefined && !header.includes(name));
  if (missing.length > 0) {
    const list = missing.map(([role, name]) => `${name} (--${role})`).join(', ');
    throw new BadHeaderError(`${path}: missing column(s) ${list}; the header has ${header.join(', ')}`, {
      file: path,
      column: missing[0]![1],
    });
  }
}

/** A cell that is not a finite number >= 0, as an SQL condition on text column `v`. */
const badNumber = (column: string) =>
  `(${quoteIdentifier(column)} IS NOT NULL AND trim(${quoteIdentifier(column)}) <> '' AND (TRY_CAST(trim(${quoteIdentifier(column)}) AS DOUBLE) IS NULL OR isnan(TRY_CAST(trim(${quoteIdentifier(column)}) AS DOUBLE)) OR isinf(TRY_CAST(trim(${quoteIdentifier(column)}) AS DOUBLE)) OR TRY_CAST(trim(${quoteIdentifier(column)}) AS DOUBLE) < 0))`;

/**
 * Reads the panel.
 * @throws FileNotFoundError, NotAFileError, MalformedCsvError, BadHeaderError (a named column is
 *   missing), BadValueError (first bad cell, with its line), EmptyFileError (no data rows)
 */
export async function readPanelCsv(path: string, columns: PanelCsvColumns): Promise<PanelCsv> {
  checkFile(path);
  return withConnection(async (connection) => {
    const hasPresence = columns.presence !== undefined;
    const presenceColumn = columns.presence ?? '';
    const badValueNumberSql = badNumber(columns.value);
    const badPresenceSql = hasPresence
      ? ` OR ${quoteIdentifier(presenceColumn)} IS NULL OR trim(${quoteIdentifier(presenceColumn)}) NOT IN ('0', '1')`
      : '';
    const badValueSql = `${badValueNumberSql}${badPresenceSql}`;
    const presenceCastSql = hasPresence ? `, TRY_CAST(trim(${quoteIdentifier(presenceColumn)}) AS INTEGER) AS m` : '';
    // One pass over the file: parse (every column as text, so codes keep their zeros) and cast.
    try {
      await connection.run(
        `CREATE TEMP TABLE raw AS SELECT TRY_CAST(trim(${quoteIdentifier(columns.time)}) AS INTEGER) AS year, ${quoteIdentifier(columns.location)} AS l, ${quoteIdentifier(columns.product)} AS p, TRY_CAST(trim(${quoteIdentifier(columns.value)}) AS DOUBLE) AS value, (${quoteIdentifier(columns.value)} IS NULL OR trim(${quoteIdentifier(columns.value)}) = '') AS empty, (${badValueSql}) AS bad${presenceCastSql}
           FROM read_csv($1, header = true, all_varchar = true)`,
        [path],
      );
    } catch (error) {
      // A missing column is a binder error: say which, with the header; anything else is the file.
      const header = await headerOf(connection, path);
      requireColumns(path, header, {
        time: columns.time,
        location: columns.location,
        product: columns.product,
        value: columns.value,
        'presence-column': columns.presence,
      });
      throw new MalformedCsvError(`cannot read ${path} as CSV: ${(error as Error).message}`, {
        file: path,
        cause: error,
      });
    }
    const summary = (
      await rows(
        connection,
        "SELECT count(*) AS n, count_if(empty) AS empty_values, count_if(bad OR year IS NULL OR l IS NULL OR l = '' OR p IS NULL OR p = '') AS bad FROM raw",
      )
    )[0]!;
    if (Number(summary['bad']) > 0) {
      // Only now number the rows, to say where the first bad cell is.
      const badRowSql = `${quoteIdentifier(columns.time)} IS NULL OR TRY_CAST(trim(${quoteIdentifier(columns.time)}) AS INTEGER) IS NULL OR ${quoteIdentifier(columns.location)} IS NULL OR ${quoteIdentifier(columns.location)} = '' OR ${quoteIdentifier(columns.product)} IS NULL OR ${quoteIdentifier(columns.product)} = '' OR ${badValueSql}`;
      const presenceTextSql = hasPresence ? `, ${quoteIdentifier(presenceColumn)} AS m` : '';
      const bad = await rows(
        connection,
        `SELECT row_no, ${quoteIdentifier(columns.time)} AS t, ${quoteIdentifier(columns.location)} AS l, ${quoteIdentifier(columns.product)} AS p, ${quoteIdentifier(columns.value)} AS v${presenceTextSql}
           FROM (SELECT row_number() OVER () AS row_no, * FROM read_csv($1, header = true, all_varchar = true)) WHERE ${badRowSql}
          ORDER BY row_no LIMIT 1`,
        [path],
      );
      throw badCell(path, columns, bad[0]!);
    }
    const rowCount = Number(summary['n']);
    if (rowCount === 0) throw new EmptyFileError(`${path} has no data rows`, { file: path });
    const years = (await rows(connection, 'SELECT DISTINCT year FROM raw ORDER BY year')).map((r) => Number(r['year']));
    const locations = (await rows(connection, 'SELECT DISTINCT l FROM raw ORDER BY l')).map((r) => String(r['l']));
    const products = (await rows(connection, 'SELECT DISTINCT p FROM raw ORDER BY p')).map((r) => String(r['p']));

    // Dense arrays: DuckDB maps labels to indices (joins with the sorted label lists); duplicate
    // keys are summed here (presence: the largest) and counted.
    const cells = locations.length * products.length;
    const valuesUsd = years.map(() => new Float64Array(cells));
    const seen = years.map(() => new Uint8Array(cells));
    const presence = hasPresence ? years.map(() => new Uint8Array(cells)) : undefined;
    let duplicateKeys = 0;
    const presencePickSql = hasPresence ? ', raw.m AS m' : '';
    const result = await connection.run(
      `WITH yi AS (SELECT year, CAST(row_number() OVER (ORDER BY year) - 1 AS INTEGER) AS i FROM (SELECT DISTINCT year FROM raw)),
            li AS (SELECT l, CAST(row_number() OVER (ORDER BY l) - 1 AS INTEGER) AS i FROM (SELECT DISTINCT l FROM raw)),
            pi AS (SELECT p, CAST(row_number() OVER (ORDER BY p) - 1 AS INTEGER) AS i FROM (SELECT DISTINCT p FROM raw))
       SELECT yi.i AS y, li.i AS l, pi.i AS p, COALESCE(raw.value, 0) AS value${presencePickSql}
         FROM raw JOIN yi USING (year) JOIN li USING (l) JOIN pi USING (p)`,
    );
    // The columns are read as typed arrays (vector.items): none is NULL here (inner joins, the
    // value COALESCEd, bad presence cells refused above), and getItem() per cell costs seconds on
    // an HS6 panel (it checks each item's validity bit with BigInt arithmetic).
    type Items<T> = { items: T };
    for (;;) {
      const chunk = await result.fetchChunk();
      if (chunk === null || chunk.rowCount === 0) break;
      const y = (chunk.getColumnVector(0) as unknown as Items<Int32Array>).items;
      const li = (chunk.getColumnVector(1) as unknown as Items<Int32Array>).items;
      const pi = (chunk.getColumnVector(2) as unknown as Items<Int32Array>).items;
      const value = (chunk.getColumnVector(3) as unknown as Items<Float64Array>).items;
      const mi = hasPresence ? (chunk.getColumnVector(4) as unknown as Items<Int32Array>).items : undefined;
      for (let r = 0; r < chunk.rowCount; r++) {
        const index = li[r]! * products.length + pi[r]!;
        const year = y[r]!;
        const once = seen[year]!;
        const state = once[index]!;
        if (state === 0) once[index] = 1;
        else if (state === 1) {
          duplicateKeys++; // counted once per duplicated key
          once[index] = 2;
        }
        valuesUsd[year]![index]! += value[r]!;
        if (mi !== undefined) {
          const mv = mi[r]!;
          if (mv > presence![year]![index]!) presence![year]![index] = mv;
        }
      }
    }
    return {
      file: path,
      years,
      locations,
      products,
      valuesUsd,
      ...(presence !== undefined && { presence }),
      rows: rowCount,
      duplicateKeys,
      emptyValues: Number(summary['empty_values']),
    };
  });
}

function badCell(path: string, columns: PanelCsvColumns, row: Record<string, unknown>): KaravanError {
  const line = Number(row['row_no']) + 1; // the header is line 1
  const text = (x: unknown) => (x === null || x === undefined ? '' : String(x));
  const t = text(row['t']);
  if (t.trim() === '' || !/^[+-]?\d+$/.test(t.trim())) {
    return new BadValueError(`${path}:${line}: ${columns.time} must be an integer year, got "${t}"`, {
      file: path,
      line,
      column: columns.time,
      value: t,
    });
  }
  if (text(row['l']) === '') {
    return new BadValueError(`${path}:${line}: ${columns.location} is empty`, {
      file: path,
      line,
      column: columns.location,
      value: '',
    });
  }
  if (text(row['p']) === '') {
    return new BadValueError(`${path}:${line}: ${columns.product} is empty`, {
      file: path,
      line,
      column: columns.product,
      value: '',
    });
  }
  const v = text(row['v']).trim();
  const number = Number(v);
  if (v !== '' && !(Number.isFinite(number) && number >= 0)) {
    const why = Number.isFinite(number) ? 'is negative (exports must be >= 0)' : 'is not a finite number';
    return new BadValueError(`${path}:${line}: ${columns.value} ${why}: "${v}"`, {
      file: path,
      line,
      column: columns.value,
      value: v,
    });
  }
  const m = text(row['m']);
  return new BadValueError(`${path}:${line}: ${columns.presence} must be 0 or 1, got "${m}"`, {
    file: path,
    line,
    column: columns.presence,
    value: m,
  });
}

/**
 * Reads populations: a location column, a population column and, optionally, the time column.
 * Empty cells mean "unknown" (the location is then dropped by the rpop test for that year).
 * @throws BadHeaderError, BadValueError (a population that is not a finite number > 0)
 */
export async function readPopulationCsv(path: string, columns: PopulationCsvColumns): Promise<PopulationCsv> {
  checkFile(path);
  return withConnection(async (connection) => {
    const header = await headerOf(connection, path);
    requireColumns(path, header, { location: columns.location, 'population-column': columns.population });
    const hasTime = columns.time !== undefined && header.includes(columns.time);
    const timeSelectSql = hasTime ? `, ${quoteIdentifier(columns.time!)} AS t` : '';
    const data = await rows(
      connection,
      `SELECT row_number() OVER () AS row_no, ${quoteIdentifier(columns.location)} AS l, ${quoteIdentifier(columns.population)} AS v${timeSelectSql}
         FROM read_csv($1, header = true, all_varchar = true)`,
      [path],
    );
    const byYear = hasTime ? new Map<number, Map<string, number>>() : null;
    const allYears = hasTime ? null : new Map<string, number>();
    for (const row of data) {
      const line = Number(row['row_no']) + 1;
      const text = row['v'] === null ? '' : String(row['v']).trim();
      if (text === '') continue;
      const value = Number(text);
      if (!(Number.isFinite(value) && value > 0)) {
        throw new BadValueError(`${path}:${line}: ${columns.population} must be a number > 0, got "${text}"`, {
          file: path,
          line,
          column: columns.population,
          value: text,
        });
      }
      const location = String(row['l'] ?? '');
      if (byYear !== null) {
        const t = String(row['t'] ?? '').trim();
        if (!/^[+-]?\d+$/.test(t)) {
          throw new BadValueError(`${path}:${line}: ${columns.time} must be an integer year, got "${t}"`, {
            file: path,
            line,
            column: columns.time,
            value: t,
          });
        }
        const year = Number(t);
        if (!byYear.has(year)) byYear.set(year, new Map());
        byYear.get(year)!.set(location, value);
      } else {
        allYears!.set(location, value);
      }
    }
    return { file: path, byYear, allYears };
  });
}
