import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TradeStore } from '../../../src/data/index.ts';
import { readFixture, readFixtureText } from '../../support/fixtures.ts';
import { openTempStore, tempDir } from '../../support/store.ts';
import { writeZip } from '../../support/zip.ts';

describe('BACI release zip', () => {
  let store: TradeStore;
  let cleanup: () => void;
  const dir = tempDir();
  beforeAll(async () => ({ store, cleanup } = await openTempStore(false)));
  afterAll(() => {
    cleanup();
    dir.cleanup();
  });

  it('reads yearly members of a zip as one dataset, using the release country list', async () => {
    const sample = readFixtureText('baci-sample/BACI_HS92_Y2021_V202301_from_AFG_ZAF.csv');
    const y2020 =
      '"t","i","j","k","v","q"\n2020,4,381,10121,1.000,"        NA"\n2020,112,398,843351,2500.5,"      120.000"\n';
    const zip = await writeZip(join(dir.path, 'BACI_HS92_V202301.zip'), {
      'BACI_HS92_Y2020_V202301.csv': y2020,
      'BACI_HS92_Y2021_V202301.csv': sample,
      'country_codes_V202301.csv': readFixture('baci-codes/country_codes_V202201.csv'),
      'Readme.txt': 'release readme',
    });
    const result = await store.ingest(zip);
    expect(result.dataset).toMatchObject({ format: 'baci', years: [2020, 2021], rows: 71192 + 2, hsRevision: 'HS92' });
    const [row] = await store.query<{
      exporter: string;
      importer: string;
      product: string;
      value_usd: number;
      qty_tonnes: number;
    }>(`SELECT exporter, importer, product, value_usd, qty_tonnes FROM flows WHERE year = 2020 AND exporter = 'BLR'`);
    expect(row).toEqual({ exporter: 'BLR', importer: 'KAZ', product: '843351', value_usd: 2_500_500, qty_tonnes: 120 });
    const [ita] = await store.query<{ importer: string; product: string }>(
      `SELECT importer, product FROM flows WHERE year = 2020 AND exporter = 'AFG'`,
    );
    expect(ita).toEqual({ importer: 'ITA', product: '010121' });
  });
});
