/**
 * The shape checks and sparse indexes shared by the complexity metrics: exact messages naming the
 * function, argument, location and product; the sparse rows and columns of a small matrix written
 * out by hand; the cache block size at its bounds.
 */
import { describe, expect, it } from 'vitest';
import { MetricInputError } from '../../src/errors.ts';
import {
  checkBinary,
  checkCount,
  checkNonNegative,
  checkShape,
  columnBlock,
  sparseColumns,
  sparseRows,
} from '../../src/metrics/matrix.ts';

function messageOf(run: () => void): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(MetricInputError);
    return (error as Error).message;
  }
  throw new Error('expected a MetricInputError');
}

describe('shape checks', () => {
  it('checkCount: positive integers only', () => {
    expect(() => checkCount('rca', 'locations', 1)).not.toThrow();
    for (const n of [0, -1, 1.5, NaN])
      expect(messageOf(() => checkCount('rca', 'locations', n))).toBe(
        `rca: locations must be a positive integer, got ${n}`,
      );
  });

  it('checkShape: rows x cols cells', () => {
    expect(() => checkShape('mcp', 'rca', new Float64Array(6), 2, 3)).not.toThrow();
    expect(messageOf(() => checkShape('mcp', 'rca', new Float64Array(5), 2, 3))).toBe(
      'mcp: rca has 5 cells, expected 2 × 3 = 6',
    );
  });

  it('checkBinary: 0 and 1 only, naming location and product of the first offender', () => {
    expect(() => checkBinary('eci', 'm', Uint8Array.from([0, 1, 1, 0]), 2)).not.toThrow();
    expect(messageOf(() => checkBinary('eci', 'm', Float64Array.from([0, 1, 1, 0, 0.5, 2]), 2))).toBe(
      'eci: m must hold only 0 and 1; location 2, product 0 is 0.5',
    );
    expect(messageOf(() => checkBinary('eci', 'm', Float64Array.from([0, 1, 1, -1]), 2))).toBe(
      'eci: m must hold only 0 and 1; location 1, product 1 is -1',
    );
  });

  it('checkNonNegative: finite and >= 0, zero allowed', () => {
    expect(() => checkNonNegative('rca', 'x', Float64Array.from([0, 1e300, 5]), 3)).not.toThrow();
    expect(messageOf(() => checkNonNegative('rca', 'x', Float64Array.from([1, 2, 3, -0.5]), 3))).toBe(
      'rca: x must be finite and >= 0; location 1, product 0 is -0.5',
    );
    expect(messageOf(() => checkNonNegative('rca', 'x', Float64Array.from([1, Infinity]), 2))).toBe(
      'rca: x must be finite and >= 0; location 0, product 1 is Infinity',
    );
    expect(messageOf(() => checkNonNegative('rca', 'x', Float64Array.from([NaN]), 1))).toBe(
      'rca: x must be finite and >= 0; location 0, product 0 is NaN',
    );
  });
});

describe('sparse indexes', () => {
  // 3 x 4:   row 0: . 2 . 5    row 1: . . . .    row 2: 7 . 1 3
  const matrix = Float64Array.from([0, 2, 0, 5, 0, 0, 0, 0, 7, 0, 1, 3]);

  it('rows: each row its non-zero columns, ascending', () => {
    const { start, columns } = sparseRows(matrix, 3, 4);
    expect(Array.from(start)).toEqual([0, 2, 2, 5]);
    expect(Array.from(columns)).toEqual([1, 3, 0, 2, 3]);
  });

  it('columns: each column its non-zero rows, ascending', () => {
    const { start, rows } = sparseColumns(matrix, 3, 4);
    expect(Array.from(start)).toEqual([0, 1, 2, 3, 5]);
    expect(Array.from(rows)).toEqual([2, 0, 2, 0, 2]);
  });

  it('an all-zero matrix has empty indexes', () => {
    expect(Array.from(sparseRows(new Float64Array(4), 2, 2).start)).toEqual([0, 0, 0]);
    expect(Array.from(sparseColumns(new Float64Array(4), 2, 2).rows)).toEqual([]);
  });
});

describe('columnBlock', () => {
  it('65,536 / rows columns, at least 64, at most all columns', () => {
    expect(columnBlock(256, 5000)).toBe(256);
    expect(columnBlock(100, 5000)).toBe(655);
    expect(columnBlock(100_000, 5000)).toBe(64);
    expect(columnBlock(10, 300)).toBe(300);
    expect(columnBlock(0, 5000)).toBe(5000);
  });
});
