/**
 * Regions: Kazakhstan's oblasts with the combines their wheat area needs (the machinery planner)
 * against those at work, the coverage of the figures said in words, and Belarus's regions with
 * their machinery makers; every figure's source is in the tables (GET /api/regions).
 */
import { getJson, withQuery } from '../api.ts';
import { panel } from '../components.ts';
import { h } from '../dom.ts';
import { formatInteger, t } from '../i18n.ts';
import type { ViewContext } from './context.ts';

interface RegionsAnswer {
  kazakhstan: {
    notes: string[];
    oblasts: Array<{
      id: string;
      nameEn: string;
      nameRu: string;
      fleet: { combinesNeeded: number; combinesWorking: { value: number } | null } | null;
    }>;
  };
}

export async function renderRegions(ctx: ViewContext): Promise<void> {
  const { main, state } = ctx;
  const url = withQuery('/api/regions', { country: 'KAZ', lang: state.lang });
  const answer = await getJson<RegionsAnswer>(url);
  if (ctx.stale()) return;
  // How much of the country the figures cover, as the core says it.
  main.append(
    h(
      'div',
      { class: 'notice', dataset: { coverage: 'regions' } },
      ...answer.kazakhstan.notes.map((n) => h('p', {}, n)),
    ),
  );
  const withFleet = answer.kazakhstan.oblasts.filter((o) => o.fleet !== null);
  const name = (o: { nameEn: string; nameRu: string }) => (state.lang === 'ru' ? o.nameRu : o.nameEn);
  main.append(
    panel({
      title: t('regionsOblasts'),
      url,
      tableId: 'oblasts',
      chartHeight: 80 + withFleet.length * 50,
      chart: {
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => formatInteger(v) },
        legend: { top: 0 },
        grid: { left: 10, right: 30, top: 30, bottom: 30, containLabel: true },
        xAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatInteger(v) } },
        yAxis: { type: 'category', inverse: true, data: withFleet.map(name) },
        series: [
          { type: 'bar', name: t('regionsNeeded'), data: withFleet.map((o) => o.fleet!.combinesNeeded) },
          {
            type: 'bar',
            name: t('regionsWorking'),
            data: withFleet.map((o) => o.fleet!.combinesWorking?.value ?? null),
          },
        ],
      },
    }),
  );
  // Each answer numbers its own sources: the list under each table.
  const sources = (answerUrl: string, panelId: string) =>
    panel({ title: t('regionsSources'), url: answerUrl, tableId: 'sources', panelId, chart: null, tableFirst: true });
  main.append(sources(url, 'oblastSources'));
  const makersUrl = withQuery('/api/regions', { country: 'BLR', lang: state.lang });
  main.append(
    panel({
      title: t('regionsMakers'),
      url: makersUrl,
      tableId: 'regions',
      panelId: 'makers',
      chart: null,
      tableFirst: true,
    }),
    sources(makersUrl, 'makerSources'),
  );
}
