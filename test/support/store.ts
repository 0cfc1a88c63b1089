/** Test helpers: a fresh store in a temporary folder, and temporary files. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { TradeStore } from '../../src/data/index.ts';
import { writeReportFixture } from './report-fixture.ts';

export function tempDir(prefix = 'karavan-test-'): { path: string; cleanup: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, cleanup: () => rmSync(path, { recursive: true, force: true }) };
}

/** Opens a store in a new temporary home (with the embedded default data unless told not to). */
export async function openTempStore(
  ensureDefault = true,
): Promise<{ store: TradeStore; home: string; cleanup: () => void }> {
  const dir = tempDir('karavan-store-');
  const store = await TradeStore.open({ home: dir.path, ensureDefault, threads: 2 });
  return {
    store,
    home: dir.path,
    cleanup: () => {
      store.closeSync();
      dir.cleanup();
    },
  };
}

export function writeTemp(dir: string, name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/**
 * A store for a describe block, opened before its tests and removed after them, with the hand-checked
 * BLR/KAZ/RUS fixture (test/support/report-fixture.ts) ingested; `embedded` adds the embedded default data.
 * Read `store` and `fixtureFile` inside the tests (they are set in beforeAll).
 */
export function fixtureStore(options: { embedded: boolean }): { store: TradeStore; fixtureFile: string } {
  const context = {} as { store: TradeStore; fixtureFile: string };
  const dir = tempDir();
  let cleanup = () => {};
  beforeAll(async () => {
    const opened = await openTempStore(options.embedded);
    context.store = opened.store;
    cleanup = opened.cleanup;
    context.fixtureFile = writeReportFixture(dir.path);
    await context.store.ingest(context.fixtureFile);
  });
  afterAll(() => {
    cleanup();
    dir.cleanup();
  });
  return context;
}
