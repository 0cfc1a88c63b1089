import { describe, expect, it } from 'vitest';
import { MachineryInputError, UnknownMachineError } from '../../src/errors.ts';
import { demoPlanDefaults, planDemonstration, resolveDemoPlan } from '../../src/machinery/index.ts';
import { catalog } from './helpers.ts';

const machines = ['combine-sp-9m', 'combine-sp-12m', 'combine-sp-7m'];

describe('planDemonstration', () => {
  it('has the documented defaults', () => {
    expect(demoPlanDefaults).toEqual({
      replicates: 6,
      plotAreaHa: 20,
      stripLengthM: 1000,
      hoursPerDay: 8,
      unitsPerMachine: 1,
      seed: 1,
    });
    expect(resolveDemoPlan({ areaHa: 3000, machineIds: machines })).toEqual({
      areaHa: 3000,
      machineIds: machines,
      ...demoPlanDefaults,
    });
  });

  const plan = planDemonstration({ areaHa: 3000, machineIds: machines }, catalog);

  it('is a randomised complete block design: every block has each machine exactly once', () => {
    expect(plan.blocks).toHaveLength(6);
    for (const block of plan.blocks) expect([...block.order].sort()).toEqual([...machines].sort());
    expect(plan.plots).toHaveLength(18);
    expect(new Set(plan.plots.map((p) => p.plotId)).size).toBe(18);
    // The orders are not all the same (randomised).
    expect(new Set(plan.blocks.map((b) => b.order.join())).size).toBeGreaterThan(1);
  });

  it('the same seed gives the same layout, another seed another one', () => {
    const again = planDemonstration({ areaHa: 3000, machineIds: machines }, catalog);
    expect(again.blocks.map((b) => b.order)).toEqual(plan.blocks.map((b) => b.order));
    const other = planDemonstration({ areaHa: 3000, machineIds: machines, seed: 7 }, catalog);
    expect(other.blocks.map((b) => b.order)).not.toEqual(plan.blocks.map((b) => b.order));
  });

  it('plots are comparable strips: same area and length for every machine; passes follow the width', () => {
    for (const plot of plan.plots) {
      expect(plot.areaHa).toBe(20);
      expect(plot.plotWidthM).toBe(200);
    }
    const nine = plan.machines.find((m) => m.machineId === 'combine-sp-9m')!;
    expect(nine.passesPerPlot).toBe(Math.ceil(200 / 9));
    expect(nine.plannedHaPerHour).toBeCloseTo((5 * 9 * 0.7) / 10, 10);
    expect(nine.hoursPerPlot).toBeCloseTo(20 / 3.15, 10);
  });

  it('counts hours and days: each block takes as long as its slowest plot', () => {
    const slowest = Math.max(...plan.machines.map((m) => m.hoursPerPlot));
    expect(plan.blocks[0]!.hours).toBeCloseTo(slowest, 10);
    expect(plan.trialHours).toBeCloseTo(6 * slowest, 9);
    // The 7 m combine is slowest: 20 ha / 2.45 ha/h = 8.16 h, just over an 8 h day, so every
    // block spans two days and the next one starts on a fresh day.
    expect(slowest).toBeCloseTo(20 / 2.45, 10);
    expect(plan.blocks.map((b) => [b.startDay, b.endDay])).toEqual([
      [1, 2],
      [3, 4],
      [5, 6],
      [7, 8],
      [9, 10],
      [11, 12],
    ]);
    expect(plan.trialDays).toBe(12);
    expect(plan.trialAreaHa).toBe(360);
    expect(plan.remainingAreaHa).toBe(2640);
  });

  it('packs short blocks into one day and lets long ones span days', () => {
    const short = planDemonstration({ areaHa: 3000, machineIds: machines, plotAreaHa: 5 }, catalog);
    // 5 ha / 2.45 ha/h = 2.04 h per block: 3 blocks fit in 8 h, the 4th starts day 2.
    expect(short.blocks.map((b) => b.startDay)).toEqual([1, 1, 1, 2, 2, 2]);
    const long = planDemonstration({ areaHa: 3000, machineIds: machines, plotAreaHa: 60, replicates: 3 }, catalog);
    // 60 / 2.45 = 24.5 h: each block takes 4 days of 8 h and starts on a fresh day.
    expect(long.blocks.map((b) => [b.startDay, b.endDay])).toEqual([
      [1, 4],
      [5, 8],
      [9, 12],
    ]);
    expect(long.trialDays).toBe(12);
  });

  it('lists what to measure: ha/h, fuel per ha, grain loss, downtime', () => {
    expect(plan.measures.map((m) => m.id)).toEqual([
      'haPerHour',
      'fuelLitresPerHa',
      'grainLossKgPerHa',
      'downtimeShare',
    ]);
  });

  it.each([
    [{ areaHa: 0, machineIds: machines }, /invalid areaHa: 0/],
    [{ areaHa: -3000, machineIds: machines }, /invalid areaHa: -3000/],
    [
      { areaHa: 3000, machineIds: ['combine-sp-9m'] },
      /invalid machines: combine-sp-9m \(a demonstration compares at least 2/,
    ],
    [{ areaHa: 3000, machineIds: ['combine-sp-9m', 'combine-sp-9m'] }, /listed twice/],
    [{ areaHa: 3000, machineIds: machines, replicates: 1 }, /invalid replicates: 1/],
    [{ areaHa: 100, machineIds: machines }, /invalid plotAreaHa: 20 .*more than the 100 ha field/],
    [
      { areaHa: 3000, machineIds: ['combine-sp-9m', 'tractor-4wd-300kw'] },
      /a field demonstration needs machines that work a width/,
    ],
  ])('rejects bad input %#', (options, message) => {
    expect(() => planDemonstration(options, catalog)).toThrow(MachineryInputError);
    expect(() => planDemonstration(options, catalog)).toThrow(message);
  });

  it('an unknown machine suggests close ids', () => {
    expect(() => planDemonstration({ areaHa: 3000, machineIds: ['combine-sp-9m', 'combine-12m'] }, catalog)).toThrow(
      UnknownMachineError,
    );
  });
});
