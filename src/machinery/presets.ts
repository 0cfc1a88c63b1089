/**
 * Scenario presets (data/machinery/presets.json): dated facts copied from press reports, each
 * with its source URL and date, and named presets that take some scenario values from them
 * (`--preset kz-wheat-2023`). Preset values are tagged `preset` and keep their source and date;
 * users override any of them.
 */
import { BadCatalogError, MachineryInputError } from '../errors.ts';
import { JsonReader } from './json-reader.ts';
import { closestIds } from './suggest.ts';

export interface PresetFact {
  id: string;
  scope: string;
  measure: string;
  value: number;
  unit: string;
  /** Date the figure refers to, as reported ("2023", "2023-11-21", "unknown year"). */
  asOf: string;
  /** Page that reported it (or a note that its address was not recorded). */
  sourceUrl: string;
  note?: string;
}

/** Scenario fields a preset may set. */
export const presetValueKeys = Object.freeze([
  'yieldTPerHa',
  'grainPriceUsdPerT',
  'windowDays',
  'hoursPerDay',
  'workableShare',
  'areaHa',
  'fuelPriceUsdPerLitre',
  'wageUsdPerHour',
] as const);
export type PresetValueKey = (typeof presetValueKeys)[number];

export interface PresetValue {
  /** The fact this value is taken from (its source and date). */
  fact: string;
  /** The number used, when it is not the fact's own value (e.g. a day count read from its note). */
  value?: number;
  /** Facts the number is divided by, in order: an exchange rate turns tenge into the scenario's US dollars. */
  per?: string[];
  note?: string;
}

/** A currency the machinery output can be shown in: its units per US dollar, from dated facts. */
export interface CurrencyRate {
  code: string;
  /** Units of the currency per USD: the fact's value divided by the `per` facts' (a cross rate). */
  perUsd: PresetValue;
}

export interface Preset {
  id: string;
  title: string;
  cropId: string;
  values: Partial<Record<PresetValueKey, PresetValue>>;
  /** Facts shown next to the plan as context (not used in the arithmetic). */
  context: string[];
  notes: string[];
}

export interface PresetCatalog {
  facts: PresetFact[];
  presets: Preset[];
  /** Currencies other than USD, with their dated rates (`--currency`). */
  currencies: CurrencyRate[];
}

/** The number a preset value stands for: its value (or its fact's) divided by each `per` fact's value. */
export function presetNumber(catalog: PresetCatalog, value: PresetValue): number {
  let n = value.value ?? findFact(catalog, value.fact).value;
  for (const id of value.per ?? []) n /= findFact(catalog, id).value;
  return n;
}

