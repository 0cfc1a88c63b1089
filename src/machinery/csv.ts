/**
 * CSV for the measurement sheet (RFC 4180: quotes, doubled quotes, CRLF or LF, optional BOM).
 * Cells that a spreadsheet would run as a formula (starting with = + - @, tab or CR) are written
 * with a leading apostrophe, and the apostrophe is removed again when the sheet is read back.
 */
import { MachineryInputError } from '../errors.ts';

const formulaStart = /^[=+\-@\t\r]/;

/** A cell as text that a spreadsheet will not run as a formula. */
export function escapeFormulaCell(cell: string): string {
  return formulaStart.test(cell) ? `'${cell}` : cell;
}

/** Undoes escapeFormulaCell. */
export function unescapeFormulaCell(cell: string): string {
  return cell.startsWith("'") && formulaStart.test(cell.slice(1)) ? cell.slice(1) : cell;
}

function quote(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

export function formatCsv(rows: readonly (readonly (string | number)[])[]): string {
  return rows.map((row) => row.map((cell) => quote(escapeFormulaCell(String(cell)))).join(',')).join('\r\n') + '\r\n';
}

export interface CsvRecord {
  /** 1-based line where the record starts (header is line 1). */
  line: number;
  cells: string[];
}

export function parseCsv(text: string, file: string): CsvRecord[] {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // Russian-locale spreadsheets (and the API's Russian CSV) separate fields with ';' and write a
  // decimal comma: the header line says which, as it has no numbers and a ';' only as a separator.
  const header = source.slice(0, source.search(/\r|\n/) === -1 ? source.length : source.search(/\r|\n/));
  const separator = header.includes(';') && !header.replace(/"[^"]*"/g, '').includes(',') ? ';' : ',';
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let inQuotes = false;
  let line = 1;
  let recordLine = 1;
  let quotedStartLine = 1;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (inQuotes) {
      if (ch === '"') {
        if (source[i + 1] === '"') {
          cell += '"';
          i++;
        } else inQuotes = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
      continue;
    }
    if (ch === '"' && cell === '') {
      inQuotes = true;
      quotedStartLine = line;
    } else if (ch === separator) {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && source[i + 1] === '\n') i++;
      cells.push(cell);
      records.push({ line: recordLine, cells });
      cells = [];
      cell = '';
      line++;
      recordLine = line;
    } else cell += ch;
  }
  if (inQuotes)
    throw new MachineryInputError(`${file}: unterminated quoted cell starting on line ${quotedStartLine}`, {
      file,
      line: quotedStartLine,
    });
  if (cell !== '' || cells.length > 0) {
    cells.push(cell);
    records.push({ line: recordLine, cells });
  }
  return records
    .filter((r) => !(r.cells.length === 1 && r.cells[0]!.trim() === ''))
    .map((r) => ({ line: r.line, cells: r.cells.map((c) => unescapeFormulaCell(c)) }));
}

/**
 * The cell readers of a filled measurement sheet's record (demo plots, showcase blocks): a measured
 * number is blank (null) or a number 0 or greater, with a decimal comma accepted; a required cell is
 * not blank. Each refusal is a MachineryInputError naming the file, line and column.
 */
export function sheetCellReaders(
  file: string,
  record: CsvRecord,
  index: ReadonlyMap<string, number>,
): { number: (column: string) => number | null; required: (column: string) => string } {
  const cell = (column: string) => (record.cells[index.get(column)!] ?? '').trim();
  return {
    number: (column) => {
      const raw = cell(column).replace(/\s/g, '');
      if (raw === '') return null;
      const value = Number(raw.replace(',', '.'));
      if (!Number.isFinite(value) || value < 0)
        throw new MachineryInputError(
          `${file}:${record.line}: invalid ${column}: ${raw} (a number 0 or greater, or blank)`,
          { file, line: record.line, column, value: raw },
        );
      return value;
    },
    required: (column) => {
      const value = cell(column);
      if (value === '')
        throw new MachineryInputError(`${file}:${record.line}: invalid ${column}: blank (every row needs it)`, {
          file,
          line: record.line,
          column,
        });
      return value;
    },
  };
}
