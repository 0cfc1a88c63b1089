import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  exportPotential,
  exporterSupply,
  importerNeeds,
  jointProduction,
  rivals,
  surplusPlacement,
  turnover,
} from '../../../src/analysis/index.ts';
import { toJson } from '../../../src/server/respond.ts';
import {
  jointSchema,
  needsSchema,
  potentialSchema,
  rivalsSchema,
  supplySchema,
  surplusSchema,
  turnoverSchema,
} from '../../../src/server/routes/report.schema.ts';
import { getJson, jsonSchemaOf, schemaErrors, testServer, type TestServer } from '../helpers.ts';

const plain = (value: unknown) => JSON.parse(toJson(value));

describe('report routes (fixture store: BLR, KAZ, RUS 2016-2021)', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await testServer();
  });
  afterAll(() => s.close());

  it('turnover: the same result as the core, with coverage and an example target', async () => {
    const r = await getJson(s.app, '/api/report/turnover?exporter=BLR&importer=KAZ');
    expect(r.status).toBe(200);
    expect(schemaErrors(jsonSchemaOf(turnoverSchema), r.body)).toEqual([]);
    expect(r.body.turnover).toEqual(plain(await turnover(s.app.store, { exporter: 'BLR', importer: 'KAZ' })));
    expect(r.body.status).toBe('computed');
    expect(r.body.target.example).toBe(true);
    expect(r.body.target.targetUsd).toBeCloseTo(2 * r.body.turnover.latest.turnoverUsd);
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

  it('needs, supply, potential, joint production and surplus: the core results, matching the schemas', async () => {
    const pair = { exporter: 'BLR', importer: 'KAZ' };
    const cases: Array<[string, object, () => Promise<unknown>]> = [
      ['/api/report/needs?limit=5', needsSchema, () => importerNeeds(s.app.store, { ...pair, level: 6, limit: 5 })],
      [
        '/api/report/supply?limit=5',
        supplySchema,
        () => exporterSupply(s.app.store, { exporter: 'BLR', level: 4, limit: 5 }),
      ],
      [
        '/api/report/potential?limit=5',
        potentialSchema,
        () => exportPotential(s.app.store, { ...pair, level: 6, limit: 5 }),
      ],
      [
        '/api/report/joint-production?limit=5',
        jointSchema,
        () => jointProduction(s.app.store, { ...pair, level: 4, limit: 5 }),
      ],
      [
        '/api/report/surplus?limit=5',
        surplusSchema,
        () => surplusPlacement(s.app.store, { ...pair, level: 6, limit: 5 }),
      ],
    ];
    for (const [url, schema, core] of cases) {
      const r = await getJson(s.app, url);
      expect(r.status, url).toBe(200);
      expect(schemaErrors(jsonSchemaOf(schema as { response: Record<number, unknown> }), r.body), url).toEqual([]);
      expect(r.body, url).toEqual(plain(await core()));
    }
  });

  it('potential: the fixture pair has untapped potential in butter (040510)', async () => {
    const r = await getJson(s.app, '/api/report/potential');
    expect(r.body.status).toBe('computed');
    const butter = r.body.rows.find((x: { product: string }) => x.product === '040510');
    expect(butter.untappedUsd).toBeGreaterThan(0);
  });

  it('rivals: suppliers and unit values for the asked products; products are required and checked', async () => {
    const r = await getJson(s.app, '/api/report/rivals?products=870190,843351');
    expect(r.status).toBe(200);
    expect(schemaErrors(jsonSchemaOf(rivalsSchema), r.body)).toEqual([]);
    expect(r.body).toEqual(
      plain(await rivals(s.app.store, { exporter: 'BLR', importer: 'KAZ', products: ['870190', '843351'], level: 6 })),
    );
    expect((await getJson(s.app, '/api/report/rivals')).status).toBe(400);
    expect((await getJson(s.app, '/api/report/rivals?products=87x')).status).toBe(400);
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
    expect(names).toContain('Покрытие данными');
    expect(names.some((n) => n.startsWith('Экспортный потенциал'))).toBe(true);
  });

  it('the whole report answers as buildReport does', async () => {
    const r = await getJson(s.app, '/api/report?limit=3');
    expect(r.status).toBe(200);
    expect(Object.keys(r.body)).toEqual(
      expect.arrayContaining([
        'coverage',
        'turnover',
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