export function parsePresets(json: unknown, file: string): PresetCatalog {
  const r: JsonReader = new JsonReader(file, BadCatalogError);
  const top = r.object('(top level)', json);
  r.onlyKeys('', top, ['version', 'title', 'copiedFrom', 'facts', 'presets', 'currencies']);
  const facts = r.array('facts', r.required('', top, 'facts')).map((entry, i): PresetFact => {
    const path = `facts[${i}]`;
    const o = r.object(path, entry);
    r.onlyKeys(path, o, ['id', 'scope', 'measure', 'value', 'unit', 'asOf', 'sourceUrl', 'note']);
    const fact: PresetFact = {
      id: r.string(`${path}.id`, r.required(path, o, 'id')),
      scope: r.string(`${path}.scope`, r.required(path, o, 'scope')),
      measure: r.string(`${path}.measure`, r.required(path, o, 'measure')),
      value: r.number(`${path}.value`, r.required(path, o, 'value')),
      unit: r.string(`${path}.unit`, r.required(path, o, 'unit')),
      asOf: r.string(`${path}.asOf`, r.required(path, o, 'asOf')),
      sourceUrl: r.string(`${path}.sourceUrl`, r.required(path, o, 'sourceUrl')),
    };
    const note = r.optionalString(`${path}.note`, o.note);
    if (note !== undefined) fact.note = note;
    return fact;
  });
  const factIds = new Set(facts.map((f) => f.id));
  const readValue = (p: string, raw: unknown): PresetValue => {
    const v = r.object(p, raw);
    r.onlyKeys(p, v, ['fact', 'value', 'per', 'note']);
    const fact = r.string(`${p}.fact`, r.required(p, v, 'fact'));
    if (!factIds.has(fact)) r.fail(`${p}.fact`, `unknown fact "${fact}"`, fact);
    const value: PresetValue = { fact };
    if (v.value !== undefined) value.value = r.number(`${p}.value`, v.value, { gt: 0 });
    if (v.per !== undefined) {
      value.per = r.array(`${p}.per`, v.per).map((id, j) => r.string(`${p}.per[${j}]`, id));
      for (const [j, id] of value.per.entries()) {
        if (!factIds.has(id)) r.fail(`${p}.per[${j}]`, `unknown fact "${id}"`, id);
        if (!(facts.find((f) => f.id === id)!.value > 0)) r.fail(`${p}.per[${j}]`, `fact "${id}" is not above 0`, id);
      }
    }
    const note = r.optionalString(`${p}.note`, v.note);
    if (note !== undefined) value.note = note;
    return value;
  };
  const presets = r.array('presets', r.required('', top, 'presets')).map((entry, i): Preset => {
    const path = `presets[${i}]`;
    const o = r.object(path, entry);
    r.onlyKeys(path, o, ['id', 'title', 'cropId', 'values', 'context', 'notes']);
    const vPath = `${path}.values`;
    const valuesObject = r.object(vPath, r.required(path, o, 'values'));
    r.onlyKeys(vPath, valuesObject, presetValueKeys);
    const values: Partial<Record<PresetValueKey, PresetValue>> = {};
    for (const [key, raw] of Object.entries(valuesObject)) {
      const p = `${vPath}.${key}`;
      values[key as PresetValueKey] = readValue(p, raw);
    }
    const context =
      o.context === undefined
        ? []
        : r.array(`${path}.context`, o.context).map((c, j) => r.string(`${path}.context[${j}]`, c));
    for (const [j, id] of context.entries())
      if (!factIds.has(id)) r.fail(`${path}.context[${j}]`, `unknown fact "${id}"`, id);
    return {
      id: r.string(`${path}.id`, r.required(path, o, 'id')),
      title: r.string(`${path}.title`, r.required(path, o, 'title')),
      cropId: r.string(`${path}.cropId`, r.required(path, o, 'cropId')),
      values,
      context,
      notes:
        o.notes === undefined
          ? []
          : r.array(`${path}.notes`, o.notes).map((n, j) => r.string(`${path}.notes[${j}]`, n)),
    };
  });
  const currencies: CurrencyRate[] = [];
  if (top.currencies !== undefined) {
    const c = r.object('currencies', top.currencies);
    r.onlyKeys('currencies', c, ['base', 'rates']);
    if (c.base !== 'USD')
      r.fail('currencies.base', 'must be "USD" (the planner computes in US dollars)', String(c.base));
    for (const [i, raw] of r.array('currencies.rates', r.required('currencies', c, 'rates')).entries()) {
      const path = `currencies.rates[${i}]`;
      const o = r.object(path, raw);
      r.onlyKeys(path, o, ['code', 'perUsd']);
      const code = r.string(`${path}.code`, r.required(path, o, 'code'));
      if (!/^[A-Z]{3}$/.test(code)) r.fail(`${path}.code`, 'an ISO 4217 code (three capitals)', code);
      currencies.push({ code, perUsd: readValue(`${path}.perUsd`, r.required(path, o, 'perUsd')) });
    }
  }
  return { facts, presets, currencies };
}

export function findPreset(catalog: PresetCatalog, id: string): Preset {
  const preset = catalog.presets.find((p) => p.id === id);
  if (preset) return preset;
  const suggestions = closestIds(
    id,
    catalog.presets.map((p) => p.id),
  );
  throw new MachineryInputError(`invalid preset: ${id} (not a known preset)`, {
    column: 'preset',
    value: id,
    hint: `known presets: ${catalog.presets.map((p) => p.id).join(', ')}${suggestions.length > 0 ? `; did you mean ${suggestions[0]}?` : ''}`,
  });
}

export function findFact(catalog: PresetCatalog, id: string): PresetFact {
  const fact = catalog.facts.find((f) => f.id === id);
  if (!fact)
    throw new MachineryInputError(`invalid fact: ${id} (not in the preset file)`, { column: 'fact', value: id });
  return fact;
}

/** A currency's rate for printing USD amounts: units per USD, with the dates and sources of the facts behind it. */
export interface CurrencyRateValue {
  code: string;
  perUsd: number;
  asOf: string;
  /** "444.32 KZT/USD (2024-04-24): URL", one entry per fact used (a cross rate has two). */
  sources: string[];
}

/** The rate of `code` (USD is 1); an unknown code names the known ones. @throws MachineryInputError */
export function currencyRate(catalog: PresetCatalog, code: string): CurrencyRateValue {
  const upper = code.toUpperCase();
  if (upper === 'USD') return { code: 'USD', perUsd: 1, asOf: '', sources: [] };
  const rate = catalog.currencies.find((c) => c.code === upper);
  if (!rate)
    throw new MachineryInputError(`invalid currency: ${code} (not a known currency)`, {
      column: 'currency',
      value: code,
      hint: `known currencies: USD, ${catalog.currencies.map((c) => c.code).join(', ')}`,
    });
  const facts = [rate.perUsd.fact, ...(rate.perUsd.per ?? [])].map((id) => findFact(catalog, id));
  return {
    code: upper,
    perUsd: presetNumber(catalog, rate.perUsd),
    asOf: facts.map((f) => f.asOf).join(', '),
    sources: facts.map((f) => `${f.value} ${f.unit} (${f.asOf}): ${f.sourceUrl}`),
  };
}
