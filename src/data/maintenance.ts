/**
 * Looking after a store without trusting it: `karavan store check` reads every file the manifest lists and
 * compares rows and sums with what the manifest says; `karavan datasets remove <id>` drops one dataset atomically,
 * as an ingest adds one. Both work on the store's folder directly, without opening its views, so they work on a
 * store whose damaged file makes every other command fail (KRV_STORE_CORRUPT names the file and says to run these).
 */
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { StoreCorruptError, UnknownDatasetError, type KaravanError } from '../errors.ts';
import { Database } from './database.ts';
import { environmentError } from './environment.ts';
import { resolveHome, storePaths, type StorePaths } from './home.ts';
import { acquireWriteLock } from './lock.ts';
import { datasetFiles, readManifest, writeManifestAtomic, type DatasetRecord } from './manifest.ts';

export interface FileProblem {
  /** Relative to the store home. */
  file: string;
  problem: string;
}

export interface DatasetCheck {
  id: string;
  fileName: string;
  embedded: boolean;
  ok: boolean;
  files: number;
  rowsListed: number;
  /** Rows read from the dataset's row files; null when a file could not be read. */
  rowsRead: number | null;
  valueUsdListed: number;
  valueUsdRead: number | null;
  problems: FileProblem[];
}

export interface StoreCheck {
  home: string;
  storeVersion: number;
  ok: boolean;
  datasets: DatasetCheck[];
  /** The reference tables (countries, products), rebuilt from the embedded data when damaged. */
  reference: { ok: boolean; problems: FileProblem[] };
}

/** What a failed read of a Parquet file means, in words (DuckDB's text is not shown to the user). */
function describeReadFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/magic bytes|not a parquet file|too small to be a parquet/i.test(message))
    return 'not a whole Parquet file (cut short or overwritten)';
  if (/no files found|no such file/i.test(message)) return 'missing';
  if (/corrupt|invalid|out of range|checksum|decompress|snappy|zstd/i.test(message))
    return 'damaged inside (a page or column does not decode)';
  return `unreadable (${message.split('\n')[0]!.slice(0, 120)})`;
}

/** The relative value difference under which two sums of the same doubles in another order are equal. */
const sumTolerance = 1e-9;

async function checkDataset(db: Database, paths: StorePaths, d: DatasetRecord): Promise<DatasetCheck> {
  const problems: FileProblem[] = [];
  let rowsRead: number | null = 0;
  let valueUsdRead: number | null = 0;
  const rowFiles = new Set(d.files);
  for (const file of datasetFiles(d)) {
    const path = join(paths.home, file);
    if (!existsSync(path)) {
      problems.push({ file, problem: 'missing' });
      if (rowFiles.has(file)) rowsRead = valueUsdRead = null;
      continue;
    }
    try {
      const valueSql = rowFiles.has(file) ? 'sum(value_usd)' : '0';
      const row = await db.one<{ n: number; v: number | null }>(
        `SELECT count(*)::DOUBLE AS n, ${valueSql}::DOUBLE AS v FROM read_parquet($1, hive_partitioning = false)`,
        [path],
      );
      if (rowFiles.has(file) && rowsRead !== null && valueUsdRead !== null) {
        rowsRead += row?.n ?? 0;
        valueUsdRead += row?.v ?? 0;
      }
    } catch (error) {
      problems.push({ file, problem: describeReadFailure(error) });
      if (rowFiles.has(file)) rowsRead = valueUsdRead = null;
    }
  }
  if (rowsRead !== null && rowsRead !== d.rows)
    problems.push({ file: '(all row files)', problem: `hold ${rowsRead} rows; the manifest says ${d.rows}` });
  if (
    valueUsdRead !== null &&
    Math.abs(valueUsdRead - d.valueUsdTotal) > sumTolerance * Math.max(1, Math.abs(d.valueUsdTotal))
  )
    problems.push({
      file: '(all row files)',
      problem: `sum to ${valueUsdRead} USD; the manifest says ${d.valueUsdTotal}`,
    });
  return {
    id: d.id,
    fileName: d.fileName,
    embedded: d.embedded,
    ok: problems.length === 0,
    files: datasetFiles(d).length,
    rowsListed: d.rows,
    rowsRead,
    valueUsdListed: d.valueUsdTotal,
    valueUsdRead,
    problems,
  };
}

