/**
 * Crash loop: `karavan ingest FILE` (a child process) killed with SIGKILL at seeded random
 * moments, again and again, on one store whose datasets grow between kills (some ingests are let
 * finish: BACI yearly files and UN Comtrade files, in turn).
 *
 * Each kill time is drawn uniformly over the measured duration of an un-killed ingest of a file
 * of the same kind (measured first on a copy of the store, then taken from the latest ingest let
 * finish, as the machine's load changes). After each kill: the store opens and
 * holds exactly the previous datasets (ids, flow count), or, when the kill landed after the
 * commit, those plus the new one, whole. Leftovers of a kill (staging, unlisted Parquet) are gone
 * after the next completed write. At the end one more ingest succeeds.
 *
 * SHORT (CI): 5 kills. FULL (KARAVAN_RELIABILITY=full): 50 kills. KARAVAN_SEED replays a run.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TradeStore, datasetFiles } from '../../src/data/index.ts';
import { writeBaciLike } from '../support/generate.ts';
import { full, pick, rng, seed } from '../support/reliability.ts';
import { tempDir } from '../support/store.ts';

const launcher = new URL('../../bin/karavan.js', import.meta.url).pathname;
const killCount = pick(5, 50);
/** One ingest of a file this size takes about 1-3 s, process start included (SHORT: half the size). */
const baciRows = pick(100_000, 200_000);
const comtradeRows = pick(30_000, 60_000);
/** Every third ingest is let finish, and a few more at random: the store grows between kills. */
const extraCompleteShare = 0.1;

interface Source {
  path: string;
  kind: 'baci' | 'comtrade';
  rows: number;
}

function listFiles(dir: string, base = dir): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path, base) : [relative(base, path)];
  });
}

/** What a store holds, as the next process sees it. */
interface State {
  ids: string[];
  fileNames: string[];
  flows: number;
  /** Rows of each dataset in the flows view. */
  rowsOf: Map<string, number>;
  /** Files of interrupted work: in staging/, or Parquet no manifest lists. */
  leftovers: string[];
}

async function inspect(home: string): Promise<State> {
  const store = await TradeStore.open({ home, ensureDefault: false, threads: 1 });
  try {
    const datasets = store.datasets();
    const [count] = await store.query<{ n: number }>(`SELECT count(*)::DOUBLE AS n FROM flows`);
    const perDataset = await store.query<{ id: string; n: number }>(
      `SELECT dataset_id AS id, count(*)::DOUBLE AS n FROM flows GROUP BY dataset_id`,
    );
    const listed = new Set(datasets.flatMap(datasetFiles));
    const unlisted = ['flows', 'exports', 'pairs', 'world-exports']
      .flatMap((kind) => listFiles(join(home, kind)).map((f) => join(kind, f)))
      .filter((f) => !listed.has(f));
    return {
      ids: datasets.map((d) => d.id),
      fileNames: datasets.map((d) => d.fileName),
      flows: count!.n,
      rowsOf: new Map(perDataset.map((r) => [r.id, r.n])),
      leftovers: [...listFiles(join(home, 'staging')).map((f) => join('staging', f)), ...unlisted],
    };
  } finally {
    store.closeSync();
  }
}

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  ms: number;
  output: string;
}

/** `karavan ingest path` in a child process, killed after `killAfterMs` unless undefined. */
function ingest(home: string, path: string, killAfterMs?: number): Promise<Run> {
  const started = performance.now();
  const child = spawn(process.execPath, [launcher, 'ingest', path], {
    env: { ...process.env, KARAVAN_HOME: home },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const timer = killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
  return new Promise((resolve) =>
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, ms: performance.now() - started, output });
    }),
  );
}

