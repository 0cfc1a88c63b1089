import { describe, expect, it } from 'vitest';
import { BadCatalogError } from '../../src/errors.ts';
import { findPreset, parsePresets } from '../../src/machinery/index.ts';
import { presets } from './helpers.ts';

describe('presets', () => {
  it('ship kz-wheat-2023 with the 2023 wheat yield of 0.85 t/ha and its source', () => {
    const preset = findPreset(presets, 'kz-wheat-2023');
    expect(preset.values.yieldTPerHa?.fact).toBe('kz_wheat_yield_2023');
    const fact = presets.facts.find((f) => f.id === 'kz_wheat_yield_2023')!;
    expect(fact).toMatchObject({ value: 0.85, unit: 't/ha', asOf: '2023' });
    expect(fact.sourceUrl).toMatch(/^https:\/\//);
  });

  it('every fact has a date and a source', () => {
    for (const fact of presets.facts) {
      expect(fact.asOf.length).toBeGreaterThan(0);
      expect(fact.sourceUrl.length).toBeGreaterThan(0);
    }
  });

  it('reject a preset that names an unknown fact, naming the file and field', () => {
    const json = {
      facts: [],
      presets: [{ id: 'x', title: 'x', cropId: 'wheat', values: { yieldTPerHa: { fact: 'nope' } } }],
    };
    expect(() => parsePresets(json, 'p.json')).toThrow(BadCatalogError);
    expect(() => parsePresets(json, 'p.json')).toThrow(
      'p.json: presets[0].values.yieldTPerHa.fact: unknown fact "nope"',
    );
  });
});
