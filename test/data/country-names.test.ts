/**
 * Every country, area and group the store lists has a Russian name in Cyrillic: ICU's where it has
 * one, else data/embedded/country_names_ru.csv (ATF under BACI's old code FQ, the World, Comtrade's
 * special areas), so the dashboard's country list and the Russian report never fall back to English;
 * former states (ISO 3166-3) are named as what they were and marked with their last year.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listCountries, type TradeStore } from '../../src/data/index.ts';
import { openTempStore } from '../support/store.ts';

describe('Russian country names', () => {
  let store: TradeStore;
  let cleanup: () => void;
  beforeAll(async () => {
    ({ store, cleanup } = await openTempStore(true));
  });
  afterAll(() => cleanup());

  it('are in Cyrillic for every entry of the list', async () => {
    const countries = await listCountries(store);
    expect(countries.length).toBeGreaterThan(250);
    expect(countries.filter((c) => !/[А-Яа-яЁё]/.test(c.nameRu)).map((c) => `${c.iso3} ${c.nameRu}`)).toEqual([]);
    expect(countries.find((c) => c.iso3 === 'ATF')!.nameRu).toBe('Французские Южные территории');
    expect(countries.find((c) => c.iso3 === 'WLD')!.nameRu).toBe('Мир');
  });

  it('name former states as what they were, not as ICU names their withdrawn codes, and mark them', async () => {
    const countries = await listCountries(store);
    const sun = countries.find((c) => c.iso3 === 'SUN')!;
    expect([sun.nameEn, sun.nameRu, sun.historicalUntil]).toEqual(['USSR', 'СССР', 1991]);
    expect(countries.find((c) => c.iso3 === 'DDR')!.nameRu).toBe('Германская Демократическая Республика');
    expect(countries.find((c) => c.iso3 === 'RUS')!.historicalUntil).toBeUndefined();
    // No two entries share a name any more (SU was "Russia", DD "Germany", CS "Serbia", AN "Curaçao").
    const names = countries.filter((c) => c.kind !== 'group').map((c) => c.nameEn);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });
});
