import { describe, expect, it } from 'vitest';
import { ExportPotentialFlag, easeFlags, shrunkEase } from '../../../src/metrics/index.ts';

describe('shrunkEase / easeFlags (S3)', () => {
  it('is V/E without shrinkage or cap (method note §5: A→B 60/44.32)', () => {
    expect(shrunkEase(60, 44.32, 0, Infinity)).toBeCloseTo(1.354, 3);
    expect(easeFlags(60, 44.32, 0, Infinity)).toBe(0);
  });

  it('shrinks toward 1 with κ and caps at B_max', () => {
    expect(shrunkEase(60, 44.32, 10, Infinity)).toBeCloseTo(70 / 54.32, 12);
    expect(shrunkEase(1000, 10, 0, 5)).toBe(5);
    expect(easeFlags(1000, 10, 0, 5)).toBe(ExportPotentialFlag.EASE_CAPPED);
  });

  it('gives 0 (not NaN) when E + κ = 0, and a flagged extrapolation when V = 0 and κ > 0', () => {
    expect(shrunkEase(0, 0, 0, Infinity)).toBe(0);
    expect(shrunkEase(5, 0, 0, Infinity)).toBe(0);
    expect(easeFlags(0, 0, 0, Infinity)).toBe(ExportPotentialFlag.EASE_UNDEFINED);
    expect(shrunkEase(0, 30, 0, Infinity)).toBe(0);
    expect(shrunkEase(0, 30, 10, Infinity)).toBe(0.25);
    expect(easeFlags(0, 30, 10, Infinity)).toBe(ExportPotentialFlag.EXTRAPOLATED);
  });
});
