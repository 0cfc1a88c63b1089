/**
 * TradeStore: the embedded trade store. Parquet files in `$KARAVAN_HOME` (see home.ts), a
 * manifest as the commit point, and an in-memory DuckDB with views over the committed files:
 *
 *   flows(year, exporter, importer, product, hs_revision, value_usd, qty_tonnes, reporter, dataset_id, source)
 *   exports(year, exporter, product, product_level, hs_revision, value_usd, dataset_id, source)
 *   countries, country_alias, products, indicators, official_turnover   (reference, see reference.ts)
 *   datasets(id, file_name, format, kind, source, rows, years, ...)      (from the manifest)
 *
 * Writers (ingest, the first build) take the write lock; readers never wait for it: they see
 * the manifest as it was when they opened or last refreshed.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join, relative } from 'node:path';
import { InvalidOptionError, KaravanError, StoreCorruptError, StoreLockedError } from '../errors.ts';
import { Database, type Row, type SqlValue } from './database.ts';
import { defaultDatasets } from './default-datasets.ts';
import { environmentError } from './environment.ts';
import { storePaths, resolveHome, type StorePaths } from './home.ts';
import { stageDataset } from './ingest.ts';
import { acquireWriteLock } from './lock.ts';
import { damagedFileError } from './maintenance.ts';
import {
  datasetFiles,
  readManifest,
  writeManifestAtomic,
  type DatasetFormat,
  type DatasetRecord,
  type Manifest,
} from './manifest.ts';
import { exportTableRoles, type FieldRole } from './readers/formats.ts';
import { hashSourceFile, openSourceFile } from './readers/source-file.ts';
import { attachReference, buildReference, referenceVersion } from './reference.ts';
import { quoteIdentifier, sqlList } from './sql.ts';
import {
  emptyPairTotalsSql,
  emptyWorldExportsSql,
  pairTotalsColumnsSql,
  pairTotalsSql,
  worldExportsColumnsSql,
  worldExportsSql,
} from './summaries.ts';

export interface OpenStoreOptions {
  /** Store folder. @default $KARAVAN_HOME or ~/.karavan */
  home?: string;
  /** Ingest the embedded default data when missing (the reference tables are always built). @default true */
  ensureDefault?: boolean;
  /** DuckDB threads. @default all cores */
  threads?: number;
}

export interface IngestOptions {
  /** Force the layout instead of recognising it from the header. */
  format?: DatasetFormat;
  /** Column mapping for exporter tables: header name -> field (year, exporter, product, valueUsd). */
  map?: Record<string, FieldRole>;
  /** HS revision of the codes when the file does not say it (BACI and Comtrade files do). */
  hsRevision?: string;
  /** `source` partition value. @default the format (baci, comtrade) or `user` */
  source?: string;
  /** Licence note stored with the dataset. */
  licence?: string;
}

export interface IngestResult {
  status: 'imported' | 'unchanged';
  dataset: DatasetRecord;
  notes: string[];
  elapsedMs: number;
}

const emptyFlows = `SELECT NULL::INTEGER AS year, NULL::VARCHAR AS exporter, NULL::VARCHAR AS importer, NULL::VARCHAR AS product,
  NULL::VARCHAR AS hs_revision, NULL::DOUBLE AS value_usd, NULL::DOUBLE AS qty_tonnes, NULL::VARCHAR AS reporter,
  NULL::VARCHAR AS dataset_id, NULL::VARCHAR AS source WHERE false`;
const emptyExports = `SELECT NULL::INTEGER AS year, NULL::VARCHAR AS exporter, NULL::VARCHAR AS product, NULL::INTEGER AS product_level,
  NULL::VARCHAR AS hs_revision, NULL::DOUBLE AS value_usd, NULL::VARCHAR AS dataset_id, NULL::VARCHAR AS source WHERE false`;

