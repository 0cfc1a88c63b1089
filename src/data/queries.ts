/**
 * The analysis layer's reads. Every aggregate a report section needs is computed here in SQL
 * (parameterised), so the analysis layer receives compact rows or typed arrays and never
 * touches DuckDB. Product codes are cut to the asked HS level with substr(product, 1, level).
 */
import { StoreCorruptError } from '../errors.ts';
import { scopedTableSql } from './groups.ts';
import { quoteIdentifier } from './sql.ts';
import type { TradeStore } from './store.ts';

export type HsLevel = 2 | 4 | 6;

/**
 * The flows source to use for a year: the one that covers most exporters, BACI on a tie. Coverage comes first: a
 * user's full BACI release ingested under a source name of their own (`--source baci2024`) must win over the
 * embedded two-exporter slice, whose source is `baci` (it was ignored when the name came first).
 */
export function primaryFlowSource(store: TradeStore, year: number): Promise<string | null> {
  return store.cached(`primaryFlowSource|${year}`, () => computePrimaryFlowSource(store, year));
}

async function computePrimaryFlowSource(store: TradeStore, year: number): Promise<string | null> {
  const rows = await store.query<{ source: string }>(
    `SELECT source FROM pair_totals WHERE year = $1 GROUP BY source ORDER BY count(DISTINCT exporter) DESC, (source = 'baci') DESC, source LIMIT 1`,
    [year],
  );
  return rows[0]?.source ?? null;
}

export interface BilateralYear {
  year: number;
  source: string;
  /** ISO3 of the reporting country (Comtrade), or null for reconciled data (BACI). */
  reporter: string | null;
  /**
   * a -> b (USD); null when the data cannot tell: a slice of BACI without a's exports, or a
   * Comtrade file reported by neither side.
   */
  forwardUsd: number | null;
  /** b -> a (USD); null when the data cannot tell. */
  backwardUsd: number | null;
  /** a's exports to all partners (USD), when the data holds all of them (else null). */
  aExportsUsd: number | null;
  /** b's imports from all partners (USD), when the data holds them. */
  bImportsUsd: number | null;
  /** b's exports to all partners and a's imports from all partners, for the reverse shares. */
  bExportsUsd: number | null;
  aImportsUsd: number | null;
}

/** Trade between a and b by year, source and reporter, with each side's totals for shares. */
export function bilateralSeries(store: TradeStore, a: string, b: string): Promise<BilateralYear[]> {
  return store.cached(`bilateralSeries|${a}|${b}`, () => computeBilateralSeries(store, a, b));
}

async function computeBilateralSeries(store: TradeStore, a: string, b: string): Promise<BilateralYear[]> {
  const pairTotalsSql = await scopedTableSql(store, 'pair_totals', { exporter: a, importer: b }, 'both-ways');
  const rows = await store.query<{
    year: number;
    source: string;
    reporter: string | null;
    ab: number | null;
    ba: number | null;
    a_x: number | null;
    b_m: number | null;
    b_x: number | null;
    a_m: number | null;
    a_x_wld: number | null;
    b_m_wld: number | null;
    b_x_wld: number | null;
    a_m_wld: number | null;
    a_exports: boolean;
    b_exports: boolean;
  }>(
    `SELECT year, source, reporter,
            sum(value_usd) FILTER (WHERE exporter = $1 AND importer = $2) AS ab,
            sum(value_usd) FILTER (WHERE exporter = $2 AND importer = $1) AS ba,
            sum(value_usd) FILTER (WHERE exporter = $1 AND importer <> 'WLD') AS a_x,
            sum(value_usd) FILTER (WHERE importer = $2 AND exporter <> 'WLD') AS b_m,
            sum(value_usd) FILTER (WHERE exporter = $2 AND importer <> 'WLD') AS b_x,
            sum(value_usd) FILTER (WHERE importer = $1 AND exporter <> 'WLD') AS a_m,
            sum(value_usd) FILTER (WHERE exporter = $1 AND importer = 'WLD') AS a_x_wld,
            sum(value_usd) FILTER (WHERE importer = $2 AND exporter = 'WLD') AS b_m_wld,
            sum(value_usd) FILTER (WHERE exporter = $2 AND importer = 'WLD') AS b_x_wld,
            sum(value_usd) FILTER (WHERE importer = $1 AND exporter = 'WLD') AS a_m_wld,
            bool_or(exporter = $1) AS a_exports, bool_or(exporter = $2) AS b_exports
       FROM ${pairTotalsSql}
      WHERE exporter IN ($1, $2, 'WLD') OR importer IN ($1, $2)
      GROUP BY year, source, reporter
     HAVING ab IS NOT NULL OR ba IS NOT NULL
      ORDER BY year, source, reporter NULLS FIRST`,
    [a, b],
  );
  // How many exporters each source-year has: with (nearly) all of them, every flow is there.
  const breadth = new Map((await flowBreadth(store)).map((r) => [`${r.year}|${r.source}`, r.exporters]));
  return rows.map((r) => {
    const world = (breadth.get(`${r.year}|${r.source}`) ?? 0) >= worldFlowMinExporters;
    // Reconciled data (BACI) knows a flow when its exporter is covered; Comtrade rows know
    // both directions of the reporter's own trade.
    const knowsA = r.reporter === null ? world || r.a_exports : r.reporter === a;
    const knowsB = r.reporter === null ? world || r.b_exports : r.reporter === b;
    const forwardKnown = r.reporter === null ? knowsA : r.reporter === a || r.reporter === b;
    const backwardKnown = r.reporter === null ? knowsB : r.reporter === a || r.reporter === b;
    return {
      year: r.year,
      source: r.source,
      reporter: r.reporter,
      forwardUsd: forwardKnown ? (r.ab ?? 0) : null,
      backwardUsd: backwardKnown ? (r.ba ?? 0) : null,
      aExportsUsd: knowsA ? (r.a_x_wld ?? r.a_x) : null,
      bImportsUsd:
        r.reporter === null ? (world ? (r.b_m_wld ?? r.b_m) : null) : r.reporter === b ? (r.b_m_wld ?? r.b_m) : null,
      bExportsUsd: knowsB ? (r.b_x_wld ?? r.b_x) : null,
      aImportsUsd:
        r.reporter === null ? (world ? (r.a_m_wld ?? r.a_m) : null) : r.reporter === a ? (r.a_m_wld ?? r.a_m) : null,
    };
  });
}

