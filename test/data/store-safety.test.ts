/**
 * A damaged store is named and repairable, never silently emptied: a cut Parquet file is KRV_STORE_CORRUPT naming
 * the file and its dataset, `store check` finds it, `datasets remove` drops it atomically; the next writer deletes
 * only files this store listed as pending removal; a read-only home, a home that cannot be created and a disk that
 * fills during an ingest are typed errors that leave the store as it was.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TradeStore, checkStore, removeDataset } from '../../src/data/index.ts';
import { tempDir, writeTemp } from '../support/store.ts';

const table = (rows: string[]) => ['exporter,product,year,valueUsd', ...rows].join('\n') + '\n';

async function storeWith(home: string, dir: string, files: Record<string, string>): Promise<string[]> {
  const store = await TradeStore.open({ home, ensureDefault: false, threads: 1 });
  try {
    const ids: string[] = [];
    for (const [name, content] of Object.entries(files))
      ids.push((await store.ingest(writeTemp(dir, name, content), { format: 'exports' })).dataset.id);
    return ids;
  } finally {
    store.closeSync();
  }
}

const manifestOf = (home: string) => JSON.parse(readFileSync(join(home, 'manifest.json'), 'utf8'));

describe('store safety', () => {
  it('a cut Parquet file: every open names it and its dataset; store check finds it; remove repairs the store', async () => {
    const dir = tempDir();
    try {
      const home = join(dir.path, 'home');
      const [good, bad] = await storeWith(home, dir.path, {
        'good.csv': table(['BLR,8433,2017,1000']),
        'bad.csv': table(['KAZ,8433,2016,500', 'KAZ,8701,2016,250']),
      });
      const badFile = manifestOf(home).datasets.find((d: { id: string }) => d.id === bad).files[0] as string;
      truncateSync(join(home, badFile), 100);
      await expect(TradeStore.open({ home, ensureDefault: false, threads: 1 })).rejects.toMatchObject({
        code: 'KRV_STORE_CORRUPT',
        message: expect.stringContaining(`a file of dataset ${bad} (bad.csv) is damaged: ${badFile}`),
        hint: expect.stringContaining(`karavan datasets remove ${bad}`),
      });
      const check = await checkStore(home);
      expect(check.ok).toBe(false);
      expect(check.datasets.find((d) => d.id === good)).toMatchObject({ ok: true, rowsRead: 1, valueUsdRead: 1000 });
      expect(check.datasets.find((d) => d.id === bad)).toMatchObject({
        ok: false,
        rowsRead: null,
        problems: [{ file: badFile, problem: expect.stringMatching(/not a whole Parquet file/) }],
      });
      const removed = removeDataset(bad!, home);
      expect(removed).toMatchObject({ dataset: { id: bad }, filesRemoved: 1 });
      expect(existsSync(join(home, badFile))).toBe(false);
      expect(manifestOf(home).pendingRemoval).toEqual([]);
      expect((await checkStore(home)).ok).toBe(true);
      const store = await TradeStore.open({ home, ensureDefault: false, threads: 1 });
      try {
        expect(store.datasets().map((d) => d.id)).toEqual([good]);
      } finally {
        store.closeSync();
      }
      expect(() => removeDataset('0000000000000000', home)).toThrow(
        expect.objectContaining({ code: 'KRV_STORE_UNKNOWN_DATASET' }),
      );
    } finally {
      dir.cleanup();
    }
  });

  it('store check finds rows that differ from the manifest (a file swapped for another)', async () => {
    const dir = tempDir();
    try {
      const home = join(dir.path, 'home');
      const [a, b] = await storeWith(home, dir.path, {
        'a.csv': table(['BLR,8433,2017,1000']),
        'b.csv': table(['KAZ,8433,2016,500', 'KAZ,8701,2016,250']),
      });
      const m = manifestOf(home);
      const fileOf = (id: string) => m.datasets.find((d: { id: string }) => d.id === id).files[0] as string;
      writeFileSync(join(home, fileOf(a!)), readFileSync(join(home, fileOf(b!))));
      const check = await checkStore(home);
      expect(check.datasets.find((d) => d.id === a)).toMatchObject({
        ok: false,
        rowsRead: 2,
        problems: [
          { file: '(all row files)', problem: 'hold 2 rows; the manifest says 1' },
          { file: '(all row files)', problem: 'sum to 750 USD; the manifest says 1000' },
        ],
      });
    } finally {
      dir.cleanup();
    }
  });

  it('the next writer deletes the files listed as pending removal, and no file the store never listed', async () => {
    const dir = tempDir();
    try {
      const home = join(dir.path, 'home');
      await storeWith(home, dir.path, { 'a.csv': table(['BLR,8433,2017,1000']) });
      // A kill after files were placed but before the commit: they are listed as pending removal.
      const leftover = 'exports/source=user/year=2016/deadbeefdeadbeef_0.parquet';
      mkdirSync(join(home, 'exports/source=user/year=2016'), { recursive: true });
      writeFileSync(join(home, leftover), 'partial');
      const foreign = 'exports/source=user/year=2016/my-own-file.parquet';
      writeFileSync(join(home, foreign), 'not ours');
      writeFileSync(join(home, 'manifest.json'), JSON.stringify({ ...manifestOf(home), pendingRemoval: [leftover] }));
      await storeWith(home, dir.path, { 'b.csv': table(['KAZ,8433,2016,500']) });
      expect(existsSync(join(home, leftover))).toBe(false);
      expect(readFileSync(join(home, foreign), 'utf8')).toBe('not ours');
      expect(manifestOf(home).pendingRemoval).toEqual([]);
      expect(manifestOf(home).datasets).toHaveLength(2);
    } finally {
      dir.cleanup();
    }
  });

  it('a home that cannot be created and a read-only home are typed errors, not stacks', async () => {
    const dir = tempDir();
    try {
      writeFileSync(join(dir.path, 'a-file'), '');
      await expect(TradeStore.open({ home: join(dir.path, 'a-file', 'home'), threads: 1 })).rejects.toMatchObject({
        code: 'KRV_ENV_HOME_UNUSABLE',
      });
      const home = join(dir.path, 'home');
      await storeWith(home, dir.path, { 'a.csv': table(['BLR,8433,2017,1000']) });
      // Root ignores file modes; a read-only bind mount is what a read-only home is for root.
      const ro = spawnSync('mount', ['--bind', '-o', 'ro', home, home]);
      const readOnly = ro.status === 0 || process.getuid?.() !== 0;
      if (ro.status !== 0) chmodSync(home, 0o555);
      try {
        if (!readOnly) return console.warn('store-safety: cannot make a read-only home here');
        const store = await TradeStore.open({ home, ensureDefault: false, threads: 1 });
        try {
          expect(store.datasets()).toHaveLength(1); // reading works
          await expect(
            store.ingest(writeTemp(dir.path, 'b.csv', table(['KAZ,8433,2016,500'])), { format: 'exports' }),
          ).rejects.toMatchObject({ code: 'KRV_ENV_READ_ONLY' });
        } finally {
          store.closeSync();
        }
      } finally {
        if (ro.status === 0) spawnSync('umount', [home]);
        else chmodSync(home, 0o755);
      }
    } finally {
      dir.cleanup();
    }
  });

  it('a disk that fills during an ingest is KRV_ENV_DISK_FULL and the store is as it was (a 512 kB tmpfs)', async () => {
    const dir = tempDir();
    const home = join(dir.path, 'home');
    mkdirSync(home);
    if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=512k', 'tmpfs', home]).status !== 0) {
      dir.cleanup();
      return console.warn('store-safety: cannot mount a tmpfs here; the mapping is covered in lock.test.ts');
    }
    try {
      await storeWith(home, dir.path, { 'a.csv': table(['BLR,8433,2017,1000']) });
      const before = readFileSync(join(home, 'manifest.json'), 'utf8');
      const filesBefore = readdirSync(home, { recursive: true }).sort();
      // 150,000 distinct rows with varied values: about 2 MB of Parquet, more than the 512 kB disk holds.
      const rows = Array.from(
        { length: 150_000 },
        (_, i) =>
          `BLR,${String(1000 + (i % 9000)).padStart(4, '0')},${1970 + Math.floor(i / 9000)},${((i * 7919) % 100003) + ((i * 104729) % 9973) / 9973}`,
      );
      const store = await TradeStore.open({ home, ensureDefault: false, threads: 1 });
      try {
        await expect(
          store.ingest(writeTemp(dir.path, 'big.csv', table(rows)), { format: 'exports' }),
        ).rejects.toMatchObject({
          code: 'KRV_ENV_DISK_FULL',
        });
      } finally {
        store.closeSync();
      }
      expect(readFileSync(join(home, 'manifest.json'), 'utf8')).toBe(before);
      expect(readdirSync(home, { recursive: true }).sort()).toEqual(filesBefore);
    } finally {
      spawnSync('umount', [home]);
      dir.cleanup();
    }
  });
});
