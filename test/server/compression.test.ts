import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptsGzip, gzipEtag } from '../../src/server/respond.ts';
import { testServer, type TestServer } from './helpers.ts';

// Found by the soak benchmark: with 200 clients the cached routes were bound by the bytes written
// (a 68 KB report, a 550 KB Russian complexity table); browsers accept gzip, so they get it, compressed once.
describe('gzip of cached results', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await testServer({ fixture: false });
  });
  afterAll(() => s.close());

  const url = '/api/complexity/products?country=BLR&lang=ru';

  it('sends a cached JSON answer gzip-compressed to a client that accepts it, the same JSON inside', async () => {
    const plain = await s.app.inject({ url });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toBe('Accept-Encoding');
    const zipped = await s.app.inject({ url, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(zipped.statusCode).toBe(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(zipped.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
    expect(gunzipSync(zipped.rawPayload).equals(plain.rawPayload)).toBe(true);
    // Its own ETag, and either ETag revalidates.
    expect(zipped.headers.etag).toBe(gzipEtag(plain.headers.etag as string));
    for (const etag of [plain.headers.etag, zipped.headers.etag] as string[]) {
      expect(
        (await s.app.inject({ url, headers: { 'accept-encoding': 'gzip', 'if-none-match': etag } })).statusCode,
      ).toBe(304);
    }
  });

  it('compresses CSV, not XLSX (already a zip) nor small answers, nor for clients that refuse gzip', async () => {
    const csv = await s.app.inject({ url: '/api/countries?format=csv', headers: { 'accept-encoding': 'gzip' } });
    expect(csv.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(csv.rawPayload).toString('utf8')).toMatch(/^\ufeffISO3,/);
    const xlsx = await s.app.inject({ url: '/api/countries?format=xlsx', headers: { 'accept-encoding': 'gzip' } });
    expect(xlsx.headers['content-encoding']).toBeUndefined();
    const small = await s.app.inject({ url: '/api/countries/KAZ', headers: { 'accept-encoding': 'gzip' } });
    expect(small.headers['content-encoding']).toBeUndefined();
    const refused = await s.app.inject({ url, headers: { 'accept-encoding': 'gzip;q=0, identity' } });
    expect(refused.headers['content-encoding']).toBeUndefined();
  });

  it('reads Accept-Encoding as RFC 9110 says', () => {
    expect(acceptsGzip(undefined)).toBe(false);
    expect(acceptsGzip('gzip')).toBe(true);
    expect(acceptsGzip('br;q=1.0, GZIP;q=0.5')).toBe(true);
    expect(acceptsGzip('*')).toBe(true);
    expect(acceptsGzip('gzip;q=0')).toBe(false);
    expect(acceptsGzip('identity')).toBe(false);
    expect(acceptsGzip('x-gzip2')).toBe(false);
  });

  it("sends the dashboard's script as the brotli or gzip file the build wrote, to browsers that accept it", async () => {
    const page = await s.app.inject({ url: '/' });
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(page.body)?.[1];
    expect(script, 'the dashboard is built').toBeDefined();
    const plain = await s.app.inject({ url: script! });
    const br = await s.app.inject({ url: script!, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/^application\/javascript/);
    expect(br.headers['x-content-type-options']).toBe('nosniff');
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
    expect(brotliDecompressSync(br.rawPayload).equals(plain.rawPayload)).toBe(true);
    const gz = await s.app.inject({ url: script!, headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).equals(plain.rawPayload)).toBe(true);
  });
});
