import { describe, expect, it } from 'vitest';
import {
  compareMachines,
  measuredRates,
  measuredRowsFromBlocks,
  measuredRowsFromPlots,
  parseDemoSheet,
  parseShowcaseSheet,
  planFleet,
  tagged,
} from '../../src/machinery/index.ts';
import { catalog, resolve, section8 } from './helpers.ts';

describe('measuredRates (M1, M2)', () => {
  it('takes ratios of sums over the rows that have the readings', () => {
    const rates = measuredRates(
      [
        { machineId: 'a', workedAreaHa: 20, hours: 5, fuelLitres: 300 },
        { machineId: 'a', workedAreaHa: 30, hours: 10, fuelLitres: null },
        { machineId: 'a', workedAreaHa: null, hours: 4, fuelLitres: 50 },
        { machineId: 'b', workedAreaHa: 10, hours: 0, fuelLitres: 120 },
      ],
      'sheet.csv',
    );
    const a = rates.get('a')!;
    // M1 = (20 + 30) / (5 + 10) = 3.333 ha/h; M2 = 300 / 20 = 15 L/ha.
    expect(a.haPerHour!.value).toBeCloseTo(50 / 15, 12);
    expect(a.haPerHour!.tag).toBe('measured');
    expect(a.haPerHour!.source).toBe('M1: 50 ha / 15 h over 2 of 3 rows of sheet.csv');
    expect(a.fuelLitresPerHa).toMatchObject({ value: 15, tag: 'measured' });
    expect(a.fuelLitresPerHa!.source).toBe('M2: 300 L / 20 ha over 1 of 3 rows of sheet.csv');
    // b: zero hours give no capacity; its fuel is 120 / 10.
    const b = rates.get('b')!;
    expect(b.haPerHour).toBeUndefined();
    expect(b.fuelLitresPerHa!.value).toBe(12);
  });

  it('reads plot sheets (work_hours) and block sheets (machine_hours) alike', () => {
    const plots = parseDemoSheet(
      'plot_id,block,machine_id,worked_area_ha,work_hours,fuel_litres,grain_loss_kg_per_ha,downtime_hours\n' +
        'B1-P1,1,x,20,5,300,,\nB1-P2,1,y,20,4,280,,\n',
      'p.csv',
    );
    expect(measuredRowsFromPlots(plots)[0]).toEqual({ machineId: 'x', workedAreaHa: 20, hours: 5, fuelLitres: 300 });
    const blocks = parseShowcaseSheet(
      'block_id,machine_id,worked_area_ha,machine_hours,fuel_litres,grain_t,grain_loss_kg_per_ha,moisture_pct,broken_grain_pct,dockage_pct,downtime_hours\n' +
        'S1-B1,x,120,40,1800,190,35,14,1.5,2,1\n',
      'b.csv',
    );
    expect(measuredRowsFromBlocks(blocks)).toEqual([
      { machineId: 'x', workedAreaHa: 120, hours: 40, fuelLitres: 1800 },
    ]);
  });
});