/** How many memoised results a store keeps (each report section caches a few). */
const memoLimit = 64;
/** Temporary tables of shared rows kept at once (see TradeStore.withSharedRows). */
const sharedRowsLimit = 4;
let sharedRowsCounter = 0;

/** The year of a Hive-partitioned file path (`.../year=2021/...`). */
function yearOfFile(path: string): number {
  const match = /year=(\d+)/.exec(path);
  return match ? Number(match[1]) : Number.NaN;
}

/**
 * Years of `old` that `next` replaces: same kind and source, and `next` covers every entity
 * (Comtrade reporter, BACI or table exporter) that `old` had, so nothing is lost by hiding it.
 */
export function supersededYears(old: DatasetRecord, next: DatasetRecord): number[] {
  if (old.kind !== next.kind || old.source !== next.source || old.format !== next.format) return [];
  const nextEntities = new Set(next.entities);
  if (!(old.entities ?? []).every((e) => nextEntities.has(e))) return [];
  return old.years.filter((y) => next.years.includes(y) && !(old.supersededYears ?? []).includes(y));
}

/** Parses `--map col=field` pairs. */
export function parseColumnMap(pairs: readonly string[]): Record<string, FieldRole> {
  const map: Record<string, FieldRole> = {};
  for (const pair of pairs) {
    const at = pair.lastIndexOf('=');
    const column = pair.slice(0, at).trim();
    const field = pair.slice(at + 1).trim() as FieldRole;
    if (at <= 0 || !exportTableRoles.includes(field)) {
      throw new InvalidOptionError(
        `invalid --map: ${pair} (write column=field, field one of ${exportTableRoles.join(', ')})`,
      );
    }
    map[column] = field;
  }
  return map;
}

/** Reads store files with their Hive partition values (year, source) typed, schemas unioned by name. */
function readHiveSql(files: string[]): string {
  return `read_parquet(${sqlList(files)}, hive_partitioning = true, hive_types = {'year': INTEGER, 'source': VARCHAR}, union_by_name = true)`;
}

export class TradeStore {
  readonly paths: StorePaths;
  readonly #db: Database;
  /** DuckDB threads the store was opened with (also used by the ingest instance). */
  readonly #threads: number | undefined;
  /**
   * The DuckDB instance ingests read files in (made on the first ingest), apart from the one
   * queries use: a file that trips an internal DuckDB error, which invalidates its instance,
   * cannot take the store's queries down with it; the next ingest then gets a fresh instance.
   */
  #ingestDb: { db: Database; reference: string } | undefined;
  #manifest: Manifest;
  /** Results that depend only on the store's content, keyed by version + key (see cached()). */
  readonly #memo = new Map<string, Promise<unknown>>();
  /** Temporary tables of withSharedRows, keyed by version + key, least recently used first. */
  readonly #sharedRows = new Map<string, { tableSql: string; ready: Promise<void>; users: number }>();

  private constructor(paths: StorePaths, db: Database, manifest: Manifest, threads: number | undefined) {
    this.paths = paths;
    this.#db = db;
    this.#manifest = manifest;
    this.#threads = threads;
  }

  static async open(options: OpenStoreOptions = {}): Promise<TradeStore> {
    const paths = storePaths(resolveHome(options.home));
    try {
      mkdirSync(paths.home, { recursive: true });
    } catch (error) {
      throw environmentError(error, 'creating the store folder', paths.home) ?? error;
    }
    const manifest = readManifest(paths.manifest);
    const db = await Database.create(options.threads === undefined ? {} : { threads: options.threads });
    const store = new TradeStore(paths, db, manifest, options.threads);
    try {
      await store.#ensureDefault(options.ensureDefault ?? true);
      await store.#attach();
    } catch (error) {
      db.closeSync();
      throw store.#explain(error);
    }
    return store;
  }

