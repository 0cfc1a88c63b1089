import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  jointSchema,
  needsSchema,
  potentialSchema,
  rivalsSchema,
  supplySchema,
  surplusSchema,
  turnoverSchema,
} from '../../../src/server/routes/report.schema.ts';
import { writeReportFixture } from '../../support/report-fixture.ts';
import {
  baciCode,
  embeddedBaciSlice,
  rcaTable,
  readBaciRows,
  sumUsd,
  type BaciRow,
} from '../../support/raw-sources.ts';
import { tempDir } from '../../support/store.ts';
import { getJson, jsonSchemaOf, schemaErrors, testServer, type TestServer } from '../helpers.ts';

const M = 1e6;
const { BLR, KAZ, RUS } = baciCode;

/**
 * The expected figures come from the raw files, parsed and summed here: the fixture CSV the test
 * server ingests (written again by the same writer) and the embedded BACI 2021 slice. Not from the core.
 */
function rawWorld() {
  const dir = tempDir();
  try {
    const rows = [...readBaciRows(writeReportFixture(dir.path)), ...readBaciRows(embeddedBaciSlice)];
    return { rows, y2021: rows.filter((x) => x.year === 2021) };
  } finally {
    dir.cleanup();
  }
}
const world = rawWorld();
const flows = (from: number, to: number, product?: (code: string) => boolean) => (x: BaciRow) =>
  x.exporter === from && x.importer === to && (product === undefined || product(x.product));

