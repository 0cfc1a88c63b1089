import { describe, expect, it } from 'vitest';
import {
  buildPlanInputs,
  capacityOf,
  costMinimisingFleet,
  fleetCostAt,
  resolveUnit,
} from '../../src/machinery/index.ts';
import { catalog, resolve } from './helpers.ts';

const inputs = buildPlanInputs(
  resolve(),
  resolveUnit(catalog, 'combine-sp-9m'),
  catalog.crops[0]!.timelinessLossSharePerDay.harvest,
).inputs;

describe('costMinimisingFleet (F20)', () => {
  it('with a linear K of 0.3 %/day the optimum is 9 combines at about $169/ha, taking about 37 days (methods doc §8 finding 1)', () => {
    const best = costMinimisingFleet(inputs, capacityOf(inputs), 34);
    expect(best.machines).toBe(9);
    expect(best.cost.usdPerHa.total).toBeCloseTo(168.89, 2);
    expect(best.cost.daysNeeded).toBeCloseTo(36.7, 1);
    expect(best.meetsWindow).toBe(false);
  });

  it('is no worse than any fleet of 1..200', () => {
    const best = costMinimisingFleet(inputs, capacityOf(inputs), 34);
    for (let n = 1; n <= 200; n++)
      expect(fleetCostAt(inputs, n).usdPerYear.total).toBeGreaterThanOrEqual(best.cost.usdPerYear.total - 1e-6);
  });

  it('grows the search when the optimum lies above twice the window fleet', () => {
    const costly = { ...inputs, timelinessLossSharePerDay: 0.5, grainPriceUsdPerT: 5000 };
    const best = costMinimisingFleet(costly, capacityOf(costly), 5);
    // The optimum found here by scanning 1..2000 combines, and a search range at least twice it.
    let cheapest = 1;
    for (let n = 2; n <= 2000; n++)
      if (fleetCostAt(costly, n).usdPerYear.total < fleetCostAt(costly, cheapest).usdPerYear.total) cheapest = n;
    expect(cheapest).toBeGreaterThan(10);
    expect(best.machines).toBe(cheapest);
    expect(best.searchedToMachines).toBeGreaterThanOrEqual(2 * cheapest);
  });

  it('the closed-form approximation is of the same order as the scan', () => {
    const best = costMinimisingFleet(inputs, capacityOf(inputs), 34);
    // F20 by hand: N* = sqrt(K Y V A^2 / (Z G pwd C_e c_m)), c_m = one combine's ownership in the 9-combine fleet.
    const unitOwnership = fleetCostAt(inputs, 9).perMachine.reduce((s, m) => s + m.ownership.ownershipUsdPerYear, 0);
    const { timelinessLossSharePerDay: K, yieldTPerHa: Y, grainPriceUsdPerT: V, areaHa: A } = inputs;
    const { zDivisor: Z, hoursPerDay: G, workableShare: pwd } = inputs;
    const nStar = Math.sqrt((K * Y * V * A ** 2) / (Z * G * pwd * capacityOf(inputs) * unitOwnership));
    expect(best.approximateMachines).toBeCloseTo(nStar, 9);
    // Of the same order as the scan's 9.
    expect(nStar).toBeGreaterThan(9 / 2);
    expect(nStar).toBeLessThan(9 * 2);
  });
});
