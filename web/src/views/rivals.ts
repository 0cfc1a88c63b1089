/** Rivals: suppliers' shares of the importer's market for a product over time, and their unit values. */
import type { NeedsResult, RivalsResult } from '../../../src/analysis/index.ts';
import { getJson, withQuery } from '../api.ts';
import { coverageNotice, noRowsNotice, panel } from '../components.ts';
import { h } from '../dom.ts';
import { formatNumber, formatShare, t } from '../i18n.ts';
import { navigate } from '../state.ts';
import { countryLabel, pairQuery, productLabel, shortName, type ViewContext } from './context.ts';

export async function renderRivals(ctx: ViewContext): Promise<void> {
  const { main, state } = ctx;
  const needs = await getJson<NeedsResult>(withQuery('/api/report/needs', pairQuery(ctx, { limit: 30 })));
  if (ctx.stale()) return;
  const chosen = state.extra['product'] ?? needs.rows[0]?.product;
  if (!chosen) {
    main.append(coverageNotice(needs) ?? noRowsNotice(needs));
    return;
  }
  const options = needs.rows.map((r) =>
    h('option', { value: r.product, selected: r.product === chosen }, shortName(productLabel(r), 90)),
  );
  if (!needs.rows.some((r) => r.product === chosen))
    options.unshift(h('option', { value: chosen, selected: true }, chosen));
  main.append(
    h(
      'label',
      { class: 'field wide' },
      h('span', {}, t('product')),
      h(
        'select',
        {
          name: 'product',
          onchange: (e: Event) => navigate({ extra: { product: (e.target as HTMLSelectElement).value } }),
        },
        options,
      ),
    ),
  );
  const url = withQuery('/api/report/rivals', pairQuery(ctx, { products: chosen }));
  const rivals = await getJson<RivalsResult>(url);
  if (ctx.stale()) return;
  const notice = coverageNotice(rivals);
  if (notice) main.append(notice);
  const product = rivals.products[0];
  if (!product) {
    if (!notice) main.append(noRowsNotice(rivals));
    return;
  }
  const years = [...new Set(product.history.map((x) => x.year))].sort();
  const suppliers = [...new Set(product.history.map((x) => x.supplier))];
  main.append(
    panel({
      title: `${t('rivalsTitle')}: ${productLabel(product)}`,
      url,
      tableId: 'history',
      chart: {
        tooltip: { trigger: 'axis', valueFormatter: (v: number) => formatShare(v) },
        legend: { top: 0, type: 'scroll' },
        grid: { left: 60, right: 20, top: 40, bottom: 30 },
        xAxis: { type: 'category', data: years.map(String) },
        yAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatShare(v, 0) } },
        series: suppliers.map((s) => ({
          name: countryLabel(ctx, s),
          type: 'line',
          data: years.map((y) => product.history.find((x) => x.year === y && x.supplier === s)?.share ?? null),
          lineStyle: { width: s === state.from ? 4 : 2 },
        })),
      },
    }),
  );
  const priced = [
    ...product.suppliers,
    ...(product.exporter && !product.suppliers.some((s) => s.supplier === product.exporter!.supplier)
      ? [product.exporter]
      : []),
  ].filter((s) => s.unitValueUsdPerTonne !== null);
  main.append(
    panel({
      title: `${t('unitValues')}: ${productLabel(product)}`,
      url,
      tableId: 'suppliers',
      chartHeight: 300,
      chart: {
        tooltip: { trigger: 'axis', valueFormatter: (v: number) => formatNumber(v, 0) },
        grid: { left: 140, right: 30, top: 10, bottom: 30 },
        xAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatNumber(v, 0) } },
        yAxis: { type: 'category', data: priced.map((s) => countryLabel(ctx, s.supplier)), inverse: true },
        series: [
          {
            type: 'bar',
            barMaxWidth: 28,
            data: priced.map((s) => ({
              value: s.unitValueUsdPerTonne,
              itemStyle: { color: s.supplier === state.from ? '#d9822b' : '#2f6f9f' },
            })),
          },
        ],
      },
    }),
  );
}
