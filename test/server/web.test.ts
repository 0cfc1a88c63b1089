import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDashboard } from '../../src/server/web.ts';
import { testServer, type TestServer } from './helpers.ts';

// A hand-made build: index.html, a hashed script with the .br/.gz copies Vite writes, and a
// stylesheet without them.
const script = 'console.log("karavan");\n'.repeat(200);
const page =
  '<!doctype html><html lang="ru"><title>Караван</title><script type="module" src="/assets/index-abc.js"></script></html>';

describe('the dashboard served from memory', () => {
  let s: TestServer;
  let webRoot: string;
  beforeAll(async () => {
    webRoot = mkdtempSync(join(tmpdir(), 'karavan-web-'));
    mkdirSync(join(webRoot, 'assets'));
    writeFileSync(join(webRoot, 'index.html'), page);
    writeFileSync(join(webRoot, 'assets', 'index-abc.js'), script);
    writeFileSync(join(webRoot, 'assets', 'index-abc.js.br'), brotliCompressSync(script));
    writeFileSync(join(webRoot, 'assets', 'index-abc.js.gz'), gzipSync(script));
    writeFileSync(join(webRoot, 'assets', 'index-abc.css'), 'body { margin: 0 }');
    s = await testServer({ fixture: false, webRoot });
  });
  afterAll(async () => {
    await s.close();
    rmSync(webRoot, { recursive: true, force: true });
  });

  it('reads every file with its type, cache policy and compressed copies', () => {
    const files = loadDashboard(webRoot);
    expect([...files.keys()].sort()).toEqual(['/assets/index-abc.css', '/assets/index-abc.js', '/index.html']);
    const js = files.get('/assets/index-abc.js')!;
    expect(js.contentType).toBe('application/javascript; charset=utf-8');
    expect(js.cacheControl).toBe('public, max-age=31536000, immutable');
    expect(js.identity.body.toString()).toBe(script);
    expect(js.br?.etag).toMatch(/-br"$/);
    expect(js.gzip?.etag).toMatch(/-gz"$/);
    expect(files.get('/index.html')!.cacheControl).toBe('no-cache');
    expect(files.get('/assets/index-abc.css')!.br).toBeUndefined();
  });

  it('answers / with index.html, revalidated, and HEAD with the headers only', async () => {
    const r = await s.app.inject({ url: '/' });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(r.headers['cache-control']).toBe('no-cache');
    expect(r.body).toBe(page);
    expect((await s.app.inject({ url: '/index.html' })).body).toBe(page);
    const head = await s.app.inject({ method: 'HEAD', url: '/' });
    expect(head.statusCode).toBe(200);
    expect(head.headers.etag).toBe(r.headers.etag);
    expect(head.body).toBe('');
  });

  it('sends brotli, then gzip, then the plain file, each with its own ETag; any of them revalidates', async () => {
    const url = '/assets/index-abc.js';
    const br = await s.app.inject({ url, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    const gz = await s.app.inject({ url, headers: { 'accept-encoding': 'gzip' } });
    const plain = await s.app.inject({ url, headers: { 'accept-encoding': 'br;q=0, identity' } });
    expect([br.headers['content-encoding'], gz.headers['content-encoding'], plain.headers['content-encoding']]).toEqual(
      ['br', 'gzip', undefined],
    );
    expect(plain.body).toBe(script);
    expect(new Set([br.headers.etag, gz.headers.etag, plain.headers.etag]).size).toBe(3);
    for (const r of [br, gz, plain]) {
      expect(r.headers.vary).toBe('Accept-Encoding');
      expect(r.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      const again = await s.app.inject({
        url,
        headers: { 'accept-encoding': 'gzip, br', 'if-none-match': r.headers.etag as string },
      });
      expect(again.statusCode).toBe(304);
      expect(again.body).toBe('');
    }
    expect((await s.app.inject({ url, headers: { 'if-none-match': '"stale"' } })).statusCode).toBe(200);
  });

  it('answers a Range request with the whole file (small files; RFC 9110 lets a server ignore Range)', async () => {
    const r = await s.app.inject({ url: '/assets/index-abc.css', headers: { range: 'bytes=999999-' } });
    expect(r.statusCode).toBe(200);
    expect(r.body).toBe('body { margin: 0 }');
  });

  it('answers any other path, one that leaves the folder, or a compressed copy by name, with the JSON 404', async () => {
    for (const url of [
      '/assets/missing.js',
      '/../package.json',
      '/assets/%2e%2e/%2e%2e/package.json',
      '/assets/index-abc.js.br',
      '/assets/',
    ]) {
      const r = await s.app.inject({ url });
      expect(r.statusCode, url).toBe(404);
      expect(JSON.parse(r.body).code, url).toBe('KRV_HTTP_NOT_FOUND');
    }
    // The API is untouched by the wildcard.
    expect((await s.app.inject({ url: '/api/health' })).statusCode).toBe(200);
  });
});
