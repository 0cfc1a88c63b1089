/**
 * File reading for the machinery commands (the core does no I/O): the shipped catalog and
 * presets, a user's catalog, a scenario file, a filled measurement sheet. Missing files and bad
 * JSON become typed errors naming the file.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import {
  BadCatalogError,
  FileNotFoundError,
  MachineryInputError,
  NotAFileError,
  type KaravanErrorOptions,
  type KaravanError,
} from '../errors.ts';
import type { Catalog, PresetCatalog, ScenarioOptions } from '../machinery/index.ts';

type ErrorClass = new (message: string, options?: KaravanErrorOptions) => KaravanError;

export function readTextFile(path: string, what: string): string {
  let isFile: boolean;
  try {
    isFile = statSync(path).isFile();
  } catch (error) {
    throw new FileNotFoundError(`${what} not found: ${path}`, { file: path, cause: error });
  }
  if (!isFile) throw new NotAFileError(`${what} is a directory, not a file: ${path}`, { file: path });
  return readFileSync(path, 'utf8');
}

async function readJson(path: string | URL, name: string, what: string, errorClass: ErrorClass): Promise<unknown> {
  const { parseJsonText } = await import('../machinery/index.ts');
  const text = typeof path === 'string' ? readTextFile(path, what) : readFileSync(path, 'utf8');
  return parseJsonText(text, name, errorClass);
}

/** The shipped catalog, with the user's catalog file layered over it when given. */
export async function loadCatalog(userFile?: string): Promise<Catalog> {
  const { mergeCatalogs, parseCatalog, shippedCatalogName, shippedCatalogUrl } = await import('../machinery/index.ts');
  const shipped = parseCatalog(
    await readJson(shippedCatalogUrl, shippedCatalogName, 'catalog', BadCatalogError),
    shippedCatalogName,
  );
  if (userFile === undefined) return shipped;
  const own = parseCatalog(await readJson(userFile, userFile, 'catalog file', BadCatalogError), userFile, shipped);
  return mergeCatalogs(shipped, own);
}

export async function loadPresets(): Promise<PresetCatalog> {
  const { parsePresets, shippedPresetsName, shippedPresetsUrl } = await import('../machinery/index.ts');
  return parsePresets(
    await readJson(shippedPresetsUrl, shippedPresetsName, 'presets', BadCatalogError),
    shippedPresetsName,
  );
}

export async function loadScenarioFile(path: string): Promise<ScenarioOptions> {
  const { scenarioFromJson } = await import('../machinery/index.ts');
  return scenarioFromJson(await readJson(path, path, 'scenario file', MachineryInputError), path);
}

export function writeTextFile(path: string, text: string): void {
  writeFileSync(path, text, 'utf8');
}
