/**
 * The Overview on the embedded data alone, which has no Belarus -> Kazakhstan flows but the officially
 * stated totals (data/embedded/by_kz_official_turnover.csv.gz): one series per measure with the reporting
 * side in its legend entry, on a year axis of values (2019 and 2020 have no yearly figure: a gap), and the
 * Pair trade view saying the store lacks the flows.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDashboard, type Dashboard } from './browser-support.ts';

describe('Overview with the official totals only (embedded data)', () => {
  let dashboard: Dashboard;
  let page: Page;

  beforeAll(async () => {
    dashboard = await startDashboard({ width: 1440, height: 900 }, false);
    page = dashboard.context.pages()[0] ?? (await dashboard.context.newPage());
  }, 120_000);

  afterAll(async () => {
    await dashboard?.close();
  });

  it('draws the official figures by measure on a year value axis, the reporting side in the legend', async () => {
    await page.goto(`${dashboard.base}/#/overview?from=BLR&to=KAZ&level=6&lang=ru`);
    await page.waitForSelector('main[data-ready="true"]', { timeout: 60_000 });
    const chart = page.locator('[data-panel="official"] .chart');
    await chart.waitFor();
    await page.waitForSelector('[data-panel="official"] .chart[data-drawn="true"]');
    expect(await chart.getAttribute('data-x-axis')).toBe('value');
    const legend = JSON.parse((await chart.getAttribute('data-legend'))!) as string[];
    // One entry per measure stated for a whole year, each naming whose figure it is.
    // The measure and the side in the page's language, as the API words them (words.measure, words.side).
    const official = (await (
      await page.request.get(`${dashboard.base}/api/report/turnover?exporter=BLR&importer=KAZ&lang=ru`)
    ).json()) as {
      turnover: { official: Array<{ period: string; measure: string; words: { measure: string; side: string } }> };
    };
    const yearly = official.turnover.official.filter((o) => o.period === 'year');
    const measures = [...new Set(yearly.map((o) => o.measure))];
    expect(legend).toHaveLength(measures.length);
    for (const measure of measures) {
      const figures = yearly.filter((o) => o.measure === measure);
      const sides = [...new Set(figures.map((o) => o.words.side))];
      expect(legend).toContain(`${figures[0]!.words.measure} (${sides.join(', ')})`);
    }
    expect(legend).toContain('товарооборот (товары) (Казахстан, Беларусь)');
    await page.screenshot({ path: new URL('../../test-results/views-official-only.png', import.meta.url).pathname });
  });

  it('Pair trade says what is missing instead of an empty chart', async () => {
    await page.goto(`${dashboard.base}/#/basket?from=BLR&to=KAZ&level=6&lang=ru`);
    await page.waitForSelector('main[data-ready="true"]', { timeout: 60_000 });
    expect(await page.locator('main .notice.error').count()).toBe(0);
    expect(await page.locator('main .notice[data-coverage]').count()).toBeGreaterThan(0);
    expect(await page.locator('main .chart').count()).toBe(0);
  });
});
