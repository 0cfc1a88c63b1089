/**
 * The domain rule of every numeric scenario field at its edges: the value just inside is taken, the
 * value just outside refused with the field's own message, column and value.
 */
import { describe, expect, it } from 'vitest';
import { MachineryInputError, type KaravanError } from '../../src/errors.ts';
import { scenarioNumberKeys, scenarioNumberRules } from '../../src/machinery/scenario.ts';

function errorOf(run: () => unknown): KaravanError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(MachineryInputError);
    return error as KaravanError;
  }
  throw new Error('expected a MachineryInputError');
}

/** [field, accepted values, refused values with the rule text of the message]. */
const edges: Array<[string, number[], Array<[number, string]>]> = [
  ['areaHa', [1e-9, 1e7], [[0, 'must be a number greater than 0']]],
  ['workableShare', [1e-9, 1], [[1.0001, 'must be greater than 0 and at most 1']]],
  ['hoursPerDay', [24], [[24.5, 'must be greater than 0 and at most 24']]],
  ['purchasePriceShare', [0.9, 1.5], [[0, 'must be a number greater than 0']]],
  [
    'ownershipYears',
    [1e-9, 50],
    [
      [50.5, 'at most 50 years'],
      [0, 'must be a number greater than 0'],
    ],
  ],
  [
    'realInterestRate',
    [0, 0.05, 0.999],
    [
      [1, 'a rate as a share, e.g. 0.05; must be below 1'],
      [-0.01, 'must be a number 0 or greater'],
    ],
  ],
  ['taxesInsuranceHousingShare', [0, 1], [[1.01, 'must be between 0 and 1']]],
  ['fuelPriceUsdPerLitre', [0], [[-0.01, 'must be a number 0 or greater']]],
  ['grainPriceUsdPerT', [0], [[-1, 'must be a number 0 or greater']]],
  ['timelinessLossSharePerDay', [0, 1], [[-0.001, 'must be between 0 and 1']]],
  [
    'zDivisor',
    [2, 4],
    [
      [3, 'must be 2 or 4'],
      [0, 'must be 2 or 4'],
    ],
  ],
];

describe('scenario number rules', () => {
  it('cover every numeric scenario field', () => {
    expect(Object.keys(scenarioNumberRules).sort()).toEqual([...scenarioNumberKeys].sort());
    expect(scenarioNumberKeys).toHaveLength(20);
  });

  it.each(edges)('%s: taken inside, refused outside with its message', (field, accepted, refused) => {
    const rule = scenarioNumberRules[field as keyof typeof scenarioNumberRules];
    for (const value of accepted) expect(rule(field, value)).toBe(value);
    for (const [value, text] of refused) {
      const error = errorOf(() => rule(field, value, { file: 'scenario.json', line: 4 }));
      expect(error.message).toBe(`invalid ${field}: ${value} (${text})`);
      expect(error).toMatchObject({ column: field, value: String(value), file: 'scenario.json', line: 4 });
    }
  });
});
