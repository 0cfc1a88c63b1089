import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MachineryInputError } from '../../src/errors.ts';
import { daysNeeded, timelinessCostUsd, timelinessCostUsdExpanded } from '../../src/machinery/index.ts';

const section8 = {
  lossSharePerDay: 0.003,
  yieldTPerHa: 3.5,
  grainPriceUsdPerT: 220,
  areaHa: 10_000,
  daysNeeded: 9.72611266728914,
  zDivisor: 2,
};

describe('timelinessCostUsd (F19)', () => {
  it('0.003 x 3.5 x 220 x 10000 x 9.73 / 2 = $112,337 = $11.2/ha (methods doc §8)', () => {
    const cost = timelinessCostUsd(section8);
    expect(cost.timelinessUsdPerYear).toBeCloseTo(112_336.6, 1);
    expect(cost.timelinessUsdPerHa).toBeCloseTo(11.23, 2);
    expect(cost.meanDelayDays).toBeCloseTo(4.863, 3);
  });

  it('Z = 4 halves the Z = 2 cost; leaving Z out would double it', () => {
    const z2 = timelinessCostUsd(section8).timelinessUsdPerYear;
    expect(timelinessCostUsd({ ...section8, zDivisor: 4 }).timelinessUsdPerYear).toBeCloseTo(z2 / 2, 9);
    const naive = 0.003 * 3.5 * 220 * 10_000 * section8.daysNeeded;
    expect(naive / z2).toBeCloseTo(2, 12);
  });

  it('rejects a Z other than 2 or 4', () => {
    expect(() => timelinessCostUsd({ ...section8, zDivisor: 3 })).toThrow(MachineryInputError);
    expect(() => timelinessCostUsd({ ...section8, zDivisor: 1 })).toThrow('invalid zDivisor: 1');
  });

  it('property: the EP496 expanded form equals F19 with D from F5', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 10, max: 1e5, noNaN: true }),
        fc.integer({ min: 1, max: 200 }),
        fc.double({ min: 0.5, max: 20, noNaN: true }),
        fc.double({ min: 0.1, max: 1, noNaN: true }),
        fc.constantFrom(2, 4),
        (areaHa, machines, capacity, pwd, z) => {
          const days = daysNeeded(areaHa, machines, capacity, 9, pwd);
          const direct = timelinessCostUsd({
            lossSharePerDay: 0.004,
            yieldTPerHa: 2,
            grainPriceUsdPerT: 200,
            areaHa,
            daysNeeded: days,
            zDivisor: z,
          }).timelinessUsdPerYear;
          const expanded = timelinessCostUsdExpanded({
            lossSharePerDay: 0.004,
            yieldTPerHa: 2,
            grainPriceUsdPerT: 200,
            areaHa,
            zDivisor: z,
            hoursPerDay: 9,
            workableShare: pwd,
            machines,
            capacityHaPerHour: capacity,
          });
          expect(Math.abs(expanded - direct)).toBeLessThanOrEqual(1e-12 * direct);
        },
      ),
    );
  });
});