/** Exporters and importers per year and source of the flows (from the pair totals), cached per store version. */
export function flowBreadth(
  store: TradeStore,
): Promise<Array<{ year: number; source: string; exporters: number; importers: number }>> {
  return store.cached('flowBreadth', () =>
    store.query(
      `SELECT year, source, count(DISTINCT exporter)::INTEGER AS exporters, count(DISTINCT importer)::INTEGER AS importers
         FROM pair_totals GROUP BY year, source ORDER BY year, source`,
    ),
  );
}

/** Exporters a year of flows needs to count as world coverage (a BACI year has about 220). */
export const worldFlowMinExporters = 50;

export interface ImportNeedRow {
  product: string;
  /** The importer's imports of the product in `year` (USD). */
  importsUsd: number;
  /** Imports `years` earlier (USD; null when that year is not in the data). */
  importsStartUsd: number | null;
  startYear: number | null;
  /**
   * Herfindahl-Hirschman index of supplier shares in `year` (0-1); null when `year` holds only the
   * importer's imports from the World (a WITS or Comtrade file with partner WLD alone), which name no supplier.
   */
  hhi: number | null;
  /** Suppliers in `year`; null for a world total, as `hhi`. */
  suppliers: number | null;
  /** Top suppliers in `year`: ISO3, USD, share of the importer's imports of the product (empty for a world total). */
  topSuppliers: Array<{ iso3: string; valueUsd: number; share: number }>;
  /** The exporter's sales to the importer in `year` (USD); null for a world total, which does not say. */
  exporterUsd: number | null;
}

/**
 * Years of a pair's flows that a report's importer-side queries share (see pairFlows): the year
 * asked and the five before it, which hold the needs' growth span (5 years), the rivals' window
 * and export potential's averaging window (5 years each).
 */
const pairFlowsSpanYears = 5;

/**
 * Runs `use` with a table (SQL) holding the flows of `source` into either country of the pair,
 * for the year asked and the five before. Needs, joint production, rivals, the machinery market
 * and export potential each filtered the flows for the importer (and potential for the exporter
 * too), a scan of every flow of those years (~11 M rows a BACI year) each time; they now share
 * one temporary table of the pair's flows (TradeStore.withSharedRows), about 1/100 of the rows,
 * with the columns they read. Years outside that span read the flows view as before. The callers
 * keep their own filters (importer, source, years), so the rows they see are the same either way.
 */
async function pairFlows<T>(
  store: TradeStore,
  pair: { exporter: string; importer: string },
  source: string,
  years: number[],
  use: (tableSql: string) => Promise<T>,
): Promise<T> {
  // A group on either side reads its members' flows under the group's code (see groups.ts).
  const flowsSql = await scopedTableSql(store, 'flows', pair);
  const last = Math.max(...years);
  if (years.length === 0 || years.some((y) => y < last - pairFlowsSpanYears)) return use(flowsSql);
  const countries = [pair.exporter, pair.importer].sort();
  return store.withSharedRows(
    `pairFlows|${JSON.stringify([...countries, source, last])}`,
    `SELECT year, exporter, importer, product, value_usd, qty_tonnes, source FROM ${flowsSql}
      WHERE importer IN ($1, $2) AND source = $3 AND year BETWEEN $4 AND $5`,
    [countries[0]!, countries[1]!, source, last - pairFlowsSpanYears, last],
    use,
  );
}

/**
 * Runs `use` with a table of every flow of `source` into either country of the pair up to `toYear`, all years:
 * the product series of the needs section and of the pair's trade basket read it, so the flows (300 million rows
 * for 30 BACI years) are scanned for the pair once per report, not once per section (the basket alone took 8.8 s
 * cold and again warm on the 30-year store before). `flowsSql` is the (group-scoped) flows view; the table is
 * shared between callers that read the same one.
 */
function pairFlowsAllYears<T>(
  store: TradeStore,
  pair: { exporter: string; importer: string },
  flowsSql: string,
  source: string,
  toYear: number,
  use: (tableSql: string) => Promise<T>,
): Promise<T> {
  const countries = [pair.exporter, pair.importer].sort();
  return store.withSharedRows(
    `pairFlowsAllYears|${JSON.stringify([...countries, source, toYear, flowsSql])}`,
    `SELECT year, exporter, importer, reporter, product, value_usd, source FROM ${flowsSql}
      WHERE importer IN ($1, $2) AND source = $3 AND year <= $4`,
    [countries[0]!, countries[1]!, source, toYear],
    use,
  );
}

