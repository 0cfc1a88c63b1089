import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countriesSchema, productSpaceSchema, productsSchema } from '../../../src/server/routes/complexity.schema.ts';
import { rcaTable, readOtsRows, sumUsd } from '../../support/raw-sources.ts';
import { getJson, jsonSchemaOf, schemaErrors, testServer, type TestServer } from '../helpers.ts';

/** The embedded OTS 2017 export table, gunzipped and parsed here: the expected figures come from it. */
const otsRows = readOtsRows();
const ots = {
  rows: otsRows,
  ...rcaTable(
    otsRows,
    (x) => x.iso3,
    (x) => x.product,
  ),
};

describe('complexity routes (embedded data: OTS 2017 exports by HS4)', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await testServer({ fixture: false });
  });
  afterAll(() => s.close());

  it('ranks by default only the countries the Atlas keeps: 142 of the 224 OTS exporters, no micro-territory', async () => {
    const r = await getJson(s.app, '/api/complexity/countries?level=4');
    expect(r.status).toBe(200);
    const ranked = r.body.rows.map((x: { iso3: string }) => x.iso3);
    expect(ranked).toHaveLength(142);
    for (const territory of ['BVT', 'HMD', 'ATF', 'LUX', 'ISL']) expect(ranked).not.toContain(territory);
    for (const country of ['BLR', 'KAZ', 'JPN', 'DEU', 'UZB']) expect(ranked).toContain(country);
    // With every location ranked, the micro-territories come back.
    const all = await getJson(s.app, '/api/complexity/countries?level=4&allCountries=true');
    expect(all.body.rows.map((x: { iso3: string }) => x.iso3)).toContain('BVT');
  });

  it("the report's supply section ranks Belarus among the Atlas set, or among every location when asked", async () => {
    const atlas = await getJson(s.app, '/api/report/supply?exporter=BLR&level=4');
    expect(atlas.status).toBe(200);
    expect(atlas.body).toMatchObject({ rankedCountries: 142, leftOutCountries: 82, notRankedReason: null });
    const ranked = (await getJson(s.app, '/api/complexity/countries?level=4')).body.rows.map(
      (x: { iso3: string }) => x.iso3,
    );
    expect(atlas.body.eciRank).toBe(ranked.indexOf('BLR') + 1);
    const every = await getJson(s.app, '/api/report/supply?exporter=BLR&level=4&allCountries=true');
    expect(every.body).toMatchObject({ rankedCountries: 224, leftOutCountries: 0 });
    // Bouvet Island is not ranked by default; its supply still shows RCA over all countries and says why.
    const bouvet = await getJson(s.app, '/api/report/supply?exporter=BVT&level=4');
    expect(bouvet.body).toMatchObject({ eciRank: null, notRankedReason: 'no-population' });
    expect(bouvet.body.rows.length).toBeGreaterThan(0);
    expect(bouvet.body.rows.every((r: { rca: number }) => Number.isFinite(r.rca))).toBe(true);
  });

  it('ranks every country with allCountries: one row per OTS exporter, diversity and exports counted by hand', async () => {
    const r = await getJson(s.app, '/api/complexity/countries?level=4&lang=ru&allCountries=true');
    expect(r.status).toBe(200);
    expect(schemaErrors(jsonSchemaOf(countriesSchema), r.body)).toEqual([]);
    expect(r.body).toMatchObject({ status: 'computed', year: 2017, level: 4 });
    // One row per exporter of the OTS file; diversity = the products it exports with RCA > 1, by hand.
    expect(r.body.rows).toHaveLength(new Set(ots.rows.map((x) => x.iso3)).size);
    const japan = r.body.rows.find((x: { iso3: string }) => x.iso3 === 'JPN');
    expect(japan.diversity).toBe(ots.products.filter((p) => ots.rca('JPN', p) > 1).length);
    expect(japan.exportsUsd).toBeCloseTo(
      sumUsd(ots.rows, (x) => x.iso3 === 'JPN'),
      0,
    );
    const eci = r.body.rows.map((x: { eci: number | null }) => x.eci).filter((x: number | null) => x !== null);
    expect([...eci].sort((a: number, b: number) => b - a)).toEqual(eci);
    expect(r.body.rows.find((x: { iso3: string }) => x.iso3 === 'KAZ').name).toBe('Казахстан');
  });

  it("gives every product's PCI and a country's RCA, M, density and COG", async () => {
    // Over every location, as the RCA computed here by hand.
    const r = await getJson(s.app, '/api/complexity/products?country=BLR&level=4&allCountries=true');
    expect(r.status).toBe(200);
    expect(schemaErrors(jsonSchemaOf(productsSchema), r.body)).toEqual([]);
    expect(r.body.country).toBe('BLR');
    const tractors = r.body.rows.find((x: { product: string }) => x.product === '8701');
    // (BLR's 8701 / BLR's total) / (world 8701 / world total) over the OTS rows; ubiquity counts RCA > 1.
    expect(tractors.rca).toBeCloseTo(ots.rca('BLR', '8701'), 9);
    expect(tractors.rca).toBeGreaterThan(1);
    expect(tractors.exportsUsd).toBe(sumUsd(ots.rows, (x) => x.iso3 === 'BLR' && x.product === '8701'));
    expect(tractors.worldExportsUsd).toBe(sumUsd(ots.rows, (x) => x.product === '8701'));
    const exporters = [...new Set(ots.rows.map((x) => x.iso3))];
    expect(tractors.ubiquity).toBe(exporters.filter((c) => ots.rca(c, '8701') > 1).length);
    expect(tractors.mcp).toBe(1);
    expect(tractors.cog).toBe(0);
  });

  it('says what to ingest when the level has no world export data (HS6 on the embedded data)', async () => {
    const r = await getJson(s.app, '/api/complexity/products?level=6');
    expect(r.body.status).toBe('missing');
    expect(r.body.rows).toEqual([]);
    expect(r.body.missing).toContain('karavan ingest');
  });

  it("draws the product space with the pair's products marked, edges capped", async () => {
    const r = await getJson(s.app, '/api/complexity/product-space?exporter=BLR&importer=KAZ&level=4&maxEdges=500');
    expect(r.status).toBe(200);
    expect(schemaErrors(jsonSchemaOf(productSpaceSchema), r.body)).toEqual([]);
    const nodes = r.body.nodes as Array<{ product: string; exporterMcp: number; importerMcp: number }>;
    expect(nodes.length).toBeGreaterThan(1000);
    const tree = r.body.edges.filter((e: { spanningTree: boolean }) => e.spanningTree).length;
    expect(tree).toBeGreaterThanOrEqual(nodes.length - 5);
    expect(r.body.edges.length - tree).toBeLessThanOrEqual(500);
    expect(nodes.find((n) => n.product === '8701')!.exporterMcp).toBe(1);
    expect(nodes.find((n) => n.product === '2709')!.importerMcp).toBe(1);
  });

  it('rejects bad parameters with 400 and unknown countries with 404', async () => {
    for (const url of [
      '/api/complexity/product-space?minProximity=2',
      '/api/complexity/product-space?maxEdges=-1',
      '/api/complexity/countries?level=5',
      '/api/complexity/countries?year=1200',
    ]) {
      expect((await getJson(s.app, url)).status, url).toBe(400);
    }
    expect((await getJson(s.app, '/api/complexity/products?country=Atlantis')).status).toBe(404);
  });

  // Found by the API fuzzer: maxEdges up to 200,000 with minProximity=0 gave a 17 MB answer and, as
  // XLSX, held the event loop (every other request) for 10 s and more. 20,000 edges is ten times the dashboard's.
  it('caps maxEdges at 20,000', async () => {
    const r = await getJson(s.app, '/api/complexity/product-space?maxEdges=20001');
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ code: 'KRV_OPT_INVALID', column: 'maxEdges' });
    expect(
      (await s.app.inject({ url: '/api/complexity/product-space?maxEdges=20000&minProximity=0' })).statusCode,
    ).toBe(200);
  });
});