/** A UN Comtrade download (current header) of one reporter's imports in one year. */
function writeComtrade(path: string, reporter: number, year: number, rows: number, random: () => number): void {
  const partners = [
    4, 8, 12, 32, 36, 40, 56, 76, 112, 124, 152, 156, 170, 203, 208, 246, 251, 276, 300, 348, 360, 372, 376, 381, 392,
    398, 410, 417, 428, 440, 458, 484, 528, 554, 566, 579, 586, 604, 608, 616, 620, 642, 643, 699, 703, 705, 710, 724,
    752, 757, 764, 792, 804, 818, 826, 842, 860,
  ].filter((p) => p !== reporter);
  const lines = [
    'freqCode,refYear,reporterCode,flowCode,partnerCode,classificationCode,cmdCode,cmdDesc,primaryValue,netWgt',
  ];
  for (let i = 0; i < rows; i++) {
    const partner = partners[i % partners.length]!;
    const product = String(100_000 + Math.floor(i / partners.length)).padStart(6, '0');
    lines.push(
      `A,${year},${reporter},M,${partner},H5,${product},"goods, n.e.s.",${(random() * 1e6).toFixed(2)},${Math.floor(random() * 1e5)}`,
    );
  }
  writeFileSync(path, lines.join('\r\n') + '\r\n');
}