export interface ImportNeedsOptions {
  importer: string;
  exporter: string;
  year: number;
  level: HsLevel;
  source: string;
  spanYears: number;
  topSuppliers: number;
}

/** The importer's imports by product: size, growth over `spanYears`, suppliers, concentration, the exporter's share. */
export function importNeeds(store: TradeStore, options: ImportNeedsOptions): Promise<ImportNeedRow[]> {
  return store.cached(`importNeeds|${JSON.stringify(options)}`, () => computeImportNeeds(store, options));
}

async function computeImportNeeds(store: TradeStore, options: ImportNeedsOptions): Promise<ImportNeedRow[]> {
  const years = [options.year, options.year - options.spanYears];
  const rows = await pairFlows(store, options, options.source, years, (flowsSql) =>
    store.query<{
      product: string;
      imports_usd: number;
      imports_start_usd: number | null;
      start_year: number | null;
      hhi: number | null;
      suppliers: number | null;
      top: Array<{ iso3: string; value_usd: number }> | null;
      exporter_usd: number | null;
      world_total: boolean;
    }>(
      // A year in which the importer's rows name no supplier (its own report of imports from the
      // World: a WITS or Comtrade file with partner WLD alone) counts by those world totals; any
      // other year by its suppliers, the WLD rows left out as before.
      `WITH rows AS (
       SELECT year, substr(product, 1, $3) AS product, exporter, value_usd
         FROM ${flowsSql}
        WHERE importer = $1 AND exporter <> $1 AND source = $4 AND year IN ($2, $2 - $6)
     ),
     world_only AS (SELECT year FROM rows GROUP BY year HAVING bool_and(exporter = 'WLD')),
     base AS (
       SELECT year, product, exporter, sum(value_usd) AS value_usd
         FROM rows
        WHERE exporter <> 'WLD' OR year IN (SELECT year FROM world_only)
        GROUP BY ALL
     ),
     cur AS (
       SELECT product, exporter, value_usd,
              value_usd / sum(value_usd) OVER (PARTITION BY product) AS share,
              row_number() OVER (PARTITION BY product ORDER BY value_usd DESC, exporter) AS rank
         FROM base WHERE year = $2
     ),
     start AS (SELECT product, sum(value_usd) AS imports_start_usd FROM base WHERE year = $2 - $6 GROUP BY product),
     agg AS (
       SELECT product, sum(value_usd) AS imports_usd, bool_or(exporter = 'WLD') AS world_total,
              count(*)::INTEGER AS suppliers, sum(share * share) AS hhi,
              list({'iso3': exporter, 'value_usd': value_usd} ORDER BY rank) FILTER (WHERE rank <= $7) AS top,
              coalesce(sum(value_usd) FILTER (WHERE exporter = $5), 0) AS exporter_usd
         FROM cur GROUP BY product
     )
     SELECT a.product, a.imports_usd, s.imports_start_usd,
            CASE WHEN (SELECT count(*) FROM start) > 0 THEN $2 - $6 END AS start_year,
            CASE WHEN a.world_total THEN NULL ELSE a.hhi END AS hhi,
            CASE WHEN a.world_total THEN NULL ELSE a.suppliers END AS suppliers,
            CASE WHEN a.world_total THEN NULL ELSE a.top END AS top,
            CASE WHEN a.world_total THEN NULL ELSE a.exporter_usd END AS exporter_usd,
            a.world_total
       FROM agg a LEFT JOIN start s USING (product)
      WHERE a.imports_usd > 0
      ORDER BY a.imports_usd DESC`,
      [
        options.importer,
        options.year,
        options.level,
        options.source,
        options.exporter,
        options.spanYears,
        options.topSuppliers,
      ],
    ),
  );
  return rows.map((r) => ({
    product: r.product,
    importsUsd: r.imports_usd,
    importsStartUsd: r.imports_start_usd,
    startYear: r.start_year,
    hhi: r.hhi,
    suppliers: r.suppliers,
    topSuppliers: (r.top ?? []).map((t) => ({
      iso3: t.iso3,
      valueUsd: t.value_usd,
      share: t.value_usd / r.imports_usd,
    })),
    exporterUsd: r.exporter_usd,
  }));
}

export interface ExportMatrix {
  year: number;
  level: HsLevel;
  /** Where the values come from: an exports table source (ots, user, ...) or `flows:<source>`. */
  source: string;
  locations: string[];
  products: string[];
  /** locations x products, row-major, USD. */
  valuesUsd: Float64Array;
}

