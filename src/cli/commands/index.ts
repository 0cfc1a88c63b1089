/** The CLI's commands, in the order `karavan --help` lists them. One file per command. */
import type { Command } from 'commander';
import { registerComplexity } from './complexity.ts';
import { registerCountries } from './countries.ts';
import { registerDatasets } from './datasets.ts';
import { registerDownload } from './download.ts';
import { registerIngest } from './ingest.ts';
import { registerMachinery } from './machinery.ts';
import { registerProductSpace } from './product-space.ts';
import { registerProducts } from './products.ts';
import { registerRegions } from './regions.ts';
import { registerReport } from './report.ts';
import { registerSections } from './sections.ts';
import { registerServe } from './serve.ts';
import { registerStore } from './store.ts';

export type RegisterCommand = (program: Command) => void;

export const commands: RegisterCommand[] = [
  registerReport,
  registerSections,
  registerIngest,
  registerDownload,
  registerDatasets,
  registerStore,
  registerCountries,
  registerProducts,
  registerMachinery,
  registerRegions,
  registerComplexity,
  registerProductSpace,
  registerServe,
];
