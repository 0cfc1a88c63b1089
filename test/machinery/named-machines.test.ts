/**
 * A named machine (a maker's model) in a catalog file: figures the maker publishes are tagged
 * values with their own tag and document, other published figures sit in `specs`, the country of
 * make is an ISO3 code, and without a quote the price stays the class's placeholder, tagged [M].
 */
import { describe, expect, it } from 'vitest';
import { BadCatalogError } from '../../src/errors.ts';
import { findMachine, parseCatalog } from '../../src/machinery/index.ts';
import { catalog } from './helpers.ts';

const leaflet = 'Maker leaflet GS-X, 2024, https://example.org/gs-x.pdf';
const named = {
  id: 'maker-gs-x',
  baseClass: 'combine-sp-9m',
  make: 'Maker',
  model: 'GS-X',
  countryOfMake: 'BLR',
  widthM: { value: 9.1, tag: 'V', source: leaflet },
  powerKw: { value: 243, tag: 'V', source: leaflet },
  specs: { grainTankM3: { value: 9, tag: 'V', source: leaflet }, fuelTankL: { value: 800, tag: 'V', source: leaflet } },
};

describe('a named machine', () => {
  it("keeps the maker's figures with their tag and document, and the class's price placeholder", () => {
    const own = parseCatalog({ machines: [named] }, 'named.json', catalog);
    const machine = findMachine(own, 'maker-gs-x');
    const base = findMachine(catalog, 'combine-sp-9m');
    expect(machine.widthM).toEqual({ min: 9.1, typical: 9.1, max: 9.1, tag: 'V', source: leaflet });
    expect(machine.powerKw).toEqual({ min: 243, typical: 243, max: 243, tag: 'V', source: leaflet });
    expect(machine.countryOfMake).toBe('BLR');
    expect(machine.specs).toEqual({
      grainTankM3: { value: 9, tag: 'V', source: leaflet },
      fuelTankL: { value: 800, tag: 'V', source: leaflet },
    });
    // No quote: the class's placeholder, still tagged [M], not a price of this model.
    expect(machine.listPriceUsd).toEqual(base.listPriceUsd);
    expect(machine.listPriceUsd.tag).toBe('M');
    // What the maker does not publish comes from the class with the class's tag.
    expect(machine.speedKmh).toEqual(base.speedKmh);
  });

  it('a plain number is still the user figure, tagged user', () => {
    const own = parseCatalog({ machines: [{ ...named, widthM: 10, listPriceUsd: 400_000 }] }, 'n.json', catalog);
    const machine = findMachine(own, 'maker-gs-x');
    expect(machine.widthM?.tag).toBe('user');
    expect(machine.listPriceUsd).toMatchObject({ typical: 400_000, tag: 'user' });
  });

  it('refuses a country that is not ISO3, an untagged figure, a spec without unit-style name', () => {
    const bad = (entry: object) => () => parseCatalog({ machines: [{ ...named, ...entry }] }, 'bad.json', catalog);
    expect(bad({ countryOfMake: 'Belarus' })).toThrow(BadCatalogError);
    expect(bad({ countryOfMake: 'Belarus' })).toThrow(/countryOfMake/);
    expect(bad({ widthM: { value: 9, source: leaflet } })).toThrow(/widthM\.tag/);
    expect(bad({ specs: { 'Grain tank': { value: 9, tag: 'V', source: leaflet } } })).toThrow(/specs/);
    expect(bad({ specs: { grainTankM3: { value: -1, tag: 'V', source: leaflet } } })).toThrow(/grainTankM3/);
  });
});
