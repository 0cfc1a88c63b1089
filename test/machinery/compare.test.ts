import { describe, expect, it } from 'vitest';
import {
  compareMachines,
  mergeCatalogs,
  parseCatalog,
  planFleetForUnit,
  resolveUnit,
} from '../../src/machinery/index.ts';
import { catalog, resolve } from './helpers.ts';

const rivalEntry = {
  id: 'rival-combine',
  baseClass: 'combine-sp-9m',
  make: 'Rival',
  model: 'R-9',
  listPriceUsd: 600_000,
  widthM: 9,
  speedKmh: 6.5,
  powerKw: 300,
  overrides: { fieldEfficiency: 0.75 },
};
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

  it('names the winner and the margin per ha, per t and per year, from each machine planned on its own', () => {
    // Each machine's cost per ha from its own fleet plan (not from the comparison), then by hand:
    // margin per year = per ha x 10,000 ha; per t = per ha / 3.5 t/ha; share = margin / the dearer cost.
    const ownCost = (id: string) =>
      planFleetForUnit({ ...scenario, machineId: id }, resolveUnit(merged, id), catalog).windowFleet.usdPerHa.total;
    const seller = ownCost('seller-combine');
    const rival = ownCost('rival-combine');
    const margin = Math.abs(seller - rival);
    expect(c.winnerMachineId).toBe(seller < rival ? 'seller-combine' : 'rival-combine');
    expect(c.marginUsdPerHa).toBeCloseTo(margin, 9);
    expect(c.marginUsdPerYear).toBeCloseTo(margin * 10_000, 6);
    expect(c.marginUsdPerT).toBeCloseTo(margin / 3.5, 9);
    expect(c.marginShare).toBeCloseTo(margin / Math.max(seller, rival), 9);
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
    // The break-even found here by bisection on the rival's list price, against the seller's own plan:
    // the difference is that price less the seller's 420,000 USD.
    const rivalCostAt = (listPriceUsd: number) => {
      const priced = parseCatalog({ machines: [{ ...rivalEntry, listPriceUsd }] }, 'priced.json', catalog);
      return planFleetForUnit(
        { ...scenario, machineId: 'rival-combine' },
        resolveUnit(mergeCatalogs(catalog, priced), 'rival-combine'),
        catalog,
      ).windowFleet.usdPerHa.total;
    };
    const sellerCost = planFleetForUnit(
      { ...scenario, machineId: 'seller-combine' },
      resolveUnit(merged, 'seller-combine'),
      catalog,
    ).windowFleet.usdPerHa.total;
    let [low, high] = [1, 5_000_000];
    for (let step = 0; step < 80; step++) {
      const middle = (low + high) / 2;
      if (rivalCostAt(middle) < sellerCost) low = middle;
      else high = middle;
    }
    expect(c.breakEvenListPriceDifferenceUsd).toBeCloseTo((low + high) / 2 - 420_000, 3);
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
