/**
 * Product space: the proximity graph of products (HS4), coloured by HS section with a legend; the
 * exporter's and the importer's products with RCA > 1 marked by shape and outline, node size the
 * product's world trade; a search finds a product and highlights it with its neighbours.
 */
import { getJson, withQuery } from '../api.ts';
import { sectionColour } from '../chart-data.ts';
import type { Chart } from '../charts.ts';
import { coverageNotice, countryFilterNote, noRowsNotice, panel } from '../components.ts';
import { h } from '../dom.ts';
import { formatNumber, formatUsd, t } from '../i18n.ts';
import { rememberedLayout } from '../layout.ts';
import { countryLabel, type ViewContext } from './context.ts';

interface ProductSpaceAnswer {
  status: string;
  basis: string;
  missing: string | null;
  year: number | null;
  level: number;
  countries: { filter: 'atlas' | 'all'; ranked: number; leftOut: number } | null;
  nodes: Array<{
    product: string;
    name: string;
    section: string | null;
    worldTradeUsd: number;
    pci: number | null;
    exporterMcp: 0 | 1 | null;
    importerMcp: 0 | 1 | null;
  }>;
  edges: Array<{ source: string; target: string; proximity: number }>;
}

/** Outline of the exporter's products (RCA > 1); the importer's are diamonds. */
const exporterOutline = '#d9822b';

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** Roman numerals of the sections in the nomenclature's order, for the legend. */
const sectionOrder = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI'].concat([
  'XII',
  'XIII',
  'XIV',
  'XV',
  'XVI',
  'XVII',
  'XVIII',
  'XIX',
  'XX',
  'XXI',
]);

