/**
 * The shipped machinery catalog and presets (data/machinery/*.json), read and checked once per
 * process: the report's machinery demand and its oblasts both need them on every report, and the
 * files do not change while Karavan runs.
 */
import { readFileSync } from 'node:fs';
import {
  parseCatalog,
  parsePresets,
  shippedCatalogName,
  shippedCatalogUrl,
  shippedPresetsName,
  shippedPresetsUrl,
  type Catalog,
  type PresetCatalog,
} from '../machinery/index.ts';

let catalog: Catalog | undefined;
let presets: PresetCatalog | undefined;

export function shippedCatalog(): Catalog {
  return (catalog ??= parseCatalog(JSON.parse(readFileSync(shippedCatalogUrl, 'utf8')), shippedCatalogName));
}

export function shippedPresets(): PresetCatalog {
  return (presets ??= parsePresets(JSON.parse(readFileSync(shippedPresetsUrl, 'utf8')), shippedPresetsName));
}
