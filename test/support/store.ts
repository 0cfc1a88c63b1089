/** Test helpers: a fresh store in a temporary folder, and temporary files. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TradeStore } from '../../src/data/index.ts';

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
