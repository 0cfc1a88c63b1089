/**
 * Rivals: suppliers' shares of the importer's market for a product over time, and their unit values.
 * The product is one of the importer's largest imports, or any HS code found by the search (code or
 * words in Russian or English, from /api/products).
 */
import type { NeedsResult, RivalsResult } from '../api-types.ts';
import type { ProductRecord } from '../../../src/data/index.ts';
import { getJson, withQuery } from '../api.ts';
import { seriesWithData, yearAxis, yearPoints } from '../chart-data.ts';
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
  // A product found by the search is not among the largest imports: its name is filled in from the result below.
  const extraOption = needs.rows.some((r) => r.product === chosen)
    ? null
    : h('option', { value: chosen, selected: true }, chosen);
  if (extraOption) options.unshift(extraOption);
  main.append(
    h(
      'div',
      { class: 'product-pick' },
      h(
        'label',
        { class: 'field wide' },
        h('span', {}, t('productTop')),
        h(
          'select',
          {
            name: 'product',
            onchange: (e: Event) => navigate({ extra: { product: (e.target as HTMLSelectElement).value } }),
          },
          options,
        ),
      ),
      productSearch(ctx),
    ),
  );
  const url = withQuery('/api/report/rivals', pairQuery(ctx, { products: chosen }));
  const rivals = await getJson<RivalsResult>(url);
  if (ctx.stale()) return;
  const notice = coverageNotice(rivals);
  if (notice) main.append(notice);
  const product = rivals.products[0];
  if (product && extraOption) extraOption.textContent = shortName(productLabel(product), 90);
  if (!product) {
    if (!notice) main.append(noRowsNotice(rivals));
    return;
  }
  const years = [...new Set(product.history.map((x) => x.year))].sort();
  const suppliers = [...new Set(product.history.map((x) => x.supplier))];
  main.append(
    panel({
      title: `${t('rivalsTitle')}: ${shortName(productLabel(product), 110)}`,
      url,
      tableId: 'history',
      chart: {
        tooltip: { trigger: 'axis', valueFormatter: (v: number) => formatShare(v) },
        legend: { top: 0, type: 'scroll' },
        grid: { left: 10, right: 20, top: 40, bottom: 30, containLabel: true },
        xAxis: yearAxis(years),
        yAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatShare(v, 0) } },
        series: seriesWithData(
          suppliers.map((s) => ({
            name: countryLabel(ctx, s),
            type: 'line',
            showSymbol: true,
            data: yearPoints(
              product.history.filter((x) => x.supplier === s),
              (x) => x.year,
              (x) => x.share,
            ),
            lineStyle: { width: s === state.from ? 4 : 2 },
          })),
        ),
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
      title: `${t('unitValues')}: ${shortName(productLabel(product), 110)}`,
      url,
      tableId: 'suppliers',
      chartHeight: 300,
      chart: {
        tooltip: { trigger: 'axis', valueFormatter: (v: number) => formatNumber(v, 0) },
        grid: { left: 10, right: 30, top: 10, bottom: 30, containLabel: true },
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

/** The HS code at the start of a search field's value ("843351 Combine harvester-threshers", or "8433"). */
export function codeOf(value: string): string | null {
  return /^\s*(\d{2}(?:\d{2}){0,2})(?:\s|$)/.exec(value)?.[1] ?? null;
}

/** Search over every HS code: suggestions as one types (code or words), Enter or a suggestion shows that product. */
function productSearch(ctx: ViewContext): HTMLElement {
  const { state } = ctx;
  const listId = 'product-matches';
  const list = h('datalist', { id: listId });
  const status = h('span', { class: 'muted search-status', role: 'status' });
  let timer: ReturnType<typeof setTimeout> | undefined;
  let asked = 0;
  const input = h('input', {
    type: 'search',
    name: 'productSearch',
    list: listId,
    autocomplete: 'off',
    placeholder: t('productSearchHint'),
  });
  // A heading (4 digits) is shown at HS4 and a subheading (6 digits) at HS6: the level follows the code,
  // since the rivals of 0401 at HS6 would be "none".
  const choose = (value: string) => {
    const code = codeOf(value);
    if (code !== null && code.length >= 4)
      navigate({ level: code.length === 4 ? '4' : '6', extra: { ...state.extra, product: code } });
    else status.textContent = t('productSearchNeedsCode');
  };
  input.addEventListener('input', () => {
    const text = input.value.trim();
    // A suggestion picked from the list: its value is "code name".
    if ([...list.options].some((o) => o.value === input.value)) return choose(input.value);
    clearTimeout(timer);
    if (text.length < 2) return;
    timer = setTimeout(() => {
      const mine = ++asked;
      void getJson<ProductRecord[]>(
        // Every level: Russian words match the HS4 names (HS6 has Russian names only where the TN VED has them).
        withQuery('/api/products', { search: text, limit: 40, lang: state.lang }),
      )
        .then((found) => {
          if (mine !== asked) return;
          const products = found.filter((p) => p.code.length >= 4);
          list.replaceChildren(...products.map((p) => h('option', { value: `${p.code} ${p.name}` })));
          status.textContent = `${t('productsFound')}: ${products.length}`;
        })
        .catch(() => (status.textContent = t('productsFound') + ': 0'));
    }, 200);
  });
  return h(
    'form',
    {
      class: 'product-search',
      role: 'search',
      onsubmit: (e: Event) => {
        e.preventDefault();
        choose(input.value);
      },
    },
    h('label', { class: 'field wide' }, h('span', {}, t('productSearch')), input),
    list,
    h('button', { type: 'submit' }, t('show')),
    status,
  );
}
