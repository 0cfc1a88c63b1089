/**
 * A planning scenario: the area, the window, the machine, and the economic assumptions.
 * `resolveScenario()` validates it and tags every value with where it came from:
 * `user` (flags or scenario file) > `preset` (dated fact) > catalog (crop or machine class) > default.
 */
import { MachineryInputError, type KaravanErrorOptions } from '../errors.ts';
import { findCrop, findMachine, type Catalog } from './catalog.ts';
import { JsonReader } from './json-reader.ts';
import {
  findFact,
  findPreset,
  presetNumber,
  type PresetCatalog,
  type PresetFact,
  type PresetValue,
  type PresetValueKey,
} from './presets.ts';
import { tagged, type SourceTag, type TaggedValue } from './tags.ts';
import {
  requireHoursPerDay,
  requireNonNegative,
  requirePositive,
  requireShare,
  requireShareOrZero,
} from './validate.ts';
import { requireZDivisor } from './timeliness.ts';

export interface ScenarioOptions {
  /** Crop id from the catalog. @default 'wheat' */
  cropId?: string;
  /** Machine id (class or user machine). @default 'combine-sp-9m' */
  machineId?: string;
  /** Tractor for a towed machine. @default the machine's defaultTractorId */
  tractorId?: string;
  /** Preset id from data/machinery/presets.json, e.g. 'kz-wheat-2023'. @default none */
  presetId?: string;
  /** Area to cover in the window, ha. Required. */
  areaHa?: number;
  /** Calendar days in the window D_w. @default 10 */
  windowDays?: number;
  /** Working hours per workable day G. @default 8 */
  hoursPerDay?: number;
  /** pwd: share of calendar days in the window that are workable, (0, 1]. @default 1 */
  workableShare?: number;
  /** Working width, m. @default the machine's typical width */
  widthM?: number;
  /** Field speed, km/h. @default the machine's typical speed */
  speedKmh?: number;
  /** Field efficiency E_f, (0, 1]. @default the machine's typical efficiency */
  fieldEfficiency?: number;
  /** List price of the machine (not its tractor), USD. @default the machine's typical list price */
  listPriceUsd?: number;
  /** Purchase price as a share of list price. @default 0.9 */
  purchasePriceShare?: number;
  /** Years of ownership n. @default 10 */
  ownershipYears?: number;
  /** Real interest rate i (nominal minus inflation). @default 0.05 */
  realInterestRate?: number;
  /** k_TIH: taxes + insurance + housing per year as a share of purchase price. @default 0.02 */
  taxesInsuranceHousingShare?: number;
  /** Diesel price, USD/L. @default 1 */
  fuelPriceUsdPerLitre?: number;
  /** Operator wage, USD/h. @default 25 */
  wageUsdPerHour?: number;
  /** Lubrication as a share of fuel cost (F15). @default 0.15 */
  lubricationShareOfFuel?: number;
  /** Average diesel use per kW of maximum PTO power (F13), L/kWh. @default 0.223 */
  fuelLitresPerKwh?: number;
  /** Yield, t/ha. @default the crop's (or the preset's) */
  yieldTPerHa?: number;
  /** Grain price, USD/t. @default the crop's */
  grainPriceUsdPerT?: number;
  /** Timeliness K, share of yield lost per day of delay. @default the crop's K for the machine's operation */
  timelinessLossSharePerDay?: number;
  /** Z in F19: 2 if the operation starts (or ends) at the optimum date, 4 if centred on it. @default 2 */
  zDivisor?: number;
}

export type ScenarioNumberKey = {
  [K in keyof ScenarioOptions]-?: NonNullable<ScenarioOptions[K]> extends number ? K : never;
}[keyof ScenarioOptions];
export type ScenarioTextKey = 'cropId' | 'machineId' | 'tractorId' | 'presetId';

export const scenarioDefaults = Object.freeze({
  cropId: 'wheat',
  machineId: 'combine-sp-9m',
  windowDays: 10,
  hoursPerDay: 8,
  workableShare: 1,
  purchasePriceShare: 0.9,
  ownershipYears: 10,
  realInterestRate: 0.05,
  taxesInsuranceHousingShare: 0.02,
  fuelPriceUsdPerLitre: 1,
  wageUsdPerHour: 25,
  lubricationShareOfFuel: 0.15,
  fuelLitresPerKwh: 0.223,
  zDivisor: 2,
});

type DefaultNumberKey = Exclude<keyof typeof scenarioDefaults, 'cropId' | 'machineId'>;

