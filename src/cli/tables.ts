/**
 * The report model's tables (src/report/table-model.ts) as terminal text. Loaded by the commands
 * that print them, not at start-up: the labels come through the message catalog.
 */
import { formatters, type ReportLang as Lang } from '../report/index.ts';
import type { ResultTable, TableColumn } from '../report/table-model.ts';
import { terminalSafe } from './output.ts';

const longestText = 60;

/**
 * A table of the report model (src/report/table-model.ts) as aligned terminal text in the
 * reader's language: the same columns and labels as the API's table views and downloads, each
 * value formatted by its column's kind (USD whole, shares in percent, years as they are).
 */
export function formatResultTable(table: ResultTable, lang: Lang, limit = Infinity): string {
  const f = formatters(lang);
  const yes = lang === 'ru' ? 'да' : 'yes';
  const no = lang === 'ru' ? 'нет' : 'no';
  const cell = (value: unknown, kind: TableColumn['kind']): string | number | null => {
    if (value === null || value === undefined) return null;
    if (typeof value === 'boolean') return value ? yes : no;
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) return null;
      if (kind === 'usd' || kind === 'integer') return f.whole(value);
      if (kind === 'share') return f.pct(value);
      if (kind === 'number') return f.num(value);
      return value;
    }
    const text = String(value);
    return text.length > longestText ? `${text.slice(0, longestText - 1)}…` : text;
  };
  const rows = table.rows.slice(0, limit) as ReadonlyArray<Record<string, unknown>>;
  const headers = table.columns.map((c) => c[lang]);
  const numeric = table.columns.map((c) => c.kind !== undefined && c.kind !== 'text' && c.kind !== 'year');
  const cells = rows.map((row) => table.columns.map((c) => cell(row[c.key], c.kind)));
  return formatAligned(headers, cells, numeric);
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
