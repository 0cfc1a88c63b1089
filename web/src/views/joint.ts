/** Joint production: products the pair could make together, scored by demand, density, COG and PCI. */
import type { JointProductionResult } from '../api-types.ts';
import { getJson, withQuery } from '../api.ts';
import { coverageNotice, noRowsNotice, panel } from '../components.ts';
import { formatNumber, lang, t } from '../i18n.ts';
import { narrowScreen } from '../layout.ts';
import { pairQuery, productLabel, shortName, type ViewContext } from './context.ts';

export async function renderJoint(ctx: ViewContext): Promise<void> {
  const { main } = ctx;
  const url = withQuery('/api/report/joint-production', pairQuery(ctx, { level: undefined, limit: 30 }));
  const joint = await getJson<JointProductionResult>(url);
  if (ctx.stale()) return;
  const notice = coverageNotice(joint);
  if (notice) main.append(notice);
  if (joint.rows.length === 0) {
    if (!notice) main.append(noRowsNotice(joint));
    return;
  }
  const rows = joint.rows.slice(0, 20);
  const parts = ['demand', 'density', 'cog', 'pci'] as const;
  const names: Record<(typeof parts)[number], string> = {
    demand: lang() === 'ru' ? 'Спрос' : 'Demand',
    density: t('density'),
    cog: 'COG',
    pci: 'PCI',
  };
  main.append(
    panel({
      title: `${t('jointTitle')}, ${joint.year ?? ''} (HS${joint.level})`,
      url,
      tableId: 'joint',
      chartHeight: 40 + rows.length * 26,
      chart: {
        tooltip: {
          trigger: 'axis',
          axisPointer: { type: 'shadow' },
          valueFormatter: (v: number) => formatNumber(v, 3),
        },
        legend: { top: 0 },
        grid: { left: 10, right: 50, top: 30, bottom: 20, containLabel: true },
        xAxis: { type: 'value', name: t('score') },
        yAxis: {
          type: 'category',
          inverse: true,
          data: rows.map((r) => shortName(productLabel(r), narrowScreen() ? 18 : 45)),
        },
        series: [
          ...parts.map((part) => ({
            name: names[part],
            type: 'bar',
            stack: 'score',
            data: rows.map((r) => r.parts[part]),
          })),
          // The total score as a mark: parts are z-scores and may be negative, so the stack's end is not the total.
          {
            name: t('total'),
            type: 'scatter',
            symbol: 'diamond',
            symbolSize: 11,
            itemStyle: { color: '#1f2a33' },
            label: {
              show: true,
              position: 'right',
              formatter: (p: { value: number }) => formatNumber(p.value, 2),
            },
            data: rows.map((r) => r.score),
          },
        ],
      },
    }),
  );
}
