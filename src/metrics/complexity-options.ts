/**
 * Options of the complexity engine (complexity.ts), in a module of their own so that the CLI can
 * show the defaults in its help text without loading the engine.
 * Source: docs/complexity.md §Options.
 */
import { InvalidOptionError } from '../errors.ts';

export type PresenceTest = 'rca' | 'rpop' | 'manual';

export const presenceTests: readonly PresenceTest[] = Object.freeze(['rca', 'rpop', 'manual']);

export interface ComplexityOptions {
  /** Present when RCA (or RPOP) is strictly greater than this (Stata's `rca()` / `rpop()`). @default 1 */
  rcaThreshold?: number;
  /** How presence M is decided: `rca`, `rpop` (needs population) or `manual` (M given). @default 'rca' */
  presence?: PresenceTest;
  /** Continuous proximity: ½(1 + Pearson correlation of RCA columns); density weighs by RCA. @default false */
  continuous?: boolean;
  /** Asymmetric proximity φ[p,q] = C[p,q] / k_q. @default false */
  asymmetric?: boolean;
  /**
   * Density over each product's k nearest products only (Stata's `knn(k)`, density-knn.ts): a
   * whole number from 1 to the number of products of each year; null = all products. COI uses
   * this density; COG still uses the whole proximity (as Stata). Discrete proximities only.
   * @default null
   */
  knn?: number | null;
}

export type ResolvedComplexityOptions = Required<ComplexityOptions>;

export const complexityDefaults: Readonly<ResolvedComplexityOptions> = Object.freeze({
  rcaThreshold: 1,
  presence: 'rca',
  continuous: false,
  asymmetric: false,
  knn: null,
});

/** Validates and fills in defaults. @throws InvalidOptionError naming the field. */
export function resolveComplexity(options: ComplexityOptions = {}): ResolvedComplexityOptions {
  const o = { ...complexityDefaults, ...options };
  if (typeof o.rcaThreshold !== 'number' || !Number.isFinite(o.rcaThreshold) || o.rcaThreshold < 0) {
    throw new InvalidOptionError(`invalid rcaThreshold: ${String(o.rcaThreshold)}`, { value: String(o.rcaThreshold) });
  }
  if (!presenceTests.includes(o.presence)) {
    throw new InvalidOptionError(`invalid presence: ${String(o.presence)}`, {
      value: String(o.presence),
      hint: `use one of ${presenceTests.join(', ')}`,
    });
  }
  for (const key of ['continuous', 'asymmetric'] as const) {
    if (typeof o[key] !== 'boolean')
      throw new InvalidOptionError(`invalid ${key}: ${String(o[key])}`, { value: String(o[key]) });
  }
  // The upper bound (the number of products) is per year; complexity() checks it.
  if (o.knn !== null && (typeof o.knn !== 'number' || !Number.isInteger(o.knn) || o.knn < 1)) {
    throw new InvalidOptionError(`invalid knn: ${String(o.knn)}`, {
      value: String(o.knn),
      hint: 'give a whole number of neighbours, at least 1 and at most the number of products',
    });
  }
  if (o.knn !== null && o.continuous) {
    // Stata's knn() rounding (density-knn.ts) decides whether the k-th neighbour is kept by the
    // last bit of its proximity; continuous proximities differ from Stata's in those bits (its RCA
    // uses float totals), so no result could be said to be Stata's (up to 13% off on its reference).
    throw new InvalidOptionError(`invalid knn: ${o.knn} (not available with the continuous proximity)`, {
      value: String(o.knn),
      hint: 'use knn with the discrete proximity (symmetric or asymmetric), or the continuous proximity without knn',
    });
  }
  if (o.continuous && o.asymmetric) {
    throw new InvalidOptionError('invalid asymmetric: true (continuous proximity is symmetric; use one or the other)', {
      value: 'true',
    });
  }
  return o;
}
