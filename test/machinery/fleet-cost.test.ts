import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildPlanInputs, fleetCostAt, resolveUnit } from '../../src/machinery/index.ts';
import { catalog, resolve } from './helpers.ts';

const inputs = buildPlanInputs(
  resolve(),
  resolveUnit(catalog, 'combine-sp-9m'),
  catalog.crops[0]!.timelinessLossSharePerDay.harvest,
).inputs;

/** Equal up to floating-point rounding, relative to the size of the numbers. */
const close = (actual: number, expected: number) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));

describe('fleetCostAt (F17 + F19)', () => {
  it('34 combines: machine cost $299.9/ha, timeliness $11.2/ha, total $311.2/ha (methods doc §8)', () => {
    const cost = fleetCostAt(inputs, 34);
    expect(cost.usdPerHa.machine).toBeCloseTo(299.92, 2);
    expect(cost.usdPerHa.timeliness).toBeCloseTo(11.23, 2);
    expect(cost.usdPerHa.total).toBeCloseTo(311.16, 2);
    expect(cost.daysNeeded).toBeCloseTo(9.73, 2);
    expect(cost.meetsWindow).toBe(true);
  });

  it('ownership is about 89 % of the machine cost at 78 h/yr', () => {
    const cost = fleetCostAt(inputs, 34);
    expect(cost.usdPerHa.ownership / cost.usdPerHa.machine).toBeCloseTo(0.889, 3);
  });

  it('per tonne divides per hectare by the yield (3.5 t/ha)', () => {
    const cost = fleetCostAt(inputs, 34);
    // 311.16 USD/ha (methods doc §8, checked above) over 3.5 t/ha.
    expect(cost.usdPerT.total).toBeCloseTo(311.16 / 3.5, 2);
  });

  it('property: cost parts sum to the totals (per year, per ha, per t) for any fleet and scenario', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 120 }),
        fc.double({ min: 100, max: 50_000, noNaN: true }),
        fc.double({ min: 0.1, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 3, noNaN: true }),
        (machines, areaHa, workableShare, fuelPrice) => {
          const cost = fleetCostAt({ ...inputs, areaHa, workableShare, fuelPriceUsdPerLitre: fuelPrice }, machines);
          for (const parts of [cost.usdPerYear, cost.usdPerHa, cost.usdPerT]) {
            const machine = parts.ownership + parts.repair + parts.fuel + parts.lubrication + parts.labour;
            close(machine, parts.machine);
            close(parts.machine + parts.timeliness, parts.total);
          }
          const perUnit = cost.perMachine.reduce((t, m) => t + m.totalUsdPerYear, 0);
          close(perUnit * machines, cost.usdPerYear.machine);
          for (const m of cost.perMachine)
            close(m.ownership.ownershipUsdPerYear + m.operating.operatingUsdPerYear, m.totalUsdPerYear);
        },
      ),
    );
  });

  it('a towed unit costs its implement and its tractor; fuel and labour come from the tractor only', () => {
    const drill = buildPlanInputs(
      resolve({ areaHa: 5000, machineId: 'seed-drill-12m' }),
      resolveUnit(catalog, 'seed-drill-12m'),
    ).inputs;
    const cost = fleetCostAt(drill, 3);
    expect(cost.perMachine.map((m) => m.role)).toEqual(['machine', 'tractor']);
    expect(cost.perMachine[0]!.operating.fuelUsdPerYear).toBe(0);
    expect(cost.perMachine[0]!.operating.labourUsdPerYear).toBe(0);
    expect(cost.perMachine[1]!.operating.fuelUsdPerYear).toBeGreaterThan(0);
  });
});