/** Years for which exports of many countries by product are available (tables or flows). */
export function exportMatrixYears(
  store: TradeStore,
  minExporters: number,
): Promise<Array<{ year: number; source: string; levels: number[]; exporters: number }>> {
  return store.cached(`exportMatrixYears|${minExporters}`, async () => {
    const tables = await store.query<{ year: number; source: string; levels: number[]; exporters: number }>(
      `SELECT year, source, list_sort(list_distinct(list(DISTINCT product_level))) AS levels, count(DISTINCT exporter)::INTEGER AS exporters
         FROM exports GROUP BY year, source HAVING count(DISTINCT exporter) >= $1`,
      [minExporters],
    );
    // Years of world flows come from the cached breadth scan (no second pass over the flows).
    const flows = (await flowBreadth(store))
      .filter((r) => r.exporters >= minExporters)
      .map((r) => ({ year: r.year, source: `flows:${r.source}`, levels: [6], exporters: r.exporters }));
    // Newest first; within a year the source that covers most exporters (a world table before a partial flows file).
    return [...tables, ...flows].sort(
      (a, b) => b.year - a.year || b.exporters - a.exporters || a.source.localeCompare(b.source),
    );
  });
}

/**
 * World exports by location and product for one year at one HS level, as a dense matrix. From an
 * exports table when it has the year at that level, else summed from bilateral flows.
 */
export function exportMatrix(
  store: TradeStore,
  options: { year: number; level: HsLevel; source: string },
): Promise<ExportMatrix> {
  return store.cached(`exportMatrix|${options.year}|${options.level}|${options.source}`, async () => {
    // From flows, coarser levels are sums of the HS6 matrix: one scan of the flows serves all.
    if (options.source.startsWith('flows:') && options.level < 6)
      return aggregateMatrix(await exportMatrix(store, { ...options, level: 6 }), options.level);
    return computeExportMatrix(store, options);
  });
}

/** Sums an export matrix's product columns to a coarser HS level (codes cut to `level` digits). */
function aggregateMatrix(fine: ExportMatrix, level: HsLevel): ExportMatrix {
  const products = [...new Set(fine.products.map((p) => p.slice(0, level)))].sort();
  const index = new Map(products.map((p, i) => [p, i]));
  const map = fine.products.map((p) => index.get(p.slice(0, level))!);
  const L = fine.locations.length;
  const Pf = fine.products.length;
  const P = products.length;
  const valuesUsd = new Float64Array(L * P);
  for (let l = 0; l < L; l++) for (let p = 0; p < Pf; p++) valuesUsd[l * P + map[p]!]! += fine.valuesUsd[l * Pf + p]!;
  return { ...fine, level, products, valuesUsd };
}

async function computeExportMatrix(
  store: TradeStore,
  options: { year: number; level: HsLevel; source: string },
): Promise<ExportMatrix> {
  const fromFlows = options.source.startsWith('flows:');
  const source = fromFlows ? options.source.slice('flows:'.length) : options.source;
  // world_exports: the flows summed over partners at ingest (self-trade and WLD partners left out),
  // one row per year, exporter and product of each dataset. When one dataset holds the year (a
  // BACI release: the usual case) and codes are taken whole (HS6), its rows are the cells as they
  // are; summing them again cost ~0.2 s of CPU for the 1.1 M cells of a BACI year.
  const oneDataset =
    fromFlows &&
    options.level === 6 &&
    (
      await store.query<{ n: number }>(
        `SELECT count(DISTINCT dataset_id)::DOUBLE AS n FROM pair_totals WHERE year = $1 AND source = $2`,
        [options.year, source],
      )
    )[0]?.n === 1;
  const cellsSql = oneDataset
    ? `SELECT exporter, product, value_usd FROM world_exports
        WHERE year = $1 AND source = $3 AND exporter <> 'WLD' AND length(product) >= $2 AND value_usd > 0`
    : fromFlows
      ? `SELECT exporter, substr(product, 1, $2) AS product, sum(value_usd) AS value_usd FROM world_exports
        WHERE year = $1 AND source = $3 AND exporter <> 'WLD' AND length(product) >= $2
        GROUP BY ALL HAVING sum(value_usd) > 0`
      : `SELECT exporter, substr(product, 1, $2) AS product, sum(value_usd) AS value_usd FROM exports
        WHERE year = $1 AND source = $3 AND product_level >= $2
        GROUP BY ALL HAVING sum(value_usd) > 0`;
  // The aggregate is computed once into a temporary table; dimensions and cells read from it.
  const tableSql = quoteIdentifier(`matrix_${process.pid}_${++temporaryCounter}`);
  await store.query(`CREATE TEMP TABLE ${tableSql} AS ${cellsSql}`, [options.year, options.level, source]);
  try {
    const locations = (
      await store.query<{ code: string }>(`SELECT DISTINCT exporter AS code FROM ${tableSql} ORDER BY code`)
    ).map((r) => r.code);
    const products = (
      await store.query<{ product: string }>(`SELECT DISTINCT product FROM ${tableSql} ORDER BY product`)
    ).map((r) => r.product);
    // Only integer indices and values cross into JavaScript (see Database.numericColumns).
    const cells = await store.queryNumericColumns(
      // An item's index is its subscript in the list (list_position would search the list for each
      // item: 5,000 x 5,000 comparisons for the products of an HS6 matrix).
      `WITH c AS (SELECT unnest($1::VARCHAR[]) AS code, (generate_subscripts($1::VARCHAR[], 1) - 1)::INTEGER AS idx),
            p AS (SELECT unnest($2::VARCHAR[]) AS product, (generate_subscripts($2::VARCHAR[], 1) - 1)::INTEGER AS idx)
       SELECT c.idx AS l, p.idx AS k, m.value_usd AS v FROM ${tableSql} m JOIN c ON c.code = m.exporter JOIN p ON p.product = m.product`,
      [JSON.stringify(locations), JSON.stringify(products)],
      { l: 'int32', k: 'int32', v: 'float64' },
    );
    const valuesUsd = new Float64Array(locations.length * products.length);
    const l = cells.l as Int32Array;
    const k = cells.k as Int32Array;
    const v = cells.v as Float64Array;
    for (let r = 0; r < v.length; r++) valuesUsd[l[r]! * products.length + k[r]!]! += v[r]!;
    return { year: options.year, level: options.level, source: options.source, locations, products, valuesUsd };
  } finally {
    await store.query(`DROP TABLE IF EXISTS ${tableSql}`);
  }
}

