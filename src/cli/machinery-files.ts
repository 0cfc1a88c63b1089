/**
 * File reading for the machinery commands (the core does no I/O): the shipped catalog and
 * presets, a user's catalog, a scenario file, a filled measurement sheet. Missing files and bad
 * JSON become typed errors naming the file.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import {
  BadCatalogError,
  FileNotFoundError,
  MachineryInputError,
  NotAFileError,
  type KaravanErrorOptions,
  type KaravanError,
} from '../errors.ts';
import type { Catalog, MeasuredRates, PresetCatalog, ScenarioOptions } from '../machinery/index.ts';

type ErrorClass = new (message: string, options?: KaravanErrorOptions) => KaravanError;

export function readTextFile(path: string, what: string): string {
  requireFile(path, what);
  return readFileSync(path, 'utf8');
}

/** A missing path or a directory as a typed error naming the file. */
function requireFile(path: string, what: string): void {
  let isFile: boolean;
  try {
    isFile = statSync(path).isFile();
  } catch (error) {
    throw new FileNotFoundError(`${what} not found: ${path}`, { file: path, cause: error });
  }
  if (!isFile) throw new NotAFileError(`${what} is a directory, not a file: ${path}`, { file: path });
}

async function readJson(path: string | URL, name: string, what: string, errorClass: ErrorClass): Promise<unknown> {
  const { parseJsonText } = await import('../machinery/index.ts');
  const text = typeof path === 'string' ? readTextFile(path, what) : readFileSync(path, 'utf8');
  return parseJsonText(text, name, errorClass);
}

/** The shipped catalog, with the user's catalog file layered over it when given. */
export async function loadCatalog(userFile?: string): Promise<Catalog> {
  const { mergeCatalogs, parseCatalog, shippedCatalogName, shippedCatalogUrl } = await import('../machinery/index.ts');
  const shipped = parseCatalog(
    await readJson(shippedCatalogUrl, shippedCatalogName, 'catalog', BadCatalogError),
    shippedCatalogName,
  );
  if (userFile === undefined) return shipped;
  const own = parseCatalog(await readJson(userFile, userFile, 'catalog file', BadCatalogError), userFile, shipped);
  return mergeCatalogs(shipped, own);
}

export async function loadPresets(): Promise<PresetCatalog> {
  const { parsePresets, shippedPresetsName, shippedPresetsUrl } = await import('../machinery/index.ts');
  return parsePresets(
    await readJson(shippedPresetsUrl, shippedPresetsName, 'presets', BadCatalogError),
    shippedPresetsName,
  );
}

export async function loadScenarioFile(path: string): Promise<ScenarioOptions> {
  const { scenarioFromJson } = await import('../machinery/index.ts');
  return scenarioFromJson(await readJson(path, path, 'scenario file', MachineryInputError), path);
}

export function writeTextFile(path: string, text: string): void {
  writeFileSync(path, text, 'utf8');
}

export function writeBinaryFile(path: string, bytes: Uint8Array): void {
  writeFileSync(path, bytes);
}

/** `sheet.csv` -> `sheet-plots.csv`: the plot sheet written beside a CSV block sheet. */
export function siblingCsvPath(path: string, suffix: string): string {
  return /\.csv$/i.test(path) ? path.replace(/\.csv$/i, `-${suffix}.csv`) : `${path}-${suffix}.csv`;
}

/**
 * A filled measurement sheet as the rates `compare --measured` uses: a showcase block sheet or a
 * demonstration plot sheet, told apart by its header.
 */
export async function loadMeasuredRates(path: string): Promise<Map<string, MeasuredRates>> {
  const { measuredRatesFromSheet } = await import('../machinery/index.ts');
  return measuredRatesFromSheet(await readMeasurementSheet(path, 'blocks'), path);
}

/** A cell of a workbook as the text a CSV would hold. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; result?: unknown; text?: string };
    if (v.richText) return v.richText.map((part) => part.text).join('');
    if ('result' in v) return cellText(v.result);
    if (typeof v.text === 'string') return v.text;
  }
  return String(value);
}

/**
 * The text of a filled measurement sheet as CSV: the file itself, or, for an .xlsx workbook (as
 * `showcase --out` and `demo --out` write it), the sheet of blocks or of plots, found by its header
 * and turned into CSV so the one CSV reader checks it.
 */
export async function readMeasurementSheet(path: string, prefer: 'blocks' | 'plots'): Promise<string> {
  if (!/\.xlsx$/i.test(path)) return readTextFile(path, 'measurement sheet');
  requireFile(path, 'measurement sheet');
  const { default: ExcelJS } = await import('exceljs');
  const { formatCsv, isShowcaseSheetHeader } = await import('../machinery/index.ts');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(path);
  } catch (error) {
    throw new MachineryInputError(`${path}: not a readable XLSX workbook`, { file: path, cause: error });
  }
  const sheets = workbook.worksheets.map((sheet) => {
    const rows: string[][] = [];
    sheet.eachRow({ includeEmpty: false }, (row) => {
      const cells: string[] = [];
      for (let i = 1; i <= sheet.columnCount; i++) cells.push(cellText(row.getCell(i).value));
      rows.push(cells);
    });
    return rows;
  });
  const isBlocks = (rows: string[][]) => rows.length > 0 && isShowcaseSheetHeader(rows[0]!);
  const isPlots = (rows: string[][]) => rows.length > 0 && rows[0]!.includes('plot_id');
  const order = prefer === 'blocks' ? [isBlocks, isPlots] : [isPlots, isBlocks];
  for (const test of order) {
    const found = sheets.find(test);
    if (found) return formatCsv(found);
  }
  throw new MachineryInputError(
    `${path}: no measurement sheet in the workbook (a sheet whose first row has block_id and machine_hours, or plot_id)`,
    { file: path },
  );
}
