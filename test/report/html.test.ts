/**
 * HTML report: a snapshot of the worked-example fixture (test/output/report-blr-kaz.en.html),
 * and the properties the snapshot alone would not guard: the file works offline (no script,
 * stylesheet or font from anywhere; the only web addresses are the sources of the official
 * totals and the dataset licences), charts are inline SVG, every text is escaped, a section
 * without data shows what to ingest instead of an empty chart, and the output is the same on
 * every render.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { JointProductionRow, ReportModel } from '../../src/analysis/index.ts';
import { renderReport } from '../../src/report/index.ts';
import { formatMessage, msg } from '../../src/messages/index.ts';
import { emptyStoreReport, fixtureReport } from '../support/report-model.ts';

const html = async (report: ReportModel, lang: 'en' | 'ru' = 'en') =>
  (await renderReport(report, 'html', lang)) as string;

/** The markup of one `<section id=...>`. */
function section(page: string, id: string): string {
  const start = page.indexOf(`<section id="${id}">`);
  expect(start, `section ${id}`).toBeGreaterThanOrEqual(0);
  return page.slice(start, page.indexOf('</section>', start));
}

const escaped = (text: string) =>
  text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');

function jointRow(
  product: string,
  nameEn: string,
  demandUsd: number,
  density: number,
  pci: number,
): JointProductionRow {
  return {
    product,
    nameEn,
    nameRu: nameEn,
    demandUsd,
    demandBasis: 'importer imports',
    exporterRca: 2,
    exporterExportsUsd: 1e7,
    importerRca: 0.2,
    importerDensity: density,
    densityPercentile: 80,
    cog: 0.5,
    pci,
    score: 1,
    parts: { demand: 0.3, density: 0.3, cog: 0.2, pci: 0.2 },
    reason: msg('basis.turnoverSource', { source: 'hand-made' }),
  };
}

