/**
 * What the store holds for a pair of countries, and what it lacks: the basis of every
 * "this view needs data you have not ingested" message and of the report's coverage section.
 */
import { isMemberIn, pairSideMembers, scopedTableSql } from './groups.ts';
import { flowBreadth } from './queries.ts';
import type { TradeStore } from './store.ts';

export interface YearCoverage {
  year: number;
  rows: number;
  valueUsd: number;
  sources: string[];
}

export interface PairCoverage {
  exporter: string;
  importer: string;
  /** exporter -> importer bilateral flows (any source). */
  bilateral: YearCoverage[];
  /** importer -> exporter (the reverse direction, for the turnover). */
  reverse: YearCoverage[];
  /** The importer's imports from all partners (bilateral flows into it). */
  importerImports: YearCoverage[];
  /** The importer's own report of its imports from the World (partner WLD: Comtrade, WITS), by year. */
  importerWorldTotals: YearCoverage[];
  /** The exporter's exports to all partners (bilateral flows out of it). */
  exporterFlows: YearCoverage[];
  /** The exporter's world exports by product from partner-less tables. */
  exporterExports: YearCoverage[];
  /** The importer's world exports by product from partner-less tables (its capabilities). */
  importerExports: YearCoverage[];
  /** Years with world-wide bilateral coverage (many exporters): needed for potential and rivals. */
  worldFlowYears: Array<{ year: number; exporters: number; importers: number }>;
  /** Years of partner-less export tables covering many countries: needed for RCA and complexity. */
  worldExportYears: Array<{ year: number; exporters: number; productLevels: number[] }>;
  /**
   * For a group on either side: its members in this pair (those on the other side left out), their
   * membership years and the years in which the store has their flows (imports for the importer's
   * side, exports for the exporter's), so the output can say which members had data.
   */
  groups: GroupCoverage[];
  /** Officially stated totals for the pair (by-kz-official), if any. */
  officialTotals: OfficialTotal[];
}

/** One officially stated total (by-kz-official): a figure with its period, measure, whose it is and its source. */
export interface OfficialTotal {
  year: number;
  period: string;
  measure: string;
  reporterSide: string;
  valueUsd: number;
  sourceUrl: string;
  note: string | null;
  /** The note in Russian (Karavan's translation), where there is a note. */
  noteRu: string | null;
}

export interface GroupCoverage {
  side: 'exporter' | 'importer';
  group: string;
  members: Array<{ iso3: string; firstYear: number | null; lastYear: number | null; dataYears: number[] }>;
}

/** Years with flows of each member of a group side (from the pair totals, unscoped: members by their own codes). */
async function groupCoverage(store: TradeStore, exporter: string, importer: string): Promise<GroupCoverage[]> {
  const out: GroupCoverage[] = [];
  for (const [side, code, other] of [
    ['exporter', exporter, importer],
    ['importer', importer, exporter],
  ] as const) {
    const { group, members } = await pairSideMembers(store, code, other);
    if (!group) continue;
    const rows = await store.query<{ iso3: string; years: number[] }>(
      side === 'importer'
        ? `SELECT importer AS iso3, list_sort(list_distinct(list(year))) AS years FROM pair_totals
            WHERE list_contains($1::VARCHAR[], importer) AND exporter <> 'WLD' GROUP BY importer`
        : `SELECT exporter AS iso3, list_sort(list_distinct(list(year))) AS years FROM pair_totals
            WHERE list_contains($1::VARCHAR[], exporter) AND importer <> 'WLD' GROUP BY exporter`,
      [JSON.stringify(members.map((m) => m.iso3))],
    );
    const years = new Map(rows.map((r) => [r.iso3, r.years]));
    out.push({
      side,
      group: group.code,
      members: members.map((m) => ({
        iso3: m.iso3,
        firstYear: m.firstYear,
        lastYear: m.lastYear,
        // Only the years of membership count as the group's data.
        dataYears: (years.get(m.iso3) ?? []).filter((y) => isMemberIn(m, y)),
      })),
    });
  }
  return out;
}

async function years(store: TradeStore, sql: string, params: string[]): Promise<YearCoverage[]> {
  const rows = await store.query<{ year: number; rows: number; value_usd: number; sources: string[] }>(sql, params);
  return rows.map((r) => ({ year: r.year, rows: r.rows, valueUsd: r.value_usd, sources: r.sources }));
}

