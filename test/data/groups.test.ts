/**
 * Country groups as one side of a pair: resolving them, membership by year, members on the other
 * side left out, and the acceptance figure on the real BACI slice (ZAF -> EAEU 2021).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { turnover } from '../../src/analysis/index.ts';
import {
  countryGroups,
  listCountries,
  pairCoverage,
  resolveCountry,
  resolvePair,
  type TradeStore,
} from '../../src/data/index.ts';
import { scopedTableSql } from '../../src/data/groups.ts';
import { KaravanError } from '../../src/errors.ts';
import { embeddedBaciSlice, readBaciRows } from '../support/raw-sources.ts';
import { openTempStore, tempDir, writeTemp } from '../support/store.ts';

describe('country groups on the embedded store', () => {
  let store: TradeStore;
  let cleanup: () => void;
  beforeAll(async () => {
    ({ store, cleanup } = await openTempStore());
  });
  afterAll(() => cleanup());

  it('resolves groups by code, alias and name in English and Russian', async () => {
    for (const input of [
      'EAEU',
      'eaeu',
      'ЕАЭС',
      'Eurasian Economic Union (EAEU)',
      'Евразийский экономический союз (ЕАЭС)',
    ]) {
      const record = await resolveCountry(store, input);
      expect(record.kind).toBe('group');
      expect(record.iso3).toBe('EAEU');
      expect(record.group!.members.map((m) => m.iso3)).toEqual(['ARM', 'BLR', 'KAZ', 'KGZ', 'RUS']);
    }
    expect((await resolveCountry(store, 'СНГ')).iso3).toBe('CIS');
    expect((await resolveCountry(store, 'EU')).iso3).toBe('EU27');
    expect((await resolveCountry(store, 'ЕС')).iso3).toBe('EU27');
    expect((await resolveCountry(store, 'Central Asia')).iso3).toBe('CASIA');
    expect((await resolveCountry(store, 'SSF')).nameRu).toBe('Африка южнее Сахары (регион Всемирного банка)');
  });

  it('no group code or alias is also a country code, so neither hides the other', async () => {
    const groups = await countryGroups(store);
    expect(groups.map((g) => g.code)).toEqual(
      ['CASIA', 'CIS', 'EAEU', 'EAS', 'ECS', 'EU27', 'LCN', 'MEA', 'NAC', 'SAS', 'SSF'].sort(),
    );
    for (const g of groups) {
      for (const code of [g.code, ...g.aliases]) expect((await resolveCountry(store, code)).iso3, code).toBe(g.code);
      expect(g.source.length, g.code).toBeGreaterThan(20);
      expect(g.sourceUrl, g.code).toMatch(/^https:\/\//);
    }
    // Every member is a country the store knows, but for the World Bank's own codes (Channel Islands, Kosovo) and
    // economies whose trade BACI and Comtrade report within another's (Isle of Man and Monaco, Liechtenstein,
    // Saint-Martin, Puerto Rico and the US Virgin Islands) or under a code of its own (Taiwan: S19, "Other Asia,
    // nes", also an East Asia & Pacific member): they simply have no flows.
    const known = new Set((await listCountries(store)).map((c) => c.iso3));
    const unknown = groups.flatMap((g) => g.members.map((m) => m.iso3)).filter((iso3) => !known.has(iso3));
    expect([...new Set(unknown)].sort()).toEqual(['CHI', 'IMN', 'LIE', 'MAF', 'MCO', 'PRI', 'TWN', 'VIR', 'XKX']);
    // The group sizes of their definitions.
    const size = (code: string) => groups.find((g) => g.code === code)!.members.length;
    expect([size('EAEU'), size('CASIA'), size('EU27'), size('SSF')]).toEqual([5, 5, 27, 48]);
  });

  it('lists groups in the country search', async () => {
    const found = await listCountries(store, 'ЕАЭС');
    expect(found.map((c) => [c.iso3, c.kind])).toEqual([['EAEU', 'group']]);
    expect((await listCountries(store)).filter((c) => c.kind === 'group')).toHaveLength(11);
  });

  it('ZAF -> EAEU 2021 is the sum of South Africa exports to its five members in the real BACI slice', async () => {
    const members = new Set([51, 112, 398, 417, 643]); // ARM, BLR, KAZ, KGZ, RUS
    const expectedUsd = readBaciRows(embeddedBaciSlice)
      .filter((r) => r.year === 2021 && r.exporter === 710 && members.has(r.importer))
      .reduce((sum, r) => sum + r.valueUsd, 0);
    expect(Math.round(expectedUsd)).toBe(337_834_418);
    const result = await turnover(store, { exporter: 'ZAF', importer: 'EAEU' });
    expect(result.rows).toHaveLength(1);
    expect(result.rows[0]!.year).toBe(2021);
    expect(result.rows[0]!.exportsUsd).toBeCloseTo(expectedUsd, 3);
    // South Africa's own total exports stay South Africa's: the share is of its world exports.
    const zafTotalUsd = readBaciRows(embeddedBaciSlice)
      .filter((r) => r.year === 2021 && r.exporter === 710)
      .reduce((sum, r) => sum + r.valueUsd, 0);
    expect(result.rows[0]!.shareOfExporterExports).toBeCloseTo(expectedUsd / zafTotalUsd, 12);
  });

  it('says which members had data', async () => {
    const coverage = await pairCoverage(store, 'ZAF', 'EAEU');
    expect(coverage.groups).toHaveLength(1);
    const group = coverage.groups[0]!;
    expect(group.side).toBe('importer');
    expect(group.members.map((m) => [m.iso3, m.dataYears])).toEqual([
      ['ARM', [2021]],
      ['BLR', [2021]],
      ['KAZ', [2021]],
      ['KGZ', [2021]],
      ['RUS', [2021]],
    ]);
  });

  it('refuses a pair whose group has no member left, and a country paired with itself', async () => {
    // Every Central Asian country but Turkmenistan is in the CIS, and Turkmenistan's CIS years are listed too.
    await expect(resolvePair(store, 'CASIA', 'CIS')).rejects.toMatchObject({ code: 'KRV_OPT_INVALID' });
    await expect(resolvePair(store, 'EAEU', 'ЕАЭС')).rejects.toMatchObject({ code: 'KRV_OPT_INVALID' });
    await expect(resolvePair(store, 'KAZ', 'Kazakhstan')).rejects.toBeInstanceOf(KaravanError);
    const [from, to] = await resolvePair(store, 'KAZ', 'CASIA');
    expect([from.iso3, to.iso3]).toEqual(['KAZ', 'CASIA']);
  });

  it('a pair of countries reads the views themselves: groups cost it nothing', async () => {
    expect(await scopedTableSql(store, 'flows', { exporter: 'BLR', importer: 'KAZ' })).toBe('"flows"');
    expect(await scopedTableSql(store, 'exports', { exporter: 'ZAF', importer: 'KAZ' })).toBe('"exports"');
    expect(await scopedTableSql(store, 'flows', { exporter: 'BLR', importer: 'EAEU' })).toContain(
      'country_group_members',
    );
  });
});

describe('membership by year', () => {
  let store: TradeStore;
  let cleanup: () => void;
  const dir = tempDir();
  beforeAll(async () => {
    ({ store, cleanup } = await openTempStore(false));
    // South Africa (710) to Kyrgyzstan (417, EAEU from 2015) and Georgia (268, CIS 1993-2009), thousand USD.
    const rows = [
      '2008,710,268,100190,1.000,"           NA"',
      '2010,710,268,100190,2.000,"           NA"',
      '2014,710,417,100190,4.000,"           NA"',
      '2016,710,417,100190,8.000,"           NA"',
      '2016,710,398,100190,16.000,"           NA"',
    ];
    await store.ingest(writeTemp(dir.path, 'BACI_HS92_fixture.csv', ['"t","i","j","k","v","q"', ...rows].join('\r\n')));
  });
  afterAll(() => {
    cleanup();
    dir.cleanup();
  });

  it('a member counts only in its years of membership', async () => {
    const eaeu = await turnover(store, { exporter: 'ZAF', importer: 'EAEU' });
    // 2014: Kyrgyzstan was not yet a member, and the union did not exist.
    expect(eaeu.rows.map((r) => [r.year, r.exportsUsd])).toEqual([[2016, 24_000]]);
    const cis = await turnover(store, { exporter: 'ZAF', importer: 'CIS' });
    // Georgia counts in 2008, not after its withdrawal in 2009; Kyrgyzstan and Kazakhstan every year.
    expect(cis.rows.map((r) => [r.year, r.exportsUsd])).toEqual([
      [2008, 1000],
      [2014, 4000],
      [2016, 24_000],
    ]);
  });
});
