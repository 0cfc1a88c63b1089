/**
 * manifest.json is the store's single commit point. A dataset exists when, and only when, the
 * manifest lists it; files on disk that no manifest lists are leftovers of an interrupted
 * ingest and are removed by the next writer. The manifest is replaced by write-to-temp, fsync,
 * rename, so a reader sees either the old or the new version, never a half-written one.
 */
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { StoreCorruptError } from '../errors.ts';

export type DatasetFormat = 'baci' | 'comtrade' | 'exports';
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
}

export function emptyManifest(): Manifest {
  return { formatVersion: 1, storeVersion: 0, referenceVersion: null, datasets: [] };
}

export function readManifest(path: string): Manifest {
  if (!existsSync(path)) return emptyManifest();
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new StoreCorruptError(`the store manifest is not valid JSON; move the store folder away to rebuild it`, { file: path, cause: error });
  }
  const manifest = parsed as Partial<Manifest>;
  if (manifest.formatVersion !== 1 || !Array.isArray(manifest.datasets)) {
    throw new StoreCorruptError(`the store manifest has an unknown layout (formatVersion ${String(manifest.formatVersion)})`, { file: path });
  }
  return manifest as Manifest;
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
