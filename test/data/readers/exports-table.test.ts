import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseColumnMap, type TradeStore } from '../../../src/data/index.ts';
import { fixturePath } from '../../support/fixtures.ts';
import { openTempStore, tempDir, writeTemp } from '../../support/store.ts';

describe('exporter x product table reader', () => {
  let store: TradeStore;
  let cleanup: () => void;
  const dir = tempDir();
  beforeAll(async () => ({ store, cleanup } = await openTempStore(false)));
  afterAll(() => {
    cleanup();
    dir.cleanup();
  });

  it('reads the real OTS 2017 HS4 table (recognised from its header)', async () => {
    const result = await store.ingest(fixturePath('ots-2017/exports_hs4.csv'), { source: 'ots', hsRevision: 'HS07' });
    expect(result.dataset).toMatchObject({
      format: 'exports',
      kind: 'exports',
      rows: 176971,
      years: [2017],
      exporters: 224,
      productLevels: [4],
    });
    const [blr] = await store.query<{ bn: number }>(
      `SELECT sum(value_usd) / 1e9 AS bn FROM exports WHERE exporter = 'BLR'`,
    );
    expect(blr!.bn).toBeCloseTo(30.33, 2);
  });

  it('reads other column names through --map, with ISO2 or numeric country codes', async () => {
    const file = writeTemp(
      dir.path,
      'atlas.csv',
      'yr,origin,hs92,export_val\n2018,BY,843351,100\n2018,398,0101,50.5\n2018,kaz,10121,1\n',
    );
    const result = await store.ingest(file, {
      map: parseColumnMap(['yr=year', 'origin=exporter', 'hs92=product', 'export_val=valueUsd']),
    });
    expect(result.dataset.rows).toBe(3);
    const rows = await store.query<{ exporter: string; product: string; value_usd: number; product_level: number }>(
      `SELECT exporter, product, value_usd, product_level FROM exports WHERE year = 2018 ORDER BY exporter, product`,
    );
    expect(rows).toEqual([
      { exporter: 'BLR', product: '843351', value_usd: 100, product_level: 6 },
      { exporter: 'KAZ', product: '0101', value_usd: 50.5, product_level: 4 },
      { exporter: 'KAZ', product: '010121', value_usd: 1, product_level: 6 },
    ]);
  });

  it('rejects a --map naming a missing column or an unknown field', async () => {
    const file = writeTemp(dir.path, 'x.csv', 'a,b,c,d\n2018,BY,8433,1\n');
    await expect(store.ingest(file, { map: { zz: 'year' } })).rejects.toMatchObject({
      code: 'KRV_INGEST_BAD_HEADER',
      column: 'zz',
    });
    expect(() => parseColumnMap(['a=when'])).toThrow(/invalid --map: a=when/);
  });
});
