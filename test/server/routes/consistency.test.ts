/**
 * One answer everywhere: each section of `GET /api/report` (the same buildReport as `karavan report --format
 * json`) is identical, figures and statuses, to the section's own route asked with the same options (which call
 * the same functions as the section commands' --json), for Belarus -> Kazakhstan on the embedded data and for
 * South Africa -> Kazakhstan 2021 at HS6, where the sections said different things before (report-model issue).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson, testServer, type TestServer } from '../helpers.ts';

describe('the report and the section routes agree', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await testServer({ fixture: false });
  });
  afterAll(() => s.close());

  const cases = [
    { name: 'BLR -> KAZ, defaults', pair: 'exporter=BLR&importer=KAZ', options: '' },
    { name: 'ZAF -> KAZ, 2021, HS6', pair: 'exporter=ZAF&importer=KAZ', options: '&year=2021&level=6' },
  ];

  for (const c of cases) {
    it(c.name, async () => {
      const report = await getJson(s.app, `/api/report?${c.pair}${c.options}`);
      expect(report.status).toBe(200);
      const r = report.body;
      const limit = `&limit=${r.options.limit}`;
      const same = async (url: string, section: unknown) => {
        const answer = await getJson(s.app, url);
        expect(answer.status, url).toBe(200);
        expect(answer.body, url).toEqual(section);
      };
      await same(`/api/report/basket?${c.pair}${c.options}${limit}`, r.basket);
      await same(`/api/report/needs?${c.pair}${c.options}${limit}`, r.needs);
      await same(`/api/report/potential?${c.pair}${c.options}${limit}`, r.potential);
      await same(`/api/report/surplus?${c.pair}${c.options}${limit}`, r.surplus);
      // Supply and joint production take the report's year, and its level only when one was asked for.
      await same(`/api/report/supply?exporter=${r.exporter.iso3}${c.options}${limit}`, r.supply);
      await same(`/api/report/joint-production?${c.pair}${c.options}${limit}`, r.jointProduction);
      const turnover = await getJson(s.app, `/api/report/turnover?${c.pair}`);
      expect(turnover.body.turnover).toEqual(r.turnover);
      // Rivals on the same default choice of products (the pair's largest flows and the exporter's competitive exports).
      await same(`/api/report/rivals?${c.pair}${c.options}`, r.rivals);
      // The coverage table repeats each section's own status where the section says it (basket, here).
      expect(r.coverage.sections.find((x: { section: string }) => x.section === 'basket').status).toBe(r.basket.status);
    });
  }

  it('ZAF -> KAZ 2021 at HS6: supply says missing in the report, as the supply route does (it was computed from OTS 2017)', async () => {
    const r = (await getJson(s.app, '/api/report?exporter=ZAF&importer=KAZ&year=2021&level=6')).body;
    expect(r.supply.status).toBe('missing');
    const direct = (await getJson(s.app, '/api/report/supply?exporter=ZAF&year=2021&level=6')).body;
    expect(direct.status).toBe('missing');
    // Without a year or level the report keeps supply's own default: the newest world table (OTS 2017, HS4).
    const plain = (await getJson(s.app, '/api/report?exporter=BLR&importer=KAZ')).body;
    expect([plain.supply.status, plain.supply.year, plain.supply.level]).toEqual(['computed', 2017, 4]);
  });
});
