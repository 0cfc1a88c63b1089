/**
 * The multi-year complexity driver: turns a panel (any source: a CSV through
 * data/read-panel-csv.ts, or the store) into per-year results of metrics/complexity.ts, and
 * writes them as one long CSV or Parquet file (data/complexity-output.ts).
 *
 * A year's rectangle is the locations and the products with a positive total that year (as
 * py-ecomplexity; a zero row is the same as a missing row); with manual presence, also those with
 * any M = 1. Years are independent. Warnings name the locations and products concerned.
 * Source: docs/complexity.md.
 */
import { MetricInputError, MissingDataError, MissingOptionError } from '../errors.ts';
import type { TradeStore } from '../data/index.ts';
// Imported from their modules, not data/index.ts: the index loads the store and DuckDB's ESM
// build, which costs a one-shot CLI run ~0.3 s (these two require DuckDB lazily). The store's
// modules are imported by complexityFromStore when it runs, for the same reason.
import { populationOf, readPanelCsv, readPopulationCsv, type PanelCsvColumns } from '../data/read-panel-csv.ts';
import { ComplexityOutputWriter, type ComplexityOutputYear } from '../data/complexity-output.ts';
import {
  complexity,
  resolveComplexity,
  type ComplexityOptions,
  type ComplexityYearResult,
  type ResolvedComplexityOptions,
} from '../metrics/complexity.ts';

/** A trade panel: labels over all years and one dense matrix per year. */
export interface ComplexityPanel {
  years: number[];
  locations: string[];
  products: string[];
  /** Per year: locations × products, row-major, 0 for missing pairs. */
  valuesUsd: Float64Array[];
  /** Per year, for `presence: 'manual'`: locations × products, 0/1. */
  presence?: Uint8Array[];
  /** Per year, for `presence: 'rpop'`: population per location, NaN where unknown. */
  population?: Float64Array[];
}

export interface ComplexityPanelYear {
  year: number;
  /** Labels of the result's rows. */
  locations: string[];
  /** Labels of the result's product columns. */
  products: string[];
  /** Values of the result's rows, rows × products. */
  valuesUsd: Float64Array;
  result: ComplexityYearResult;
  /** Warnings for this year, naming locations and products. */
  warnings: string[];
}