describe('renderHtml', () => {
  let report: ReportModel;
  let empty: ReportModel;
  let page: string;
  beforeAll(async () => {
    [report, empty] = await Promise.all([fixtureReport(), emptyStoreReport()]);
    page = await html(report);
  });

  it('matches test/output/report-blr-kaz.en.html', async () => {
    await expect(page).toMatchFileSnapshot('../output/report-blr-kaz.en.html');
  });

  it('is one offline file: inline CSS and SVG, no script, no external resource', () => {
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(page).not.toMatch(/<script/i);
    expect(page).not.toMatch(/<link\b/i);
    expect(page).not.toMatch(/\ssrc=/i);
    expect(page).not.toMatch(/@import|url\(/i);
    // Turnover, needs, supply, potential, rivals, machinery market.
    expect(page.match(/<svg\b(?! class="spark")/g)?.length).toBe(6);
    // And a line of values by year for each row of needs and supply.
    expect(page.match(/<svg class="spark"/g)?.length).toBe(
      report.basket.rows.length + report.needs.rows.length + report.supply.rows.length,
    );
    expect(page).not.toContain('xmlns');
  });

  it('draws each product series with years as values: a missing year leaves a gap, each year a dot', async () => {
    const first = report.needs.rows[0]!;
    expect(first.product).toBe('843351');
    // Kazakhstan's combine imports from Belarus: 50 USD m x the fixture's year factors.
    expect(page).toContain('aria-label="2016: 20.0; 2017: 25.0; 2018: 30.0; 2019: 35.0; 2020: 40.0; 2021: 50.0"');
    // Take out 2017 and 2018: 2019 then sits at 3/5 of the width (width 96, padding 3), not at 2/4.
    const gapped = structuredClone(report);
    gapped.basket.rows = [];
    gapped.needs.rows = [{ ...first, series: first.series.filter((p) => p.year !== 2017 && p.year !== 2018) }];
    const svg = /<svg class="spark"[^]*?<\/svg>/.exec(await html(gapped))![0];
    const xs = [...svg.matchAll(/<circle cx="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(xs).toEqual([3, 3 + (3 / 5) * 90, 3 + (4 / 5) * 90, 93].map((x) => Number(x.toFixed(1))));
  });

  it('has web addresses only for the official totals sources, the fleet facts and dataset licences', () => {
    const allowed = new Set([
      ...report.turnover.official.map((o) => o.sourceUrl),
      ...report.machineryDemand.fleets.flatMap((x) => [x.facts.fleet.sourceUrl, x.facts.rate.sourceUrl]),
      ...report.datasets.flatMap((d) => d.licence.match(/https?:\/\/\S+/g) ?? []),
    ]);
    const found = page.match(/https?:\/\/[^\s"'<>]+/g) ?? [];
    expect(found.length).toBeGreaterThan(0);
    expect(found.filter((url) => !allowed.has(url))).toEqual([]);
    for (const o of report.turnover.official)
      expect(page).toContain(`<a href="${escaped(o.sourceUrl)}" rel="noopener noreferrer">`);
  });

  it('is in the chosen language, with numbers right-aligned in locale format', async () => {
    expect(page).toContain('<html lang="en">');
    expect(page).toContain('<td class="num">115.0</td>'); // 2021 turnover, USD m
    const ru = await html(report, 'ru');
    expect(ru).toContain('<html lang="ru">');
    expect(ru).toContain('1. Мониторинг товарооборота');
    expect(ru).toContain('<td class="num">115,0</td>');
    // Basis notes come from the analysis in English and are translated.
    expect(formatMessage(report.needs.basis, 'ru')).not.toBe(formatMessage(report.needs.basis, 'en'));
    expect(ru).toContain(escaped(formatMessage(report.needs.basis, 'ru')));
  });

  it('renders the same bytes every time (chart ids are local to the page)', async () => {
    expect(await html(report)).toBe(page);
  });

  it('escapes every text: product names, basis, missing notes, links', async () => {
    const evil = '<script>alert(1)</script>';
    const attr = '"><img src=x onerror=alert(1)>';
    const bad: ReportModel = {
      ...report,
      exporter: { ...report.exporter, nameEn: evil },
      needs: {
        ...report.needs,
        basis: msg('basis.turnoverSource', { source: attr }),
        missing: msg('basis.turnoverSource', { source: evil }),
        rows: report.needs.rows.map((r) => ({ ...r, nameEn: evil })),
      },
      rivals: { ...report.rivals, products: report.rivals.products.map((p) => ({ ...p, nameEn: `</svg>${evil}` })) },
      turnover: {
        ...report.turnover,
        official: report.turnover.official.map((o, i) =>
          i === 0 ? { ...o, sourceUrl: 'javascript:alert(1)', note: attr } : o,
        ),
      },
      datasets: report.datasets.map((d) => ({ ...d, fileName: attr, licence: evil })),
    };
    const out = await html(bad);
    expect(out).not.toMatch(/<script|<img|javascript:alert\(1\)"/i);
    expect(out).not.toContain('href="javascript:');
    expect(out).toContain(escaped(evil));
    expect(out).toContain(escaped(attr));
    expect(out).toContain('javascript:alert(1)'); // shown as text, not a link
  });

  it('shows what to ingest, prominently, for sections without data; no chart, no table of zeros', async () => {
    const out = await html(empty);
    for (const [id, s] of [
      ['needs', empty.needs],
      ['supply', empty.supply],
      ['potential', empty.potential],
      ['rivals', empty.rivals],
      ['joint-production', empty.jointProduction],
      ['surplus', empty.surplus],
      ['machinery', empty.machineryMarket],
    ] as const) {
      expect(s.status, id).toBe('missing');
      // The machinery section ends with the fleets' replacement demand, known from the presets without trade data.
      const markup = id === 'machinery' ? section(out, id).split('<h3>')[0]! : section(out, id);
      expect(markup, id).toContain('<span class="badge badge-missing">not computed</span>');
      expect(markup, id).toContain(
        `<div class="missing missing-missing" role="note"><strong>Missing, and how to add it:</strong>${escaped(formatMessage(s.missing!, 'en'))}</div>`,
      );
      expect(markup, id).not.toContain('<svg');
      expect(markup, id).not.toContain('<table');
    }
    // Turnover falls back to the official totals: a chart of those, labelled as such, and the gap named.
    const turnover = section(out, 'turnover');
    expect(turnover).toContain('badge-official-only');
    expect(turnover).toContain('class="missing missing-partial"');
    expect(turnover).toContain('Officially stated turnover (Kazakhstan, Belarus)');
    expect(turnover).not.toContain('Turnover, statistics');
  });

  it('computed sections carry no missing-data box', () => {
    for (const id of ['turnover', 'needs', 'potential', 'rivals'])
      expect(section(page, id)).not.toContain('class="missing');
  });

  it('joint production: a bubble chart of density against PCI, then its table', async () => {
    expect(section(page, 'joint-production')).toContain('No product meets the criteria in this data.');
    const rows = [
      jointRow('8433', 'Harvesters', 5e8, 0.3, 1.2),
      jointRow('8701', 'Tractors', 2e8, 0.25, 0.8),
      jointRow('0405', 'Butter', 5e7, 0.1, -0.4),
    ];
    const out = await html({ ...report, jointProduction: { ...report.jointProduction, rows } });
    const markup = section(out, 'joint-production');
    const svgAt = markup.indexOf('<svg');
    expect(svgAt).toBeGreaterThan(0);
    expect(markup.indexOf('<table')).toBeGreaterThan(svgAt);
    for (const code of ['8433', '8701', '0405'])
      expect(markup.slice(svgAt, markup.indexOf('</svg>'))).toContain(`>${code}</text>`);
    expect(markup).toContain('<td class="num">500.0</td>');
  });
});
