/**
 * Turnover monitor: trade between the two countries by year, in both directions, with growth,
 * each side's share in the other's trade, and the mirror gap where both sides report (Comtrade).
 * Without product-level flows it shows the officially stated totals, labelled as such and never
 * mixed with statistics.
 */
import { bilateralSeries, pairCoverage, type OfficialTotal, type TradeStore } from '../data/index.ts';
import { InvalidOptionError } from '../errors.ts';
import { msg, type CountryValue, type Message, type MessageValue } from '../messages/index.ts';
import { countryValues } from './messages.ts';

export interface TurnoverRow {
  year: number;
  /** Dataset source (baci, comtrade, ...) and, for Comtrade, whose statistics. */
  source: string;
  reporter: string | null;
  /** null where the data cannot tell (e.g. a BACI slice without the partner's exports). */
  exportsUsd: number | null;
  importsUsd: number | null;
  /** Both directions; null unless both are known. */
  turnoverUsd: number | null;
  /** Change of the turnover on the previous year of the same source and reporter (fraction). */
  growth: number | null;
  /** Exports to the partner / the exporter's exports to all partners. */
  shareOfExporterExports: number | null;
  /** Imports from the exporter / the importer's imports from all partners. */
  shareOfImporterImports: number | null;
}

export interface MirrorGap {
  year: number;
  /** Exports exporter -> importer as the exporter reports them. */
  exporterReportsUsd: number;
  /** The same flow as the importer reports it (imports, usually CIF). */
  importerReportsUsd: number;
  /** importer's figure minus exporter's, as a fraction of the exporter's. */
  gap: number | null;
}

/**
 * An officially stated total as the store's reference table holds it (in English), with its words
 * as messages: the measure, the period, whose figure it is, and the note.
 */
export type OfficialFigure = OfficialTotal & {
  words: { period: Message; measure: Message; side: Message; note: Message | null };
};

const halfYears: Record<string, 'h1'> = { 'Jan-Jun': 'h1' };

/**
 * The official table's English words as messages: "exports Kazakhstan->Belarus" names the flow
 * and the countries, which the pair's country values give in either language.
 */
function officialWords(o: OfficialTotal, countries: CountryValue[]): OfficialFigure['words'] {
  const country = (name: string): MessageValue => countries.find((c) => c.en === name) ?? name;
  const flow = /^(exports|imports) (.+?)(->|<-)(.+)$/.exec(o.measure);
  const measure = flow
    ? flow[1] === 'exports'
      ? msg('official.exports', { from: country(flow[2]!), to: country(flow[4]!) })
      : msg('official.imports', { to: country(flow[2]!), from: country(flow[4]!) })
    : o.measure === 'turnover (goods)'
      ? msg('official.turnoverGoods')
      : o.measure === 'trade in services'
        ? msg('official.services')
        : msg('official.other', { measure: o.measure });
  const period =
    o.period === 'year'
      ? msg('official.year', { year: String(o.year) })
      : halfYears[o.period]
        ? msg('official.firstHalf', { year: String(o.year) })
        : msg('official.period', { year: String(o.year), period: o.period });
  const note = o.note === null || o.note === '' ? null : msg('official.note', { en: o.note, ru: o.noteRu ?? o.note });
  return { period, measure, side: msg('official.side', { side: country(o.reporterSide) }), note };
}

export interface TurnoverResult {
  exporter: string;
  importer: string;
  /** partial: some years lack one direction (the data cannot tell it). */
  status: 'computed' | 'partial' | 'official-only' | 'missing';
  rows: TurnoverRow[];
  mirror: MirrorGap[];
  official: OfficialFigure[];
  /** The latest turnover the planner starts from, and where it comes from. */
  latest: { year: number; turnoverUsd: number; basis: Message } | null;
}

