/**
 * Economic complexity of one year of world exports (all countries by product), computed once
 * per store version and reused by the supply, joint-production and product-space views.
 * Measures: src/metrics/complexity.ts (Stata ecomplexity definitions).
 */
import { exportMatrix, exportMatrixYears, type ExportMatrix, type HsLevel, type TradeStore } from '../data/index.ts';
import { complexity, mcp, rca, type ComplexityYearResult } from '../metrics/index.ts';
import { worldCoverageMinExporters } from './coverage.ts';

export interface Capabilities {
  matrix: ExportMatrix;
  result: ComplexityYearResult;
  locationIndex: Map<string, number>;
  productIndex: Map<string, number>;
  /** World exports of each product (USD), the column sums. */
  worldExportsUsd: Float64Array;
  /** Each location's total exports (USD), the row sums. */
  locationExportsUsd: Float64Array;
}

/** The newest year (at most `year`, if given) with world export coverage at `level` or finer. */
export async function capabilitiesSource(
  store: TradeStore,
  level: HsLevel,
  year?: number,
): Promise<{ year: number; source: string } | null> {
  const years = await exportMatrixYears(store, worldCoverageMinExporters);
  const usable = years.filter((y) => (year === undefined || y.year <= year) && y.levels.some((l) => l >= level));
  // Prefer exact year, then exports tables over flows for the same year.
  const exact = year === undefined ? undefined : usable.find((y) => y.year === year);
  const pick = exact ?? usable[0];
  return pick ? { year: pick.year, source: pick.source } : null;
}

export function capabilities(
  store: TradeStore,
  options: { year: number; level: HsLevel; source: string },
): Promise<Capabilities> {
  return store.cached(`capabilities|${options.year}|${options.level}|${options.source}`, () =>
    computeCapabilities(store, options),
  );
}

async function computeCapabilities(
  store: TradeStore,
  options: { year: number; level: HsLevel; source: string },
): Promise<Capabilities> {
  const matrix = await exportMatrix(store, options);
  const result = complexity({
    locations: matrix.locations.length,
    products: matrix.products.length,
    valuesUsd: matrix.valuesUsd,
    label: `year ${options.year}`,
  });
  const P = matrix.products.length;
  const L = matrix.locations.length;
  const worldExportsUsd = new Float64Array(P);
  const locationExportsUsd = new Float64Array(L);
  for (let l = 0; l < L; l++) {
    for (let p = 0; p < P; p++) {
      const v = matrix.valuesUsd[l * P + p]!;
      worldExportsUsd[p]! += v;
      locationExportsUsd[l]! += v;
    }
  }
  return {
    matrix,
    result,
    locationIndex: new Map(matrix.locations.map((c, i) => [c, i])),
    productIndex: new Map(matrix.products.map((p, i) => [p, i])),
    worldExportsUsd,
    locationExportsUsd,
  };
}

export interface Advantage {
  matrix: ExportMatrix;
  locationIndex: Map<string, number>;
  productIndex: Map<string, number>;
  /** RCA (Balassa), locations x products. */
  rca: Float64Array;
  /** 1 where RCA > 1. */
  mcp: Uint8Array;
}

/**
 * RCA and M only, without proximity and eigenvectors: what surplus placement needs, at a
 * fraction of the cost of the full complexity run at HS6 (5,000 products).
 */
export function advantage(
  store: TradeStore,
  options: { year: number; level: HsLevel; source: string },
): Promise<Advantage> {
  return store.cached(`advantage|${options.year}|${options.level}|${options.source}`, async () => {
    const matrix = await exportMatrix(store, options);
    const L = matrix.locations.length;
    const P = matrix.products.length;
    const r = rca(matrix.valuesUsd, L, P);
    return {
      matrix,
      locationIndex: new Map(matrix.locations.map((c, i) => [c, i])),
      productIndex: new Map(matrix.products.map((p, i) => [p, i])),
      rca: r,
      mcp: mcp(r, L, P),
    };
  });
}

/** Row of a location in the result matrices (locations dropped by the method have none). */
export function resultRow(caps: Capabilities, iso3: string): number | undefined {
  const location = caps.locationIndex.get(iso3);
  if (location === undefined) return undefined;
  const row = caps.result.locationIndex.indexOf(location);
  return row < 0 ? undefined : row;
}
