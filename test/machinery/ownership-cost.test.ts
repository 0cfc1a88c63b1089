import { describe, expect, it } from 'vitest';
import { ownershipCostUsdPerYear } from '../../src/machinery/index.ts';

const section8 = {
  listPriceUsd: 640_000,
  purchasePriceUsd: 576_000,
  ownershipYears: 10,
  accumulatedHours: 778.089,
  realInterestRate: 0.05,
  taxesInsuranceHousingShare: 0.02,
  remainingValue: { c1: 1.132, c2: 0.165, c3: 0.0079 },
};

describe('ownershipCostUsdPerYear (F11 + F12)', () => {
  it('one combine of the §8 fleet: $78,381/yr, salvage 15.2 % of LP', () => {
    const cost = ownershipCostUsdPerYear(section8);
    expect(cost.capitalRecoveryFactor).toBeCloseTo(0.1295, 4);
    expect(cost.remainingValueShare).toBeCloseTo(0.152, 3);
    expect(cost.salvageValueUsd).toBeCloseTo(97_274, 0);
    expect(cost.taxesInsuranceHousingUsdPerYear).toBe(11_520);
    expect(cost.ownershipUsdPerYear).toBeCloseTo(78_381, 0);
  });

  it('its parts add up', () => {
    const cost = ownershipCostUsdPerYear(section8);
    expect(cost.depreciationAndInterestUsdPerYear + cost.salvageInterestUsdPerYear).toBeCloseTo(
      cost.capitalRecoveryUsdPerYear,
      9,
    );
    expect(cost.capitalRecoveryUsdPerYear + cost.taxesInsuranceHousingUsdPerYear).toBeCloseTo(
      cost.ownershipUsdPerYear,
      9,
    );
  });

  it('uses list price for salvage and purchase price for what is financed', () => {
    const cheaper = ownershipCostUsdPerYear({ ...section8, purchasePriceUsd: 500_000 });
    expect(cheaper.salvageValueUsd).toBeCloseTo(ownershipCostUsdPerYear(section8).salvageValueUsd, 9);
    expect(cheaper.ownershipUsdPerYear).toBeLessThan(ownershipCostUsdPerYear(section8).ownershipUsdPerYear);
  });

  it('rejects a zero list price and a TIH share above 1', () => {
    expect(() => ownershipCostUsdPerYear({ ...section8, listPriceUsd: 0 })).toThrow('invalid listPriceUsd: 0');
    expect(() => ownershipCostUsdPerYear({ ...section8, taxesInsuranceHousingShare: 2 })).toThrow(
      'invalid taxesInsuranceHousingShare: 2',
    );
  });
});
