/**
 * Reader fuzzing: seeded malformed, hostile and valid files (test/reliability/fuzz-inputs.ts)
 * through `TradeStore.ingest`, for each reader: BACI (CSV, .gz, release zip), UN Comtrade
 * (current and legacy headers), exporter x product tables (with and without --map).
 *
 * Every input must end in one of two ways:
 *  (a) a KaravanError with a code, and the store exactly as before: same manifest, same files
 *      (no staging leftovers, no new Parquet), same flows/exports counts; or
 *  (b) success with exactly the rows and USD total the generator knows the file holds.
 * Anything else is a finding: another exception type, a DuckDB error passed through, a hang
 * (each input is bounded by a timeout), a partial or wrong import, a valid file refused, a
 * hostile one accepted. Stores are reused across inputs and replaced after a few imports; each
 * replaced store is opened again and checked (datasets, no unlisted files).
 *
 * SHORT (CI): a few dozen inputs per reader. FULL (KARAVAN_RELIABILITY=full): 10,000 per reader.
 * Replay: KARAVAN_SEED=<seed> [KARAVAN_FUZZ_READER=baci KARAVAN_FUZZ_INPUT=<index>].
 * Long runs: KARAVAN_FUZZ_FROM=<index> starts a reader's inputs there (a run split in chunks, or
 * readers in parallel processes, covers the same inputs as one run), and KARAVAN_FUZZ_LOG=<file>
 * gets a progress line every 500 inputs, so a run cut short still says how far it got.
 */
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TradeStore, datasetFiles, type IngestResult } from '../../src/data/index.ts';
import { KaravanError } from '../../src/errors.ts';
import { full, pick, seed } from '../support/reliability.ts';
import { tempDir } from '../support/store.ts';
import { fuzzContext, generateInput, type FuzzContext, type FuzzInput, type Reader } from './fuzz-inputs.ts';

const perReader = Number(process.env['KARAVAN_FUZZ_COUNT'] ?? pick(70, 10_000));
const onlyReader = process.env['KARAVAN_FUZZ_READER'] as Reader | undefined;
const onlyInput =
  process.env['KARAVAN_FUZZ_INPUT'] === undefined ? undefined : Number(process.env['KARAVAN_FUZZ_INPUT']);
const firstInput = Number(process.env['KARAVAN_FUZZ_FROM'] ?? 0);
const progressLog = process.env['KARAVAN_FUZZ_LOG'];
/** Per-input bound: an ingest that takes longer is a hang. */
const inputTimeoutMs = 30_000;
/** A store is replaced (and re-opened to check it) after this many imports, to keep it small. */
const importsPerStore = 25;

function listFiles(dir: string, base = dir): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? listFiles(path, base) : [relative(base, path)];
    })
    .sort();
}

interface Finding {
  reader: Reader;
  index: number;
  kind: string;
  detail: string;
  mutations: string[];
}

interface Tally {
  inputs: number;
  accepted: number;
  rejected: number;
  codes: Map<string, number>;
  /** Rejections whose message passes a DuckDB error text through (still a KaravanError). */
  opaque: number;
  opaqueSamples: Set<string>;
  mutations: Map<string, number>;
  variants: Map<string, number>;
  /** Wrong outcomes of known limitations (see FuzzInput.known), by limitation. */
  known: Map<string, number>;
  findings: Finding[];
  ms: number;
}

/** A store in a fresh home copied from a template (reference tables built once). */
class StoreSlot {
  store!: TradeStore;
  home!: string;
  imports = 0;
  #n = 0;
  constructor(
    readonly template: string,
    readonly root: string,
  ) {}

  async open(): Promise<void> {
    this.home = join(this.root, `home-${this.#n++}`);
    cpSync(this.template, this.home, { recursive: true });
    this.store = await TradeStore.open({ home: this.home, ensureDefault: false, threads: 1 });
    this.imports = 0;
  }

