import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveServer, serverDefaults } from '../../src/server/index.ts';
import { getJson, testServer, type TestServer } from './helpers.ts';

describe('resolveServer', () => {
  it('has the documented defaults: loopback, port 8080, no ingest', () => {
    expect(serverDefaults).toMatchObject({
      host: '127.0.0.1',
      port: 8080,
      allowIngest: false,
      maxUploadMb: 2048,
      cacheEntries: 512,
      logRequests: false,
    });
    const o = resolveServer();
    expect(o.host).toBe('127.0.0.1');
    expect(o.port).toBe(8080);
    expect(o.allowIngest).toBe(false);
    expect(o.webRoot).toMatch(/web\/dist\/?$/);
  });

  it('rejects bad values naming the option', () => {
    expect(() => resolveServer({ port: 70000 })).toThrow('invalid port: 70000');
    expect(() => resolveServer({ port: 1.5 })).toThrow('invalid port: 1.5');
    expect(() => resolveServer({ host: ' ' })).toThrow('invalid host');
    expect(() => resolveServer({ maxUploadMb: 0 })).toThrow('invalid maxUploadMb: 0');
    expect(() => resolveServer({ cacheEntries: -1 })).toThrow('invalid cacheEntries: -1');
  });
});

describe('buildServer', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await testServer({ fixture: false });
  });
  afterAll(() => s.close());

  it('answers health with the store version', async () => {
    const r = await getJson(s.app, '/api/health');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'ok', storeVersion: s.app.store.version, ingestEnabled: false });
    // The version is package.json's, read here; the two embedded trade datasets (OTS table, BACI slice).
    const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    expect(r.body.version).toBe(packageJson.version);
    expect(r.body.datasets).toBe(2);
  });

  it('publishes an OpenAPI 3.1 document where every route has tags and a summary', async () => {
    const r = await getJson(s.app, '/api/openapi.json');
    expect(r.status).toBe(200);
    expect(r.body.openapi).toBe('3.1.0');
    const operations = Object.entries(
      r.body.paths as Record<string, Record<string, { tags?: string[]; summary?: string }>>,
    ).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, op })));
    expect(operations.length).toBeGreaterThanOrEqual(20);
    for (const { path, method, op } of operations) {
      expect(op.tags?.length, `${method} ${path} tags`).toBeGreaterThan(0);
      expect(op.summary, `${method} ${path} summary`).toBeTruthy();
    }
    expect(r.body.components.schemas).toHaveProperty('Error');
    expect(r.body.components.schemas).toHaveProperty('Country');
  });

  it('serves the API docs page locally (no CDN)', async () => {
    const page = await s.app.inject({ url: '/api/docs' });
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toMatch(/https?:\/\/(unpkg|cdn|cdnjs|fonts\.googleapis)/);
    const initializer = await s.app.inject({ url: '/api/docs/static/swagger-initializer.js' });
    expect(initializer.statusCode).toBe(200);
    expect(initializer.body).toContain('validatorUrl: null');
  });

  it('gives results an ETag that depends on the store version, and 304 on If-None-Match', async () => {
    const first = await s.app.inject({ url: '/api/countries?search=kaz' });
    expect(first.statusCode).toBe(200);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers['cache-control']).toBe('no-cache');
    const again = await s.app.inject({ url: '/api/countries?search=kaz', headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const other = await s.app.inject({ url: '/api/countries?search=blr' });
    expect(other.headers.etag).not.toBe(etag);
  });

  it('caches a result once and invalidates it when the store version changes', async () => {
    const before = s.app.resultCache.size;
    await s.app.inject({ url: '/api/datasets' });
    await s.app.inject({ url: '/api/datasets' });
    expect(s.app.resultCache.size).toBe(before + 1);
    const etag = (await s.app.inject({ url: '/api/datasets' })).headers.etag;
    const { writeReportFixture } = await import('../support/report-fixture.ts');
    await s.app.store.ingest(writeReportFixture(s.home));
    const after = await s.app.inject({ url: '/api/datasets', headers: { 'if-none-match': etag as string } });
    expect(after.statusCode).toBe(200);
    expect(JSON.parse(after.body)).toHaveLength(3);
  });

  it('serves the dashboard or, when it is not built, a page that says how to build it', async () => {
    const r = await s.app.inject({ url: '/' });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toMatch(/text\/html/);
    expect(r.body).toMatch(/Караван|npm run build:web/);
  });

  it('answers unknown API routes with 404 JSON', async () => {
    const r = await getJson(s.app, '/api/nope');
    expect(r.status).toBe(404);
    expect(r.body.code).toBe('KRV_HTTP_NOT_FOUND');
  });
});
