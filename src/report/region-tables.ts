/**
 * The regions' tables (analysis/regions.ts) in the report model's shape: `karavan regions` prints
 * them, and they carry their sources as numbered references, so every figure says where it was read.
 */
import type { BelarusRegions, KazakhstanRegions } from '../analysis/index.ts';
import type { RegionFigure, RegionSource } from '../data/index.ts';
import { t, type Lang } from '../messages/index.ts';
import type { ResultTable } from './table-model.ts';

/** Numbered references to the sources, in the order first cited. */
export class SourceList {
  readonly sources: RegionSource[] = [];
  cite(source: RegionSource): string {
    let i = this.sources.findIndex((s) => s.url === source.url);
    if (i < 0) i = this.sources.push(source) - 1;
    return `[${i + 1}]`;
  }
}

/** A column label in both languages. */
const both = (id: Parameters<typeof t>[1], values?: Parameters<typeof t>[2]) => ({
  en: t('en', id, values),
  ru: t('ru', id, values),
});

export function kazakhstanRegionTable(k: KazakhstanRegions, lang: Lang, sources: SourceList, year = 2023): ResultTable {
  const withFleet = k.oblasts.find((o) => o.fleet !== null)?.fleet;
  const needed = both('regions.combinesNeeded', {
    machine: withFleet?.machineId ?? '-',
    days: withFleet?.windowDays ?? 0,
  });
  const value = (figures: RegionFigure[], measure: RegionFigure['measure']) =>
    figures.find((f) => f.measure === measure && f.year === year)?.value ?? null;
  return {
    id: 'oblasts',
    en: t('en', 'regions.kazTitle', { year: String(year) }),
    ru: t('ru', 'regions.kazTitle', { year: String(year) }),
    columns: [
      { key: 'name', ...both('regions.oblast') },
      { key: 'wheatArea', ...both('regions.wheatArea'), kind: 'number' },
      { key: 'grainArea', ...both('regions.grainArea'), kind: 'number' },
      { key: 'grainAreaPlanned', ...both('regions.grainAreaPlanned'), kind: 'number' },
      { key: 'yield', ...both('regions.yield'), kind: 'number' },
      { key: 'combinesNeeded', ...needed, kind: 'integer' },
      { key: 'combinesWorking', ...both('regions.combinesWorking'), kind: 'integer' },
      { key: 'sources', ...both('regions.sources') },
    ],
    rows: k.oblasts.map((o) => ({
      id: o.id,
      name: lang === 'ru' ? o.nameRu : o.nameEn,
      wheatArea: value(o.figures, 'wheatArea'),
      grainArea: value(o.figures, 'grainArea'),
      grainAreaPlanned: value(o.figures, 'grainAreaPlanned'),
      yield: value(o.figures, 'wheatYield') ?? value(o.figures, 'grainYield'),
      combinesNeeded: o.fleet?.combinesNeeded ?? null,
      combinesWorking: value(o.figures, 'combinesWorking'),
      sources: [...new Set(o.figures.filter((f) => f.year === year).map((f) => sources.cite(f.source)))].join(' '),
    })),
  };
}

export function belarusRegionTable(b: BelarusRegions, lang: Lang, sources: SourceList, only?: RegExp): ResultTable {
  return {
    id: 'regions',
    en: t('en', 'regions.blrTitle'),
    ru: t('ru', 'regions.blrTitle'),
    columns: [
      { key: 'region', ...both('regions.region') },
      { key: 'maker', ...both('regions.maker') },
      { key: 'city', ...both('regions.city') },
      { key: 'makes', ...both('regions.makes') },
      { key: 'source', ...both('regions.sources') },
    ],
    rows: b.regions.flatMap((r): Array<Record<string, string | null>> => {
      const makers = r.makers.filter((m) => only === undefined || only.test(m.makes ?? ''));
      const region = lang === 'ru' ? r.nameRu : r.nameEn;
      if (makers.length === 0)
        return only === undefined
          ? [{ region, maker: t(lang, 'regions.none'), city: null, makes: null, source: null }]
          : [];
      return makers.map((m) => ({
        region,
        maker: lang === 'ru' ? m.nameRu : m.name,
        city: lang === 'ru' ? m.cityRu : m.city,
        makes: lang === 'ru' ? m.makesRu : m.makes,
        source: sources.cite(m.source),
      }));
    }),
  };
}

/**
 * The oblasts whose area the planner turned into combines: the report's short table (the whole
 * list, with sources, is `karavan regions`).
 */
export function oblastFleetTable(k: KazakhstanRegions, lang: Lang): ResultTable {
  const withFleet = k.oblasts.filter((o) => o.fleet !== null);
  const fleet = withFleet[0]?.fleet;
  return {
    id: 'oblastFleet',
    en: t('en', 'report.regionsTitle', { machine: fleet?.machineId ?? '-', days: fleet?.windowDays ?? 0 }),
    ru: t('ru', 'report.regionsTitle', { machine: fleet?.machineId ?? '-', days: fleet?.windowDays ?? 0 }),
    columns: [
      { key: 'name', ...both('regions.oblast') },
      { key: 'areaThousandHa', ...both('regions.wheatArea'), kind: 'number' },
      {
        key: 'combinesNeeded',
        ...both('regions.combinesNeeded', { machine: fleet?.machineId ?? '-', days: fleet?.windowDays ?? 0 }),
        kind: 'integer',
      },
      { key: 'combinesWorking', ...both('regions.combinesWorking'), kind: 'integer' },
    ],
    rows: withFleet.map((o) => ({
      id: o.id,
      name: lang === 'ru' ? o.nameRu : o.nameEn,
      areaThousandHa: o.fleet!.areaFigure.value,
      combinesNeeded: o.fleet!.combinesNeeded,
      combinesWorking: o.fleet!.combinesWorking?.value ?? null,
    })),
  };
}
