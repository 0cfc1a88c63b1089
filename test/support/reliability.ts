/**
 * Reliability tests (test/reliability) run a short version in `npm test` (CI) and the full version
 * under `KARAVAN_RELIABILITY=full` (`npm run reliability`). Generators are seeded: a failure prints
 * its seed, and `KARAVAN_SEED=<n>` replays it.
 */
export const full = process.env.KARAVAN_RELIABILITY === 'full';

/** The short value in CI, the full one under KARAVAN_RELIABILITY=full. */
export function pick<T>(short: T, fullValue: T): T {
  return full ? fullValue : short;
}

export const seed = Number(process.env.KARAVAN_SEED ?? 20261128);

/** A small, fast, seedable PRNG (mulberry32): the same seed gives the same inputs on any machine. */
export function rng(s: number): () => number {
  let a = s >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