/** Where each default comes from (methods doc sections and sources). */
export const scenarioDefaultSources: Readonly<Record<DefaultNumberKey, { tag: SourceTag; source: string }>> =
  Object.freeze({
    windowDays: { tag: 'M', source: 'methods doc §8 scenario (10-day window), an assumption' },
    hoursPerDay: { tag: 'M', source: 'methods doc §7: combining small grain is often 8-10 h/day (general practice)' },
    workableShare: {
      tag: 'M',
      source: 'methods doc §8: pwd 1.0, every window day workable (optimistic; §7: 0.5-0.7 in wet regions)',
    },
    purchasePriceShare: { tag: 'M', source: 'methods doc §8 assumption: PP = 0.90 LP' },
    ownershipYears: { tag: 'V', source: 'S4 AgDM A3-29: economic life 10-12 yr for machines' },
    realInterestRate: { tag: 'V', source: 'S4 AgDM A3-29 example: 8 % nominal - 3 % inflation' },
    taxesInsuranceHousingShare: {
      tag: 'M',
      source: 'EP496 default 2 % of PP (taxes 1 %, housing 0.75 %, insurance 0.25 %), methods doc F12',
    },
    fuelPriceUsdPerLitre: { tag: 'M', source: 'methods doc §8 assumption: $1.00/L' },
    wageUsdPerHour: { tag: 'M', source: 'methods doc §8 assumption: $25/h' },
    lubricationShareOfFuel: { tag: 'V', source: 'S8 Machinery Cost Equations (A3-29 uses the same 15 %), F15' },
    fuelLitresPerKwh: { tag: 'V', source: 'S8 and DevTreks FuelAvgCostHr: 0.044 gal/hp-h diesel = 0.223 L/kWh, F13' },
    zDivisor: { tag: 'V*', source: 'F19: mean delay D/2 when the operation starts or ends at the optimum date' },
  });

export interface ScenarioPresetInfo {
  id: string;
  title: string;
  notes: string[];
  /** Context facts shown next to the plan (not used in the arithmetic). */
  context: PresetFact[];
}

export interface ResolvedScenario {
  cropId: string;
  cropName: string;
  machineId: string;
  tractorId?: string;
  preset?: ScenarioPresetInfo;
  areaHa: TaggedValue;
  windowDays: TaggedValue;
  hoursPerDay: TaggedValue;
  workableShare: TaggedValue;
  purchasePriceShare: TaggedValue;
  ownershipYears: TaggedValue;
  realInterestRate: TaggedValue;
  taxesInsuranceHousingShare: TaggedValue;
  fuelPriceUsdPerLitre: TaggedValue;
  wageUsdPerHour: TaggedValue;
  lubricationShareOfFuel: TaggedValue;
  fuelLitresPerKwh: TaggedValue;
  zDivisor: TaggedValue;
  yieldTPerHa: TaggedValue;
  grainPriceUsdPerT: TaggedValue;
  /** Set only when the user (or preset) gives them; otherwise the machine's typical values apply. */
  widthM?: TaggedValue;
  speedKmh?: TaggedValue;
  fieldEfficiency?: TaggedValue;
  listPriceUsd?: TaggedValue;
  timelinessLossSharePerDay?: TaggedValue;
}

type Rule = (field: string, value: number, location?: KaravanErrorOptions) => number;

const positive: Rule = requirePositive;
const nonNegative: Rule = requireNonNegative;
const share: Rule = requireShare;
const rate: Rule = (field, value, location) => {
  requireNonNegative(field, value, location);
  if (value >= 1)
    throw new MachineryInputError(`invalid ${field}: ${value} (a rate as a share, e.g. 0.05; must be below 1)`, {
      ...location,
      column: field,
      value: String(value),
    });
  return value;
};
const years: Rule = (field, value, location) => {
  requirePositive(field, value, location);
  if (value > 50)
    throw new MachineryInputError(`invalid ${field}: ${value} (at most 50 years)`, {
      ...location,
      column: field,
      value: String(value),
    });
  return value;
};
const zRule: Rule = (_field, value, location) => {
  try {
    return requireZDivisor(value);
  } catch (error) {
    throw new MachineryInputError(`invalid zDivisor: ${value} (must be 2 or 4)`, {
      ...location,
      column: 'zDivisor',
      value: String(value),
      cause: error,
    });
  }
};

