import { describe, expect, it } from 'vitest';
import { InvalidOptionError } from '../../../src/errors.ts';
import { displayThresholdDefaults, displayThresholdMask, resolveDisplayThreshold } from '../../../src/metrics/index.ts';

describe('displayThresholdMask (F9)', () => {
  it('defaults to ITC: USD 200k or the top 95 %', () => {
    expect(displayThresholdDefaults).toEqual({ minPotentialUsd: 200_000, cumulativeShare: 0.95 });
    expect(resolveDisplayThreshold()).toEqual(displayThresholdDefaults);
  });

  it('shows rows >= USD 200k and the largest rows up to 95 % of the total', () => {
    // total 1,000,000: 600k, 300k reach 90 %; 60k crosses 95 % (shown); 30k and 10k are the tail
    const p = Float64Array.from([10_000, 600_000, 30_000, 300_000, 60_000]);
    expect(Array.from(displayThresholdMask(p))).toEqual([0, 1, 0, 1, 1]);
    // with a floor of 20k the 30k row is shown too
    expect(Array.from(displayThresholdMask(p, { minPotentialUsd: 20_000 }))).toEqual([0, 1, 1, 1, 1]);
    expect(Array.from(displayThresholdMask(p, { minPotentialUsd: Infinity, cumulativeShare: 0 }))).toEqual([
      0, 0, 0, 0, 0,
    ]);
  });

  it('never shows zero potential and rejects bad options', () => {
    expect(Array.from(displayThresholdMask(Float64Array.from([0, 0])))).toEqual([0, 0]);
    expect(() => displayThresholdMask(new Float64Array(1), { cumulativeShare: 2 })).toThrow(InvalidOptionError);
    expect(() => displayThresholdMask(new Float64Array(1), { minPotentialUsd: -1 })).toThrow(
      'invalid minPotentialUsd: -1',
    );
  });
});
