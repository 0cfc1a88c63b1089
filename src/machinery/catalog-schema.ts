/**
 * Validates a catalog file (data/machinery/catalog.schema.json describes the same shape for
 * editors). Two sections are shared by the shipped file and users' files:
 *
 * - `classes`: full entries with a `{min, typical, max, tag, source}` range or a
 *   `{value, tag, source}` value per parameter;
 * - `crops`: yield, grain price and timeliness K per operation, tagged the same way;
 *
 * and users' files may add `machines`: a make/model with a list price and a few numbers, based on
 * a class (`baseClass`) whose other values it inherits; everything the user gives is tagged `user`.
 * Errors are BadCatalogError naming the file and the field path.
 */
import { BadCatalogError } from '../errors.ts';
import { JsonReader } from './json-reader.ts';
import {
  machineKinds,
  operationOfKind,
  operations,
  type Catalog,
  type Crop,
  type Machine,
  type MachineKind,
  type Operation,
} from './catalog.ts';
import type { SourceTag, TaggedRange, TaggedValue } from './tags.ts';

/** Tags a catalog file may use (`preset` belongs to preset files only). */
export const catalogTags: readonly SourceTag[] = Object.freeze(['V', 'V*', 'M', 'user']);

export const catalogTopKeys = Object.freeze([
  '$schema',
  'version',
  'title',
  'notes',
  'sources',
  'classes',
  'crops',
  'machines',
]);
export const classKeys = Object.freeze([
  'id',
  'name',
  'kind',
  'selfPropelled',
  'note',
  'widthM',
  'speedKmh',
  'fieldEfficiency',
  'powerKw',
  'payloadT',
  'listPriceUsd',
  'lifeHours',
  'repairFactor1',
  'repairFactor2',
  'remainingValue',
  'labourFactor',
  'fuelLitresPerHour',
  'defaultTractorId',
]);
export const rangeKeys = Object.freeze(['min', 'typical', 'max', 'tag', 'source']);
export const valueKeys = Object.freeze(['value', 'tag', 'source']);
export const remainingValueKeys = Object.freeze(['row', 'c1', 'c2', 'c3']);
export const cropKeys = Object.freeze(['id', 'name', 'yieldTPerHa', 'grainPriceUsdPerT', 'timelinessLossSharePerDay']);
export const userMachineKeys = Object.freeze([
  'id',
  'baseClass',
  'make',
  'model',
  'name',
  'source',
  'note',
  'listPriceUsd',
  'widthM',
  'speedKmh',
  'powerKw',
  'payloadT',
  'overrides',
  'countryOfMake',
  'specs',
]);
export const overrideKeys = Object.freeze([
  'fieldEfficiency',
  'lifeHours',
  'repairFactor1',
  'repairFactor2',
  'remainingValueC1',
  'remainingValueC2',
  'remainingValueC3',
  'labourFactor',
  'fuelLitresPerHour',
]);

const idPattern = /^[a-z0-9][a-z0-9._-]*$/i;
const selfPropelledKinds: readonly MachineKind[] = ['combine-sp', 'tractor-4wd', 'tractor-2wd', 'mining-truck'];
const tractorKinds: readonly MachineKind[] = ['tractor-4wd', 'tractor-2wd'];

/** Kinds that work a field at a width and speed (all but tractors and trucks). */
export function isFieldMachineKind(kind: MachineKind): boolean {
  return !tractorKinds.includes(kind) && kind !== 'mining-truck';
}

export function isTractorKind(kind: MachineKind): boolean {
  return tractorKinds.includes(kind);
}

type Bounds = { gt?: number; min?: number; max?: number };

function readRange(r: JsonReader, path: string, value: unknown, bounds: Bounds): TaggedRange {
  const o = r.object(path, value);
  r.onlyKeys(path, o, rangeKeys);
  const min = r.number(`${path}.min`, r.required(path, o, 'min'), bounds);
  const typical = r.number(`${path}.typical`, r.required(path, o, 'typical'), bounds);
  const max = r.number(`${path}.max`, r.required(path, o, 'max'), bounds);
  if (!(min <= typical && typical <= max))
    r.fail(path, `expected min <= typical <= max, got ${min}, ${typical}, ${max}`);
  const tag = r.oneOf(`${path}.tag`, r.required(path, o, 'tag'), catalogTags);
  const source = r.string(`${path}.source`, r.required(path, o, 'source'));
  return { min, typical, max, tag, source };
}

function readValue(r: JsonReader, path: string, value: unknown, bounds: Bounds): TaggedValue {
  const o = r.object(path, value);
  r.onlyKeys(path, o, valueKeys);
  return {
    value: r.number(`${path}.value`, r.required(path, o, 'value'), bounds),
    tag: r.oneOf(`${path}.tag`, r.required(path, o, 'tag'), catalogTags),
    source: r.string(`${path}.source`, r.required(path, o, 'source')),
  };
}

