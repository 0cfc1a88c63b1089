/**
 * A group as importer or exporter in the report, on the hand-checked fixture (A = BLR, B = KAZ,
 * C = RUS; test/support/report-fixture.ts) plus the embedded slice. Figures in USD m, 2021:
 *   BLR -> KAZ 50 + 10, BLR -> RUS 30 + 20, KAZ -> BLR 5 + 40 + 10, KAZ -> RUS 10 + 60 + 5,
 *   RUS -> BLR 20 + 5 + 30, RUS -> KAZ 15 + 40.
 * For BLR -> EAEU Belarus is taken out of the union: the market is KAZ + RUS (+ ARM, KGZ).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMessage } from '../../src/messages/index.ts';
import { buildReport, exporterSupply, importerNeeds, turnover } from '../../src/analysis/index.ts';
import { embeddedBaciSlice, readBaciRows } from '../support/raw-sources.ts';
import { fixtureStore } from '../support/store.ts';
import { getJson, testServer, type TestServer } from '../server/helpers.ts';

const M = 1e6;
/** South Africa's and Afghanistan's 2021 exports into the given BACI importer codes (the embedded slice), USD. */
const sliceInto = (importers: number[], product?: string) =>
  readBaciRows(embeddedBaciSlice)
    .filter(
      (r) => r.year === 2021 && importers.includes(r.importer) && (product === undefined || r.product === product),
    )
    .reduce((sum, r) => sum + r.valueUsd, 0);

describe('groups in the report sections', () => {
  const fixture = fixtureStore({ embedded: true });

  it('BLR -> EAEU: Belarus is left out of the union; both directions summed over the other members', async () => {
    const result = await turnover(fixture.store, { exporter: 'BLR', importer: 'EAEU' });
    const y2021 = result.rows.find((r) => r.year === 2021)!;
    expect(y2021.exportsUsd! / M).toBeCloseTo(60 + 50, 9);
    expect(y2021.importsUsd! / M).toBeCloseTo(55 + 55, 9);
    expect(result.rows.map((r) => r.year)).toEqual([2016, 2017, 2018, 2019, 2020, 2021]);
  });

  it('EAEU -> KAZ: a group as exporter; its members trade with each other is not its export', async () => {
    const result = await turnover(fixture.store, { exporter: 'EAEU', importer: 'KAZ' });
    const y2021 = result.rows.find((r) => r.year === 2021)!;
    expect(y2021.exportsUsd! / M).toBeCloseTo(60 + 55, 9); // BLR -> KAZ + RUS -> KAZ
    expect(y2021.importsUsd! / M).toBeCloseTo(55 + 75, 9); // KAZ -> BLR + KAZ -> RUS
    // The union's exports to the world: its members' sales outside it (ARM 51, BLR 112, KGZ 417, RUS 643; KAZ is
    // the other side), summed here from the raw fixture and slice rows.
    const members = [51, 112, 417, 643];
    const extraUsd = [...readBaciRows(fixture.fixtureFile), ...readBaciRows(embeddedBaciSlice)]
      .filter((r) => r.year === 2021 && members.includes(r.exporter) && !members.includes(r.importer))
      .reduce((sum, r) => sum + r.valueUsd, 0);
    expect(extraUsd / M).toBeGreaterThan(115);
    expect(y2021.shareOfExporterExports).toBeCloseTo((115 * M) / extraUsd, 9);
  });

  it("needs of EAEU: members' imports summed, each supplier kept, a fellow member too (KAZ sells to RUS)", async () => {
    const needs = await importerNeeds(fixture.store, {
      exporter: 'BLR',
      importer: 'EAEU',
      year: 2021,
      level: 6,
      limit: 100,
    });
    expect(needs.status).toBe('computed');
    const combines = needs.rows.find((r) => r.product === '843351')!;
    expect(combines.importsUsd / M).toBeCloseTo(50 + 30 + 10, 9);
    expect(combines.topSuppliers.map((s) => [s.iso3, s.valueUsd / M])).toEqual([
      ['BLR', 80],
      ['KAZ', 10],
    ]);
    // A product only the slice brings: South Africa's and Afghanistan's sales to the four other members.
    const oranges = needs.rows.find((r) => r.product === '080510')!;
    expect(oranges.importsUsd).toBeCloseTo(sliceInto([51, 398, 417, 643], '080510'), 3);
  });

  it('the report for BLR -> EAEU: potential computed for the union as one market; joint production says why not', async () => {
    const report = await buildReport(fixture.store, { from: 'BLR', to: 'ЕАЭС' });
    expect(report.importer.kind).toBe('group');
    expect(report.potential.status).toBe('computed');
    expect(report.potential.rows.map((r) => r.product).sort()).toEqual(['040510', '843351', '870190']);
    expect(report.jointProduction.status).toBe('missing');
    expect(formatMessage(report.jointProduction.missing!, 'en')).toContain('(EAEU) is a group');
    const turnoverCoverage = report.coverage.sections.find((s) => s.section === 'turnover')!;
    expect(formatMessage(turnoverCoverage.basis, 'en')).toContain('(EAEU): data for ARM, KAZ, KGZ, RUS');
  });

  it('supply of a group is refused by name, with the members to ask for instead', async () => {
    const supply = await exporterSupply(fixture.store, { exporter: 'EAEU' });
    expect(supply.status).toBe('missing');
    expect(formatMessage(supply.missing!, 'en')).toBe(
      'Eurasian Economic Union (EAEU) is a group: RCA, complexity and the product space are computed for countries, not groups; run this for one of its members (ARM, BLR, KAZ, KGZ, RUS)',
    );
  });
});

describe('groups through the API', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await testServer();
  });
  afterAll(() => s.close());

  it('turnover and the country look-up answer for a group; a pair left empty is a 400', async () => {
    const r = await getJson(s.app, '/api/report/turnover?exporter=BLR&importer=EAEU');
    expect(r.status).toBe(200);
    expect(r.body.turnover.rows.at(-1).exportsUsd / M).toBeCloseTo(110, 9);
    const country = await getJson(s.app, '/api/countries/ЕАЭС');
    expect(country.status).toBe(200);
    expect(country.body.kind).toBe('group');
    expect(country.body.group.members).toHaveLength(5);
    const bad = await getJson(s.app, '/api/report/turnover?exporter=CASIA&importer=CIS');
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('KRV_OPT_INVALID');
  });
});
