import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planHaulage } from '../../src/machinery/haulage.ts';
import { haulageExample } from '../support/haulage.ts';

const example = haulageExample;

describe('planHaulage (cycle-time method)', () => {
  it('reproduces the worked example: cycle 19.14 min, 407.5 t per truck-hour, 9.17 trucks, so 10', () => {
    const plan = planHaulage(example);
    // By hand: 3 + 60*3/20 (9) + 1 + 60*3/35 (5.142857) + 1.
    expect(plan.cycle.haulMin).toBeCloseTo(9, 12);
    expect(plan.cycle.returnMin).toBeCloseTo(180 / 35, 12);
    expect(plan.cycle.totalMin).toBeCloseTo(19 + 1 / 7, 12);
    expect(plan.tonnesPerTruckHour).toBeCloseTo((130 * 60) / (19 + 1 / 7), 9);
    expect(plan.tonnesPerTruckHour.toFixed(1)).toBe('407.5');
    expect(plan.operatingHoursPerTruck).toBeCloseTo(7000 * 0.85 * 0.9, 9);
    expect(plan.trucksExact.toFixed(2)).toBe('9.17');
    expect(plan.trucks).toBe(10);
    // 10 trucks * 3 min loading / (1 loader * 19.14 min): over-trucked, trucks queue.
    expect(plan.matchFactor).toBeCloseTo(30 / (19 + 1 / 7), 12);
    expect(plan.capacityShare).toBeGreaterThanOrEqual(1);
  });

  it('costs a tonne from its parts, and says which parts it could not cost', () => {
    const plan = planHaulage(example, {
      truckPrice: 2_000_000,
      residualShare: 0.1,
      lifeHours: 60_000,
      interestRate: 0.08,
      fuelLitresPerHour: 120,
      fuelPricePerLitre: 0.6,
      tyreSetPrice: 180_000,
      tyreLifeHours: 6000,
      repairShareOfPricePer1000h: 0.05,
      operatorWagePerHour: 12,
      operatorsPerTruck: 1.3,
    });
    const hours = 7000 * 0.85 * 0.9;
    const ownership = (2_000_000 * 0.9) / 60_000 + (0.08 * 2_000_000 * 1.1) / 2 / hours;
    const perHour = ownership + 120 * 0.6 + 180_000 / 6000 + (0.05 * 2_000_000) / 1000 + 12 * 1.3;
    expect(plan.cost!.perHour.total).toBeCloseTo(perHour, 9);
    expect(plan.cost!.perTonne).toBeCloseTo(perHour / plan.tonnesPerTruckHour, 12);
    expect(plan.cost!.leftOut).toEqual([]);
    const partial = planHaulage(example, { fuelLitresPerHour: 120, fuelPricePerLitre: 0.6 });
    expect(partial.cost!.perHour.total).toBeCloseTo(72, 12);
    expect(partial.cost!.leftOut).toHaveLength(4);
  });

  it('refuses values outside their domain, naming the field', () => {
    expect(() => planHaulage({ ...example, payloadT: 0 })).toThrow(/invalid payloadT: 0/);
    expect(() => planHaulage({ ...example, availability: 1.2 })).toThrow(/invalid availability/);
    expect(() => planHaulage({ ...example, scheduledHours: 9000 })).toThrow(/at most 8,784 hours/);
    expect(() => planHaulage({ ...example, loaders: 0 })).toThrow(/invalid loaders/);
    expect(() => planHaulage(example, { truckPrice: 1, lifeHours: 1, residualShare: 1.5 })).toThrow(/residualShare/);
  });

  it("property: the fleet moves the year's tonnes, and one truck fewer would not", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 30, max: 400, noNaN: true }),
        fc.double({ min: 0.2, max: 10, noNaN: true }),
        fc.double({ min: 1e5, max: 1e8, noNaN: true }),
        (payloadT, distanceKm, tonnesPerYear) => {
          const plan = planHaulage({ ...example, payloadT, distanceKm, tonnesPerYear });
          const perTruckYear = plan.tonnesPerTruckHour * plan.operatingHoursPerTruck;
          expect(plan.trucks * perTruckYear).toBeGreaterThanOrEqual(tonnesPerYear * (1 - 1e-9));
          if (plan.trucks > 1) expect((plan.trucks - 1) * perTruckYear).toBeLessThan(tonnesPerYear);
        },
      ),
    );
  });
});
