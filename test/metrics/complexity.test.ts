import { describe, expect, it } from 'vitest';
import { InvalidOptionError, MetricInputError } from '../../src/errors.ts';
import { complexity, complexityDefaults, resolveComplexity } from '../../src/metrics/index.ts';

/** 4 locations × 5 products, nested-ish, all rows and columns positive. */
const X = Float64Array.from([
  50,
  30,
  10,
  5,
  1, //
  40,
  0,
  20,
  0,
  0, //
  5,
  10,
  60,
  30,
  20, //
  0,
  0,
  0,
  40,
  50,
]);

describe('complexity', () => {
  it("has Stata's defaults: RCA > 1, discrete symmetric proximity", () => {
    expect(complexityDefaults).toEqual({
      rcaThreshold: 1,
      presence: 'rca',
      continuous: false,
      asymmetric: false,
      knn: null,
    });
    expect(resolveComplexity()).toEqual(complexityDefaults);
    expect(Object.isFrozen(complexityDefaults)).toBe(true);
  });

  it('refuses invalid options, naming the field', () => {
    expect(() => resolveComplexity({ rcaThreshold: -1 })).toThrow('invalid rcaThreshold: -1');
    expect(() => resolveComplexity({ rcaThreshold: Number.NaN })).toThrow(InvalidOptionError);
    expect(() => resolveComplexity({ presence: 'both' as never })).toThrow('invalid presence: both');
    expect(() => resolveComplexity({ continuous: 1 as never })).toThrow('invalid continuous: 1');
    expect(() => resolveComplexity({ continuous: true, asymmetric: true })).toThrow(/invalid asymmetric/);
    for (const knn of [0, -2, 2.5, Number.NaN, '3' as never]) {
      expect(() => resolveComplexity({ knn })).toThrow(InvalidOptionError);
      expect(() => resolveComplexity({ knn })).toThrow(`invalid knn: ${String(knn)}`);
    }
    expect(resolveComplexity({ knn: 3 }).knn).toBe(3);
    expect(() => resolveComplexity({ knn: 3, continuous: true })).toThrow(
      'invalid knn: 3 (not available with the continuous proximity)',
    );
  });

  it('returns every measure with consistent shapes', () => {
    const r = complexity({ locations: 4, products: 5, valuesUsd: X });
    expect(r.rows).toBe(4);
    expect(r.advantageKind).toBe('rca');
    for (const a of [r.advantage, r.mcp, r.density, r.cog]) expect(a.length).toBe(20);
    for (const a of [r.eci, r.coi, r.diversity]) expect(a.length).toBe(4);
    for (const a of [r.pci, r.ubiquity]) expect(a.length).toBe(5);
    expect(r.warnings).toEqual([]);
    for (let c = 0; c < 4; c++)
      for (let p = 0; p < 5; p++) if (r.mcp[c * 5 + p] === 1) expect(r.cog[c * 5 + p]).toBe(0);
  });

  it('leaves ECI/COI/COG empty for a location with diversity 0 and warns; everything else is computed', () => {
    // With threshold 2 the second location (RCA ≤ 2 everywhere) has no product.
    const r = complexity({ locations: 4, products: 5, valuesUsd: X, label: 'year 2000' }, { rcaThreshold: 2 });
    const zero = Array.from(r.zeroDiversityRows);
    expect(zero.length).toBeGreaterThan(0);
    for (const c of zero) {
      expect(r.eci[c]).toBeNaN();
      expect(r.coi[c]).toBeNaN();
      for (let p = 0; p < 5; p++) expect(r.cog[c * 5 + p]).toBeNaN();
      for (let p = 0; p < 5; p++) expect(Number.isNaN(r.density[c * 5 + p]!) || r.density[c * 5 + p]! >= 0).toBe(true);
    }
    expect(r.warnings.join('\n')).toMatch(/year 2000: 1 location\(s\) with diversity 0/);
    expect(Array.from(r.eci).filter((x) => !Number.isNaN(x)).length).toBe(4 - zero.length);
  });

  it('rpop drops locations without population and says so', () => {
    const r = complexity(
      { locations: 4, products: 5, valuesUsd: X, population: Float64Array.from([10, Number.NaN, 30, 5]) },
      { presence: 'rpop' },
    );
    expect(Array.from(r.locationIndex)).toEqual([0, 2, 3]);
    expect(Array.from(r.droppedLocations)).toEqual([1]);
    expect(r.advantageKind).toBe('rpop');
    expect(r.rows).toBe(3);
    expect(r.warnings[0]).toMatch(/1 location\(s\) without population dropped/);
    expect(() => complexity({ locations: 4, products: 5, valuesUsd: X }, { presence: 'rpop' })).toThrow(
      /needs a population/,
    );
  });

  it('manual presence uses M as given', () => {
    const m = Uint8Array.from([1, 1, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 1, 1]);
    const r = complexity({ locations: 4, products: 5, valuesUsd: X, presence: m }, { presence: 'manual' });
    expect(Array.from(r.mcp)).toEqual(Array.from(m));
    expect(() => complexity({ locations: 4, products: 5, valuesUsd: X }, { presence: 'manual' })).toThrow(
      /needs a presence matrix/,
    );
    expect(() =>
      complexity(
        { locations: 4, products: 5, valuesUsd: X, presence: new Uint8Array(20).fill(2) },
        { presence: 'manual' },
      ),
    ).toThrow(MetricInputError);
  });

  it('says what is wrong with unusable input', () => {
    expect(() => complexity({ locations: 1, products: 5, valuesUsd: X.slice(0, 5), label: 'year 1999' })).toThrow(
      'year 1999: complexity needs at least 2 locations, got 1',
    );
    expect(() => complexity({ locations: 5, products: 1, valuesUsd: Float64Array.from([1, 2, 3, 4, 5]) })).toThrow(
      /at least 2 products/,
    );
    expect(() => complexity({ locations: 2, products: 2, valuesUsd: new Float64Array(4), label: 'year 2001' })).toThrow(
      'year 2001: all values are zero',
    );
    expect(() => complexity({ locations: 2, products: 2, valuesUsd: Float64Array.from([1, -1, 2, 3]) })).toThrow(
      /finite and >= 0/,
    );
    expect(() =>
      complexity({ locations: 2, products: 2, valuesUsd: Float64Array.from([1, Number.NaN, 2, 3]) }),
    ).toThrow(MetricInputError);
  });

  it('warns when the location-product network falls apart (ECI is then not unique)', () => {
    const r = complexity({ locations: 2, products: 2, valuesUsd: Float64Array.from([1, 0, 0, 1]), label: 'year 2002' });
    expect(r.eigenvalue).toBeCloseTo(1, 9);
    expect(r.warnings).toEqual([expect.stringMatching(/^year 2002: the second eigenvalue is 1/)]);
  });

  it('continuous and asymmetric change density/COG but not ECI/PCI', () => {
    // 6 × 6 with ubiquities 2, 2, 2, 2, 3, 3 (with equal ubiquities both proximities coincide).
    const Y = Float64Array.from([
      9, 8, 7, 1, 1, 1, 8, 9, 1, 1, 0, 0, 1, 1, 9, 8, 7, 1, 0, 1, 1, 9, 9, 8, 5, 5, 5, 5, 5, 9, 1, 0, 0, 0, 2, 9,
    ]);
    const base = complexity({ locations: 6, products: 6, valuesUsd: Y });
    expect(Array.from(base.ubiquity)).toEqual([2, 2, 2, 2, 3, 3]);
    for (const options of [{ continuous: true }, { asymmetric: true }]) {
      const other = complexity({ locations: 6, products: 6, valuesUsd: Y }, options);
      for (let c = 0; c < 6; c++) expect(other.eci[c]).toBeCloseTo(base.eci[c]!, 12);
      expect(Array.from(other.density)).not.toEqual(Array.from(base.density));
      expect(Array.from(other.cog)).not.toEqual(Array.from(base.cog));
    }
  });

  it('knn: more neighbours than the year has products is an invalid option naming the year', () => {
    const run = () => complexity({ locations: 4, products: 5, valuesUsd: X, label: 'year 1999' }, { knn: 6 });
    expect(run).toThrow(InvalidOptionError);
    expect(run).toThrow('invalid knn: 6 (year 1999 has 5 products)');
    try {
      run();
    } catch (error) {
      expect((error as { code?: string }).code).toBe('KRV_OPT_INVALID');
    }
  });

  it('knn changes density and COI only; knn = all products gives the plain density, for both discrete proximities', () => {
    const Y = Float64Array.from([
      9, 8, 7, 1, 1, 1, 8, 9, 1, 1, 0, 0, 1, 1, 9, 8, 7, 1, 0, 1, 1, 9, 9, 8, 5, 5, 5, 5, 5, 9, 1, 0, 0, 0, 2, 9,
    ]);
    for (const options of [{}, { asymmetric: true }]) {
      const base = complexity({ locations: 6, products: 6, valuesUsd: Y }, options);
      const all = complexity({ locations: 6, products: 6, valuesUsd: Y }, { ...options, knn: 6 });
      for (let i = 0; i < 36; i++) expect(all.density[i]).toBeCloseTo(base.density[i]!, 12);
      const near = complexity({ locations: 6, products: 6, valuesUsd: Y }, { ...options, knn: 1 });
      expect(Array.from(near.density)).not.toEqual(Array.from(base.density));
      expect(Array.from(near.coi)).not.toEqual(Array.from(base.coi));
      expect(Array.from(near.cog)).toEqual(Array.from(base.cog));
      expect(Array.from(near.eci)).toEqual(Array.from(base.eci));
      expect(Array.from(near.mcp)).toEqual(Array.from(base.mcp));
    }
  });
});