  /** The store as the next process would see it: open it again and check what it holds. */
  async reopenCheck(): Promise<string[]> {
    const problems: string[] = [];
    const ids = this.store.datasets().map((d) => d.id);
    try {
      this.store.closeSync();
    } catch {
      // A connection DuckDB invalidated may refuse to close; the files are what is checked.
    }
    let again: TradeStore;
    try {
      again = await TradeStore.open({ home: this.home, ensureDefault: false, threads: 1 });
    } catch (error) {
      return [`the store does not open again: ${(error as Error).constructor.name}: ${(error as Error).message}`];
    }
    try {
      const reopened = again.datasets().map((d) => d.id);
      if (JSON.stringify(reopened) !== JSON.stringify(ids))
        problems.push(`datasets after reopening ${reopened.join(',')} != ${ids.join(',')}`);
      const listed = new Set(again.datasets().flatMap(datasetFiles));
      const onDisk = ['flows', 'exports', 'pairs', 'world-exports'].flatMap((kind) =>
        listFiles(join(this.home, kind)).map((f) => join(kind, f)),
      );
      const unlisted = onDisk.filter((f) => !listed.has(f));
      if (unlisted.length) problems.push(`unlisted files: ${unlisted.slice(0, 3).join(', ')}`);
      const missing = [...listed].filter((f) => !existsSync(join(this.home, f)));
      if (missing.length) problems.push(`listed files missing: ${missing.slice(0, 3).join(', ')}`);
      if (listFiles(join(this.home, 'staging')).length) problems.push('staging leftovers');
    } finally {
      again.closeSync();
    }
    return problems;
  }

  async replace(check: boolean): Promise<string[]> {
    // A store abandoned after a hang (check false) may still be busy: it is left as it is.
    const problems = check ? await this.reopenCheck() : [];
    rmSync(this.home, { recursive: true, force: true });
    await this.open();
    return problems;
  }
}

interface Snapshot {
  manifest: string;
  files: string[];
  flows: number;
  exports: number;
}

async function snapshot(slot: StoreSlot): Promise<Snapshot> {
  const [counts] = await slot.store.query<{ f: number; e: number }>(
    `SELECT (SELECT count(*) FROM flows)::DOUBLE AS f, (SELECT count(*) FROM exports)::DOUBLE AS e`,
  );
  return {
    manifest: existsSync(join(slot.home, 'manifest.json'))
      ? readFileSync(join(slot.home, 'manifest.json'), 'utf8')
      : '',
    files: listFiles(slot.home),
    flows: counts!.f,
    exports: counts!.e,
  };
}

