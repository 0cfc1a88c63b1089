import { describe, expect, it } from 'vitest';
import { MachineryInputError } from '../../src/errors.ts';
import { planShowcase, showcaseMeasures, type ShowcaseOptions } from '../../src/machinery/index.ts';
import { catalog, presets } from './helpers.ts';

// Hand-computed case. F1 at the catalog's typical values: 9 m header 5 km/h x 9 m x 0.7 / 10 = 3.15 ha/h,
// 12 m header 5 x 12 x 0.7 / 10 = 4.2 ha/h. Two units each: 6.3 and 8.4 ha/h, 14.7 in all.
// Plots: 2 machines x 2 replicates x 10 ha = 40 ha, so the blocks get 960 ha.
const base: ShowcaseOptions = {
  areaHa: 1000,
  machineIds: ['combine-sp-9m', 'combine-sp-12m'],
  units: 2,
  replicates: 2,
  plotAreaHa: 10,
  hoursPerDay: 10,
  workableShare: 0.5,
  windowDays: 10,
  yieldTPerHa: 2,
};
const context = { catalog, presets };

describe('planShowcase, capacity split', () => {
  const s = planShowcase(base, context);
  const nine = s.machines.find((m) => m.machineId === 'combine-sp-9m')!;
  const twelve = s.machines.find((m) => m.machineId === 'combine-sp-12m')!;

  it('gives the blocks the field less the plots, split in proportion to units x F1 (SC1, SC2)', () => {
    expect(s.plots.trialAreaHa).toBe(40);
    expect(s.blockAreaHa).toBe(960);
    expect(nine.plannedHaPerHour).toBeCloseTo(3.15, 12);
    // 960 x 6.3 / 14.7 = 411.43 ha, 960 x 8.4 / 14.7 = 548.57 ha.
    expect(nine.areaHa).toBeCloseTo(411.428571, 5);
    expect(twelve.areaHa).toBeCloseTo(548.571429, 5);
  });

  it('makes one set per working day by default (SC4) and schedules it after the plots', () => {
    // Hours of either machine over its whole area: 411.43 / 6.3 = 65.31 h, so ceil(6.53) = 7 sets of 137.14 ha.
    expect(nine.hours).toBeCloseTo(65.306122, 5);
    expect(s.sets).toBe(7);
    expect(s.setList[0]!.areaHa).toBeCloseTo(137.142857, 5);
    expect(s.setList[0]!.hours).toBeCloseTo(9.329446, 5);
    // Plot blocks take 10 / 3.15 = 3.17 h each: both fit in day 1; the sets run on days 2-8.
    expect(s.plots.trialDays).toBe(1);
    expect(s.setList.map((x) => x.startDay)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(s.workingDays).toBe(8);
  });

  it('has one block per machine in every set, in a seeded random order, areas adding up to the field', () => {
    expect(s.blocks).toHaveLength(14);
    for (let set = 1; set <= 7; set++) {
      const own = s.blocks.filter((b) => b.set === set);
      expect(own.map((b) => b.machineId).sort()).toEqual(['combine-sp-12m', 'combine-sp-9m']);
      expect(own.map((b) => b.position)).toEqual([1, 2]);
    }
    expect(new Set(s.blocks.filter((b) => b.position === 1).map((b) => b.machineId)).size).toBe(2);
    const total = s.blocks.reduce((a, b) => a + b.areaHa, 0) + s.plots.trialAreaHa;
    expect(total).toBeCloseTo(1000, 9);
    // Block of the 9 m machine: 137.14 x 3 / 7 = 58.78 ha, 58.78 / 6.3 = 9.33 h, 117.55 t at 2 t/ha.
    const block = s.blocks.find((b) => b.machineId === 'combine-sp-9m')!;
    expect(block.areaHa).toBeCloseTo(58.77551, 5);
    expect(block.hours).toBeCloseTo(9.329446, 5);
    expect(block.expectedGrainT).toBeCloseTo(117.55102, 5);
    expect(planShowcase(base, context).blocks).toEqual(s.blocks);
    expect(planShowcase({ ...base, seed: 5 }, context).blocks.map((b) => b.machineId)).not.toEqual(
      s.blocks.map((b) => b.machineId),
    );
  });

  it('gives calendar days by F5 and says when the window is too short', () => {
    // 411.43 / (2 x 3.15 x 10 x 0.5) = 13.06 days; the showcase 8 working days / 0.5 = 16 > 10.
    expect(nine.calendarDays).toBeCloseTo(13.061224, 5);
    expect(s.calendarDays).toBe(16);
    expect(s.fitsWindow).toBe(false);
    expect(s.notes.some((n) => n.includes('16.0 calendar days') && n.includes('10-day window'))).toBe(true);
    expect(nine.expectedGrainT).toBeCloseTo(822.857143, 5);
  });

  it('puts visitor days at the start, when half the blocks are done, and at the end', () => {
    // Half of 960 ha = 480 ha is passed in set 4 (548.6 ha), which is day 5.
    expect(s.visitorDays.map((v) => [v.id, v.day])).toEqual([
      ['start', 1],
      ['peak', 5],
      ['end', 8],
    ]);
    expect(s.visitorDays[0]!.working).toEqual(['plot block 1', 'plot block 2']);
    expect(s.visitorDays[1]!.working).toHaveLength(2);
  });

  it('tags every coefficient and names the unconfirmed ones', () => {
    expect(s.parameters.hoursPerDay).toMatchObject({ value: 10, tag: 'user' });
    expect(s.parameters['combine-sp-9m.units']).toMatchObject({ value: 2, tag: 'user' });
    expect(s.parameters['combine-sp-9m.speedKmh']!.tag).toBe('M');
    for (const p of Object.values(s.parameters)) expect(p.source).not.toBe('');
    expect(s.notes.some((n) => n.includes('unconfirmed [M]') && n.includes('combine-sp-9m.speedKmh'))).toBe(true);
  });

  it('lists what to measure on every block, with unit and instrument', () => {
    expect(s.measures).toBe(showcaseMeasures);
    expect(s.measures.map((m) => m.id)).toEqual([
      'haPerHour',
      'fuelLitresPerHa',
      'grainLossKgPerHa',
      'grainMoisturePct',
      'brokenGrainPct',
      'dockagePct',
      'downtimeShare',
      'yieldTPerHa',
    ]);
    for (const m of s.measures) {
      expect(m.unit).not.toBe('');
      expect(m.instrument.length).toBeGreaterThan(20);
    }
  });
});

describe('planShowcase, equal split and options', () => {
  it('gives equal blocks, and the slower machine sets the number of sets', () => {
    const s = planShowcase({ ...base, split: 'equal' }, context);
    // 480 ha each: 480 / 6.3 = 76.19 h for the 9 m machine, so ceil(7.62) = 8 sets of 120 ha.
    expect(s.sets).toBe(8);
    const nine = s.blocks.find((b) => b.machineId === 'combine-sp-9m')!;
    const twelve = s.blocks.find((b) => b.machineId === 'combine-sp-12m')!;
    expect(nine.areaHa).toBeCloseTo(60, 9);
    expect(twelve.areaHa).toBeCloseTo(60, 9);
    expect(nine.hours).toBeCloseTo(60 / 6.3, 9);
    expect(twelve.hours).toBeCloseTo(60 / 8.4, 9);
    expect(s.setList[0]!.hours).toBeCloseTo(60 / 6.3, 9);
  });

  it('takes units per machine and a given number of sets', () => {
    const s = planShowcase({ ...base, units: [3, 1], sets: 4 }, context);
    expect(s.sets).toBe(4);
    // 3 x 3.15 = 9.45 and 4.2 ha/h: 960 x 9.45 / 13.65 = 664.6 ha for the 9 m machine.
    expect(s.machines[0]!.areaHa).toBeCloseTo((960 * 9.45) / 13.65, 9);
    expect(s.blocks.find((b) => b.machineId === 'combine-sp-9m')!.units).toBe(3);
  });

  it('uses a preset for the window and the yield, with their tags', () => {
    const s = planShowcase(
      { areaHa: 5000, machineIds: ['combine-sp-9m', 'combine-sp-12m'], units: 5, presetId: 'kz-wheat-2024-kzt' },
      context,
    );
    expect(s.parameters.yieldTPerHa).toMatchObject({ value: 1.62, tag: 'preset', asOf: '2024' });
    expect(s.parameters.windowDays).toMatchObject({ value: 20, tag: 'preset' });
    expect(s.parameters.hoursPerDay!.tag).toBe('M');
  });

  it('refuses bad input, naming the field', () => {
    expect(() => planShowcase({ ...base, units: [1, 2, 3] }, context)).toThrow(/invalid units/);
    expect(() => planShowcase({ ...base, units: 0 }, context)).toThrow(MachineryInputError);
    expect(() => planShowcase({ ...base, sets: 1 }, context)).toThrow(/invalid sets/);
    expect(() => planShowcase({ ...base, split: 'x' as never }, context)).toThrow(/invalid split/);
    expect(() => planShowcase({ ...base, machineIds: ['combine-sp-9m'] }, context)).toThrow(/at least 2/);
    expect(() => planShowcase({ ...base, areaHa: 40 }, context)).toThrow(/leave no field/);
    expect(() => planShowcase({ ...base, machineIds: ['combine-sp-9m', 'mining-truck-90t'] }, context)).toThrow(
      /field demonstration/,
    );
  });
});

describe('planShowcase notes', () => {
  it('says which units are free while the plots are worked', () => {
    const s = planShowcase({ ...base, units: [3, 2] }, { catalog, presets });
    // One unit of each machine on the plots: 2 + 1 units free on day 1.
    expect(s.notes).toContain(
      "The randomised plots take working day 1 with one unit of each machine, so that a plot's hours are one machine's; the other 3 units are free on that day (the farm's other fields), and the blocks start the next morning with every unit. Fewer or smaller plots (--replicates, --plot-area-ha) shorten this.",
    );
    const single = planShowcase({ ...base, units: 1 }, { catalog, presets });
    expect(single.notes.some((n) => n.startsWith('The randomised plots take'))).toBe(false);
  });
});
