/**
 * Two flows with one key (year, exporter, importer, product, reporter) are refused with
 * KRV_INGEST_DUPLICATE_ROW naming both lines, wherever the key falls. The check rides on the pass
 * that writes the world exports (src/data/ingest.ts, worldExportsKeyCheck): each importer gets a
 * bit in a few 62-bit words per year, exporter and product, so these tests put repeated keys in
 * the first and in a later word, among the rows the world exports leave out (self-trade, the WLD
 * partner of a Comtrade reporter), and across the reporters of Comtrade mirror flows, which are
 * distinct keys and must be taken.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TradeStore } from '../../src/data/index.ts';
import { KaravanError } from '../../src/errors.ts';
import { readFixtureText } from '../support/fixtures.ts';
import { openTempStore, tempDir, writeTemp } from '../support/store.ts';

const baciHeader = '"t","i","j","k","v","q"';
const comtradeHeader =
  'freqCode,refYear,reporterCode,flowCode,partnerCode,classificationCode,cmdCode,cmdDesc,primaryValue,netWgt';

/** BACI's own country codes (V202201) with their ISO3, one code per ISO3, Afghanistan (4) left out. */
const partners = [
  ...new Map(
    readFixtureText('baci-codes/country_codes_V202201.csv')
      .split(/\r?\n/)
      .slice(1)
      .map((line) => [line.split(',').at(-1)!, Number(line.split(',')[0])] as const)
      .filter(([iso3, code]) => /^[A-Z]{3}$/.test(iso3) && Number.isInteger(code) && code > 0 && code !== 4),
  ).entries(),
].map(([iso3, code]) => ({ iso3, code }));

describe('duplicate keys', () => {
  let store: TradeStore;
  let home: string;
  let cleanup: () => void;
  const dir = tempDir();

  beforeAll(async () => {
    ({ store, home, cleanup } = await openTempStore(false));
  });
  afterAll(() => {
    cleanup();
    dir.cleanup();
  });

  const csv = (name: string, lines: string[]) => writeTemp(dir.path, name, lines.join('\n') + '\n');

  /** Afghanistan's exports of one product to every partner: more importers than one 62-bit word holds. */
  const toEveryPartner = partners.map(({ code }, n) => `2021,4,${code},10121,${n + 1},1`);

  async function expectDuplicate(path: string, line: number, firstLine: number): Promise<KaravanError> {
    const manifestBefore = readFileSync(join(home, 'manifest.json'), 'utf8');
    const error = await store.ingest(path).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error, 'ingest should have failed').toBeInstanceOf(KaravanError);
    expect(error).toMatchObject({ code: 'KRV_INGEST_DUPLICATE_ROW', line });
    expect((error as KaravanError).message).toContain(`repeats the key of line ${firstLine}`);
    // Refused as a whole: the store is as it was, nothing left in staging.
    expect(readFileSync(join(home, 'manifest.json'), 'utf8')).toBe(manifestBefore);
    expect(existsSync(join(home, 'write.lock'))).toBe(false);
    return error as KaravanError;
  }

  it('takes one product to every partner, and its world exports count each flow once', async () => {
    expect(partners.length).toBeGreaterThan(2 * 62);
    const result = await store.ingest(csv('BACI_HS92_Y2021_every_partner.csv', [baciHeader, ...toEveryPartner]));
    expect(result.dataset.rows).toBe(partners.length);
    const [world] = await store.query<{ flow_count: number; value_usd: number }>(
      `SELECT flow_count::DOUBLE AS flow_count, value_usd FROM world_exports WHERE dataset_id = $1`,
      [result.dataset.id],
    );
    expect(world).toEqual({
      flow_count: partners.length,
      value_usd: ((partners.length * (partners.length + 1)) / 2) * 1000,
    });
  });

  it('refuses a repeated key whose importer falls in the first word, and one in the last word', async () => {
    // Partners sorted by ISO3 number the importers: ABW (Aruba) is in the first word, ZWE in the last.
    const first = partners.findIndex((p) => p.iso3 === 'ABW');
    const last = partners.findIndex((p) => p.iso3 === 'ZWE');
    expect(first).toBeGreaterThanOrEqual(0);
    expect(last).toBeGreaterThanOrEqual(0);
    const early = await expectDuplicate(
      csv('BACI_HS92_Y2021_dup_first.csv', [
        baciHeader,
        ...toEveryPartner,
        `2021,4,${partners[first]!.code},10121,7,1`,
      ]),
      partners.length + 2,
      first + 2,
    );
    expect(early.value).toBe('year 2021, exporter AFG, importer ABW, product 010121');
    const late = await expectDuplicate(
      csv('BACI_HS92_Y2021_dup_last.csv', [baciHeader, `2021,4,${partners[last]!.code},10121,7,1`, ...toEveryPartner]),
      last + 3,
      2,
    );
    expect(late.value).toBe('year 2021, exporter AFG, importer ZWE, product 010121');
  });

  it('refuses a repeated self-trade key, which the world exports leave out', async () => {
    await expectDuplicate(
      csv('BACI_HS92_Y2021_dup_self.csv', [
        baciHeader,
        '2021,4,4,10121,1,1',
        '2021,4,24,10121,1,1',
        '2021,4,4,10121,2,1',
      ]),
      4,
      2,
    );
  });

  it('Comtrade: a mirror flow reported by both countries is two keys; the same report twice, or the World partner twice, is refused', async () => {
    const kazToRus = 'A,2020,398,X,643,H5,100199,wheat,1000,2000000';
    const rusFromKaz = 'A,2020,643,M,398,H5,100199,wheat,1100,2100000';
    const kazToWorld = 'A,2020,398,X,0,H5,100199,wheat,4500,7500000';
    const mirror = await store.ingest(csv('comtrade-mirror.csv', [comtradeHeader, kazToRus, rusFromKaz, kazToWorld]));
    expect(mirror.dataset.rows).toBe(3);
    await expectDuplicate(csv('comtrade-dup.csv', [comtradeHeader, kazToRus, rusFromKaz, kazToRus]), 4, 2);
    await expectDuplicate(csv('comtrade-dup-world.csv', [comtradeHeader, kazToWorld, kazToRus, kazToWorld]), 4, 2);
  });
});
