/**
 * Needs: the importer's imports by product as a treemap grouped HS section > chapter > product
 * (a click drills down, the breadcrumb climbs back), each product coloured by the exporter's share
 * with the colour scale under it; and the largest products by year.
 */
import type { NeedsResult } from '../api-types.ts';
import type { ProductRecord } from '../../../src/data/index.ts';
import { getJson, withQuery } from '../api.ts';
import { hsTree, type HsTreeNode } from '../chart-data.ts';
import { coverageNotice, noRowsNotice, panel } from '../components.ts';
import { h } from '../dom.ts';
import { formatShare, formatUsd, t } from '../i18n.ts';
import { countryLabel, pairQuery, productLabel, shortName, type ViewContext } from './context.ts';

/** Light grey-blue (no share) to deep blue (the largest share). */
function shade(x: number): string {
  const k = Math.max(0, Math.min(1, x));
  const mix = (a: number, b: number) => Math.round(a + (b - a) * k);
  return `rgb(${mix(205, 31)}, ${mix(216, 84)}, ${mix(228, 140)})`;
}

export async function renderNeeds(ctx: ViewContext): Promise<void> {
  const { main, state } = ctx;
  const url = withQuery('/api/report/needs', pairQuery(ctx, { limit: 200 }));
  const needs = await getJson<NeedsResult>(url);
  if (ctx.stale()) return;
  const notice = coverageNotice(needs);
  if (notice) main.append(notice);
  if (needs.rows.length === 0) {
    if (!notice) main.append(noRowsNotice(needs));
    return;
  }
  // A share is null where the store holds only the importer's imports from the World (no supplier named).
  const maxShare = Math.max(0.01, ...needs.rows.map((r) => r.exporterShare ?? 0));
  // Chapter names (HS2) in the language, for the group labels; without them the code alone.
  const chapters = await getJson<ProductRecord[]>(
    withQuery('/api/products', { level: 2, limit: 200, lang: state.lang }),
  ).catch(() => [] as ProductRecord[]);
  if (ctx.stale()) return;
  const chapterName = new Map(chapters.map((c) => [c.code, c.name]));
  const tree = hsTree(
    needs.rows.map((r) => ({
      code: r.product,
      name: shortName(productLabel(r), 80),
      value: r.importsUsd,
      color: shade((r.exporterShare ?? 0) / maxShare),
      extra: { share: r.exporterShare },
    })),
    (section) => `${t('hsSection')} ${section}`,
    (chapter) => shortName(`${chapter} ${chapterName.get(chapter) ?? ''}`.trim(), 60),
  );
  const card = panel({
    title: `${t('needsTitle')}: ${countryLabel(ctx, state.to)}, ${needs.year ?? ''} — ${t('totalImports')} ${formatUsd(needs.totalImportsUsd)}`,
    url,
    tableId: 'needs',
    chartHeight: 520,
    chart: {
      tooltip: {
        formatter: (p: { data: HsTreeNode }) =>
          [
            p.data.name,
            `${t('imports')}: ${formatUsd(p.data.value)}`,
            p.data.extra ? `${t('exporterShare')}: ${formatShare(p.data.extra['share'] as number | null)}` : '',
          ]
            .filter(Boolean)
            .join('<br>'),
      },
      series: [
        {
          type: 'treemap',
          name: t('allSections'),
          roam: false,
          // Every level at once (sections and chapters as bands, products shaded by share); a click zooms
          // into a section or chapter, the breadcrumb goes back.
          nodeClick: 'zoomToNode',
          top: 10,
          bottom: 40,
          left: 0,
          right: 0,
          breadcrumb: { show: true, bottom: 5, itemStyle: { color: '#1f2a33', textStyle: { color: '#ffffff' } } },
          // A group's band holds its name only (the value is in the tooltip).
          upperLabel: {
            show: true,
            height: 20,
            color: '#ffffff',
            overflow: 'truncate',
            ellipsis: '…',
            formatter: (p: { data: HsTreeNode }) => p.data.name,
          },
          label: {
            show: true,
            position: 'insideTopLeft',
            lineHeight: 16,
            overflow: 'break',
            ellipsis: '…',
            // White with a dark outline: readable on the light and the deep shades alike.
            color: '#ffffff',
            textBorderColor: 'rgba(0,0,0,0.55)',
            textBorderWidth: 2,
            formatter: (p: { data: HsTreeNode }) => `${p.data.name}\n${formatUsd(p.data.value)}`,
          },
          levels: [
            { itemStyle: { borderWidth: 3, gapWidth: 3 } },
            { itemStyle: { borderWidth: 2, gapWidth: 1 } },
            { itemStyle: { borderWidth: 0, gapWidth: 1 } },
          ],
          data: tree,
        },
      ],
    },
  });
  // The colour scale of the exporter's share, in words and as a strip.
  card.querySelector('.panel-body')!.append(
    h(
      'p',
      { class: 'colour-scale', dataset: { maxShare: String(maxShare) } },
      `${t('exporterShare')}: ${formatShare(0)} `,
      h('span', {
        class: 'scale-strip',
        style: `background: linear-gradient(to right, ${shade(0)}, ${shade(1)})`,
        'aria-hidden': 'true',
      }),
      ` ${formatShare(maxShare)}. ${t('needsGrouping')}`,
    ),
  );
  main.append(card);
  // The series of the largest products: years as values, so a year the store lacks shows as a gap.
  const top = needs.rows.slice(0, 8).filter((r) => r.series.length > 1);
  if (top.length === 0) return;
  const years = top.flatMap((r) => r.series.map((p) => p.year));
  main.append(
    panel({
      title: `${t('needsSeriesTitle')}: ${countryLabel(ctx, state.to)}`,
      url,
      tableId: 'needs',
      panelId: 'needs-series',
      chartHeight: 380,
      chart: {
        tooltip: {
          trigger: 'item',
          formatter: (p: { seriesName: string; data: [number, number] }) =>
            `${p.seriesName}<br>${p.data[0]}: ${formatUsd(p.data[1])}`,
        },
        legend: { type: 'scroll', bottom: 0 },
        grid: { top: 20, left: 80, right: 30, bottom: 60 },
        xAxis: {
          type: 'value',
          min: Math.min(...years),
          max: Math.max(...years),
          minInterval: 1,
          axisLabel: { formatter: (year: number) => String(year) },
        },
        yAxis: { type: 'value', axisLabel: { formatter: (usd: number) => formatUsd(usd) } },
        series: top.map((r) => ({
          type: 'line',
          name: shortName(productLabel(r), 40),
          showSymbol: true,
          data: r.series.map((p) => [p.year, p.valueUsd]),
        })),
      },
    }),
  );
}
