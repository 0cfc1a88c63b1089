/**
 * The machine catalog: generic machine classes (data/machinery/catalog.json), crops with their
 * timeliness coefficients, and machines users add in their own file (`--catalog FILE`).
 * Every number carries a source tag. The catalog is plain data; reading files is the caller's job.
 */
import { UnknownMachineError, MachineryInputError } from '../errors.ts';
import { closestIds } from './suggest.ts';
import type { TaggedRange, TaggedValue } from './tags.ts';

export const machineKinds = Object.freeze([
  'combine-sp',
  'combine-pull',
  'tractor-4wd',
  'tractor-2wd',
  'seed-drill',
  'sprayer',
  'plough',
  'disc-harrow',
  'mining-truck',
] as const);
export type MachineKind = (typeof machineKinds)[number];

export const operations = Object.freeze(['harvest', 'seeding', 'spraying', 'tillage', 'traction', 'haulage'] as const);
export type Operation = (typeof operations)[number];

/** The operation each kind of machine does. */
export const operationOfKind: Readonly<Record<MachineKind, Operation>> = Object.freeze({
  'combine-sp': 'harvest',
  'combine-pull': 'harvest',
  'tractor-4wd': 'traction',
  'tractor-2wd': 'traction',
  'seed-drill': 'seeding',
  sprayer: 'spraying',
  plough: 'tillage',
  'disc-harrow': 'tillage',
  'mining-truck': 'haulage',
});

export interface RemainingValueParameters {
  c1: TaggedValue;
  c2: TaggedValue;
  c3: TaggedValue;
  /** Which D497 coefficient row these are ("combine", "tractor large > 112 kW", ...). */
  row: string;
}

/** One machine: a generic class from the shipped catalog, or a user's machine based on one. */
export interface Machine {
  id: string;
  name: string;
  kind: MachineKind;
  operation: Operation;
  /** False for towed machines (pull-type combine, drill, plough...): a tractor supplies power, fuel and operator. */
  selfPropelled: boolean;
  /** A generic class, a named model shipped with Karavan (a maker's figures), or a user's machine. */
  origin: 'class' | 'named' | 'user';
  /** For a user's machine: the class it inherits unspecified values from. */
  baseClassId?: string;
  make?: string;
  model?: string;
  /** ISO3 code of the country where the maker builds it (a named machine). */
  countryOfMake?: string;
  /**
   * Further figures the maker publishes that the planner does not use (grain tank, fuel tank,
   * unloading rate...), each tagged with its document: shown beside the machine.
   */
  specs?: Record<string, TaggedValue>;
  note?: string;
  widthM?: TaggedRange;
  speedKmh?: TaggedRange;
  fieldEfficiency?: TaggedRange;
  powerKw?: TaggedRange;
  payloadT?: TaggedRange;
  listPriceUsd: TaggedRange;
  lifeHours?: TaggedValue;
  repairFactor1?: TaggedValue;
  repairFactor2?: TaggedValue;
  remainingValue?: RemainingValueParameters;
  /** F16 operator hours per machine hour (power units only). */
  labourFactor?: TaggedValue;
  /** Overrides F13 (0.223 L/kWh * power) when given. */
  fuelLitresPerHour?: TaggedValue;
  /** For towed machines: the tractor class used when none is named. */
  defaultTractorId?: string;
}

export interface Crop {
  id: string;
  name: string;
  /** Default yield; absent when the catalog has no defensible default (the user must give one). */
  yieldTPerHa?: TaggedValue;
  grainPriceUsdPerT?: TaggedValue;
  /** K per operation, share of yield lost per day of delay. An operation missing here has no known K. */
  timelinessLossSharePerDay: Partial<Record<Operation, TaggedValue>>;
}

export interface Catalog {
  machines: Machine[];
  crops: Crop[];
  /** Notes shown with the catalog (e.g. that mining-truck values are indicative). */
  notes: string[];
  /** Source keys (S1...) to their full citation. */
  sources: Record<string, string>;
}

/** Looks a machine up by id; an unknown id throws UnknownMachineError with close ids as a hint. */
export function findMachine(catalog: Catalog, id: string): Machine {
  const machine = catalog.machines.find((m) => m.id === id);
  if (machine) return machine;
  const suggestions = closestIds(
    id,
    catalog.machines.map((m) => m.id),
  );
  throw new UnknownMachineError(`unknown machine: ${id}`, {
    value: id,
    hint:
      suggestions.length > 0
        ? `did you mean ${suggestions.join(', ')}? (list them with: karavan machinery catalog)`
        : 'list the ids with: karavan machinery catalog',
  });
}

export function findCrop(catalog: Catalog, id: string): Crop {
  const crop = catalog.crops.find((c) => c.id === id);
  if (crop) return crop;
  const suggestions = closestIds(
    id,
    catalog.crops.map((c) => c.id),
  );
  throw new MachineryInputError(`invalid crop: ${id} (not in the catalog)`, {
    column: 'crop',
    value: id,
    hint: `known crops: ${catalog.crops.map((c) => c.id).join(', ')}${suggestions.length > 0 ? `; did you mean ${suggestions.join(', ')}?` : ''}`,
  });
}

/** A user's catalog layered over the shipped one: same ids replace, new ids are appended. */
export function mergeCatalogs(base: Catalog, extra: Catalog): Catalog {
  const machines = new Map(base.machines.map((m) => [m.id, m] as const));
  for (const m of extra.machines) machines.set(m.id, m);
  const crops = new Map(base.crops.map((c) => [c.id, c] as const));
  for (const c of extra.crops) crops.set(c.id, c);
  return {
    machines: [...machines.values()],
    crops: [...crops.values()],
    notes: [...base.notes, ...extra.notes],
    sources: { ...base.sources, ...extra.sources },
  };
}
