import { describe, expect, it } from 'vitest';
import { replacementDemand } from '../../src/machinery/replacement-demand.ts';

describe('replacementDemand', () => {
  it("Kazakhstan's combines (42,000 in 2020, 46 % older than 17 years, renewal 5.5 % a year in 2024)", () => {
    const d = replacementDemand({
      fleetUnits: 42_000,
      renewalRatePerYear: 0.055,
      shareOverLimit: 0.46,
      limitYears: 17,
    });
    expect(d.atObservedRateUnitsPerYear).toBeCloseTo(2310, 9);
    expect(d.toHoldAgeUnitsPerYear).toBeCloseTo(42_000 / 17, 9);
    expect(d.backlogUnits).toBeCloseTo(19_320, 9);
    expect(d.toClearBacklogUnitsPerYear).toBeCloseTo(42_000 / 17 + 1932, 9);
    expect(d.formulas[0]).toBe('R1: 42000 · 0.055 = 2310 a year at the observed renewal rate');
  });

  it('refuses values outside their domain', () => {
    expect(() =>
      replacementDemand({ fleetUnits: 0, renewalRatePerYear: 0.05, shareOverLimit: 0.4, limitYears: 17 }),
    ).toThrow(/invalid fleetUnits/);
    expect(() =>
      replacementDemand({ fleetUnits: 10, renewalRatePerYear: 5.5, shareOverLimit: 0.4, limitYears: 17 }),
    ).toThrow(/invalid renewalRatePerYear/);
  });
});