/** From the pair totals written at ingest (not the flows themselves: 1/200 of the rows). */
const flowYearsSql = (pairTotalsSql: string, whereSql: string) =>
  `SELECT year, sum(flow_count)::DOUBLE AS rows, sum(value_usd) AS value_usd, list_sort(list_distinct(list(source))) AS sources
     FROM ${pairTotalsSql} WHERE ${whereSql} GROUP BY year ORDER BY year`;
const exportYearsSql = (exportsSql: string) =>
  `SELECT year, count(*)::DOUBLE AS rows, sum(value_usd) AS value_usd, list_sort(list_distinct(list(source))) AS sources
     FROM ${exportsSql} WHERE exporter = $1 GROUP BY year ORDER BY year`;

/** Turnover figures in the official-totals table concern Belarus and Kazakhstan only. */
const officialPair = new Set(['BLR-KAZ', 'KAZ-BLR']);

export function pairCoverage(store: TradeStore, exporter: string, importer: string): Promise<PairCoverage> {
  return store.cached(`pairCoverage|${exporter}|${importer}`, () => computePairCoverage(store, exporter, importer));
}

/** Years of bilateral flows and of export tables with their breadth: one scan each, cached per store version. */
function worldYears(store: TradeStore) {
  return store.cached('worldYears', async () => ({
    // Per year, the broadest source (sources are not added up: they overlap).
    flows: [
      ...(await flowBreadth(store))
        .reduce((years, r) => {
          const best = years.get(r.year);
          if (!best || r.exporters > best.exporters)
            years.set(r.year, { year: r.year, exporters: r.exporters, importers: r.importers });
          return years;
        }, new Map<number, { year: number; exporters: number; importers: number }>())
        .values(),
    ],
    exports: (
      await store.query<{ year: number; exporters: number; levels: number[] }>(
        `SELECT year, count(DISTINCT exporter)::DOUBLE AS exporters, list_sort(list_distinct(list(product_level))) AS levels FROM exports GROUP BY year ORDER BY year`,
      )
    ).map((r) => ({ year: r.year, exporters: r.exporters, productLevels: r.levels })),
  }));
}

async function computePairCoverage(store: TradeStore, exporter: string, importer: string): Promise<PairCoverage> {
  // A group on either side counts its members' rows under its code (groups.ts).
  const pairTotalsSql = await scopedTableSql(store, 'pair_totals', { exporter, importer }, 'both-ways');
  const exportsSql = await scopedTableSql(store, 'exports', { exporter, importer }, 'both-ways');
  const [bilateral, reverse, importerImports, importerWorldTotals, exporterFlows, exporterExports, importerExports] =
    await Promise.all([
      years(store, flowYearsSql(pairTotalsSql, 'exporter = $1 AND importer = $2'), [exporter, importer]),
      years(store, flowYearsSql(pairTotalsSql, 'exporter = $1 AND importer = $2'), [importer, exporter]),
      years(store, flowYearsSql(pairTotalsSql, "importer = $1 AND exporter <> 'WLD'"), [importer]),
      years(store, flowYearsSql(pairTotalsSql, "importer = $1 AND exporter = 'WLD' AND reporter = $1"), [importer]),
      years(store, flowYearsSql(pairTotalsSql, "exporter = $1 AND importer <> 'WLD'"), [exporter]),
      years(store, exportYearsSql(exportsSql), [exporter]),
      years(store, exportYearsSql(exportsSql), [importer]),
    ]);
  const { flows: worldFlowYears, exports: worldExportYears } = await worldYears(store);
  const officialTotals = officialPair.has(`${exporter}-${importer}`)
    ? (
        await store.query<{
          year: number;
          period: string;
          measure: string;
          reporter_side: string;
          value_usd: number;
          source_url: string;
          note: string | null;
          note_ru: string | null;
        }>(
          `SELECT year, period, measure, reporter_side, value_usd, source_url, note, note_ru FROM official_turnover ORDER BY year, measure`,
        )
      ).map((r) => ({
        year: r.year,
        period: r.period,
        measure: r.measure,
        reporterSide: r.reporter_side,
        valueUsd: r.value_usd,
        sourceUrl: r.source_url,
        note: r.note,
        noteRu: r.note_ru,
      }))
    : [];
  return {
    exporter,
    importer,
    bilateral,
    reverse,
    importerImports,
    importerWorldTotals,
    exporterFlows,
    exporterExports,
    importerExports,
    worldFlowYears,
    worldExportYears,
    groups: await groupCoverage(store, exporter, importer),
    officialTotals,
  };
}
