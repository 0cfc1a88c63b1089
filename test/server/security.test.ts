import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy, docsContentSecurityPolicy, securityHeaders } from '../../src/server/security.ts';
import { testServer, type TestServer } from './helpers.ts';

describe('security headers', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await testServer({ fixture: false });
  });
  afterAll(() => s.close());

  const expectHeaders = (headers: Record<string, unknown>, csp = contentSecurityPolicy) => {
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('no-referrer');
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['content-security-policy']).toBe(csp);
  };

  it('the policy allows only this origin, no inline script, no framing', () => {
    expect(contentSecurityPolicy).toContain("default-src 'self'");
    expect(contentSecurityPolicy).toContain("script-src 'self'");
    expect(contentSecurityPolicy).toContain("frame-ancestors 'none'");
    expect(contentSecurityPolicy).toContain("object-src 'none'");
    expect(contentSecurityPolicy).not.toMatch(/script-src[^;]*unsafe/);
    expect(contentSecurityPolicy).not.toMatch(/style-src [^;]*unsafe-inline/);
    expect(docsContentSecurityPolicy).not.toMatch(/script-src[^;]*unsafe/);
    expect(docsContentSecurityPolicy).not.toContain('upgrade-insecure-requests');
    expect(Object.keys(securityHeaders)).toHaveLength(4);
  });

  it('are on API JSON, downloads and 304s', async () => {
    const json = await s.app.inject({ url: '/api/countries?search=kaz' });
    expect(json.statusCode).toBe(200);
    expectHeaders(json.headers);
    const csv = await s.app.inject({ url: '/api/countries?search=kaz&format=csv' });
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expectHeaders(csv.headers);
    const cached = await s.app.inject({
      url: '/api/countries?search=kaz',
      headers: { 'if-none-match': json.headers.etag as string },
    });
    expect(cached.statusCode).toBe(304);
    expectHeaders(cached.headers);
    expectHeaders((await s.app.inject({ url: '/api/health' })).headers);
  });

  it('are on the dashboard page and its assets', async () => {
    const page = await s.app.inject({ url: '/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expectHeaders(page.headers);
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(page.body)?.[1];
    if (asset) {
      const js = await s.app.inject({ url: asset });
      expect(js.statusCode).toBe(200);
      expect(js.headers['content-type']).toMatch(/javascript/);
      expectHeaders(js.headers);
    }
  });

  it('are on errors: validation, unknown country, no route, malformed body, a URL that does not decode', async () => {
    const invalid = await s.app.inject({ url: '/api/report/needs?year=abc' });
    expect(invalid.statusCode).toBe(400);
    expectHeaders(invalid.headers);
    const unknown = await s.app.inject({ url: '/api/countries/Narnia' });
    expect(unknown.statusCode).toBe(404);
    expectHeaders(unknown.headers);
    const none = await s.app.inject({ url: '/api/nothing-here' });
    expect(none.statusCode).toBe(404);
    expectHeaders(none.headers);
    const body = await s.app.inject({
      method: 'POST',
      url: '/api/machinery/fleet',
      headers: { 'content-type': 'application/json' },
      payload: '{"scenario": ',
    });
    expect(body.statusCode).toBe(400);
    expectHeaders(body.headers);
    const badUrl = await s.app.inject({ url: '/api/countries/%' });
    expect(badUrl.statusCode).toBe(400);
    expectHeaders(badUrl.headers);
    const ingest = await s.app.inject({ method: 'POST', url: '/api/ingest' });
    expect(ingest.statusCode).toBe(403);
    expectHeaders(ingest.headers);
  });

  it('the API docs page has its own policy (Swagger UI), the other headers the same', async () => {
    const docs = await s.app.inject({ url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expectHeaders(docs.headers, docsContentSecurityPolicy);
    const initializer = await s.app.inject({ url: '/api/docs/static/swagger-initializer.js' });
    expectHeaders(initializer.headers, docsContentSecurityPolicy);
    // The docs page loads no inline script: every <script> has a src on this server.
    expect(docs.body).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
  });
});
