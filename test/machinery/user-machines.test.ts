/**
 * A user's machine file read field by field: every override lands tagged `user` with the file's
 * source, what is not overridden keeps the class's value and tag, the name and source defaults, and
 * the errors of a machine based on another user's machine or on a class without remaining-value
 * coefficients.
 */
import { describe, expect, it } from 'vitest';
import { BadCatalogError, type KaravanError } from '../../src/errors.ts';
import { findMachine, parseCatalog } from '../../src/machinery/index.ts';
import { catalog } from './helpers.ts';

const base = {
  id: 'my-combine',
  baseClass: 'combine-sp-9m',
  make: 'Works',
  model: 'W-9',
  listPriceUsd: 500_000,
};

function errorOf(run: () => unknown): KaravanError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(BadCatalogError);
    return error as KaravanError;
  }
  throw new Error('expected a BadCatalogError');
}

describe("a user's machine", () => {
  it('every override is tagged user with the source; the rest keeps the class values', () => {
    const own = parseCatalog(
      {
        machines: [
          {
            ...base,
            name: 'My combine',
            note: 'demo unit',
            widthM: 10,
            speedKmh: 6,
            powerKw: 310,
            source: 'quote 2024',
            overrides: {
              fieldEfficiency: 0.75,
              lifeHours: 3500,
              repairFactor1: 0,
              repairFactor2: 2.5,
              labourFactor: 1.1,
              fuelLitresPerHour: 0,
              remainingValueC1: 1.2,
              remainingValueC2: 0,
              remainingValueC3: 0.01,
            },
          },
        ],
      },
      'mine.json',
      catalog,
    );
    const m = own.machines[0]!;
    const user = (value: number) => ({ value, tag: 'user', source: 'quote 2024' });
    const range = (value: number) => ({ min: value, typical: value, max: value, tag: 'user', source: 'quote 2024' });
    expect(m).toMatchObject({ id: 'my-combine', name: 'My combine', note: 'demo unit', origin: 'user', make: 'Works' });
    expect(m.widthM).toEqual(range(10));
    expect(m.speedKmh).toEqual(range(6));
    expect(m.powerKw).toEqual(range(310));
    expect(m.listPriceUsd).toEqual(range(500_000));
    expect(m.fieldEfficiency).toEqual(range(0.75));
    expect(m.lifeHours).toEqual(user(3500));
    expect(m.repairFactor1).toEqual(user(0));
    expect(m.repairFactor2).toEqual(user(2.5));
    expect(m.labourFactor).toEqual(user(1.1));
    expect(m.fuelLitresPerHour).toEqual(user(0));
    const classRow = findMachine(catalog, 'combine-sp-9m').remainingValue!.row;
    expect(m.remainingValue).toMatchObject({
      row: `${classRow}, user overrides`,
      c1: user(1.2),
      c2: user(0),
      c3: user(0.01),
    });
  });

  it('defaults: name "make model", source "<file> (user catalog)", no note, class values kept', () => {
    const m = parseCatalog({ machines: [base] }, 'mine.json', catalog).machines[0]!;
    const cls = findMachine(catalog, 'combine-sp-9m');
    expect(m.name).toBe('Works W-9');
    expect(m.listPriceUsd.source).toBe('mine.json (user catalog)');
    expect(m).not.toHaveProperty('note');
    expect(m.widthM).toEqual(cls.widthM);
    expect(m.repairFactor1).toEqual(cls.repairFactor1);
    expect(m.remainingValue).toEqual(cls.remainingValue);
  });

  it.each<[string, object, string]>([
    [
      'zero repair factor 2',
      { overrides: { repairFactor2: 0 } },
      'mine.json: machines[0].overrides.repairFactor2: must be greater than 0, got 0',
    ],
    [
      'negative labour',
      { overrides: { labourFactor: -1 } },
      'mine.json: machines[0].overrides.labourFactor: must be at least 0, got -1',
    ],
    [
      'zero life',
      { overrides: { lifeHours: 0 } },
      'mine.json: machines[0].overrides.lifeHours: must be greater than 0, got 0',
    ],
    [
      'negative fuel',
      { overrides: { fuelLitresPerHour: -2 } },
      'mine.json: machines[0].overrides.fuelLitresPerHour: must be at least 0, got -2',
    ],
    [
      'zero C1',
      { overrides: { remainingValueC1: 0 } },
      'mine.json: machines[0].overrides.remainingValueC1: must be greater than 0, got 0',
    ],
    [
      'negative C3',
      { overrides: { remainingValueC3: -0.1 } },
      'mine.json: machines[0].overrides.remainingValueC3: must be at least 0, got -0.1',
    ],
    ['zero width', { widthM: 0 }, 'mine.json: machines[0].widthM: must be greater than 0, got 0'],
    ['empty note', { note: '' }, 'mine.json: machines[0].note: expected a non-empty string, got ""'],
  ])('refuses %s', (_label, change, message) => {
    expect(errorOf(() => parseCatalog({ machines: [{ ...base, ...change }] }, 'mine.json', catalog)).message).toBe(
      message,
    );
  });

  it('may not be based on another user machine', () => {
    const first = parseCatalog({ machines: [base] }, 'mine.json', catalog);
    const withFirst = { ...catalog, machines: [...catalog.machines, ...first.machines] };
    const error = errorOf(() =>
      parseCatalog({ machines: [{ ...base, id: 'second', baseClass: 'my-combine' }] }, 'more.json', withFirst),
    );
    expect(error.message).toBe(
      'more.json: machines[0].baseClass: "my-combine" is a user machine; base a machine on a class',
    );
    expect(error.value).toBe('my-combine');
  });

  it('may not override remaining-value coefficients its class does not have', () => {
    const truck = catalog.machines.find((m) => m.remainingValue === undefined)!;
    const error = errorOf(() =>
      parseCatalog(
        { machines: [{ ...base, baseClass: truck.id, overrides: { remainingValueC2: 0.1 } }] },
        'mine.json',
        catalog,
      ),
    );
    expect(error.message).toBe(
      `mine.json: machines[0].overrides.remainingValueC1: class "${truck.id}" has no remaining-value coefficients to override`,
    );
  });

  it('two machines with one id are refused', () => {
    const error = errorOf(() => parseCatalog({ machines: [base, { ...base }] }, 'mine.json', catalog));
    expect(error.message).toBe('mine.json: machines[1].id: duplicate id "my-combine"');
  });
});
