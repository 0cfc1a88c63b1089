/** Shared fixtures for the machinery tests: the shipped catalog and presets, and the §8 scenario. */
import { readFileSync } from 'node:fs';
import {
  parseCatalog,
  parsePresets,
  resolveScenario,
  shippedCatalogUrl,
  shippedPresetsUrl,
  type Catalog,
  type PresetCatalog,
  type ScenarioOptions,
} from '../../src/machinery/index.ts';

export const catalogJson = (): unknown => JSON.parse(readFileSync(shippedCatalogUrl, 'utf8'));
export const catalog: Catalog = parseCatalog(catalogJson(), 'data/machinery/catalog.json');
export const presets: PresetCatalog = parsePresets(
  JSON.parse(readFileSync(shippedPresetsUrl, 'utf8')),
  'data/machinery/presets.json',
);

/** The methods doc §8 scenario: 10,000 ha wheat, 10 days of 8 h, 9 m header at 6 km/h and 70 %. */
export const section8: ScenarioOptions = Object.freeze({
  areaHa: 10_000,
  windowDays: 10,
  hoursPerDay: 8,
  widthM: 9,
  speedKmh: 6,
  fieldEfficiency: 0.7,
});

export function resolve(options: ScenarioOptions = section8) {
  return resolveScenario(options, { catalog, presets });
}
