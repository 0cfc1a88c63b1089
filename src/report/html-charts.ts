/**
 * Server-side chart rendering for the HTML report: ECharts in SSR mode writes an SVG string, no
 * browser or canvas needed. The SVG is made embeddable and deterministic: namespace attributes
 * dropped (inline SVG in HTML does not need them), ECharts' process-wide element ids renamed to
 * ids local to the chart, and a role and label added for screen readers.
 */
import { BarChart, ScatterChart, type BarSeriesOption, type ScatterSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type MarkLineComponentOption,
} from 'echarts/components';
import { init, use, type ComposeOption } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { ReportLang } from './i18n.ts';

use([BarChart, ScatterChart, GridComponent, LegendComponent, MarkLineComponent, SVGRenderer]);

export type ChartOption = ComposeOption<
  BarSeriesOption | ScatterSeriesOption | GridComponentOption | LegendComponentOption | MarkLineComponentOption
>;

export interface ChartSvgOptions {
  width: number;
  height: number;
  /** Prefix of the ids and classes inside this SVG; unique per chart within one page. */
  idPrefix: string;
  /** Text for screen readers (already plain text; escaped here). */
  ariaLabel: string;
  lang: ReportLang;
}

const palette = ['#1f5fa8', '#e8a33d', '#3ba272', '#9a60b4', '#ea7ccc', '#73c0de', '#fc8452'];
/**
 * Arial's metrics (Liberation Sans is metric-compatible): ECharts lays out text without a canvas
 * using a width table for Arial, so legends and labels only fit in a font of that width.
 */
const fontFamily = 'Arial, Helvetica, Liberation Sans, sans-serif';

type Axis = Record<string, unknown> & { type?: string; axisLabel?: Record<string, unknown> };

/** Value axes get locale-aware tick labels (1 234,5 in Russian, 1,234.5 in English). */
function localiseAxes(axes: unknown, lang: ReportLang): unknown {
  const format = new Intl.NumberFormat(lang === 'ru' ? 'ru-RU' : 'en-US', { maximumFractionDigits: 2 });
  const one = (axis: Axis): Axis =>
    axis.type === 'value' && !axis.axisLabel?.['formatter']
      ? { ...axis, axisLabel: { ...axis.axisLabel, formatter: (v: number) => format.format(v) } }
      : axis;
  if (Array.isArray(axes)) return axes.map((axis) => one(axis as Axis));
  return axes === undefined ? axes : one(axes as Axis);
}

const escapeAttribute = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function renderChartSvg(option: ChartOption, options: ChartSvgOptions): string {
  const chart = init(null, null, { renderer: 'svg', ssr: true, width: options.width, height: options.height });
  try {
    chart.setOption({
      animation: false,
      color: palette,
      textStyle: { fontFamily },
      ...option,
      series: (Array.isArray(option.series) ? option.series : option.series ? [option.series] : []).map((series) =>
        series.type === 'bar' ? { barMaxWidth: 56, ...series } : series,
      ),
      xAxis: localiseAxes(option.xAxis, options.lang),
      yAxis: localiseAxes(option.yAxis, options.lang),
    } as ChartOption);
    return embeddableSvg(chart.renderToSVGString(), options.idPrefix, options.ariaLabel);
  } finally {
    chart.dispose();
  }
}

/** Drops namespace declarations, renames zrender's global ids (zr<n>-...) to `prefix-<k>`, labels the SVG. */
export function embeddableSvg(svg: string, idPrefix: string, ariaLabel: string): string {
  const ids = new Map<string, string>();
  const renamed = svg.replace(/\s+xmlns(:xlink)?="[^"]*"/g, '').replace(/\bzr\d+-[A-Za-z0-9_-]+/g, (token) => {
    let local = ids.get(token);
    if (local === undefined) ids.set(token, (local = `${idPrefix}-${ids.size}`));
    return local;
  });
  return renamed.replace(/^<svg\b/, `<svg role="img" aria-label="${escapeAttribute(ariaLabel)}"`);
}
