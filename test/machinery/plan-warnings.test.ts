import { describe, expect, it } from 'vitest';
import { fleetPlanWarnings } from '../../src/machinery/plan-fleet.ts';

type PlanLike = Parameters<typeof fleetPlanWarnings>[0];

function plan(over: {
  costPerT?: number;
  price?: number;
  machines?: number;
  meetsWindow?: boolean;
  areaHa?: number;
  preset?: boolean;
}): PlanLike {
  return {
    operation: 'harvest',
    windowFleet: {
      machines: over.machines ?? 20,
      daysNeeded: 22.5,
      meetsWindow: over.meetsWindow ?? true,
      usdPerT: { total: over.costPerT ?? 100 },
    },
    inputs: { areaHa: over.areaHa ?? 10_000, grainPriceUsdPerT: over.price ?? 220, windowDays: 20 },
    ...(over.preset !== false && {
      preset: {
        id: 'kz',
        title: 'kz',
        notes: [],
        context: [
          {
            id: 'a',
            scope: 'KAZ',
            measure: 'grain harvested area',
            value: 16_900_000,
            unit: 'ha',
            asOf: '2023',
            sourceUrl: 'u',
          },
          {
            id: 'c',
            scope: 'KAZ',
            measure: 'combine harvesters registered',
            value: 42_000,
            unit: 'units',
            asOf: '2020',
            sourceUrl: 'u',
          },
        ],
      },
    }),
  } as unknown as PlanLike;
}

describe('fleetPlanWarnings', () => {
  it('warns when the machinery costs more per tonne than the grain sells for', () => {
    expect(fleetPlanWarnings(plan({ costPerT: 254.55, price: 220 })).map((w) => w.code)).toEqual([
      'cost-above-grain-price',
    ]);
    expect(fleetPlanWarnings(plan({ costPerT: 219.99, price: 220 }))).toEqual([]);
  });

  it('warns when the fleet does not finish in its window', () => {
    expect(fleetPlanWarnings(plan({ meetsWindow: false }))[0]).toMatchObject({
      code: 'window-not-met',
      message: expect.stringMatching(/22\.5 days, longer than the 20-day window/),
    });
  });

  it('compares hectares per combine with the national figure (16.9 M ha / 42,000 = 402 ha), 3x either way', () => {
    // 402 * 3 = 1207: 1,250 ha per combine warns, 1,150 does not; 100 (below 134) warns.
    expect(fleetPlanWarnings(plan({ areaHa: 25_000, machines: 20 })).map((w) => w.code)).toEqual([
      'area-per-machine-far-from-national',
    ]);
    expect(fleetPlanWarnings(plan({ areaHa: 23_000, machines: 20 }))).toEqual([]);
    expect(fleetPlanWarnings(plan({ areaHa: 2_000, machines: 20 }))[0]!.message).toMatch(
      /100 ha per combine, against 402/,
    );
    expect(fleetPlanWarnings(plan({ areaHa: 25_000, machines: 20, preset: false }))).toEqual([]);
  });
});

describe('parameterRangeWarnings', () => {
  it('warns when a speed, width or field efficiency leaves its class range, naming the range and its tag', async () => {
    const { planFleet } = await import('../../src/machinery/index.ts');
    const { catalog, resolve, section8 } = await import('./helpers.ts');
    // §8 is within combine-sp-9m's ranges (9 m of 7.5-10.5, 6 km/h of 3-6.5, 0.7 of 0.65-0.8).
    expect(planFleet(resolve(section8), catalog).warnings.map((w) => w.code)).not.toContain('parameter-outside-range');
    const fast = planFleet(resolve({ ...section8, speedKmh: 12, fieldEfficiency: 0.95 }), catalog);
    const outside = fast.warnings.filter((w) => w.code === 'parameter-outside-range').map((w) => w.message);
    expect(outside).toEqual([
      'speedKmh 12 is outside the documented range of combine-sp-9m, 3 to 6.5 [M] ASABE D497.7 Table 3 as recalled in the methods doc §2 (unconfirmed)',
      'fieldEfficiency 0.95 is outside the documented range of combine-sp-9m, 0.65 to 0.8 [M] ASABE D497.7 Table 3 as recalled in the methods doc §2 (unconfirmed)',
    ]);
    // The bounds themselves are inside.
    const edge = planFleet(resolve({ ...section8, speedKmh: 6.5, widthM: 7.5 }), catalog);
    expect(edge.warnings.map((w) => w.code)).not.toContain('parameter-outside-range');
  });
});
