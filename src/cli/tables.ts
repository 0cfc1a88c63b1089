/**
 * The report model's tables (src/report/table-model.ts) as terminal text. Loaded by the commands
 * that print them, not at start-up: the labels come through the message catalog.
 */
import type { ReportLang as Lang } from '../report/index.ts';
import { isNumericColumn, tableCells } from '../report/table-render.ts';
import type { ResultTable } from '../report/table-model.ts';
import { terminalSafe } from './output.ts';

const longestText = 60;

/**
 * A table of the report model (src/report/table-model.ts) as aligned terminal text in the
 * reader's language: the same columns and labels as the API's table views and downloads, each
 * value formatted by its column's kind (USD whole, shares in percent, years as they are).
 */
export function formatResultTable(table: ResultTable, lang: Lang, limit = Infinity): string {
  const shown = { ...table, rows: table.rows.slice(0, limit) };
  const { headers, rows } = tableCells(shown, lang);
  const cut = (text: string) => (text.length > longestText ? `${text.slice(0, longestText - 1)}…` : text);
  return formatAligned(
    headers,
    rows.map((row) => row.map(cut)),
    table.columns.map(isNumericColumn),
  );
}

function formatAligned(headers: string[], rows: (string | number | null)[][], numeric: boolean[]): string {
  const text = rows.map((row) => row.map((v) => (v === null ? '' : terminalSafe(String(v)))));
  const widths = headers.map((header, i) => Math.max(header.length, ...text.map((row) => (row[i] ?? '').length)));
  const line = (row: string[]) =>
    row
      .map((v, i) => (numeric[i] ? v.padStart(widths[i]!) : v.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...text.map(line)].join('\n') + '\n';
}
