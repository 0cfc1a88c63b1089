/**
 * Shared pieces of the views: a loading line that counts seconds, the error box, the coverage
 * notice (what is missing and the exact command), the sortable table, and the panel that shows a
 * chart or its table with CSV and XLSX downloads.
 */
import { ApiError, getJson, withQuery, type ResultTable } from './api.ts';
import { chartFor, tidyCharts, type Chart, type ChartOption } from './charts.ts';
import { clear, h } from './dom.ts';
import { formatCell, formatInteger, glossaryTerms, lang, t } from './i18n.ts';
import { navigate, type AppState } from './state.ts';

/** A loading line with elapsed seconds; call the returned function to stop it. */
export function loading(target: HTMLElement, what = t('loading')): () => void {
  const started = performance.now();
  const label = h('span', {}, `${what}…`);
  const line = h('div', { class: 'loading', role: 'status' }, h('span', { class: 'spinner' }), label);
  target.append(line);
  const timer = setInterval(() => {
    const seconds = (performance.now() - started) / 1000;
    label.textContent = `${what}… ${seconds.toFixed(0)} ${t('seconds')}`;
  }, 1000);
  return () => {
    clearInterval(timer);
    line.remove();
  };
}

/** Runs `work` with a loading line in `target`; errors become an error box there. */
export async function withLoading<T>(
  target: HTMLElement,
  work: () => Promise<T>,
  what?: string,
): Promise<T | undefined> {
  const stop = loading(target, what);
  try {
    return await work();
  } catch (error) {
    target.append(errorBox(error));
    return undefined;
  } finally {
    stop();
  }
}

export function errorBox(error: unknown): HTMLElement {
  const message = error instanceof Error ? error.message : String(error);
  const hint = error instanceof ApiError ? error.hint : undefined;
  return h(
    'div',
    { class: 'notice error', role: 'alert' },
    h('strong', {}, `${t('error')}: `),
    message,
    error instanceof ApiError ? h('code', { class: 'code' }, ` ${error.code}`) : null,
    hint ? h('p', {}, h('strong', {}, `${t('hint')}: `), commandText(hint)) : null,
  );
}

/** Text with `karavan ...` commands set as code so they can be copied. */
export function commandText(text: string): HTMLElement {
  const out = h('span', {});
  const pattern = /(karavan [a-z-]+(?: [\w./=<>-]+)*)/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    out.append(text.slice(last, match.index));
    out.append(h('code', { class: 'command' }, match[1]!));
    last = match.index! + match[0].length;
  }
  out.append(text.slice(last));
  return out;
}

export interface SectionMeta {
  status: 'computed' | 'partial' | 'missing' | string;
  /** Text in the asked language; the message id beside it says when there is no basis at all. */
  basis: string;
  basisMessage?: { messageId: string };
  missing: string | null;
}

const hasBasis = (meta: SectionMeta) => meta.basis !== '' && meta.basisMessage?.messageId !== 'basis.none';

/** The coverage notice: nothing when computed; what is partial or missing, and the command that fills the gap. */
export function coverageNotice(meta: SectionMeta): HTMLElement | null {
  if (meta.status === 'computed' && !meta.missing) return null;
  const missing = meta.status === 'missing';
  return h(
    'div',
    { class: `notice ${missing ? 'missing' : 'partial'}`, dataset: { coverage: meta.status } },
    h('strong', {}, missing ? t('coverageMissingTitle') : t('coveragePartialTitle')),
    hasBasis(meta) ? h('p', {}, `${t('basis')}: ${meta.basis}`) : null,
    meta.missing ? h('p', {}, `${t('whatToIngest')}: `, commandText(meta.missing)) : null,
  );
}

/** Shown when a section is computed but has no rows for this pair (nothing traded, no candidates). */
export function noRowsNotice(meta: SectionMeta): HTMLElement {
  return h(
    'div',
    { class: 'notice partial', dataset: { coverage: 'empty' } },
    h('strong', {}, t('noRowsForPair')),
    hasBasis(meta) ? h('p', {}, `${t('basis')}: ${meta.basis}`) : null,
  );
}

export interface SortState {
  key: string;
  descending: boolean;
}

/** A table cell: a web address is a link (a dataset's source), anything else formatted text. */
function cellContent(value: unknown, kind: string | undefined): Node | string {
  if (typeof value === 'string' && /^https?:\/\/\S+$/.test(value))
    return h('a', { href: value, target: '_blank', rel: 'noopener noreferrer' }, value);
  return formatCell(value, kind);
}

