/**
 * The shared domain checks, the close-match suggestions, the source tags and F4/F5, each at its
 * boundaries: the exact message ("invalid <field>: <value> (<rule>)"), the column it names, and the
 * values just inside and just outside the domain.
 */
import { describe, expect, it } from 'vitest';
import { MachineryInputError } from '../../src/errors.ts';
import {
  closestIds,
  daysNeeded,
  formatTag,
  hoursPerYearPerMachine,
  isUnconfirmed,
  sourceTags,
  tagged,
  typicalOf,
} from '../../src/machinery/index.ts';
import { levenshteinDistance } from '../../src/machinery/suggest.ts';
import {
  requireHoursPerDay,
  requireInteger,
  requireNonNegative,
  requirePositive,
  requireShare,
  requireShareOrZero,
} from '../../src/machinery/validate.ts';

/** The error a call throws (fails the test when it does not throw). */
function thrownBy(run: () => unknown): InstanceType<typeof MachineryInputError> {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(MachineryInputError);
    return error as InstanceType<typeof MachineryInputError>;
  }
  throw new Error('expected a MachineryInputError');
}

describe('domain checks', () => {
  const checks = [
    {
      check: requirePositive,
      rule: 'must be a number greater than 0',
      inside: [1e-9, 1, 1e12],
      outside: [0, -1, NaN, Infinity],
    },
    {
      check: requireNonNegative,
      rule: 'must be a number 0 or greater',
      inside: [0, 1e-9, 5],
      outside: [-1e-9, NaN, -Infinity, Infinity],
    },
    {
      check: requireShare,
      rule: 'must be greater than 0 and at most 1',
      inside: [1e-9, 0.5, 1],
      outside: [0, 1 + 1e-9, -0.1, NaN, Infinity],
    },
    {
      check: requireShareOrZero,
      rule: 'must be between 0 and 1',
      inside: [0, 0.5, 1],
      outside: [-1e-9, 1 + 1e-9, NaN, Infinity],
    },
    {
      check: requireHoursPerDay,
      rule: 'must be greater than 0 and at most 24',
      inside: [1e-9, 8, 24],
      outside: [0, 24 + 1e-9, -1, NaN, Infinity],
    },
  ] as const;

  it.each(checks)(
    '$rule: returns the value inside, names field and value outside',
    ({ check, rule, inside, outside }) => {
      for (const value of inside) expect(check('someField', value)).toBe(value);
      for (const value of outside) {
        const error = thrownBy(() => check('someField', value));
        expect(error.message).toBe(`invalid someField: ${String(value)} (${rule})`);
        expect(error.column).toBe('someField');
        expect(error.value).toBe(String(value));
      }
    },
  );

  it('refuses what is not a number at all', () => {
    for (const check of [requirePositive, requireNonNegative, requireShare, requireShareOrZero, requireHoursPerDay])
      expect(() => check('f', '5' as unknown as number)).toThrow('invalid f: 5 (');
    expect(() => requireInteger('f', '5' as unknown as number, 1)).toThrow('invalid f: 5 (');
  });

  it('requireInteger: whole numbers from min up', () => {
    expect(requireInteger('machines', 1, 1)).toBe(1);
    expect(requireInteger('machines', 7, 1)).toBe(7);
    expect(requireInteger('years', 0, 0)).toBe(0);
    for (const value of [0, 1.5, -3, NaN, Infinity]) {
      const error = thrownBy(() => requireInteger('machines', value, 1));
      expect(error.message).toBe(`invalid machines: ${String(value)} (must be a whole number, at least 1)`);
      expect(error.column).toBe('machines');
    }
  });

  it('a given location (file, line, column) is kept; the column defaults to the field', () => {
    const error = thrownBy(() => requirePositive('areaHa', -2, { file: 'scenario.json', line: 3, column: 'area' }));
    expect(error).toMatchObject({ file: 'scenario.json', line: 3, column: 'area', value: '-2' });
    expect(thrownBy(() => requireShare('workableShare', 2, { file: 'x.json' }))).toMatchObject({
      file: 'x.json',
      column: 'workableShare',
    });
  });
});

