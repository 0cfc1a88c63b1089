/**
 * Tables of a result, for downloads: every route that returns rows describes them as
 * ResultTables (column keys, labels in English and Russian), and the same request with
 * `format=csv` or `format=xlsx` returns them as a file. Text that a spreadsheet would run as a
 * formula (starting with = + - @, tab or CR) is written as text: in CSV with a leading apostrophe,
 * in XLSX as a string cell with the text number format.
 */
import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import { InvalidOptionError } from '../errors.ts';
import { escapeFormulaCell } from '../machinery/index.ts';

export type Lang = 'en' | 'ru';

export interface TableColumn {
  key: string;
  en: string;
  ru: string;
  /** How the dashboard and the XLSX format the column. @default 'text' */
  kind?: 'text' | 'number' | 'integer' | 'usd' | 'share' | 'year';
}

export interface ResultTable {
  /** Stable id, used as `table=<id>` in download URLs and as the sheet name. */
  id: string;
  en: string;
  ru: string;
  columns: TableColumn[];
  /** Row objects; each column's `key` is read from them. */
  rows: ReadonlyArray<object>;
}

export const downloadFormats = ['json', 'csv', 'xlsx'] as const;
export type DownloadFormat = (typeof downloadFormats)[number];

/** A cell: text, a number, or null for an empty cell (missing, NaN, infinite). */
function cellValue(value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value)) return value.join('; ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Picks the table a CSV download asks for (the first when `id` is not given). */
export function pickTable(tables: readonly ResultTable[], id: string | undefined): ResultTable {
  if (tables.length === 0)
    throw new InvalidOptionError('invalid format: this result has no table to download', { column: 'format' });
  if (id === undefined) return tables[0]!;
  const table = tables.find((t) => t.id === id);
  if (!table) {
    throw new InvalidOptionError(`invalid table: ${id} (one of ${tables.map((t) => t.id).join(', ')})`, {
      column: 'table',
      value: id,
    });
  }
  return table;
}

/** A CSV field: numbers as written; text escaped against formulas, quoted when it holds a comma, quote or line break. */
function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = escapeFormulaCell(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One table as CSV (UTF-8 with a byte-order mark so spreadsheets read Cyrillic), CRLF lines. */
export function tableToCsv(table: ResultTable, lang: Lang): string {
  const lines = [table.columns.map((c) => csvField(c[lang])).join(',')];
  for (const row of table.rows)
    lines.push(table.columns.map((c) => csvField(cellValue((row as Record<string, unknown>)[c.key]))).join(','));
  return '\ufeff' + lines.join('\r\n') + '\r\n';
}

const numberFormats: Partial<Record<NonNullable<TableColumn['kind']>, string>> = {
  number: '#,##0.###',
  integer: '#,##0',
  usd: '#,##0',
  share: '0.0%',
  year: '0',
};

/** Sheet names: at most 31 characters, none of []:*?/\ and unique. */
function sheetName(title: string, used: Set<string>): string {
  const base =
    title
      .replace(/[[\]:*?/\\]/g, ' ')
      .trim()
      .slice(0, 28) || 'table';
  let name = base;
  for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base.slice(0, 27)} ${i}`;
  used.add(name.toLowerCase());
  return name;
}

/** Rows written between two turns of the event loop. */
const rowsPerTurn = 500;

/**
 * Every table as one sheet of an XLSX workbook. Written with ExcelJS's streaming writer, rows
 * committed as they come and the event loop given back every few hundred rows: a large table
 * (the product space's 20,000 edges) no longer holds every other request up for seconds while
 * its sheet is rendered, and takes half the time.
 */
export async function tablesToXlsx(tables: readonly ResultTable[], lang: Lang): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Karavan';
  const used = new Set<string>();
  let written = 0;
  for (const table of tables) {
    const sheet = workbook.addWorksheet(sheetName(table[lang], used), { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = table.columns.map((c) => ({
      header: c[lang],
      key: c.key,
      width: Math.min(60, Math.max(10, c[lang].length + 2)),
    }));
    sheet.getRow(1).font = { bold: true };
    for (const row of table.rows) {
      const added = sheet.addRow(table.columns.map((c) => cellValue((row as Record<string, unknown>)[c.key])));
      table.columns.forEach((c, i) => {
        const cell = added.getCell(i + 1);
        if (typeof cell.value === 'string') {
          // A string cell is never evaluated; the text format keeps Excel from re-reading it as a formula on edit.
          if (escapeFormulaCell(cell.value) !== cell.value) cell.numFmt = '@';
        } else if (typeof cell.value === 'number' && c.kind !== undefined && numberFormats[c.kind] !== undefined) {
          cell.numFmt = numberFormats[c.kind]!;
        }
      });
      added.commit();
      if (++written % rowsPerTurn === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    sheet.commit();
  }
  if (tables.length === 0) workbook.addWorksheet('empty').commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}
