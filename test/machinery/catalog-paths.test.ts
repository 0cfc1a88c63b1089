/**
 * Every field of a catalog or preset file that can be wrong is named by its full path in the error
 * ("my.json: classes[0].widthM.min: expected a number, got "x""): one wrong value per field, the
 * message checked whole. A file with a wrong field is fixed by reading the message, so each path matters.
 */
import { describe, expect, it } from 'vitest';
import { BadCatalogError, type KaravanError } from '../../src/errors.ts';
import { parseCatalog, parsePresets } from '../../src/machinery/index.ts';
import { catalog, catalogJson } from './helpers.ts';

type Json = Record<string, any>;

function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(BadCatalogError);
    return (error as KaravanError).message;
  }
  throw new Error('expected a BadCatalogError');
}

const shipped = (): Json => structuredClone(catalogJson()) as Json;

describe('catalog paths', () => {
  it.each<[string, (j: Json) => void, string]>([
    ['classes[0].id', (j) => (j.classes[0].id = 5), 'expected a non-empty string, got 5'],
    ['classes[0].id', (j) => (j.classes[0].id = 'a b'), 'ids use letters, digits, ".", "_" and "-" only'],
    ['classes[0].name', (j) => (j.classes[0].name = 5), 'expected a non-empty string, got 5'],
    ['classes[0].selfPropelled', (j) => (j.classes[0].selfPropelled = 'yes'), 'expected true or false, got "yes"'],
    ['classes[0].widthM.min', (j) => (j.classes[0].widthM.min = 'x'), 'expected a number, got "x"'],
    ['classes[0].widthM.tag', (j) => (j.classes[0].widthM.tag = 5), 'expected one of V, V*, M, user, got 5'],
    ['classes[0].widthM.source', (j) => (j.classes[0].widthM.source = 5), 'expected a non-empty string, got 5'],
    ['classes[0].listPriceUsd.max', (j) => (j.classes[0].listPriceUsd.max = 'x'), 'expected a number, got "x"'],
    ['classes[0].lifeHours.source', (j) => (j.classes[0].lifeHours.source = 5), 'expected a non-empty string, got 5'],
    ['classes[0].note', (j) => (j.classes[0].note = 5), 'expected a non-empty string, got 5'],
    [
      'classes[0].remainingValue.row',
      (j) => (j.classes[0].remainingValue.row = 5),
      'expected a non-empty string, got 5',
    ],
    [
      'classes[0].remainingValue.c1.value',
      (j) => (j.classes[0].remainingValue.c1.value = 'x'),
      'expected a number, got "x"',
    ],
    [
      'classes[0].remainingValue.c2.value',
      (j) => (j.classes[0].remainingValue.c2.value = -1),
      'must be at least 0, got -1',
    ],
    [
      'classes[0].remainingValue.c3.value',
      (j) => (j.classes[0].remainingValue.c3.value = 'x'),
      'expected a number, got "x"',
    ],
    ['classes[0].remainingValue', (j) => delete j.classes[0].remainingValue, 'missing required field'],
    ['classes[0].labourFactor', (j) => delete j.classes[0].labourFactor, 'missing required field'],
    [
      'classes[0].fuelLitresPerHour.value',
      (j) => (j.classes[0].fuelLitresPerHour = { value: -1, tag: 'M', source: 's' }),
      'must be at least 0, got -1',
    ],
    ['classes[3].defaultTractorId', (j) => (j.classes[3].defaultTractorId = 5), 'expected a non-empty string, got 5'],
    [
      'classes[3].defaultTractorId',
      (j) => (j.classes[3].defaultTractorId = 'tractor-9wd'),
      'unknown tractor "tractor-9wd"',
    ],
    ['crops[0].id', (j) => (j.crops[0].id = 5), 'expected a non-empty string, got 5'],
    ['crops[0].name', (j) => (j.crops[0].name = 5), 'expected a non-empty string, got 5'],
    ['crops[0].yieldTPerHa.value', (j) => (j.crops[0].yieldTPerHa.value = 'x'), 'expected a number, got "x"'],
    [
      'crops[0].grainPriceUsdPerT.value',
      (j) => (j.crops[0].grainPriceUsdPerT.value = 'x'),
      'expected a number, got "x"',
    ],
    ['crops[1].id', (j) => (j.crops[1] = { ...j.crops[0] }), `duplicate id "${catalog.crops[0]!.id}"`],
    ['sources.S1', (j) => (j.sources.S1 = 5), 'expected a non-empty string, got 5'],
    ['sources', (j) => (j.sources = []), 'expected an object, got an array'],
    ['notes[0]', (j) => (j.notes = [5]), 'expected a non-empty string, got 5'],
    ['classes', (j) => (j.classes = {}), 'expected an array, got an object'],
    ['crops', (j) => (j.crops = 'wheat'), 'expected an array, got "wheat"'],
  ])('%s', (path, change, what) => {
    const json = shipped();
    change(json);
    expect(messageOf(() => parseCatalog(json, 'my.json'))).toBe(`my.json: ${path}: ${what}`);
  });

  it('a range with min = typical = max is accepted; notes, sources and an optional note are read', () => {
    const json = shipped();
    json.classes[0].widthM = { min: 9, typical: 9, max: 9, tag: 'M', source: 'one size' };
    json.classes[0].note = 'a note';
    json.notes = ['n1'];
    json.sources = { S1: 'one source' };
    const read = parseCatalog(json, 'my.json');
    expect(read.machines[0]!.widthM).toEqual({ min: 9, typical: 9, max: 9, tag: 'M', source: 'one size' });
    expect(read.machines[0]!.note).toBe('a note');
    expect(read.machines[1]).not.toHaveProperty('note');
    expect(read.notes).toEqual(['n1']);
    expect(read.sources).toEqual({ S1: 'one source' });
    const bare = parseCatalog({ crops: [] }, 'bare.json');
    expect(bare).toEqual({ machines: [], crops: [], notes: [], sources: {} });
  });

  it.each<[string, Json, string]>([
    ['machines[0].id', { id: 5 }, 'expected a non-empty string, got 5'],
    ['machines[0].baseClass', { baseClass: 5 }, 'expected a non-empty string, got 5'],
    ['machines[0].make', { make: 5 }, 'expected a non-empty string, got 5'],
    ['machines[0].model', { model: 5 }, 'expected a non-empty string, got 5'],
    ['machines[0].source', { source: 5 }, 'expected a non-empty string, got 5'],
    ['machines[0].name', { name: 5 }, 'expected a non-empty string, got 5'],
    ['machines[0].overrides.repairFactor1', { overrides: { repairFactor1: 'x' } }, 'expected a number, got "x"'],
    ['machines[0].overrides.remainingValueC2', { overrides: { remainingValueC2: 'x' } }, 'expected a number, got "x"'],
  ])('user machine: %s', (path, change, what) => {
    const machine = { id: 'm', baseClass: 'combine-sp-9m', make: 'W', model: 'M', listPriceUsd: 1, ...change };
    expect(messageOf(() => parseCatalog({ machines: [machine] }, 'my.json', catalog))).toBe(
      `my.json: ${path}: ${what}`,
    );
  });

  it('an unknown base class lists the known classes', () => {
    const message = messageOf(() =>
      parseCatalog(
        { machines: [{ id: 'm', baseClass: 'nope', make: 'W', model: 'M', listPriceUsd: 1 }] },
        'my.json',
        catalog,
      ),
    );
    expect(message).toBe(
      `my.json: machines[0].baseClass: unknown class "nope" (known: ${catalog.machines.map((m) => m.id).join(', ')})`,
    );
  });
});

