import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MachineryInputError } from '../../src/errors.ts';
import {
  areaPerMachineHa,
  ceilMachines,
  daysNeeded,
  hoursPerYearPerMachine,
  machinesNeeded,
} from '../../src/machinery/index.ts';

const base = { areaHa: 10_000, capacityHaPerHour: 3.78, hoursPerDay: 8, windowDays: 10, workableShare: 1 };

describe('machinesNeeded (F2, F3)', () => {
  it('10,000 ha in 10 days of 8 h at 3.78 ha/h needs 34 combines (302.4 ha each, 33.07 exact)', () => {
    const result = machinesNeeded(base);
    expect(result.areaPerMachineHa).toBeCloseTo(302.4, 10);
    expect(result.exactMachines).toBeCloseTo(33.0688, 4);
    expect(result.machines).toBe(34);
  });

  it('with 70 % workable days it needs 48 (= ceil(33.07 / 0.7))', () => {
    expect(machinesNeeded({ ...base, workableShare: 0.7 }).machines).toBe(48);
  });

  it('does not round floating-point noise up to an extra machine', () => {
    // 3 x 0.1 is 0.30000000000000004: 30 machines exactly, not 31.
    expect(
      machinesNeeded({
        areaHa: 3 * 0.1 * 8 * 10 * 30,
        capacityHaPerHour: 0.1 * 3,
        hoursPerDay: 8,
        windowDays: 10,
        workableShare: 1,
      }).machines,
    ).toBe(30);
    expect(ceilMachines(30.000000000004)).toBe(30);
    expect(ceilMachines(30.001)).toBe(31);
    expect(ceilMachines(0.2)).toBe(1);
  });

  it.each([
    ['areaHa', { ...base, areaHa: 0 }],
    ['areaHa', { ...base, areaHa: -100 }],
    ['windowDays', { ...base, windowDays: 0 }],
    ['windowDays', { ...base, windowDays: -3 }],
    ['workableShare', { ...base, workableShare: 0 }],
    ['workableShare', { ...base, workableShare: 1.2 }],
    ['hoursPerDay', { ...base, hoursPerDay: 25 }],
    ['capacityHaPerHour', { ...base, capacityHaPerHour: 0 }],
  ])('rejects a bad %s, naming it', (field, input) => {
    expect(() => machinesNeeded(input)).toThrow(MachineryInputError);
    expect(() => machinesNeeded(input)).toThrow(new RegExp(`^invalid ${field}: `));
  });

  it('property: more area never needs fewer machines', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1e6, noNaN: true }),
        fc.double({ min: 1, max: 1e6, noNaN: true }),
        fc.double({ min: 0.5, max: 20, noNaN: true }),
        fc.double({ min: 1, max: 60, noNaN: true }),
        (a1, a2, capacity, window) => {
          const [small, large] = a1 <= a2 ? [a1, a2] : [a2, a1];
          const n = (areaHa: number) =>
            machinesNeeded({ ...base, areaHa, capacityHaPerHour: capacity, windowDays: window }).machines;
          expect(n(large)).toBeGreaterThanOrEqual(n(small));
        },
      ),
    );
  });

  it('property: a longer window never needs more machines', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.5, max: 90, noNaN: true }),
        fc.double({ min: 0.5, max: 90, noNaN: true }),
        fc.double({ min: 0.05, max: 1, noNaN: true }),
        (w1, w2, pwd) => {
          const [short, long] = w1 <= w2 ? [w1, w2] : [w2, w1];
          const n = (windowDays: number) => machinesNeeded({ ...base, windowDays, workableShare: pwd }).machines;
          expect(n(long)).toBeLessThanOrEqual(n(short));
        },
      ),
    );
  });

  it('property: the fleet found always finishes inside the window, and one fewer would not', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 10, max: 1e5, noNaN: true }),
        fc.double({ min: 0.5, max: 20, noNaN: true }),
        fc.double({ min: 1, max: 40, noNaN: true }),
        (areaHa, capacity, window) => {
          const { machines } = machinesNeeded({ ...base, areaHa, capacityHaPerHour: capacity, windowDays: window });
          expect(daysNeeded(areaHa, machines, capacity, 8, 1)).toBeLessThanOrEqual(window * (1 + 1e-9));
          if (machines > 1)
            expect(daysNeeded(areaHa, machines - 1, capacity, 8, 1)).toBeGreaterThan(window * (1 - 1e-6));
        },
      ),
    );
  });
});

describe('areaPerMachineHa (F2)', () => {
  it('multiplies capacity, hours, days and workable share', () => {
    expect(areaPerMachineHa(3.78, 8, 10, 0.7)).toBeCloseTo(211.68, 10);
  });
});

describe('hoursPerYearPerMachine (F4) and daysNeeded (F5)', () => {
  it('34 combines: 77.8 h/yr each and 9.73 days (methods doc §8)', () => {
    expect(hoursPerYearPerMachine(10_000, 34, 3.78)).toBeCloseTo(77.809, 3);
    expect(daysNeeded(10_000, 34, 3.78, 8, 1)).toBeCloseTo(9.726, 3);
  });

  it('34 combines at pwd 0.7 need 13.9 days', () => {
    expect(daysNeeded(10_000, 34, 3.78, 8, 0.7)).toBeCloseTo(13.894, 3);
  });

  it('rejects a fractional or zero fleet', () => {
    expect(() => hoursPerYearPerMachine(10_000, 0, 3.78)).toThrow('invalid machines: 0');
    expect(() => daysNeeded(10_000, 2.5, 3.78, 8, 1)).toThrow('invalid machines: 2.5');
  });
});
