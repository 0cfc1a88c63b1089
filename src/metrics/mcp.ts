/**
 * The presence matrix: M[c,p] = 1 iff RCA[c,p] > threshold (strictly greater, Stata's rule;
 * py-ecomplexity uses >=), else 0. The same rule applies to RPOP. A user-supplied ("manual")
 * M is used as given after checkPresence().
 * Source: docs/complexity.md §2; docs/methods/complexity.md §2.
 */
import { MetricInputError } from '../errors.ts';
import { checkBinary, checkCount, checkShape } from './matrix.ts';

/**
 * @param advantage RCA or RPOP, locations × products
 * @param threshold present when advantage > threshold (default 1)
 */
export function mcp(advantage: Float64Array, locations: number, products: number, threshold = 1): Uint8Array {
  checkCount('mcp', 'locations', locations);
  checkCount('mcp', 'products', products);
  checkShape('mcp', 'advantage', advantage, locations, products);
  if (!Number.isFinite(threshold) || threshold < 0) {
    throw new MetricInputError(`mcp: invalid threshold: ${threshold}`, { value: String(threshold) });
  }
  const out = new Uint8Array(advantage.length);
  for (let i = 0; i < advantage.length; i++) out[i] = advantage[i]! > threshold ? 1 : 0;
  return out;
}

/** Checks a user-supplied M: the right shape, only 0 and 1. Returns it as a Uint8Array. */
export function checkPresence(m: ArrayLike<number>, locations: number, products: number): Uint8Array {
  checkCount('checkPresence', 'locations', locations);
  checkCount('checkPresence', 'products', products);
  checkShape('checkPresence', 'presence', m, locations, products);
  checkBinary('checkPresence', 'presence', m, products);
  return m instanceof Uint8Array ? m : Uint8Array.from(m);
}
