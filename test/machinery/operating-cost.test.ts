import { describe, expect, it } from 'vitest';
import { operatingCostUsdPerYear } from '../../src/machinery/index.ts';

const combine = {
  listPriceUsd: 640_000,
  repairFactors: { rf1: 0.04, rf2: 2.1 },
  hoursPerYear: 77.80890133831312,
  ownershipYears: 10,
  fuelLitresPerHour: 0.223 * 300,
  fuelPriceUsdPerLitre: 1,
  lubricationShareOfFuel: 0.15,
  labourFactor: 1.2,
  wageUsdPerHour: 25,
};

describe('operatingCostUsdPerYear (F7, F13, F15, F16)', () => {
  it('fuel / lube / labour per combine: $5,205 / $781 / $2,334 per yr (methods doc §8)', () => {
    const cost = operatingCostUsdPerYear(combine);
    expect(cost.fuelUsdPerYear).toBeCloseTo(5205.4, 1);
    expect(cost.lubricationUsdPerYear).toBeCloseTo(780.8, 1);
    expect(cost.labourUsdPerYear).toBeCloseTo(2334.3, 1);
    expect(cost.repairUsdPerYear).toBeCloseTo(1511.5, 1);
  });

  it('parts sum to the operating total', () => {
    const cost = operatingCostUsdPerYear(combine);
    expect(
      cost.repairUsdPerYear + cost.fuelUsdPerYear + cost.lubricationUsdPerYear + cost.labourUsdPerYear,
    ).toBeCloseTo(cost.operatingUsdPerYear, 9);
  });

  it('a towed implement (no fuel, no operator) costs only its repairs', () => {
    const cost = operatingCostUsdPerYear({ ...combine, fuelLitresPerHour: 0, labourFactor: 0 });
    // Repairs do not depend on fuel or labour: the 1511.5 USD/yr of the combine above, and nothing else.
    expect(cost.fuelUsdPerYear).toBe(0);
    expect(cost.labourUsdPerYear).toBe(0);
    expect(cost.lubricationUsdPerYear).toBe(0);
    expect(cost.operatingUsdPerYear).toBeCloseTo(1511.5, 1);
  });

  it('rejects a negative fuel price and a negative wage', () => {
    expect(() => operatingCostUsdPerYear({ ...combine, fuelPriceUsdPerLitre: -1 })).toThrow(
      'invalid fuelPriceUsdPerLitre: -1',
    );
    expect(() => operatingCostUsdPerYear({ ...combine, wageUsdPerHour: -25 })).toThrow('invalid wageUsdPerHour: -25');
  });
});
