/**
 * The preset file reader field by field: a small hand-written file read back exactly (optional notes
 * and values kept only when given), each malformed field named with its path, unknown presets and
 * facts refused with suggestions.
 */
import { describe, expect, it } from 'vitest';
import { BadCatalogError, MachineryInputError, type KaravanError } from '../../src/errors.ts';
import { findFact, findPreset, parsePresets } from '../../src/machinery/presets.ts';

const fact = {
  id: 'yield_2023',
  scope: 'Kazakhstan',
  measure: 'wheat yield',
  value: 0.85,
  unit: 't/ha',
  asOf: '2023',
  sourceUrl: 'https://example.org/yield',
};
const file = () => ({
  version: 1,
  title: 'test presets',
  facts: [fact, { ...fact, id: 'window_days', value: 22, unit: 'days', note: '20-25 days' }],
  presets: [
    {
      id: 'kz-test',
      title: 'test',
      cropId: 'wheat',
      values: { yieldTPerHa: { fact: 'yield_2023' }, windowDays: { fact: 'window_days', value: 20, note: 'low end' } },
      context: ['window_days'],
      notes: ['one note'],
    },
    { id: 'bare', title: 'bare', cropId: 'barley', values: {} },
  ],
});

function errorOf(run: () => unknown): KaravanError {
  try {
    run();
  } catch (error) {
    return error as KaravanError;
  }
  throw new Error('expected an error');
}

describe('parsePresets', () => {
  it('reads a file back exactly; optional fields only when given', () => {
    const parsed = parsePresets(file(), 'p.json');
    expect(parsed.facts).toStrictEqual([
      fact,
      { ...fact, id: 'window_days', value: 22, unit: 'days', note: '20-25 days' },
    ]);
    expect(parsed.presets).toStrictEqual([
      {
        id: 'kz-test',
        title: 'test',
        cropId: 'wheat',
        values: {
          yieldTPerHa: { fact: 'yield_2023' },
          windowDays: { fact: 'window_days', value: 20, note: 'low end' },
        },
        context: ['window_days'],
        notes: ['one note'],
      },
      { id: 'bare', title: 'bare', cropId: 'barley', values: {}, context: [], notes: [] },
    ]);
  });

  it.each<[string, (j: ReturnType<typeof file>) => unknown, string]>([
    ['top not an object', () => [], 'p.json: (top level): expected an object, got an array'],
    [
      'unknown top field',
      (j) => ({ ...j, extra: 1 }),
      'p.json: extra: unknown field (allowed: version, title, copiedFrom, facts, presets, currencies)',
    ],
    ['no facts', (j) => ({ ...j, facts: undefined }), 'p.json: facts: missing required field'],
    ['no presets', (j) => ({ ...j, presets: undefined }), 'p.json: presets: missing required field'],
    [
      'fact without unit',
      (j) => ((j.facts[0] = { ...fact, unit: undefined as never }), j),
      'p.json: facts[0].unit: missing required field',
    ],
    [
      'fact value as text',
      (j) => ((j.facts[1]!.value = '22' as never), j),
      'p.json: facts[1].value: expected a number, got "22"',
    ],
    [
      'fact with a typo',
      (j) => ((j.facts[0] = { ...fact, sourceURL: 'x' } as never), j),
      'p.json: facts[0].sourceURL: unknown field (allowed: id, scope, measure, value, unit, asOf, sourceUrl, note)',
    ],
    [
      'empty note',
      (j) => ((j.facts[0] = { ...fact, note: '' } as never), j),
      'p.json: facts[0].note: expected a non-empty string, got ""',
    ],
    [
      'unknown value key',
      (j) => ((j.presets[0]!.values = { rainfall: { fact: 'yield_2023' } } as never), j),
      'p.json: presets[0].values.rainfall: unknown field (allowed: yieldTPerHa, grainPriceUsdPerT, windowDays, hoursPerDay, workableShare, areaHa, fuelPriceUsdPerLitre, wageUsdPerHour)',
    ],
    [
      'value of 0',
      (j) => ((j.presets[0]!.values.windowDays!.value = 0), j),
      'p.json: presets[0].values.windowDays.value: must be greater than 0, got 0',
    ],
    [
      'value without fact',
      (j) => ((j.presets[0]!.values = { yieldTPerHa: {} } as never), j),
      'p.json: presets[0].values.yieldTPerHa.fact: missing required field',
    ],
    [
      'unknown context fact',
      (j) => ((j.presets[0]!.context = ['window_days', 'nope']), j),
      'p.json: presets[0].context[1]: unknown fact "nope"',
    ],
    [
      'context not a list',
      (j) => ((j.presets[0]!.context = 'x' as never), j),
      'p.json: presets[0].context: expected an array, got "x"',
    ],
    [
      'blank note',
      (j) => ((j.presets[0]!.notes = ['ok', ' ']), j),
      'p.json: presets[0].notes[1]: expected a non-empty string, got " "',
    ],
    [
      'preset without crop',
      (j) => ((j.presets[1] = { id: 'bare', title: 'bare', values: {} } as never), j),
      'p.json: presets[1].cropId: missing required field',
    ],
    [
      'preset without values',
      (j) => ((j.presets[1] = { id: 'bare', title: 'bare', cropId: 'x' } as never), j),
      'p.json: presets[1].values: missing required field',
    ],
  ])('refuses %s, naming the field', (_label, change, message) => {
    const error = errorOf(() => parsePresets(change(file()), 'p.json'));
    expect(error).toBeInstanceOf(BadCatalogError);
    expect(error.message).toBe(message);
  });
});

describe('findPreset and findFact', () => {
  const parsed = parsePresets(file(), 'p.json');

  it('find by id', () => {
    expect(findPreset(parsed, 'bare').cropId).toBe('barley');
    expect(findFact(parsed, 'window_days').value).toBe(22);
  });

  it('an unknown preset lists the known ones and suggests the closest', () => {
    const error = errorOf(() => findPreset(parsed, 'kz-tset'));
    expect(error).toBeInstanceOf(MachineryInputError);
    expect(error.message).toBe('invalid preset: kz-tset (not a known preset)');
    expect(error).toMatchObject({ column: 'preset', value: 'kz-tset' });
    expect(error.hint).toBe('known presets: kz-test, bare; did you mean kz-test?');
    expect(errorOf(() => findPreset(parsed, 'qqqqqqqqqqqqqqqq')).hint).toBe('known presets: kz-test, bare');
  });

  it('an unknown fact is named', () => {
    const error = errorOf(() => findFact(parsed, 'rain'));
    expect(error).toBeInstanceOf(MachineryInputError);
    expect(error.message).toBe('invalid fact: rain (not in the preset file)');
    expect(error).toMatchObject({ column: 'fact', value: 'rain' });
  });
});
