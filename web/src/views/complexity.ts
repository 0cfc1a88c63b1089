/**
 * Complexity: countries ranked by the Economic Complexity Index (Atlas filter by default), the
 * pair's two countries marked, and the whole ranking as a table.
 */
import { getJson, withQuery } from '../api.ts';
import { coverageNotice, countryFilterNote, noRowsNotice, panel } from '../components.ts';
import { h } from '../dom.ts';
import { formatInteger, formatNumber, t } from '../i18n.ts';
import { narrowScreen } from '../layout.ts';
import { countryLabel, shortName, type ViewContext } from './context.ts';

interface CountriesAnswer {
  status: string;
  basis: string;
  missing: string | null;
  year: number | null;
  level: number;
  countries: { filter: 'atlas' | 'all'; ranked: number; leftOut: number } | null;
  rows: Array<{
    iso3: string;
    name: string;
    eci: number | null;
    diversity: number;
    coi: number | null;
    exportsUsd: number;
  }>;
}

/** How many of the top countries the chart shows (the table holds all). */
const shown = 30;

export async function renderComplexity(ctx: ViewContext): Promise<void> {
  const { main, state } = ctx;
  const url = withQuery('/api/complexity/countries', {
    year: state.year || undefined,
    level: 4,
    lang: state.lang,
    allCountries: state.extra['all'] === '1' ? 'true' : undefined,
  });
  const answer = await getJson<CountriesAnswer>(url);
  if (ctx.stale()) return;
  const notice = coverageNotice(answer);
  if (notice) main.append(notice);
  if (answer.rows.length === 0) {
    if (!notice) main.append(noRowsNotice(answer));
    return;
  }
  if (answer.countries) main.append(countryFilterNote(state, answer.countries));
  const ranked = answer.rows.filter((r) => r.eci !== null);
  const place = (iso3: string) => {
    const i = ranked.findIndex((r) => r.iso3 === iso3);
    return i === -1 ? t('notRanked') : `${formatInteger(i + 1)} / ${formatInteger(ranked.length)}`;
  };
  main.append(
    h(
      'dl',
      { class: 'facts big', dataset: { facts: 'complexity' } },
      h('dt', {}, countryLabel(ctx, state.from)),
      h('dd', { dataset: { place: state.from } }, place(state.from)),
      h('dt', {}, countryLabel(ctx, state.to)),
      h('dd', { dataset: { place: state.to } }, place(state.to)),
    ),
  );
  // The top of the ranking, and the pair's countries wherever they stand.
  const top = ranked.filter((r, i) => i < shown || r.iso3 === state.from || r.iso3 === state.to);
  const narrow = narrowScreen();
  main.append(
    panel({
      title: `${t('complexityTitle')}, ${answer.year ?? ''} (HS${answer.level})`,
      url,
      tableId: 'countries',
      chartHeight: 60 + top.length * 20,
      chart: {
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => formatNumber(v) },
        grid: { left: 10, right: 30, top: 10, bottom: 30, containLabel: true },
        xAxis: { type: 'value', name: 'ECI', axisLabel: { formatter: (v: number) => formatNumber(v, 1) } },
        yAxis: {
          type: 'category',
          inverse: true,
          data: top.map((r) => `${ranked.indexOf(r) + 1}. ${shortName(r.name, narrow ? 14 : 32)}`),
        },
        series: [
          {
            type: 'bar',
            name: 'ECI',
            data: top.map((r) => ({
              value: r.eci,
              itemStyle: {
                color: r.iso3 === state.from ? '#d9822b' : r.iso3 === state.to ? '#3d9970' : '#2f6f9f',
              },
            })),
          },
        ],
      },
    }),
  );
}
