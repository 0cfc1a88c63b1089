/**
 * A thin wrapper over one DuckDB connection: parameterised queries returning plain JS rows
 * (BIGINT and HUGEINT turned into numbers, DECIMAL into numbers), and the node-api objects
 * kept private. Used by the store and the readers; nothing outside src/data/ sees DuckDB.
 */
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';

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

export class Database {
  readonly #instance: DuckDBInstance;
  readonly #connection: DuckDBConnection;

  private constructor(instance: DuckDBInstance, connection: DuckDBConnection) {
    this.#instance = instance;
    this.#connection = connection;
  }

  /** An in-memory database; `threads` defaults to DuckDB's choice (all cores). */
  static async create(options: { threads?: number; memoryLimit?: string; tempDirectory?: string } = {}): Promise<Database> {
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
    await this.#connection.run(sql, params as DuckDBValue[]);
  }

  /** Runs a query and returns its rows as plain objects. */
  async all<T extends object = Row>(sql: string, params: SqlValue[] = []): Promise<T[]> {
    const reader = await this.#connection.runAndReadAll(sql, params as DuckDBValue[]);
    return reader.getRowObjectsJS().map((row) => toPlain(row) as T);
  }

  /** Runs a query and returns its first row, or undefined. */
  async one<T extends object = Row>(sql: string, params: SqlValue[] = []): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0];
  }

  /** Runs a query and returns its columns as arrays (faster than rows for large results). */
  async columns(sql: string, params: SqlValue[] = []): Promise<Record<string, unknown[]>> {
    const reader = await this.#connection.runAndReadAll(sql, params as DuckDBValue[]);
    return reader.getColumnsObjectJS() as Record<string, unknown[]>;
  }

  closeSync(): void {
    this.#connection.closeSync();
    this.#instance.closeSync();
  }
}
