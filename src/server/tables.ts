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

import type { Lang, ResultTable, TableColumn } from '../report/table-model.ts';

// The table model lives with the report (src/report/table-model.ts); this module writes it as CSV and XLSX.
export type { Lang, ResultTable, TableColumn } from '../report/table-model.ts';

export const downloadFormats = ['json', 'csv', 'xlsx'] as const;
export type DownloadFormat = (typeof downloadFormats)[number];

const yesNo: Record<Lang, [string, string]> = { en: ['Yes', 'No'], ru: ['Да', 'Нет'] };

/** A cell: text, a number, or null for an empty cell (missing, NaN, infinite). Booleans as words of the language. */
function cellValue(value: unknown, lang: Lang): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'boolean') return yesNo[lang][value ? 0 : 1];
  if (Array.isArray(value)) return value.join('; ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * Decimals a CSV number keeps, by its column's kind: whole numbers for integers and years, cents for
 * USD, otherwise six significant digits but never fewer than the whole part. The results are sums and
 * ratios of floats, and printed in full they read as 0.30000000000000004 or 1234567.8900000001.
 */
function csvDecimals(value: number, kind: TableColumn['kind']): number {
  if (kind === 'integer' || kind === 'year') return 0;
  if (kind === 'usd') return 2;
  if (value === 0 || Number.isInteger(value)) return 0;
  const magnitude = Math.floor(Math.log10(Math.abs(value)));
  return Math.min(15, Math.max(0, 5 - magnitude));
}

/** A number as a CSV field: rounded to its meaning, no exponent, trailing zeros dropped, the language's decimal mark. */
export function csvNumber(value: number, kind: TableColumn['kind'], lang: Lang): string {
  let text = value.toFixed(csvDecimals(value, kind));
  if (text.includes('.')) text = text.replace(/0+$/, '').replace(/\.$/, '');
  if (/^-0$/.test(text)) text = '0';
  return lang === 'ru' ? text.replace('.', ',') : text;
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

/**
 * Field separator and decimal mark per language. Russian-locale Excel and LibreOffice open a CSV by
 * the system list separator, `;`, and read `1234,5` as a number; with `,` they put every row in one
 * column. English keeps RFC 4180's comma and the decimal point.
 */
const csvSeparator: Record<Lang, string> = { en: ',', ru: ';' };

/**
 * A CSV field: text escaped against formulas; quoted when it holds a comma, semicolon, quote or line
 * break. A Russian decimal number holds a comma and is quoted too ("1234,5"): spreadsheets still read it
 * as a number, and a reader that splits on commas sees the same number of fields in every row.
 */
function csvField(value: string | number | null, kind: TableColumn['kind'], lang: Lang): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? csvNumber(value, kind, lang) : escapeFormulaCell(value);
  return /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One table as CSV (UTF-8 with a byte-order mark so spreadsheets read Cyrillic), CRLF lines. */
export function tableToCsv(table: ResultTable, lang: Lang): string {
  const separator = csvSeparator[lang];
  const lines = [table.columns.map((c) => csvField(c[lang], 'text', lang)).join(separator)];
  for (const row of table.rows)
    lines.push(
      table.columns
        .map((c) => csvField(cellValue((row as Record<string, unknown>)[c.key], lang), c.kind, lang))
        .join(separator),
    );
  return '\ufeff' + lines.join('\r\n') + '\r\n';
}

const numberFormats: Partial<Record<NonNullable<TableColumn['kind']>, string>> = {
  number: '#,##0.###',
  integer: '#,##0',
  usd: '#,##0',
  share: '0.0%',
  year: '0',
};

/** Excel refuses a sheet name longer than this. */
const sheetNameMax = 31;

/**
 * A title cut to `max` characters at a word boundary, with an ellipsis: "Potential by HS section and
 * supplier" becomes "Potential by HS section and…", not "...and sup". A title without a space early
 * enough is cut where it must be.
 */
export function shortenAtWord(title: string, max: number): string {
  if (title.length <= max) return title;
  // One character is left for the ellipsis.
  const cut = title.slice(0, max - 1);
  // The cut ends at a word's end when the next character is a space; else back to the last space.
  const space = /\s/.test(title.charAt(max - 1)) ? cut.length : cut.search(/\s\S*$/);
  // A boundary in the first third would leave too little of the title: cut mid-word instead.
  const kept = space >= max / 3 ? cut.slice(0, space) : cut;
  return `${kept.replace(/[\s,;:.\-–—(]+$/, '')}…`;
}

/** Sheet names: at most 31 characters, cut at a word boundary, none of []:*?/\ and unique. */
export function sheetName(title: string, used: Set<string>): string {
  const clean =
    title
      .replace(/[[\]:*?/\\]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim() || 'table';
  let name = shortenAtWord(clean, sheetNameMax);
  for (let i = 2; used.has(name.toLowerCase()); i++) {
    const suffix = ` ${i}`;
    name = `${shortenAtWord(clean, sheetNameMax - suffix.length)}${suffix}`;
  }
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
  // A table without rows would be an empty sheet: left out, unless every table is empty (then the
  // first one's headers say what the result would hold).
  const withRows = tables.filter((table) => table.rows.length > 0);
  const sheets = withRows.length > 0 ? withRows : tables.slice(0, 1);
  for (const table of sheets) {
    const sheet = workbook.addWorksheet(sheetName(table[lang], used), { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = table.columns.map((c) => ({
      header: c[lang],
      key: c.key,
      width: Math.min(60, Math.max(10, c[lang].length + 2)),
    }));
    sheet.getRow(1).font = { bold: true };
    for (const row of table.rows) {
      const added = sheet.addRow(table.columns.map((c) => cellValue((row as Record<string, unknown>)[c.key], lang)));
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
  if (sheets.length === 0) workbook.addWorksheet(lang === 'ru' ? 'Нет данных' : 'No data').commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}
