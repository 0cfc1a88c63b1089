/** The dashboard's URL builder: a parameter the path already has is replaced, never repeated. */
import { describe, expect, it } from 'vitest';
import { withQuery } from '../../web/src/api.ts';

describe('withQuery', () => {
  it('adds parameters, skipping undefined, null and empty', () => {
    expect(withQuery('/api/report/needs', { exporter: 'BLR', year: undefined, level: 6, x: null, y: '' })).toBe(
      '/api/report/needs?exporter=BLR&level=6',
    );
    expect(withQuery('/api/datasets', {})).toBe('/api/datasets');
  });

  it('replaces a parameter the URL already carries (issue 18: ...&lang=ru&format=csv&lang=ru gave 400)', () => {
    const url = withQuery('/api/report/turnover', { exporter: 'BLR', importer: 'KAZ', lang: 'ru' });
    const download = withQuery(url, { format: 'csv', lang: 'ru', table: 'turnover' });
    expect(download).toBe('/api/report/turnover?exporter=BLR&importer=KAZ&lang=ru&format=csv&table=turnover');
    const params = new URLSearchParams(download.split('?')[1]);
    for (const key of params.keys()) expect(params.getAll(key), key).toHaveLength(1);
    expect(withQuery(url, { lang: 'en' })).toBe('/api/report/turnover?exporter=BLR&importer=KAZ&lang=en');
  });

  it('keeps the encoding of values with reserved characters', () => {
    expect(withQuery('/api/products', { search: 'комбайн & co' })).toBe(
      '/api/products?search=%D0%BA%D0%BE%D0%BC%D0%B1%D0%B0%D0%B9%D0%BD+%26+co',
    );
  });
});