describe('crash loop', () => {
  const dir = tempDir('karavan-crash-loop-');
  const home = join(dir.path, 'home');
  const random = rng(seed);
  let baciTemplate: string;
  let made = 0;
  let baciMade = 0;
  let comtradeMade = 0;

  /**
   * The next file to ingest: BACI yearly files (2020, 2019, ... 1963), every third a Comtrade
   * file (one reporter and year each). No two share a year (BACI) or a reporter and year
   * (Comtrade), and none has the embedded slice's 2021: no dataset supersedes another.
   */
  function makeFile(): Source {
    const n = made++;
    if (n % 3 === 1 || baciMade >= 2020 - 1963 + 1) {
      const reporters = [398, 112, 643, 156, 276, 842, 392, 410, 356, 76];
      const c = comtradeMade++;
      const reporter = reporters[c % reporters.length]!;
      const year = 2019 - Math.floor(c / reporters.length);
      const path = join(dir.path, `TradeData_${reporter}_${year}.csv`);
      writeComtrade(path, reporter, year, comtradeRows, random);
      return { path, kind: 'comtrade', rows: comtradeRows };
    }
    const year = 2020 - baciMade++;
    const path = join(dir.path, `BACI_HS92_Y${year}_V202401.csv`);
    writeFileSync(path, readFileSync(baciTemplate, 'utf8').replace(/^2021,/gm, `${year},`));
    return { path, kind: 'baci', rows: baciRows };
  }

  const durationMs: Record<Source['kind'], number> = { baci: 0, comtrade: 0 };

  beforeAll(async () => {
    // The store with the embedded default data in place, as the CLI expects it.
    (await TradeStore.open({ home })).closeSync();
    baciTemplate = join(dir.path, 'baci-template.csv');
    await writeBaciLike(baciTemplate, baciRows);
    // One un-killed ingest of each kind, on a copy of the store, gives the span kill times are drawn from.
    for (const kind of ['baci', 'comtrade'] as const) {
      const copy = join(dir.path, `measure-${kind}`);
      cpSync(home, copy, { recursive: true });
      const path =
        kind === 'baci' ? join(dir.path, 'BACI_HS92_Y1990_V202401.csv') : join(dir.path, 'TradeData_measure.csv');
      if (kind === 'baci') writeFileSync(path, readFileSync(baciTemplate, 'utf8').replace(/^2021,/gm, '1990,'));
      else writeComtrade(path, 398, 2000, comtradeRows, rng(seed + 1));
      const run = await ingest(copy, path);
      expect(run.code, run.output).toBe(0);
      durationMs[kind] = run.ms;
      rmSync(copy, { recursive: true, force: true });
      rmSync(path, { force: true });
    }
  }, 240_000);
  afterAll(() => dir.cleanup());

  it(
    `survives ${killCount} SIGKILLs at random moments of ingests, the store growing in between`,
    async () => {
      const started = performance.now();
      const measured = { ...durationMs };
      const failures: string[] = [];
      const tally = {
        kills: 0,
        beforeCommit: 0,
        afterCommit: 0,
        completed: 0,
        finishedBeforeKill: 0,
        leftoversAfterKill: 0,
      };
      let state = await inspect(home);
      let file = makeFile();
      const check = (ok: boolean, message: string) => {
        if (!ok) failures.push(message);
        return ok;
      };
      /** Moves on after `file` was committed (by a completed run or a kill after the commit). */
      const committed = (after: State, how: string) => {
        const newIds = after.ids.filter((id) => !state.ids.includes(id));
        check(
          JSON.stringify(after.ids.slice(0, state.ids.length)) === JSON.stringify(state.ids),
          `${how}: previous datasets changed: ${after.ids.join(',')}`,
        );
        check(newIds.length === 1, `${how}: ${newIds.length} new datasets`);
        const id = newIds[0]!;
        check(
          after.fileNames.at(-1) === file.path.split('/').pop(),
          `${how}: the new dataset is ${after.fileNames.at(-1)}, not ${file.path}`,
        );
        // Whole: every row of the file, and nothing hidden from the older datasets.
        check(
          after.rowsOf.get(id) === file.rows,
          `${how}: the new dataset holds ${after.rowsOf.get(id)} rows, the file ${file.rows}`,
        );
        check(
          after.flows === state.flows + file.rows,
          `${how}: ${after.flows} flows, expected ${state.flows} + ${file.rows}`,
        );
        for (const old of state.ids)
          check(
            after.rowsOf.get(old) === state.rowsOf.get(old),
            `${how}: dataset ${old} went from ${state.rowsOf.get(old)} to ${after.rowsOf.get(old)} rows`,
          );
        rmSync(file.path, { force: true });
        state = after;
        file = makeFile();
      };

      for (let iteration = 0; tally.kills < killCount; iteration++) {
        const letFinish = iteration % 3 === 2 || random() < extraCompleteShare;
        const killAt = letFinish ? undefined : random() * durationMs[file.kind];
        const run = await ingest(home, file.path, killAt);
        const label = `${file.path.split('/').pop()} ${letFinish ? 'let finish' : `killed at ${killAt!.toFixed(0)} ms`}`;
        const after = await inspect(home);
        if (run.signal === 'SIGKILL') {
          tally.kills++;
          if (after.leftovers.length > 0) tally.leftoversAfterKill++;
          if (JSON.stringify(after.ids) === JSON.stringify(state.ids)) {
            tally.beforeCommit++;
            check(
              after.flows === state.flows,
              `${label}: ${after.flows} flows after a kill before the commit, ${state.flows} before`,
            );
            for (const id of state.ids)
              check(after.rowsOf.get(id) === state.rowsOf.get(id), `${label}: dataset ${id} changed`);
            state = { ...after, leftovers: [] };
          } else {
            tally.afterCommit++;
            committed(after, label);
          }
          continue;
        }
        // Finished (let finish, or before its kill time came).
        if (!check(run.code === 0, `${label}: exit ${run.code}: ${run.output.slice(0, 500)}`)) break;
        if (letFinish) {
          tally.completed++;
          // The machine's load changes: kill times follow the latest un-killed ingest of the kind.
          durationMs[file.kind] = run.ms;
        } else tally.finishedBeforeKill++;
        // Whatever earlier kills left behind is gone once a write has completed.
        check(
          after.leftovers.length === 0,
          `${label}: leftovers after a completed ingest: ${after.leftovers.slice(0, 3).join(', ')}`,
        );
        committed(after, label);
      }

      // At the end, the next ingest succeeds.
      const last = await ingest(home, file.path);
      check(last.code === 0, `final ingest: exit ${last.code}: ${last.output.slice(0, 500)}`);
      const after = await inspect(home);
      check(
        after.leftovers.length === 0,
        `leftovers after the final ingest: ${after.leftovers.slice(0, 3).join(', ')}`,
      );
      committed(after, 'final ingest');

      console.log(
        `reliability: crash-loop kills=${tally.kills} before-commit=${tally.beforeCommit} after-commit=${tally.afterCommit} ` +
          `completed=${tally.completed} finished-before-kill=${tally.finishedBeforeKill} leftovers-after-kill=${tally.leftoversAfterKill} ` +
          `datasets=${state.ids.length} flows=${state.flows} ingest-ms=baci:${measured.baci.toFixed(0)}..${durationMs.baci.toFixed(0)},comtrade:${measured.comtrade.toFixed(0)}..${durationMs.comtrade.toFixed(0)} ` +
          `failures=${failures.length} seed=${seed} time=${((performance.now() - started) / 1000).toFixed(1)}s`,
      );
      for (const f of failures.slice(0, 20)) console.log(`failure: ${f}`);
      expect(failures).toEqual([]);
    },
    full ? 3 * 3600_000 : 180_000,
  );
});
