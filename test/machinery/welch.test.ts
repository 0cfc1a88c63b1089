import { describe, expect, it } from 'vitest';
import { summariseSample, welchInterval } from '../../src/machinery/index.ts';

describe('welchInterval', () => {
  it('matches a hand computation', () => {
    // a = 3, 4, 5, 6 (mean 4.5, var 1.6667); b = 1, 2, 3 (mean 2, var 1)
    const a = summariseSample([3, 4, 5, 6]);
    const b = summariseSample([1, 2, 3]);
    expect(a.mean).toBe(4.5);
    expect(a.standardDeviation ** 2).toBeCloseTo(5 / 3, 12);
    const w = welchInterval(a, b);
    const va = 5 / 3 / 4;
    const vb = 1 / 3;
    const df = (va + vb) ** 2 / (va ** 2 / 3 + vb ** 2 / 2);
    expect(w.differenceOfMeans).toBe(2.5);
    expect(w.standardError).toBeCloseTo(Math.sqrt(va + vb), 12);
    expect(w.degreesOfFreedom).toBeCloseTo(df, 12);
    expect(df).toBeCloseTo(4.9592, 4); // 0.75^2 / (0.41667^2 / 3 + 0.33333^2 / 2)
    // between t(0.975, 5) = 2.5706 and t(0.975, 4) = 2.7764
    expect(w.tQuantile).toBeGreaterThan(2.5706);
    expect(w.tQuantile).toBeLessThan(2.7764);
    expect(w.tQuantile).toBeCloseTo(2.576958449, 8); // scipy.stats.t.ppf(0.975, 4.959183673469387)
    expect(w.lower).toBeCloseTo(2.5 - 2.576958449 * Math.sqrt(va + vb), 8);
    expect(w.upper).toBeCloseTo(2.5 + 2.576958449 * Math.sqrt(va + vb), 8);
    expect(w.excludesZero).toBe(true);
  });

  it('two samples with no spread give a zero-width interval at the difference', () => {
    const w = welchInterval(summariseSample([2, 2, 2]), summariseSample([1, 1]));
    expect(w.lower).toBe(1);
    expect(w.upper).toBe(1);
    expect(w.degreesOfFreedom).toBe(3);
  });

  it('needs at least 2 observations per side and a level in (0, 1)', () => {
    expect(() => welchInterval(summariseSample([1]), summariseSample([1, 2]))).toThrow(
      'invalid sample a: 1 observations',
    );
    expect(() => welchInterval(summariseSample([1, 2]), summariseSample([1, 2]), 1)).toThrow(
      'invalid confidenceLevel: 1',
    );
  });
});