let temporaryCounter = 0;

export interface SmoothedFlows {
  year: number;
  years: number[];
  weights: number[];
  level: HsLevel;
  source: string;
  countries: string[];
  products: string[];
  exporterIndex: Int32Array;
  importerIndex: Int32Array;
  productIndex: Int32Array;
  valueUsd: Float64Array;
}

/** Name of the pseudo-importer that stands for every market but the pair's two countries. */
export const restOfWorld = 'ROW';

/**
 * Bilateral flows averaged over the last `window` years with weights 1..n (oldest to newest),
 * renormalised over the years present (ITC Annex VII; method note S0), self-trade and partner
 * aggregates (WLD) dropped; exporters and importers share one country index.
 *
 * For one pair (exporter i, importer j) the export-potential model needs every flow into j
 * and into i, but of all other flows only their sums by exporter and product (world exports
 * X_ik, world totals V_k). Flows into any third country are therefore summed into one
 * pseudo-importer, `ROW`: X_ik, V_k, M_jk, M_ik and V_i'j stay exact, and a BACI year of 11
 * million flows shrinks to about one row per exporter and product.
 */
export function smoothedFlows(
  store: TradeStore,
  options: { year: number; level: HsLevel; source: string; window: number; pair: [string, string] },
): Promise<SmoothedFlows> {
  return store.cached(`smoothedFlows|${JSON.stringify(options)}`, () => computeSmoothedFlows(store, options));
}

async function computeSmoothedFlows(
  store: TradeStore,
  options: { year: number; level: HsLevel; source: string; window: number; pair: [string, string] },
): Promise<SmoothedFlows> {
  const yearRows = await store.query<{ year: number }>(
    `SELECT DISTINCT year FROM pair_totals WHERE source = $1 AND year BETWEEN $2 - $3 + 1 AND $2 ORDER BY year`,
    [options.source, options.year, options.window],
  );
  const years = yearRows.map((r) => r.year);
  const weights = years.map((y) => y - (options.year - options.window));
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const [a, b] = options.pair;
  // World exports by exporter and product, averaged: the yearly export matrices (shared with
  // the supply and surplus sections) weighted 1..n.
  const matrices = await Promise.all(
    years.map((year) => exportMatrix(store, { year, level: options.level, source: `flows:${options.source}` })),
  );
  const locations = [...new Set(matrices.flatMap((m) => m.locations))].sort();
  const products = [...new Set(matrices.flatMap((m) => m.products))].sort();
  const locationIndex = new Map(locations.map((c, i) => [c, i]));
  const productIndex = new Map(products.map((p, i) => [p, i]));
  const P = products.length;
  const world = new Float64Array(locations.length * P);
  matrices.forEach((m, y) => {
    const w = weights[y]! / weightSum;
    const rowMap = m.locations.map((c) => locationIndex.get(c)!);
    const colMap = m.products.map((p) => productIndex.get(p)!);
    for (let l = 0; l < m.locations.length; l++) {
      for (let k = 0; k < m.products.length; k++) {
        const v = m.valuesUsd[l * m.products.length + k]!;
        if (v > 0) world[rowMap[l]! * P + colMap[k]!]! += v * w;
      }
    }
  });
  // Flows into the pair's two countries in full detail (a small slice of the year), read as
  // indices into the world matrices' locations and products (the SQL joins the names to their
  // positions): a BACI year has ~100,000 of them, which as JS objects cost more than the query.
  // Every such flow is part of its exporter's world exports of the same years (self-trade and
  // WLD are left out of both), so every exporter and product has a position.
  const detail = await pairFlows(store, { exporter: a, importer: b }, options.source, years, (flowsSql) =>
    store.queryNumericColumns(
      `WITH w AS (SELECT unnest($3::INTEGER[]) AS year, unnest($4::DOUBLE[]) AS weight),
              l AS (SELECT unnest($8::VARCHAR[]) AS exporter, (generate_subscripts($8::VARCHAR[], 1) - 1)::INTEGER AS l),
              k AS (SELECT unnest($9::VARCHAR[]) AS product, (generate_subscripts($9::VARCHAR[], 1) - 1)::INTEGER AS k),
              d AS (SELECT exporter, importer, substr(product, 1, $2) AS product, sum(value_usd * w.weight) / $5 AS value_usd
                      FROM ${flowsSql} f JOIN w USING (year)
                     WHERE source = $1 AND importer IN ($6, $7) AND exporter <> importer AND exporter <> 'WLD' AND length(product) >= $2
                     GROUP BY ALL HAVING sum(value_usd) > 0)
         SELECT coalesce(l.l, -1)::INTEGER AS l, (d.importer = $7)::INTEGER AS j, coalesce(k.k, -1)::INTEGER AS k, d.value_usd AS v
           FROM d LEFT JOIN l USING (exporter) LEFT JOIN k USING (product)`,
      [
        options.source,
        options.level,
        JSON.stringify(years),
        JSON.stringify(weights),
        weightSum,
        a,
        b,
        JSON.stringify(locations),
        JSON.stringify(products),
      ],
      { l: 'int32', j: 'int32', k: 'int32', v: 'float64' },
    ),
  );
  const detailLocation = detail.l as Int32Array;
  const detailImporter = detail.j as Int32Array;
  const detailProduct = detail.k as Int32Array;
  const detailValueUsd = detail.v as Float64Array;
  if (detailLocation.some((l) => l < 0) || detailProduct.some((k) => k < 0)) {
    throw new StoreCorruptError(
      `flows into ${a} or ${b} (${options.source}, ${years.join(', ')}) are missing from the world exports of the same years: the store's summaries disagree with its flows`,
      { hint: `ingest the ${options.source} files of those years again` },
    );
  }
  const countries = [...new Set([...locations, a, b, restOfWorld])].sort();
  const countryIndex = new Map(countries.map((c, i) => [c, i]));
  const locationCountry = Int32Array.from(locations, (c) => countryIndex.get(c)!);
  const pairCountry = [countryIndex.get(a)!, countryIndex.get(b)!];
  // Everything else an exporter sold went to third markets: the ROW pseudo-importer.
  const rest = world.slice();
  for (let d = 0; d < detailValueUsd.length; d++)
    rest[detailLocation[d]! * P + detailProduct[d]!]! -= detailValueUsd[d]!;
  let restRows = 0;
  for (let cell = 0; cell < rest.length; cell++)
    if (rest[cell]! > world[cell]! * 1e-9 && rest[cell]! > 1e-6) restRows++;
  const n = detailValueUsd.length + restRows;
  const exporterIndex = new Int32Array(n);
  const importerIndex = new Int32Array(n);
  const productIndexArray = new Int32Array(n);
  const valueUsd = new Float64Array(n);
  let r = 0;
  for (let d = 0; d < detailValueUsd.length; d++) {
    exporterIndex[r] = locationCountry[detailLocation[d]!]!;
    importerIndex[r] = pairCountry[detailImporter[d]!]!;
    productIndexArray[r] = detailProduct[d]!;
    valueUsd[r++] = detailValueUsd[d]!;
  }
  const row = countryIndex.get(restOfWorld)!;
  for (let l = 0; l < locations.length; l++) {
    const exporter = countryIndex.get(locations[l]!)!;
    for (let k = 0; k < P; k++) {
      const v = rest[l * P + k]!;
      // Rounding can leave a hair above zero where all trade went to the pair: not a flow.
      if (v > world[l * P + k]! * 1e-9 && v > 1e-6) {
        exporterIndex[r] = exporter;
        importerIndex[r] = row;
        productIndexArray[r] = k;
        valueUsd[r++] = v;
      }
    }
  }
  return {
    year: options.year,
    years,
    weights,
    level: options.level,
    source: options.source,
    countries,
    products,
    exporterIndex,
    importerIndex,
    productIndex: productIndexArray,
    valueUsd,
  };
}