/** The domain rule of every numeric scenario field. */
export const scenarioNumberRules: Readonly<Record<ScenarioNumberKey, Rule>> = Object.freeze({
  areaHa: positive,
  windowDays: positive,
  hoursPerDay: requireHoursPerDay,
  workableShare: share,
  widthM: positive,
  speedKmh: positive,
  fieldEfficiency: share,
  listPriceUsd: positive,
  purchasePriceShare: positive,
  ownershipYears: years,
  realInterestRate: rate,
  taxesInsuranceHousingShare: requireShareOrZero,
  fuelPriceUsdPerLitre: nonNegative,
  wageUsdPerHour: nonNegative,
  lubricationShareOfFuel: requireShareOrZero,
  fuelLitresPerKwh: positive,
  yieldTPerHa: positive,
  grainPriceUsdPerT: nonNegative,
  timelinessLossSharePerDay: requireShareOrZero,
  zDivisor: zRule,
});

export const scenarioTextKeys: readonly ScenarioTextKey[] = Object.freeze([
  'cropId',
  'machineId',
  'tractorId',
  'presetId',
]);
export const scenarioNumberKeys = Object.freeze(Object.keys(scenarioNumberRules) as ScenarioNumberKey[]);
/** Fields that describe one machine; `compare` takes them from each machine, not the scenario. */
export const machineSpecificKeys = Object.freeze([
  'machineId',
  'tractorId',
  'widthM',
  'speedKmh',
  'fieldEfficiency',
  'listPriceUsd',
] as const);

export interface ResolveScenarioContext {
  catalog: Catalog;
  presets?: PresetCatalog;
  /** How user-given values are labelled in outputs. @default 'user input' */
  userSource?: string;
}

/** Validates options, applies preset, crop and default values, and tags each. */
export function resolveScenario(options: ScenarioOptions, context: ResolveScenarioContext): ResolvedScenario {
  const userSource = context.userSource ?? 'user input';
  for (const key of scenarioNumberKeys) {
    const value = options[key];
    if (value !== undefined) scenarioNumberRules[key](key, value);
  }

  let preset: ScenarioPresetInfo | undefined;
  const presetValues: Partial<Record<PresetValueKey, TaggedValue>> = {};
  let presetCropId: string | undefined;
  if (options.presetId !== undefined) {
    if (!context.presets)
      throw new MachineryInputError(`invalid preset: ${options.presetId} (no preset file loaded)`, {
        column: 'preset',
        value: options.presetId,
      });
    const found = findPreset(context.presets, options.presetId);
    presetCropId = found.cropId;
    for (const [key, entry] of Object.entries(found.values) as [PresetValueKey, PresetValue][]) {
      const fact = findFact(context.presets, entry.fact);
      const divisors = (entry.per ?? []).map((id) => findFact(context.presets!, id));
      const converted = divisors
        .map((d) => `; / ${d.measure} ${d.value} ${d.unit} (${d.asOf}): ${d.sourceUrl}`)
        .join('');
      const source = `${fact.measure}, ${fact.scope}; source: ${fact.sourceUrl}${entry.note ? `; ${entry.note}` : fact.note ? `; ${fact.note}` : ''}${converted}`;
      const value = presetNumber(context.presets, entry);
      scenarioNumberRules[key](key, value, { file: `preset ${found.id}` });
      presetValues[key] = tagged(value, 'preset', source, fact.asOf);
    }
    preset = {
      id: found.id,
      title: found.title,
      notes: found.notes,
      context: found.context.map((id) => findFact(context.presets!, id)),
    };
  }

  if (options.areaHa === undefined && presetValues.areaHa === undefined) {
    throw new MachineryInputError('invalid areaHa: missing (the area to cover, ha, is required)', {
      column: 'areaHa',
      hint: 'pass --area-ha (or areaHa in the scenario file)',
    });
  }
  const crop = findCrop(context.catalog, options.cropId ?? presetCropId ?? scenarioDefaults.cropId);
  const machineId = options.machineId ?? scenarioDefaults.machineId;
  findMachine(context.catalog, machineId);
  if (options.tractorId !== undefined) findMachine(context.catalog, options.tractorId);

  const user = (key: ScenarioNumberKey): TaggedValue | undefined => {
    const value = options[key];
    return value === undefined ? undefined : tagged(value, 'user', userSource);
  };
  const withDefault = (key: DefaultNumberKey): TaggedValue => {
    const fromPreset = (presetValues as Partial<Record<string, TaggedValue>>)[key];
    return (
      user(key) ??
      fromPreset ??
      tagged(scenarioDefaults[key], scenarioDefaultSources[key].tag, scenarioDefaultSources[key].source)
    );
  };
  const fromCrop = (key: 'yieldTPerHa' | 'grainPriceUsdPerT', flag: string): TaggedValue => {
    const value = user(key) ?? presetValues[key] ?? crop[key];
    if (!value) {
      throw new MachineryInputError(`invalid ${key}: missing (the catalog has no default for ${crop.id})`, {
        column: key,
        hint: `pass ${flag} (or a scenario value ${key})`,
      });
    }
    return value;
  };

  const resolved: ResolvedScenario = {
    cropId: crop.id,
    cropName: crop.name,
    machineId,
    areaHa: user('areaHa') ?? presetValues.areaHa!,
    windowDays: withDefault('windowDays'),
    hoursPerDay: withDefault('hoursPerDay'),
    workableShare: withDefault('workableShare'),
    purchasePriceShare: withDefault('purchasePriceShare'),
    ownershipYears: withDefault('ownershipYears'),
    realInterestRate: withDefault('realInterestRate'),
    taxesInsuranceHousingShare: withDefault('taxesInsuranceHousingShare'),
    fuelPriceUsdPerLitre: withDefault('fuelPriceUsdPerLitre'),
    wageUsdPerHour: withDefault('wageUsdPerHour'),
    lubricationShareOfFuel: withDefault('lubricationShareOfFuel'),
    fuelLitresPerKwh: withDefault('fuelLitresPerKwh'),
    zDivisor: withDefault('zDivisor'),
    yieldTPerHa: fromCrop('yieldTPerHa', '--yield-t-per-ha'),
    grainPriceUsdPerT: fromCrop('grainPriceUsdPerT', '--grain-price-usd-per-t'),
  };
  if (options.tractorId !== undefined) resolved.tractorId = options.tractorId;
  if (preset) resolved.preset = preset;
  for (const key of ['widthM', 'speedKmh', 'fieldEfficiency', 'listPriceUsd', 'timelinessLossSharePerDay'] as const) {
    const value = user(key);
    if (value) resolved[key] = value;
  }
  return resolved;
}

