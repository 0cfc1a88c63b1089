/**
 * manifest.json is the store's single commit point. A dataset exists when, and only when, the
 * manifest lists it; files on disk that no manifest lists are leftovers of an interrupted
 * ingest and are removed by the next writer. The manifest is replaced by write-to-temp, fsync,
 * rename, so a reader sees either the old or the new version, never a half-written one.
 */
import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  writeSync,
  type Dirent,
} from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { StoreCorruptError } from '../errors.ts';

export type DatasetFormat = 'baci' | 'comtrade' | 'wits' | 'exports';
export type DatasetKind = 'flows' | 'exports';

export interface DatasetRecord {
  /** Random 16-hex-digit id, also the prefix of the dataset's Parquet file names. */
  id: string;
  fileName: string;
  /** Size of the file as given (for a quick "already imported?" check before hashing). */
  sizeBytes: number;
  /** sha256 of the content (of the decompressed content for .gz): the dataset's identity. */
  sha256: string;
  format: DatasetFormat;
  kind: DatasetKind;
  /** `source` partition value: baci, comtrade, ots, user... */
  source: string;
  rows: number;
  years: number[];
  /** HS revision of product codes, e.g. HS92, HS17 (unknown: null). */
  hsRevision: string | null;
  /** Lengths of the product codes present (2, 4, 6). */
  productLevels: number[];
  exporters: number;
  importers: number;
  valueUsdTotal: number;
  importedAt: string;
  licence: string;
  notes: string[];
  embedded: boolean;
  /** Parquet files relative to the store home. */
  files: string[];
  /**
   * Flow datasets: totals by year and pair (exporter, importer, reporter) written at ingest,
   * relative to the store home. Absent in stores written before they existed: then the
   * `pair_totals` view aggregates that dataset's flows on the fly (correct, only slower).
   */
  pairFiles?: string[];
  /**
   * Flow datasets: each exporter's sales to the world (every partner but itself and `WLD`) by
   * year and product, written at ingest, relative to the store home. Absent in stores written
   * before they existed: the `world_exports` view then sums that dataset's flows on the fly.
   */
  worldExportFiles?: string[];
  /**
   * Who reported the rows: ISO3 of Comtrade reporters, or of exporters for BACI and exporter
   * tables. A later dataset of the same source whose entities include these, for the same
   * year, supersedes this one for that year (a full BACI release replaces a slice).
   */
  entities: string[];
  /** Years hidden from queries because a later dataset covers them (see `entities`). */
  supersededYears: number[];
  supersededBy: string | null;
}

/** Every file a dataset owns, relative to the store home: its rows and, for flows, their summaries. */
export function datasetFiles(d: DatasetRecord): string[] {
  return [...d.files, ...(d.pairFiles ?? []), ...(d.worldExportFiles ?? [])];
}

export interface Manifest {
  formatVersion: 1;
  /** Increases with every commit; part of HTTP ETags. */
  storeVersion: number;
  referenceVersion: string | null;
  datasets: DatasetRecord[];
  /**
   * Files this store wrote that no dataset lists any more (a removed dataset's, or an ingest's placed before its
   * commit), relative to the home. The next writer deletes these and only these: a file the store did not write is
   * never deleted. Absent in stores written before it existed.
   */
  pendingRemoval?: string[];
}

export function emptyManifest(): Manifest {
  return { formatVersion: 1, storeVersion: 0, referenceVersion: null, datasets: [] };
}

/** Folders of the store whose files only a manifest can vouch for (home.ts has the layout). */
const dataFolders = ['flows', 'exports', 'pairs', 'world-exports'];

function countDataFiles(dir: string): number {
  let count = 0;
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries)
    if (entry.isDirectory()) count += countDataFiles(join(dir, entry.name));
    else if (entry.name.endsWith('.parquet')) count++;
  return count;
}

const recoverHint =
  'nothing was deleted. Restore manifest.json from a backup, or move the folder aside (e.g. mv ~/.karavan ~/.karavan.damaged) and ingest your files again into a new store';