describe('close-match suggestions', () => {
  it('edit distance: the textbook pairs', () => {
    expect(levenshteinDistance('kitten', 'sitting')).toBe(3);
    expect(levenshteinDistance('flaw', 'lawn')).toBe(2);
    expect(levenshteinDistance('', 'abc')).toBe(3);
    expect(levenshteinDistance('abc', '')).toBe(3);
    expect(levenshteinDistance('same', 'same')).toBe(0);
    expect(levenshteinDistance('ab', 'ba')).toBe(2);
  });

  it('substring matches first, then by distance, then by name; at most `limit`', () => {
    const ids = ['combine-sp-9m', 'combine-sp-12m', 'combine-sp-7m', 'seed-drill-6m', 'sprayer-boom-24m'];
    expect(closestIds('combine', ids)).toEqual(['combine-sp-7m', 'combine-sp-9m', 'combine-sp-12m']);
    expect(closestIds('combine', ids, 2)).toEqual(['combine-sp-7m', 'combine-sp-9m']);
    expect(closestIds('COMBINE-SP-9M', ids, 1)).toEqual(['combine-sp-9m']);
    // One letter off: distance 1, no substring.
    expect(closestIds('combine-sp-8m', ids, 1)).toEqual(['combine-sp-7m']);
    // A longer id that contains the query is a substring match whatever its distance.
    expect(closestIds('boom', ids)).toEqual(['sprayer-boom-24m']);
  });

  it('drops candidates farther than max(3, half the query length)', () => {
    // 'abcdefgh' (8 letters): up to 4 edits; 'abcdwxyz' is 4 away, 'vwxyzfgh' 5.
    expect(closestIds('abcdefgh', ['abcdwxyz', 'vwxyzfgh'])).toEqual(['abcdwxyz']);
    // A short query still allows 3 edits: 'ab' -> 'xyz' is 3 away, 'wxyz' 4.
    expect(closestIds('ab', ['xyz', 'wxyz'])).toEqual(['xyz']);
    expect(closestIds('zzzzzzzz', ['combine-sp-9m'])).toEqual([]);
  });
});

describe('source tags', () => {
  it('prints a tag in brackets; only M is unconfirmed', () => {
    expect(sourceTags).toEqual(['V', 'V*', 'M', 'user', 'preset', 'measured']);
    expect(Object.isFrozen(sourceTags)).toBe(true);
    expect(formatTag('V*')).toBe('[V*]');
    expect(sourceTags.filter(isUnconfirmed)).toEqual(['M']);
  });

  it('a tagged value carries asOf only when given; the typical value of a range keeps tag and source', () => {
    expect(tagged(3, 'V', 'S9')).toStrictEqual({ value: 3, tag: 'V', source: 'S9' });
    expect(tagged(0.85, 'preset', 'stat.gov.kz', '2023')).toStrictEqual({
      value: 0.85,
      tag: 'preset',
      source: 'stat.gov.kz',
      asOf: '2023',
    });
    expect(typicalOf({ min: 1, typical: 2, max: 3, tag: 'M', source: 'D497' })).toStrictEqual({
      value: 2,
      tag: 'M',
      source: 'D497',
    });
  });
});

describe('F4 annual use and F5 days needed (methods doc §8)', () => {
  it('34 combines at 3.78 ha/h on 10,000 ha: 77.8 h a year each, 10.3 days at 8 h and 95 % workable', () => {
    expect(hoursPerYearPerMachine(10_000, 34, 3.78)).toBeCloseTo(10_000 / (34 * 3.78), 12);
    expect(hoursPerYearPerMachine(10_000, 34, 3.78)).toBeCloseTo(77.8, 1);
    expect(daysNeeded(10_000, 34, 3.78, 8, 0.95)).toBeCloseTo(10_000 / (34 * 3.78 * 8 * 0.95), 12);
    expect(daysNeeded(10_000, 34, 3.78, 8, 1)).toBeCloseTo(9.73, 2);
  });

  it('refuses values out of the domain, naming them', () => {
    expect(() => hoursPerYearPerMachine(0, 1, 1)).toThrow('invalid areaHa: 0');
    expect(() => hoursPerYearPerMachine(1, 0, 1)).toThrow('invalid machines: 0');
    expect(() => hoursPerYearPerMachine(1, 1, 0)).toThrow('invalid capacityHaPerHour: 0');
    expect(() => daysNeeded(0, 1, 1, 8, 1)).toThrow('invalid areaHa: 0');
    expect(() => daysNeeded(1, 1.5, 1, 8, 1)).toThrow('invalid machines: 1.5');
    expect(() => daysNeeded(1, 1, -1, 8, 1)).toThrow('invalid capacityHaPerHour: -1');
    expect(() => daysNeeded(1, 1, 1, 25, 1)).toThrow('invalid hoursPerDay: 25');
    expect(() => daysNeeded(1, 1, 1, 8, 0)).toThrow('invalid workableShare: 0');
  });
});
