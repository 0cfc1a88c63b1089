/** Report renderers: Markdown, JSON, HTML and XLSX from one ReportModel. */
import type { ReportModel } from '../analysis/index.ts';
import type { ReportLang } from './i18n.ts';
import { renderMarkdown } from './markdown.ts';
import { localiseMessages } from '../messages/index.ts';

export { renderMarkdown } from './markdown.ts';
export { labels, formatters } from './i18n.ts';
export type { ReportLang } from './i18n.ts';

export type ReportFormat = 'md' | 'json' | 'html' | 'xlsx';

/** Non-finite numbers become null in JSON; typed arrays become plain arrays. */
/** The report as JSON: its messages as text in `lang`, each with its id beside it (as the API and `--json`). */
export function reportJson(report: ReportModel, lang: ReportLang = 'en'): string {
  return JSON.stringify(
    localiseMessages(report, lang),
    (_key, value: unknown) =>
      typeof value === 'number' && !Number.isFinite(value)
        ? null
        : ArrayBuffer.isView(value)
          ? Array.from(value as unknown as ArrayLike<number>)
          : value,
    2,
  );
}

export async function renderReport(
  report: ReportModel,
  format: ReportFormat,
  lang: ReportLang,
): Promise<string | Buffer> {
  if (format === 'md') return renderMarkdown(report, lang);
  if (format === 'json') return reportJson(report, lang);
  if (format === 'html') return (await import('./html.ts')).renderHtml(report, lang);
  return (await import('./xlsx.ts')).renderXlsx(report, lang);
}