export async function renderProductSpace(ctx: ViewContext): Promise<void> {
  const { main, state } = ctx;
  // Drawn at HS4 (about 1,200 headings): HS6 has about 5,000 products, too many to lay out in a browser.
  const url = withQuery('/api/complexity/product-space', {
    exporter: state.from,
    importer: state.to,
    year: state.year || undefined,
    level: 4,
    maxEdges: 1500,
    lang: state.lang,
    allCountries: state.extra['all'] === '1' ? 'true' : undefined,
  });
  const space = await getJson<ProductSpaceAnswer>(url);
  if (ctx.stale()) return;
  const notice = coverageNotice(space);
  if (notice) main.append(notice);
  if (space.nodes.length === 0) {
    if (!notice) main.append(noRowsNotice(space));
    return;
  }
  if (space.countries) main.append(countryFilterNote(state, space.countries));
  const sections = sectionOrder.filter((s) => space.nodes.some((n) => n.section === s));
  const categories = [...sections, '—'].map((s) => (s === '—' ? t('noSection') : `${t('hsSection')} ${s}`));
  const categoryOf = (section: string | null) => {
    const i = section === null ? -1 : sections.indexOf(section);
    return i === -1 ? sections.length : i;
  };
  const maxTrade = Math.max(1, ...space.nodes.map((n) => n.worldTradeUsd));
  const positions = rememberedLayout(
    space.nodes.map((n) => ({ id: n.product, group: n.section })),
    space.edges,
    storage(),
  );
  // The pair's products are drawn last, on top of the others.
  const nodes = [...space.nodes].sort(
    (a, b) => Number(Boolean(a.exporterMcp || a.importerMcp)) - Number(Boolean(b.exporterMcp || b.importerMcp)),
  );
  const presence = (n: ProductSpaceAnswer['nodes'][number]) =>
    [
      n.exporterMcp ? `${countryLabel(ctx, state.from)}: RCA > 1` : null,
      n.importerMcp ? `${countryLabel(ctx, state.to)}: RCA > 1` : null,
    ].filter((x): x is string => x !== null);
  let chart: Chart | null = null;
  const found = h('p', { class: 'muted search-status', role: 'status' });
  const show = (code: string) => {
    const index = nodes.findIndex((n) => n.product === code);
    if (index === -1 || chart === null) return;
    const n = nodes[index]!;
    chart.dispatchAction({ type: 'downplay', seriesIndex: 0 });
    chart.dispatchAction({ type: 'highlight', seriesIndex: 0, dataIndex: index });
    chart.dispatchAction({ type: 'showTip', seriesIndex: 0, dataIndex: index });
    found.textContent = [`${n.product} ${n.name}`, formatUsd(n.worldTradeUsd), `PCI ${formatNumber(n.pci)}`]
      .concat(presence(n))
      .join('; ');
  };
  const listId = 'space-products';
  const input = h('input', {
    type: 'search',
    name: 'spaceSearch',
    list: listId,
    autocomplete: 'off',
    placeholder: t('productSearchHint'),
    oninput: (e: Event) => {
      const code = /^(\d{4}) /.exec((e.target as HTMLInputElement).value)?.[1];
      if (code) show(code);
    },
  });
  const search = h(
    'form',
    {
      class: 'product-search',
      role: 'search',
      onsubmit: (e: Event) => {
        e.preventDefault();
        const text = input.value.trim().toLowerCase();
        const hit = nodes.find((n) => n.product.startsWith(text) || n.name.toLowerCase().includes(text));
        if (hit && text !== '') show(hit.product);
        else found.textContent = `${t('productsFound')}: 0`;
      },
    },
    h('label', { class: 'field wide' }, h('span', {}, t('productSearch')), input),
    h(
      'datalist',
      { id: listId },
      [...space.nodes]
        .sort((a, b) => a.product.localeCompare(b.product))
        .map((n) => h('option', { value: `${n.product} ${n.name}` })),
    ),
    h('button', { type: 'submit' }, t('show')),
  );
  const card = panel({
    title: `${t('productSpaceTitle')}, ${space.year ?? ''} (HS${space.level})`,
    url,
    tableId: 'nodes',
    chartHeight: 640,
    onChart: (drawn) => (chart = drawn),
    chart: {
      // About 1,200 nodes and 1,500 edges: drawn at once, no entry animation to wait for.
      animation: false,
      tooltip: {
        formatter: (p: {
          dataType: string;
          data: { name: string; value: number; pci: number | null; marks: string[] };
        }) =>
          p.dataType === 'node'
            ? [p.data.name, formatUsd(p.data.value), `PCI ${formatNumber(p.data.pci)}`, ...p.data.marks].join('<br>')
            : '',
      },
      legend: { type: 'scroll', top: 0, data: categories },
      series: [
        {
          type: 'graph',
          layout: 'none',
          top: 50,
          roam: true,
          draggable: false,
          categories: categories.map((name, i) => ({
            name,
            itemStyle: { color: sectionColour(sections[i] ?? null) },
          })),
          data: nodes.map((n) => ({
            id: n.product,
            x: positions.get(n.product)![0],
            y: positions.get(n.product)![1],
            name: `${n.product} ${n.name}`,
            value: n.worldTradeUsd,
            pci: n.pci,
            marks: presence(n),
            category: categoryOf(n.section),
            symbol: n.importerMcp ? 'diamond' : 'circle',
            symbolSize: (n.exporterMcp || n.importerMcp ? 6 : 3) + 14 * Math.sqrt(n.worldTradeUsd / maxTrade),
            itemStyle: n.exporterMcp
              ? { borderColor: exporterOutline, borderWidth: 2.5 }
              : n.importerMcp
                ? { borderColor: '#1f2a33', borderWidth: 1 }
                : { opacity: 0.75 },
          })),
          links: space.edges.map((e) => ({ source: e.source, target: e.target })),
          lineStyle: { color: '#b8c0c8', width: 0.6, opacity: 0.6 },
          emphasis: { focus: 'adjacency', lineStyle: { width: 1.5, opacity: 1 } },
        },
      ],
    },
  });
  // What the marks mean, in words (also for a screen reader and a printout).
  card
    .querySelector('.panel-body')!
    .prepend(
      search,
      found,
      h(
        'ul',
        { class: 'colour-legend', 'aria-label': t('spaceKey') },
        h(
          'li',
          {},
          h('span', { class: 'swatch ring', style: `border-color: ${exporterOutline}`, 'aria-hidden': 'true' }),
          `${t('spaceExporterMark')}: ${countryLabel(ctx, state.from)}`,
        ),
        h(
          'li',
          {},
          h('span', { class: 'swatch diamond', 'aria-hidden': 'true' }),
          `${t('spaceImporterMark')}: ${countryLabel(ctx, state.to)}`,
        ),
        h('li', {}, t('spaceSize')),
      ),
    );
  main.append(card);
}