describe('compare with measured rates', () => {
  const scenario = resolve({ areaHa: 10_000, windowDays: 10, hoursPerDay: 8 });

  it('replaces F1 by the measured capacity: 3.78 ha/h reproduces the §8 plan exactly', () => {
    // The catalog 9 m class gives 5 x 9 x 0.7 / 10 = 3.15 ha/h; §8 has 6 km/h, i.e. 3.78 ha/h. Everything in the
    // plan depends on speed, width and efficiency only through C_e, so the measured 3.78 gives §8's numbers.
    const measured = { machineId: 'combine-sp-9m', haPerHour: tagged(3.78, 'measured', 'M1: test') };
    const c = compareMachines(
      scenario,
      catalog,
      { machineId: 'combine-sp-9m', measured },
      { machineId: 'combine-sp-12m' },
    );
    const section8Plan = planFleet(resolve(section8), catalog);
    expect(c.a.capacitySource).toBe('measured');
    expect(c.b.capacitySource).toBe('F1');
    expect(c.a.capacityHaPerHour).toBe(3.78);
    expect(c.a.machines).toBe(34);
    expect(c.a.totalUsdPerHa).toBeCloseTo(section8Plan.windowFleet.usdPerHa.total, 9);
    expect(c.plans.a.parameters.capacityHaPerHour).toMatchObject({ value: 3.78, tag: 'measured' });
    expect(c.plans.a.capacity.formula).toMatch(/^measured: .*replaces F1/);
    expect(c.a.measured).toEqual({ haPerHour: measured.haPerHour });
    expect(c.notes.some((n) => n.startsWith('combine-sp-9m: measured rates replace'))).toBe(true);
    expect(c.notes.some((n) => n.startsWith('Only one machine has a measured capacity'))).toBe(true);
    // Without the measurement the catalog F1 applies.
    const plain = compareMachines(scenario, catalog, { machineId: 'combine-sp-9m' }, { machineId: 'combine-sp-12m' });
    expect(plain.a.capacityHaPerHour).toBeCloseTo(3.15, 12);
    expect(plain.a.machines).toBe(40);
  });

  it('replaces F13 by the measured fuel per ha, whatever the capacity', () => {
    const measured = { machineId: 'combine-sp-12m', fuelLitresPerHa: tagged(10, 'measured', 'M2: test') };
    const c = compareMachines(
      scenario,
      catalog,
      { machineId: 'combine-sp-9m' },
      { machineId: 'combine-sp-12m', measured },
    );
    // 10 L/ha at the default $1/L is $10/ha of fuel and 15 % of it, $1.5/ha, of lubrication.
    expect(c.plans.b.windowFleet.usdPerHa.fuel).toBeCloseTo(10, 9);
    expect(c.plans.b.windowFleet.usdPerHa.lubrication).toBeCloseTo(1.5, 9);
    // L/h = 10 L/ha x F1 4.2 ha/h = 42 L/h, tagged measured.
    expect(c.plans.b.parameters['machine.fuelLitresPerHour']).toMatchObject({ value: 42, tag: 'measured' });
    expect(c.b.capacitySource).toBe('F1');
  });

  it('puts the fuel of a towed machine on its tractor', () => {
    const drill = resolve({ areaHa: 2000, windowDays: 10, cropId: 'corn', yieldTPerHa: 8, grainPriceUsdPerT: 180 });
    const measured = {
      machineId: 'seed-drill-12m',
      haPerHour: tagged(7, 'measured', 'M1'),
      fuelLitresPerHa: tagged(4, 'measured', 'M2'),
    };
    const c = compareMachines(
      drill,
      catalog,
      { machineId: 'seed-drill-12m', measured },
      { machineId: 'seed-drill-6m' },
    );
    expect(c.plans.a.parameters['tractor.fuelLitresPerHour']).toMatchObject({ value: 28, tag: 'measured' });
    expect(c.plans.a.windowFleet.usdPerHa.fuel).toBeCloseTo(4, 9);
  });
});

describe('parameters a measurement replaces', () => {
  it('are no longer listed as used, so their [M] tags do not count as unconfirmed', () => {
    const scenario = resolve({ areaHa: 10_000, windowDays: 10, hoursPerDay: 8 });
    const measured = {
      machineId: 'combine-sp-9m',
      haPerHour: tagged(3.5, 'measured', 'M1'),
      fuelLitresPerHa: tagged(15, 'measured', 'M2'),
    };
    const plain = compareMachines(scenario, catalog, { machineId: 'combine-sp-9m' }, { machineId: 'combine-sp-12m' });
    expect(plain.plans.a.unconfirmedParameters).toEqual(
      expect.arrayContaining(['speedKmh', 'widthM', 'fieldEfficiency', 'machine.powerKw', 'machine.fuelLitresPerHour']),
    );
    const c = compareMachines(
      scenario,
      catalog,
      { machineId: 'combine-sp-9m', measured },
      { machineId: 'combine-sp-12m' },
    );
    for (const name of ['speedKmh', 'widthM', 'fieldEfficiency', 'machine.powerKw', 'machine.fuelLitresPerHour'])
      expect(c.plans.a.unconfirmedParameters).not.toContain(name);
    expect(c.plans.a.parameters.speedKmh).toBeUndefined();
    // The plan still describes the machine's catalog speed, width and efficiency.
    expect(c.plans.a.capacity).toMatchObject({ haPerHour: 3.5, speedKmh: 5, widthM: 9, fieldEfficiency: 0.7 });
  });
});
