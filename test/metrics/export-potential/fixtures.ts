/** Shared inputs for the export-potential tests: the method note's worked example and random flows. */
import fc from 'fast-check';
import type { TradeDimensions, TradeFlows } from '../../../src/metrics/index.ts';

export const USD_M = 1e6;

/** Method note §5: bilateral exports in USD m, [exporter, importer, (p1, p2, p3)]; A = 0, B = 1, C = 2. */
export const workedExampleTable: readonly (readonly [number, number, readonly number[]])[] = [
  [0, 1, [50, 10, 0]],
  [0, 2, [30, 0, 20]],
  [1, 0, [5, 40, 10]],
  [1, 2, [10, 60, 5]],
  [2, 0, [20, 5, 30]],
  [2, 1, [0, 15, 40]],
];

export const workedExampleDims: TradeDimensions = { countryCount: 3, productCount: 3 };

/** The worked example as sparse flows in USD (zero cells omitted, as in BACI). */
export function workedExampleFlows(): TradeFlows {
  const rows: [number, number, number, number][] = [];
  for (const [i, j, values] of workedExampleTable) values.forEach((x, k) => x > 0 && rows.push([i, j, k, x * USD_M]));
  return flowsOf(rows);
}

export function flowsOf(rows: readonly (readonly [number, number, number, number])[]): TradeFlows {
  return {
    exporterIndex: Int32Array.from(rows, (r) => r[0]),
    importerIndex: Int32Array.from(rows, (r) => r[1]),
    productIndex: Int32Array.from(rows, (r) => r[2]),
    valueUsd: Float64Array.from(rows, (r) => r[3]),
  };
}

export interface RandomTrade {
  dims: TradeDimensions;
  flows: TradeFlows;
}

/** Random sparse trade: 2–6 countries, 1–6 products, unique (i, j, k) keys, i ≠ j, values USD 1k–1bn. */
export const randomTrade: fc.Arbitrary<RandomTrade> = fc
  .record({ countryCount: fc.integer({ min: 2, max: 6 }), productCount: fc.integer({ min: 1, max: 6 }) })
  .chain((dims) =>
    fc
      .uniqueArray(
        fc.tuple(
          fc.integer({ min: 0, max: dims.countryCount - 1 }),
          fc.integer({ min: 0, max: dims.countryCount - 2 }),
          fc.integer({ min: 0, max: dims.productCount - 1 }),
          fc.integer({ min: 1, max: 1_000_000 }),
        ),
        // importer drawn from the other countries, so exporter != importer
        { selector: ([i, jj, k]) => `${i}/${jj}/${k}`, minLength: 1, maxLength: 60 },
      )
      .map((raw) => ({
        dims,
        flows: flowsOf(raw.map(([i, jj, k, v]) => [i, jj >= i ? jj + 1 : jj, k, v * 1000] as const)),
      })),
  );

/** A value for every country (length countryCount), from an arbitrary. */
export function perCountry(dims: TradeDimensions, value: fc.Arbitrary<number>): fc.Arbitrary<Float64Array> {
  return fc
    .array(value, { minLength: dims.countryCount, maxLength: dims.countryCount })
    .map((a) => Float64Array.from(a));
}