const positive: Bounds = { gt: 0 };
const share: Bounds = { gt: 0, max: 1 };
const nonNegative: Bounds = { min: 0 };

function readClass(r: JsonReader, path: string, value: unknown): Machine {
  const o = r.object(path, value);
  r.onlyKeys(path, o, classKeys);
  const id = r.string(`${path}.id`, r.required(path, o, 'id'));
  if (!idPattern.test(id)) r.fail(`${path}.id`, 'ids use letters, digits, ".", "_" and "-" only', id);
  const kind = r.oneOf(`${path}.kind`, r.required(path, o, 'kind'), machineKinds);
  const selfPropelled =
    o.selfPropelled === undefined
      ? selfPropelledKinds.includes(kind)
      : r.boolean(`${path}.selfPropelled`, o.selfPropelled);
  const machine: Machine = {
    id,
    name: r.string(`${path}.name`, r.required(path, o, 'name')),
    kind,
    operation: operationOfKind[kind],
    selfPropelled,
    origin: 'class',
    listPriceUsd: readRange(r, `${path}.listPriceUsd`, r.required(path, o, 'listPriceUsd'), positive),
  };
  const note = r.optionalString(`${path}.note`, o.note);
  if (note !== undefined) machine.note = note;
  const optionalRange = (
    key: 'widthM' | 'speedKmh' | 'fieldEfficiency' | 'powerKw' | 'payloadT',
    bounds: Bounds,
    needed: boolean,
  ) => {
    if (o[key] !== undefined) machine[key] = readRange(r, `${path}.${key}`, o[key], bounds);
    else if (needed) r.required(path, o, key);
  };
  const optionalValue = (
    key: 'lifeHours' | 'repairFactor1' | 'repairFactor2' | 'labourFactor' | 'fuelLitresPerHour',
    bounds: Bounds,
    needed: boolean,
  ) => {
    if (o[key] !== undefined) machine[key] = readValue(r, `${path}.${key}`, o[key], bounds);
    else if (needed) r.required(path, o, key);
  };
  const field = isFieldMachineKind(kind);
  const truck = kind === 'mining-truck';
  optionalRange('widthM', positive, field);
  optionalRange('speedKmh', positive, field);
  optionalRange('fieldEfficiency', share, field);
  optionalRange('powerKw', positive, selfPropelled);
  optionalRange('payloadT', positive, truck);
  optionalValue('lifeHours', positive, !truck);
  optionalValue('repairFactor1', nonNegative, !truck);
  optionalValue('repairFactor2', positive, !truck);
  optionalValue('labourFactor', nonNegative, selfPropelled && !truck);
  optionalValue('fuelLitresPerHour', nonNegative, false);
  if (o.remainingValue !== undefined) {
    const rvPath = `${path}.remainingValue`;
    const rv = r.object(rvPath, o.remainingValue);
    r.onlyKeys(rvPath, rv, remainingValueKeys);
    machine.remainingValue = {
      row: r.string(`${rvPath}.row`, r.required(rvPath, rv, 'row')),
      c1: readValue(r, `${rvPath}.c1`, r.required(rvPath, rv, 'c1'), positive),
      c2: readValue(r, `${rvPath}.c2`, r.required(rvPath, rv, 'c2'), nonNegative),
      c3: readValue(r, `${rvPath}.c3`, r.required(rvPath, rv, 'c3'), nonNegative),
    };
  } else if (!truck) r.required(path, o, 'remainingValue');
  if (o.defaultTractorId !== undefined)
    machine.defaultTractorId = r.string(`${path}.defaultTractorId`, o.defaultTractorId);
  else if (!selfPropelled && field) r.required(path, o, 'defaultTractorId');
  return machine;
}

function readCrop(r: JsonReader, path: string, value: unknown): Crop {
  const o = r.object(path, value);
  r.onlyKeys(path, o, cropKeys);
  const kPath = `${path}.timelinessLossSharePerDay`;
  const k = r.object(kPath, r.required(path, o, 'timelinessLossSharePerDay'));
  r.onlyKeys(kPath, k, operations);
  const timeliness: Partial<Record<Operation, TaggedValue>> = {};
  for (const [operation, entry] of Object.entries(k))
    timeliness[operation as Operation] = readValue(r, `${kPath}.${operation}`, entry, { min: 0, max: 1 });
  const crop: Crop = {
    id: r.string(`${path}.id`, r.required(path, o, 'id')),
    name: r.string(`${path}.name`, r.required(path, o, 'name')),
    timelinessLossSharePerDay: timeliness,
  };
  if (o.yieldTPerHa !== undefined) crop.yieldTPerHa = readValue(r, `${path}.yieldTPerHa`, o.yieldTPerHa, positive);
  if (o.grainPriceUsdPerT !== undefined)
    crop.grainPriceUsdPerT = readValue(r, `${path}.grainPriceUsdPerT`, o.grainPriceUsdPerT, nonNegative);
  return crop;
}

