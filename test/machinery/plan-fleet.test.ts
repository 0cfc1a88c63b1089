import { describe, expect, it } from 'vitest';
import { planFleet } from '../../src/machinery/index.ts';
import { catalog, resolve, section8 } from './helpers.ts';

describe('planFleet', () => {
  const plan = planFleet(resolve(section8), catalog);

  it('reproduces the methods doc §8 worked example end to end', () => {
    expect(plan.capacity.haPerHour).toBeCloseTo(3.78, 12);
    expect(plan.window.areaPerMachineHa).toBeCloseTo(302.4, 9);
    expect(plan.window.machines).toBe(34);
    const fleet = plan.windowFleet;
    expect(fleet.hoursPerYearPerMachine).toBeCloseTo(77.8, 1);
    expect(fleet.daysNeeded).toBeCloseTo(9.7, 1);
    const combine = fleet.perMachine[0]!;
    expect(combine.ownership.capitalRecoveryFactor).toBeCloseTo(0.1295, 4);
    expect(combine.ownership.remainingValueShare).toBeCloseTo(0.152, 3);
    expect(Math.round(combine.ownership.ownershipUsdPerYear)).toBe(78_381);
    expect(Math.round(combine.operating.repairUsdPerYear)).toBe(1511);
    expect(Math.round(combine.operating.fuelUsdPerYear)).toBe(5205);
    expect(Math.round(combine.operating.lubricationUsdPerYear)).toBe(781);
    expect(Math.round(combine.operating.labourUsdPerYear)).toBe(2334);
    expect(fleet.usdPerHa.machine).toBeCloseTo(299.9, 1);
    expect(Math.round(fleet.timeliness.timelinessUsdPerYear)).toBe(112_337);
    expect(fleet.usdPerHa.timeliness).toBeCloseTo(11.2, 1);
    expect(Math.round(fleet.usdPerHa.total)).toBe(311);
  });

  it('reports the cost-minimising fleet (F20) next to the window fleet', () => {
    expect(plan.costMinimisingFleet.machines).toBe(9);
    expect(plan.notes.join(' ')).toMatch(/cost-minimising fleet \(9\) is smaller than the window needs \(34\)/);
  });

  it('with 70 % workable days it needs 48 combines', () => {
    expect(planFleet(resolve({ ...section8, workableShare: 0.7 }), catalog).window.machines).toBe(48);
  });

  it('shows every parameter used with its tag and lists the unconfirmed ones', () => {
    expect(plan.parameters['machine.repairFactor1']).toMatchObject({ value: 0.04, tag: 'V*' });
    expect(plan.parameters.widthM).toMatchObject({ value: 9, tag: 'user' });
    expect(plan.parameters['machine.fuelLitresPerHour']).toMatchObject({ tag: 'M' });
    expect(plan.unconfirmedParameters).toContain('machine.listPriceUsd');
    expect(plan.unconfirmedParameters).toContain('timelinessLossSharePerDay');
    expect(plan.unconfirmedParameters).not.toContain('machine.repairFactor1');
    for (const [name, value] of Object.entries(plan.parameters)) {
      expect(['V', 'V*', 'M', 'user', 'preset'], name).toContain(value.tag);
      expect(value.source.length, name).toBeGreaterThan(0);
    }
  });

  it('is a plain serialisable object', () => {
    const copy = JSON.parse(JSON.stringify(plan));
    expect(copy).toEqual(plan);
    expect(copy.kind).toBe('karavan.machinery.fleet-plan');
  });

  it('uses the machine typical values when none are given, with their catalog tags', () => {
    const p = planFleet(resolve({ areaHa: 10_000 }), catalog);
    expect(p.parameters.speedKmh).toMatchObject({ value: 5, tag: 'M' });
    expect(p.capacity.haPerHour).toBeCloseTo(3.15, 10);
  });

  it('a towed drill plans drill and tractor, notes the dedicated tractor, and has no K for wheat seeding', () => {
    const p = planFleet(resolve({ areaHa: 8000, machineId: 'seed-drill-12m' }), catalog);
    expect(p.tractor?.id).toBe('tractor-4wd-300kw');
    expect(p.operation).toBe('seeding');
    expect(p.windowFleet.usdPerHa.timeliness).toBe(0);
    expect(p.notes.join(' ')).toMatch(/No timeliness coefficient K is known for wheat seeding/);
    expect(p.notes.join(' ')).toMatch(/dedicated to this operation/);
    expect(p.parameters['tractor.repairFactor1']).toMatchObject({ value: 0.003, tag: 'V*' });
  });

  it('warns when hours at sale exceed the estimated life', () => {
    const p = planFleet(resolve({ areaHa: 100_000, windowDays: 60, ownershipYears: 15 }), catalog);
    expect(p.windowFleet.perMachine[0]!.exceedsLifeHours).toBe(true);
    expect(p.notes.join(' ')).toMatch(/exceed its estimated life of 3000 h/);
  });

  it('the preset scenario shows its dated facts', () => {
    const p = planFleet(resolve({ areaHa: 10_000, presetId: 'kz-wheat-2023' }), catalog);
    expect(p.parameters.yieldTPerHa).toMatchObject({ value: 0.85, tag: 'preset', asOf: '2023' });
    expect(p.preset?.id).toBe('kz-wheat-2023');
    // The preset's 0.85 t/ha is the yield per tonne divides by: at twice the yield (1.7 t/ha given explicitly)
    // the machines cost the same per ha and half as much per tonne (machine cost does not depend on yield).
    expect(p.inputs.yieldTPerHa).toBe(0.85);
    const doubled = planFleet(resolve({ areaHa: 10_000, presetId: 'kz-wheat-2023', yieldTPerHa: 1.7 }), catalog);
    expect(doubled.windowFleet.usdPerT.machine * 2).toBeCloseTo(p.windowFleet.usdPerT.machine, 9);
  });
});
