import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coverageSchema, ingestSchema, listDatasetsSchema } from '../../../src/server/routes/datasets.schema.ts';
import { writeReportFixture } from '../../support/report-fixture.ts';
import { embeddedBaciSlice, embeddedOtsExports, readBaciRows, readOtsRows, sumUsd } from '../../support/raw-sources.ts';
import { tempDir } from '../../support/store.ts';
import { getJson, jsonSchemaOf, schemaErrors, testServer, type TestServer } from '../helpers.ts';

function multipart(name: string, content: string | Buffer): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----karavan-test-boundary';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  const payload = Buffer.concat([
    Buffer.from(head),
    Buffer.isBuffer(content) ? content : Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('dataset routes (ingest off)', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await testServer({ fixture: false });
  });
  afterAll(() => s.close());

  it('lists the embedded datasets', async () => {
    const r = await getJson(s.app, '/api/datasets');
    expect(r.status).toBe(200);
    expect(r.body.map((d: { fileName: string }) => d.fileName).sort()).toEqual([
      'BACI_HS92_Y2021_V202301_from_AFG_ZAF.csv.gz',
      'ots_exports_hs4_2017.csv.gz',
    ]);
    expect(schemaErrors(jsonSchemaOf(listDatasetsSchema), r.body)).toEqual([]);
    // Size, SHA-256, row count, exporters and value total of each file, computed here from the file itself.
    const otsRows = readOtsRows(embeddedOtsExports);
    const baciRows = readBaciRows(embeddedBaciSlice);
    const expected = [
      {
        path: embeddedOtsExports,
        rows: otsRows.length,
        exporters: new Set(otsRows.map((x) => x.iso3)).size,
        usd: sumUsd(otsRows),
      },
      {
        path: embeddedBaciSlice,
        rows: baciRows.length,
        exporters: new Set(baciRows.map((x) => x.exporter)).size,
        usd: sumUsd(baciRows),
      },
    ];
    for (const file of expected) {
      const bytes = readFileSync(file.path);
      const dataset = r.body.find((d: { fileName: string }) => file.path.endsWith(`/${d.fileName}`));
      expect(dataset.sizeBytes, file.path).toBe(bytes.length);
      // A gzip file is hashed by its decompressed content (src/data/readers/source-file.ts).
      expect(dataset.sha256, file.path).toBe(createHash('sha256').update(gunzipSync(bytes)).digest('hex'));
      expect(dataset.rows, file.path).toBe(file.rows);
      expect(dataset.exporters, file.path).toBe(file.exporters);
      expect(dataset.valueUsdTotal / file.usd, file.path).toBeCloseTo(1, 9);
    }
    expect(baciRows.length).toBeGreaterThan(70_000);
  });

  it('reports the coverage of BLR -> KAZ on the embedded data: no bilateral flows, and the command that fills the gap', async () => {
    const r = await getJson(s.app, '/api/coverage?exporter=BLR&importer=KAZ');
    expect(r.status).toBe(200);
    expect(schemaErrors(jsonSchemaOf(coverageSchema), r.body)).toEqual([]);
    const potential = r.body.coverage.sections.find((x: { section: string }) => x.section === 'potential');
    expect(potential.status).toBe('missing');
    expect(potential.missing).toContain('karavan ingest BACI_HS17_V202401.zip');
  });

  it('takes countries by name in either language for the coverage', async () => {
    const r = await getJson(s.app, `/api/coverage?exporter=Belarus&importer=${encodeURIComponent('Казахстан')}`);
    expect(r.body.coverage.exporter).toBe('BLR');
    expect(r.body.coverage.importer).toBe('KAZ');
    const bad = await getJson(s.app, '/api/coverage?exporter=Narnia');
    expect(bad.status).toBe(404);
    expect(bad.body.code).toBe('KRV_REF_UNKNOWN_COUNTRY');
  });

  it('says where to get BACI and Comtrade files for the pair', async () => {
    const r = await getJson(s.app, '/api/sources?exporter=BLR&importer=KAZ');
    expect(r.body.baci).toContain('karavan ingest');
    expect(r.body.comtradeImporterImports).toContain('reporter Kazakhstan, imports');
    expect(r.body.ingest).toEqual({ enabled: false, maxUploadMb: 2048, command: 'karavan ingest <file>' });
  });

  it('refuses uploads with 403 when ingest is off', async () => {
    const { payload, headers } = multipart('x.csv', 'a,b\n1,2\n');
    const r = await s.app.inject({ method: 'POST', url: '/api/ingest', payload, headers });
    expect(r.statusCode).toBe(403);
    expect(JSON.parse(r.body)).toMatchObject({ code: 'KRV_HTTP_INGEST_DISABLED' });
    expect((await getJson(s.app, '/api/ingest/status')).body).toEqual({ enabled: false, running: false });
  });
});