export interface SupplierYearRow {
  product: string;
  year: number;
  supplier: string;
  valueUsd: number;
  /** Quantity in tonnes over the rows that have one; null when none has. */
  qtyTonnes: number | null;
  /** Value of the rows that carry a quantity (the unit value's numerator). */
  valueWithQtyUsd: number;
}

/**
 * The importer's imports of the given products by supplier and year (for rivals and unit values).
 * `exporter` is the other country of the pair, whose report reads the pair's flows (pairFlows).
 * Memoised per store version: a report asks twice (rivals, machinery market), and again warm.
 */
export function suppliersByYear(
  store: TradeStore,
  options: { importer: string; exporter: string; products: string[]; level: HsLevel; years: number[]; source: string },
): Promise<SupplierYearRow[]> {
  return store.cached(`suppliersByYear|${JSON.stringify(options)}`, () => computeSuppliersByYear(store, options));
}

async function computeSuppliersByYear(
  store: TradeStore,
  options: { importer: string; exporter: string; products: string[]; level: HsLevel; years: number[]; source: string },
): Promise<SupplierYearRow[]> {
  const rows = await pairFlows(store, options, options.source, options.years, (flowsSql) =>
    store.query<{
      product: string;
      year: number;
      supplier: string;
      value_usd: number;
      qty_tonnes: number | null;
      value_with_qty_usd: number | null;
    }>(
      `SELECT substr(product, 1, $2) AS product, year, exporter AS supplier, sum(value_usd) AS value_usd,
              sum(qty_tonnes) AS qty_tonnes, sum(value_usd) FILTER (WHERE qty_tonnes IS NOT NULL AND qty_tonnes > 0) AS value_with_qty_usd
         FROM ${flowsSql}
        WHERE importer = $1 AND exporter NOT IN ($1, 'WLD') AND source = $5
          AND list_contains($3::VARCHAR[], substr(product, 1, $2)) AND list_contains($4::INTEGER[], year)
        GROUP BY ALL ORDER BY product, year, value_usd DESC`,
      [
        options.importer,
        options.level,
        JSON.stringify(options.products),
        JSON.stringify(options.years),
        options.source,
      ],
    ),
  );
  return rows.map((r) => ({
    product: r.product,
    year: r.year,
    supplier: r.supplier,
    valueUsd: r.value_usd,
    qtyTonnes: r.qty_tonnes,
    valueWithQtyUsd: r.value_with_qty_usd ?? 0,
  }));
}

