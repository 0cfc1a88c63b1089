/**
 * Regions for interregional cooperation: Kazakhstan's oblasts with their grain and wheat figures
 * (data/regions/regions.json) turned into combine demand through the machinery planner (F1-F3 of
 * docs/machinery.md: the combines a 9 m class needs to harvest the oblast's area in the preset's
 * window), and Belarus's regions with the makers located there. How much of the country the
 * figures cover is said, never assumed.
 */
import { loadRegions, type BelarusRegion, type Oblast, type RegionFigure } from '../data/index.ts';
import { planFleet, resolveScenario } from '../machinery/index.ts';
import { shippedCatalog, shippedPresets } from './shipped-machinery.ts';
import { msg, type Message } from '../messages/index.ts';

/** The planner's assumptions for an oblast's harvest: the shipped Kazakh wheat preset and the 9 m combine class. */
export const regionFleetDefaults = Object.freeze({ presetId: 'kz-wheat-2023', machineId: 'combine-sp-9m' });

/** Oblasts' figures may add up to the national one within this share to be called complete. */
export const regionCoverageTolerance = 0.05;

export interface OblastFleet {
  /** The area harvested: the oblast's wheat area, else its grain area (stated, not planned). */
  areaFigure: RegionFigure;
  machineId: string;
  presetId: string;
  windowDays: number;
  /** F3: combines needed to harvest the area in the window. */
  combinesNeeded: number;
  /** Where the oblast says how many combines worked, for comparison. */
  combinesWorking: RegionFigure | null;
}

export interface OblastView extends Oblast {
  fleet: OblastFleet | null;
}

export interface AreaCoverage {
  measure: 'wheatArea' | 'grainArea';
  year: number;
  oblastsWithFigure: number;
  oblasts: number;
  sumThousandHa: number;
  nationalThousandHa: number | null;
  /** sum / national; null without a national figure. */
  shareOfNational: number | null;
  /** The oblasts' figures add up to the national one within the tolerance. */
  complete: boolean;
}

export interface KazakhstanRegions {
  national: RegionFigure[];
  oblasts: OblastView[];
  coverage: AreaCoverage[];
  /** The coverage said in words (coverageMessage), one per area measure. */
  notes: Message[];
}

export interface BelarusRegions {
  regions: BelarusRegion[];
}

function coverageOf(
  oblasts: readonly Oblast[],
  national: readonly RegionFigure[],
  measure: 'wheatArea' | 'grainArea',
  year: number,
): AreaCoverage {
  const figures = oblasts.flatMap((o) => o.figures.filter((f) => f.measure === measure && f.year === year));
  const sum = figures.reduce((s, f) => s + f.value, 0);
  const total = national.find((f) => f.measure === measure && f.year === year)?.value ?? null;
  const share = total === null ? null : sum / total;
  return {
    measure,
    year,
    oblastsWithFigure: figures.length,
    oblasts: oblasts.length,
    sumThousandHa: sum,
    nationalThousandHa: total,
    shareOfNational: share,
    complete: share !== null && Math.abs(share - 1) <= regionCoverageTolerance,
  };
}

/** What an area's coverage says, as a message: how many oblasts, their sum, its share of the country's. */
export function coverageMessage(c: AreaCoverage): Message {
  const base = { measure: c.measure, with: c.oblastsWithFigure, oblasts: c.oblasts, sum: c.sumThousandHa };
  return c.shareOfNational === null || c.nationalThousandHa === null
    ? msg('regions.coverageNoNational', base)
    : msg('regions.coverage', {
        ...base,
        share: c.shareOfNational,
        national: c.nationalThousandHa,
        complete: c.complete ? 'yes' : 'no',
        tolerance: regionCoverageTolerance,
      });
}

export function kazakhstanRegions(year = 2023): KazakhstanRegions {
  const data = loadRegions().kazakhstan;
  const catalog = shippedCatalog();
  const presets = shippedPresets();
  const oblasts = data.oblasts.map((o): OblastView => {
    const area =
      o.figures.find((f) => f.measure === 'wheatArea' && f.year === year) ??
      o.figures.find((f) => f.measure === 'grainArea' && f.year === year);
    if (!area) return { ...o, fleet: null };
    const scenario = resolveScenario({ ...regionFleetDefaults, areaHa: area.value * 1000 }, { catalog, presets });
    const plan = planFleet(scenario, catalog);
    return {
      ...o,
      fleet: {
        areaFigure: area,
        ...regionFleetDefaults,
        windowDays: plan.window.windowDays,
        combinesNeeded: plan.window.machines,
        combinesWorking: o.figures.find((f) => f.measure === 'combinesWorking' && f.year === year) ?? null,
      },
    };
  });
  const coverage = [
    coverageOf(data.oblasts, data.national, 'wheatArea', year),
    coverageOf(data.oblasts, data.national, 'grainArea', year),
  ];
  return { national: data.national, oblasts, coverage, notes: coverage.map(coverageMessage) };
}

export function belarusRegions(): BelarusRegions {
  return { regions: loadRegions().belarus.regions };
}
