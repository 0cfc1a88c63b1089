/** Needs: a treemap of the importer's imports by product, coloured by the exporter's share. */
import type { NeedsResult } from '../api-types.ts';
import { getJson, withQuery } from '../api.ts';
import { coverageNotice, noRowsNotice, panel } from '../components.ts';
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
  main.append(
    panel({
      title: `${t('needsTitle')}: ${countryLabel(ctx, state.to)}, ${needs.year ?? ''} — ${t('totalImports')} ${formatUsd(needs.totalImportsUsd)}; ${t('exporterShare')} ${formatShare(0)}…${formatShare(maxShare)}`,
      url,
      tableId: 'needs',
      chartHeight: 480,
      chart: {
        tooltip: {
          formatter: (p: { data: { name: string; value: number; share: number | null } }) =>
            `${p.data.name}<br>${t('imports')}: ${formatUsd(p.data.value)}<br>${t('exporterShare')}: ${formatShare(p.data.share)}`,
        },
        series: [
          {
            type: 'treemap',
            roam: false,
            nodeClick: false,
            breadcrumb: { show: false },
            top: 10,
            bottom: 10,
            label: { show: true, overflow: 'truncate', formatter: (p: { data: { name: string } }) => p.data.name },
            data: needs.rows.map((r) => ({
              name: shortName(productLabel(r), 80),
              code: r.product,
              value: r.importsUsd,
              share: r.exporterShare,
              itemStyle: { color: shade((r.exporterShare ?? 0) / maxShare) },
              label: { color: (r.exporterShare ?? 0) / maxShare > 0.45 ? '#ffffff' : '#1f2a33' },
            })),
          },
        ],
      },
    }),
  );
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
