/**
 * Opportunities: untapped export potential by product, as a sortable table and a bubble chart of
 * untapped potential (x) against product complexity (y), bubble size the exporter's density.
 */
import type { PotentialResult } from '../api-types.ts';
import { getJson, withQuery, type ResultTable } from '../api.ts';
import { coverageNotice, noRowsNotice, dataTable, panel, type SortState } from '../components.ts';
import { h } from '../dom.ts';
import { formatNumber, formatUsd, t } from '../i18n.ts';
import { replaceExtra } from '../state.ts';
import { pairQuery, productLabel, type ViewContext } from './context.ts';

interface ProductComplexity {
  year: number;
  level: number;
  rows: Array<{ product: string; pci: number | null; density: number | null }>;
}

function parseSort(text: string | undefined): SortState {
  const [key = 'untappedUsd', direction = 'desc'] = (text ?? '').split(':');
  return { key: /^[a-zA-Z]+$/.test(key) ? key : 'untappedUsd', descending: direction !== 'asc' };
}

export async function renderOpportunities(ctx: ViewContext): Promise<void> {
  const { main, state } = ctx;
  const url = withQuery('/api/report/potential', pairQuery(ctx, { limit: 200 }));
  const potential = await getJson<PotentialResult>(url);
  if (ctx.stale()) return;
  const notice = coverageNotice(potential);
  if (notice) main.append(notice);
  if (potential.rows.length === 0) {
    if (!notice) main.append(noRowsNotice(potential));
    return;
  }
  // PCI and the exporter's density at the same HS level, where the store has them.
  const complexityAt = (level: string) =>
    getJson<ProductComplexity>(
      withQuery('/api/complexity/products', { country: state.from, level, lang: state.lang }),
    ).catch(() => null);
  let complexity = await complexityAt(state.level);
  // Without HS6 complexity (no BACI release), HS6 products take their HS4 heading's PCI and density.
  if ((complexity?.rows.length ?? 0) === 0 && state.level === '6') complexity = await complexityAt('4');
  const byCode = new Map((complexity?.rows ?? []).map((r) => [r.product, r] as const));
  const points = potential.rows
    .map((r) => ({ r, c: byCode.get(r.product) ?? byCode.get(r.product.slice(0, 4)) }))
    .filter((x) => x.c && x.c.pci !== null && x.r.untappedUsd > 0)
    .map(({ r, c }) => ({ name: productLabel(r), value: [r.untappedUsd, c!.pci!, c!.density ?? 0] }));
  const maxDensity = Math.max(1e-9, ...points.map((p) => p.value[2] as number));
  const sort = parseSort(state.extra['sort']);
  const tables = await getJson<{ tables: ResultTable[] }>(withQuery(url, { format: 'tables', lang: state.lang }));
  if (ctx.stale()) return;
  const table = tables.tables.find((x) => x.id === 'potential');
  main.append(
    h(
      'section',
      { class: 'panel', dataset: { panel: 'potential-table' } },
      h(
        'header',
        {},
        h('h2', {}, `${t('opportunitiesTitle')}, ${potential.year ?? ''}`),
        h(
          'div',
          { class: 'tools' },
          h('span', { class: 'label muted' }, t('sortHint')),
          h('span', { class: 'label' }, `${t('download')}:`),
          h(
            'a',
            {
              class: 'download',
              dataset: { format: 'csv' },
              href: withQuery(url, { format: 'csv', table: 'potential', lang: state.lang }),
              download: '',
            },
            'CSV',
          ),
          h(
            'a',
            {
              class: 'download',
              dataset: { format: 'xlsx' },
              href: withQuery(url, { format: 'xlsx', lang: state.lang }),
              download: '',
            },
            'XLSX',
          ),
        ),
      ),
      h(
        'div',
        { class: 'panel-body' },
        table
          ? dataTable(table, {
              sort,
              onSort: (s) => replaceExtra({ sort: `${s.key}:${s.descending ? 'desc' : 'asc'}` }),
            })
          : null,
      ),
    ),
  );
  main.append(
    panel({
      title: t('bubbleTitle'),
      url,
      tableId: 'potential',
      chartHeight: 440,
      chart:
        points.length === 0
          ? {
              title: {
                text: t('noComplexity'),
                left: 'center',
                top: 'middle',
                textStyle: { fontSize: 14, fontWeight: 'normal' },
              },
              xAxis: { show: false },
              yAxis: { show: false },
              series: [],
            }
          : {
              tooltip: {
                formatter: (p: { data: { name: string; value: number[] } }) =>
                  `${p.data.name}<br>${t('untapped')}: ${formatUsd(p.data.value[0])}<br>PCI: ${formatNumber(p.data.value[1])}<br>${t('density')}: ${formatNumber(p.data.value[2], 3)}`,
              },
              grid: { left: 70, right: 30, top: 20, bottom: 50 },
              xAxis: {
                type: 'log',
                name: t('untapped'),
                nameLocation: 'middle',
                nameGap: 30,
                min: (v: { min: number }) => v.min / 2,
                max: (v: { max: number }) => v.max * 2,
                axisLabel: { formatter: (v: number) => formatUsd(v) },
              },
              yAxis: { type: 'value', name: t('pci'), nameLocation: 'middle', nameGap: 45 },
              series: [
                {
                  type: 'scatter',
                  data: points,
                  symbolSize: (v: number[]) => 8 + 32 * Math.sqrt(v[2]! / maxDensity),
                  itemStyle: { opacity: 0.7 },
                },
              ],
            },
    }),
  );
}