export interface ExporterWorldRow {
  product: string;
  year: number;
  valueUsd: number;
  qtyTonnes: number | null;
  valueWithQtyUsd: number;
}

/** The exporter's exports to the world of the given products (for its unit value). */
export async function exporterWorldSales(
  store: TradeStore,
  options: { exporter: string; importer: string; products: string[]; level: HsLevel; years: number[]; source: string },
): Promise<ExporterWorldRow[]> {
  const worldExportsSql = await scopedTableSql(store, 'world_exports', options);
  const rows = await store.query<{
    product: string;
    year: number;
    value_usd: number;
    qty_tonnes: number | null;
    value_with_qty_usd: number | null;
  }>(
    `SELECT substr(product, 1, $2) AS product, year, sum(value_usd) AS value_usd, sum(qty_tonnes) AS qty_tonnes, sum(value_with_qty_usd) AS value_with_qty_usd
       FROM ${worldExportsSql}
      WHERE exporter = $1 AND source = $5
        AND list_contains($3::VARCHAR[], substr(product, 1, $2)) AND list_contains($4::INTEGER[], year)
      GROUP BY ALL`,
    [options.exporter, options.level, JSON.stringify(options.products), JSON.stringify(options.years), options.source],
  );
  return rows.map((r) => ({
    product: r.product,
    year: r.year,
    valueUsd: r.value_usd,
    qtyTonnes: r.qty_tonnes,
    valueWithQtyUsd: r.value_with_qty_usd ?? 0,
  }));
}

/** Years with flows of a source, newest first. */
export async function flowYears(store: TradeStore, source: string): Promise<number[]> {
  return (
    await store.query<{ year: number }>(`SELECT DISTINCT year FROM pair_totals WHERE source = $1 ORDER BY year DESC`, [
      source,
    ])
  ).map((r) => r.year);
}

/** One country's exports by product in the given years, from an exports table or from flows (`flows:<source>`). */
export async function exporterProductSeries(
  store: TradeStore,
  options: { exporter: string; importer?: string; level: HsLevel; source: string; years: number[] },
): Promise<Array<{ product: string; year: number; valueUsd: number }>> {
  const fromFlows = options.source.startsWith('flows:');
  const source = fromFlows ? options.source.slice('flows:'.length) : options.source;
  // A group as exporter sums its members' exports (less the importer, when the pair is known).
  const pair = { exporter: options.exporter, importer: options.importer ?? '' };
  const tableSql = await scopedTableSql(store, fromFlows ? 'world_exports' : 'exports', pair);
  const rows = await store.query<{ product: string; year: number; value_usd: number }>(
    fromFlows
      ? `SELECT substr(product, 1, $2) AS product, year, sum(value_usd) AS value_usd FROM ${tableSql}
          WHERE exporter = $1 AND source = $3 AND list_contains($4::INTEGER[], year) AND length(product) >= $2 GROUP BY ALL`
      : `SELECT substr(product, 1, $2) AS product, year, sum(value_usd) AS value_usd FROM ${tableSql}
          WHERE exporter = $1 AND source = $3 AND list_contains($4::INTEGER[], year) AND product_level >= $2 GROUP BY ALL`,
    [options.exporter, options.level, source, JSON.stringify(options.years)],
  );
  return rows.map((r) => ({ product: r.product, year: r.year, valueUsd: r.value_usd }));
}

/**
 * The importer's imports of each product in every year of one source (up to `toYear`), for the needs section's
 * series. As in importNeeds: a year in which the importer's rows name no supplier (its own report of imports from
 * the World) counts by those world totals; any other year by its suppliers, the WLD rows left out.
 */
export async function importerProductSeries(
  store: TradeStore,
  options: { importer: string; exporter: string; level: HsLevel; source: string; toYear: number },
): Promise<Array<{ product: string; year: number; valueUsd: number }>> {
  const scopedFlowsSql = await scopedTableSql(store, 'flows', options);
  const rows = await pairFlowsAllYears(store, options, scopedFlowsSql, options.source, options.toYear, (flowsSql) =>
    store.query<{ product: string; year: number; value_usd: number }>(
      `WITH rows AS (
       SELECT year, substr(product, 1, $2) AS product, exporter, value_usd FROM ${flowsSql}
        WHERE importer = $1 AND exporter <> $1 AND source = $3 AND year <= $4 AND length(product) >= $2
     ),
     world_only AS (SELECT year FROM rows GROUP BY year HAVING bool_and(exporter = 'WLD'))
     SELECT product, year, sum(value_usd) AS value_usd FROM rows
      WHERE exporter <> 'WLD' OR year IN (SELECT year FROM world_only)
      GROUP BY ALL`,
      [options.importer, options.level, options.source, options.toYear],
    ),
  );
  return rows.map((r) => ({ product: r.product, year: r.year, valueUsd: r.value_usd }));
}