const closeEnough = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
/** DuckDB's own error text passed through inside a KaravanError message. */
const duckdbText =
  /(Invalid Input Error|Conversion Error|IO Error|Parser Error|Binder Error|Catalog Error|Out of Range Error|INTERNAL Error|Not implemented Error)/;

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), ms)));
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function fuzzReader(reader: Reader, ctx: FuzzContext, template: string, root: string): Promise<Tally> {
  const tally: Tally = {
    inputs: 0,
    accepted: 0,
    rejected: 0,
    codes: new Map(),
    opaque: 0,
    opaqueSamples: new Set(),
    mutations: new Map(),
    variants: new Map(),
    known: new Map(),
    findings: [],
    ms: 0,
  };
  const started = performance.now();
  const inputsDir = join(root, `${reader}-inputs`);
  mkdirSync(inputsDir, { recursive: true });
  const slot = new StoreSlot(template, join(root, `${reader}-stores`));
  mkdirSync(slot.root, { recursive: true });
  await slot.open();
  let before = await snapshot(slot);
  const finding = (input: FuzzInput, kind: string, detail: string) => {
    if (
      input.known.length > 0 &&
      ['bad-input-accepted', 'wrong-rows', 'wrong-total', 'valid-input-refused'].includes(kind)
    ) {
      for (const k of input.known) tally.known.set(k, (tally.known.get(k) ?? 0) + 1);
      return;
    }
    tally.findings.push({ reader, index: input.index, kind, detail: detail.slice(0, 400), mutations: input.mutations });
  };

  const indices = onlyInput === undefined ? Array.from({ length: perReader }, (_, i) => firstInput + i) : [onlyInput];
  for (const index of indices) {
    if (progressLog && tally.inputs > 0 && tally.inputs % 500 === 0) {
      appendFileSync(
        progressLog,
        `${new Date().toISOString()} ${summary(reader, { ...tally, ms: performance.now() - started })} last-input=${index - 1}\n`,
      );
      for (const f of tally.findings)
        appendFileSync(progressLog, `  finding: input=${f.index} ${f.kind} ${f.detail}\n`);
    }
    let input: FuzzInput;
    try {
      input = await generateInput(reader, index, seed, ctx);
    } catch (error) {
      // A bug of the generator, not of the readers: counted, and the run goes on.
      tally.findings.push({
        reader,
        index,
        kind: 'generator-error',
        detail: String((error as Error)?.stack ?? error).slice(0, 400),
        mutations: [],
      });
      continue;
    }
    tally.inputs++;
    tally.variants.set(input.variant, (tally.variants.get(input.variant) ?? 0) + 1);
    for (const m of input.mutations) tally.mutations.set(m, (tally.mutations.get(m) ?? 0) + 1);
    const path = join(inputsDir, input.fileName);
    writeFileSync(path, input.bytes);
    const ingest = slot.store.ingest(path, input.options);
    ingest.catch(() => undefined);
    let outcome: IngestResult | 'timeout' | { error: unknown };
    try {
      outcome = await withTimeout(ingest, inputTimeoutMs);
    } catch (error) {
      outcome = { error };
    }
    rmSync(path, { force: true });

    if (outcome === 'timeout') {
      finding(input, 'hang', `no answer in ${inputTimeoutMs} ms`);
      await slot.replace(false);
      before = await snapshot(slot);
      continue;
    }
    const judge = async (outcome: IngestResult | { error: unknown }) => {
      for (const name of input.escapeNames) {
        for (const where of [root, tmpdir(), slot.home, join(slot.home, 'staging'), '/', process.cwd()]) {
          if (existsSync(join(where, name))) finding(input, 'zip-path-escape', `${name} written to ${where}`);
        }
      }
      if ('error' in outcome) {
        const error = outcome.error;
        tally.rejected++;
        if (!(error instanceof KaravanError)) {
          finding(
            input,
            'not-a-karavan-error',
            `${(error as Error)?.constructor?.name}: ${(error as Error)?.message ?? String(error)}`,
          );
          tally.codes.set('(other)', (tally.codes.get('(other)') ?? 0) + 1);
        } else {
          tally.codes.set(error.code, (tally.codes.get(error.code) ?? 0) + 1);
          if (!/^KRV_[A-Z_]+$/.test(error.code) || !error.message)
            finding(input, 'unclear-error', `${error.code}: ${error.message}`);
          if (/INTERNAL Error/.test(error.message)) finding(input, 'duckdb-internal-error', error.message);
          else if (duckdbText.test(error.message)) {
            tally.opaque++;
            tally.opaqueSamples.add(`${error.code}: ${error.message.replace(/^[^:]*: /, '').slice(0, 160)}`);
          }
          if (input.accept === 'must') finding(input, 'valid-input-refused', `${error.code}: ${error.message}`);
        }
        const after = await snapshot(slot);
        if (after.manifest !== before.manifest)
          finding(input, 'store-changed', 'manifest.json changed after a refused ingest');
        if (JSON.stringify(after.files) !== JSON.stringify(before.files)) {
          const added = after.files.filter((f) => !before.files.includes(f));
          const removed = before.files.filter((f) => !after.files.includes(f));
          finding(
            input,
            'store-changed',
            `files added ${added.slice(0, 3).join(', ')} removed ${removed.slice(0, 3).join(', ')}`,
          );
        }
        if (after.flows !== before.flows || after.exports !== before.exports)
          finding(
            input,
            'store-changed',
            `counts ${after.flows}/${after.exports} != ${before.flows}/${before.exports}`,
          );
        before = after;
        return;
      }

      // Accepted: it must have been acceptable, and hold exactly what the file holds.
      tally.accepted++;
      const result = outcome;
      if (input.accept === 'never')
        finding(
          input,
          'bad-input-accepted',
          `imported ${result.dataset.rows} rows, ${result.dataset.valueUsdTotal} USD as ${result.dataset.format}`,
        );
      const d = result.dataset;
      const table = d.kind === 'flows' ? 'flows' : 'exports';
      const [held] = await slot.store.query<{ n: number; total: number | null }>(
        `SELECT count(*)::DOUBLE AS n, sum(value_usd) AS total FROM ${table} WHERE dataset_id = $1`,
        [d.id],
      );
      if (d.format !== input.format) finding(input, 'wrong-format', `read as ${d.format}, not ${input.format}`);
      if (d.rows !== input.rows || held!.n !== input.rows)
        finding(input, 'wrong-rows', `dataset says ${d.rows}, store holds ${held!.n}, file has ${input.rows}`);
      if (!closeEnough(d.valueUsdTotal, input.total) || !closeEnough(held!.total ?? 0, input.total)) {
        finding(
          input,
          'wrong-total',
          `dataset says ${d.valueUsdTotal}, store holds ${held!.total}, file has ${input.total}`,
        );
      }
      if (existsSync(join(slot.home, 'staging')) && listFiles(join(slot.home, 'staging')).length)
        finding(input, 'staging-leftovers', listFiles(join(slot.home, 'staging')).slice(0, 3).join(', '));
      if (existsSync(join(slot.home, 'write.lock'))) finding(input, 'lock-left', 'write.lock still present');
      slot.imports++;
      if (slot.imports >= importsPerStore) {
        for (const problem of await slot.replace(true)) finding(input, 'reopen', problem);
      }
      before = await snapshot(slot);
    };
    try {
      await judge(outcome);
    } catch (error) {
      // The store's own connection failed after this input (e.g. DuckDB invalidated it).
      finding(
        input,
        'store-unusable',
        `${(error as Error)?.constructor?.name}: ${(error as Error)?.message ?? String(error)}`,
      );
      for (const problem of await slot.replace(true)) finding(input, 'reopen', problem);
      before = await snapshot(slot);
    }
  }
  for (const problem of await slot.reopenCheck())
    tally.findings.push({ reader, index: -1, kind: 'reopen', detail: problem, mutations: [] });
  rmSync(slot.root, { recursive: true, force: true });
  tally.ms = performance.now() - started;
  return tally;
}