  /** A damaged file named with its dataset and the fix, or the machine's failure typed; others as they are. */
  #explain(error: unknown): unknown {
    if (error instanceof KaravanError) return error;
    return (
      damagedFileError(error, this.paths.home, this.#manifest.datasets) ??
      environmentError(error, 'writing the store', this.paths.home) ??
      error
    );
  }

  get manifest(): Readonly<Manifest> {
    return this.#manifest;
  }

  /** Changes whenever a dataset is committed: for caches and ETags. */
  get version(): string {
    return `${this.#manifest.storeVersion}-${this.#manifest.referenceVersion ?? 'none'}`;
  }

  datasets(): DatasetRecord[] {
    return [...this.#manifest.datasets];
  }

  /**
   * Memoises a computation that depends only on the store's content: the same key in the same
   * store version returns the same promise (concurrent callers share one computation). Entries
   * of older versions are dropped; at most `memoLimit` entries are kept (oldest first out).
   */
  cached<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const fullKey = `${this.version}\u0000${key}`;
    const hit = this.#memo.get(fullKey);
    if (hit) {
      // Refresh recency.
      this.#memo.delete(fullKey);
      this.#memo.set(fullKey, hit);
      return hit as Promise<T>;
    }
    const promise = compute();
    promise.catch(() => this.#memo.delete(fullKey));
    for (const old of this.#memo.keys()) if (!old.startsWith(`${this.version}\u0000`)) this.#memo.delete(old);
    this.#memo.set(fullKey, promise);
    while (this.#memo.size > memoLimit) this.#memo.delete(this.#memo.keys().next().value!);
    return promise;
  }

  /**
   * Runs `use` with the rows of `selectSql` (a query over the store's views) in a temporary
   * table, made once per store version and key and shared by every caller with the same key:
   * several queries that each filtered the same rows out of millions of flows (a report's
   * importer-side sections) then scan them once. At most `sharedRowsLimit` tables are kept; the
   * least recently used one that no caller is reading is dropped past that, and tables of an
   * older store version as soon as no caller is reading them. For src/data/ modules only.
   */
  async withSharedRows<T>(
    key: string,
    selectSql: string,
    params: SqlValue[],
    use: (tableSql: string) => Promise<T>,
  ): Promise<T> {
    const fullKey = `${this.version}\u0000${key}`;
    let entry = this.#sharedRows.get(fullKey);
    if (entry) {
      this.#sharedRows.delete(fullKey);
    } else {
      const tableSql = quoteIdentifier(`shared_rows_${process.pid}_${++sharedRowsCounter}`);
      entry = { tableSql, ready: this.#db.run(`CREATE TEMP TABLE ${tableSql} AS ${selectSql}`, params), users: 0 };
    }
    this.#sharedRows.set(fullKey, entry);
    entry.users++;
    try {
      await entry.ready;
      return await use(entry.tableSql);
    } catch (error) {
      // A table that could not be made is not kept: the next caller tries again.
      if (this.#sharedRows.get(fullKey) === entry) await entry.ready.catch(() => this.#sharedRows.delete(fullKey));
      throw error;
    } finally {
      entry.users--;
      await this.#dropSharedRows();
    }
  }

  async #dropSharedRows(): Promise<void> {
    const current = `${this.version}\u0000`;
    let excess = [...this.#sharedRows.keys()].filter((key) => key.startsWith(current)).length - sharedRowsLimit;
    for (const [key, entry] of [...this.#sharedRows]) {
      const stale = !key.startsWith(current);
      if (entry.users > 0 || (!stale && excess <= 0)) continue;
      if (!stale) excess--;
      this.#sharedRows.delete(key);
      const made = await entry.ready.then(
        () => true,
        () => false,
      );
      if (made) await this.#db.run(`DROP TABLE IF EXISTS ${entry.tableSql}`);
    }
  }

  /** Runs a read query over the store's views. For src/data/ modules only. */
  async query<T extends object = Row>(sql: string, params: SqlValue[] = []): Promise<T[]> {
    return this.#db.all<T>(sql, params).catch((error: unknown) => Promise.reject(this.#explain(error)));
  }

  /** Numeric columns as typed arrays (see Database.numericColumns). */
  async queryNumericColumns<K extends string>(
    sql: string,
    params: SqlValue[],
    kinds: Record<K, 'int32' | 'float64'>,
  ): Promise<Record<K, Int32Array | Float64Array>> {
    return this.#db.numericColumns(sql, params, kinds).catch((error: unknown) => Promise.reject(this.#explain(error)));
  }

  /** Column-wise query result, for large reads into typed arrays. */
  async queryColumns(sql: string, params: SqlValue[] = []): Promise<Record<string, unknown[]>> {
    return this.#db.columns(sql, params).catch((error: unknown) => Promise.reject(this.#explain(error)));
  }

  closeSync(): void {
    this.#ingestDb?.db.closeSync();
    this.#ingestDb = undefined;
    this.#db.closeSync();
  }

  /** Re-reads the manifest (another process may have committed) and refreshes the views. */
  async refresh(): Promise<void> {
    this.#manifest = readManifest(this.paths.manifest);
    await this.#attach();
  }

  async #attach(): Promise<void> {
    const reference = this.#manifest.referenceVersion;
    if (reference) await attachReference(this.#db, join(this.paths.reference, reference));
    this.#checkFilesPresent();
    for (const kind of ['flows', 'exports'] as const) {
      const files = this.#manifest.datasets.filter((d) => d.kind === kind).flatMap((d) => this.#liveFiles(d, d.files));
      const bodySql =
        files.length === 0 ? (kind === 'flows' ? emptyFlows : emptyExports) : `SELECT * FROM ${readHiveSql(files)}`;
      await this.#db.run(`CREATE OR REPLACE VIEW ${quoteIdentifier(kind)} AS ${bodySql}`);
    }
    const pairTotalsBodySql = this.#summarySql(
      (d) => d.pairFiles,
      pairTotalsColumnsSql,
      pairTotalsSql,
      emptyPairTotalsSql,
    );
    await this.#db.run(`CREATE OR REPLACE VIEW pair_totals AS ${pairTotalsBodySql}`);
    const worldExportsBodySql = this.#summarySql(
      (d) => d.worldExportFiles,
      worldExportsColumnsSql,
      worldExportsSql,
      emptyWorldExportsSql,
    );
    await this.#db.run(`CREATE OR REPLACE VIEW world_exports AS ${worldExportsBodySql}`);
    await this.#db
      .run(`CREATE OR REPLACE TABLE datasets (id VARCHAR, file_name VARCHAR, format VARCHAR, kind VARCHAR, source VARCHAR, rows DOUBLE,
      years VARCHAR, hs_revision VARCHAR, product_levels VARCHAR, exporters DOUBLE, importers DOUBLE, value_usd_total DOUBLE, imported_at VARCHAR,
      licence VARCHAR, embedded BOOLEAN)`);
    for (const d of this.#manifest.datasets) {
      await this.#db.run(
        `INSERT INTO datasets VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
        [
          d.id,
          d.fileName,
          d.format,
          d.kind,
          d.source,
          d.rows,
          d.years.join(','),
          d.hsRevision,
          d.productLevels.join(','),
          d.exporters,
          d.importers,
          d.valueUsdTotal,
          d.importedAt,
          d.licence,
          d.embedded,
        ],
      );
    }
  }

  /** Absolute paths of a dataset's files that the views read: all but those of superseded years. */
  #liveFiles(d: DatasetRecord, files: string[]): string[] {
    return files.filter((f) => !(d.supersededYears ?? []).includes(yearOfFile(f))).map((f) => join(this.paths.home, f));
  }

  /**
   * Every file the manifest lists for the views must be there. A folder someone pruned by hand
   * (or a disk that lost files) would otherwise fail inside DuckDB with "No files found" on the
   * first query; this says which dataset lost which file, and what to do.
   */
  #checkFilesPresent(): void {
    for (const d of this.#manifest.datasets) {
      const missing = this.#liveFiles(d, datasetFiles(d)).find((path) => !existsSync(path));
      if (missing !== undefined) {
        throw new StoreCorruptError(
          `the store lists a file that is gone: ${relative(this.paths.home, missing)} of dataset ${d.id} (${d.fileName})`,
          {
            file: missing,
            hint: `move the store folder ${this.paths.home} away (the embedded data is rebuilt on the next run) and ingest your files again`,
          },
        );
      }
    }
  }

  /**
   * A summary of the live flow datasets (summaries.ts): its files, and for datasets from before
   * those files existed, their flows summarised on the fly (correct, only slower).
   */
  #summarySql(
    filesOf: (d: DatasetRecord) => string[] | undefined,
    columnsSql: string,
    summariseSql: (fromSql: string) => string,
    emptySql: string,
  ): string {
    const flowDatasets = this.#manifest.datasets.filter((d) => d.kind === 'flows');
    const summaryFiles = flowDatasets.flatMap((d) => this.#liveFiles(d, filesOf(d) ?? []));
    const legacyFiles = flowDatasets.flatMap((d) => (filesOf(d) ? [] : this.#liveFiles(d, d.files)));
    const parts = [
      ...(summaryFiles.length > 0 ? [`SELECT ${columnsSql} FROM ${readHiveSql(summaryFiles)}`] : []),
      ...(legacyFiles.length > 0 ? [summariseSql(readHiveSql(legacyFiles))] : []),
    ];
    return parts.length > 0 ? parts.join(' UNION ALL ') : emptySql;
  }

  async #ensureDefault(withDatasets: boolean): Promise<void> {
    const wanted = referenceVersion();
    const datasets = withDatasets ? defaultDatasets : [];
    const missing = () =>
      this.#manifest.referenceVersion !== wanted ||
      datasets.some((d) => !this.#manifest.datasets.some((r) => r.embedded && r.fileName === d.file.split('/').pop()));
    if (!missing()) return;
    // Another process may be building the default store right now: wait for it (bounded).
    const deadline = Date.now() + 120_000;
    for (;;) {
      try {
        const lock = acquireWriteLock(this.paths.lock, 'building the default store');
        try {
          this.#manifest = readManifest(this.paths.manifest);
          if (!missing()) return;
          this.#collectGarbage();
          if (this.#manifest.referenceVersion !== wanted) {
            await buildReference(this.#db, join(this.paths.reference, wanted));
            this.#manifest = {
              ...this.#manifest,
              referenceVersion: wanted,
              storeVersion: this.#manifest.storeVersion + 1,
            };
            writeManifestAtomic(this.paths.manifest, this.#manifest);
          }
          await attachReference(this.#db, join(this.paths.reference, wanted));
          for (const dataset of datasets) {
            if (this.#manifest.datasets.some((r) => r.embedded && r.fileName === dataset.file.split('/').pop()))
              continue;
            await this.#ingestLocked(
              dataset.file,
              {
                format: dataset.format,
                source: dataset.source,
                hsRevision: dataset.hsRevision,
                map: dataset.map,
                licence: dataset.licence,
              },
              true,
            );
          }
          return;
        } finally {
          lock.release();
        }
      } catch (error) {
        if (!(error instanceof StoreLockedError) || Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
  }

  /**
   * Imports one file (CSV, .csv.gz or .zip) atomically: staged, checked, then committed by the
   * manifest. The same file (same sha256) twice is a no-op that says so.
   */
  async ingest(path: string, options: IngestOptions = {}): Promise<IngestResult> {
    // The source names a folder (source=<name>): letters, digits, dash and underscore only.
    if (options.source !== undefined && !/^[A-Za-z0-9_-]{1,32}$/.test(options.source)) {
      throw new InvalidOptionError(`invalid --source: ${options.source} (1-32 letters, digits, - or _)`, {
        value: options.source,
      });
    }
    const lock = acquireWriteLock(this.paths.lock, `ingesting ${path}`);
    try {
      this.#manifest = readManifest(this.paths.manifest);
      this.#collectGarbage();
      return await this.#ingestLocked(path, options, false);
    } catch (error) {
      if (error instanceof KaravanError) throw error;
      // The store's Parquet is smaller than the CSV it comes from: the file's size bounds what the ingest writes.
      const neededBytes = existsSync(path) ? statSync(path).size : undefined;
      throw (
        environmentError(error, `ingesting ${basename(path)}`, this.paths.home, {
          ...(neededBytes !== undefined && { neededBytes }),
        }) ?? error
      );
    } finally {
      lock.release();
      await this.#attach();
    }
  }

  async #ingestLocked(path: string, options: IngestOptions, embedded: boolean): Promise<IngestResult> {
    const started = performance.now();
    const source = openSourceFile(path);
    const unchanged = (existing: DatasetRecord): IngestResult => ({
      status: 'unchanged',
      dataset: existing,
      notes: [
        `${source.fileName} was already imported on ${existing.importedAt} as dataset ${existing.id} (same sha256); nothing changed`,
      ],
      elapsedMs: performance.now() - started,
    });
    // Node hashes the file while DuckDB reads it. A file that looks like one already imported
    // (same name and size) is hashed first, so re-ingesting it returns at once.
    const hashing = hashSourceFile(source);
    hashing.catch(() => undefined);
    if (this.#manifest.datasets.some((d) => d.fileName === source.fileName && d.sizeBytes === source.sizeBytes)) {
      const sha256 = await hashing;
      const existing = this.#manifest.datasets.find((d) => d.sha256 === sha256);
      if (existing) return unchanged(existing);
    }
    const id = randomBytes(8).toString('hex');
    const stagingDir = join(this.paths.staging, `${id}-${process.pid}`);
    try {
      let staged: Awaited<ReturnType<typeof stageDataset>>;
      // Read in the ingest instance (see #ingestDb), not the one queries use.
      const reference = join(this.paths.reference, this.#manifest.referenceVersion ?? referenceVersion());
      if (this.#ingestDb?.reference !== reference) {
        this.#ingestDb ??= {
          db: await Database.create(this.#threads === undefined ? {} : { threads: this.#threads }),
          reference,
        };
        await attachReference(this.#ingestDb.db, reference);
        this.#ingestDb.reference = reference;
      }
      const { db } = this.#ingestDb;
      try {
        staged = await stageDataset(db, source, stagingDir, id, {
          format: options.format,
          map: options.map,
          hsRevision: options.hsRevision,
          source: options.source,
        });
      } catch (error) {
        // After an internal error DuckDB refuses every statement: the next ingest gets a new instance.
        if (
          !(await db.one(`SELECT 1 AS ok`).then(
            () => true,
            () => false,
          ))
        ) {
          db.closeSync();
          if (this.#ingestDb?.db === db) this.#ingestDb = undefined;
        }
        // A damaged gzip often surfaces in DuckDB as a CSV error on the last line: say what it is.
        if (source.container === 'gzip') await hashing;
        throw error;
      }
      const sha256 = await hashing;
      const existing = this.#manifest.datasets.find((d) => d.sha256 === sha256);
      if (existing) return unchanged(existing);
      const kindDir = staged.kind === 'flows' ? this.paths.flows : this.paths.exports;
      const place = (fromDir: string, toDir: string, names: string[]) =>
        names.map((file) => {
          const target = join(toDir, file);
          mkdirSync(dirname(target), { recursive: true });
          renameSync(join(fromDir, file), target);
          return relative(this.paths.home, target);
        });
      // Before a file leaves staging, the manifest lists where it goes as pending removal: a kill between here and
      // the commit leaves files the next writer knows it wrote (and deletes), never files nobody vouches for.
      const targets = [
        ...staged.files.map((f) => join(kindDir, f)),
        ...staged.pairFiles.map((f) => join(this.paths.pairs, f)),
        ...staged.worldExportFiles.map((f) => join(this.paths.worldExports, f)),
      ].map((target) => relative(this.paths.home, target));
      const pendingBefore = this.#manifest.pendingRemoval ?? [];
      this.#manifest = { ...this.#manifest, pendingRemoval: [...pendingBefore, ...targets] };
      writeManifestAtomic(this.paths.manifest, this.#manifest);
      const files = place(staged.outDir, kindDir, staged.files);
      const pairFiles = place(staged.pairsDir, this.paths.pairs, staged.pairFiles);
      const worldExportFiles = place(staged.worldExportsDir, this.paths.worldExports, staged.worldExportFiles);
      const dataset: DatasetRecord = {
        id,
        fileName: source.fileName,
        sizeBytes: source.sizeBytes,
        sha256,
        format: staged.format,
        kind: staged.kind,
        source: staged.source,
        rows: staged.rows,
        years: staged.years,
        hsRevision: staged.hsRevision,
        productLevels: staged.productLevels,
        exporters: staged.exporters,
        importers: staged.importers,
        valueUsdTotal: staged.valueUsdTotal,
        importedAt: new Date().toISOString(),
        licence:
          options.licence ??
          (staged.format === 'baci'
            ? 'CEPII BACI, Etalab Open License 2.0'
            : staged.format === 'comtrade'
              ? 'UN Comtrade terms of use'
              : staged.format === 'wits'
                ? 'World Bank WITS terms of use'
                : 'as provided by the user'),
        notes: staged.notes,
        embedded,
        files,
        ...(staged.kind === 'flows' && { pairFiles, worldExportFiles }),
        entities: staged.entities,
        supersededYears: [],
        supersededBy: null,
      };
      const previous = this.#manifest.datasets.map((old) => {
        const years = supersededYears(old, dataset);
        if (years.length === 0) return old;
        dataset.notes.push(`supersedes dataset ${old.id} (${old.fileName}) for ${years.join(', ')}`);
        return {
          ...old,
          supersededYears: [...new Set([...(old.supersededYears ?? []), ...years])].sort(),
          supersededBy: dataset.id,
        };
      });
      // The commit point: until this rename the new files are invisible leftovers.
      this.#manifest = {
        ...this.#manifest,
        storeVersion: this.#manifest.storeVersion + 1,
        datasets: [...previous, dataset],
        pendingRemoval: pendingBefore,
      };
      writeManifestAtomic(this.paths.manifest, this.#manifest);
      return { status: 'imported', dataset, notes: staged.notes, elapsedMs: performance.now() - started };
    } finally {
      rmSync(stagingDir, { recursive: true, force: true });
    }
  }

  /**
   * Deletes the files an earlier manifest of this store listed as pending removal (a removed dataset's, an
   * interrupted ingest's) and the staging folder. A file the store never listed is left alone, whatever it is.
   * Needs the lock.
   */
  #collectGarbage(): void {
    const pending = this.#manifest.pendingRemoval ?? [];
    if (pending.length > 0) {
      const referenced = new Set(this.#manifest.datasets.flatMap((d) => datasetFiles(d)));
      for (const file of pending) if (!referenced.has(file)) rmSync(join(this.paths.home, file), { force: true });
      this.#manifest = { ...this.#manifest, pendingRemoval: [] };
      writeManifestAtomic(this.paths.manifest, this.#manifest);
    }
    rmSync(this.paths.staging, { recursive: true, force: true });
    if (existsSync(this.paths.reference)) {
      for (const name of readdirSync(this.paths.reference)) {
        if (name !== this.#manifest.referenceVersion)
          rmSync(join(this.paths.reference, name), { recursive: true, force: true });
      }
    }
  }
}
