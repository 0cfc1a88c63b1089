/**
 * The two summaries of a flow dataset, written at ingest beside its flows (docs/store.md), and
 * computed on the fly from the flows of datasets written before they existed. One definition
 * serves both, so the files and the fallback cannot drift apart.
 *
 * - pair totals: flows summed by year and pair (exporter, importer, reporter); coverage,
 *   turnover and the breadth of a year read them;
 * - world exports: each exporter's sales to the world, the flows summed over partners by year,
 *   exporter and product, with self-trade and the WLD partner (a Comtrade reporter's total) left
 *   out; the world export matrices and world unit values read them.
 */

/** Pair totals of the flows read by `fromSql` (a table function or a view). */
export function pairTotalsSql(fromSql: string): string {
  return `SELECT year, exporter, importer, reporter, count(*)::BIGINT AS flow_count, sum(value_usd) AS value_usd, dataset_id, source
            FROM ${fromSql} GROUP BY ALL`;
}

/** The flows world exports sum: not self-trade, not a Comtrade reporter's total with the world. */
export const worldPartnerSql = `importer <> exporter AND importer <> 'WLD'`;

/**
 * World exports of the flows read by `fromSql`. `extraAggregatesSql` (", agg AS name, ...") adds
 * aggregates over the same groups: the ingest's duplicate-key check rides on this pass (ingest.ts).
 */
export function worldExportsSql(fromSql: string, extraAggregatesSql = ''): string {
  return `SELECT year, exporter, product, count(*)::BIGINT AS flow_count, sum(value_usd) AS value_usd, sum(qty_tonnes) AS qty_tonnes,
                 sum(value_usd) FILTER (WHERE qty_tonnes > 0) AS value_with_qty_usd, dataset_id, source${extraAggregatesSql}
            FROM ${fromSql} WHERE ${worldPartnerSql} GROUP BY ALL`;
}

export const pairTotalsColumnsSql = 'year, exporter, importer, reporter, flow_count, value_usd, dataset_id, source';
export const worldExportsColumnsSql =
  'year, exporter, product, flow_count, value_usd, qty_tonnes, value_with_qty_usd, dataset_id, source';

/** The empty views of a store without flows, with the summaries' column types. */
export const emptyPairTotalsSql = `SELECT NULL::INTEGER AS year, NULL::VARCHAR AS exporter, NULL::VARCHAR AS importer, NULL::VARCHAR AS reporter, NULL::BIGINT AS flow_count,
       NULL::DOUBLE AS value_usd, NULL::VARCHAR AS dataset_id, NULL::VARCHAR AS source WHERE false`;
export const emptyWorldExportsSql = `SELECT NULL::INTEGER AS year, NULL::VARCHAR AS exporter, NULL::VARCHAR AS product, NULL::BIGINT AS flow_count, NULL::DOUBLE AS value_usd,
       NULL::DOUBLE AS qty_tonnes, NULL::DOUBLE AS value_with_qty_usd, NULL::VARCHAR AS dataset_id, NULL::VARCHAR AS source WHERE false`;
