/**
 * Supply: what the exporter sells competitively (RCA > 1), its world shares and growth, as bars of
 * its largest products coloured by competitiveness, with the ECI rank and the supply table.
 */
import { getJson, withQuery } from '../api.ts';
import { coverageNotice, noRowsNotice, panel } from '../components.ts';
import { h } from '../dom.ts';
import { formatInteger, formatNumber, formatShare, formatUsd, t } from '../i18n.ts';
import { narrowScreen } from '../layout.ts';
import { countryLabel, productLabel, shortName, type ViewContext } from './context.ts';

/** The fields of GET /api/report/supply this view reads (the wire shape, not the core's SupplyResult). */
interface SupplyResult {
  status: string;
  basis: string;
  missing: string | null;
  year: number | null;
  level: number;
  totalExportsUsd: number;
  competitiveProducts: number;
  competitiveShare: number;
  eci: number | null;
  eciRank: number | null;
  rankedCountries: number;
  rows: Array<{
    product: string;
    nameEn: string;
    nameRu: string;
    exportsUsd: number;
    worldShare: number;
    rca: number;
    competitive: boolean;
  }>;
}

export async function renderSupply(ctx: ViewContext): Promise<void> {
  const { main, state } = ctx;
  const query = (level: string) =>
    withQuery('/api/report/supply', {
      exporter: state.from,
      year: state.year || undefined,
      level,
      limit: 200,
      lang: state.lang,
      allCountries: state.extra['all'] === '1' ? 'true' : undefined,
    });
  let url = query(state.level);
  let supply = await getJson<SupplyResult>(url);
  // Without HS6 exports (no BACI release), the exporter's HS4 exports still answer.
  if (supply.rows.length === 0 && state.level === '6') {
    url = query('4');
    supply = await getJson<SupplyResult>(url);
  }
  if (ctx.stale()) return;
  const notice = coverageNotice(supply);
  if (notice) main.append(notice);
  if (supply.rows.length === 0) {
    if (!notice) main.append(noRowsNotice(supply));
    return;
  }
  main.append(
    h(
      'dl',
      { class: 'facts big', dataset: { facts: 'supply' } },
      h('dt', {}, t('totalExports')),
      h('dd', {}, formatUsd(supply.totalExportsUsd)),
      h('dt', {}, t('competitiveProducts')),
      h('dd', {}, `${formatInteger(supply.competitiveProducts)} (${formatShare(supply.competitiveShare)})`),
      h('dt', {}, t('eciRank')),
      h(
        'dd',
        {},
        supply.eciRank === null
          ? '—'
          : `${formatInteger(supply.eciRank)} / ${formatInteger(supply.rankedCountries)} (ECI ${formatNumber(supply.eci)})`,
      ),
    ),
  );
  const narrow = narrowScreen();
  const rows = supply.rows.slice(0, 25);
  const categories = [t('competitive'), t('notCompetitive')];
  const bars = (competitive: boolean) =>
    rows.map((r) => (r.competitive === competitive ? { value: r.exportsUsd, rca: r.rca, share: r.worldShare } : null));
  main.append(
    panel({
      title: `${t('supplyTitle')}: ${countryLabel(ctx, state.from)}, ${supply.year ?? ''} (HS${supply.level})`,
      url,
      tableId: 'supply',
      chartHeight: 60 + rows.length * 24,
      chart: {
        tooltip: {
          trigger: 'item',
          formatter: (p: { name: string; data: { value: number; rca: number; share: number } }) =>
            `${p.name}<br>${t('exports')}: ${formatUsd(p.data.value)}<br>RCA: ${formatNumber(p.data.rca)}<br>${t('worldShare')}: ${formatShare(p.data.share)}`,
        },
        legend: { top: 0, data: categories.filter((_, i) => rows.some((r) => r.competitive === (i === 0))) },
        grid: { left: 10, right: 20, top: 30, bottom: 20, containLabel: true },
        xAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatUsd(v), hideOverlap: true } },
        yAxis: {
          type: 'category',
          inverse: true,
          data: rows.map((r) => shortName(productLabel(r), narrow ? 18 : 48)),
        },
        series: [
          { name: categories[0], type: 'bar', stack: 'x', data: bars(true), itemStyle: { color: '#2f6f9f' } },
          { name: categories[1], type: 'bar', stack: 'x', data: bars(false), itemStyle: { color: '#b8c0c8' } },
        ].filter((s) => s.data.some((d) => d !== null)),
      },
    }),
  );
}