describe('dataset routes (ingest on)', () => {
  let s: TestServer;
  const dir = tempDir();
  beforeAll(async () => {
    s = await testServer({ fixture: false, allowIngest: true, maxUploadMb: 0.05 });
  });
  afterAll(async () => {
    await s.close();
    dir.cleanup();
  });

  it('ingests an upload as the CLI does, then says unchanged for the same file', async () => {
    const file = readFileSync(writeReportFixture(dir.path));
    const { payload, headers } = multipart('BACI_HS17_fixture.csv', file);
    const versionBefore = s.app.store.version;
    const r = await s.app.inject({ method: 'POST', url: '/api/ingest', payload, headers });
    expect(r.statusCode).toBe(200);
    const body = JSON.parse(r.body);
    expect(schemaErrors(jsonSchemaOf(ingestSchema), body)).toEqual([]);
    expect(body).toMatchObject({
      status: 'imported',
      dataset: { fileName: 'BACI_HS17_fixture.csv', format: 'baci', hsRevision: 'HS17' },
    });
    expect(s.app.store.version).not.toBe(versionBefore);
    const again = await s.app.inject({ method: 'POST', url: '/api/ingest', payload, headers });
    expect(JSON.parse(again.body).status).toBe('unchanged');
  });

  it('rejects a bad file with the ingest error (400, line and column)', async () => {
    const { payload, headers } = multipart('bad.csv', '"t","i","j","k","v","q"\n2021,112,398,843351,abc,1\n');
    const r = await s.app.inject({ method: 'POST', url: '/api/ingest', payload, headers });
    expect(r.statusCode).toBe(400);
    const body = JSON.parse(r.body);
    expect(body.code).toMatch(/^KRV_INGEST_/);
    expect(body).not.toHaveProperty('stack');
  });

  it('rejects an upload over the size limit with 413 and leaves no temporary file', async () => {
    const { readdirSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { payload, headers } = multipart('big.csv', 'x'.repeat(200_000));
    const r = await s.app.inject({ method: 'POST', url: '/api/ingest', payload, headers });
    expect(r.statusCode).toBe(413);
    expect(JSON.parse(r.body).code).toBe('KRV_HTTP_TOO_LARGE');
    expect(readdirSync(tmpdir()).filter((n) => n.startsWith('karavan-upload-'))).toEqual([]);
  });

  it('answers a request that is not multipart with 4xx', async () => {
    const r = await s.app.inject({ method: 'POST', url: '/api/ingest', payload: { file: 'x' } });
    expect(r.statusCode).toBeGreaterThanOrEqual(400);
    expect(r.statusCode).toBeLessThan(500);
  });

  it('rejects bad ingest options with 400', async () => {
    const { payload, headers } = multipart('x.csv', 'a\n');
    const r = await s.app.inject({ method: 'POST', url: '/api/ingest?format=xml', payload, headers });
    expect(r.statusCode).toBe(400);
    expect(JSON.parse(r.body).message).toContain('invalid format: xml');
  });
});
