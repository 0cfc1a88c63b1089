/**
 * The multi-year complexity driver: turns a panel (any source: a CSV through
 * data/read-panel-csv.ts, or the store) into per-year results of metrics/complexity.ts, and
 * writes them as one long CSV.
 *
 * A year's rectangle is the locations and the products with a positive total that year (as
 * py-ecomplexity; a zero row is the same as a missing row); with manual presence, also those with
 * any M = 1. Years are independent. Warnings name the locations and products concerned.
 * Source: docs/complexity.md.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { MetricInputError, MissingDataError, MissingOptionError } from '../errors.ts';
import { exportMatrix, type TradeStore } from '../data/index.ts';
import { capabilitiesSource } from './capabilities.ts';
import { howToGetBaci } from './coverage.ts';
import { formatComplexityRows, formatComplexityWorkerSource, type FormatRowsInput } from './complexity-format.ts';
// Imported from its module, not data/index.ts: the index loads the store and DuckDB's ESM build,
// which costs a one-shot CLI run ~0.3 s (read-panel-csv.ts requires DuckDB lazily).
import { populationOf, readPanelCsv, readPopulationCsv, type PanelCsvColumns } from '../data/read-panel-csv.ts';
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

/** Shortest round-trip text of a number (full double precision); empty for NaN. */
export function csvNumber(x: number): string {
  return x === 0 ? '0' : x !== x ? '' : String(x);
}

/** A CSV field, quoted when it holds a comma, quote or line break. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? '"' + text.replaceAll('"', '""') + '"' : text;
}

/** The output columns after the three keys. */
export function complexityCsvColumns(advantageKind: 'rca' | 'rpop'): string[] {
  return ['value', advantageKind, 'mcp', 'density', 'eci', 'pci', 'diversity', 'ubiquity', 'coi', 'cog'];
}

/** The formatting input for rows [rowFrom, rowTo) of a year (per-cell arrays sliced to those rows). */
export function formatInput(y: ComplexityPanelYear, rowFrom: number, rowTo: number): FormatRowsInput {
  const { result } = y;
  const K = result.products;
  const whole = rowFrom === 0 && rowTo === result.rows;
  const cells = <T extends Float64Array | Uint8Array>(a: T): T => (whole ? a : (a.slice(rowFrom * K, rowTo * K) as T));
  const perRow = <T extends Float64Array | Int32Array>(a: T): T => (whole ? a : (a.slice(rowFrom, rowTo) as T));
  return {
    yearField: csvField(String(y.year)) + ',',
    locations: y.locations.slice(rowFrom, rowTo).map(csvField),
    products: y.products.map(csvField),
    rows: rowTo - rowFrom,
    valuesUsd: cells(y.valuesUsd),
    advantage: cells(result.advantage),
    mcp: cells(result.mcp),
    density: cells(result.density),
    cog: cells(result.cog),
    eci: perRow(result.eci),
    diversity: perRow(result.diversity),
    coi: perRow(result.coi),
    pci: result.pci,
    ubiquity: result.ubiquity,
  };
}

/** Appends one year's rows (location-major, then product) to `write`, on this thread. @returns rows written */
export function writeComplexityYear(y: ComplexityPanelYear, write: (chunk: Uint8Array) => void): number {
  for (const chunk of formatComplexityRows(formatInput(y, 0, y.result.rows))) write(chunk);
  return y.result.rows * y.result.products;
}

/**
 * A worker thread that formats rows with the same function as the main thread. It runs plain
 * JavaScript (an eval worker), built from the loaded function's own source
 * (formatComplexityWorkerSource), so it starts in ~30 ms without a TypeScript loader. If it
 * fails at any point, requests are refused and the caller formats on its own thread.
 */
export class FormatWorker {
  readonly #worker: Worker;
  #alive = true;
  #pending = new Map<number, { resolve: (chunks: Uint8Array[]) => void; reject: (error: Error) => void }>();
  #nextId = 0;