/** Reads every file the store's manifest lists; nothing is changed. */
export async function checkStore(home?: string): Promise<StoreCheck> {
  const paths = storePaths(resolveHome(home));
  const manifest = readManifest(paths.manifest);
  const db = await Database.create({ threads: 1 });
  try {
    const datasets: DatasetCheck[] = [];
    for (const d of manifest.datasets) datasets.push(await checkDataset(db, paths, d));
    const referenceProblems: FileProblem[] = [];
    if (manifest.referenceVersion !== null) {
      const folder = join('reference', manifest.referenceVersion);
      if (!existsSync(join(paths.home, folder))) referenceProblems.push({ file: folder, problem: 'missing' });
      else
        try {
          await db.one(`SELECT count(*) AS n FROM read_parquet($1)`, [join(paths.home, folder, '*.parquet')]);
        } catch (error) {
          referenceProblems.push({ file: folder, problem: describeReadFailure(error) });
        }
    }
    return {
      home: paths.home,
      storeVersion: manifest.storeVersion,
      ok: datasets.every((d) => d.ok) && referenceProblems.length === 0,
      datasets,
      reference: { ok: referenceProblems.length === 0, problems: referenceProblems },
    };
  } finally {
    db.closeSync();
  }
}

export interface RemovedDataset {
  dataset: DatasetRecord;
  /** Files deleted after the commit. */
  filesRemoved: number;
  /** Datasets whose superseded years are visible again. */
  restored: string[];
}

/**
 * Drops one dataset: the manifest without it (its files listed for removal) is committed first, atomically, then
 * its files are deleted. A kill at any moment leaves either the old store or the new one; files left by a kill
 * after the commit are deleted by the next writer. Years the dataset had superseded in an older dataset of the
 * same source become visible again. An embedded default dataset comes back, rebuilt, at the next start.
 */
export function removeDataset(id: string, home?: string): RemovedDataset {
  const paths = storePaths(resolveHome(home));
  const lock = acquireWriteLock(paths.lock, `removing dataset ${id}`);
  try {
    const manifest = readManifest(paths.manifest);
    const dataset = manifest.datasets.find((d) => d.id === id);
    if (dataset === undefined)
      throw new UnknownDatasetError(`no dataset ${id} in the store`, {
        value: id,
        hint: 'karavan datasets lists the datasets and their ids',
      });
    const files = datasetFiles(dataset);
    const restored: string[] = [];
    const datasets = manifest.datasets
      .filter((d) => d.id !== id)
      .map((d) => {
        if (d.supersededBy !== id) return d;
        restored.push(d.id);
        return { ...d, supersededYears: [], supersededBy: null };
      });
    const pendingRemoval = [...new Set([...(manifest.pendingRemoval ?? []), ...files])];
    try {
      writeManifestAtomic(paths.manifest, {
        ...manifest,
        storeVersion: manifest.storeVersion + 1,
        datasets,
        pendingRemoval,
      });
    } catch (error) {
      throw environmentError(error, `removing dataset ${id}`, paths.manifest) ?? error;
    }
    for (const file of files) rmSync(join(paths.home, file), { force: true });
    const after = readManifest(paths.manifest);
    const remaining = (after.pendingRemoval ?? []).filter((f) => !files.includes(f));
    writeManifestAtomic(paths.manifest, { ...after, pendingRemoval: remaining });
    return { dataset, filesRemoved: files.length, restored };
  } finally {
    lock.release();
  }
}

/** The error a read of the store's files answers with when one is damaged: names the file, the dataset, the fix. */
export function damagedFileError(
  error: unknown,
  home: string,
  datasets: readonly DatasetRecord[],
): KaravanError | null {
  const message = error instanceof Error ? error.message : String(error);
  if (
    !/magic bytes|not a parquet file|too small to be a parquet|corrupt|invalid .*parquet|parquet.*invalid/i.test(
      message,
    )
  )
    return null;
  const owner = datasets.find((d) => datasetFiles(d).some((file) => message.includes(join(home, file))));
  const file = owner ? datasetFiles(owner).find((f) => message.includes(join(home, f))) : undefined;
  return new StoreCorruptError(
    owner && file
      ? `a file of dataset ${owner.id} (${owner.fileName}) is damaged: ${file} is ${describeReadFailure(error)}`
      : `a file of the store is damaged: ${describeReadFailure(error)}`,
    {
      ...(file !== undefined && { file: join(home, file) }),
      hint: owner
        ? `run karavan store check to see every damaged file, then karavan datasets remove ${owner.id} and ingest ${owner.fileName} again`
        : 'run karavan store check to see which dataset is damaged, then karavan datasets remove <id>',
      cause: error,
    },
  );
}