const scenarioFileExtraKeys = ['$schema', 'title', 'description'];

/**
 * Reads a parsed scenario file (JSON object with ScenarioOptions fields; "crop", "machine",
 * "tractor" and "preset" are accepted as short names). Errors name the file and the field.
 */
export function scenarioFromJson(json: unknown, file: string): ScenarioOptions {
  const r: JsonReader = new JsonReader(file, MachineryInputError);
  const o = r.object('(top level)', json);
  const aliases: Record<string, ScenarioTextKey> = {
    crop: 'cropId',
    machine: 'machineId',
    tractor: 'tractorId',
    preset: 'presetId',
  };
  r.onlyKeys('', o, [...scenarioFileExtraKeys, ...scenarioTextKeys, ...Object.keys(aliases), ...scenarioNumberKeys]);
  const options: ScenarioOptions = {};
  for (const [key, raw] of Object.entries(o)) {
    if (scenarioFileExtraKeys.includes(key)) continue;
    const textKey =
      aliases[key] ?? (scenarioTextKeys.includes(key as ScenarioTextKey) ? (key as ScenarioTextKey) : undefined);
    if (textKey) {
      if (options[textKey] !== undefined) r.fail(key, `given twice (as ${textKey} and its short name)`);
      options[textKey] = r.string(key, raw);
      continue;
    }
    const numberKey = key as ScenarioNumberKey;
    const value = r.number(key, raw);
    try {
      scenarioNumberRules[numberKey](numberKey, value, { file });
    } catch (error) {
      if (error instanceof MachineryInputError)
        throw new MachineryInputError(`${file}: ${error.message}`, {
          file,
          column: key,
          value: String(value),
          cause: error,
        });
      throw error;
    }
    options[numberKey] = value;
  }
  return options;
}

/** Rejects machine-specific fields in a scenario meant for `compare` (each machine brings its own). */
export function requireNoMachineFields(options: ScenarioOptions, file: string): void {
  for (const key of machineSpecificKeys) {
    if (options[key] !== undefined) {
      throw new MachineryInputError(
        `${file}: ${key}: a compare scenario cannot set ${key}; each machine brings its own (put it in your catalog file)`,
        {
          file,
          column: key,
          value: String(options[key]),
        },
      );
    }
  }
}
