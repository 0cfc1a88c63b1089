import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { studentTCdf, studentTQuantile } from '../../src/machinery/index.ts';
import { logGamma, regularizedIncompleteBeta } from '../../src/machinery/t-distribution.ts';

describe('Student t quantile', () => {
  // Reference values from standard t tables (two-sided 95 % and 99 %).
  it.each([
    [0.975, 1, 12.7062047],
    [0.975, 2, 4.3026527],
    [0.975, 5, 2.5705818],
    [0.975, 10, 2.2281389],
    [0.975, 30, 2.0422725],
    [0.995, 4, 4.6040949],
    [0.95, 20, 1.7247182],
    [0.975, 1e9, 1.959964],
  ])('t(%f, df %f) = %f', (p, df, expected) => {
    expect(studentTQuantile(p, df)).toBeCloseTo(expected, 5);
  });

  it('handles fractional df (Welch) between the integer neighbours', () => {
    const q = studentTQuantile(0.975, 7.5);
    expect(q).toBeLessThan(studentTQuantile(0.975, 7));
    expect(q).toBeGreaterThan(studentTQuantile(0.975, 8));
  });

  it.each([
    [0.975, 7.5, 2.333039626864974],
    [0.9, 2.3, 1.7819239901184767],
    [0.999, 1.5, 52.18443000899263],
  ])('fractional df: t(%f, df %f) = %f (scipy.stats.t.ppf)', (p, df, expected) => {
    expect(studentTQuantile(p, df)).toBeCloseTo(expected, 7);
  });

  it('is symmetric and 0 at the median', () => {
    expect(studentTQuantile(0.5, 3)).toBe(0);
    expect(studentTQuantile(0.025, 6)).toBeCloseTo(-studentTQuantile(0.975, 6), 10);
  });

  it('property: the CDF inverts the quantile', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.001, max: 0.999, noNaN: true }),
        fc.double({ min: 0.5, max: 500, noNaN: true }),
        (p, df) => {
          expect(studentTCdf(studentTQuantile(p, df), df)).toBeCloseTo(p, 8);
        },
      ),
    );
  });

  it('rejects p outside (0, 1) and df <= 0', () => {
    expect(() => studentTQuantile(1, 5)).toThrow('invalid probability: 1');
    expect(() => studentTQuantile(0.9, 0)).toThrow('invalid degreesOfFreedom: 0');
  });

  it('helpers: lnΓ(5) = ln 24, I_x(1, 1) = x', () => {
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
    expect(regularizedIncompleteBeta(0.3, 1, 1)).toBeCloseTo(0.3, 12);
  });
});
