/** Overview: the pair's turnover trend (or the official figures), and the target planner. */
import type { TargetPlan, TurnoverResult } from '../api-types.ts';
import { getJson, withQuery } from '../api.ts';
import { seriesWithData, yearAxis, yearPoints } from '../chart-data.ts';
import { coverageNotice, panel } from '../components.ts';
import { h } from '../dom.ts';
import { formatShare, formatUsd, t } from '../i18n.ts';
import { navigate, replaceExtra } from '../state.ts';
import { countryLabel, type ViewContext } from './context.ts';

interface TurnoverAnswer {
  turnover: TurnoverResult;
  target: (TargetPlan & { example: boolean; basis: string }) | null;
  status: string;
  basis: string;
  missing: string | null;
}

const usdAxis = { type: 'value', axisLabel: { formatter: (v: number) => formatUsd(v) } };

export async function renderOverview(ctx: ViewContext): Promise<void> {
  const { state, main } = ctx;
  const targetUsd = state.extra['targetUsd'];
  const targetYear = state.extra['targetYear'];
  const url = withQuery('/api/report/turnover', {
    exporter: state.from,
    importer: state.to,
    targetUsd,
    targetYear,
    lang: state.lang,
  });
  const answer = await getJson<TurnoverAnswer>(url);
  if (ctx.stale()) return;
  const { turnover, target } = answer;
  const notice = coverageNotice(answer);
  if (notice) main.append(notice);
  const title = `${t('turnoverTitle')}: ${countryLabel(ctx, state.from)} ⇄ ${countryLabel(ctx, state.to)}`;
  const reconciled = turnover.rows.filter((r) => r.reporter === null);
  const rows = reconciled.length > 0 ? reconciled : turnover.rows;
  // Years as values on the x axis, so a year without data shows as a gap; a series with no value at all
  // (the reverse flow a BACI slice cannot tell) is left out, and with it its legend entry.
  const tooltip = {
    trigger: 'axis',
    axisPointer: { type: 'line' },
    valueFormatter: (v: number) => formatUsd(v),
  };
  if (rows.length > 0) {
    const series = seriesWithData([
      {
        name: t('exports'),
        type: 'line',
        data: yearPoints(
          rows,
          (r) => r.year,
          (r) => r.exportsUsd,
        ),
      },
      {
        name: t('imports'),
        type: 'line',
        data: yearPoints(
          rows,
          (r) => r.year,
          (r) => r.importsUsd,
        ),
      },
      {
        name: t('turnover'),
        type: 'line',
        data: yearPoints(
          rows,
          (r) => r.year,
          (r) => r.turnoverUsd,
        ),
        lineStyle: { width: 3 },
      },
    ]);
    const missing = [
      rows.every((r) => r.exportsUsd === null) ? t('exports') : null,
      rows.every((r) => r.importsUsd === null) ? t('imports') : null,
    ].filter((x): x is string => x !== null);
    const card = panel({
      title,
      url,
      tableId: 'turnover',
      chart: {
        tooltip,
        legend: { top: 0, type: 'scroll' },
        grid: { left: 10, right: 20, top: 40, bottom: 30, containLabel: true },
        xAxis: yearAxis(rows.map((r) => r.year)),
        yAxis: usdAxis,
        // One year is a bar each, not a lone dot on a line.
        series: series.map((s) =>
          rows.length > 1 ? { ...s, showSymbol: true, symbolSize: 7 } : { ...s, type: 'bar', barMaxWidth: 40 },
        ),
      },
    });
    // Say which direction the data cannot tell, instead of drawing it as nothing.
    if (missing.length > 0)
      card
        .querySelector('.panel-body')!
        .prepend(
          h(
            'p',
            { class: 'muted', dataset: { unknown: missing.join(',') } },
            `${t('directionNotInData')}: ${missing.join(', ')}.`,
          ),
        );
    main.append(card);
  } else if (turnover.official.length > 0) {
    const yearly = turnover.official.filter((o) => o.period === 'year');
    // One series per measure; whose figure it is (the reporting side) in its legend entry.
    const measures = [...new Set(yearly.map((o) => o.measure))];
    main.append(
      panel({
        title: `${title} — ${t('officialFigures')}`,
        url,
        tableId: 'official',
        chart: {
          tooltip,
          legend: { top: 0, type: 'scroll' },
          grid: { left: 10, right: 20, top: 40, bottom: 30, containLabel: true },
          xAxis: yearAxis(yearly.map((o) => o.year)),
          yAxis: usdAxis,
          series: seriesWithData(
            measures.map((m) => {
              const figures = yearly.filter((o) => o.measure === m);
              // The API sends each figure's words in the asked language (words.measure, words.side).
              const sides = [...new Set(figures.map((o) => o.words.side))].join(', ');
              return {
                name: `${figures[0]!.words.measure} (${sides})`,
                type: 'bar',
                barMaxWidth: 24,
                data: yearPoints(
                  figures,
                  (o) => o.year,
                  (o) => o.valueUsd,
                ),
              };
            }),
          ),
        },
      }),
    );
  }
  // Target planner: needs a latest turnover to start from.
  if (!turnover.latest) {
    replaceExtra({});
    return;
  }
  const latestYear = turnover.latest.year;
  const form = h(
    'form',
    {
      class: 'planner',
      onsubmit: (e: Event) => {
        e.preventDefault();
        const data = new FormData(e.target as HTMLFormElement);
        const millions = Number(data.get('targetUsd'));
        const year = String(data.get('targetYear'));
        navigate({ extra: { targetUsd: String(Math.round(millions * 1e6)), targetYear: year } });
      },
    },
    h(
      'label',
      { class: 'field' },
      h('span', {}, t('targetUsd')),
      h('input', {
        name: 'targetUsd',
        type: 'number',
        min: '0.001',
        step: 'any',
        required: true,
        value: target ? String(target.targetUsd / 1e6) : '',
      }),
    ),
    h(
      'label',
      { class: 'field' },
      h('span', {}, t('targetYear')),
      h('input', {
        name: 'targetYear',
        type: 'number',
        min: String(latestYear + 1),
        max: '2100',
        step: '1',
        required: true,
        value: target ? String(target.targetYear) : '',
      }),
    ),
    h('button', { type: 'submit' }, t('plan')),
  );
  const planner = h(
    'section',
    { class: 'panel' },
    h('header', {}, h('h2', {}, t('targetPlanner'))),
    h('div', { class: 'panel-body' }, form),
  );
  main.append(planner);
  if (target) {
    planner
      .querySelector('.panel-body')!
      .append(
        target.example ? h('p', { class: 'muted' }, t('exampleTarget')) : '',
        h(
          'dl',
          { class: 'facts' },
          h('dt', {}, t('requiredCagr')),
          h('dd', {}, formatShare(target.requiredCagr)),
          h('dt', {}, t('gap')),
          h('dd', {}, formatUsd(target.gapUsd)),
          target.potentialCoverage !== null
            ? [h('dt', {}, t('potentialCoverage')), h('dd', {}, formatShare(target.potentialCoverage))]
            : null,
          h('dt', {}, t('basis')),
          h('dd', {}, target.basis),
        ),
      );
    main.append(
      panel({
        title: `${t('path')}: ${formatUsd(target.currentUsd)} (${target.baseYear}) → ${formatUsd(target.targetUsd)} (${target.targetYear})`,
        url,
        tableId: 'targetPath',
        chartHeight: 280,
        chart: {
          tooltip,
          grid: { left: 10, right: 20, top: 20, bottom: 30, containLabel: true },
          xAxis: yearAxis(target.path.map((p) => p.year)),
          yAxis: usdAxis,
          series: [
            {
              name: t('path'),
              type: 'line',
              data: yearPoints(
                target.path,
                (p) => p.year,
                (p) => p.valueUsd,
              ),
              areaStyle: { opacity: 0.15 },
            },
          ],
        },
      }),
    );
  }
  replaceExtra({});
}
