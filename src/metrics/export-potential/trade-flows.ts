/**
 * The sparse bilateral trade table every export-potential function reads: one row per
 * (exporter, importer, product) with its value in USD. Exporters and importers share ONE country
 * index space (0..countryCount-1): the (F3) normalisation skips the market itself as a supplier and
 * the net-importer penalty needs i's imports, so "country 7 as exporter" and "country 7 as importer"
 * must be the same index.
 */
import { MetricInputError } from '../../errors.ts';

/** A sparse list of flows, column-wise. All four arrays have the same length. */
export interface TradeFlows {
  /** Country index of the exporter i, 0..countryCount-1. */
  exporterIndex: Int32Array;
  /** Country index of the importer (market) j, 0..countryCount-1. */
  importerIndex: Int32Array;
  /** Product index k (e.g. position of the HS6 code in the caller's product list), 0..productCount-1. */
  productIndex: Int32Array;
  /** Trade value in USD (not thousands), finite and >= 0. */
  valueUsd: Float64Array;
}

/** Sizes of the index spaces the flows refer to. */
export interface TradeDimensions {
  /** Number of countries (exporters and importers share this index space). */
  countryCount: number;
  /** Number of products. */
  productCount: number;
}

/** Number of rows of a flow list. */
export function flowCount(flows: TradeFlows): number {
  return flows.valueUsd.length;
}

/**
 * Checks dimensions, array lengths, index ranges and values (finite, >= 0). O(flows).
 * @throws MetricInputError naming the first offending row.
 */
export function validateTradeFlows(flows: TradeFlows, dims: TradeDimensions, label = 'flows'): void {
  validateDimensions(dims);
  const n = flows.valueUsd.length;
  if (flows.exporterIndex.length !== n || flows.importerIndex.length !== n || flows.productIndex.length !== n) {
    throw new MetricInputError(
      `${label}: column lengths differ (exporterIndex ${flows.exporterIndex.length}, importerIndex ${flows.importerIndex.length}, productIndex ${flows.productIndex.length}, valueUsd ${n})`,
    );
  }
  const { countryCount: c, productCount: k } = dims;
  const ex = flows.exporterIndex;
  const im = flows.importerIndex;
  const pr = flows.productIndex;
  const v = flows.valueUsd;
  for (let r = 0; r < n; r++) {
    const i = ex[r]!;
    const j = im[r]!;
    const p = pr[r]!;
    const x = v[r]!;
    // One combined test keeps the hot loop cheap; the slow path says what is wrong.
    if (!(i >= 0 && i < c && j >= 0 && j < c && p >= 0 && p < k && x >= 0 && x < Infinity)) {
      let what: string;
      if (!(i >= 0 && i < c)) what = `exporterIndex ${i} outside 0..${c - 1}`;
      else if (!(j >= 0 && j < c)) what = `importerIndex ${j} outside 0..${c - 1}`;
      else if (!(p >= 0 && p < k)) what = `productIndex ${p} outside 0..${k - 1}`;
      else what = `valueUsd ${x} is not a finite number >= 0`;
      throw new MetricInputError(`${label}: row ${r}: ${what}`, { value: String(x) });
    }
  }
}

/** @throws MetricInputError unless both counts are positive integers. */
export function validateDimensions(dims: TradeDimensions): void {
  for (const name of ['countryCount', 'productCount'] as const) {
    const x = dims[name];
    if (!Number.isInteger(x) || x <= 0) throw new MetricInputError(`invalid ${name}: ${x}`, { value: String(x) });
  }
  if (dims.countryCount * dims.countryCount > 2 ** 31 - 1) {
    throw new MetricInputError(`invalid countryCount: ${dims.countryCount} (countryCount² must fit in int32)`);
  }
}
