import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MachineryInputError } from '../../src/errors.ts';
import { effectiveFieldCapacityAcresPerHour, effectiveFieldCapacityHaPerHour } from '../../src/machinery/index.ts';

describe('effectiveFieldCapacityHaPerHour (F1)', () => {
  it('9 m header at 6 km/h and 70 % gives 3.78 ha/h (methods doc §8)', () => {
    expect(effectiveFieldCapacityHaPerHour({ speedKmh: 6, widthM: 9, fieldEfficiency: 0.7 })).toBeCloseTo(3.78, 12);
  });

  it('the imperial form (F1a) agrees with the metric one', () => {
    // 6 km/h = 3.7282 mph, 9 m = 29.528 ft; 3.78 ha/h = 9.3406 ac/h
    const acres = effectiveFieldCapacityAcresPerHour(6 / 1.609344, 9 / 0.3048, 0.7);
    expect(acres * 0.40468564224).toBeCloseTo(3.78, 2);
  });

  it.each([
    ['speedKmh', { speedKmh: 0, widthM: 9, fieldEfficiency: 0.7 }],
    ['speedKmh', { speedKmh: -6, widthM: 9, fieldEfficiency: 0.7 }],
    ['widthM', { speedKmh: 6, widthM: 0, fieldEfficiency: 0.7 }],
    ['widthM', { speedKmh: 6, widthM: -1, fieldEfficiency: 0.7 }],
    ['fieldEfficiency', { speedKmh: 6, widthM: 9, fieldEfficiency: 0 }],
    ['fieldEfficiency', { speedKmh: 6, widthM: 9, fieldEfficiency: 1.01 }],
    ['speedKmh', { speedKmh: Number.NaN, widthM: 9, fieldEfficiency: 0.7 }],
  ])('rejects a bad %s', (field, input) => {
    expect(() => effectiveFieldCapacityHaPerHour(input)).toThrow(MachineryInputError);
    expect(() => effectiveFieldCapacityHaPerHour(input)).toThrow(`invalid ${field}:`);
  });

  it('accepts efficiency exactly 1', () => {
    expect(effectiveFieldCapacityHaPerHour({ speedKmh: 10, widthM: 10, fieldEfficiency: 1 })).toBe(10);
  });

  it('property: higher efficiency never lowers capacity', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.5, max: 40, noNaN: true }),
        fc.double({ min: 0.5, max: 40, noNaN: true }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        (speedKmh, widthM, e1, e2) => {
          const [low, high] = e1 <= e2 ? [e1, e2] : [e2, e1];
          expect(effectiveFieldCapacityHaPerHour({ speedKmh, widthM, fieldEfficiency: high })).toBeGreaterThanOrEqual(
            effectiveFieldCapacityHaPerHour({ speedKmh, widthM, fieldEfficiency: low }),
          );
        },
      ),
    );
  });
});