/** The next sort when a column's header is activated: the other direction, or a first direction by kind. */
export function nextSort(current: SortState | undefined, column: { key: string; kind?: string }): SortState {
  if (current?.key === column.key) return { key: column.key, descending: !current.descending };
  // Numbers start largest first, text from A.
  return { key: column.key, descending: column.kind !== undefined && column.kind !== 'text' };
}

/**
 * A table of a ResultTable, sortable from its headers by mouse or keyboard: each sortable header is
 * a tab stop (tabindex 0) that sorts on Enter or Space and says its order in aria-sort. The table
 * scrolls inside its own box (wide tables on a phone), which is itself a labelled tab stop so a
 * keyboard can scroll it.
 */
export function dataTable(
  table: ResultTable,
  options: { sort?: SortState; onSort?: (sort: SortState) => void; maxRows?: number; label?: string } = {},
): HTMLElement {
  const l = lang();
  let sort = options.sort;
  const wrap = h('div', {
    class: 'table-wrap',
    role: 'region',
    tabindex: '0',
    'aria-label': options.label ?? table[l],
  });
  const render = (focusKey?: string) => {
    clear(wrap);
    let rows = table.rows;
    if (sort) {
      const { key, descending } = sort;
      rows = [...rows].sort((a, b) => {
        const x = a[key];
        const y = b[key];
        if (x === y) return 0;
        if (x === null || x === undefined) return 1;
        if (y === null || y === undefined) return -1;
        const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), l);
        return descending ? -order : order;
      });
    }
    const shown = options.maxRows ? rows.slice(0, options.maxRows) : rows;
    const activate = (column: (typeof table.columns)[number]) => {
      sort = nextSort(sort, column);
      options.onSort?.(sort);
      // The header is rebuilt: give the focus back to it, so a keyboard user can sort again.
      render(column.key);
    };
    const head = h(
      'tr',
      {},
      table.columns.map((c) => {
        const active = sort?.key === c.key;
        return h(
          'th',
          {
            scope: 'col',
            class: `${c.kind && c.kind !== 'text' ? 'num' : ''} sortable`,
            tabindex: '0',
            // What a measure means (RCA, PCI, HHI...), then how to sort.
            title: [...glossaryTerms(c[l]).map((g) => `${g.name}: ${g.text}.`), t('sortHint')].join('\n'),
            'aria-sort': active ? (sort!.descending ? 'descending' : 'ascending') : 'none',
            dataset: { key: c.key },
            onclick: () => activate(c),
            onkeydown: (e: KeyboardEvent) => {
              if (e.key === 'Enter' || e.key === ' ') {
                e.preventDefault();
                activate(c);
              }
            },
          },
          c[l],
          active ? h('span', { 'aria-hidden': 'true' }, sort!.descending ? ' ▼' : ' ▲') : '',
        );
      }),
    );
    const body = shown.map((row) =>
      h(
        'tr',
        {},
        table.columns.map((c) =>
          h('td', { class: c.kind && c.kind !== 'text' ? 'num' : '' }, cellContent(row[c.key], c.kind)),
        ),
      ),
    );
    wrap.append(
      h(
        'table',
        { class: 'data', dataset: { table: table.id } },
        h('caption', { class: 'visually-hidden' }, table[l]),
        h('thead', {}, head),
        h('tbody', {}, body.length > 0 ? body : h('tr', {}, h('td', { colspan: table.columns.length }, t('noRows')))),
      ),
    );
    if (focusKey !== undefined) wrap.querySelector<HTMLElement>(`th[data-key="${CSS.escape(focusKey)}"]`)?.focus();
  };
  render();
  return wrap;
}

export interface PanelOptions {
  title: string;
  /** API URL of the result (GET), without format. */
  url?: string;
  /** Which table of the result the table view and the CSV show. */
  tableId: string;
  /** The card's data-panel name, when two cards show the same table. @default tableId */
  panelId?: string;
  /** The chart, or null for a table-only panel. */
  chart?: ChartOption | null;
  /** Start on the table view. @default false */
  tableFirst?: boolean;
  /** Already-fetched tables (POST results). */
  tables?: ResultTable[];
  /** Downloads of a POST result. */
  download?: (format: 'csv' | 'xlsx') => void;
  sort?: SortState;
  onSort?: (sort: SortState) => void;
  chartHeight?: number;
  /** Called with the chart once drawn. */
  onChart?: (chart: Chart) => void;
}

