/** Product space: the proximity graph of products, the exporter's and the importer's strengths highlighted. */
import { getJson, withQuery } from '../api.ts';
import { coverageNotice, countryFilterNote, noRowsNotice, panel } from '../components.ts';
import { formatNumber, formatUsd, t } from '../i18n.ts';
import { forceLayout } from '../layout.ts';
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
  const categories = [
    t('legendBoth'),
    `${t('legendExporter')}: ${countryLabel(ctx, state.from)}`,
    `${t('legendImporter')}: ${countryLabel(ctx, state.to)}`,
    t('legendOther'),
  ];
  const colours = ['#7a3e9d', '#d9822b', '#2f6f9f', '#c9cfd6'];
  const maxTrade = Math.max(1, ...space.nodes.map((n) => n.worldTradeUsd));
  const positions = forceLayout(
    space.nodes.map((n) => ({ id: n.product, group: n.section })),
    space.edges,
  );
  main.append(
    panel({
      title: `${t('productSpaceTitle')}, ${space.year ?? ''} (HS${space.level})`,
      url,
      tableId: 'nodes',
      chartHeight: 620,
      chart: {
        tooltip: {
          formatter: (p: { dataType: string; data: { name: string; value: number; pci: number | null } }) =>
            p.dataType === 'node'
              ? `${p.data.name}<br>${formatUsd(p.data.value)}<br>PCI ${formatNumber(p.data.pci)}`
              : '',
        },
        legend: { top: 0, data: categories },
        series: [
          {
            type: 'graph',
            layout: 'none',
            top: 40,
            roam: true,
            draggable: false,
            categories: categories.map((name, i) => ({ name, itemStyle: { color: colours[i] } })),
            data: [...space.nodes]
              .sort(
                (a, b) =>
                  Number(Boolean(a.exporterMcp || a.importerMcp)) - Number(Boolean(b.exporterMcp || b.importerMcp)),
              )
              .map((n) => ({
                id: n.product,
                x: positions.get(n.product)![0],
                y: positions.get(n.product)![1],
                name: `${n.product} ${n.name}`,
                value: n.worldTradeUsd,
                pci: n.pci,
                category: n.exporterMcp && n.importerMcp ? 0 : n.exporterMcp ? 1 : n.importerMcp ? 2 : 3,
                symbolSize: 3 + 14 * Math.sqrt(n.worldTradeUsd / maxTrade),
              })),
            links: space.edges.map((e) => ({ source: e.source, target: e.target })),
            lineStyle: { color: '#b8c0c8', width: 0.6, opacity: 0.7 },
            emphasis: { focus: 'adjacency' },
          },
        ],
      },
    }),
  );
}