function summary(reader: Reader, t: Tally): string {
  const codes = [...t.codes]
    .sort((a, b) => b[1] - a[1])
    .map(([c, n]) => `${c.replace(/^KRV_/, '')}:${n}`)
    .join(',');
  return (
    `reliability: fuzz-readers reader=${reader} inputs=${t.inputs} (${[...t.variants].map(([v, n]) => `${v}:${n}`).join(',')}) accepted=${t.accepted} rejected=${t.rejected} ` +
    `codes=${codes} opaque-messages=${t.opaque} known=${[...t.known].map(([k, n]) => `${k}:${n}`).join(',') || 0} findings=${t.findings.length} seed=${seed} time=${(t.ms / 1000).toFixed(1)}s rate=${(t.inputs / (t.ms / 1000)).toFixed(1)}/s`
  );
}

describe('reader fuzzing', () => {
  const dir = tempDir('karavan-fuzz-');
  const template = join(dir.path, 'template');
  let ctx: FuzzContext;

  beforeAll(async () => {
    const store = await TradeStore.open({ home: template, ensureDefault: false, threads: 1 });
    try {
      ctx = await fuzzContext(store);
    } finally {
      store.closeSync();
    }
  });
  afterAll(() => dir.cleanup());

  const readers: Reader[] = onlyReader ? [onlyReader] : ['baci', 'comtrade', 'exports'];
  for (const reader of readers) {
    it(
      `${reader}: every input is refused with a clear error and an unchanged store, or imported exactly`,
      async () => {
        const tally = await fuzzReader(reader, ctx, template, dir.path);
        console.log(summary(reader, tally));
        if (progressLog)
          appendFileSync(
            progressLog,
            `${new Date().toISOString()} done: ${summary(reader, tally)} inputs ${firstInput}..${firstInput + perReader - 1}\n`,
          );
        if (full || onlyInput !== undefined || process.env['KARAVAN_FUZZ_COUNT']) {
          console.log(
            `fuzz-readers ${reader} mutations: ${[...tally.mutations]
              .sort((a, b) => b[1] - a[1])
              .map(([m, n]) => `${m}:${n}`)
              .join(' ')}`,
          );
          for (const sample of [...tally.opaqueSamples].slice(0, 10))
            console.log(`fuzz-readers ${reader} opaque message: ${sample}`);
        }
        for (const f of tally.findings.slice(0, 25)) {
          console.log(
            `finding: ${f.reader} input=${f.index} ${f.kind} [${f.mutations.join(' ')}] ${f.detail}  (replay: KARAVAN_SEED=${seed} KARAVAN_FUZZ_READER=${f.reader} KARAVAN_FUZZ_INPUT=${f.index})`,
          );
        }
        expect(tally.findings.map((f) => `${f.index}:${f.kind}`)).toEqual([]);
      },
      full || process.env['KARAVAN_FUZZ_COUNT'] ? 4 * 3600_000 : 60_000,
    );
  }
});
