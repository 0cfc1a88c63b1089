/**
 * Domain checks shared by the machinery functions. Each throws MachineryInputError with
 * "invalid <field>: <value> (<rule>)" so the message names the field.
 */
import { MachineryInputError, type KaravanErrorOptions } from '../errors.ts';

function fail(field: string, value: unknown, rule: string, location: KaravanErrorOptions = {}): never {
  throw new MachineryInputError(`invalid ${field}: ${String(value)} (${rule})`, {
    value: String(value),
    ...location,
    column: location.column ?? field,
  });
}

/** A finite number > 0. */
export function requirePositive(field: string, value: number, location?: KaravanErrorOptions): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0)
    fail(field, value, 'must be a number greater than 0', location);
  return value;
}

/** A finite number >= 0. */
export function requireNonNegative(field: string, value: number, location?: KaravanErrorOptions): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
    fail(field, value, 'must be a number 0 or greater', location);
  return value;
}

/** A share in (0, 1]. */
export function requireShare(field: string, value: number, location?: KaravanErrorOptions): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > 1)
    fail(field, value, 'must be greater than 0 and at most 1', location);
  return value;
}

/** A share in [0, 1]. */
export function requireShareOrZero(field: string, value: number, location?: KaravanErrorOptions): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1)
    fail(field, value, 'must be between 0 and 1', location);
  return value;
}

/** A whole number >= min. */
export function requireInteger(field: string, value: number, min: number, location?: KaravanErrorOptions): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min)
    fail(field, value, `must be a whole number, at least ${min}`, location);
  return value;
}

/** A hours-per-day value in (0, 24]. */
export function requireHoursPerDay(field: string, value: number, location?: KaravanErrorOptions): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > 24)
    fail(field, value, 'must be greater than 0 and at most 24', location);
  return value;
}