function userValue(value: number, source: string): TaggedValue {
  return { value, tag: 'user', source };
}

function userRange(value: number, source: string): TaggedRange {
  return { min: value, typical: value, max: value, tag: 'user', source };
}

function readUserMachine(
  r: JsonReader,
  path: string,
  value: unknown,
  classes: ReadonlyMap<string, Machine>,
  origin: 'named' | 'user',
): Machine {
  const o = r.object(path, value);
  r.onlyKeys(path, o, userMachineKeys);
  const id = r.string(`${path}.id`, r.required(path, o, 'id'));
  if (!idPattern.test(id)) r.fail(`${path}.id`, 'ids use letters, digits, ".", "_" and "-" only', id);
  const baseId = r.string(`${path}.baseClass`, r.required(path, o, 'baseClass'));
  const base = classes.get(baseId);
  if (!base)
    r.fail(`${path}.baseClass`, `unknown class "${baseId}" (known: ${[...classes.keys()].join(', ')})`, baseId);
  if (base.origin !== 'class')
    r.fail(`${path}.baseClass`, `"${baseId}" is a user machine; base a machine on a class`, baseId);
  const make = r.string(`${path}.make`, r.required(path, o, 'make'));
  const model = r.string(`${path}.model`, r.required(path, o, 'model'));
  const source = r.optionalString(`${path}.source`, o.source) ?? `${r.file} (user catalog)`;
  const machine: Machine = {
    ...base,
    id,
    name: r.optionalString(`${path}.name`, o.name) ?? `${make} ${model}`,
    origin,
    baseClassId: baseId,
    make,
    model,
  };
  // A price is the user's quote; without one the class's placeholder stays, tagged [M] as it is.
  if (o.listPriceUsd !== undefined)
    machine.listPriceUsd = userRange(r.number(`${path}.listPriceUsd`, o.listPriceUsd, positive), source);
  const note = r.optionalString(`${path}.note`, o.note);
  if (note !== undefined) machine.note = note;
  else delete machine.note;
  if (o.countryOfMake !== undefined) {
    const country = r.string(`${path}.countryOfMake`, o.countryOfMake);
    if (!/^[A-Z]{3}$/.test(country)) r.fail(`${path}.countryOfMake`, 'an ISO3 country code, e.g. BLR', country);
    machine.countryOfMake = country;
  }
  // A figure is a number (the user's, tagged user) or a tagged value: a maker's published figure is
  // { value, tag: "V", source: "document, date, address" }.
  for (const key of ['widthM', 'speedKmh', 'powerKw', 'payloadT'] as const) {
    const given = o[key];
    if (given === undefined) continue;
    if (typeof given === 'number') machine[key] = userRange(r.number(`${path}.${key}`, given, positive), source);
    else {
      const v = readValue(r, `${path}.${key}`, given, positive);
      machine[key] = { min: v.value, typical: v.value, max: v.value, tag: v.tag, source: v.source };
    }
  }
  if (o.specs !== undefined) {
    const specs: Record<string, TaggedValue> = {};
    for (const [name, entry] of Object.entries(r.object(`${path}.specs`, o.specs))) {
      if (!/^[a-z][A-Za-z0-9]*$/.test(name))
        r.fail(`${path}.specs.${name}`, 'a name with its unit, e.g. grainTankM3 or fuelTankL', name);
      specs[name] = readValue(r, `${path}.specs.${name}`, entry, positive);
    }
    machine.specs = specs;
  }
  if (o.overrides !== undefined) {
    const oPath = `${path}.overrides`;
    const ov = r.object(oPath, o.overrides);
    r.onlyKeys(oPath, ov, overrideKeys);
    if (ov.fieldEfficiency !== undefined)
      machine.fieldEfficiency = userRange(r.number(`${oPath}.fieldEfficiency`, ov.fieldEfficiency, share), source);
    if (ov.lifeHours !== undefined)
      machine.lifeHours = userValue(r.number(`${oPath}.lifeHours`, ov.lifeHours, positive), source);
    if (ov.repairFactor1 !== undefined)
      machine.repairFactor1 = userValue(r.number(`${oPath}.repairFactor1`, ov.repairFactor1, nonNegative), source);
    if (ov.repairFactor2 !== undefined)
      machine.repairFactor2 = userValue(r.number(`${oPath}.repairFactor2`, ov.repairFactor2, positive), source);
    if (ov.labourFactor !== undefined)
      machine.labourFactor = userValue(r.number(`${oPath}.labourFactor`, ov.labourFactor, nonNegative), source);
    if (ov.fuelLitresPerHour !== undefined)
      machine.fuelLitresPerHour = userValue(
        r.number(`${oPath}.fuelLitresPerHour`, ov.fuelLitresPerHour, nonNegative),
        source,
      );
    const rvKeys = ['remainingValueC1', 'remainingValueC2', 'remainingValueC3'] as const;
    if (rvKeys.some((key) => ov[key] !== undefined)) {
      if (!machine.remainingValue)
        r.fail(`${oPath}.remainingValueC1`, `class "${baseId}" has no remaining-value coefficients to override`);
      const rv = { ...machine.remainingValue, row: `${machine.remainingValue.row}, user overrides` };
      if (ov.remainingValueC1 !== undefined)
        rv.c1 = userValue(r.number(`${oPath}.remainingValueC1`, ov.remainingValueC1, positive), source);
      if (ov.remainingValueC2 !== undefined)
        rv.c2 = userValue(r.number(`${oPath}.remainingValueC2`, ov.remainingValueC2, nonNegative), source);
      if (ov.remainingValueC3 !== undefined)
        rv.c3 = userValue(r.number(`${oPath}.remainingValueC3`, ov.remainingValueC3, nonNegative), source);
      machine.remainingValue = rv;
    }
  }
  return machine;
}

