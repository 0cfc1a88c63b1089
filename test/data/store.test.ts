import { copyFileSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TradeStore } from '../../src/data/index.ts';
import { KaravanError } from '../../src/errors.ts';
import { fixturePath, readFixtureText } from '../support/fixtures.ts';
import { openTempStore, tempDir, writeTemp } from '../support/store.ts';

describe('TradeStore with the embedded default data', () => {
  let store: TradeStore;
  let cleanup: () => void;
  let buildMs = 0;

  beforeAll(async () => {
    const started = performance.now();
    ({ store, cleanup } = await openTempStore());
    buildMs = performance.now() - started;
  });
  afterAll(() => cleanup());

  it('builds the default store in under 10 s', () => {
    expect(buildMs).toBeLessThan(10_000);
    expect(
      store
        .datasets()
        .map((d) => d.fileName)
        .sort(),
    ).toEqual(['BACI_HS92_Y2021_V202301_from_AFG_ZAF.csv.gz', 'ots_exports_hs4_2017.csv.gz']);
    expect(store.datasets().every((d) => d.embedded)).toBe(true);
  });

  it('reads the 2017 HS4 exports: Belarus 30.33 bn USD, Kazakhstan 59.91 bn USD', async () => {
    const rows = await store.query<{ exporter: string; bn: number }>(
      `SELECT exporter, sum(value_usd) / 1e9 AS bn FROM exports WHERE year = 2017 AND exporter IN ('BLR', 'KAZ') GROUP BY exporter ORDER BY exporter`,
    );
    expect(rows[0]!.exporter).toBe('BLR');
    expect(rows[0]!.bn).toBeCloseTo(30.33, 2);
    expect(rows[1]!.bn).toBeCloseTo(59.91, 2);
    const counts = await store.query<{ exporters: number; products: number; rows: number }>(
      `SELECT count(DISTINCT exporter)::INTEGER AS exporters, count(DISTINCT product)::INTEGER AS products, count(*)::INTEGER AS rows FROM exports`,
    );
    expect(counts[0]).toEqual({ exporters: 224, products: 1222, rows: 176971 });
  });

  it('keeps HS codes as zero-padded strings', async () => {
    const rows = await store.query<{ product: string }>(
      `SELECT product FROM exports WHERE exporter = 'AFG' AND product LIKE '01%' ORDER BY product LIMIT 1`,
    );
    expect(rows[0]!.product).toBe('0102');
  });

  it("finds South Africa's 2021 BACI exports to Kazakhstan, in USD", async () => {
    const rows = await store.query<{ n: number; usd: number }>(
      `SELECT count(*)::INTEGER AS n, sum(value_usd) AS usd FROM flows WHERE exporter = 'ZAF' AND importer = 'KAZ' AND year = 2021`,
    );
    expect(rows[0]!.n).toBe(97);
    expect(rows[0]!.usd).toBeCloseTo(11_528_359, -1);
  });

  it('converts BACI thousands of USD to USD, keeps tonnes, stores NA quantities as missing, restores leading zeros', async () => {
    // Source line: 2021,4,24,382390,52.051,"       13.235"  (AFG -> Angola)
    const [row] = await store.query<{ value_usd: number; qty_tonnes: number; product: string }>(
      `SELECT value_usd, qty_tonnes, product FROM flows WHERE exporter = 'AFG' AND importer = 'AGO' AND product = '382390'`,
    );
    expect(row!.value_usd).toBeCloseTo(52051, 6);
    expect(row!.qty_tonnes).toBeCloseTo(13.235, 9);
    const [na] = await store.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM flows WHERE qty_tonnes IS NULL`);
    const raw = readFixtureText('baci-sample/BACI_HS92_Y2021_V202301_from_AFG_ZAF.csv');
    expect(na!.n).toBe(raw.split('\n').filter((l) => /"\s*NA"/.test(l)).length);
    const [short] = await store.query<{ n: number }>(
      `SELECT count(*)::INTEGER AS n FROM flows WHERE length(product) <> 6`,
    );
    expect(short!.n).toBe(0);
    const [padded] = await store.query<{ n: number }>(
      `SELECT count(*)::INTEGER AS n FROM flows WHERE product LIKE '0%'`,
    );
    expect(padded!.n).toBe(raw.split('\n').filter((l) => /^2021,\d+,\d+,\d{5},/.test(l)).length);
  });

  it('has countries with ISO codes and names from ICU in English and Russian', async () => {
    const rows = await store.query<{ iso3: string; iso2: string; numeric: string; name_en: string; name_ru: string }>(
      `SELECT iso3, iso2, numeric, name_en, name_ru FROM countries WHERE iso3 IN ('BLR', 'KAZ', 'ITA', 'NAM') ORDER BY iso3`,
    );
    expect(rows).toEqual([
      { iso3: 'BLR', iso2: 'BY', numeric: '112', name_en: 'Belarus', name_ru: 'Беларусь' },
      { iso3: 'ITA', iso2: 'IT', numeric: '380', name_en: 'Italy', name_ru: 'Италия' },
      { iso3: 'KAZ', iso2: 'KZ', numeric: '398', name_en: 'Kazakhstan', name_ru: 'Казахстан' },
      { iso3: 'NAM', iso2: 'NA', numeric: '516', name_en: 'Namibia', name_ru: 'Намибия' },
    ]);
    const aliases = await store.query<{ code: string; iso3: string }>(
      `SELECT code, iso3 FROM country_alias WHERE code IN ('381', '380', '251', '842', 'W00') ORDER BY code`,
    );
    expect(aliases).toEqual([
      { code: '251', iso3: 'FRA' },
      { code: '380', iso3: 'ITA' },
      { code: '381', iso3: 'ITA' },
      { code: '842', iso3: 'USA' },
      { code: 'W00', iso3: 'WLD' },
    ]);
  });

  it('has products at HS2/4/6 with Russian heading names', async () => {
    const rows = await store.query<{ code: string; level: number; name_ru: string | null }>(
      `SELECT code, level, name_ru FROM products WHERE code IN ('84', '8433', '843351') ORDER BY code`,
    );
    expect(rows.map((r) => [r.code, r.level])).toEqual([
      ['84', 2],
      ['8433', 4],
      ['843351', 6],
    ]);
    expect(rows[1]!.name_ru).toMatch(/^Машины или механизмы для уборки/);
    expect(rows[2]!.name_ru).toBeNull();
  });
});

describe('TradeStore ingest', () => {
  it('treats the same content twice (even once gzip-compressed) as a no-op that says so', async () => {
    const { store, cleanup } = await openTempStore(false);
    const dir = tempDir();
    try {
      const csv = join(dir.path, 'sample.csv');
      copyFileSync(fixturePath('baci-sample/BACI_HS92_Y2021_V202301_from_AFG_ZAF.csv'), csv);
      const first = await store.ingest(csv);
      expect(first.status).toBe('imported');
      expect(first.dataset.rows).toBe(71192);
      const version = store.manifest.storeVersion;
      const again = await store.ingest(csv);
      expect(again.status).toBe('unchanged');
      expect(again.notes[0]).toMatch(/already imported/);
      const gz = writeTemp(dir.path, 'sample.csv.gz', gzipSync(readFileSync(csv)));
      expect((await store.ingest(gz)).status).toBe('unchanged');
      expect(store.manifest.storeVersion).toBe(version);
      expect(store.datasets()).toHaveLength(1);
    } finally {
      dir.cleanup();
      cleanup();
    }
  });

  it('a later dataset covering the same exporters supersedes an earlier one for its years', async () => {
    const { store, cleanup } = await openTempStore(false);
    const dir = tempDir();
    try {
      const header = '"t","i","j","k","v","q"\n';
      const small = writeTemp(dir.path, 'BACI_HS17_Y2020_small.csv', header + '2020,4,398,010121,1.5,2\n');
      const full = writeTemp(
        dir.path,
        'BACI_HS17_Y2020_full.csv',
        header + '2020,4,398,010121,2.5,2\n2020,112,398,870410,100,50\n',
      );
      await store.ingest(small);
      const result = await store.ingest(full);
      expect(result.notes.some((n) => n.startsWith('supersedes'))).toBe(true);
      const rows = await store.query<{ usd: number }>(`SELECT sum(value_usd) AS usd FROM flows WHERE exporter = 'AFG'`);
      expect(rows[0]!.usd).toBe(2500);
      expect(store.datasets()[0]!.supersededYears).toEqual([2020]);
    } finally {
      dir.cleanup();
      cleanup();
    }
  });

  it('a store that lost a file it lists does not open: KRV_STORE_CORRUPT names the file and the dataset', async () => {
    const { store, home, cleanup } = await openTempStore(false);
    const dir = tempDir();
    try {
      const header = '"t","i","j","k","v","q"\n';
      const file = writeTemp(dir.path, 'BACI_HS17_Y2020_x.csv', header + '2020,4,398,010121,1.5,2\n');
      const { dataset } = await store.ingest(file);
      store.closeSync();
      const lost = dataset.worldExportFiles![0]!;
      rmSync(join(home, lost));
      const error = await TradeStore.open({ home, ensureDefault: false }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(KaravanError);
      expect(error).toMatchObject({
        code: 'KRV_STORE_CORRUPT',
        message: `the store lists a file that is gone: ${lost} of dataset ${dataset.id} (BACI_HS17_Y2020_x.csv)`,
      });
      expect((error as KaravanError).hint).toMatch(/move the store folder .* away/);
    } finally {
      dir.cleanup();
      cleanup();
    }
  });
});

describe('catalog search', () => {
  it('finds products by code start, by Russian and English words, and by a Russian trade term', async () => {
    const { store, cleanup } = await openTempStore(false);
    try {
      const { searchProducts, resolveCountry } = await import('../../src/data/index.ts');
      const byCode = await searchProducts(store, { search: '8433', level: 6 });
      expect(byCode.map((p) => p.code)).toContain('843351');
      expect(byCode.every((p) => p.code.startsWith('8433'))).toBe(true);
      const combine = await searchProducts(store, { search: 'комбайн', lang: 'ru' });
      expect(combine[0]!.code).toBe('843351');
      const tractors = await searchProducts(store, { search: 'тракторы', level: 4, lang: 'ru' });
      expect(tractors.map((p) => p.code)).toContain('8701');
      // Words match at the start of a word of the name: "тракт" is not found inside "экстракты" (1302).
      const tract = await searchProducts(store, { search: 'тракт', level: 4, lang: 'ru' });
      expect(tract.map((p) => p.code)).toContain('8701');
      expect(tract.map((p) => p.code)).not.toContain('1302');
      // A Russian answer names an HS6 subheading by its heading's Russian name, marked as such, never in English.
      expect(combine[0]!.name).toMatch(/^позиция 8433: Машины или механизмы для уборки/);
      expect(combine[0]!.nameSource).toBe('parent');
      const english = await searchProducts(store, { search: 'combine harvester' });
      expect(english.map((p) => p.code)).toContain('843351');
      // % and _ are characters, not LIKE wildcards (they matched every product and country before).
      for (const wildcard of ['_', '84%', '8_33'])
        expect(await searchProducts(store, { search: wildcard }), wildcard).toEqual([]);
      // Names that really hold a % ("more than 50 % by weight") are found, and only those.
      const percent = await searchProducts(store, { search: '%', limit: 1000 });
      expect(percent.length).toBeGreaterThan(0);
      expect(percent.filter((p) => !p.name.includes('%')).map((p) => p.code)).toEqual([]);
      const { listCountries } = await import('../../src/data/index.ts');
      // Common Russian and English alternative names.
      for (const [name, iso3] of [
        ['Белоруссия', 'BLR'],
        ['молдавия', 'MDA'],
        ['ОАЭ', 'ARE'],
        ['South Korea', 'KOR'],
      ])
        expect((await resolveCountry(store, name)).iso3, name).toBe(iso3);
      expect((await listCountries(store, 'белорус')).map((c) => c.iso3)).toEqual(['BLR']);
      expect(await listCountries(store, '%')).toEqual([]);
      expect(await listCountries(store, 'k_z')).toEqual([]);
      expect((await listCountries(store, 'kaz')).map((c) => c.iso3)).toContain('KAZ');
      for (const input of ['KAZ', 'kz', '398', 'Kazakhstan', 'Казахстан'])
        expect((await resolveCountry(store, input)).iso3).toBe('KAZ');
      await expect(resolveCountry(store, 'Kazakstan')).rejects.toMatchObject({
        code: 'KRV_REF_UNKNOWN_COUNTRY',
        message: expect.stringMatching(/did you mean KAZ/),
      });
    } finally {
      cleanup();
    }
  });
});