function listNames(names: string[], max = 20): string {
  return names.length <= max ? names.join(', ') : `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}

/** Computes one year of a panel (by its index in `panel.years`). */
export function complexityPanelYear(
  panel: ComplexityPanel,
  yearIndex: number,
  options: ResolvedComplexityOptions,
): ComplexityPanelYear {
  const year = panel.years[yearIndex]!;
  const all = panel.valuesUsd[yearIndex]!;
  const presence = options.presence === 'manual' ? panel.presence?.[yearIndex] : undefined;
  const L = panel.locations.length;
  const P = panel.products.length;
  const rowTotal = new Float64Array(L);
  const colTotal = new Float64Array(P);
  for (let c = 0; c < L; c++) {
    const base = c * P;
    for (let p = 0; p < P; p++) {
      const v = all[base + p]! + (presence !== undefined ? presence[base + p]! : 0);
      rowTotal[c]! += v;
      colTotal[p]! += v;
    }
  }
  const rowsIn: number[] = [];
  for (let c = 0; c < L; c++) if (rowTotal[c]! > 0) rowsIn.push(c);
  const colsIn: number[] = [];
  for (let p = 0; p < P; p++) if (colTotal[p]! > 0) colsIn.push(p);
  const whole = rowsIn.length === L && colsIn.length === P;
  const R = rowsIn.length;
  const K = colsIn.length;
  const values = whole ? all : new Float64Array(R * K);
  const m = presence === undefined ? undefined : whole ? presence : new Uint8Array(R * K);
  if (!whole) {
    for (let r = 0; r < R; r++) {
      const from = rowsIn[r]! * P;
      const to = r * K;
      for (let k = 0; k < K; k++) {
        values[to + k] = all[from + colsIn[k]!]!;
        if (m !== undefined) m[to + k] = presence![from + colsIn[k]!]!;
      }
    }
  }
  if (R === 0 || K === 0) throw new MetricInputError(`year ${year}: all values are zero`, { value: String(year) });
  const yearPopulation = panel.population?.[yearIndex];
  const population = yearPopulation === undefined ? undefined : Float64Array.from(rowsIn, (c) => yearPopulation[c]!);
  const result = complexity(
    {
      locations: R,
      products: K,
      valuesUsd: values,
      ...(population !== undefined && { population }),
      ...(m !== undefined && { presence: m }),
      label: `year ${year}`,
    },
    options,
  );
  const rectangleLocations = rowsIn.map((c) => panel.locations[c]!);
  const products = colsIn.map((p) => panel.products[p]!);
  const locations = Array.from(result.locationIndex, (r) => rectangleLocations[r]!);
  const keptValues =
    result.rows === R
      ? values
      : (() => {
          const out = new Float64Array(result.rows * K);
          result.locationIndex.forEach((r, i) => out.set(values.subarray(r * K, (r + 1) * K), i * K));
          return out;
        })();
  const warnings: string[] = [];
  if (result.droppedLocations.length > 0) {
    const names = Array.from(result.droppedLocations, (r) => rectangleLocations[r]!);
    warnings.push(`year ${year}: no population for ${names.length} location(s), dropped (rpop): ${listNames(names)}`);
  }
  if (result.zeroDiversityRows.length > 0) {
    const names = Array.from(result.zeroDiversityRows, (r) => locations[r]!);
    warnings.push(
      `year ${year}: diversity 0, so ECI, COI and COG are empty for ${names.length} location(s): ${listNames(names)}`,
    );
  }
  if (result.zeroUbiquityProducts.length > 0) {
    const names = Array.from(result.zeroUbiquityProducts, (p) => products[p]!);
    warnings.push(
      `year ${year}: ubiquity 0, so PCI and COG are empty for ${names.length} product(s): ${listNames(names)}`,
    );
  }
  if (result.eigenvalue > 1 - 1e-9) {
    warnings.push(
      `year ${year}: the location-product network is disconnected (second eigenvalue 1), so ECI and PCI are not unique`,
    );
  }
  return { year, locations, products, valuesUsd: keptValues, result, warnings };
}

/** Every year of a panel, in order, computed lazily (one year in memory at a time). */
export function* complexityPanelYears(
  panel: ComplexityPanel,
  options: ComplexityOptions = {},
): Generator<ComplexityPanelYear> {
  const o = resolveComplexity(options);
  for (let i = 0; i < panel.years.length; i++) yield complexityPanelYear(panel, i, o);
}

/** The output columns after the three keys. */
export function complexityCsvColumns(advantageKind: 'rca' | 'rpop'): string[] {
  return ['value', advantageKind, 'mcp', 'density', 'eci', 'pci', 'diversity', 'ubiquity', 'coi', 'cog'];
}

/** The output writer's view of a computed year. */
export function complexityOutputYear(y: ComplexityPanelYear): ComplexityOutputYear {
  const { result } = y;
  return {
    year: y.year,
    locations: y.locations,
    products: y.products,
    valuesUsd: y.valuesUsd,
    advantage: result.advantage,
    mcp: result.mcp,
    density: result.density,
    cog: result.cog,
    eci: result.eci,
    diversity: result.diversity,
    coi: result.coi,
    pci: result.pci,
    ubiquity: result.ubiquity,
  };
}

/** Every value is a whole number of magnitude below 2^53 (so CSV can write it as an integer). */
export function allWholeNumbers(arrays: readonly Float64Array[]): boolean {
  for (const values of arrays) {
    for (let i = 0; i < values.length; i++) {
      const x = values[i]!;
      if (!Number.isSafeInteger(x)) return false;
    }
  }
  return true;
}

/**
 * Writes years to `path` (CSV, or Parquet for a .parquet path; data/complexity-output.ts) as
 * `next()` computes them (undefined when done), pipelined: DuckDB writes a year on its own threads
 * while this thread computes the next one.
 * @param columns the three key column names; the measures' names follow (complexityCsvColumns)
 * @param wholeValues every value is a whole number (CSV writes the value column as integers)
 * @param years how many years `next()` will give, when known (several: DuckDB writes on one thread)
 * @returns rows written
 */
export async function writeComplexityYears(
  path: string,
  columns: { keys: [time: string, location: string, product: string]; advantageKind: 'rca' | 'rpop' },
  next: () => ComplexityPanelYear | undefined,
  wholeValues = false,
  years?: number,
): Promise<number> {
  const writer = await ComplexityOutputWriter.open({
    path,
    columns: [...columns.keys, ...complexityCsvColumns(columns.advantageKind)],
    wholeValues,
    // Several years: DuckDB writes a year while this thread computes the next. CSV on two threads: on an idle
    // 2-core machine 30 HS6 years took 51.7 s instead of 63.1 s (CPU 82.6 s against 74.5: slower when the machine
    // is busy). Parquet on one: with two, its row groups held 2.3 GB at peak against 1.0 GB (docs/benchmarks.md).
    ...(years !== undefined && years > 1 && { threads: path.endsWith('.parquet') ? 1 : 2 }),
  });
  try {
    for (let y = next(); y !== undefined; y = next()) await writer.writeYear(complexityOutputYear(y));
  } catch (error) {
    await writer.abort();
    throw error;
  }
  return writer.close();
}

export interface ComplexityCsvOptions extends ComplexityOptions {
  /** Input CSV (long format: one row per time × location × product). */
  input: string;
  /** Input column names; they are also the output's key column names. */
  columns: PanelCsvColumns;
  /** Output path: CSV, or Parquet when it ends in .parquet. */
  out: string;
  /** Population CSV for `presence: 'rpop'`. */
  populationFile?: string;
  /** Population column of `populationFile`. @default 'population' */
  populationColumn?: string;
  /** Called with each warning as it arises. */
  onWarning?: (message: string) => void;
}

export interface ComplexityCsvSummary {
  out: string;
  years: number[];
  rows: number;
  warnings: string[];
}

/** Reads a panel CSV (through DuckDB), computes every year and streams the output CSV. */
export async function complexityCsv(options: ComplexityCsvOptions): Promise<ComplexityCsvSummary> {
  const o = resolveComplexity(options);
  if (o.presence === 'manual' && options.columns.presence === undefined) {
    throw new MissingOptionError('the manual presence test needs the column that holds M', {
      hint: 'add --presence-column <name>',
    });
  }
  if (o.presence === 'rpop' && options.populationFile === undefined) {
    throw new MissingOptionError('the rpop presence test needs populations', { hint: 'add --population <file.csv>' });
  }
  const warnings: string[] = [];
  const warn = (message: string) => {
    warnings.push(message);
    options.onWarning?.(message);
  };
  const panelCsv = await readPanelCsv(options.input, {
    ...options.columns,
    ...(o.presence === 'manual' ? {} : { presence: undefined }),
  });
  if (panelCsv.duplicateKeys > 0) {
    warn(`${options.input}: ${panelCsv.duplicateKeys} key(s) appear more than once; their values were summed`);
  }
  if (panelCsv.emptyValues > 0) warn(`${options.input}: ${panelCsv.emptyValues} empty value cell(s) read as 0`);
  const panel: ComplexityPanel = { ...panelCsv };
  if (o.presence === 'rpop' && options.populationFile !== undefined) {
    const populations = await readPopulationCsv(options.populationFile, {
      location: options.columns.location,
      time: options.columns.time,
      population: options.populationColumn ?? 'population',
    });
    panel.population = panelCsv.years.map((year) =>
      Float64Array.from(panelCsv.locations, (l) => populationOf(populations, year, l)),
    );
  }
  const { time, location, product } = options.columns;
  let i = 0;
  const rows = await writeComplexityYears(
    options.out,
    { keys: [time, location, product], advantageKind: o.presence === 'rpop' ? 'rpop' : 'rca' },
    () => {
      if (i >= panel.years.length) return undefined;
      const y = complexityPanelYear(panel, i++, o);
      for (const message of y.warnings) warn(message);
      return y;
    },
    allWholeNumbers(panel.valuesUsd),
    panel.years.length,
  );
  return { out: options.out, years: panel.years, rows, warnings };
}

export interface StoreComplexityOptions extends ComplexityOptions {
  /** Year of the store's world export table or world flows. @default the newest with world coverage */
  year?: number;
  /** HS level (2, 4 or 6). @default 4 */
  level?: 2 | 4 | 6;
  /** Every location, not only those the Atlas filter keeps (1 M people, 1 bn USD of exports). @default false */
  allCountries?: boolean;
}

/**
 * One year of complexity from the store: the same export matrix the report sections use
 * (an exports table of all countries, or world bilateral flows summed by exporter).
 */
export async function complexityFromStore(
  store: TradeStore,
  options: StoreComplexityOptions = {},
): Promise<ComplexityPanelYear & { source: string; leftOut: { iso3: string; reason: string }[] }> {
  const [{ exportMatrix }, { capabilitiesSource, atlasFilterFor }, { formatMessage, msg }] = await Promise.all([
    import('../data/index.ts'),
    import('./capabilities.ts'),
    import('../messages/index.ts'),
  ]);
  const level = options.level ?? 4;
  const source = await capabilitiesSource(store, level, options.year);
  if (!source || (options.year !== undefined && source.year !== options.year)) {
    throw new MissingDataError(
      `the store has no exports of all countries by product at HS${level}${options.year ? ` for ${options.year}` : ''}`,
      {
        hint: formatMessage(msg('advice.baci'), 'en'),
      },
    );
  }
  const matrix = await exportMatrix(store, { year: source.year, level, source: source.source });
  const L = matrix.locations.length;
  const P = matrix.products.length;
  // The Atlas country filter (capabilities.ts, metrics/country-filter.ts): the ranking holds the countries it keeps.
  let kept = matrix.locations.map((_, l) => l);
  let leftOut: { iso3: string; reason: string }[] = [];
  if (!options.allCountries) {
    const exportsUsd = new Float64Array(L);
    for (let l = 0; l < L; l++) for (let p = 0; p < P; p++) exportsUsd[l]! += matrix.valuesUsd[l * P + p]!;
    const filter = await atlasFilterFor(store, matrix, source.year, exportsUsd);
    if (filter.kept !== undefined) kept = kept.filter((l) => filter.kept![l] === 1);
    leftOut = filter.summary.leftOut.map(({ iso3, reason }) => ({ iso3, reason }));
  }
  const valuesUsd = kept.length === L ? matrix.valuesUsd : new Float64Array(kept.length * P);
  if (kept.length !== L) kept.forEach((l, r) => valuesUsd.set(matrix.valuesUsd.subarray(l * P, (l + 1) * P), r * P));
  const panel: ComplexityPanel = {
    years: [source.year],
    locations: kept.map((l) => matrix.locations[l]!),
    products: matrix.products,
    valuesUsd: [valuesUsd],
  };
  const { year: _year, level: _level, allCountries: _all, ...methodOptions } = options;
  return { ...complexityPanelYear(panel, 0, resolveComplexity(methodOptions)), source: source.source, leftOut };
}

/**
 * Writes one year of complexityFromStore in the CLI's contract (year, exporter, product, measures),
 * as CSV or, for a .parquet path, Parquet. @returns rows
 */
export async function writeStoreComplexity(path: string, y: ComplexityPanelYear): Promise<number> {
  let given = false;
  return writeComplexityYears(
    path,
    { keys: ['year', 'exporter', 'product'], advantageKind: y.result.advantageKind },
    () => (given ? undefined : ((given = true), y)),
    allWholeNumbers([y.valuesUsd]),
  );
}