  private constructor(worker: Worker) {
    this.#worker = worker;
    worker.on('message', (message: { id: number; chunks?: Uint8Array[]; error?: string }) => {
      const waiting = this.#pending.get(message.id);
      this.#pending.delete(message.id);
      if (message.chunks !== undefined) waiting?.resolve(message.chunks);
      else waiting?.reject(new Error(message.error));
    });
    worker.on('error', (error) => this.#fail(error));
    worker.on('exit', () => this.#fail(new Error('the formatting worker stopped')));
  }

  /** Starts the worker; undefined when that is not possible here. */
  static start(): FormatWorker | undefined {
    try {
      return new FormatWorker(new Worker(formatComplexityWorkerSource(), { eval: true }));
    } catch {
      return undefined;
    }
  }

  get alive(): boolean {
    return this.#alive;
  }

  #fail(error: Error): void {
    this.#alive = false;
    for (const waiting of this.#pending.values()) waiting.reject(error);
    this.#pending.clear();
  }

  /** Formats rows on the worker. Rejects when the worker has failed. */
  format(input: FormatRowsInput): Promise<Uint8Array[]> {
    if (!this.#alive) return Promise.reject(new Error('the formatting worker is not running'));
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#worker.postMessage({ id, input });
    });
  }

  async stop(): Promise<void> {
    this.#alive = false;
    await this.#worker.terminate();
  }
}

/**
 * Below this many cells a year is formatted on the main thread only. For an HS4 year (0.27 M
 * cells, ~0.4 s of formatting) the worker's start, the copy of its half and the competition for
 * the second core made the run no faster on the 2-core benchmark machine (bench/complexity.bench.ts);
 * an HS6 year (1.2 M cells, ~2 s) is worth splitting.
 */
export const parallelFormatCells = 1_000_000;

/**
 * Streams complexity rows to a CSV file. A big year's text is formatted in two parts at once:
 * the main thread formats the first rows while a FormatWorker formats the rest (and, in
 * writeYears, the main thread computes the next year meanwhile); the parts are written in order.
 * Without a worker (none given, or it failed), everything is formatted on the main thread.
 */
export class ComplexityCsvWriter {
  readonly #fd: number;
  readonly #worker: FormatWorker | undefined;

  readonly #parallelCells: number;

  private constructor(fd: number, worker: FormatWorker | undefined, parallelCells: number) {
    this.#fd = fd;
    this.#worker = worker;
    this.#parallelCells = parallelCells;
  }

  /**
   * Opens (truncates) `path` and writes the header line.
   * @param worker a started FormatWorker to share the formatting with (the caller stops it)
   * @param parallelCells years with at least this many cells are shared with the worker
   */
  static open(
    path: string,
    header: string[],
    worker?: FormatWorker,
    parallelCells = parallelFormatCells,
  ): ComplexityCsvWriter {
    const fd = openSync(path, 'w');
    writeSync(fd, header.join(',') + '\n');
    return new ComplexityCsvWriter(fd, worker, parallelCells);
  }

  /** Writes one year's rows. @returns rows written */
  async writeYear(y: ComplexityPanelYear): Promise<number> {
    let given = false;
    return this.writeYears(() => (given ? undefined : ((given = true), y)));
  }