/**
 * Validates parsed JSON as a catalog. `base` (the shipped catalog) supplies the classes a user's
 * machines may be based on and the tractors towed machines may name.
 */
export function parseCatalog(json: unknown, file: string, base?: Catalog): Catalog {
  const r: JsonReader = new JsonReader(file, BadCatalogError);
  const top = r.object('(top level)', json);
  r.onlyKeys('', top, catalogTopKeys);
  if (top.version !== undefined && r.number('version', top.version) !== 1)
    r.fail('version', `unsupported version ${String(top.version)} (this Karavan reads version 1)`);
  if (top.classes === undefined && top.machines === undefined && top.crops === undefined)
    r.fail('(top level)', 'expected at least one of "classes", "machines", "crops"');
  const notes = top.notes === undefined ? [] : r.array('notes', top.notes).map((n, i) => r.string(`notes[${i}]`, n));
  const sources: Record<string, string> = {};
  if (top.sources !== undefined) {
    for (const [key, text] of Object.entries(r.object('sources', top.sources)))
      sources[key] = r.string(`sources.${key}`, text);
  }
  const known = new Map<string, Machine>((base?.machines ?? []).map((m) => [m.id, m] as const));
  const own: Machine[] = [];
  const paths: string[] = [];
  const seen = new Set<string>();
  const add = (path: string, machine: Machine) => {
    if (seen.has(machine.id)) r.fail(`${path}.id`, `duplicate id "${machine.id}"`, machine.id);
    seen.add(machine.id);
    known.set(machine.id, machine);
    own.push(machine);
    paths.push(path);
  };
  if (top.classes !== undefined)
    r.array('classes', top.classes).forEach((entry, i) => add(`classes[${i}]`, readClass(r, `classes[${i}]`, entry)));
  if (top.machines !== undefined)
    r.array('machines', top.machines).forEach((entry, i) =>
      // The shipped catalog (read without a base) names makers' models; a user's file, the user's machines.
      add(`machines[${i}]`, readUserMachine(r, `machines[${i}]`, entry, known, base === undefined ? 'named' : 'user')),
    );
  const crops: Crop[] = [];
  if (top.crops !== undefined) {
    const cropIds = new Set<string>();
    r.array('crops', top.crops).forEach((entry, i) => {
      const crop = readCrop(r, `crops[${i}]`, entry);
      if (cropIds.has(crop.id)) r.fail(`crops[${i}].id`, `duplicate id "${crop.id}"`, crop.id);
      cropIds.add(crop.id);
      crops.push(crop);
    });
  }
  // Towed machines must name a tractor that exists (here or in the base catalog).
  for (const [i, machine] of own.entries()) {
    if (machine.defaultTractorId === undefined) continue;
    const tractor = known.get(machine.defaultTractorId);
    const path = `${paths[i]!}.defaultTractorId`;
    if (!tractor) r.fail(path, `unknown tractor "${machine.defaultTractorId}"`, machine.defaultTractorId);
    if (!isTractorKind(tractor.kind))
      r.fail(path, `"${machine.defaultTractorId}" is a ${tractor.kind}, not a tractor`, machine.defaultTractorId);
  }
  return { machines: own, crops, notes, sources };
}
