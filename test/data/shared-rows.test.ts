/**
 * TradeStore.withSharedRows: the rows of a query kept in one temporary table per store version
 * and key, shared by the callers with that key (a report's importer-side sections read one
 * importer's flows through it), bounded in number, never dropped under a caller that reads it,
 * and never served from an older store version.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TradeStore } from '../../src/data/index.ts';
import { openTempStore, tempDir, writeTemp } from '../support/store.ts';

const header = '"t","i","j","k","v","q"';

describe('shared rows', () => {
  let store: TradeStore;
  let cleanup: () => void;
  const dir = tempDir();

  beforeAll(async () => {
    ({ store, cleanup } = await openTempStore(false));
    await store.ingest(
      writeTemp(
        dir.path,
        'BACI_HS92_Y2020_a.csv',
        `${header}\n2020,4,398,010121,1,2\n2020,710,398,010121,2,NA\n2020,4,112,870190,5,1\n`,
      ),
    );
  });
  afterAll(() => {
    cleanup();
    dir.cleanup();
  });

  const sharedTables = async () =>
    (
      await store.query<{ n: number }>(
        `SELECT count(*)::DOUBLE AS n FROM duckdb_tables() WHERE table_name LIKE 'shared_rows_%'`,
      )
    )[0]!.n;
  const intoSql = `SELECT * FROM flows WHERE importer = $1`;
  const total = (key: string, importer: string) =>
    store.withSharedRows(key, intoSql, [importer], async (table) => {
      const [row] = await store.query<{ rows: number; value: number }>(
        `SELECT count(*)::DOUBLE AS rows, sum(value_usd) AS value FROM ${table}`,
      );
      return { table, ...row! };
    });

  it('gives the rows of the query, made once for callers with the same key', async () => {
    const before = await sharedTables();
    const [first, second] = await Promise.all([total('KAZ', 'KAZ'), total('KAZ', 'KAZ')]);
    expect(first).toEqual({ table: first.table, rows: 2, value: 3000 });
    expect(second.table).toBe(first.table);
    expect(await sharedTables()).toBe(before + 1);
    expect((await total('BLR', 'BLR')).value).toBe(5000);
  });

  it('keeps at most four tables, and never drops one a caller is still reading', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const reading = store.withSharedRows('held', intoSql, ['KAZ'], async (table) => {
      await held;
      return (await store.query<{ rows: number }>(`SELECT count(*)::DOUBLE AS rows FROM ${table}`))[0]!.rows;
    });
    for (const key of ['a', 'b', 'c', 'd', 'e']) await total(key, 'KAZ');
    // Four tables at most; 'held' is the least recently used, yet still there for its reader.
    expect(await sharedTables()).toBe(4);
    release();
    expect(await reading).toBe(2);
    expect(await sharedTables()).toBe(4);
  });

  it('answers from the new rows after an ingest, and drops the tables of the older version', async () => {
    const old = await total('KAZ', 'KAZ');
    await store.ingest(writeTemp(dir.path, 'BACI_HS92_Y2021_b.csv', `${header}\n2021,4,398,010121,10,2\n`));
    const fresh = await total('KAZ', 'KAZ');
    expect(fresh.table).not.toBe(old.table);
    expect(fresh).toMatchObject({ rows: 3, value: 13000 });
    expect(await sharedTables()).toBe(1);
  });

  it('a query that fails is not kept: the error reaches the caller, the next caller tries again', async () => {
    await expect(store.withSharedRows('bad', 'SELECT * FROM no_such_table', [], async () => 1)).rejects.toThrow(
      /no_such_table/,
    );
    expect(await store.withSharedRows('bad', intoSql, ['KAZ'], async () => 2)).toBe(2);
  });
});
