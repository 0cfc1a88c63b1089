import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidOptionError, StoreCorruptError, UnknownCountryError } from '../../src/errors.ts';
import { frameworkErrorHandler, registerErrorHandling, validationError } from '../../src/server/error-handler.ts';
import { testServer, type TestServer } from './helpers.ts';

describe('error handler', () => {
  const app = Fastify();
  beforeAll(async () => {
    registerErrorHandling(app);
    app.get('/karavan', async () => {
      throw new UnknownCountryError('unknown country: "Atlantis"', { value: 'Atlantis', hint: 'use an ISO3 code' });
    });
    app.get('/corrupt', async () => {
      throw new StoreCorruptError('manifest damaged');
    });
    app.get('/bug', async () => {
      throw new TypeError('cannot read properties of undefined (at /secret/path.ts:12)');
    });
    app.get(
      '/typed',
      { schema: { querystring: { type: 'object', properties: { year: { type: 'integer', maximum: 2100 } } } } },
      async () => ({ ok: true }),
    );
    app.post(
      '/body',
      { schema: { body: { type: 'object', required: ['a'], properties: { a: { type: 'number' } } } } },
      async () => ({ ok: true }),
    );
    await app.ready();
  });
  afterAll(() => app.close());

  it('answers a KaravanError with its status and toJSON()', async () => {
    const r = await app.inject({ url: '/karavan' });
    expect(r.statusCode).toBe(404);
    expect(JSON.parse(r.body)).toEqual({
      code: 'KRV_REF_UNKNOWN_COUNTRY',
      message: 'unknown country: "Atlantis"',
      value: 'Atlantis',
      hint: 'use an ISO3 code',
    });
  });

  it('keeps a store error 5xx but without internals', async () => {
    const r = await app.inject({ url: '/corrupt' });
    expect(r.statusCode).toBe(500);
    expect(JSON.parse(r.body)).toEqual({ code: 'KRV_STORE_CORRUPT', message: 'manifest damaged' });
  });

  it('answers an unexpected error with 500 and no stack trace or message', async () => {
    const r = await app.inject({ url: '/bug' });
    expect(r.statusCode).toBe(500);
    const body = JSON.parse(r.body);
    expect(body.code).toBe('KRV_INTERNAL');
    expect(r.body).not.toContain('secret');
    expect(r.body).not.toContain('at ');
  });

  it('turns schema validation failures into 400 naming the field and value', async () => {
    const r = await app.inject({ url: '/typed?year=3000' });
    expect(r.statusCode).toBe(400);
    expect(JSON.parse(r.body)).toMatchObject({ code: 'KRV_OPT_INVALID', column: 'year', value: '3000' });
    expect(JSON.parse(r.body).message).toMatch(/^invalid year: 3000 \(must be <= 2100\)/);
  });

  it('answers malformed JSON and a missing field with 400', async () => {
    const bad = await app.inject({
      method: 'POST',
      url: '/body',
      headers: { 'content-type': 'application/json' },
      payload: '{"a": ',
    });
    expect(bad.statusCode).toBe(400);
    expect(JSON.parse(bad.body).code).toBe('KRV_HTTP_BAD_BODY');
    const missing = await app.inject({ method: 'POST', url: '/body', payload: {} });
    expect(missing.statusCode).toBe(400);
    expect(JSON.parse(missing.body)).toMatchObject({ code: 'KRV_OPT_MISSING', message: 'missing a (in the body)' });
  });

  it('answers an unsupported content type with 415, and a text body where JSON is due with 400', async () => {
    const xml = await app.inject({
      method: 'POST',
      url: '/body',
      headers: { 'content-type': 'application/xml' },
      payload: '<a>1</a>',
    });
    expect(xml.statusCode).toBe(415);
    expect(JSON.parse(xml.body)).toMatchObject({
      code: 'KRV_HTTP_BAD_BODY',
      message: 'unsupported content type: application/xml',
    });
    const text = await app.inject({
      method: 'POST',
      url: '/body',
      headers: { 'content-type': 'text/plain' },
      payload: 'a=1',
    });
    expect(text.statusCode).toBe(400);
    expect(JSON.parse(text.body)).toMatchObject({
      code: 'KRV_OPT_INVALID',
      message: 'invalid body: a=1 (must be object)',
    });
  });

  it('answers an unknown route with 404 JSON', async () => {
    const r = await app.inject({ url: '/nowhere' });
    expect(r.statusCode).toBe(404);
    expect(JSON.parse(r.body)).toMatchObject({ code: 'KRV_HTTP_NOT_FOUND', message: 'no route GET /nowhere' });
  });

  it('validationError names nested fields and unknown ones', () => {
    const e = validationError(
      [{ keyword: 'additionalProperties', instancePath: '/scenario', params: { additionalProperty: 'areaHectares' } }],
      'body',
      {},
    );
    expect(e).toBeInstanceOf(InvalidOptionError);
    expect(e.message).toBe('invalid scenario.areaHectares: not a field this route takes (in the body)');
  });
});

