/**
 * The report model's tables: each section's rows with typed columns (a key, labels in both
 * languages, a kind that says how to format the value). src/report/section-tables.ts defines them
 * once per section; the CLI's text tables, the API's table views and its CSV / XLSX downloads are
 * renderers of the same definitions.
 */
export type Lang = 'en' | 'ru';

export interface TableColumn {
  key: string;
  en: string;
  ru: string;
  /** How renderers format the column. @default 'text' */
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
