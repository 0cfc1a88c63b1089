/**
 * Small typed reader for parsed JSON: each accessor checks one field and, when it is wrong,
 * throws the given error class with the file and the field's path ("classes[3].speedKmh.typical").
 * Hand-written on purpose: the catalog, preset and scenario files need no schema library.
 */
import type { KaravanError, KaravanErrorOptions } from '../errors.ts';

type ErrorClass = new (message: string, options?: KaravanErrorOptions) => KaravanError;

export type JsonObject = Record<string, unknown>;

/** A value as JSON for a message; a value nested deeper than the stack allows (10,000 arrays) is named by its type instead of failing. */
function printable(value: unknown): string | undefined {
  try {
    return JSON.stringify(value);
  } catch {
    return Array.isArray(value) ? '[...]' : '{...}';
  }
}

export class JsonReader {
  constructor(
    readonly file: string,
    private readonly errorClass: ErrorClass,
  ) {}

  fail(path: string, message: string, value?: unknown): never {
    const shown = value === undefined ? undefined : typeof value === 'string' ? value : printable(value);
    throw new this.errorClass(`${this.file}: ${path}: ${message}`, {
      file: this.file,
      column: path,
      ...(shown !== undefined && { value: shown.length > 60 ? `${shown.slice(0, 57)}...` : shown }),
    });
  }

  object(path: string, value: unknown): JsonObject {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      this.fail(path, `expected an object, got ${describe(value)}`, value);
    return value as JsonObject;
  }

  array(path: string, value: unknown): unknown[] {
    if (!Array.isArray(value)) this.fail(path, `expected an array, got ${describe(value)}`, value);
    return value;
  }

  string(path: string, value: unknown): string {
    if (typeof value !== 'string' || value.trim() === '')
      this.fail(path, `expected a non-empty string, got ${describe(value)}`, value);
    return value;
  }

  optionalString(path: string, value: unknown): string | undefined {
    return value === undefined ? undefined : this.string(path, value);
  }

  boolean(path: string, value: unknown): boolean {
    if (typeof value !== 'boolean') this.fail(path, `expected true or false, got ${describe(value)}`, value);
    return value;
  }

  /** A finite number, with optional bounds: `gt` (exclusive), `min`, `max` (inclusive). */
  number(path: string, value: unknown, bounds: { gt?: number; min?: number; max?: number } = {}): number {
    if (typeof value !== 'number' || !Number.isFinite(value))
      this.fail(path, `expected a number, got ${describe(value)}`, value);
    if (bounds.gt !== undefined && !(value > bounds.gt))
      this.fail(path, `must be greater than ${bounds.gt}, got ${value}`, value);
    if (bounds.min !== undefined && value < bounds.min)
      this.fail(path, `must be at least ${bounds.min}, got ${value}`, value);
    if (bounds.max !== undefined && value > bounds.max)
      this.fail(path, `must be at most ${bounds.max}, got ${value}`, value);
    return value;
  }

  oneOf<T extends string>(path: string, value: unknown, allowed: readonly T[]): T {
    if (typeof value !== 'string' || !allowed.includes(value as T))
      this.fail(path, `expected one of ${allowed.join(', ')}, got ${describe(value)}`, value);
    return value as T;
  }

  /** Rejects keys outside `allowed` (catches typos such as "listPriceUSD"). */
  onlyKeys(path: string, object: JsonObject, allowed: readonly string[]): void {
    for (const key of Object.keys(object)) {
      if (!allowed.includes(key))
        this.fail(`${path === '' ? '' : `${path}.`}${key}`, `unknown field (allowed: ${allowed.join(', ')})`);
    }
  }

  required(path: string, object: JsonObject, key: string): unknown {
    if (!(key in object) || object[key] === undefined)
      this.fail(`${path === '' ? '' : `${path}.`}${key}`, 'missing required field');
    return object[key];
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 37)}...` : value}"`;
  if (typeof value === 'object') return 'an object';
  return String(value);
}

/** Parses JSON text; a syntax error becomes the given error class naming the file. */
export function parseJsonText(text: string, file: string, errorClass: ErrorClass): unknown {
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    throw new errorClass(`${file}: not valid JSON (${error instanceof Error ? error.message : String(error)})`, {
      file,
      cause: error,
    });
  }
}
