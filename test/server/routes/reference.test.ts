import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  getCountrySchema,
  getProductSchema,
  listCountriesSchema,
  listProductsSchema,
} from '../../../src/server/routes/reference.schema.ts';
import { csvLines, embeddedBaciCountryCodes, embeddedHsEnglish } from '../../support/raw-sources.ts';
import { getJson, jsonSchemaOf, schemaErrors, testServer, type TestServer } from '../helpers.ts';

describe('reference routes', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await testServer({ fixture: false });
  });
  afterAll(() => s.close());

  it('lists countries, searchable in Russian, matching the schema', async () => {
    const r = await getJson(s.app, '/api/countries?search=казах');
    expect(r.status).toBe(200);
    expect(r.body.map((c: { iso3: string }) => c.iso3)).toEqual(['KAZ']);
    expect(schemaErrors(jsonSchemaOf(listCountriesSchema), r.body)).toEqual([]);
  });

  it('resolves a country by ISO2, numeric code or name', async () => {
    for (const input of ['KZ', '398', 'Kazakhstan', encodeURIComponent('Казахстан')]) {
      const r = await getJson(s.app, `/api/countries/${input}`);
      expect(r.status, input).toBe(200);
      expect(r.body.iso3).toBe('KAZ');
    }
    // Numeric code, ISO2 and English name as the embedded BACI country table has them.
    const [numeric, , nameEn, iso2] = csvLines(embeddedBaciCountryCodes)
      .map((line) => line.split(','))
      .find((cells) => cells.at(-1) === 'KAZ')!;
    expect((await getJson(s.app, '/api/countries/KAZ')).body).toMatchObject({ numeric, iso2, nameEn });
    expect(schemaErrors(jsonSchemaOf(getCountrySchema), (await getJson(s.app, '/api/countries/BLR')).body)).toEqual([]);
  });

  it('answers an unknown country with 404 and suggestions', async () => {
    const r = await getJson(s.app, '/api/countries/Kazakstn');
    expect(r.status).toBe(404);
    expect(r.body.code).toBe('KRV_REF_UNKNOWN_COUNTRY');
    expect(r.body.message).toContain('did you mean KAZ');
  });

  it('searches products in Russian and English with names in the asked language', async () => {
    const ru = await getJson(s.app, `/api/products?search=${encodeURIComponent('комбайн')}&lang=ru`);
    expect(ru.status).toBe(200);
    expect(ru.body.map((p: { code: string }) => p.code)).toContain('843351');
    expect(schemaErrors(jsonSchemaOf(listProductsSchema), ru.body)).toEqual([]);
    const level = await getJson(s.app, '/api/products?search=machines&level=4&limit=3');
    expect(level.body).toHaveLength(3);
    expect(level.body.every((p: { level: number }) => p.level === 4)).toBe(true);
  });

  it('looks up one HS code with the name, parent and section of the HS 2022 table', async () => {
    const line = csvLines(embeddedHsEnglish).find((x) => x.split(',')[1] === '843351')!;
    const [section, code, ...rest] = line.split(',');
    const [parent, level] = rest.slice(-2);
    const r = await getJson(s.app, '/api/products/843351');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      code,
      section,
      parent,
      level: Number(level),
      nameEn: rest.slice(0, -2).join(','),
    });
  });

  it('looks up one HS code, in Russian', async () => {
    const r = await getJson(s.app, '/api/products/8433?lang=ru');
    expect(r.status).toBe(200);
    expect(r.body.name).toMatch(/[а-я]/i);
    expect(schemaErrors(jsonSchemaOf(getProductSchema), r.body)).toEqual([]);
  });

  it('rejects malformed HS codes (400) and answers unknown ones with 404', async () => {
    for (const code of ['84x', '843', '8433511', 'abcd']) {
      const r = await getJson(s.app, `/api/products/${code}`);
      expect(r.status, code).toBe(400);
      expect(r.body.code).toBe('KRV_OPT_INVALID');
      expect(r.body.message).toContain(`invalid code: ${code}`);
    }
    const unknown = await getJson(s.app, '/api/products/777777');
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('KRV_REF_UNKNOWN_PRODUCT');
  });

  it('rejects absurd page sizes, bad levels, languages and unknown parameters with 400', async () => {
    for (const url of [
      '/api/products?limit=100000',
      '/api/products?limit=0',
      '/api/products?limit=ten',
      '/api/products?level=5',
      '/api/products?lang=de',
      '/api/countries?serch=kaz',
    ]) {
      const r = await getJson(s.app, url);
      expect(r.status, url).toBe(400);
      expect(r.body.message, url).toMatch(/^invalid /);
    }
  });

  it('downloads the country list as CSV (in Russian ;-separated) and XLSX', async () => {
    const csv = await s.app.inject({ url: '/api/countries?search=kaz&format=csv&lang=ru' });
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="countries-countries.csv"');
    expect(csv.body).toBe(
      '\ufeffISO3;ISO2;Цифровой код;Вид;Английский;Русский\r\nKAZ;KZ;398;country;Kazakhstan;Казахстан\r\n',
    );
    const xlsx = await s.app.inject({ url: '/api/countries?search=kaz&format=xlsx' });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});
