/**
 * Reads the Stata reference outputs in test/data/complexity/ (see its README) into per-year
 * dense matrices, and compares Karavan's results with them column by column.
 */
import { readFileSync } from 'node:fs';
import type { ComplexityYearResult } from '../../src/metrics/index.ts';

export const fixtureDir = new URL('../data/complexity/', import.meta.url).pathname;

export type Row = Record<string, string>;

export function readCsv(name: string): Row[] {
  const lines = readFileSync(fixtureDir + name, 'utf8')
    .trim()
    .split('\n');
  const header = lines[0]!.split(',');
  return lines.slice(1).map((line) => {
    const fields = line.split(',');
    return Object.fromEntries(header.map((h, i) => [h, fields[i] ?? '']));
  });
}

/** Empty cell (Stata's missing) -> NaN. */
export function num(text: string | undefined): number {
  return text === undefined || text === '' ? NaN : Number(text);
}

export interface FixtureYear {
  year: string;
  locations: string[];
  products: string[];
  rows: Row[];
  /** locations × products, from `export_val` (the values Stata computed with). */
  valuesUsd: Float64Array;
  index: (location: string, product: string) => number;
}

export function fixtureYears(rows: Row[], extraLocations: string[] = []): FixtureYear[] {
  const years = [...new Set(rows.map((r) => r.year!))].sort();
  return years.map((year) => {
    const yr = rows.filter((r) => r.year === year);
    const locations = [...new Set([...yr.map((r) => r.origin!), ...extraLocations])].sort();
    const products = [...new Set(yr.map((r) => r.hs92!))].sort();
    const index = (l: string, p: string) => locations.indexOf(l) * products.length + products.indexOf(p);
    const valuesUsd = new Float64Array(locations.length * products.length);
    for (const r of yr) valuesUsd[index(r.origin!, r.hs92!)] = num(r.export_val);
    return { year, locations, products, rows: yr, valuesUsd, index };
  });
}

export type Column = 'rca' | 'rpop' | 'M' | 'density' | 'eci' | 'pci' | 'diversity' | 'ubiquity' | 'coi' | 'cog';

/** Tolerances of the upstream Stata comparison: exact for integers, relative otherwise. */
export const tolerance: Record<Column, number> = {
  M: 0,
  diversity: 0,
  ubiquity: 0,
  rca: 1e-5,
  rpop: 1e-5,
  eci: 1e-5,
  pci: 1e-5,
  density: 1e-4,
  coi: 1e-4,
  cog: 1e-4,
};

export interface Comparison {
  /** Largest relative deviation per column (absolute where Stata's value is 0). */
  maxDeviation: Partial<Record<Column, number>>;
  /** Cells outside tolerance, as text. */
  failures: string[];
  /** Cells compared per column. */
  compared: Partial<Record<Column, number>>;
  /** Cells where Stata is empty and Karavan has a value (documented deviation: Stata blanks whole years). */
  filledWhereStataEmpty: number;
}

/** Karavan's value of a column for one row of a fixture. */
export function karavanValue(res: ComplexityYearResult, column: Column, row: number, product: number): number {
  const i = row * res.products + product;
  switch (column) {
    case 'rca':
    case 'rpop':
      return res.advantage[i]!;
    case 'M':
      return res.mcp[i]!;
    case 'density':
      return res.density[i]!;
    case 'eci':
      return res.eci[row]!;
    case 'pci':
      return res.pci[product]!;
    case 'diversity':
      return res.diversity[row]!;
    case 'ubiquity':
      return res.ubiquity[product]!;
    case 'coi':
      return res.coi[row]!;
    case 'cog':
      return res.cog[i]!;
  }
}

export function compare(
  year: FixtureYear,
  res: ComplexityYearResult,
  columns: Column[],
  into: Comparison = { maxDeviation: {}, failures: [], compared: {}, filledWhereStataEmpty: 0 },
): Comparison {
  const rowOf = new Map<string, number>();
  res.locationIndex.forEach((input, row) => rowOf.set(year.locations[input]!, row));
  for (const r of year.rows) {
    const row = rowOf.get(r.origin!);
    const product = year.products.indexOf(r.hs92!);
    for (const column of columns) {
      const stata = num(r[column]);
      const ours = row === undefined ? NaN : karavanValue(res, column, row, product);
      const where = `${year.year} ${r.origin} ${r.hs92} ${column}`;
      if (Number.isNaN(stata)) {
        if (!Number.isNaN(ours)) into.filledWhereStataEmpty++;
        continue;
      }
      if (Number.isNaN(ours)) {
        into.failures.push(`${where}: Stata ${stata}, Karavan empty`);
        continue;
      }
      const deviation = Math.abs(stata) < 1e-12 ? Math.abs(ours - stata) : Math.abs(ours - stata) / Math.abs(stata);
      into.maxDeviation[column] = Math.max(into.maxDeviation[column] ?? 0, deviation);
      into.compared[column] = (into.compared[column] ?? 0) + 1;
      const tol = tolerance[column];
      const ok = tol === 0 ? ours === stata : Math.abs(ours - stata) <= tol * Math.abs(stata) + 1e-12;
      if (!ok) into.failures.push(`${where}: Stata ${stata}, Karavan ${ours}`);
    }
  }
  return into;
}
