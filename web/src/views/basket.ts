/**
 * Trade basket: what the pair trades today, product by product, in both directions (the core table of
 * ITC Trade Map). Each direction is a treemap of HS section > chapter > heading > product, coloured by
 * HS section; a click drills into a rectangle and the breadcrumb climbs back.
 */
import { getJson, withQuery } from '../api.ts';
import {
  basketTreeData,
  sectionColour,
  type BasketGroupInput,
  type BasketRowInput,
  type TreeNode,
} from '../chart-data.ts';
import { coverageNotice, noRowsNotice, panel } from '../components.ts';
import { h } from '../dom.ts';
import { formatInteger, formatShare, formatUsd, lang, t } from '../i18n.ts';
import { countryLabel, pairQuery, type ViewContext } from './context.ts';

/**
 * The fields of GET /api/report/basket this view reads. Declared here rather than imported from the
 * core's BasketResult: the view depends on the wire shape only, not on the core's internal types.
 */
interface BasketAnswer {
  status: string;
  basis: string;
  missing: string | null;
  year: number | null;
  level: number;
  totals: {
    exportsUsd: number | null;
    importsUsd: number | null;
    exportProducts: number | null;
    importProducts: number | null;
  };
  rows: BasketRowInput[];
  groups: BasketGroupInput[];
}

/** The colour key of the sections present, as HTML (a screen reader and a printout read it too). */
function sectionLegend(basket: BasketAnswer, direction: 'exports' | 'imports'): HTMLElement {
  const sections = basket.groups
    .filter((g) => g.direction === direction && g.level === 'section' && g.valueUsd > 0)
    .sort((a, b) => b.valueUsd - a.valueUsd);
  return h(
    'ul',
    { class: 'colour-legend', 'aria-label': t('sectionLegend') },
    sections.map((s) => {
      const name = lang() === 'ru' ? s.nameRu || s.nameEn : s.nameEn;
      // A section named only by its number ("Раздел XVI ТН ВЭД") is not said twice.
      const text = new RegExp(`\\b${s.code}\\b`).test(name) ? name : `${t('hsSection')} ${s.code}: ${name}`;
      return h(
        'li',
        { dataset: { section: s.code } },
        h('span', { class: 'swatch', style: `background: ${sectionColour(s.code)}`, 'aria-hidden': 'true' }),
        text,
      );
    }),
  );
}

export async function renderBasket(ctx: ViewContext): Promise<void> {
  const { main, state } = ctx;
  const url = withQuery('/api/report/basket', pairQuery(ctx, { limit: 500, lang: state.lang }));
  const basket = await getJson<BasketAnswer>(url);
  if (ctx.stale()) return;
  const notice = coverageNotice(basket);
  if (notice) main.append(notice);
  if (basket.rows.length === 0) {
    if (!notice) main.append(noRowsNotice(basket));
    return;
  }
  const directions = [
    { direction: 'exports' as const, seller: state.from, buyer: state.to, total: basket.totals.exportsUsd },
    { direction: 'imports' as const, seller: state.to, buyer: state.from, total: basket.totals.importsUsd },
  ];
  for (const { direction, seller, buyer, total } of directions) {
    const title = `${countryLabel(ctx, seller)} → ${countryLabel(ctx, buyer)}, ${basket.year ?? ''}: ${formatUsd(total)}`;
    const tree = basketTreeData(basket.groups, basket.rows, direction, state.lang, t('otherProducts'));
    if (tree.length === 0) {
      // Null is "the store cannot tell" (a slice without that side's exports), not "nothing traded".
      main.append(
        h(
          'div',
          { class: 'notice partial', dataset: { coverage: total === null ? 'unknown' : 'empty', direction } },
          h('strong', {}, title),
          h('p', {}, total === null ? t('directionUnknown') : t('directionNone')),
        ),
      );
      continue;
    }
    const card = panel({
      title,
      url,
      tableId: 'basket',
      panelId: `basket-${direction}`,
      chartHeight: 520,
      chart: {
        tooltip: {
          formatter: (p: { data: TreeNode; treePathInfo?: Array<{ name: string }> }) =>
            `${p.data.name}<br>${formatUsd(p.data.value)}${total ? ` (${formatShare(p.data.value / total)})` : ''}`,
        },
        series: [
          {
            type: 'treemap',
            name: t('allSections'),
            roam: false,
            // A click zooms into the rectangle (section > chapter > heading > product); the breadcrumb goes back.
            nodeClick: 'zoomToNode',
            leafDepth: 2,
            top: 10,
            bottom: 40,
            left: 0,
            right: 0,
            breadcrumb: {
              show: true,
              bottom: 5,
              itemStyle: { color: '#1f2a33', textStyle: { color: '#ffffff' } },
            },
            label: {
              show: true,
              position: 'insideTopLeft',
              lineHeight: 16,
              overflow: 'break',
              ellipsis: '…',
              color: '#ffffff',
              textBorderColor: 'rgba(0,0,0,0.35)',
              textBorderWidth: 2,
              formatter: (p: { data: TreeNode }) => `${p.data.name}\n${formatUsd(p.data.value)}`,
            },
            // A group's band holds its name only (the value is in the tooltip).
            upperLabel: {
              show: true,
              height: 20,
              color: '#ffffff',
              overflow: 'truncate',
              ellipsis: '…',
              formatter: (p: { data: TreeNode }) => p.data.name,
            },
            levels: [
              { itemStyle: { borderColor: '#ffffff', borderWidth: 2, gapWidth: 2 }, upperLabel: { show: true } },
              { itemStyle: { borderColor: 'rgba(255,255,255,0.6)', borderWidth: 1, gapWidth: 1 } },
              { itemStyle: { borderColor: 'rgba(255,255,255,0.5)', borderWidth: 1, gapWidth: 1 } },
            ],
            data: tree,
          },
        ],
      },
    });
    card.querySelector('.panel-body')!.append(sectionLegend(basket, direction));
    main.append(card);
  }
  const products = (n: number | null) => (n === null ? '—' : formatInteger(n));
  main.append(
    h(
      'p',
      { class: 'muted', dataset: { basketProducts: '' } },
      `${t('productsTraded')}: ${countryLabel(ctx, state.from)} → ${countryLabel(ctx, state.to)} ${products(basket.totals.exportProducts)}; ${countryLabel(ctx, state.to)} → ${countryLabel(ctx, state.from)} ${products(basket.totals.importProducts)}.`,
    ),
  );
}