describe('preset file paths', () => {
  const fact = { id: 'f', scope: 's', measure: 'm', value: 1, unit: 'u', asOf: '2023', sourceUrl: 'https://x' };
  const preset = {
    id: 'p',
    title: 't',
    cropId: 'wheat',
    values: { windowDays: { fact: 'f', note: 'n' } },
    context: ['f'],
    notes: ['n'],
  };
  it.each<[string, (j: Json) => void, string]>([
    ...(['id', 'scope', 'measure', 'unit', 'asOf', 'sourceUrl'] as const).map(
      (field): [string, (j: Json) => void, string] => [
        `facts[0].${field}`,
        (j) => (j.facts[0][field] = 5),
        'expected a non-empty string, got 5',
      ],
    ),
    ...(['id', 'title', 'cropId'] as const).map((field): [string, (j: Json) => void, string] => [
      `presets[0].${field}`,
      (j) => (j.presets[0][field] = 5),
      'expected a non-empty string, got 5',
    ]),
    [
      'presets[0].values.windowDays.fact',
      (j) => (j.presets[0].values.windowDays.fact = 5),
      'expected a non-empty string, got 5',
    ],
    [
      'presets[0].values.windowDays.note',
      (j) => (j.presets[0].values.windowDays.note = 5),
      'expected a non-empty string, got 5',
    ],
    ['presets[0].context[0]', (j) => (j.presets[0].context = [5]), 'expected a non-empty string, got 5'],
    ['presets[0].notes[0]', (j) => (j.presets[0].notes = [5]), 'expected a non-empty string, got 5'],
    ['facts', (j) => (j.facts = {}), 'expected an array, got an object'],
    ['presets', (j) => (j.presets = {}), 'expected an array, got an object'],
  ])('%s', (path, change, what) => {
    const json: Json = { facts: [{ ...fact }], presets: [structuredClone(preset)] };
    change(json);
    expect(messageOf(() => parsePresets(json, 'p.json'))).toBe(`p.json: ${path}: ${what}`);
  });
});
