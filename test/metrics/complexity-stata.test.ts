/**
 * Karavan against Stata `ecomplexity` output published with py-ecomplexity's tests
 * (test/data/complexity/README.md): every column of every reference file, at the upstream
 * tolerances (M, diversity, ubiquity exact; RCA/RPOP, ECI, PCI relative 1e-5; density, COI,
 * COG relative 1e-4). The largest deviation per file is printed (and recorded in
 * docs/complexity.md).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { complexity, type ComplexityOptions } from '../../src/metrics/index.ts';
import { compare, fixtureYears, num, readCsv, type Column, type Comparison } from './stata-fixtures.ts';

const allColumns: Column[] = ['rca', 'M', 'density', 'eci', 'pci', 'diversity', 'ubiquity', 'coi', 'cog'];
const report: string[] = [];

function population(year: string, locations: string[]): Float64Array {
  const rows = readCsv('population_data_sample.csv').filter((r) => r.year === year);
  return Float64Array.from(locations, (l) => num(rows.find((r) => r.origin === l)?.population));
}

function run(file: string, options: ComplexityOptions, columns: Column[], extraLocations: string[] = []): Comparison {
  const comparison: Comparison = { maxDeviation: {}, failures: [], compared: {}, filledWhereStataEmpty: 0 };
  for (const year of fixtureYears(readCsv(file), extraLocations)) {
    const res = complexity(
      {
        locations: year.locations.length,
        products: year.products.length,
        valuesUsd: year.valuesUsd,
        population: options.presence === 'rpop' ? population(year.year, year.locations) : undefined,
        label: `year ${year.year}`,
      },
      options,
    );
    compare(year, res, columns, comparison);
  }
  const figures = Object.entries(comparison.maxDeviation)
    .map(([c, d]) => `${c} ${d === 0 ? '0' : d!.toExponential(1)}`)
    .join(', ');
  report.push(
    `${file}: ${figures}${comparison.filledWhereStataEmpty ? ` (Karavan fills ${comparison.filledWhereStataEmpty} cells Stata leaves empty)` : ''}`,
  );
  return comparison;
}

describe('complexity() against Stata ecomplexity', () => {
  afterAll(() => {
    console.log(['Largest deviation from Stata, per reference file:', ...report.map((line) => '  ' + line)].join('\n'));
  });

  it('default (RCA > 1, discrete symmetric proximity), 1995 and 1996', () => {
    const c = run('stata_ground_truth.csv', {}, allColumns);
    expect(c.failures).toEqual([]);
    expect(c.compared.eci).toBe(600);
    expect(c.filledWhereStataEmpty).toBe(0);
  });

  it('RCA threshold 0.5', () => {
    const c = run('stata_rca_05.1995.csv', { rcaThreshold: 0.5 }, allColumns);
    expect(c.failures).toEqual([]);
    expect(c.compared.cog).toBe(300);
  });

  it('RCA threshold 2: Stata blanks both years (diversity 0 for deu, ita); M, RCA, diversity, ubiquity still match', () => {
    const c = run('stata_rca_2.csv', { rcaThreshold: 2 }, allColumns);
    expect(c.failures).toEqual([]);
    expect(c.compared.M).toBe(600);
    expect(c.compared.eci ?? 0).toBe(0);
    // Karavan computes every location with diversity > 0 (8 of 10 per year) and leaves deu, ita empty.
    expect(c.filledWhereStataEmpty).toBeGreaterThan(0);
  });

  it('RPOP (threshold 1); blx has no population and is dropped', () => {
    const c = run(
      'stata_rpop_default.1995.csv',
      { presence: 'rpop' },
      ['rpop', 'M', 'density', 'eci', 'pci', 'diversity', 'ubiquity', 'coi', 'cog'],
      ['blx'],
    );
    expect(c.failures).toEqual([]);
    expect(c.compared.rpop).toBe(270);
  });

  it('asymmetric proximity', () => {
    const c = run('stata_discrete_asymmetric.1995.csv', { asymmetric: true }, allColumns);
    expect(c.failures).toEqual([]);
    expect(c.compared.density).toBe(300);
  });

  it('knn(5) density: each product keeps its 5 nearest products (Stata ties and threshold rounding); COI follows, COG does not', () => {
    const c = run('stata_knn_5.1995.csv', { knn: 5 }, allColumns);
    expect(c.failures).toEqual([]);
    expect(c.compared.density).toBe(300);
    expect(c.compared.coi).toBe(300);
  });

  it('knn(10) and knn(20) density', () => {
    for (const k of [10, 20]) {
      const c = run(`stata_knn_${k}.1995.csv`, { knn: k }, allColumns);
      expect(c.failures).toEqual([]);
      expect(c.compared.density).toBe(300);
    }
  });

  it('continuous proximity', () => {
    const c = run('stata_continuous.1995.csv', { continuous: true }, allColumns);
    expect(c.failures).toEqual([]);
    expect(c.compared.cog).toBe(300);
  });
});