describe('report routes (fixture store: BLR, KAZ, RUS 2016-2021)', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await testServer();
  });
  afterAll(() => s.close());

  it('turnover: 2021 is 60 + 55 USD m (fixture rows summed here), the example target twice that', async () => {
    const r = await getJson(s.app, '/api/report/turnover?exporter=BLR&importer=KAZ');
    expect(r.status).toBe(200);
    expect(schemaErrors(jsonSchemaOf(turnoverSchema), r.body)).toEqual([]);
    const exportsUsd = sumUsd(world.y2021, flows(BLR, KAZ));
    const importsUsd = sumUsd(world.y2021, flows(KAZ, BLR));
    expect(exportsUsd / M).toBeCloseTo(60, 6);
    expect(r.body.turnover.latest).toMatchObject({ year: 2021, basis: 'baci' });
    expect(r.body.turnover.latest.turnoverUsd).toBeCloseTo(exportsUsd + importsUsd, 3);
    const y2016 = r.body.turnover.rows.find((x: { year: number }) => x.year === 2016);
    expect(y2016.exportsUsd).toBeCloseTo(
      sumUsd(world.rows, (x) => x.year === 2016 && flows(BLR, KAZ)(x)),
      3,
    );
    expect(r.body.status).toBe('computed');
    expect(r.body.target.example).toBe(true);
    expect(r.body.target.targetUsd).toBeCloseTo(2 * (exportsUsd + importsUsd), 3);
  });

  it('turnover: a given target, and bad targets answered with 400', async () => {
    const r = await getJson(s.app, '/api/report/turnover?targetUsd=500000000&targetYear=2030');
    expect(r.body.target).toMatchObject({ example: false, targetUsd: 500000000, targetYear: 2030 });
    expect(r.body.target.path).toHaveLength(2030 - r.body.target.baseYear + 1);
    for (const url of [
      '/api/report/turnover?targetUsd=-5&targetYear=2030',
      '/api/report/turnover?targetUsd=5e8',
      '/api/report/turnover?targetUsd=5e8&targetYear=2019',
      '/api/report/turnover?targetYear=3000',
    ]) {
      const bad = await getJson(s.app, url);
      expect(bad.status, url).toBe(400);
      expect(bad.body.message, url).toMatch(/^invalid /);
    }
  });

  it('basket: both directions as a flat table with a column per year; a bad direction is a 400', async () => {
    const r = await getJson(s.app, '/api/report/basket?exporter=BLR&importer=KAZ');
    expect(r.status).toBe(200);
    expect(r.body.totals.exportsUsd).toBeCloseTo(sumUsd(world.y2021, flows(BLR, KAZ)), 3);
    expect(r.body.totals.importsUsd).toBeCloseTo(sumUsd(world.y2021, flows(KAZ, BLR)), 3);
    const tables = await getJson(s.app, '/api/report/basket?exporter=BLR&importer=KAZ&format=tables&lang=ru');
    const table = tables.body.tables.find((t: { id: string }) => t.id === 'basket');
    expect(table.columns.map((c: { key: string }) => c.key)).toEqual(
      expect.arrayContaining(['flow', 'level', 'product', 'usd2016', 'usd2021']),
    );
    const combines = table.rows.find(
      (x: { product: string; flow: string }) => x.product === '843351' && x.flow === 'BLR → KAZ',
    );
    expect(combines.usd2021 / M).toBeCloseTo(50, 9);
    const bad = await getJson(s.app, '/api/report/basket?direction=sideways');
    expect(bad.status).toBe(400);
  });

  it('needs, supply, potential, joint production and surplus match their schemas', async () => {
    const cases: Array<[string, object]> = [
      ['/api/report/needs?limit=5', needsSchema],
      ['/api/report/supply?limit=5', supplySchema],
      ['/api/report/potential?limit=5', potentialSchema],
      ['/api/report/joint-production?limit=5', jointSchema],
      ['/api/report/surplus?limit=5', surplusSchema],
    ];
    for (const [url, schema] of cases) {
      const r = await getJson(s.app, url);
      expect(r.status, url).toBe(200);
      expect(r.body.status, url).toBe('computed');
      expect(schemaErrors(jsonSchemaOf(schema as { response: Record<number, unknown> }), r.body), url).toEqual([]);
    }
  });

  it("needs: KAZ's 2021 imports from every supplier of both files; 870190 from RUS and BLR, HHI by hand", async () => {
    const r = await getJson(s.app, '/api/report/needs?limit=50');
    expect(r.body.totalImportsUsd).toBeCloseTo(
      sumUsd(world.y2021, (x) => x.importer === KAZ),
      3,
    );
    const tractors = r.body.rows.find((x: { product: string }) => x.product === '870190');
    const [fromRussia, fromBelarus] = [RUS, BLR].map((from) =>
      sumUsd(
        world.y2021,
        flows(from, KAZ, (p) => p === '870190'),
      ),
    );
    const total = fromRussia! + fromBelarus!;
    expect(tractors.importsUsd).toBeCloseTo(total, 3);
    expect(tractors.hhi).toBeCloseTo((fromRussia! / total) ** 2 + (fromBelarus! / total) ** 2, 12);
  });

  it('supply (HS4): Belarus 80 USD m of 8433, RCA over the 2021 world of both files', async () => {
    const r = await getJson(s.app, '/api/report/supply');
    const combines = r.body.rows.find((x: { product: string }) => x.product === '8433');
    const { rca } = rcaTable(
      world.y2021,
      (x) => x.exporter,
      (x) => x.product.slice(0, 4),
    );
    expect(combines.exportsUsd).toBeCloseTo(
      sumUsd(world.y2021, (x) => x.exporter === BLR && x.product.startsWith('8433')),
      3,
    );
    expect(combines.rca).toBeCloseTo(rca(BLR, '8433'), 9);
  });

  it('potential: the pair exports and butter demand are the five-year weighted averages (weights 1..5)', async () => {
    const r = await getJson(s.app, '/api/report/potential?limit=10');
    const weights: Record<number, number> = { 2017: 1, 2018: 2, 2019: 3, 2020: 4, 2021: 5 };
    const weighted = (keep: (x: BaciRow) => boolean) =>
      Object.entries(weights).reduce(
        (sum, [year, w]) => sum + w * sumUsd(world.rows, (x) => x.year === Number(year) && keep(x)),
        0,
      ) / 15;
    expect(r.body.pairExportsUsd).toBeCloseTo(weighted(flows(BLR, KAZ)), 3);
    const butter = r.body.rows.find((x: { product: string }) => x.product === '040510');
    expect(butter.demandUsd).toBeCloseTo(
      weighted((x) => x.importer === KAZ && x.product === '040510'),
      3,
    );
    expect(butter.actualUsd).toBe(0);
  });

  it('joint production (HS4): the candidates are the headings with BLR RCA > 1 and KAZ RCA <= 1, by hand', async () => {
    const r = await getJson(s.app, '/api/report/joint-production?limit=50');
    const { rca, products } = rcaTable(
      world.y2021,
      (x) => x.exporter,
      (x) => x.product.slice(0, 4),
    );
    const candidates = products.filter((p) => rca(BLR, p) > 1 && rca(KAZ, p) <= 1);
    expect(r.body.rows.map((x: { product: string }) => x.product).sort()).toEqual(candidates.sort());
    expect(r.body.candidates).toBe(candidates.length);
  });

  it("surplus: butter, all Russia's, where Belarus's HS6 RCA is computed here", async () => {
    const r = await getJson(s.app, '/api/report/surplus');
    const butter = r.body.rows.find((x: { product: string }) => x.product === '040510');
    const { rca } = rcaTable(
      world.y2021,
      (x) => x.exporter,
      (x) => x.product,
    );
    expect(butter.exporterRca).toBeCloseTo(rca(BLR, '040510'), 9);
    expect(butter.rivalsUsd).toBeCloseTo(
      sumUsd(
        world.y2021,
        flows(RUS, KAZ, (p) => p === '040510'),
      ),
      3,
    );
    expect(butter.leadingRival).toEqual({ iso3: 'RUS', share: 1 });
  });

  it('potential: the fixture pair has untapped potential in butter (040510)', async () => {
    const r = await getJson(s.app, '/api/report/potential');
    expect(r.body.status).toBe('computed');
    const butter = r.body.rows.find((x: { product: string }) => x.product === '040510');
    expect(butter.untappedUsd).toBeGreaterThan(0);
  });

  it('rivals: suppliers and unit values for the asked products; products are checked', async () => {
    const r = await getJson(s.app, '/api/report/rivals?products=870190,843351');
    expect(r.status).toBe(200);
    expect(schemaErrors(jsonSchemaOf(rivalsSchema), r.body)).toEqual([]);
    // Unit values: the file's USD over its tonnes (the fixture sells at 200,000 USD/t, Russia's tractors at 100,000).
    const tractors = r.body.products.find((x: { product: string }) => x.product === '870190');
    const russian = world.y2021.filter(flows(RUS, KAZ, (p) => p === '870190'));
    expect(tractors.suppliers[0]).toMatchObject({ supplier: 'RUS' });
    expect(tractors.suppliers[0].valueUsd).toBeCloseTo(sumUsd(russian), 3);
    expect(tractors.suppliers[0].unitValueUsdPerTonne).toBeCloseTo(
      sumUsd(russian) / russian.reduce((sum, x) => sum + x.tonnes!, 0),
      3,
    );
    expect(tractors.exporter.share).toBeCloseTo(
      sumUsd(
        world.y2021,
        flows(BLR, KAZ, (p) => p === '870190'),
      ) / sumUsd(world.y2021, (x) => x.importer === KAZ && x.product === '870190'),
      12,
    );
    expect((await getJson(s.app, '/api/report/rivals?products=87x')).status).toBe(400);
    expect((await getJson(s.app, '/api/report/rivals?products=123456')).status).toBe(404);
  });

  it("rivals without products: Belarus's HS6 flows to Kazakhstan in 2021 and its HS6 exports with RCA >= 1", async () => {
    const r = await getJson(s.app, '/api/report/rivals');
    expect(r.status).toBe(200);
    // From the raw file: what Belarus sold Kazakhstan in 2021, and its products with RCA >= 1 in the 2021 world.
    const sold = new Set(world.y2021.filter(flows(BLR, KAZ)).map((x) => x.product));
    const { rca, products } = rcaTable(
      world.y2021,
      (x) => x.exporter,
      (x) => x.product,
    );
    const competitive = new Set(products.filter((p) => rca(BLR, p) >= 1));
    expect(r.body.productChoiceMessage.values.sold).toBe(Math.min(5, sold.size));
    const shown = r.body.products.map((x: { product: string }) => x.product);
    expect(shown.length).toBeGreaterThan(0);
    for (const product of shown) expect(sold.has(product) || competitive.has(product), product).toBe(true);
    for (const product of sold) expect(shown, product).toContain(product);
  });

  it('rejects a pair of one country, unknown countries, years out of range and absurd limits', async () => {
    const same = await getJson(s.app, '/api/report/needs?exporter=KAZ&importer=Kazakhstan');
    expect(same.status).toBe(400);
    expect(same.body.message).toContain('invalid pair');
    expect((await getJson(s.app, '/api/report/needs?importer=Atlantis')).status).toBe(404);
    for (const url of [
      '/api/report/needs?year=1800',
      '/api/report/needs?year=2500',
      '/api/report/needs?year=twenty',
      '/api/report/potential?limit=5000',
      '/api/report/needs?level=3',
    ]) {
      const r = await getJson(s.app, url);
      expect(r.status, url).toBe(400);
      expect(r.body.code, url).toBe('KRV_OPT_INVALID');
    }
  });

  it('downloads a section as CSV (numbers unescaped) and the whole report as XLSX with one sheet per table', async () => {
    const csv = await s.app.inject({ url: '/api/report/potential?format=csv&table=potential' });
    expect(csv.statusCode).toBe(200);
    const lines = csv.body
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'HS code,Product,HS section,"Potential, USD","Actual, USD","Untapped, USD",Realised,Supply share,"Demand, USD"',
    );
    expect(lines.length).toBeGreaterThan(1);
    const badTable = await getJson(s.app, '/api/report/potential?format=csv&table=nope');
    expect(badTable.status).toBe(400);
    expect(badTable.body.message).toContain('invalid table: nope');
    const xlsx = await s.app.inject({ url: '/api/report?limit=5&format=xlsx&lang=ru' });
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const names = workbook.worksheets.map((w) => w.name);
    // The report's own workbook (the writer of `karavan report --format xlsx`): a sheet per section, its status on row 2.
    expect(names).toEqual(expect.arrayContaining(['Покрытие', 'Товарооборот', 'Потребности', 'Потенциал']));
    expect(String(workbook.getWorksheet('Потребности')!.getCell(2, 1).value)).toMatch(/^Статус: рассчитаны\./);
  });

  it('the whole report answers as buildReport does', async () => {
    const r = await getJson(s.app, '/api/report?limit=3');
    expect(r.status).toBe(200);
    expect(Object.keys(r.body)).toEqual(
      expect.arrayContaining([
        'coverage',
        'turnover',
        'basket',
        'needs',
        'supply',
        'potential',
        'rivals',
        'jointProduction',
        'surplus',
        'machineryMarket',
        'datasets',
      ]),
    );
    expect(r.body.exporter.iso3).toBe('BLR');
    expect(r.body.turnover.latest.turnoverUsd).toBeCloseTo(
      sumUsd(world.y2021, flows(BLR, KAZ)) + sumUsd(world.y2021, flows(KAZ, BLR)),
      3,
    );
  });
});

describe('report routes on the embedded data only (no BLR -> KAZ flows)', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await testServer({ fixture: false });
  });
  afterAll(() => s.close());

  it('say what is missing and which command fills the gap instead of returning zeros', async () => {
    const potential = await getJson(s.app, '/api/report/potential');
    expect(potential.status).toBe(200);
    expect(potential.body.status).toBe('missing');
    expect(potential.body.rows).toEqual([]);
    expect(potential.body.missing).toContain('karavan ingest');
    const turnoverAnswer = await getJson(s.app, '/api/report/turnover');
    expect(turnoverAnswer.body.status).toBe('partial');
    expect(turnoverAnswer.body.turnover.status).toBe('official-only');
  });
});
