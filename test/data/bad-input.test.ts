/**
 * Every kind of bad input gets a typed error naming file, line, column and value, and leaves
 * the store exactly as it was (no dataset, no new files, no staging leftovers).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TradeStore } from '../../src/data/index.ts';
import { KaravanError } from '../../src/errors.ts';
import { openTempStore, sharedData, tempDir, writeTemp } from '../support/store.ts';
import { writeZip } from '../support/zip.ts';

const header = '"t","i","j","k","v","q"';
const good = '2021,4,24,382390,52.051,"       13.235"';

function listFiles(dir: string, base = dir): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path, base) : [relative(base, path)];
  });
}

describe('bad input', () => {
  let store: TradeStore;
  let home: string;
  let cleanup: () => void;
  const dir = tempDir();
  let before: { manifest: string; files: string[] };

  beforeAll(async () => {
    ({ store, home, cleanup } = await openTempStore(false));
    await store.ingest(writeTemp(dir.path, 'BACI_HS92_Y2020_ok.csv', `${header}\n2020,4,24,010121,1,2\n`));
    before = { manifest: readFileSync(join(home, 'manifest.json'), 'utf8'), files: listFiles(home).filter((f) => !f.endsWith('write.lock')) };
  });
  afterAll(() => {
    cleanup();
    dir.cleanup();
  });

  async function expectRejected(path: string, expected: Partial<KaravanError> & { code: string }, options = {}) {
    const error = await store.ingest(path, options).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error, 'ingest should have failed').toBeInstanceOf(KaravanError);
    expect(error).toMatchObject(expected);
    // Nothing imported, nothing half-written.
    expect(readFileSync(join(home, 'manifest.json'), 'utf8')).toBe(before.manifest);
    expect(listFiles(home).filter((f) => !f.endsWith('write.lock'))).toEqual(before.files);
    expect(existsSync(join(home, 'write.lock'))).toBe(false);
    return error as KaravanError;
  }

  const csv = (name: string, lines: string[]) => writeTemp(dir.path, name, lines.join('\n') + '\n');

  it('a file that does not exist', async () => {
    await expectRejected(join(dir.path, 'nope.csv'), { code: 'KRV_INGEST_FILE_NOT_FOUND' });
  });

  it('a directory', async () => {
    await expectRejected(dir.path, { code: 'KRV_INGEST_NOT_A_FILE' });
  });

  it('an empty file, and a header without rows', async () => {
    await expectRejected(writeTemp(dir.path, 'empty.csv', ''), { code: 'KRV_INGEST_EMPTY_FILE' });
    await expectRejected(csv('header-only.csv', [header]), { code: 'KRV_INGEST_EMPTY_FILE', line: 2 });
  });

  it('a missing or unknown header', async () => {
    const error = await expectRejected(csv('noheader.csv', [good]), { code: 'KRV_INGEST_UNKNOWN_FORMAT', line: 1 });
    expect(error.hint).toMatch(/--map/);
    await expectRejected(csv('short-header.csv', ['"t","i","j","k","v"', '2021,4,24,382390,52.051']), { code: 'KRV_INGEST_BAD_HEADER' }, { format: 'baci' });
    await expectRejected(csv('dup-header.csv', ['year,year,product,value', '2021,4,0101,1']), { code: 'KRV_INGEST_BAD_HEADER', column: 'year' });
  });

  it('a non-numeric value names line, column and value', async () => {
    const error = await expectRejected(csv('text-value.csv', [header, good, '2021,4,24,481890,abc,"  NA"']), {
      code: 'KRV_INGEST_BAD_VALUE',
      file: 'text-value.csv',
      line: 3,
      column: 'v',
      value: 'abc',
    });
    expect(error.message).toMatch(/text-value\.csv:3/);
  });

  it('a negative value, a missing value, a bad quantity', async () => {
    await expectRejected(csv('negative.csv', [header, good, good.replace('382390', '382391'), '2021,4,24,481890,-5,1']), { code: 'KRV_INGEST_BAD_VALUE', line: 4, column: 'v', value: '-5' });
    await expectRejected(csv('missing.csv', [header, '2021,4,24,481890,,1']), { code: 'KRV_INGEST_BAD_VALUE', line: 2, column: 'v' });
    await expectRejected(csv('bad-q.csv', [header, good, '2021,4,24,481890,1,"  12x"']), { code: 'KRV_INGEST_BAD_VALUE', line: 3, column: 'q', value: '12x' });
    await expectRejected(csv('neg-q.csv', [header, '2021,4,24,481890,1,"  -3"']), { code: 'KRV_INGEST_BAD_VALUE', line: 2, column: 'q', value: '-3' });
  });

  it('an unknown country code', async () => {
    const error = await expectRejected(csv('country.csv', [header, good, '2021,4,999,481890,1,1']), {
      code: 'KRV_INGEST_UNKNOWN_COUNTRY',
      line: 3,
      column: 'j',
      value: '999',
    });
    expect(error.hint).toMatch(/karavan countries/);
  });

  it('a product code of the wrong length', async () => {
    await expectRejected(csv('product.csv', [header, good, '2021,4,24,4818,1,1']), { code: 'KRV_INGEST_BAD_PRODUCT', line: 3, column: 'k', value: '4818' });
    await expectRejected(csv('product-ots.csv', ['year,reporter_iso,product_code,export_value_usd', '2017,blr,84335100,5']), {
      code: 'KRV_INGEST_BAD_PRODUCT',
      line: 2,
      column: 'product_code',
      value: '84335100',
    });
  });

  it('duplicate key rows name both lines', async () => {
    const error = await expectRejected(csv('dup.csv', [header, good, '2021,4,24,481890,1,1', good]), { code: 'KRV_INGEST_DUPLICATE_ROW', line: 4 });
    expect(error.message).toMatch(/line 2/);
  });

  it('a year out of range', async () => {
    await expectRejected(csv('year.csv', [header, '1850,4,24,481890,1,1']), { code: 'KRV_REF_YEAR_OUT_OF_RANGE', line: 2, column: 't', value: '1850' });
  });

  it('malformed CSV: wrong number of fields, unterminated quote', async () => {
    await expectRejected(csv('fields.csv', [header, good, '2021,4,24,481890']), { code: 'KRV_INGEST_MALFORMED_CSV', line: 3 });
    await expectRejected(csv('quote.csv', [header, '2021,4,24,481890,1,"  12']), { code: 'KRV_INGEST_MALFORMED_CSV', line: 2 });
  });

  it('a truncated gzip', async () => {
    const full = gzipSync(readFileSync(join(sharedData, 'baci-sample/BACI_HS92_Y2021_V202301_from_AFG_ZAF.csv')));
    await expectRejected(writeTemp(dir.path, 'cut.csv.gz', full.subarray(0, Math.floor(full.length / 2))), { code: 'KRV_INGEST_BAD_ARCHIVE' });
  });

  it('a truncated zip, and a zip without CSV', async () => {
    const zip = await writeZip(join(dir.path, 'full.zip'), { 'BACI_HS92_Y2021_V202301.csv': readFileSync(join(sharedData, 'baci-sample/BACI_HS92_Y2021_V202301_from_AFG_ZAF.csv')) });
    const bytes = readFileSync(zip);
    await expectRejected(writeTemp(dir.path, 'cut.zip', bytes.subarray(0, Math.floor(bytes.length * 0.6))), { code: 'KRV_INGEST_BAD_ARCHIVE' });
    await expectRejected(await writeZip(join(dir.path, 'nocsv.zip'), { 'readme.txt': 'hello' }), { code: 'KRV_INGEST_BAD_ARCHIVE' });
  });

  it('a zip bomb by ratio is refused before it is expanded', async () => {
    const bomb = await writeZip(join(dir.path, 'bomb.zip'), { 'BACI_HS92_Y2021_V1.csv': Buffer.alloc(64 << 20, 0x30) });
    await expectRejected(bomb, { code: 'KRV_INGEST_BAD_ARCHIVE' });
  });

  it('binary or UTF-16 text', async () => {
    const utf16 = Buffer.from('\ufeff' + header + '\n' + good + '\n', 'utf16le');
    await expectRejected(writeTemp(dir.path, 'utf16.csv', utf16), { code: 'KRV_INGEST_MALFORMED_CSV', line: 1 });
  });
});
