/**
 * The manifest is the store's commit point. A store whose manifest is gone is refused, never rebuilt over the
 * user's files; a hand-edited entry that lacks a field or points outside the store is named, not a TypeError.
 */
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { TradeStore } from '../../src/data/index.ts';
import { readManifest } from '../../src/data/manifest.ts';
import { tempDir, writeTemp } from '../support/store.ts';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

async function storeWithOneDataset(): Promise<{ home: string; cleanup: () => void }> {
  const dir = tempDir();
  const home = join(dir.path, 'home');
  const store = await TradeStore.open({ home, ensureDefault: false, threads: 1 });
  try {
    const table = writeTemp(
      dir.path,
      'exports.csv',
      'exporter,product,year,valueUsd\nBLR,8433,2017,1000\nKAZ,8433,2017,500\n',
    );
    await store.ingest(table, { format: 'exports' });
  } finally {
    store.closeSync();
  }
  return { home, cleanup: dir.cleanup };
}

describe('manifest', () => {
  it('a store with data but no manifest is refused with KRV_STORE_CORRUPT by every command, and no file is deleted', async () => {
    const { home, cleanup } = await storeWithOneDataset();
    try {
      rmSync(join(home, 'manifest.json'));
      const before = filesUnder(home);
      expect(before.some((f) => f.endsWith('.parquet'))).toBe(true);
      await expect(TradeStore.open({ home, threads: 1 })).rejects.toMatchObject({
        code: 'KRV_STORE_CORRUPT',
        message: expect.stringMatching(/data file\(s\).*but no manifest\.json/),
        hint: expect.stringMatching(/nothing was deleted/),
      });
      const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
      const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
      const previous = process.env['KARAVAN_HOME'];
      process.env['KARAVAN_HOME'] = home;
      try {
        expect(await main(['node', 'karavan', 'datasets'])).toBe(1);
        expect(stderr.mock.calls.map((c) => String(c[0])).join('')).toMatch(/KRV_STORE_CORRUPT/);
      } finally {
        stderr.mockRestore();
        stdout.mockRestore();
        if (previous === undefined) delete process.env['KARAVAN_HOME'];
        else process.env['KARAVAN_HOME'] = previous;
      }
      expect(filesUnder(home)).toEqual(before);
    } finally {
      cleanup();
    }
  });

  it('a new, empty folder is a new store', () => {
    const dir = tempDir();
    try {
      expect(readManifest(join(dir.path, 'manifest.json')).datasets).toEqual([]);
    } finally {
      dir.cleanup();
    }
  });

  it('names a hand-edited entry that lacks its files or points outside the store', async () => {
    const { home, cleanup } = await storeWithOneDataset();
    try {
      const path = join(home, 'manifest.json');
      const original = JSON.parse(readFileSync(path, 'utf8'));
      const id = original.datasets[0].id as string;
      const edits: [string, (d: Record<string, unknown>) => void, RegExp][] = [
        ['no files', (d) => delete d['files'], new RegExp(`dataset ${id} has no files list`)],
        [
          'a parent path',
          (d) => (d['files'] = ['../../etc/passwd']),
          /outside the store in files: "\.\.\/\.\.\/etc\/passwd"/,
        ],
        ['an absolute path', (d) => (d['pairFiles'] = ['/etc/passwd']), /outside the store in pairFiles/],
        ['no years', (d) => delete d['years'], /has no years list/],
        ['rows as text', (d) => (d['rows'] = 'many'), /has no number rows/],
        ['a bad id', (d) => (d['id'] = '../x'), /dataset #1 has no valid id|has no valid id/],
      ];
      for (const [what, edit, message] of edits) {
        const broken = structuredClone(original);
        edit(broken.datasets[0]);
        writeFileSync(path, JSON.stringify(broken));
        const mtime = statSync(path).mtimeMs;
        await expect(TradeStore.open({ home, threads: 1 }), what).rejects.toMatchObject({
          code: 'KRV_STORE_CORRUPT',
          message,
        });
        expect(statSync(path).mtimeMs, `${what}: the manifest is left as it was`).toBe(mtime);
      }
      writeFileSync(path, 'null');
      await expect(TradeStore.open({ home, threads: 1 })).rejects.toMatchObject({ code: 'KRV_STORE_CORRUPT' });
    } finally {
      cleanup();
    }
  });
});