/** A card with a chart and its table (toggle), and CSV / XLSX downloads of the table. */
export function panel(options: PanelOptions): HTMLElement {
  const l = lang();
  const body = h('div', { class: 'panel-body' });
  // A chart is one image to a screen reader: its label names it and points to the table, which holds
  // the same numbers as text (the Table button).
  const chartBox = options.chart
    ? h('div', {
        class: 'chart',
        role: 'img',
        'aria-label': `${t('chartOf')}: ${options.title}. ${t('chartAlternative')}`,
        style: `height: ${options.chartHeight ?? 360}px`,
      })
    : null;
  const tableBox = h('div', { class: 'panel-table' });
  let tableLoaded = false;
  const loadTable = async () => {
    if (tableLoaded) return;
    tableLoaded = true;
    const tables =
      options.tables ??
      (await withLoading(tableBox, () =>
        getJson<{ tables: ResultTable[] }>(withQuery(options.url!, { format: 'tables', lang: l })).then(
          (r) => r.tables,
        ),
      ));
    const table = tables?.find((x) => x.id === options.tableId);
    if (table) tableBox.append(dataTable(table, { sort: options.sort, onSort: options.onSort, label: options.title }));
  };
  const showChart = h(
    'button',
    { type: 'button', class: 'toggle', 'aria-pressed': 'true', onclick: () => select(false) },
    t('chart'),
  );
  const showTable = h(
    'button',
    { type: 'button', class: 'toggle', 'aria-pressed': 'false', onclick: () => select(true) },
    t('table'),
  );
  const select = (table: boolean) => {
    if (!table && chartBox && !chartBox.dataset['drawn'] && chartBox.isConnected)
      requestAnimationFrame(() => tidyCharts());
    showChart.setAttribute('aria-pressed', String(!table));
    showTable.setAttribute('aria-pressed', String(table));
    if (chartBox) chartBox.hidden = table;
    tableBox.hidden = !table;
    if (table) void loadTable();
  };
  const downloads = (['csv', 'xlsx'] as const).map((format) =>
    options.download
      ? h(
          'button',
          {
            type: 'button',
            class: 'download',
            dataset: { format },
            'aria-label': `${t('download')} ${format.toUpperCase()}: ${options.title}`,
            onclick: () => options.download!(format),
          },
          format.toUpperCase(),
        )
      : h(
          'a',
          {
            class: 'download',
            dataset: { format },
            href: withQuery(options.url!, { format, lang: l, ...(format === 'csv' && { table: options.tableId }) }),
            'aria-label': `${t('download')} ${format.toUpperCase()}: ${options.title}`,
            download: '',
          },
          format.toUpperCase(),
        ),
  );
  const card = h(
    'section',
    { class: 'panel', dataset: { panel: options.panelId ?? options.tableId } },
    h(
      'header',
      {},
      h('h2', {}, options.title),
      h(
        'div',
        { class: 'tools' },
        chartBox ? [showChart, showTable] : null,
        h('span', { class: 'label' }, `${t('download')}:`),
        downloads,
      ),
    ),
    body,
  );
  if (chartBox) body.append(chartBox);
  body.append(tableBox);
  if (chartBox) {
    select(options.tableFirst ?? false);
    // Draw once the card is in the page (ECharts needs its size).
    requestAnimationFrame(() => {
      // The user may have moved on before this frame: a detached box has no size to draw in.
      if (chartBox.isConnected) chartFor(chartBox, options.chart!, options.onChart);
    });
  } else {
    tableBox.hidden = false;
    void loadTable();
  }
  return card;
}

/**
 * Which countries complexity was computed over (the Atlas filter by default: at least 1 M people and
 * 1 bn USD of exports), with a button that turns the filter off or on again (#...&all=1).
 */
export function countryFilterNote(
  state: AppState,
  countries: { filter: 'atlas' | 'all'; ranked: number; leftOut: number },
): HTMLElement {
  const all = state.extra['all'] === '1';
  return h(
    'p',
    { class: 'filter-note', dataset: { countryFilter: countries.filter } },
    `${t('countriesRanked')}: ${formatInteger(countries.ranked)}. `,
    countries.filter === 'atlas'
      ? `${t('countriesLeftOut')}: ${formatInteger(countries.leftOut)}. `
      : `${t('countriesNoFilter')}. `,
    h(
      'button',
      {
        type: 'button',
        class: 'link',
        onclick: () => navigate({ extra: { ...state.extra, all: all ? '' : '1' } }),
      },
      all ? t('atlasFilterOn') : t('allCountriesOn'),
    ),
  );
}

/**
 * The view's glossary: the measures its text mentions (RCA, PCI, ECI, COG, HHI, density), each with
 * what it means, in a closed details box under the view; null when it mentions none.
 */
export function glossaryBox(text: string): HTMLElement | null {
  const terms = glossaryTerms(text);
  if (terms.length === 0) return null;
  return h(
    'details',
    { class: 'glossary' },
    h('summary', {}, t('glossaryTitle')),
    h(
      'dl',
      {},
      terms.flatMap((g) => [h('dt', {}, g.name), h('dd', {}, g.text)]),
    ),
  );
}