/**
 * The manifest, or an empty one for a new store. A store whose data folders hold files but whose manifest is gone
 * is refused, not treated as new: a new store's first writer removes files no manifest lists, so reading it as
 * empty would delete the user's data (a folder copied without its manifest, a manifest deleted by hand).
 */
export function readManifest(path: string): Manifest {
  if (!existsSync(path)) {
    const home = dirname(path);
    const files = dataFolders.reduce((n, folder) => n + countDataFiles(join(home, folder)), 0);
    if (files > 0)
      throw new StoreCorruptError(
        `the store has ${files} data file(s) in ${dataFolders.join('/, ')}/ but no manifest.json, so nothing says which are whole datasets`,
        { file: path, hint: recoverHint },
      );
    return emptyManifest();
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new StoreCorruptError(`the store manifest is not valid JSON`, {
      file: path,
      cause: error,
      hint: recoverHint,
    });
  }
  const manifest = parsed as Partial<Manifest> | null;
  if (
    manifest === null ||
    typeof manifest !== 'object' ||
    manifest.formatVersion !== 1 ||
    !Array.isArray(manifest.datasets)
  ) {
    throw new StoreCorruptError(
      `the store manifest has an unknown layout (formatVersion ${String(manifest?.formatVersion)})`,
      { file: path, hint: recoverHint },
    );
  }
  manifest.datasets.forEach((entry, index) => checkDatasetEntry(entry, index, path));
  const pending = (manifest as Record<string, unknown>)['pendingRemoval'];
  if (pending !== undefined && (!Array.isArray(pending) || !pending.every(isStoreRelativePath)))
    throw new StoreCorruptError(`the store manifest's pendingRemoval is not a list of files inside the store`, {
      file: path,
      hint: recoverHint,
    });
  return manifest as Manifest;
}

/** A path relative to the store home that stays inside it. */
function isStoreRelativePath(file: unknown): boolean {
  return typeof file === 'string' && file !== '' && !isAbsolute(file) && !file.split(/[\\/]/).includes('..');
}

/** A manifest entry as the store needs it; a hand-edited one that lacks a field is named, not a TypeError later. */
function checkDatasetEntry(entry: unknown, index: number, path: string): void {
  const d = entry as Record<string, unknown> | null;
  const name = typeof d?.['id'] === 'string' ? `dataset ${d['id']}` : `dataset #${index + 1}`;
  const fail = (what: string) => {
    throw new StoreCorruptError(`the store manifest's ${name} ${what}`, { file: path, hint: recoverHint });
  };
  if (d === null || typeof d !== 'object' || Array.isArray(d)) return fail('is not an object');
  if (typeof d['id'] !== 'string' || !/^[0-9a-z_-]{1,64}$/i.test(d['id'])) fail('has no valid id');
  const relativeFiles = (key: string, required: boolean) => {
    const value = d[key];
    if (value === undefined && !required) return;
    if (!Array.isArray(value)) return fail(`has no ${key} list`);
    for (const file of value)
      if (!isStoreRelativePath(file)) fail(`lists a file outside the store in ${key}: ${JSON.stringify(file)}`);
  };
  relativeFiles('files', true);
  relativeFiles('pairFiles', false);
  relativeFiles('worldExportFiles', false);
  // What every query needs; the rest is checked for its type where present (older stores may lack it).
  if (!Array.isArray(d['years'])) fail('has no years list');
  for (const key of ['entities', 'supersededYears', 'productLevels', 'notes'])
    if (d[key] !== undefined && !Array.isArray(d[key])) fail(`has a ${key} that is not a list`);
  for (const key of ['format', 'kind', 'source', 'fileName']) if (typeof d[key] !== 'string') fail(`has no ${key}`);
  for (const key of ['rows']) if (typeof d[key] !== 'number' || !Number.isFinite(d[key])) fail(`has no number ${key}`);
}

export function writeManifestAtomic(path: string, manifest: Manifest): void {
  const temp = `${path}.tmp-${process.pid}`;
  const fd = openSync(temp, 'w');
  try {
    writeSync(fd, JSON.stringify(manifest, null, 2) + '\n');
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, path);
}
