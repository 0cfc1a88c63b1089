/**
 * Generic rendering of the report model's tables (table-model.ts): a cell's text by its column's
 * kind in the reader's language, and whole tables as Markdown or HTML. The CLI's text tables
 * (src/cli/tables.ts) format their cells the same way.
 */
import { formatters, type ReportLang as Lang } from './i18n.ts';
import type { ResultTable, TableColumn } from './table-model.ts';

/** A cell as text: USD and counts whole, shares in percent, other numbers to two decimals, booleans as words. */
export function cellText(value: unknown, kind: TableColumn['kind'], lang: Lang, blank = ''): string {
  if (value === null || value === undefined || (typeof value === 'number' && !Number.isFinite(value))) return blank;
  const f = formatters(lang);
  if (typeof value === 'boolean') return value ? (lang === 'ru' ? 'да' : 'yes') : lang === 'ru' ? 'нет' : 'no';
  if (typeof value === 'number') {
    if (kind === 'usd' || kind === 'integer') return f.whole(value);
    if (kind === 'share') return f.pct(value);
    if (kind === 'number') return f.num(value);
    return String(value);
  }
  return String(value);
}

/** Numbers are right-aligned; years and text are not. */
export const isNumericColumn = (column: TableColumn): boolean =>
  column.kind !== undefined && column.kind !== 'text' && column.kind !== 'year';

/** The table's header labels and its rows' cells as text, in the table's column order. */
export function tableCells(table: ResultTable, lang: Lang, blank = ''): { headers: string[]; rows: string[][] } {
  return {
    headers: table.columns.map((c) => c[lang]),
    rows: (table.rows as ReadonlyArray<Record<string, unknown>>).map((row) =>
      table.columns.map((c) => cellText(row[c.key], c.kind, lang, blank)),
    ),
  };
}

/** The table without one of its columns (a column a renderer shows another way, e.g. as notes under it). */
export function withoutColumn(table: ResultTable, key: string): ResultTable {
  return { ...table, columns: table.columns.filter((c) => c.key !== key) };
}
