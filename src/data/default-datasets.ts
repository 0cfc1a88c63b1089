/**
 * The embedded default data (data/embedded/, attribution in data/SOURCES.md) that the first
 * command needing the store ingests through the ordinary readers. It holds no Belarus ->
 * Kazakhstan flows: exports of 224 countries by HS4 for 2017, and the bilateral BACI 2021
 * flows of Afghanistan and South Africa only.
 */
import { join } from 'node:path';
import { embeddedDir } from './home.ts';
import type { DatasetFormat } from './manifest.ts';
import type { FieldRole } from './readers/formats.ts';

export interface DefaultDataset {
  file: string;
  format: DatasetFormat;
  source: string;
  hsRevision?: string;
  map?: Record<string, FieldRole>;
  licence: string;
}

export const defaultDatasets: readonly DefaultDataset[] = Object.freeze([
  {
    file: join(embeddedDir, 'ots_exports_hs4_2017.csv.gz'),
    format: 'exports',
    source: 'ots',
    hsRevision: 'HS07',
    map: { year: 'year', reporter_iso: 'exporter', product_code: 'product', export_value_usd: 'valueUsd' },
    // The licence as the source states it; how the file reached Karavan is in data/SOURCES.md.
    licence: 'Open Trade Statistics (UN Comtrade data), CC-BY-4.0',
  },
  {
    file: join(embeddedDir, 'BACI_HS92_Y2021_V202301_from_AFG_ZAF.csv.gz'),
    format: 'baci',
    source: 'baci',
    licence: 'CEPII BACI V202301, Etalab Open License 2.0',
  },
]);
