import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { atlasCountryFilter, atlasThresholds } from '../../src/metrics/country-filter.ts';
import { complexity } from '../../src/metrics/complexity.ts';

describe('atlasCountryFilter', () => {
  it('keeps 1 M people and 1 bn USD of exports, at the thresholds inclusive, and names why the others are left out', () => {
    const exportsUsd = [1e9, 5e9, 2e8, 3e12, 7e9];
    const population = [1e6, 999_999, 4e7, Number.NaN, 2.5e6];
    const f = atlasCountryFilter(exportsUsd, population);
    expect([...f.kept]).toEqual([1, 0, 0, 0, 1]);
    expect(f.reasons).toEqual([null, 'population', 'exports', 'no-population', null]);
    expect(f.keptCount).toBe(2);
    expect(atlasThresholds).toEqual({ minPopulation: 1_000_000, minExportsUsd: 1_000_000_000 });
  });

  it('refuses mismatched lengths and negative exports', () => {
    expect(() => atlasCountryFilter([1], [1, 2])).toThrow(/1 export totals but 2 populations/);
    expect(() => atlasCountryFilter([-1], [1e7])).toThrow(/not a number >= 0/);
  });

  it('property: kept exactly when both thresholds are met, and the count agrees', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: 0, max: 1e13, noNaN: true }), fc.double({ min: 0, max: 2e9, noNaN: true }))),
        (rows) => {
          const f = atlasCountryFilter(
            rows.map((r) => r[0]),
            rows.map((r) => r[1]),
          );
          rows.forEach(([exportsUsd, people], i) => expect(f.kept[i]).toBe(exportsUsd >= 1e9 && people >= 1e6 ? 1 : 0));
          expect(f.keptCount).toBe(f.kept.reduce((a, b) => a + b, 0));
        },
      ),
    );
  });
});

describe('complexity with locationsKept', () => {
  it('equals the run on the kept rows alone, with result rows pointing at the input locations', () => {
    // 4 locations x 3 products; location 2 is left out.
    const all = Float64Array.from([10, 0, 5, 0, 8, 1, 50, 50, 50, 3, 3, 0]);
    const kept = Uint8Array.from([1, 1, 0, 1]);
    const filtered = complexity({ locations: 4, products: 3, valuesUsd: all, locationsKept: kept });
    const alone = complexity({
      locations: 3,
      products: 3,
      valuesUsd: Float64Array.from([10, 0, 5, 0, 8, 1, 3, 3, 0]),
    });
    expect([...filtered.locationIndex]).toEqual([0, 1, 3]);
    expect([...filtered.eci]).toEqual([...alone.eci]);
    expect([...filtered.pci]).toEqual([...alone.pci]);
    expect([...filtered.advantage]).toEqual([...alone.advantage]);
    expect([...filtered.droppedLocations]).toEqual([]);
    expect(() =>
      complexity({ locations: 4, products: 3, valuesUsd: all, locationsKept: Uint8Array.from([1, 1]) }),
    ).toThrow();
  });
});
