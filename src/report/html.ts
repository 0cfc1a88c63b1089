/**
 * The pair report as one self-contained HTML file: inline CSS, charts rendered server-side to
 * SVG with ECharts (no script, font or stylesheet is loaded from anywhere), every text escaped.
 * Sections, labels and number formats are the Markdown report's (src/report/markdown.ts).
 */
import type { ReportModel } from '../analysis/index.ts';
import { renderChartSvg, type ChartOption } from './html-charts.ts';
import { basketBlocks, indent } from './basket-lines.ts';
import { formatters, labels, type ReportLang } from './i18n.ts';
import { formatMessage, hasBasis, statusText, type Message } from '../messages/index.ts';
import { coverageMessage } from '../analysis/index.ts';
import { oblastFleetTable } from './region-tables.ts';
import { machineryDemandTable } from './section-tables.ts';
import { isNumericColumn, tableCells, withoutColumn } from './table-render.ts';
import type { ResultTable } from './table-model.ts';

/** Escapes text for HTML content and double- or single-quoted attribute values. */
export function escapeHtml(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;',
  );
}

/** A table cell: text (escaped here) or markup that is already safe. */
type Cell = string | number | { html: string };
interface Column {
  label: string;
  /** Right-aligned (numbers). */
  num?: boolean;
}

const shortName = (text: string, max: number) => (text.length > max ? text.slice(0, max - 1) + '…' : text);
const cellHtml = (c: Cell) => (typeof c === 'object' ? c.html : escapeHtml(c));

function table(columns: Column[], rows: Cell[][]): string {
  if (rows.length === 0) return '';
  const cls = (c: Column) => (c.num ? ' class="num"' : '');
  const head = columns.map((c) => `<th scope="col"${cls(c)}>${escapeHtml(c.label)}</th>`).join('');
  const body = rows
    .map((r) => `<tr>${r.map((v, i) => `<td${cls(columns[i] ?? { label: '' })}>${cellHtml(v)}</td>`).join('')}</tr>`)
    .join('\n');
  return `<div class="table-wrap"><table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table></div>\n`;
}

/**
 * A small line of a product's values by year (the series of needs and supply): x is the year as a
 * value, so a year the store lacks leaves a gap in the spacing, and each year is a dot, so a lone
 * year still shows. The title lists the figures (USD m) for screen readers and hovering.
 */
function sparkline(series: Array<{ year: number; valueUsd: number }>, format: (usd: number) => string): Cell {
  if (series.length === 0) return '';
  const width = 96;
  const height = 22;
  const pad = 3;
  const years = series.map((p) => p.year);
  const first = Math.min(...years);
  const span = Math.max(1, Math.max(...years) - first);
  const top = Math.max(...series.map((p) => p.valueUsd), 0);
  const x = (year: number) => pad + ((year - first) / span) * (width - 2 * pad);
  const y = (usd: number) => height - pad - (top > 0 ? (usd / top) * (height - 2 * pad) : 0);
  const points = series.map((p) => `${x(p.year).toFixed(1)},${y(p.valueUsd).toFixed(1)}`);
  const title = series.map((p) => `${p.year}: ${format(p.valueUsd)}`).join('; ');
  const dots = series
    .map((p) => `<circle cx="${x(p.year).toFixed(1)}" cy="${y(p.valueUsd).toFixed(1)}" r="1.6"/>`)
    .join('');
  return {
    html:
      `<svg class="spark" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(title)}">` +
      `<title>${escapeHtml(title)}</title><polyline points="${points.join(' ')}" fill="none" stroke="#0969da" stroke-width="1.2"/>` +
      `<g fill="#0969da">${dots}</g></svg>`,
  };
}