export async function turnover(
  store: TradeStore,
  options: { exporter: string; importer: string },
): Promise<TurnoverResult> {
  const { exporter, importer } = options;
  const series = await bilateralSeries(store, exporter, importer);
  const rows: TurnoverRow[] = [];
  const previous = new Map<string, TurnoverRow>();
  for (const s of series) {
    const key = `${s.source}|${s.reporter ?? ''}`;
    const turnoverUsd = s.forwardUsd !== null && s.backwardUsd !== null ? s.forwardUsd + s.backwardUsd : null;
    const before = previous.get(key);
    const row: TurnoverRow = {
      year: s.year,
      source: s.source,
      reporter: s.reporter,
      exportsUsd: s.forwardUsd,
      importsUsd: s.backwardUsd,
      turnoverUsd,
      growth:
        before && before.year === s.year - 1 && before.turnoverUsd && turnoverUsd !== null
          ? turnoverUsd / before.turnoverUsd - 1
          : null,
      shareOfExporterExports: s.forwardUsd !== null && s.aExportsUsd ? s.forwardUsd / s.aExportsUsd : null,
      shareOfImporterImports: s.forwardUsd !== null && s.bImportsUsd ? s.forwardUsd / s.bImportsUsd : null,
    };
    rows.push(row);
    previous.set(key, row);
  }
  // Mirror: the exporter's reported exports against the importer's reported imports, same year.
  const mirror: MirrorGap[] = [];
  for (const year of [...new Set(rows.map((r) => r.year))]) {
    const own = rows.find((r) => r.year === year && r.reporter === exporter);
    const partner = rows.find((r) => r.year === year && r.reporter === importer);
    if (own && partner && own.exportsUsd !== null && partner.exportsUsd !== null) {
      mirror.push({
        year,
        exporterReportsUsd: own.exportsUsd,
        importerReportsUsd: partner.exportsUsd,
        gap: own.exportsUsd > 0 ? (partner.exportsUsd - own.exportsUsd) / own.exportsUsd : null,
      });
    }
  }
  const pairValues = await countryValues(store, exporter, importer);
  const official: OfficialFigure[] = (await pairCoverage(store, exporter, importer)).officialTotals.map((o) => ({
    ...o,
    words: officialWords(o, pairValues),
  }));
  const complete = rows.filter((r) => r.turnoverUsd !== null);
  const reconciled = complete.filter((r) => r.reporter === null);
  const lastRow = (reconciled.length > 0 ? reconciled : complete).at(-1);
  const lastOfficial = official.filter((o) => o.period === 'year' && o.measure.startsWith('turnover')).at(-1);
  const parties = await countryValues(store, exporter, importer, ...(lastRow?.reporter ? [lastRow.reporter] : []));
  const latest = lastRow
    ? {
        year: lastRow.year,
        turnoverUsd: lastRow.turnoverUsd!,
        basis: lastRow.reporter
          ? msg('basis.turnoverReported', { source: lastRow.source, reporter: parties[2]! })
          : msg('basis.turnoverSource', { source: lastRow.source }),
      }
    : lastOfficial
      ? {
          year: lastOfficial.year,
          turnoverUsd: lastOfficial.valueUsd,
          // The official table names the side in English ("Belarus"): shown in the reader's language when it is one of the pair.
          basis: msg('basis.officiallyStated', {
            side: parties.find((p) => p.en === lastOfficial.reporterSide) ?? lastOfficial.reporterSide,
            lowerBound: lastOfficial.note?.includes('lower bound') ? 'yes' : 'no',
            url: lastOfficial.sourceUrl,
          }),
        }
      : null;
  return {
    exporter,
    importer,
    status:
      rows.length === 0
        ? official.length > 0
          ? 'official-only'
          : 'missing'
        : complete.length === rows.length
          ? 'computed'
          : 'partial',
    rows,
    mirror,
    official,
    latest,
  };
}

export interface TargetPlanInput {
  currentUsd: number;
  baseYear: number;
  targetUsd: number;
  targetYear: number;
  /** Product groups with untapped potential (USD), largest first or in any order. */
  groups?: Array<{ key: string; name: string; untappedUsd: number }>;
}

export interface TargetPlan {
  currentUsd: number;
  baseYear: number;
  targetUsd: number;
  targetYear: number;
  gapUsd: number;
  /** Compound annual growth needed: (target / current)^(1 / years) - 1. */
  requiredCagr: number;
  path: Array<{ year: number; valueUsd: number }>;
  /** Groups whose untapped potential, largest first, would cover the gap; with the running total. */
  coveringGroups: Array<{ key: string; name: string; untappedUsd: number; cumulativeUsd: number }>;
  /** Σ untapped over all groups / gap: above 1 the identified potential could cover it. */
  potentialCoverage: number | null;
}

