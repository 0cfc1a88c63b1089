/**
 * Where the shipped data files are. Only their locations: reading them is left to the caller
 * (this layer does no I/O), e.g. `readFileSync(shippedCatalogUrl, 'utf8')` then `parseCatalog()`.
 */
export const shippedCatalogUrl: URL = new URL('../../data/machinery/catalog.json', import.meta.url);
export const shippedPresetsUrl: URL = new URL('../../data/machinery/presets.json', import.meta.url);
/** Shown in messages about the shipped files. */
export const shippedCatalogName = 'data/machinery/catalog.json';
export const shippedPresetsName = 'data/machinery/presets.json';
