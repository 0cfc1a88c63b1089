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

describe('the tenge preset and the currencies', () => {
  it('kz-wheat-2024-kzt converts the tenge facts at the National Bank rate, each part of the source kept', async () => {
    const { resolveScenario } = await import('../../src/machinery/index.ts');
    const { catalog } = await import('./helpers.ts');
    const s = resolveScenario({ areaHa: 10_000, presetId: 'kz-wheat-2024-kzt' }, { catalog, presets });
    expect(s.fuelPriceUsdPerLitre.value).toBeCloseTo(250 / 444.32, 12);
    expect(s.wageUsdPerHour.value).toBeCloseTo(1067.79 / 444.32, 12);
    expect(s.grainPriceUsdPerT.value).toBeCloseTo(85_000 / 444.32, 12);
    expect(s.yieldTPerHa.value).toBe(1.62);
    for (const key of ['fuelPriceUsdPerLitre', 'wageUsdPerHour', 'grainPriceUsdPerT'] as const) {
      expect(s[key].tag).toBe('preset');
      expect(s[key].source).toContain('444.32 KZT/USD (2024-04-24): https://nationalbank.kz/');
    }
    // The wage's conversion is said in full: the monthly wage, the assumed hours, the rate.
    expect(1067.79).toBeCloseTo(179_388 / 168, 2);
  });

  it('rates per USD: KZT as published, RUB and BYN as cross rates of the same day', async () => {
    const { currencyRate } = await import('../../src/machinery/index.ts');
    expect(currencyRate(presets, 'usd')).toMatchObject({ code: 'USD', perUsd: 1 });
    expect(currencyRate(presets, 'KZT')).toMatchObject({ code: 'KZT', perUsd: 444.32, asOf: '2024-04-24' });
    expect(currencyRate(presets, 'RUB').perUsd).toBeCloseTo(444.32 / 4.76, 12);
    expect(currencyRate(presets, 'BYN').perUsd).toBeCloseTo(444.32 / 136.04, 12);
    expect(currencyRate(presets, 'BYN').sources).toHaveLength(2);
    expect(() => currencyRate(presets, 'EUR')).toThrow('invalid currency: EUR (not a known currency)');
  });

  it('refuses a preset value divided by an unknown or zero fact, and a currency block not based on USD', () => {
    const base = JSON.parse(JSON.stringify({ facts: presets.facts, presets: [] }));
    const bad = (extra: object) => () => parsePresets({ ...base, ...extra }, 'p.json');
    expect(
      bad({
        presets: [
          {
            id: 'x',
            title: 'x',
            cropId: 'wheat',
            values: { windowDays: { fact: 'kz_wheat_yield_2023', per: ['nope'] } },
          },
        ],
      }),
    ).toThrow(BadCatalogError);
    expect(bad({ currencies: { base: 'EUR', rates: [] } })).toThrow(/must be "USD"/);
    expect(
      bad({ currencies: { base: 'USD', rates: [{ code: 'kzt', perUsd: { fact: 'kz_wheat_yield_2023' } }] } }),
    ).toThrow(/ISO 4217/);
  });
});
