import { describe, expect, it } from 'vitest';
import { accumulatedRepairCostUsd, repairCostUsdPerYear } from '../../src/machinery/index.ts';

describe('accumulatedRepairCostUsd (F6)', () => {
  it('SP combine RF1 0.04, RF2 2.1: 0.04 x 3^2.1 = 0.402 of list at 3000 h (S9 check)', () => {
    expect(accumulatedRepairCostUsd(1, { rf1: 0.04, rf2: 2.1 }, 3000)).toBeCloseTo(0.402, 3);
  });

  it('4WD tractor RF1 0.003, RF2 2.0: 0.432 of list at 12000 h (S9 check)', () => {
    expect(accumulatedRepairCostUsd(1, { rf1: 0.003, rf2: 2 }, 12_000)).toBeCloseTo(0.432, 12);
  });

  it('divides hours by 1000 (not 500, the DevTreks bug)', () => {
    expect(accumulatedRepairCostUsd(100_000, { rf1: 0.1, rf2: 1 }, 500)).toBeCloseTo(5000, 9);
  });

  it('rejects negative hours and a zero RF2', () => {
    expect(() => accumulatedRepairCostUsd(1, { rf1: 0.04, rf2: 2.1 }, -1)).toThrow('invalid accumulatedHours: -1');
    expect(() => accumulatedRepairCostUsd(1, { rf1: 0.04, rf2: 0 }, 10)).toThrow('invalid rf2: 0');
  });
});

describe('repairCostUsdPerYear (F7)', () => {
  it('34-combine fleet: $1,511/yr per combine, 2.4 % of LP over 10 yr (methods doc §8)', () => {
    const repair = repairCostUsdPerYear(640_000, { rf1: 0.04, rf2: 2.1 }, 77.8089, 10);
    expect(repair.accumulatedHours).toBeCloseTo(778.089, 3);
    expect(repair.repairUsdPerYear).toBeCloseTo(1511.48, 1);
    expect(repair.accumulatedRepairShareOfListPrice).toBeCloseTo(0.0236, 4);
  });

  it('R&M per hour rises with use when RF2 > 1', () => {
    const low = repairCostUsdPerYear(640_000, { rf1: 0.04, rf2: 2.1 }, 80, 10);
    const high = repairCostUsdPerYear(640_000, { rf1: 0.04, rf2: 2.1 }, 300, 10);
    expect(high.repairUsdPerYear / 300).toBeGreaterThan(low.repairUsdPerYear / 80);
  });
});