// Found by the API fuzzer (test/reliability/fuzz-api.test.ts): answers that bypassed the JSON error shape.
describe('errors of the whole server outside the routes', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await testServer({ fixture: false });
  });
  afterAll(() => s.close());

  it("answers a URL whose percent-encoding does not decode with 400 KRV_OPT_INVALID (not Fastify's FST_ERR_BAD_URL body)", async () => {
    for (const url of ['/api/countries/%', '/%zz', '/api/products/%ff%fe']) {
      const r = await s.app.inject({ url });
      expect(r.statusCode, url).toBe(400);
      expect(r.headers['content-type']).toBe('application/json; charset=utf-8');
      const body = JSON.parse(r.body);
      expect(body).toMatchObject({ code: 'KRV_OPT_INVALID', column: 'path' });
      expect(body.message).toMatch(/^invalid path: .* is not a well-formed URL/);
    }
  });

  it('answers a path parameter over the router limit with 400 KRV_OPT_INVALID (not 414 FST_ERR_MAX_PARAM_LENGTH)', async () => {
    // In the server the dashboard's wildcard takes such paths (404); a server without one gets Fastify's 414 otherwise.
    const bare = Fastify({ frameworkErrors: frameworkErrorHandler });
    bare.get('/c/:country', async () => ({ ok: true }));
    const r = await bare.inject({ url: `/c/${'x'.repeat(101)}` });
    await bare.close();
    expect(r.statusCode).toBe(400);
    expect(JSON.parse(r.body)).toMatchObject({ code: 'KRV_OPT_INVALID', column: 'path' });
    expect(JSON.parse(r.body).message).toMatch(/^invalid path: a path segment is too long/);
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    const long = await s.app.inject({ url: `/api/countries/${'x'.repeat(101)}` });
    expect(long.statusCode).toBe(404);
    expect(JSON.parse(long.body).code).toBe('KRV_HTTP_NOT_FOUND');
  });

  it('answers a static path the file server refuses (403) as the 404 of any missing file', async () => {
    const r = await s.app.inject({ url: '//api/countries' });
    expect(r.statusCode).toBe(404);
    expect(JSON.parse(r.body)).toMatchObject({ code: 'KRV_HTTP_NOT_FOUND', message: 'no route GET //api/countries' });
  });

  it('refuses numbers that coerce to Infinity (ajv skips minimum/maximum for them) with 400 naming the field', async () => {
    for (const [url, field] of [
      ['/api/products?limit=1e309', 'limit'],
      ['/api/products?limit=-Infinity', 'limit'],
      ['/api/report/needs?limit=Infinity', 'limit'],
      ['/api/report/needs?year=-1e309', 'year'],
      ['/api/complexity/product-space?minProximity=1e999', 'minProximity'],
    ] as const) {
      const r = await s.app.inject({ url });
      expect(r.statusCode, url).toBe(400);
      expect(JSON.parse(r.body), url).toMatchObject({ code: 'KRV_OPT_INVALID', column: field });
      expect(JSON.parse(r.body).message, url).toMatch(
        new RegExp(`^invalid ${field}: -?Infinity \\(must be a finite number\\)$`),
      );
    }
    expect((await s.app.inject({ url: '/api/products?limit=5' })).statusCode).toBe(200);
  });

  it('answers an unsatisfiable Range on a Swagger UI file with 416 KRV_OPT_INVALID, without the JSON-body hint', async () => {
    // The dashboard's files are answered whole (test/server/web.test.ts); the docs' files come from @fastify/static.
    const r = await s.app.inject({ url: '/api/docs/static/swagger-ui.css', headers: { range: 'bytes=999999999-' } });
    expect(r.statusCode).toBe(416);
    const body = JSON.parse(r.body);
    expect(body).toEqual({ code: 'KRV_OPT_INVALID', message: 'invalid request: Range Not Satisfiable' });
  });
});