/** A link only for http(s) addresses; anything else is shown as text. */
function link(url: string): { html: string } {
  return /^https?:\/\/[^\s"'<>]+$/i.test(url)
    ? { html: `<a href="${escapeHtml(url)}" rel="noopener noreferrer">${escapeHtml(url)}</a>` }
    : { html: escapeHtml(url) };
}

/** Text with its http(s) addresses turned into links; everything else escaped. */
function textWithLinks(text: string): string {
  return text
    .split(/(https?:\/\/[^\s"'<>]*[^\s"'<>.,;:)])/i)
    .map((part, i) => (i % 2 === 1 ? link(part).html : escapeHtml(part)))
    .join('');
}

const knownStatuses = new Set(['computed', 'partial', 'missing', 'official-only']);

function badge(lang: ReportLang, status: string, section: string): { html: string } {
  const cls = knownStatuses.has(status) ? status : 'other';
  return { html: `<span class="badge badge-${cls}">${escapeHtml(statusText(lang, status, section))}</span>` };
}

const css = `
:root{--ink:#1f2328;--muted:#59636e;--line:#d1d9e0;--bg:#fff;--soft:#f6f8fa;--accent:#1f5fa8}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
main{max-width:1100px;margin:0 auto;padding:24px 20px 64px}
h1{font-size:1.7em;margin:0 0 4px}
h2{font-size:1.3em;margin:40px 0 8px;padding-top:8px;border-top:2px solid var(--line);display:flex;gap:12px;align-items:center;flex-wrap:wrap}
h3{font-size:1.05em;margin:20px 0 6px}
.meta,.basis,figcaption,.note{color:var(--muted)}
.meta{margin:0 0 16px}
nav ul{columns:2;margin:0;padding-left:20px;list-style:none}
nav a,a{color:var(--accent)}
.badge{display:inline-block;font-size:12px;font-weight:600;line-height:1;padding:5px 9px;border-radius:999px;border:1px solid;white-space:nowrap}
.badge-computed{background:#dafbe1;color:#116329;border-color:#8ddb9e}
.badge-partial,.badge-official-only{background:#fff8c5;color:#7d4e00;border-color:#e7c961}
.badge-missing{background:#ffebe9;color:#a40e26;border-color:#f5a8a8}
.badge-other{background:var(--soft);color:var(--muted);border-color:var(--line)}
.missing{margin:12px 0;padding:12px 16px;border-radius:6px;border-left:6px solid}
.missing strong{display:block;margin-bottom:4px}
.missing-missing{background:#ffebe9;border-color:#cf222e;font-size:1.05em}
.missing-partial{background:#fff8c5;border-color:#bf8700}
.summary{font-weight:600}
figure{margin:16px 0 8px}
figure svg{max-width:100%;height:auto;display:block}
figcaption{font-size:.95em;margin-bottom:4px}
.table-wrap{overflow-x:auto;margin:8px 0 16px}
.spark{vertical-align:middle}
table{border-collapse:collapse;width:100%;font-size:13.5px}
th,td{padding:5px 8px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
th{background:var(--soft);font-weight:600}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
td.num{white-space:nowrap}
tbody tr:nth-child(even){background:#fbfcfd}
td a{word-break:break-all}
@media print{main{max-width:none;padding:0}h2{break-after:avoid}figure,tr{break-inside:avoid}.table-wrap{overflow:visible}}
`;

export async function renderHtml(report: ReportModel, lang: ReportLang): Promise<string> {
  const L = labels[lang];
  const f = formatters(lang);
  const a = report.exporter.iso3;
  const b = report.importer.iso3;
  const country = (c: { nameEn: string; nameRu: string }) => (lang === 'ru' ? c.nameRu : c.nameEn);
  const name = (r: { nameEn: string; nameRu: string }) => (lang === 'ru' ? r.nameRu : r.nameEn);
  const usdM = (usd: number | null | undefined) =>
    usd === null || usd === undefined || !Number.isFinite(usd) ? null : usd / 1e6;
  /** The analysis writes basis and missing notes in English; Russian reports get them translated. */
  const tr = (message: Message) => formatMessage(message, lang);
  const out: string[] = [];
  let chartCount = 0;
  const chart = (caption: string, option: ChartOption, width = 1000, height = 380): void => {
    const svg = renderChartSvg(option, { width, height, idPrefix: `c${chartCount++}`, ariaLabel: caption, lang });
    out.push(`<figure>\n<figcaption>${escapeHtml(caption)}</figcaption>\n${svg}\n</figure>`);
  };
  const sectionHead = (id: string, title: string, status: string) =>
    out.push(`<section id="${id}">`, `<h2>${escapeHtml(title)} ${badge(lang, status, id).html}</h2>`);
  /** Status line, and the missing-data box: prominent when the section is not computed. */
  const meta = (s: { status: string; basis: Message; missing: Message | null }) => {
    if (hasBasis(s.basis)) out.push(`<p class="basis">${escapeHtml(L.basis)}: ${textWithLinks(tr(s.basis))}.</p>`);
    if (s.missing) {
      const level = s.status === 'missing' ? 'missing' : 'partial';
      out.push(
        `<div class="missing missing-${level}" role="note"><strong>${escapeHtml(L.missing)}:</strong>${textWithLinks(tr(s.missing))}</div>`,
      );
    }
  };
  /** A table of the report model (section-tables.ts), its cells by column kind; a missing value shows a dash. */
  const modelTable = (model: ResultTable) => {
    const { rows } = tableCells(model, lang, L.none);
    return table(
      model.columns.map((c) => ({ label: c[lang], num: isNumericColumn(c) })),
      rows,
    );
  };
  /** A computed section whose table came out empty says so instead of showing nothing. */
  const noRows = () => out.push(`<p class="note">${escapeHtml(L.noRows)}</p>`);
  const sectionEnd = () => out.push('</section>');
  /** [year, value] points of the years that have a value, for a chart whose year axis is a value axis. */
  const yearPoints = (years: number[], value: (year: number) => number | null | undefined): Array<[number, number]> =>
    years.flatMap((y) => {
      const v = value(y);
      return v === null || v === undefined || !Number.isFinite(v) ? [] : [[y, v] as [number, number]];
    });
  /** Category axis of horizontal bars: code and a short name. */
  const productAxis = (rows: Array<{ product: string; nameEn: string; nameRu: string }>) => ({
    type: 'category' as const,
    data: rows.map((r) => (name(r) === r.product ? r.product : `${r.product} ${shortName(name(r), 34)}`)),
  });

  const title = L.title(country(report.exporter), country(report.importer));
  out.push(
    `<!DOCTYPE html>\n<html lang="${lang}">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">`,
  );
  out.push(`<title>${escapeHtml(title)}</title>\n<style>${css}</style>\n</head>\n<body>\n<main>`);
  out.push(`<header>\n<h1>${escapeHtml(title)}</h1>`);
  out.push(`<p class="meta">${escapeHtml(L.generated)}: ${escapeHtml(f.date(report.generatedAt))}</p>\n</header>`);

  const toc: Array<[string, string]> = [
    ['coverage', L.coverage],
    ['turnover', L.sectionNames['turnover']!],
    ['basket', L.sectionNames['basket']!],
    ['needs', L.sectionNames['needs']!],
    ['supply', L.sectionNames['supply']!],
    ['potential', L.sectionNames['potential']!],
    ['rivals', L.sectionNames['rivals']!],
    ['joint-production', L.sectionNames['jointProduction']!],
    ['surplus', L.sectionNames['surplus']!],
    ['machinery', L.sectionNames['machinery']!],
    ['data', L.sectionNames['data']!],
  ];
  out.push(
    `<nav aria-label="${escapeHtml(L.contents)}"><ul>${toc.map(([id, t]) => `<li><a href="#${id}">${escapeHtml(t)}</a></li>`).join('')}</ul></nav>`,
  );

  // Coverage
  out.push(`<section id="coverage">`, `<h2>${escapeHtml(L.coverage)}</h2>`);
  out.push(
    table(
      [{ label: L.section }, { label: L.status }, { label: L.basis }, { label: L.missing }],
      report.coverage.sections.map((s) => [
        L.sectionNames[s.section] ?? s.section,
        badge(lang, s.status, s.section),
        tr(s.basis),
        s.missing ? tr(s.missing) : L.none,
      ]),
    ),
  );
  sectionEnd();

  // 1. Turnover: statistics by source, with the officially stated totals as their own series.
  const t = report.turnover;
  const turnoverCoverage = report.coverage.sections.find((s) => s.section === 'turnover')!;
  sectionHead('turnover', L.sectionNames['turnover']!, t.status);
  meta({
    status: t.status,
    basis: turnoverCoverage.basis,
    missing: turnoverCoverage.missing,
  });
  const officialTurnover = t.official.filter((o) => o.period === 'year' && /^turnover\b/i.test(o.measure));
  const years = [...new Set([...t.rows.map((r) => r.year), ...officialTurnover.map((o) => o.year)])].sort(
    (x, y) => x - y,
  );
  if (years.length > 0) {
    const keys = [...new Set(t.rows.map((r) => (r.reporter ? `${r.source} (${r.reporter})` : r.source)))];
    const sides = [...new Set(officialTurnover.map((o) => o.reporterSide))];
    chart(L.chartTurnover(a, b), {
      legend: { top: 0 },
      grid: { top: 48, left: 64, right: 24, bottom: 32 },
      // Years as values, not categories: a year without figures stays an empty gap (2019-2020 of the official totals).
      xAxis: {
        type: 'value',
        min: years[0]! - 1,
        max: years.at(-1)! + 1,
        interval: 1,
        splitLine: { show: false },
        axisLabel: { formatter: (v: number) => (Number.isInteger(v) ? String(v) : '') },
      },
      yAxis: { type: 'value', name: L.valueUsdM, axisLabel: { formatter: (v: number) => f.whole(v) } },
      series: [
        ...keys.map((key) => ({
          type: 'bar' as const,
          name: L.chartStats(key),
          barMaxWidth: 28,
          data: yearPoints(years, (y) =>
            usdM(
              t.rows.find((r) => r.year === y && (r.reporter ? `${r.source} (${r.reporter})` : r.source) === key)
                ?.turnoverUsd,
            ),
          ),
        })),
        // The officially stated figures as one series (a year has one side's figure here), each bar in its side's
        // grey, the sides named in the legend: one slot per year on the value axis, not one per side.
        ...(sides.length > 0
          ? [
              {
                type: 'bar' as const,
                name: L.chartOfficial(
                  sides.map((side) => tr(officialTurnover.find((o) => o.reporterSide === side)!.words.side)).join(', '),
                ),
                itemStyle: {
                  color: '#8c959f',
                  borderColor: '#57606a',
                  borderType: 'dashed' as const,
                  borderWidth: 1,
                },
                label: {
                  show: true,
                  position: 'top' as const,
                  fontSize: 10,
                  formatter: (x: { value: unknown }) => f.usdM(Number((x.value as [number, number])[1]) * 1e6),
                },
                barMaxWidth: 28,
                data: officialTurnover
                  .filter((o) => years.includes(o.year))
                  .map((o) => ({
                    value: [o.year, usdM(o.valueUsd)!] as [number, number],
                    itemStyle: { color: sides.indexOf(o.reporterSide) === 0 ? '#8c959f' : '#afb8c1' },
                  })),
              },
            ]
          : []),
      ],
    });
  }
  if (t.rows.length > 0) {
    out.push(
      table(
        [
          { label: L.year, num: true },
          { label: L.source },
          { label: L.exports(a, b), num: true },
          { label: L.exports(b, a), num: true },
          { label: L.turnoverCol, num: true },
          { label: L.growth, num: true },
          { label: L.shareExp(a), num: true },
          { label: L.shareImp(b), num: true },
        ],
        t.rows.map((r) => [
          r.year,
          r.reporter ? `${r.source} (${r.reporter})` : r.source,
          f.usdM(r.exportsUsd),
          f.usdM(r.importsUsd),
          f.usdM(r.turnoverUsd),
          f.pct(r.growth),
          f.pct(r.shareOfExporterExports),
          f.pct(r.shareOfImporterImports),
        ]),
      ),
    );
  }
  if (t.official.length > 0) {
    out.push(`<h3>${escapeHtml(L.official)}</h3>`);
    out.push(
      table(
        [
          { label: L.year },
          { label: L.measure },
          { label: L.reporterSide },
          { label: L.valueUsdM, num: true },
          { label: L.note },
          { label: L.link },
        ],
        t.official.map((o) => [
          tr(o.words.period),
          tr(o.words.measure),
          tr(o.words.side),
          f.usdM(o.valueUsd),
          o.words.note ? tr(o.words.note) : L.none,
          link(o.sourceUrl),
        ]),
      ),
    );
  }
  if (report.target) {
    const p = report.target;
    out.push(`<h3>${escapeHtml(L.target)}</h3>`);
    if (p.example) out.push(`<p class="note"><em>${escapeHtml(L.targetExample)}</em></p>`);
    out.push(
      `<p class="summary">${escapeHtml(L.targetLine(f.usdM(p.currentUsd), p.baseYear, f.usdM(p.targetUsd), p.targetYear, f.pct(p.requiredCagr)))}</p>`,
    );
    out.push(`<p class="basis">${escapeHtml(L.basis)}: ${textWithLinks(tr(p.basis))}</p>`);
    if (p.potentialCoverage !== null) out.push(`<p>${escapeHtml(L.targetCover(f.pct(p.potentialCoverage)))}</p>`);
    if (p.coveringGroups.length > 0) {
      out.push(`<h3>${escapeHtml(L.coveringGroups)}</h3>`);
      out.push(
        table(
          [{ label: L.group }, { label: L.untappedUsdM, num: true }, { label: L.cumulativeUsdM, num: true }],
          p.coveringGroups.map((g) => [g.name, f.usdM(g.untappedUsd), f.usdM(g.cumulativeUsd)]),
        ),
      );
    }
  }
  sectionEnd();

  // 2. The pair's trade basket: each direction as a tree of HS sections, chapters, headings and products.
  const k = report.basket;
  sectionHead('basket', L.sectionNames['basket']!, k.status);
  meta(k);
  for (const block of basketBlocks(k, lang)) {
    out.push(`<h3>${escapeHtml(block.title)}</h3>`);
    if (block.lines.length === 0) continue;
    out.push(
      table(
        [
          { label: L.product },
          { label: L.name },
          { label: L.usdK, num: true },
          { label: L.basketShare(block.buyer), num: true },
          { label: L.cagr, num: true },
          { label: L.trend },
          ...(block.mirror
            ? [
                { label: L.basketBySeller(block.seller), num: true },
                { label: L.basketByBuyer(block.buyer), num: true },
              ]
            : []),
          { label: L.basketProducts, num: true },
        ],
        block.lines.map((line) => {
          const strong = (text: string): Cell =>
            line.kind === 'section' ? { html: `<strong>${escapeHtml(text)}</strong>` } : text;
          return [
            strong(indent(line) + line.code),
            strong(name(line)),
            strong(f.usdK(line.valueUsd)),
            line.row ? f.pct(line.row.shareOfBuyerImports) : '',
            line.row ? f.pct(line.row.growth) : '',
            line.row ? sparkline(line.row.series, f.usdM) : '',
            ...(block.mirror
              ? [
                  line.row ? f.usdK(line.row.reportedBySellerUsd) : '',
                  line.row ? f.usdK(line.row.reportedByBuyerUsd) : '',
                ]
              : []),
            line.products === null ? '' : line.products,
          ];
        }),
      ),
    );
    if (block.note) out.push(`<p class="note">${escapeHtml(block.note)}</p>`);
  }
  sectionEnd();

  // 3. Needs: the importer's imports by product with the exporter's part, or world trade as a stand-in.
  const n = report.needs;
  sectionHead('needs', L.sectionNames['needs']!, n.status);
  meta(n);
  if (n.rows.length > 0) {
    const top = n.rows.slice(0, 15).reverse();
    chart(
      L.chartNeeds(b, a),
      {
        legend: { top: 0 },
        grid: { top: 36, left: 280, right: 40, bottom: 28 },
        xAxis: { type: 'value', name: L.valueUsdM },
        yAxis: productAxis(top),
        series: [
          { type: 'bar', stack: 'imports', name: L.chartFrom(a), data: top.map((r) => usdM(r.exporterUsd)) },
          {
            type: 'bar',
            stack: 'imports',
            name: L.chartOthers,
            // Without the exporter's part (a world total names no supplier) the whole import is others'.
            data: top.map((r) => usdM(r.importsUsd - (r.exporterUsd ?? 0))),
          },
        ],
      },
      1000,
      80 + top.length * 24,
    );
    out.push(
      table(
        [
          { label: L.product },
          { label: L.name },
          { label: L.importsUsdM, num: true },
          { label: L.cagr, num: true },
          { label: L.trend },
          { label: L.topSuppliers },
          { label: L.hhi, num: true },
          { label: L.exporterShare(a), num: true },
        ],
        n.rows.map((r) => [
          r.product,
          name(r),
          f.usdM(r.importsUsd),
          f.pct(r.growth),
          sparkline(r.series, f.usdM),
          f.suppliers(r.topSuppliers),
          f.num(r.hhi),
          f.pct(r.exporterShare),
        ]),
      ),
    );
  } else if (n.status !== 'missing') {
    noRows();
  } else if (n.worldDemand && n.worldDemand.rows.length > 0) {
    const w = n.worldDemand;
    out.push(`<h3>${escapeHtml(L.worldDemand(w.year, w.source))}</h3>`);
    const top = w.rows.slice(0, 15).reverse();
    chart(
      L.chartWorldDemand(a),
      {
        legend: { top: 0 },
        grid: { top: 36, left: 280, right: 40, bottom: 28 },
        xAxis: { type: 'value', name: L.valueUsdM },
        yAxis: productAxis(top),
        series: [
          { type: 'bar', stack: 'world', name: a, data: top.map((r) => usdM(r.worldTradeUsd * r.exporterWorldShare)) },
          {
            type: 'bar',
            stack: 'world',
            name: L.chartOtherExporters,
            data: top.map((r) => usdM(r.worldTradeUsd * (1 - r.exporterWorldShare))),
          },
        ],
      },
      1000,
      80 + top.length * 24,
    );
    out.push(
      table(
        [
          { label: L.product },
          { label: L.name },
          { label: L.worldTradeUsdM, num: true },
          { label: L.worldShareOf(a), num: true },
        ],
        w.rows.map((r) => [r.product, name(r), f.usdM(r.worldTradeUsd), f.pct(r.exporterWorldShare)]),
      ),
    );
    if (w.importerExportsLeftOut.length > 0)
      out.push(
        `<p class="note">${escapeHtml(L.worldDemandLeftOut(b, w.importerExportsLeftOut.length, w.importerExportsLeftOut.slice(0, 5).join(', ')))}</p>`,
      );
  }
  sectionEnd();

  // 3. Supply: the largest exports with their RCA on a second axis.
  const s = report.supply;
  sectionHead('supply', L.sectionNames['supply']!, s.status);
  meta(s);
  if (s.rows.length > 0) {
    out.push(
      `<p class="summary">${escapeHtml(L.supplySummary(s.competitiveProducts, f.pct(s.competitiveShare), f.num(s.eci)))}${s.eciRank !== null ? ` ${escapeHtml(L.eciRank(s.eciRank, s.rankedCountries, s.leftOutCountries))}` : ''}</p>`,
    );
    const top = s.rows.slice(0, 15);
    chart(L.chartSupply(a), {
      legend: { top: 0 },
      grid: { top: 48, left: 64, right: 56, bottom: 48 },
      xAxis: { type: 'category', data: top.map((r) => r.product), axisLabel: { rotate: 45 } },
      yAxis: [
        { type: 'value', name: L.valueUsdM },
        { type: 'value', name: L.rca, splitLine: { show: false } },
      ],
      series: [
        { type: 'bar', name: L.exportsUsdM, data: top.map((r) => usdM(r.exportsUsd)) },
        {
          type: 'scatter',
          name: L.rca,
          yAxisIndex: 1,
          symbolSize: 9,
          data: top.map((r) => (Number.isFinite(r.rca) ? r.rca : null)),
          markLine: {
            symbol: 'none',
            silent: true,
            lineStyle: { type: 'dashed', color: '#cf222e' },
            label: { position: 'insideEndTop', formatter: 'RCA = 1' },
            data: [{ yAxis: 1 }],
          },
        },
      ],
    });
    out.push(
      table(
        [
          { label: L.product },
          { label: L.name },
          { label: L.exportsUsdM, num: true },
          { label: L.worldShare, num: true },
          { label: L.rca, num: true },
          { label: L.growth, num: true },
          { label: L.trend },
          { label: L.pci, num: true },
        ],
        s.rows.map((r) => [
          r.product,
          name(r),
          f.usdM(r.exportsUsd),
          f.pct(r.worldShare),
          f.num(r.rca),
          f.pct(r.growth),
          sparkline(r.series, f.usdM),
          f.num(r.pci),
        ]),
      ),
    );
  } else if (s.status !== 'missing') noRows();
  sectionEnd();

  // 4. Potential: potential against actual by HS section, then the products.
  const p = report.potential;
  sectionHead('potential', L.sectionNames['potential']!, p.status);
  meta(p);
  if (p.totals) {
    out.push(
      `<p class="summary">${escapeHtml(L.potentialSummary(f.usdM(p.totals.potentialUsd), f.usdM(p.totals.actualUsd), f.usdM(p.totals.untappedUsd), f.pct(p.totals.realizedShare), f.num(p.ease)))}</p>`,
    );
    if (p.bySection.length > 0) {
      chart(L.chartPotential, {
        legend: { top: 0 },
        grid: { top: 48, left: 64, right: 24, bottom: 32 },
        xAxis: { type: 'category', data: p.bySection.map((x) => x.section) },
        yAxis: { type: 'value', name: L.valueUsdM },
        series: [
          { type: 'bar', name: L.potentialUsdM, data: p.bySection.map((x) => usdM(x.potentialUsd)) },
          { type: 'bar', name: L.actualUsdM, data: p.bySection.map((x) => usdM(x.actualUsd)) },
        ],
      });
      out.push(`<h3>${escapeHtml(L.bySection)}</h3>`);
      out.push(
        table(
          [
            { label: L.hsSection },
            { label: L.potentialUsdM, num: true },
            { label: L.actualUsdM, num: true },
            { label: L.untappedUsdM, num: true },
            { label: L.realized, num: true },
          ],
          p.bySection.map((x) => [
            x.section,
            f.usdM(x.potentialUsd),
            f.usdM(x.actualUsd),
            f.usdM(x.untappedUsd),
            f.pct(x.realizedShare),
          ]),
        ),
      );
    }
    out.push(
      table(
        [
          { label: L.product },
          { label: L.name },
          { label: L.supplyShare, num: true },
          { label: L.demandUsdM, num: true },
          { label: L.potentialUsdM, num: true },
          { label: L.actualUsdM, num: true },
          { label: L.untappedUsdM, num: true },
          { label: L.realized, num: true },
        ],
        p.rows.map((r) => [
          r.product,
          name(r),
          f.pct(r.supplyShare),
          f.usdM(r.demandUsd),
          f.usdM(r.potentialUsd),
          f.usdM(r.actualUsd),
          f.usdM(r.untappedUsd),
          f.pct(r.realizedShare),
        ]),
      ),
    );
  } else if (p.status !== 'missing') noRows();
  sectionEnd();

  // 5. Rivals and 8. machinery market share one layout: unit values of the first product with any, then a table per product.
  const rivalsBlock = (id: string, sectionTitle: string, r: ReportModel['rivals'], after?: () => void) => {
    sectionHead(id, sectionTitle, r.status);
    meta(r);
    out.push(`<p class="basis">${escapeHtml(L.productsChosen)}: ${escapeHtml(tr(r.productChoice))}.</p>`);
    if (r.products.length === 0 && r.status !== 'missing') noRows();
    // Chart the first product (the largest opportunity) with two or more unit values, else the first with any.
    const unitValues = (prod: (typeof r.products)[number]) =>
      [...(prod.exporter ? [prod.exporter] : []), ...prod.suppliers].filter((x) => x.unitValueUsdPerTonne !== null)
        .length + (!prod.exporter && prod.exporterUnitValueUsdPerTonne !== null ? 1 : 0);
    const charted =
      r.products.find((prod) => unitValues(prod) >= 2) ?? r.products.find((prod) => unitValues(prod) >= 1);
    for (const prod of r.products) {
      out.push(`<h3>${escapeHtml(`${prod.product} ${name(prod)}`)}</h3>`);
      out.push(`<p>${escapeHtml(L.importsUsdM)}: ${escapeHtml(f.usdM(prod.importsUsd))}</p>`);
      const rows = [...(prod.exporter ? [prod.exporter] : []), ...prod.suppliers];
      if (prod === charted) {
        const priced = rows
          .filter((x) => x.unitValueUsdPerTonne !== null)
          .map((x) => ({ label: x.supplier, usdPerTonne: x.unitValueUsdPerTonne!, own: x.supplier === a }));
        // The exporter's unit value elsewhere, when it does not sell in this market.
        if (!prod.exporter && prod.exporterUnitValueUsdPerTonne !== null)
          priced.unshift({
            label: `${a} (${prod.exporterUnitValueBasis ?? L.none})`,
            usdPerTonne: prod.exporterUnitValueUsdPerTonne,
            own: true,
          });
        chart(
          L.chartRivals(`${prod.product} ${shortName(name(prod), 60)}`),
          {
            grid: { top: 24, left: 72, right: 24, bottom: 32 },
            xAxis: { type: 'category', data: priced.map((x) => x.label) },
            yAxis: { type: 'value', name: L.unitValue },
            series: [
              {
                type: 'bar',
                name: L.unitValue,
                data: priced.map((x) => ({
                  value: x.usdPerTonne,
                  itemStyle: { color: x.own ? '#cf222e' : '#1f5fa8' },
                })),
                ...(prod.rivalsUnitValueUsdPerTonne !== null
                  ? {
                      markLine: {
                        symbol: 'none',
                        silent: true,
                        lineStyle: { type: 'dashed' as const, color: '#57606a' },
                        label: {
                          position: 'insideEndTop' as const,
                          formatter: `${L.usd.rivalsUv}: ${f.whole(prod.rivalsUnitValueUsdPerTonne)}`,
                        },
                        data: [{ yAxis: prod.rivalsUnitValueUsdPerTonne }],
                      },
                    }
                  : {}),
              },
            ],
          },
          1000,
          320,
        );
      }
      out.push(
        table(
          [
            { label: L.supplier },
            { label: L.importsUsdM, num: true },
            { label: L.share, num: true },
            { label: L.shareChange, num: true },
            { label: L.unitValue, num: true },
            { label: L.flags },
          ],
          rows.map((x) => [
            x.supplier,
            f.usdM(x.valueUsd),
            f.pct(x.share),
            f.pct(x.shareChange),
            f.whole(x.unitValueUsdPerTonne),
            x.flags.join(', ') || L.none,
          ]),
        ),
      );
      if (prod.exporterUnitValueUsdPerTonne !== null || prod.rivalsUnitValueUsdPerTonne !== null) {
        out.push(
          `<p>${escapeHtml(`${L.priceAdvantage(a, f.whole(prod.exporterUnitValueUsdPerTonne), prod.exporterUnitValueBasis ?? L.none)} ${L.rivalsUv(f.whole(prod.rivalsUnitValueUsdPerTonne), f.pct(prod.priceAdvantage))}`)}</p>`,
        );
      }
    }
    after?.();
    sectionEnd();
  };
  rivalsBlock('rivals', L.sectionNames['rivals']!, report.rivals);

  // 6. Joint production: density against PCI, bubble area by demand.
  const j = report.jointProduction;
  sectionHead('joint-production', L.sectionNames['jointProduction']!, j.status);
  meta(j);
  if (j.rows.length > 0) {
    out.push(`<p>${escapeHtml(L.weights(j.weights))}</p>`);
    const plotted = j.rows.filter(
      (r) => Number.isFinite(r.importerDensity) && Number.isFinite(r.pci) && r.demandUsd > 0,
    );
    const maxDemand = Math.max(...plotted.map((r) => r.demandUsd), 1);
    if (plotted.length > 0) {
      chart(L.chartJoint, {
        grid: { top: 24, left: 56, right: 32, bottom: 48 },
        xAxis: { type: 'value', name: `${L.density} ${b}`, nameLocation: 'middle', nameGap: 28, scale: true },
        yAxis: { type: 'value', name: L.pci, scale: true },
        series: [
          {
            type: 'scatter',
            name: L.demandUsd,
            itemStyle: { color: 'rgba(84,112,198,0.55)', borderColor: '#1f5fa8' },
            label: { show: true, position: 'top', fontSize: 10, formatter: '{b}' },
            data: plotted.map((r) => ({
              name: r.product,
              value: [r.importerDensity, r.pci],
              symbolSize: Math.round(8 + 42 * Math.sqrt(r.demandUsd / maxDemand)),
            })),
          },
        ],
      });
    }
    out.push(
      table(
        [
          { label: L.product },
          { label: L.name },
          { label: L.score, num: true },
          { label: L.demandUsd, num: true },
          { label: `${L.rca} ${a}`, num: true },
          { label: `${L.density} ${b}`, num: true },
          { label: L.cog, num: true },
          { label: L.pci, num: true },
          { label: L.reason },
        ],
        j.rows.map((r) => [
          r.product,
          name(r),
          f.num(r.score),
          f.usdM(r.demandUsd),
          f.num(r.exporterRca),
          f.num(r.importerDensity),
          f.num(r.cog),
          f.num(r.pci),
          tr(r.reason),
        ]),
      ),
    );
  } else if (j.status !== 'missing') noRows();
  sectionEnd();

  // 7. Surplus placement
  const sp = report.surplus;
  sectionHead('surplus', L.sectionNames['surplus']!, sp.status);
  meta(sp);
  if (sp.rows.length > 0) {
    out.push(
      table(
        [
          { label: L.product },
          { label: L.name },
          { label: `${L.rca} ${a}`, num: true },
          { label: L.importsUsdM, num: true },
          { label: L.cagr, num: true },
          { label: L.exporterShare(a), num: true },
          { label: L.rivalsUsdM, num: true },
          { label: L.leader },
        ],
        sp.rows.map((r) => [
          r.product,
          name(r),
          f.num(r.exporterRca),
          f.usdM(r.importsUsd),
          f.pct(r.growth),
          f.pct(r.exporterShare),
          f.usdM(r.rivalsUsd),
          r.leadingRival ? `${r.leadingRival.iso3} ${f.pct(r.leadingRival.share)}` : L.none,
        ]),
      ),
    );
  } else if (sp.status !== 'missing') noRows();
  sectionEnd();

  rivalsBlock('machinery', L.sectionNames['machinery']!, report.machineryMarket, () => {
    // The market's size beside its trade (the fleets' yearly replacement demand), and where the combines would
    // work (Kazakhstan's oblasts): the report model's tables, as the API serves them.
    const d = report.machineryDemand;
    out.push(`<h3>${escapeHtml(L.demandTitle)}</h3>`);
    if (d.fleets.length === 0) {
      if (d.missing) out.push(`<p class="note">${escapeHtml(tr(d.missing))}</p>`);
    } else {
      out.push(modelTable(withoutColumn(machineryDemandTable(d, lang), 'facts')));
      for (const x of d.fleets) out.push(`<p class="note">${textWithLinks(L.demandFacts(x))}</p>`);
    }
    const regions = report.regions;
    if (regions && regions.oblasts.some((o) => o.fleet !== null)) {
      const oblasts = oblastFleetTable(regions, lang);
      out.push(`<h3>${escapeHtml(oblasts[lang])}</h3>`);
      for (const c of regions.coverage) out.push(`<p class="note">${escapeHtml(tr(coverageMessage(c)))}</p>`);
      out.push(modelTable(oblasts), `<p class="note">${escapeHtml(L.regionsMore)}</p>`);
    }
  });

  // 9. Data sources
  out.push(`<section id="data">`, `<h2>${escapeHtml(L.sectionNames['data']!)}</h2>`);
  out.push(
    table(
      [
        { label: L.file },
        { label: L.source },
        { label: L.format },
        { label: L.rows, num: true },
        { label: L.years },
        { label: L.licence },
      ],
      report.datasets.map((d) => [
        d.fileName,
        d.source,
        L.datasetFormat(d.format),
        f.whole(d.rows),
        d.years.join(', '),
        d.licence,
      ]),
    ),
  );
  out.push(
    `<h3>${escapeHtml(L.glossary)}</h3>`,
    `<ul class="glossary">${L.glossaryTerms.map((term) => `<li>${escapeHtml(term)}</li>`).join('')}</ul>`,
  );
  sectionEnd();
  out.push(
    `</main>\n<footer class="meta"><p>${escapeHtml(L.storeFooter(report.storeVersion))}</p></footer>\n</body>\n</html>\n`,
  );
  return out.join('\n');
}
