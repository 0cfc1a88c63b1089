/**
 * Killing an ingest with SIGKILL at any moment leaves the previous store intact and usable, and
 * the next ingest succeeds; two ingests at once do not corrupt anything (one gets a clear lock error).
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TradeStore } from '../../src/data/index.ts';
import { tempDir, writeTemp } from '../support/store.ts';
import { writeBaciLike } from '../support/generate.ts';

const launcher = new URL('../../bin/karavan.js', import.meta.url).pathname;

function startIngest(home: string, file: string) {
  return spawn(process.execPath, [launcher, 'ingest', file], {
    env: { ...process.env, KARAVAN_HOME: home },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

describe('crash safety', () => {
  const dir = tempDir();
  const home = join(dir.path, 'home');
  let big: string;
  let baseline: string[];
  let baselineFlows: number;

  beforeAll(async () => {
    big = join(dir.path, 'BACI_HS92_big.csv');
    await writeBaciLike(big, 1_500_000, { yearsFirst: true });
    // With the default data in place, as the CLI child process expects it.
    const store = await TradeStore.open({ home });
    await store.ingest(
      writeTemp(dir.path, 'BACI_HS92_Y2020_small.csv', '"t","i","j","k","v","q"\n2020,112,398,010121,1,2\n'),
    );
    baseline = store.datasets().map((d) => d.id);
    baselineFlows = (await store.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM flows`))[0]!.n;
    store.closeSync();
  });
  afterAll(() => dir.cleanup());

  it('survives SIGKILL at random points of an ingest', async () => {
    // Deterministic spread of kill times over the ingest (start-up, staging, checks, commit).
    const delaysMs = [150, 400, 700, 1000, 1300, 1600, 1900, 2300];
    for (const delay of delaysMs) {
      const child = startIngest(home, big);
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      await new Promise((resolve) => setTimeout(resolve, delay));
      child.kill('SIGKILL');
      const code = await exited;
      const store = await TradeStore.open({ home, ensureDefault: false });
      try {
        const ids = store.datasets().map((d) => d.id);
        const [count] = await store.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM flows`);
        if (ids.length > baseline.length) {
          // Killed after the commit point (or it finished): the dataset must then be whole.
          expect(ids.slice(0, baseline.length)).toEqual(baseline);
          // The generated file covers AFG and ZAF in 1995-2024, so it supersedes the embedded 2021 slice.
          expect(count!.n).toBe(1_500_000 + 1);
          break;
        }
        expect(code).not.toBe(0);
        expect(ids).toEqual(baseline);
        expect(count!.n).toBe(baselineFlows);
      } finally {
        store.closeSync();
      }
    }
    const store = await TradeStore.open({ home, ensureDefault: false });
    try {
      const result = store.datasets().some((d) => d.fileName === 'BACI_HS92_big.csv')
        ? undefined
        : await store.ingest(big);
      expect(result === undefined || result.status === 'imported').toBe(true);
      const [count] = await store.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM flows`);
      expect(count!.n).toBe(1_500_000 + 1);
    } finally {
      store.closeSync();
    }
  }, 180_000);

  it('two ingests at once: one waits its turn with a clear message, nothing is corrupted', async () => {
    const store = await TradeStore.open({ home, ensureDefault: false });
    const other = await TradeStore.open({ home, ensureDefault: false });
    try {
      const a = writeTemp(dir.path, 'BACI_HS92_Y2019_a.csv', '"t","i","j","k","v","q"\n2019,112,398,010121,1,2\n');
      const b = writeTemp(dir.path, 'BACI_HS92_Y2018_b.csv', '"t","i","j","k","v","q"\n2018,112,398,010121,1,2\n');
      const results = await Promise.allSettled([store.ingest(a), other.ingest(b)]);
      const rejected = results.filter((r) => r.status === 'rejected');
      expect(results.filter((r) => r.status === 'fulfilled').length).toBeGreaterThanOrEqual(1);
      for (const r of rejected) expect((r as PromiseRejectedResult).reason).toMatchObject({ code: 'KRV_STORE_LOCKED' });
      await other.refresh();
      const [count] = await other.query<{ n: number }>(
        `SELECT count(*)::INTEGER AS n FROM flows WHERE exporter = 'BLR' AND year IN (2018, 2019)`,
      );
      expect(count!.n).toBe(2 - rejected.length);
    } finally {
      store.closeSync();
      other.closeSync();
    }
  });
});
