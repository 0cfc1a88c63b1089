/**
 * Regional facts for interregional cooperation (data/regions/regions.json): Kazakhstan's oblasts
 * with the grain and wheat figures found for them, and Belarus's regions with the machinery makers
 * located there. Every figure is dated and names the page it was read from; the file says which
 * oblasts have no figure rather than leaving them out.
 */
import { readFileSync } from 'node:fs';
import { BadValueError } from '../errors.ts';

export const regionsFile = new URL('../../data/regions/regions.json', import.meta.url);
const regionsFileName = 'data/regions/regions.json';

/** What a figure measures: areas in thousand ha, yields in c/ha, machines in units. */
export const regionMeasures = Object.freeze([
  'grainArea',
  'grainHarvestedArea',
  'grainAreaPlanned',
  'wheatArea',
  'grainYield',
  'wheatYield',
  'combinesWorking',
] as const);
export type RegionMeasure = (typeof regionMeasures)[number];

export interface RegionSource {
  url: string;
  title: string;
  publisher?: string;
  date: string;
}

export interface RegionFigure {
  measure: RegionMeasure;
  year: number;
  value: number;
  unit: 'thousand ha' | 'c/ha' | 'units';
  source: RegionSource;
  /** The text the figure was read from. */
  quote: string;
  note?: string;
}

export interface Oblast {
  id: string;
  nameEn: string;
  nameRu: string;
  figures: RegionFigure[];
}

export interface Maker {
  name: string;
  nameRu: string;
  city: string | null;
  cityRu: string | null;
  makes: string | null;
  makesRu: string | null;
  source: RegionSource;
  quote: string;
}

export interface BelarusRegion {
  id: string;
  nameEn: string;
  nameRu: string;
  makers: Maker[];
}

export interface RegionsData {
  kazakhstan: { national: RegionFigure[]; oblasts: Oblast[] };
  belarus: { regions: BelarusRegion[] };
}

const units: Record<RegionMeasure, RegionFigure['unit']> = {
  grainArea: 'thousand ha',
  grainHarvestedArea: 'thousand ha',
  grainAreaPlanned: 'thousand ha',
  wheatArea: 'thousand ha',
  grainYield: 'c/ha',
  wheatYield: 'c/ha',
  combinesWorking: 'units',
};

function fail(path: string, why: string, value?: unknown): never {
  throw new BadValueError(`${regionsFileName}: ${path}: ${why}`, {
    file: regionsFileName,
    column: path,
    ...(value !== undefined && { value: String(value) }),
  });
}

function text(path: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') fail(path, 'expected text', value);
  return value;
}

function source(path: string, value: unknown): RegionSource {
  const o = (value ?? {}) as Record<string, unknown>;
  const url = text(`${path}.url`, o['url']);
  if (!/^https?:\/\//.test(url)) fail(`${path}.url`, 'expected a web address', url);
  return {
    url,
    title: text(`${path}.title`, o['title']),
    ...(typeof o['publisher'] === 'string' && { publisher: o['publisher'] }),
    date: text(`${path}.date`, o['date']),
  };
}

function figure(path: string, value: unknown): RegionFigure {
  const o = (value ?? {}) as Record<string, unknown>;
  const measure = o['measure'] as RegionMeasure;
  if (!regionMeasures.includes(measure))
    fail(`${path}.measure`, `expected one of ${regionMeasures.join(', ')}`, measure);
  const number = o['value'];
  if (typeof number !== 'number' || !(number > 0)) fail(`${path}.value`, 'expected a number above 0', number);
  const year = o['year'];
  if (typeof year !== 'number' || !Number.isInteger(year)) fail(`${path}.year`, 'expected a year', year);
  // The unit follows from the measure: a file that says otherwise is damaged, not reinterpreted.
  if (o['unit'] !== units[measure]) fail(`${path}.unit`, `expected "${units[measure]}" for ${measure}`, o['unit']);
  return {
    measure,
    year,
    value: number,
    unit: units[measure],
    source: source(`${path}.source`, o['source']),
    quote: text(`${path}.quote`, o['quote']),
    ...(typeof o['note'] === 'string' && { note: o['note'] }),
  };
}

let loaded: RegionsData | undefined;

/**
 * The regions file, checked once per process (it ships with Karavan and does not change while it
 * runs): a damaged file is a BadValueError naming the entry, never half-read.
 */
export function loadRegions(): RegionsData {
  return (loaded ??= readRegions());
}

function readRegions(): RegionsData {
  const json = JSON.parse(readFileSync(regionsFile, 'utf8')) as Record<string, Record<string, unknown[]>>;
  const kz = json['kazakhstan'] ?? fail('kazakhstan', 'missing');
  const by = json['belarus'] ?? fail('belarus', 'missing');
  return {
    kazakhstan: {
      national: (kz['national'] ?? []).map((f, i) => figure(`kazakhstan.national[${i}]`, f)),
      oblasts: (kz['oblasts'] ?? []).map((value, i) => {
        const o = value as Record<string, unknown>;
        const path = `kazakhstan.oblasts[${i}]`;
        return {
          id: text(`${path}.id`, o['id']),
          nameEn: text(`${path}.nameEn`, o['nameEn']),
          nameRu: text(`${path}.nameRu`, o['nameRu']),
          figures: ((o['figures'] ?? []) as unknown[]).map((f, j) => figure(`${path}.figures[${j}]`, f)),
        };
      }),
    },
    belarus: {
      regions: (by['regions'] ?? []).map((value, i) => {
        const o = value as Record<string, unknown>;
        const path = `belarus.regions[${i}]`;
        return {
          id: text(`${path}.id`, o['id']),
          nameEn: text(`${path}.nameEn`, o['nameEn']),
          nameRu: text(`${path}.nameRu`, o['nameRu']),
          makers: ((o['makers'] ?? []) as unknown[]).map((m, j) => {
            const mo = m as Record<string, unknown>;
            const mp = `${path}.makers[${j}]`;
            return {
              name: text(`${mp}.name`, mo['name']),
              nameRu: text(`${mp}.nameRu`, mo['nameRu']),
              city: typeof mo['city'] === 'string' ? mo['city'] : null,
              cityRu: typeof mo['cityRu'] === 'string' ? mo['cityRu'] : null,
              makes: typeof mo['makes'] === 'string' ? mo['makes'] : null,
              makesRu: typeof mo['makesRu'] === 'string' ? mo['makesRu'] : null,
              source: source(`${mp}.source`, mo['source']),
              quote: typeof mo['quote'] === 'string' ? mo['quote'] : '',
            };
          }),
        };
      }),
    },
  };
}
