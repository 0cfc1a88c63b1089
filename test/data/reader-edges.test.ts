/**
 * Inputs that the readers used to answer with the wrong message (store-safety issue, cases 6 and 11): mixed line
 * ends, a line far over the limit without a line end, a gzip that expands without bound, a value over 1e300.
 * Each is answered by its own typed error naming the line, and leaves the store as it was.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TradeStore } from '../../src/data/index.ts';
import { openTempStore, tempDir, writeTemp } from '../support/store.ts';

const header = 'exporter,product,year,valueUsd';

describe('reader edge cases', () => {
  let store: TradeStore;
  let cleanupStore: () => void;
  const dir = tempDir();
  beforeAll(async () => {
    ({ store, cleanup: cleanupStore } = await openTempStore(false));
  });
  afterAll(() => {
    cleanupStore();
    dir.cleanup();
  });

  async function refused(name: string, content: string | Buffer, expected: Record<string, unknown>): Promise<void> {
    const before = store.datasets().map((d) => d.id);
    await expect(store.ingest(writeTemp(dir.path, name, content), { format: 'exports' })).rejects.toMatchObject(
      expected,
    );
    expect(store.datasets().map((d) => d.id)).toEqual(before);
  }

  it('mixed CRLF and LF line ends: the rows are read, and a bad value further down is named by its own line', async () => {
    const mixed = `${header}\r\nBLR,8433,2017,1000\r\nKAZ,8433,2017,500\nRUS,8433,2017,abc\r\n`;
    await refused('mixed.csv', mixed, { code: 'KRV_INGEST_BAD_VALUE', line: 4, value: 'abc' });
    const quoted = `"exporter","product","year","valueUsd"\r\n"BLR","8433",2017,1000\n"RUS","8433",2017,abc\r\n`;
    await refused('mixed-quoted.csv', quoted, { code: 'KRV_INGEST_BAD_VALUE', line: 3, value: 'abc' });
    const good = `${header}\r\nBLR,8433,2017,1000\r\nKAZ,8433,2017,500\nRUS,8433,2017,7\r\n`;
    const result = await store.ingest(writeTemp(dir.path, 'mixed-good.csv', good), { format: 'exports' });
    expect(result.dataset).toMatchObject({ rows: 3, valueUsdTotal: 1507 });
    expect(result.notes.join('\n')).toMatch(/mixes CRLF and LF line ends/);
    // Gzip'd too, and a break between CR and LF across read chunks does not matter.
    // 60,000 distinct rows (1.5 MB: more than one read chunk) with varied values, so it compresses as real data.
    const exporters = ['BLR', 'KAZ', 'RUS', 'UZB', 'KGZ', 'ARM', 'TJK', 'CHN', 'DEU', 'POL', 'TUR', 'IND'];
    const rows = exporters.flatMap((e, i) =>
      Array.from(
        { length: 5000 },
        (_, p) => `${e},${String(1000 + p).padStart(4, '0')},2016,${(i * 7919 + p * 104729) % 99991}\r\n`,
      ),
    );
    const gz = gzipSync(Buffer.from(`${header}\r\n${rows.join('')}BLR,9999,2016,2\n`));
    const zipped = await store.ingest(writeTemp(dir.path, 'mixed.csv.gz', gz), { format: 'exports' });
    expect(zipped.dataset.rows).toBe(60_001);
  });

  it('a 40 MB line without a line end is named as too long, not as "no data rows"', async () => {
    const path = join(dir.path, 'long.csv');
    writeFileSync(path, `${header}\nBLR,8433,2017,${'1'.repeat(40_000_000)}`);
    const before = store.datasets().length;
    await expect(store.ingest(path, { format: 'exports' })).rejects.toMatchObject({
      code: 'KRV_INGEST_MALFORMED_CSV',
      line: 2,
      message: expect.stringMatching(/line is 40\.0 MB long/),
    });
    expect(store.datasets()).toHaveLength(before);
    await refused('blank.csv', `${header}\n\n\n`, { code: 'KRV_INGEST_EMPTY_FILE' });
  });

  it('a gzip that expands more than 200x is refused as a possible bomb', async () => {
    // 10 MB of blank lines compress about 1000x.
    const bomb = gzipSync(
      Buffer.concat([Buffer.from(`${header}\nBLR,8433,2017,1000\n`), Buffer.alloc(10 << 20, 0x0a)]),
    );
    await refused('bomb.csv.gz', bomb, {
      code: 'KRV_INGEST_BAD_ARCHIVE',
      message: expect.stringMatching(/expands more than 200x.*gzip bomb/),
    });
  }, 60_000);

  it('a value over 1e300 is "too large", not "not a finite number"', async () => {
    await refused('large.csv', `${header}\nBLR,8433,2017,1e301\n`, {
      code: 'KRV_INGEST_BAD_VALUE',
      line: 2,
      message: expect.stringMatching(/too large \(1e\+?301; at most 1e300/),
    });
    await refused('inf.csv', `${header}\nBLR,8433,2017,inf\n`, {
      code: 'KRV_INGEST_BAD_VALUE',
      message: expect.stringMatching(/not a finite number|should hold a number/),
    });
  });

  it("a BACI yearly file's rows must be of the year its name gives", async () => {
    const baci =
      ['"t","i","j","k","v","q"', '2021,112,398,843351,10.5,1', '2020,112,398,843359,3.25,NA'].join('\n') + '\n';
    const before = store.datasets().length;
    await expect(store.ingest(writeTemp(dir.path, 'BACI_HS17_Y2021_V202401.csv', baci))).rejects.toMatchObject({
      code: 'KRV_INGEST_BAD_VALUE',
      line: 3,
      value: '2020',
      message: expect.stringMatching(/year 2020 in a file named for 2021/),
    });
    expect(store.datasets()).toHaveLength(before);
    const renamed = await store.ingest(writeTemp(dir.path, 'BACI_HS17_two_years.csv', baci));
    expect(renamed.dataset.years).toEqual([2020, 2021]);
  });
});
