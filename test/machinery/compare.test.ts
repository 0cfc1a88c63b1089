import { describe, expect, it } from 'vitest';
import {
  compareMachines,
  mergeCatalogs,
  parseCatalog,
  planFleetForUnit,
  resolveUnit,
} from '../../src/machinery/index.ts';
import { catalog, resolve } from './helpers.ts';

const own = parseCatalog(
  {
    machines: [
      {
        id: 'seller-combine',
        baseClass: 'combine-sp-9m',
        make: 'Seller',
        model: 'S-9',
        listPriceUsd: 420_000,
        widthM: 9,
        speedKmh: 6,
        powerKw: 280,
        overrides: { fieldEfficiency: 0.7 },
      },
      {
        id: 'rival-combine',
        baseClass: 'combine-sp-9m',
        make: 'Rival',
        model: 'R-9',
        listPriceUsd: 600_000,
        widthM: 9,
        speedKmh: 6.5,
        powerKw: 300,
        overrides: { fieldEfficiency: 0.75 },
      },
    ],
  },
  'own.json',
  catalog,
);
const merged = mergeCatalogs(catalog, own);
const scenario = resolve({ areaHa: 10_000, windowDays: 10 });

describe('compareMachines', () => {
  const c = compareMachines(scenario, merged, { machineId: 'seller-combine' }, { machineId: 'rival-combine' });

  it('sizes each machine for the same window and costs it', () => {
    expect(c.a.capacityHaPerHour).toBeCloseTo(3.78, 10);
    expect(c.b.capacityHaPerHour).toBeCloseTo((6.5 * 9 * 0.75) / 10, 10);
    expect(c.a.machines).toBe(34);
    expect(c.b.machines).toBe(29);
    expect(c.a.daysNeeded).toBeLessThanOrEqual(10);
    expect(c.b.daysNeeded).toBeLessThanOrEqual(10);
  });

  it('names the winner and the margin per ha, per t and per year', () => {
    const [winner, loser] = c.a.totalUsdPerHa < c.b.totalUsdPerHa ? [c.a, c.b] : [c.b, c.a];
    expect(c.winnerMachineId).toBe(winner.machineId);
    expect(c.marginUsdPerHa).toBeCloseTo(loser.totalUsdPerHa - winner.totalUsdPerHa, 9);
    expect(c.marginUsdPerYear).toBeCloseTo(c.marginUsdPerHa * 10_000, 6);
    expect(c.marginUsdPerT).toBeCloseTo(c.marginUsdPerHa / 3.5, 9);
    expect(c.marginShare).toBeCloseTo(c.marginUsdPerHa / loser.totalUsdPerHa, 9);
  });

  it('the break-even list price really ties: B at its break-even price costs what A costs', () => {
    expect(c.b.breakEvenListPriceUsd).not.toBeNull();
    const retuned = parseCatalog(
      {
        machines: [
          {
            id: 'rival-combine',
            baseClass: 'combine-sp-9m',
            make: 'Rival',
            model: 'R-9',
            listPriceUsd: c.b.breakEvenListPriceUsd!,
            widthM: 9,
            speedKmh: 6.5,
            powerKw: 300,
            overrides: { fieldEfficiency: 0.75 },
          },
        ],
      },
      'tuned.json',
      catalog,
    );
    const plan = planFleetForUnit(
      { ...scenario, machineId: 'rival-combine' },
      resolveUnit(mergeCatalogs(catalog, retuned), 'rival-combine'),
      catalog,
    );
    expect(plan.windowFleet.usdPerHa.total).toBeCloseTo(c.a.totalUsdPerHa, 6);
    expect(c.breakEvenListPriceDifferenceUsd).toBeCloseTo(c.b.breakEvenListPriceUsd! - 420_000, 6);
    expect(c.a.listPriceHeadroomUsd! * c.b.listPriceHeadroomUsd!).toBeLessThanOrEqual(0);
  });

  it('a machine against itself is a tie with zero headroom', () => {
    const same = compareMachines(scenario, merged, { machineId: 'seller-combine' }, { machineId: 'seller-combine' });
    expect(same.winner).toBe('tie');
    expect(same.winnerMachineId).toBeNull();
    expect(same.a.listPriceHeadroomUsd).toBeCloseTo(0, 6);
  });

  it('returns null break-even when even a free machine cannot tie', () => {
    const slow = parseCatalog(
      {
        machines: [
          {
            id: 'slow',
            baseClass: 'combine-sp-7m',
            make: 'X',
            model: 'slow',
            listPriceUsd: 400_000,
            widthM: 2,
            speedKmh: 2,
            overrides: { fieldEfficiency: 0.3 },
          },
        ],
      },
      's.json',
      catalog,
    );
    const vsSlow = compareMachines(
      scenario,
      mergeCatalogs(merged, slow),
      { machineId: 'seller-combine' },
      { machineId: 'slow' },
    );
    expect(vsSlow.winnerMachineId).toBe('seller-combine');
    expect(vsSlow.b.breakEvenListPriceUsd).toBeNull();
    expect(vsSlow.breakEvenListPriceDifferenceUsd).toBeNull();
  });

  it('is plain serialisable data', () => {
    expect(JSON.parse(JSON.stringify(c))).toEqual(c);
  });
});
