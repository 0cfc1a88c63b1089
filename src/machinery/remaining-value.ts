/**
 * (F9) Remaining (salvage) value, the squared ASABE D497.6/.7 form:
 * `RV share = [C1 - C2 * n^0.5 - C3 * h^0.5]^2`, n = age in years, h = accumulated hours.
 * The bracket is floored at 0 before squaring (a worn-out machine is worth nothing, not more).
 * The older un-squared form `C1 - C2 n^0.5 - C3 h^0.5` is a different function (2.6x apart
 * in the methods doc's example); it is provided only to show that difference.
 */
import { requireNonNegative } from './validate.ts';

export interface RemainingValueCoefficients {
  c1: number;
  c2: number;
  c3: number;
}

/** F9: remaining value as a share of the current list price (squared form). */
export function remainingValueShare(
  ageYears: number,
  accumulatedHours: number,
  coefficients: RemainingValueCoefficients,
): number {
  requireNonNegative('ageYears', ageYears);
  requireNonNegative('accumulatedHours', accumulatedHours);
  const bracket =
    coefficients.c1 - coefficients.c2 * Math.sqrt(ageYears) - coefficients.c3 * Math.sqrt(accumulatedHours);
  return Math.max(bracket, 0) ** 2;
}

/** The un-squared form some guides quote; for comparison only, never used in costs. */
export function remainingValueShareUnsquared(
  ageYears: number,
  accumulatedHours: number,
  coefficients: RemainingValueCoefficients,
): number {
  requireNonNegative('ageYears', ageYears);
  requireNonNegative('accumulatedHours', accumulatedHours);
  return Math.max(
    coefficients.c1 - coefficients.c2 * Math.sqrt(ageYears) - coefficients.c3 * Math.sqrt(accumulatedHours),
    0,
  );
}
