import { describe, expect, it } from 'vitest';
import { MetricInputError } from '../../../src/errors.ts';
import { aggregatePotentialByGroup, aggregatePotentialByKey } from '../../../src/metrics/index.ts';

const rows = {
  potentialUsd: Float64Array.from([10, 4, 6, 8]),
  actualUsd: Float64Array.from([12, 1, 0, 8]),
};

describe('aggregatePotentialByGroup / ByKey', () => {
  it('sums P̂, v̄ and R per group before dividing', () => {
    const g = aggregatePotentialByGroup(rows, Int32Array.from([0, 0, 1, -1]), 2);
    expect(Array.from(g.rowCount)).toEqual([2, 1]);
    expect(Array.from(g.potentialUsd)).toEqual([14, 6]);
    expect(Array.from(g.actualUsd)).toEqual([13, 0]);
    expect(Array.from(g.realizedUsd)).toEqual([11, 0]); // min(12,10) + min(1,4)
    expect(Array.from(g.untappedUsd)).toEqual([3, 6]); // over-performance in row 0 does not hide row 1's gap
    expect(g.realizedShare[0]).toBeCloseTo(11 / 14, 15);
    expect(g.realizedShare[1]).toBe(0);
  });

  it('groups by string keys such as HS2 chapters, in order of first appearance', () => {
    const out = aggregatePotentialByKey(rows, ['84', '84', '27', '84']);
    expect([...out.keys()]).toEqual(['84', '27']);
    expect(out.get('84')).toEqual({
      potentialUsd: 22,
      actualUsd: 21,
      realizedUsd: 19,
      untappedUsd: 3,
      realizedShare: 19 / 22,
    });
    expect(out.get('27')!.untappedUsd).toBe(6);
  });

  it('rejects mismatched lengths and out-of-range groups', () => {
    expect(() => aggregatePotentialByGroup(rows, new Int32Array(3), 1)).toThrow(MetricInputError);
    expect(() => aggregatePotentialByGroup(rows, Int32Array.from([0, 0, 5, 0]), 2)).toThrow(
      'row 2: group 5 outside 0..1',
    );
    expect(() => aggregatePotentialByKey(rows, ['a'])).toThrow('1 keys for 4 rows');
  });
});
