/**
 * Welch's t-interval for the difference of two means with unequal variances:
 * se = sqrt(s_a^2/n_a + s_b^2/n_b), Welch-Satterthwaite df, CI = d +- t(1 - alpha/2, df) * se.
 */
import { MachineryInputError } from '../errors.ts';
import { studentTQuantile } from './t-distribution.ts';

export interface SampleSummary {
  n: number;
  mean: number;
  /** Sample standard deviation (n - 1 in the denominator); 0 when n = 1. */
  standardDeviation: number;
}

export function summariseSample(values: readonly number[]): SampleSummary {
  const n = values.length;
  if (n === 0) return { n: 0, mean: Number.NaN, standardDeviation: Number.NaN };
  const mean = values.reduce((total, v) => total + v, 0) / n;
  const variance = n > 1 ? values.reduce((total, v) => total + (v - mean) ** 2, 0) / (n - 1) : 0;
  return { n, mean, standardDeviation: Math.sqrt(variance) };
}

export interface WelchInterval {
  /** mean(a) - mean(b). */
  differenceOfMeans: number;
  standardError: number;
  degreesOfFreedom: number;
  confidenceLevel: number;
  tQuantile: number;
  lower: number;
  upper: number;
  /** The interval does not contain 0. */
  excludesZero: boolean;
}

export function welchInterval(a: SampleSummary, b: SampleSummary, confidenceLevel = 0.95): WelchInterval {
  if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
    throw new MachineryInputError(`invalid confidenceLevel: ${confidenceLevel} (must be between 0 and 1, exclusive)`, {
      column: 'confidenceLevel',
      value: String(confidenceLevel),
    });
  }
  for (const [name, s] of [
    ['a', a],
    ['b', b],
  ] as const) {
    if (s.n < 2)
      throw new MachineryInputError(
        `invalid sample ${name}: ${s.n} observations (a Welch interval needs at least 2 per machine)`,
        { column: 'n', value: String(s.n) },
      );
  }
  const va = a.standardDeviation ** 2 / a.n;
  const vb = b.standardDeviation ** 2 / b.n;
  const standardError = Math.sqrt(va + vb);
  const differenceOfMeans = a.mean - b.mean;
  // With no spread in either sample the df formula is 0/0: fall back to the pooled df.
  const degreesOfFreedom = va + vb === 0 ? a.n + b.n - 2 : (va + vb) ** 2 / (va ** 2 / (a.n - 1) + vb ** 2 / (b.n - 1));
  const tQuantile = studentTQuantile(1 - (1 - confidenceLevel) / 2, degreesOfFreedom);
  const lower = differenceOfMeans - tQuantile * standardError;
  const upper = differenceOfMeans + tQuantile * standardError;
  return {
    differenceOfMeans,
    standardError,
    degreesOfFreedom,
    confidenceLevel,
    tQuantile,
    lower,
    upper,
    excludesZero: lower > 0 || upper < 0,
  };
}
