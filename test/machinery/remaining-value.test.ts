import { describe, expect, it } from 'vitest';
import { remainingValueShare, remainingValueShareUnsquared } from '../../src/machinery/index.ts';

const combine = { c1: 1.132, c2: 0.165, c3: 0.0079 };

describe('remainingValueShare (F9, squared D497.7 form)', () => {
  it('a combine at 10 yr and 778 h keeps 15.2 % of list (methods doc §8)', () => {
    expect(remainingValueShare(10, 778.089, combine)).toBeCloseTo(0.15199, 4);
  });

  it('the un-squared form gives 39.0 % for the same machine, 2.6x more', () => {
    const unsquared = remainingValueShareUnsquared(10, 778.089, combine);
    expect(unsquared).toBeCloseTo(0.38986, 3);
    expect(unsquared / remainingValueShare(10, 778.089, combine)).toBeCloseTo(2.56, 1);
  });

  it('large tractor row at 15 yr and 400 h/yr gives 13.5 %, medium 24.3 % (the A3-29 cross-check in §4)', () => {
    expect(remainingValueShare(15, 6000, { c1: 0.976, c2: 0.119, c3: 0.0019 })).toBeCloseTo(0.135, 3);
    expect(remainingValueShare(15, 6000, { c1: 0.942, c2: 0.1, c3: 0.0008 })).toBeCloseTo(0.243, 3);
  });

  it('floors a worn-out machine at zero instead of squaring a negative bracket', () => {
    expect(remainingValueShare(60, 100_000, combine)).toBe(0);
  });

  it('never rises with age or hours', () => {
    let previous = Infinity;
    for (let years = 0; years <= 30; years++) {
      const share = remainingValueShare(years, years * 300, combine);
      expect(share).toBeLessThanOrEqual(previous);
      previous = share;
    }
  });

  it('rejects negative age or hours', () => {
    expect(() => remainingValueShare(-1, 0, combine)).toThrow('invalid ageYears: -1');
    expect(() => remainingValueShare(1, -5, combine)).toThrow('invalid accumulatedHours: -5');
  });
});
