/**
 * Where the store lives: `$KARAVAN_HOME`, default `~/.karavan`. Layout:
 *
 *   manifest.json                     the commit point: datasets and their files (atomic rename)
 *   write.lock                        held by the one process that writes (ingest, first build)
 *   reference/<version>/*.parquet     countries, products, indicators built from data/embedded
 *   flows/source=<s>/year=<y>/<dataset>_<n>.parquet     bilateral flows, Hive-partitioned
 *   exports/source=<s>/year=<y>/<dataset>_<n>.parquet   exporter x product tables without partner
 *   pairs/source=<s>/year=<y>/<dataset>_pairs_<n>.parquet  flow totals by year and pair (written at ingest)
 *   world-exports/source=<s>/year=<y>/<dataset>_world_<n>.parquet  each exporter's sales to the world by year and product (written at ingest)
 *   staging/<id>/                     work space of an ingest; never read by queries
 */
import { homedir } from 'node:os';
import { join } from 'node:path';

export interface StorePaths {
  home: string;
  manifest: string;
  lock: string;
  reference: string;
  staging: string;
  flows: string;
  exports: string;
  /** Flow totals by year and pair, one file per flow dataset and year (see ingest.ts). */
  pairs: string;
  /** Flows summed over partners: exports to the world by year, exporter and product (see ingest.ts). */
  worldExports: string;
}

export function resolveHome(explicit?: string): string {
  return explicit ?? process.env['KARAVAN_HOME'] ?? join(homedir(), '.karavan');
}

export function storePaths(home: string): StorePaths {
  return {
    home,
    manifest: join(home, 'manifest.json'),
    lock: join(home, 'write.lock'),
    reference: join(home, 'reference'),
    staging: join(home, 'staging'),
    flows: join(home, 'flows'),
    exports: join(home, 'exports'),
    pairs: join(home, 'pairs'),
    worldExports: join(home, 'world-exports'),
  };
}

/** The folder of the embedded default data shipped in the repository. */
export const embeddedDir = new URL('../../data/embedded/', import.meta.url).pathname;
