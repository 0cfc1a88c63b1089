/**
 * Every kind of bad input gets a typed error naming file, line, column and value, and leaves
 * the store exactly as it was (no dataset, no new files, no staging leftovers).
 */
import { createWriteStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { TradeStore } from '../../src/data/index.ts';
import { KaravanError } from '../../src/errors.ts';
import { readFixture } from '../support/fixtures.ts';
import { openTempStore, tempDir, writeTemp } from '../support/store.ts';
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

/** A zip with one member stored without compression (yazl's compress: false). */
async function writeZipStored(path: string, name: string, content: string): Promise<string> {
  const zip = new yazl.ZipFile();
  zip.addBuffer(Buffer.from(content), name, { compress: false });
  zip.end();
  await new Promise<void>((resolve, reject) =>
    zip.outputStream.pipe(createWriteStream(path)).on('close', resolve).on('error', reject),
  );
  return path;
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
    before = {
      manifest: readFileSync(join(home, 'manifest.json'), 'utf8'),
      files: listFiles(home).filter((f) => !f.endsWith('write.lock')),
    };
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
    await expectRejected(
      csv('short-header.csv', ['"t","i","j","k","v"', '2021,4,24,382390,52.051']),
      { code: 'KRV_INGEST_BAD_HEADER' },
      { format: 'baci' },
    );
    await expectRejected(csv('dup-header.csv', ['year,year,product,value', '2021,4,0101,1']), {
      code: 'KRV_INGEST_BAD_HEADER',
      column: 'year',
    });
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
    await expectRejected(
      csv('negative.csv', [header, good, good.replace('382390', '382391'), '2021,4,24,481890,-5,1']),
      { code: 'KRV_INGEST_BAD_VALUE', line: 4, column: 'v', value: '-5' },
    );
    await expectRejected(csv('missing.csv', [header, '2021,4,24,481890,,1']), {
      code: 'KRV_INGEST_BAD_VALUE',
      line: 2,
      column: 'v',
    });
    await expectRejected(csv('bad-q.csv', [header, good, '2021,4,24,481890,1,"  12x"']), {
      code: 'KRV_INGEST_BAD_VALUE',
      line: 3,
      column: 'q',
      value: '12x',
    });
    await expectRejected(csv('neg-q.csv', [header, '2021,4,24,481890,1,"  -3"']), {
      code: 'KRV_INGEST_BAD_VALUE',
      line: 2,
      column: 'q',
      value: '-3',
    });
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
    await expectRejected(csv('product.csv', [header, good, '2021,4,24,4818,1,1']), {
      code: 'KRV_INGEST_BAD_PRODUCT',
      line: 3,
      column: 'k',
      value: '4818',
    });
    await expectRejected(
      csv('product-ots.csv', ['year,reporter_iso,product_code,export_value_usd', '2017,blr,84335100,5']),
      {
        code: 'KRV_INGEST_BAD_PRODUCT',
        line: 2,
        column: 'product_code',
        value: '84335100',
      },
    );
  });

  it('duplicate key rows name both lines', async () => {
    const error = await expectRejected(csv('dup.csv', [header, good, '2021,4,24,481890,1,1', good]), {
      code: 'KRV_INGEST_DUPLICATE_ROW',
      line: 4,
    });
    expect(error.message).toMatch(/line 2/);
  });

  it('a year out of range', async () => {
    await expectRejected(csv('year.csv', [header, '1850,4,24,481890,1,1']), {
      code: 'KRV_REF_YEAR_OUT_OF_RANGE',
      line: 2,
      column: 't',
      value: '1850',
    });
  });

  it('malformed CSV: wrong number of fields, unterminated quote', async () => {
    await expectRejected(csv('fields.csv', [header, good, '2021,4,24,481890']), {
      code: 'KRV_INGEST_MALFORMED_CSV',
      line: 3,
    });
    await expectRejected(csv('quote.csv', [header, '2021,4,24,481890,1,"  12']), {
      code: 'KRV_INGEST_MALFORMED_CSV',
      line: 2,
    });
  });

  it('a truncated gzip', async () => {
    const full = gzipSync(readFixture('baci-sample/BACI_HS92_Y2021_V202301_from_AFG_ZAF.csv'));
    await expectRejected(writeTemp(dir.path, 'cut.csv.gz', full.subarray(0, Math.floor(full.length / 2))), {
      code: 'KRV_INGEST_BAD_ARCHIVE',
    });
  });

  it('a truncated zip, and a zip without CSV', async () => {
    const zip = await writeZip(join(dir.path, 'full.zip'), {
      'BACI_HS92_Y2021_V202301.csv': readFixture('baci-sample/BACI_HS92_Y2021_V202301_from_AFG_ZAF.csv'),
    });
    const bytes = readFileSync(zip);
    await expectRejected(writeTemp(dir.path, 'cut.zip', bytes.subarray(0, Math.floor(bytes.length * 0.6))), {
      code: 'KRV_INGEST_BAD_ARCHIVE',
    });
    await expectRejected(await writeZip(join(dir.path, 'nocsv.zip'), { 'readme.txt': 'hello' }), {
      code: 'KRV_INGEST_BAD_ARCHIVE',
    });
  });

  it('a zip bomb by ratio is refused before it is expanded', async () => {
    const bomb = await writeZip(join(dir.path, 'bomb.zip'), { 'BACI_HS92_Y2021_V1.csv': Buffer.alloc(64 << 20, 0x30) });
    await expectRejected(bomb, { code: 'KRV_INGEST_BAD_ARCHIVE' });
  });

  // Found by test/reliability/fuzz-readers.test.ts: DuckDB reads "2020.6" into an INTEGER
  // column as 2021, so years and BACI codes were rounded instead of refused.
  it('a year or code that is not a whole number is refused, not rounded', async () => {
    await expectRejected(csv('year-frac.csv', [header, good, '2020.6,4,24,481890,1,1']), {
      code: 'KRV_INGEST_BAD_VALUE',
      line: 3,
      column: 't',
      value: '2020.6',
    });
    await expectRejected(csv('exporter-frac.csv', [header, '2021,112.4,24,481890,1,1']), {
      code: 'KRV_INGEST_UNKNOWN_COUNTRY',
      line: 2,
      column: 'i',
      value: '112.4',
    });
    await expectRejected(csv('product-frac.csv', [header, '2021,4,24,843351.4,1,1']), {
      code: 'KRV_INGEST_BAD_PRODUCT',
      line: 2,
      column: 'k',
      value: '843351.4',
    });
    // Hexadecimal was read as a number by DuckDB's INTEGER parser (0x2797 = 10135).
    await expectRejected(csv('product-hex.csv', [header, '2021,4,24,0x2797,1,1']), {
      code: 'KRV_INGEST_BAD_VALUE',
      line: 2,
      column: 'k',
      value: '0x2797',
    });
    await expectRejected(
      csv('comtrade-year-frac.csv', [
        'refYear,reporterCode,flowCode,partnerCode,cmdCode,primaryValue',
        '2020.5,112,M,398,8433,5',
      ]),
      {
        code: 'KRV_INGEST_BAD_VALUE',
        line: 2,
        column: 'refYear',
        value: '2020.5',
      },
    );
  });

  // Found by the fuzzer: an empty commodity code made the row's "not TOTAL" test NULL, so the
  // row was dropped without a word (a partial import).
  it('a Comtrade row with an empty commodity code is refused, not skipped', async () => {
    await expectRejected(
      csv('comtrade-no-cmd.csv', [
        'refYear,reporterCode,flowCode,partnerCode,cmdCode,primaryValue',
        '2020,112,M,398,8433,5',
        '2020,112,M,643,,7',
      ]),
      {
        code: 'KRV_INGEST_BAD_PRODUCT',
        line: 3,
        column: 'cmdCode',
      },
    );
  });

  // Found by the full reader fuzz (exporter table input 2178): DuckDB dropped a quoted extra field
  // with "" inside when the query did not read every column, and the row was imported.
  it('one field too many, quoted with "" inside, in a file whose columns are not all used', async () => {
    await expectRejected(
      csv('table-extra-field.csv', [
        'v,location_code,period,hs6,rank,name',
        '1,BLR,2020,8433,1,"Combines"',
        '2,KAZ,2020,8701,1,486,"Desc ""quoted"", with comma"',
      ]),
      {
        code: 'KRV_INGEST_MALFORMED_CSV',
        line: 3,
        message: expect.stringMatching(/expected 6 fields as in the header, found 7/),
      },
      { format: 'exports', source: 'table' },
    );
    await expectRejected(
      csv('comtrade-extra-field.csv', [
        'refYear,reporterCode,flowCode,partnerCode,cmdCode,cmdDesc,primaryValue',
        '2020,112,M,398,8433,x,5',
        '2020,112,M,643,8701,y,7,"a ""b"""',
      ]),
      { code: 'KRV_INGEST_MALFORMED_CSV', line: 3 },
    );
  });

  // Found by the fuzzer: yauzl does not check CRC-32, so a zip member with a changed byte was
  // imported with whatever the changed byte said.
  it('a zip member whose content no longer matches its CRC-32', async () => {
    // Stored, not deflated, so the changed byte still reads as text: 15 becomes 95.
    const raw = readFileSync(
      await writeZipStored(
        join(dir.path, 'crc.zip'),
        'BACI_HS92_Y2021_V202301.csv',
        `${header}\n2021,4,24,481890,15,1\n`,
      ),
    );
    raw[raw.indexOf(Buffer.from(',15,')) + 1] = '9'.charCodeAt(0);
    await expectRejected(writeTemp(dir.path, 'crc-flipped.zip', raw), { code: 'KRV_INGEST_BAD_ARCHIVE' });
  });

  // Found by the fuzzer: DuckDB 1.5 fails with an internal error ("Attempted to access index 20
  // within vector of size 12") on text that is not UTF-8 in a column read without the columns
  // before it, and that error invalidated the store's database for every later query.
  it('text that is not UTF-8 in a code column: a clear error, and the store still answers', async () => {
    const head = 'refYear,reporterCode,flowCode,partnerCode,d1,d2,d3,d4,d5,d6,d7,d8,cmdCode,primaryValue';
    const row = Buffer.concat([
      Buffer.from('2020,112,M,398,a,b,c,d,e,f,g,h,84'),
      Buffer.from([0xe6]),
      Buffer.from('351,5\n'),
    ]);
    const file = writeTemp(
      dir.path,
      'comtrade-latin1.csv',
      Buffer.concat([Buffer.from(`${head}\n2020,112,M,643,a,b,c,d,e,f,g,h,843351,5\n`), row]),
    );
    const error = await expectRejected(file, { code: 'KRV_INGEST_MALFORMED_CSV', line: 3 });
    expect(error.message).toMatch(/UTF-8/);
    const [count] = await store.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM flows`);
    expect(count!.n).toBe(1);
    // The next ingest reads in a fresh DuckDB instance, and says the same.
    await expectRejected(file, { code: 'KRV_INGEST_MALFORMED_CSV', line: 3 });
  });

  // Found by the full reader fuzz (BACI inputs 5520 and 9937): when a row check fires, a second
  // read finds its line; it reads the whole file, and a malformed line after the checked one made
  // it throw DuckDB's own error, not a KaravanError.
  it('a bad quantity early and a malformed line later: a typed error', async () => {
    const lines = [header];
    for (let n = 0; n < 30_000; n++) {
      const line = `2015,4,${[24, 32, 36, 40, 56][n % 5]},${100_000 + Math.floor(n / 5)},1.5,${n === 100 ? '-3' : '2'}`;
      lines.push(n === 20_000 ? line.replace(/,[^,]*$/, '') : line);
    }
    await expectRejected(csv('late-malformed.csv', lines), { code: 'KRV_INGEST_MALFORMED_CSV', line: 20_002 });
  });

  it('a value with a quote inside, and mixed line ends, are named as such', async () => {
    await expectRejected(csv('stray-quote.csv', [header, '2021,4,24,481890,1"2,1']), {
      code: 'KRV_INGEST_BAD_VALUE',
      line: 2,
      column: 'v',
      value: '1"2',
    });
    // Mixed line ends are read (made uniform; test/data/reader-edges.test.ts): a bad value below is named by its line.
    const mixed = writeTemp(dir.path, 'mixed-eol.csv', `${header}\r\n2021,4,24,481890,1,1\n2021,4,24,481891,x,1\r\n`);
    await expectRejected(mixed, { code: 'KRV_INGEST_BAD_VALUE', line: 3, value: 'x' });
  });

  it('binary or UTF-16 text', async () => {
    const utf16 = Buffer.from('\ufeff' + header + '\n' + good + '\n', 'utf16le');
    await expectRejected(writeTemp(dir.path, 'utf16.csv', utf16), { code: 'KRV_INGEST_MALFORMED_CSV', line: 1 });
  });
});

describe('edge values that are imported', () => {
  const dir = tempDir();
  afterAll(() => dir.cleanup());

  // Found by test/reliability/fuzz-readers.test.ts: a dataset whose USD total is an integral
  // number past int64 (1e300 thousand USD = 1e303) was bound by node-api as BIGINT, which threw
  // in the datasets table: the ingest failed after its commit and the store no longer opened.
  it('a value of 1e300 thousand USD: imported, and the store opens again', async () => {
    const home = join(dir.path, 'huge');
    const store = await TradeStore.open({ home, ensureDefault: false, threads: 2 });
    try {
      const result = await store.ingest(
        writeTemp(dir.path, 'BACI_HS92_Y2020_huge.csv', `${header}\n2020,112,398,10121,1e300,NA\n`),
      );
      expect(result.dataset.valueUsdTotal).toBe(1e303);
    } finally {
      store.closeSync();
    }
    const again = await TradeStore.open({ home, ensureDefault: false, threads: 2 });
    try {
      expect(await again.query(`SELECT value_usd_total FROM datasets`)).toEqual([{ value_usd_total: 1e303 }]);
    } finally {
      again.closeSync();
    }
  });

  it('whole numbers written as 2020.0, with spaces or in scientific notation are read as such', async () => {
    const home = join(dir.path, 'spellings');
    const store = await TradeStore.open({ home, ensureDefault: false, threads: 2 });
    try {
      const file = writeTemp(
        dir.path,
        'BACI_HS92_Y2020_spelled.csv',
        `${header}\n2020.0,112,398,1.0121E4,1e5,NA\n 2020 ,112.0,643,843351,1E-3,"  2.5E-1"\n`,
      );
      const result = await store.ingest(file);
      expect(result.dataset.rows).toBe(2);
      const rows = await store.query(
        `SELECT year, exporter, importer, product, value_usd, qty_tonnes FROM flows ORDER BY importer`,
      );
      expect(rows).toEqual([
        { year: 2020, exporter: 'BLR', importer: 'KAZ', product: '010121', value_usd: 1e8, qty_tonnes: null },
        { year: 2020, exporter: 'BLR', importer: 'RUS', product: '843351', value_usd: 1, qty_tonnes: 0.25 },
      ]);
    } finally {
      store.closeSync();
    }
  });
});
