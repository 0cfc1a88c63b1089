import { describe, expect, it } from 'vitest';
import { MetricInputError } from '../../src/errors.ts';
import { checkPresence, mcp } from '../../src/metrics/index.ts';

describe('mcp', () => {
  it('defaults to threshold 1, strictly greater (Stata), so RCA exactly 1 is absent', () => {
    expect(Array.from(mcp(Float64Array.from([0.5, 1, 1.0000001, 3]), 2, 2))).toEqual([0, 0, 1, 1]);
  });

  it('takes a threshold', () => {
    expect(Array.from(mcp(Float64Array.from([0.5, 1, 2, 3]), 2, 2, 0.5))).toEqual([0, 1, 1, 1]);
    expect(Array.from(mcp(Float64Array.from([0.5, 1, 2, 3]), 2, 2, 2))).toEqual([0, 0, 0, 1]);
    expect(() => mcp(Float64Array.from([1, 1]), 1, 2, -1)).toThrow(/invalid threshold: -1/);
    expect(() => mcp(Float64Array.from([1, 1]), 1, 2, NaN)).toThrow(MetricInputError);
  });

  it('checkPresence accepts a 0/1 matrix and refuses anything else', () => {
    expect(Array.from(checkPresence([0, 1, 1, 0], 2, 2))).toEqual([0, 1, 1, 0]);
    expect(() => checkPresence([0, 2, 1, 0], 2, 2)).toThrow(/only 0 and 1; location 0, product 1 is 2/);
    expect(() => checkPresence([0, 1, 1], 2, 2)).toThrow(MetricInputError);
  });
});
