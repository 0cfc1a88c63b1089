import { describe, expect, it } from 'vitest';
import { capitalRecoveryFactor } from '../../src/machinery/index.ts';

describe('capitalRecoveryFactor (F10)', () => {
  it('CRF(5 %, 10 yr) = 0.1295 (methods doc §8)', () => {
    expect(capitalRecoveryFactor(0.05, 10)).toBeCloseTo(0.12950457, 8);
  });

  it('is 1/n at a zero rate (straight-line)', () => {
    expect(capitalRecoveryFactor(0, 8)).toBe(0.125);
  });

  it('a loan of CRF x P per year repays P: present value of the annuity equals 1', () => {
    const i = 0.07;
    const n = 12;
    const crf = capitalRecoveryFactor(i, n);
    let presentValue = 0;
    for (let t = 1; t <= n; t++) presentValue += crf / (1 + i) ** t;
    expect(presentValue).toBeCloseTo(1, 12);
  });

  it('rejects a negative rate and zero years', () => {
    expect(() => capitalRecoveryFactor(-0.01, 10)).toThrow('invalid realInterestRate: -0.01');
    expect(() => capitalRecoveryFactor(0.05, 0)).toThrow('invalid ownershipYears: 0');
  });
});