/** "Reach X USD by year Y": the growth needed, the path, and the product groups whose untapped potential could fill the gap. */
export function targetPlanner(input: TargetPlanInput): TargetPlan {
  const { currentUsd, baseYear, targetUsd, targetYear } = input;
  const years = targetYear - baseYear;
  if (!(currentUsd > 0))
    throw new InvalidOptionError(`invalid currentUsd: ${currentUsd} (the starting turnover must be above 0)`, {
      value: String(currentUsd),
    });
  if (!(targetUsd > 0))
    throw new InvalidOptionError(`invalid targetUsd: ${targetUsd} (must be above 0)`, { value: String(targetUsd) });
  if (!(years > 0) || !Number.isInteger(years)) {
    throw new InvalidOptionError(`invalid targetYear: ${targetYear} (a whole year after the base year ${baseYear})`, {
      value: String(targetYear),
    });
  }
  const requiredCagr = Math.pow(targetUsd / currentUsd, 1 / years) - 1;
  const path = Array.from({ length: years + 1 }, (_, k) => ({
    year: baseYear + k,
    valueUsd: currentUsd * Math.pow(1 + requiredCagr, k),
  }));
  const gapUsd = Math.max(0, targetUsd - currentUsd);
  const sorted = [...(input.groups ?? [])]
    .filter((g) => g.untappedUsd > 0)
    .sort((a, b) => b.untappedUsd - a.untappedUsd);
  const coveringGroups: TargetPlan['coveringGroups'] = [];
  let cumulativeUsd = 0;
  for (const group of sorted) {
    if (cumulativeUsd >= gapUsd) break;
    cumulativeUsd += group.untappedUsd;
    coveringGroups.push({ ...group, cumulativeUsd });
  }
  const totalUntapped = sorted.reduce((sum, g) => sum + g.untappedUsd, 0);
  return {
    currentUsd,
    baseYear,
    targetUsd,
    targetYear,
    gapUsd,
    requiredCagr,
    path,
    coveringGroups,
    potentialCoverage: input.groups && gapUsd > 0 ? totalUntapped / gapUsd : null,
  };
}

/** What the user asks of the planner; an absent target is the example (double in five years). */
export interface TargetRequest {
  targetUsd?: number;
  targetYear?: number;
  /** Start from this turnover instead of the latest in the store (with baseYear). */
  currentUsd?: number;
  baseYear?: number;
}

export type PairTarget = TargetPlan & {
  /** No target was given: the example of doubling in five years. */
  example: boolean;
  /** Where the starting turnover comes from. */
  basis: Message;
};

/**
 * The target planner for a pair, assembled once for the report, the `target` command and the
 * API: from the latest turnover (or the one given) to the target, with the HS sections whose
 * untapped export potential could fill the gap. Null when there is no turnover to start from.
 * Half a target, or a target year not after the starting year, is an InvalidOptionError.
 */
export function pairTarget(
  turnover: Pick<TurnoverResult, 'latest'>,
  potential: { bySection: ReadonlyArray<{ section: string; untappedUsd: number }> },
  request: TargetRequest = {},
): PairTarget | null {
  if ((request.targetUsd === undefined) !== (request.targetYear === undefined))
    throw new InvalidOptionError(
      'invalid target: give both the target turnover and its year, or neither (an example target is shown then)',
      { column: request.targetUsd === undefined ? 'targetUsd' : 'targetYear' },
    );
  if ((request.currentUsd === undefined) !== (request.baseYear === undefined))
    throw new InvalidOptionError('invalid start: give both the starting turnover and its year, or neither', {
      column: request.currentUsd === undefined ? 'currentUsd' : 'baseYear',
    });
  const start =
    request.currentUsd !== undefined
      ? { turnoverUsd: request.currentUsd, year: request.baseYear!, basis: msg('basis.targetGiven') }
      : turnover.latest;
  if (!start) return null;
  const example = request.targetUsd === undefined;
  const goal = example
    ? { valueUsd: start.turnoverUsd * 2, year: start.year + 5 }
    : { valueUsd: request.targetUsd!, year: request.targetYear! };
  if (goal.year <= start.year)
    throw new InvalidOptionError(
      `invalid target year: ${goal.year} (after ${start.year}, the year of the starting turnover)`,
      { column: 'targetYear', value: String(goal.year) },
    );
  return {
    ...targetPlanner({
      currentUsd: start.turnoverUsd,
      baseYear: start.year,
      targetUsd: goal.valueUsd,
      targetYear: goal.year,
      // HS sections by their Roman numeral: a code, the same in both languages.
      groups:
        potential.bySection.length > 0
          ? potential.bySection.map((s) => ({ key: s.section, name: s.section, untappedUsd: s.untappedUsd }))
          : undefined,
    }),
    example,
    basis: start.basis,
  };
}
