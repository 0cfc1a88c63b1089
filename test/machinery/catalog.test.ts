import { describe, expect, it } from 'vitest';
import { type KaravanError, MachineryInputError, UnknownMachineError } from '../../src/errors.ts';
import { closestIds, findCrop, findMachine } from '../../src/machinery/index.ts';
import { levenshteinDistance } from '../../src/machinery/suggest.ts';
import { catalog } from './helpers.ts';

describe('findMachine', () => {
  it('finds a class by id', () => {
    expect(findMachine(catalog, 'combine-sp-12m').widthM?.typical).toBe(12);
  });

  it.each([
    ['combine-9m', 'combine-sp-9m'],
    ['combine-sp-9', 'combine-sp-9m'],
    ['sprayer', 'sprayer-boom-24m'],
    ['tractor-4wd-300', 'tractor-4wd-300kw'],
  ])('an unknown id (%s) throws UnknownMachineError suggesting %s', (wanted, suggestion) => {
    try {
      findMachine(catalog, wanted);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(UnknownMachineError);
      expect((error as KaravanError).code).toBe('KRV_MACH_UNKNOWN_MACHINE');
      expect((error as KaravanError).message).toBe(`unknown machine: ${wanted}`);
      expect((error as KaravanError).hint).toContain(suggestion);
    }
  });

  it('with nothing close, the hint points at the catalog command', () => {
    try {
      findMachine(catalog, 'zzzzzzzzzzzzzzzzzzzzzzzzz');
      expect.unreachable();
    } catch (error) {
      expect((error as KaravanError).hint).toBe('list the ids with: karavan machinery catalog');
    }
  });
});

describe('findCrop', () => {
  it('an unknown crop is a MachineryInputError listing the known crops', () => {
    expect(() => findCrop(catalog, 'rice')).toThrow(MachineryInputError);
    expect(() => findCrop(catalog, 'rice')).toThrow('invalid crop: rice');
  });
});

describe('closestIds', () => {
  it('prefers substring matches, then edit distance', () => {
    expect(closestIds('drill', ['seed-drill-6m', 'seed-drill-12m', 'plough'])).toEqual([
      'seed-drill-6m',
      'seed-drill-12m',
    ]);
    expect(levenshteinDistance('kitten', 'sitting')).toBe(3);
  });
});
