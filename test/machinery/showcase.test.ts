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

  it('gives the blocks the field less the plots, split in proportion to units x F1 (SC2)', () => {
    expect(s.plots.trialAreaHa).toBe(40);
    expect(s.blockAreaHa).toBe(960);
    expect(nine.plannedHaPerHour).toBeCloseTo(3.15, 12);
    // 960 x 6.3 / 14.7 = 411.43 ha, 960 x 8.4 / 14.7 = 548.57 ha; each machine also has 2 plots of 10 ha.
    expect(nine.areaHa).toBeCloseTo(411.428571, 5);
    expect(twelve.areaHa).toBeCloseTo(548.571429, 5);
    expect(nine.plotAreaHa).toBe(20);
  });

  it('makes one set per working day by default (SC4), plot block r in set r (SC1, SC3)', () => {
    // The 9 m machine's units over blocks and plots: (411.43 + 20) / 6.3 = 68.48 h, so ceil(6.85) = 7 sets of
    // 1000 / 7 = 142.86 ha.
    expect(nine.hours).toBeCloseTo(68.480726, 5);
    expect(s.sets).toBe(7);
    expect(s.setList[0]!.areaHa).toBeCloseTo(142.857143, 5);
    expect(s.setList.map((x) => x.plotBlock)).toEqual([1, 2, null, null, null, null, null]);
    // Sets 1-2: blocks on 142.86 - 20 = 122.86 ha; the 9 m machine (52.65 + 10) / 6.3 = 9.94 h is the slowest
    // (12 m: (70.20 + 10) / 8.4 = 9.55 h). Sets 3-7: 61.22 / 6.3 = 9.72 h for both.
    expect(s.setList[0]!.hours).toBeCloseTo(9.94493, 5);
    expect(s.setList[2]!.hours).toBeCloseTo(9.718173, 5);
    expect(s.setList.map((x) => x.startDay)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(s.workingDays).toBe(7);
    // The plot trial's days are its sets' days.
    expect(s.plots.blocks.map((b) => b.startDay)).toEqual([1, 2]);
    expect(s.plots.trialDays).toBe(2);
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
    // The 9 m block of set 1: 122.86 x 3 / 7 = 52.65 ha, 52.65 / 6.3 = 8.36 h on the block, 105.31 t at 2 t/ha.
    const block = s.blocks.find((b) => b.machineId === 'combine-sp-9m' && b.set === 1)!;
    expect(block.areaHa).toBeCloseTo(52.653061, 5);
    expect(block.hours).toBeCloseTo(8.357629, 5);
    expect(block.expectedGrainT).toBeCloseTo(105.306122, 5);
    expect(s.blocks.find((b) => b.machineId === 'combine-sp-9m' && b.set === 3)!.areaHa).toBeCloseTo(61.22449, 5);
    expect(planShowcase(base, context).blocks).toEqual(s.blocks);
    expect(planShowcase({ ...base, seed: 5 }, context).blocks.map((b) => b.machineId)).not.toEqual(
      s.blocks.map((b) => b.machineId),
    );
  });

  it('gives calendar days by F5 and says when the window is too short', () => {
    // (411.43 + 20) / (2 x 3.15 x 10 x 0.5) = 13.70 days; the showcase 7 working days / 0.5 = 14 > 10.
    expect(nine.calendarDays).toBeCloseTo(13.696145, 5);
    expect(s.calendarDays).toBe(14);
    expect(s.fitsWindow).toBe(false);
    expect(s.notes.some((n) => n.includes('14.0 calendar days') && n.includes('10-day window'))).toBe(true);
    expect(nine.expectedGrainT).toBeCloseTo(862.857143, 5);
  });

  it('puts visitor days at the start, when half the field is done, and at the end', () => {
    // Half of 1000 ha is passed in set 4 (571.4 ha), which is day 4.
    expect(s.visitorDays.map((v) => [v.id, v.day])).toEqual([
      ['start', 1],
      ['peak', 4],
      ['end', 7],
    ]);
    expect(s.visitorDays[0]!.working[0]).toBe('plot block 1');
    expect(s.visitorDays[0]!.working).toHaveLength(3);
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
    // 480 ha of blocks and 20 ha of plots each: 500 / 6.3 = 79.37 h for the 9 m machine, so 8 sets of 125 ha.
    expect(s.sets).toBe(8);
    const nine = s.blocks.find((b) => b.machineId === 'combine-sp-9m' && b.set === 3)!;
    const twelve = s.blocks.find((b) => b.machineId === 'combine-sp-12m' && b.set === 3)!;
    expect(nine.areaHa).toBeCloseTo(62.5, 9);
    expect(twelve.areaHa).toBeCloseTo(62.5, 9);
    expect(nine.hours).toBeCloseTo(62.5 / 6.3, 9);
    expect(twelve.hours).toBeCloseTo(62.5 / 8.4, 9);
    // Set 1: (125 - 20) / 2 = 52.5 ha of block plus a 10 ha plot for each: (52.5 + 10) / 6.3 h, as in set 3.
    expect(s.blocks.find((b) => b.machineId === 'combine-sp-9m' && b.set === 1)!.areaHa).toBeCloseTo(52.5, 9);
    expect(s.setList[0]!.hours).toBeCloseTo(62.5 / 6.3, 9);
    expect(s.setList[2]!.hours).toBeCloseTo(62.5 / 6.3, 9);
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
    expect(() => planShowcase({ ...base, areaHa: 40 }, context)).toThrow(/cannot hold a plot block of 2 x 10 ha/);
    expect(() => planShowcase({ ...base, replicates: 3, sets: 2 }, context)).toThrow(/at least 3 sets/);
    expect(() => planShowcase({ ...base, machineIds: ['combine-sp-9m', 'mining-truck-90t'] }, context)).toThrow(
      /field demonstration/,
    );
  });
});

describe('planShowcase notes', () => {
  it('says where the plots lie and who works them', () => {
    const s = planShowcase(base, { catalog, presets });
    expect(s.notes).toContain(
      "Plot block r of the randomised plots lies in set r (sets 1-2), across the same strip and worked the same day: one unit of each machine works its plot (so that a plot's hours are one machine's) while the others start the block, then joins them.",
    );
  });
});
