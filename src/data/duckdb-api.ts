/**
 * The DuckDB API, loaded with require() on first use, for the one-shot commands that read or write
 * files through DuckDB without opening the store (read-panel-csv.ts, complexity-output.ts):
 * @duckdb/node-api is CommonJS, and loading it through the ESM loader costs about twice as long
 * (measured: ~150 ms vs ~300 ms), which matters for a one-shot CLI command.
 */
import { createRequire } from 'node:module';

let duckdb: typeof import('@duckdb/node-api') | undefined;

export function duckdbApi(): typeof import('@duckdb/node-api') {
  duckdb ??= createRequire(import.meta.url)('@duckdb/node-api') as typeof import('@duckdb/node-api');
  return duckdb;
}
