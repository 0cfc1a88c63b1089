import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MetricInputError } from '../../src/errors.ts';
import { coi, complexity } from '../../src/metrics/index.ts';
import { coiIsStandardised, propertyRuns } from './complexity-properties.ts';

describe('coi', () => {
  it('is standardised over the rectangular rows: mean 0, sd 1 (ddof 1, each location counted P times)', () => {
    fc.assert(coiIsStandardised(complexity), propertyRuns);
  });

  it('sums density × (1 − M) × kp / σ before standardising (hand-computed, 3 locations)', () => {
    // Raw values r = [Σ d(1−M)kp]/σ; with three locations the standardised values are fixed by r.
    const m = Uint8Array.from([1, 0, 0, 1, 1, 0, 1, 1, 1]);
    const dens = Float64Array.from([0.5, 0.2, 0.1, 0.7, 0.6, 0.3, 0.9, 0.9, 0.9]);
    const kp = Float64Array.from([1, 2, 3]);
    const out = coi(dens, m, 3, 3, kp, 2, Int32Array.from([1, 2, 3]));
    const raw = [(0.2 * 2 + 0.1 * 3) / 2, (0.3 * 3) / 2, 0];
    const mean = raw.reduce((s, x) => s + x, 0) / 3;
    const sd = Math.sqrt((3 * raw.reduce((s, x) => s + (x - mean) ** 2, 0)) / (9 - 1));
    for (let c = 0; c < 3; c++) expect(out[c]).toBeCloseTo((raw[c]! - mean) / sd, 12);
  });

  it('is empty (NaN) for a location with diversity 0, and refuses a bad sd', () => {
    const m = Uint8Array.from([0, 0, 1, 0, 0, 1]);
    const out = coi(new Float64Array(6).fill(0.5), m, 3, 2, Float64Array.from([1, -1]), 1, Int32Array.from([0, 1, 1]));
    expect(Number.isNaN(out[0]!)).toBe(true);
    expect(() => coi(new Float64Array(6), m, 3, 2, Float64Array.from([1, -1]), 0, Int32Array.from([0, 1, 1]))).toThrow(
      MetricInputError,
    );
  });
});