  /**
   * Writes year after year, as `next()` computes them (undefined when done), pipelined: the
   * worker formats the last `workerShare` of a year's rows while this thread formats and writes
   * the first rows and then computes the next year; then the worker's rows are written.
   * @returns rows written
   */
  async writeYears(next: () => ComplexityPanelYear | undefined, workerShare = 0.6): Promise<number> {
    const write = (chunk: Uint8Array) => void writeSync(this.#fd, chunk);
    let rows = 0;
    let current = next();
    while (current !== undefined) {
      const y: ComplexityPanelYear = current;
      const { rows: R, products: K } = y.result;
      const worker = this.#worker;
      const shared = worker !== undefined && worker.alive && R >= 2 && R * K >= this.#parallelCells;
      const split = shared ? Math.min(R - 1, Math.max(1, Math.round(R * (1 - workerShare)))) : R;
      const tail = shared ? worker.format(formatInput(y, split, R)) : undefined;
      tail?.catch(() => undefined); // awaited below
      for (const chunk of formatComplexityRows(formatInput(y, 0, split))) write(chunk);
      const following = next(); // computed while the worker formats the tail
      if (tail !== undefined) {
        let chunks: Uint8Array[];
        try {
          chunks = await tail;
        } catch {
          chunks = formatComplexityRows(formatInput(y, split, R));
        }
        for (const chunk of chunks) write(chunk);
      }
      rows += R * K;
      current = following;
    }
    return rows;
  }

  /** Closes the file. */
  close(): void {
    closeSync(this.#fd);
  }
}

export interface ComplexityCsvOptions extends ComplexityOptions {
  /** Input CSV (long format: one row per time × location × product). */
  input: string;
  /** Input column names; they are also the output's key column names. */
  columns: PanelCsvColumns;
  /** Output CSV path. */
  out: string;
  /** Population CSV for `presence: 'rpop'`. */
  populationFile?: string;
  /** Population column of `populationFile`. @default 'population' */
  populationColumn?: string;
  /** Called with each warning as it arises. */
  onWarning?: (message: string) => void;
  /** Format half of each year on a worker thread. @default true */
  parallel?: boolean;
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
  let worker: FormatWorker | undefined;
  try {
    return await complexityCsvWith(options, o, (start) => (worker = start ? FormatWorker.start() : undefined));
  } finally {
    await worker?.stop();
  }
}

async function complexityCsvWith(
  options: ComplexityCsvOptions,
  o: ResolvedComplexityOptions,
  startWorker: (start: boolean) => FormatWorker | undefined,
): Promise<ComplexityCsvSummary> {
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
  const header = [time, location, product]
    .map(csvField)
    .concat(complexityCsvColumns(o.presence === 'rpop' ? 'rpop' : 'rca'));
  // A worker only for big years; it starts while the first year is computed.
  const big = panel.locations.length * panel.products.length >= parallelFormatCells;
  const writer = ComplexityCsvWriter.open(options.out, header, startWorker((options.parallel ?? true) && big));
  let rows = 0;
  try {
    let i = 0;
    rows = await writer.writeYears(() => {
      if (i >= panel.years.length) return undefined;
      const y = complexityPanelYear(panel, i++, o);
      for (const message of y.warnings) warn(message);
      return y;
    });
  } finally {
    writer.close();
  }
  return { out: options.out, years: panel.years, rows, warnings };
}

export interface StoreComplexityOptions extends ComplexityOptions {
  /** Year of the store's world export table or world flows. @default the newest with world coverage */
  year?: number;
  /** HS level (2, 4 or 6). @default 4 */
  level?: 2 | 4 | 6;
}

/**
 * One year of complexity from the store: the same export matrix the report sections use
 * (an exports table of all countries, or world bilateral flows summed by exporter).
 */
export async function complexityFromStore(
  store: TradeStore,
  options: StoreComplexityOptions = {},
): Promise<ComplexityPanelYear & { source: string }> {
  const level = options.level ?? 4;
  const source = await capabilitiesSource(store, level, options.year);
  if (!source || (options.year !== undefined && source.year !== options.year)) {
    throw new MissingDataError(
      `the store has no exports of all countries by product at HS${level}${options.year ? ` for ${options.year}` : ''}`,
      {
        hint: howToGetBaci(),
      },
    );
  }
  const matrix = await exportMatrix(store, { year: source.year, level, source: source.source });
  const panel: ComplexityPanel = {
    years: [source.year],
    locations: matrix.locations,
    products: matrix.products,
    valuesUsd: [matrix.valuesUsd],
  };
  const { year: _year, level: _level, ...methodOptions } = options;
  return { ...complexityPanelYear(panel, 0, resolveComplexity(methodOptions)), source: source.source };
}

/** Writes one year of complexityFromStore as the CLI's CSV contract (year, exporter, product, measures). @returns rows */
export async function writeStoreComplexityCsv(path: string, y: ComplexityPanelYear): Promise<number> {
  const writer = ComplexityCsvWriter.open(path, [
    'year',
    'exporter',
    'product',
    ...complexityCsvColumns(y.result.advantageKind),
  ]);
  try {
    return await writer.writeYear(y);
  } finally {
    writer.close();
  }
}
