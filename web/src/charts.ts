/** ECharts, bundled (no CDN), with only the charts and components the views use. */
import { BarChart, GraphChart, LineChart, ScatterChart, TreemapChart } from 'echarts/charts';
import {
  DatasetComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
  DataZoomComponent,
  MarkLineComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { localiseAxes } from './chart-data.ts';
import { formatNumber } from './i18n.ts';

echarts.use([
  BarChart,
  GraphChart,
  LineChart,
  ScatterChart,
  TreemapChart,
  DatasetComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
  DataZoomComponent,
  MarkLineComponent,
  CanvasRenderer,
]);

export type ChartOption = echarts.EChartsCoreOption;
export type Chart = echarts.ECharts;

declare global {
  interface Window {
    /** Milliseconds from navigation start to the first chart drawn (read by the browser test). */
    karavanFirstChartMs?: number;
    /** Charts drawn so far. */
    karavanChartsDrawn?: number;
  }
}

const charts = new Set<echarts.ECharts>();

export const palette = [
  '#2f6f9f',
  '#d9822b',
  '#3d9970',
  '#b3413b',
  '#7a5ea8',
  '#8c6d3f',
  '#c05a94',
  '#6b7b8c',
  '#9aa83a',
  '#2aa6a6',
];

/**
 * Draws `option` in `el` as soon as it has a size (ECharts cannot lay out a graph in a 0 x 0 box);
 * `ready` gets the chart (a view that acts on it, as the product space's search does).
 */
export function chartFor(el: HTMLElement, option: ChartOption, ready?: (chart: Chart) => void): void {
  // Drawn first, then handed over: `ready?.(draw(...))` would skip the draw itself when there is no `ready`.
  const drawAndHand = () => {
    const chart = draw(el, option);
    if (ready) ready(chart);
  };
  if (el.clientWidth > 0 && el.clientHeight > 0) {
    drawAndHand();
    return;
  }
  const observer = new ResizeObserver(() => {
    if (!el.isConnected) observer.disconnect();
    else if (el.clientWidth > 0 && el.clientHeight > 0) {
      observer.disconnect();
      drawAndHand();
    }
  });
  observer.observe(el);
}

function draw(el: HTMLElement, option: ChartOption): echarts.ECharts {
  const chart = echarts.init(el, undefined, { renderer: 'canvas' });
  chart.on('finished', () => {
    window.karavanChartsDrawn = (window.karavanChartsDrawn ?? 0) + 1;
    window.karavanFirstChartMs ??= performance.now();
    el.dataset.drawn = 'true';
  });
  chart.setOption({
    color: palette,
    textStyle: { fontFamily: 'system-ui, "DejaVu Sans", sans-serif' },
    animationDuration: 300,
    // Axis numbers in the page's language (0,5 in Russian), labels that would overlap hidden.
    ...localiseAxes(option as Record<string, unknown>, (value) => formatNumber(value)),
    // A legend stays one line and scrolls: wrapped onto a phone's width it would cover the plot.
    ...(option['legend'] && !Array.isArray(option['legend'])
      ? { legend: { type: 'scroll', ...(option['legend'] as Record<string, unknown>) } }
      : {}),
  });
  charts.add(chart);
  // What the chart shows, on its element: the x axis type and the legend's entries (the browser test
  // reads them, as a canvas cannot be read back).
  const axis = (Array.isArray(option['xAxis']) ? option['xAxis'][0] : option['xAxis']) as { type?: string } | undefined;
  if (axis?.type) el.dataset.xAxis = axis.type;
  const series = (Array.isArray(option['series']) ? option['series'] : []) as Array<{ name?: string; type?: string }>;
  if (option['legend'])
    el.dataset.legend = JSON.stringify(series.map((s) => s.name).filter((name) => name !== undefined));
  el.dataset.chartType = series.map((s) => s.type).join(',');
  return chart;
}

/** Disposes charts whose element left the page, and resizes the others. */
export function tidyCharts(): void {
  for (const chart of charts) {
    const dom = chart.getDom();
    if (!dom.isConnected) {
      chart.dispose();
      charts.delete(chart);
    } else if (dom.clientWidth > 0 && dom.clientHeight > 0) chart.resize();
  }
}

window.addEventListener('resize', () => tidyCharts());