/** HS sections (Roman numerals) of the given codes, from the nomenclature (by their chapter). */
export async function productSections(store: TradeStore, codes: string[]): Promise<Map<string, string>> {
  const rows = await store.query<{ code: string; section: string | null }>(
    `SELECT c.code, p.section FROM (SELECT unnest($1::VARCHAR[]) AS code) c LEFT JOIN products p ON p.code = substr(c.code, 1, 2) AND p.level = 2`,
    [JSON.stringify([...new Set(codes)])],
  );
  return new Map(rows.filter((r) => r.section !== null).map((r) => [r.code, r.section!]));
}

export interface PairProductYearRow {
  /** 'exports': exporter -> importer; 'imports': importer -> exporter. */
  direction: 'exports' | 'imports';
  product: string;
  year: number;
  /** Reconciled data (BACI): the flow as the source gives it. */
  reconciledUsd: number | null;
  /** The flow as the selling country reports it (Comtrade, WITS). */
  reportedBySellerUsd: number | null;
  /** The flow as the buying country reports it (its imports, usually CIF). */
  reportedByBuyerUsd: number | null;
  /** The buying country's imports of the product from all partners that year, where the store holds them. */
  buyerImportsUsd: number | null;
}

/**
 * The pair's flows by product and year, both directions, from one source, every year up to `toYear`: for the
 * trade basket. Reconciled rows (reporter null) and each side's own report are kept apart, so the caller can
 * show one figure and the mirror. The buyer's imports of each product from all partners come with them where
 * the store holds them: the buyer's own report (from the World, or by partner), or reconciled data of a year
 * with world coverage (>= worldFlowMinExporters exporters; a slice of two exporters does not say).
 * A group on either side reads its members' flows (groups.ts, both ways).
 */
export function pairProductSeries(
  store: TradeStore,
  options: { exporter: string; importer: string; level: HsLevel; source: string; toYear: number },
): Promise<PairProductYearRow[]> {
  return store.cached(`pairProductSeries|${JSON.stringify(options)}`, () => computePairProductSeries(store, options));
}

async function computePairProductSeries(
  store: TradeStore,
  options: { exporter: string; importer: string; level: HsLevel; source: string; toYear: number },
): Promise<PairProductYearRow[]> {
  const scopedFlowsSql = await scopedTableSql(store, 'flows', options, 'both-ways');
  const worldYears = (await flowBreadth(store))
    .filter((r) => r.source === options.source && r.exporters >= worldFlowMinExporters)
    .map((r) => r.year);
  const rows = await pairFlowsAllYears(store, options, scopedFlowsSql, options.source, options.toYear, (flowsSql) =>
    store.query<{
      direction: 'exports' | 'imports';
      product: string;
      year: number;
      reconciled_usd: number | null;
      by_seller_usd: number | null;
      by_buyer_usd: number | null;
      buyer_reconciled_usd: number | null;
      buyer_reported_usd: number | null;
      buyer_world_usd: number | null;
    }>(
      `WITH f AS (
       SELECT year, exporter, importer, reporter, substr(product, 1, $3) AS product, value_usd
         FROM ${flowsSql}
        WHERE source = $4 AND year <= $5 AND length(product) >= $3 AND importer IN ($1, $2)
     ),
     pair AS (
       SELECT CASE WHEN exporter = $1 THEN 'exports' ELSE 'imports' END AS direction, product, year,
              sum(value_usd) FILTER (WHERE reporter IS NULL) AS reconciled_usd,
              sum(value_usd) FILTER (WHERE reporter = exporter) AS by_seller_usd,
              sum(value_usd) FILTER (WHERE reporter = importer) AS by_buyer_usd
         FROM f
        WHERE (exporter = $1 AND importer = $2) OR (exporter = $2 AND importer = $1)
        GROUP BY ALL
     ),
     buyer AS (
       SELECT importer AS buyer, product, year,
              sum(value_usd) FILTER (WHERE exporter NOT IN ('WLD', importer) AND reporter IS NULL) AS reconciled_usd,
              sum(value_usd) FILTER (WHERE exporter NOT IN ('WLD', importer) AND reporter = importer) AS reported_usd,
              sum(value_usd) FILTER (WHERE exporter = 'WLD' AND reporter = importer) AS world_usd
         FROM f WHERE importer IN ($1, $2) AND year = $5
        GROUP BY ALL
     )
     SELECT p.direction, p.product, p.year, p.reconciled_usd, p.by_seller_usd, p.by_buyer_usd,
            CASE WHEN list_contains($6::INTEGER[], p.year) THEN b.reconciled_usd END AS buyer_reconciled_usd,
            b.reported_usd AS buyer_reported_usd, b.world_usd AS buyer_world_usd
       FROM pair p
       LEFT JOIN buyer b ON b.buyer = CASE WHEN p.direction = 'exports' THEN $2 ELSE $1 END
                        AND b.product = p.product AND b.year = p.year
      ORDER BY p.direction, p.product, p.year`,
      [options.exporter, options.importer, options.level, options.source, options.toYear, JSON.stringify(worldYears)],
    ),
  );
  return rows.map((r) => ({
    direction: r.direction,
    product: r.product,
    year: r.year,
    reconciledUsd: r.reconciled_usd,
    reportedBySellerUsd: r.by_seller_usd,
    reportedByBuyerUsd: r.by_buyer_usd,
    // The buyer's own total from the World first, then its report by partner, then reconciled world data.
    buyerImportsUsd: r.buyer_world_usd ?? r.buyer_reported_usd ?? r.buyer_reconciled_usd,
  }));
}
