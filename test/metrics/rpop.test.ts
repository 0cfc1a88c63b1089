import { describe, expect, it } from 'vitest';
import { MetricInputError } from '../../src/errors.ts';
import { rpop } from '../../src/metrics/index.ts';

describe('rpop', () => {
  it('is (X[c,p] / X[·,p]) / (pop[c] / Σ pop) (hand-computed)', () => {
    // X = [[10, 30], [30, 10]], pop = [1, 3]: product totals 40, 40; population shares 0.25, 0.75.
    const r = rpop(Float64Array.from([10, 30, 30, 10]), 2, 2, Float64Array.from([1, 3]));
    expect(r[0]).toBeCloseTo(10 / 40 / 0.25, 14);
    expect(r[1]).toBeCloseTo(30 / 40 / 0.25, 14);
    expect(r[2]).toBeCloseTo(30 / 40 / 0.75, 14);
    expect(r[3]).toBeCloseTo(10 / 40 / 0.75, 14);
  });

  it('is 0 for a product nobody exports', () => {
    expect(Array.from(rpop(Float64Array.from([1, 0, 1, 0]), 2, 2, Float64Array.from([1, 1])))).toEqual([1, 0, 1, 0]);
  });

  it('needs a finite population > 0 for every location', () => {
    expect(() => rpop(Float64Array.from([1, 2, 3, 4]), 2, 2, Float64Array.from([1, NaN]))).toThrow(MetricInputError);
    expect(() => rpop(Float64Array.from([1, 2, 3, 4]), 2, 2, Float64Array.from([1, 0]))).toThrow(
      /population of location 1/,
    );
    expect(() => rpop(Float64Array.from([1, 2, 3, 4]), 2, 2, Float64Array.from([1]))).toThrow(MetricInputError);
  });
});
