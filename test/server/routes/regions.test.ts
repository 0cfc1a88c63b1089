/**
 * GET /api/regions: the regional facts with figures read from the data file in the test, the
 * table in Russian with its numbered sources, and a country without regional facts refused.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson, testServer, type TestServer } from '../helpers.ts';

const file = JSON.parse(readFileSync(new URL('../../../data/regions/regions.json', import.meta.url), 'utf8'));

describe('GET /api/regions', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await testServer({ fixture: false });
  });
  afterAll(() => s.close());

  it("Kazakhstan's oblasts with the file's figures, and combines needed where an area is known", async () => {
    const r = await getJson(s.app, '/api/regions');
    expect(r.status).toBe(200);
    const nk = r.body.kazakhstan.oblasts.find((o: { id: string }) => o.id === 'north-kazakhstan');
    const raw = file.kazakhstan.oblasts.find((o: { id: string }) => o.id === 'north-kazakhstan');
    expect(nk.figures).toEqual(raw.figures);
    expect(nk.fleet.combinesNeeded).toBeGreaterThan(0);
    expect(r.body.kazakhstan.coverage[0]).toMatchObject({
      measure: 'wheatArea',
      oblastsWithFigure: 3,
      complete: false,
    });
  });

  it('the table in Russian, with the sources it cites; Belarus; a bad country', async () => {
    const t = await getJson(s.app, '/api/regions?format=tables&lang=ru');
    const [oblasts, sources] = t.body.tables;
    expect(oblasts.columns[0].ru).toBe('Область');
    expect(oblasts.rows.find((x: { id: string }) => x.id === 'akmola').name).toBe('Акмолинская');
    expect(sources.rows[0].url).toMatch(/^https:\/\/github\.com\//);
    const b = await getJson(s.app, '/api/regions?country=BLR');
    expect(b.body.belarus.regions.find((x: { id: string }) => x.id === 'gomel').makers[0].nameRu).toBe(
      'ОАО «Гомсельмаш»',
    );
    expect((await getJson(s.app, '/api/regions?country=UZB')).status).toBe(400);
  });
});
