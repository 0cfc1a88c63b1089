/**
 * A thin wrapper over one DuckDB connection: parameterised queries returning plain JS rows
 * (BIGINT and HUGEINT turned into numbers, DECIMAL into numbers), and the node-api objects
 * kept private. Used by the store and the readers; nothing outside src/data/ sees DuckDB.
 */
import { DOUBLE, DuckDBInstance, type DuckDBConnection, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';

export type SqlValue = string | number | boolean | null | bigint;
export type Row = Record<string, unknown>;

function toPlain(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (Array.isArray(value)) return value.map(toPlain);
  if (value !== null && typeof value === 'object' && !(value instanceof Date) && !ArrayBuffer.isView(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = toPlain(item);
    return out;
  }
  return value;
}

/**
 * Whether a vector has a NULL among its first n items. node-api keeps no validity mask when
 * every item is valid (`validity.data` empty), which makes the common case free.
 */
function hasNulls(vector: { getItem(index: number): unknown }, n: number): boolean {
  const validity = (vector as unknown as { validity?: { data?: unknown; itemValid?(index: number): boolean } })
    .validity;
  if (validity && typeof validity.itemValid === 'function') {
    if (!validity.data) return false;
    for (let r = 0; r < n; r++) if (!validity.itemValid(r)) return true;
    return false;
  }
  for (let r = 0; r < n; r++) if (vector.getItem(r) === null) return true;
  return false;
}

/**
 * Parameter types where node-api's own inference fails: it binds every integral JS number
 * beyond int32 as BIGINT, which throws for values past int64 (a dataset's USD total of 1e20
 * is an integral double). Such numbers are bound as DOUBLE; undefined leaves the inference.
 */
function paramTypes(params: SqlValue[]): DuckDBType[] | undefined {
  const unsafe = (p: SqlValue) => typeof p === 'number' && Number.isInteger(p) && !Number.isSafeInteger(p);
  if (!params.some(unsafe)) return undefined;
  // node-api reads an undefined entry as "infer this one".
  return params.map((p) => (unsafe(p) ? DOUBLE : undefined)) as DuckDBType[];
}

export class Database {
  readonly #instance: DuckDBInstance;
  readonly #connection: DuckDBConnection;

  private constructor(instance: DuckDBInstance, connection: DuckDBConnection) {
    this.#instance = instance;
    this.#connection = connection;
  }

  /** An in-memory database; `threads` defaults to DuckDB's choice (all cores). */
  static async create(
    options: { threads?: number; memoryLimit?: string; tempDirectory?: string } = {},
  ): Promise<Database> {
    const config: Record<string, string> = {};
    if (options.threads !== undefined) config['threads'] = String(options.threads);
    if (options.memoryLimit !== undefined) config['memory_limit'] = options.memoryLimit;
    if (options.tempDirectory !== undefined) config['temp_directory'] = options.tempDirectory;
    const instance = await DuckDBInstance.create(':memory:', config);
    const connection = await instance.connect();
    return new Database(instance, connection);
  }

  /** Runs a statement for its effect. */
  async run(sql: string, params: SqlValue[] = []): Promise<void> {
    await this.#connection.run(sql, params as DuckDBValue[], paramTypes(params));
  }

  /** Runs a query and returns its rows as plain objects. */
  async all<T extends object = Row>(sql: string, params: SqlValue[] = []): Promise<T[]> {
    const reader = await this.#connection.runAndReadAll(sql, params as DuckDBValue[], paramTypes(params));
    return reader.getRowObjectsJS().map((row) => toPlain(row) as T);
  }

  /** Runs a query and returns its first row, or undefined. */
  async one<T extends object = Row>(sql: string, params: SqlValue[] = []): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0];
  }

  /** Runs a query and returns its columns as arrays (faster than rows for large results). */
  async columns(sql: string, params: SqlValue[] = []): Promise<Record<string, unknown[]>> {
    const reader = await this.#connection.runAndReadAll(sql, params as DuckDBValue[], paramTypes(params));
    return reader.getColumnsObjectJS() as Record<string, unknown[]>;
  }

  /**
   * Runs a query whose columns are all numeric and returns them as typed arrays, without
   * building a JS value per cell: for millions of rows (the flows behind export potential).
   * NULL becomes 0 in Int32 columns and NaN in Float64 columns.
   */
  async numericColumns<K extends string>(
    sql: string,
    params: SqlValue[],
    kinds: Record<K, 'int32' | 'float64'>,
  ): Promise<Record<K, Int32Array | Float64Array>> {
    const result = await this.#connection.run(sql, params as DuckDBValue[], paramTypes(params));
    const names = result.columnNames();
    const rowCount = result.rowCount;
    const out = {} as Record<K, Int32Array | Float64Array>;
    const targets = names.map((name) => {
      const kind = kinds[name as K];
      if (!kind) throw new TypeError(`numericColumns: unexpected column ${name}`);
      const array = kind === 'int32' ? new Int32Array(rowCount) : new Float64Array(rowCount);
      out[name as K] = array;
      return { array, fallback: kind === 'int32' ? 0 : Number.NaN };
    });
    let offset = 0;
    for (let c = 0; c < result.chunkCount; c++) {
      const chunk = result.getChunk(c);
      const n = chunk.rowCount;
      targets.forEach(({ array, fallback }, column) => {
        const vector = chunk.getColumnVector(column);
        // INTEGER and DOUBLE vectors keep their data in a typed array (node-api's `items`): copy
        // it in one call when it has the target's type and no NULLs; else read item by item.
        const items = (vector as unknown as { items?: unknown }).items;
        const sameType =
          (array instanceof Int32Array && items instanceof Int32Array) ||
          (array instanceof Float64Array && items instanceof Float64Array);
        if (sameType && (items as Int32Array | Float64Array).length === n && !hasNulls(vector, n)) {
          array.set(items as Int32Array & Float64Array, offset);
          return;
        }
        for (let r = 0; r < n; r++) {
          const value = vector.getItem(r);
          array[offset + r] = value === null ? fallback : Number(value);
        }
      });
      offset += n;
    }
    return out;
  }

  closeSync(): void {
    this.#connection.closeSync();
    this.#instance.closeSync();
  }
}
