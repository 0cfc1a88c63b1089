/**
 * The only place SQL text is assembled from names. Values are always bound as parameters
 * ($1, $2, ...); identifiers, file paths inside view definitions (DuckDB does not accept
 * parameters in CREATE VIEW) and constant structs go through these quoting functions.
 */

/** Quotes an identifier: `a"b` -> `"a""b"`. */
export function quoteIdentifier(name: string): string {
  return '"' + name.replaceAll('"', '""') + '"';
}

/** Quotes a string literal: `it's` -> `'it''s'`. Rejects NUL, which DuckDB strings cannot hold. */
export function quoteString(text: string): string {
  if (text.includes('\u0000')) throw new TypeError('a SQL string literal cannot contain NUL');
  return "'" + text.replaceAll("'", "''") + "'";
}

/** A list literal of quoted strings: `['a', 'b']`. */
export function sqlList(items: readonly string[]): string {
  return '[' + items.map(quoteString).join(', ') + ']';
}

/** A struct literal of name -> type strings for read_csv's `columns=`: `{'t': 'INTEGER'}`. */
export function sqlStruct(entries: ReadonlyArray<readonly [string, string]>): string {
  return '{' + entries.map(([key, type]) => `${quoteString(key)}: ${quoteString(type)}`).join(', ') + '}';
}
