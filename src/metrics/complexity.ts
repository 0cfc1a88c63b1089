/**
 * Everything `ecomplexity` computes, for one year: RCA (or RPOP), M, diversity, ubiquity,
 * proximity, density, ECI, PCI, COI and COG. Years are independent; a multi-year driver
 * (src/analysis/complexity.ts) calls this once per year.
 *
 * Input is one rectangular year (locations × products, missing pairs 0). Presence tests:
 * - `rca` (default): M = RCA > threshold;
 * - `rpop`: M = RPOP > threshold; locations whose population is missing (NaN) or not > 0 are
 *   dropped first (their rows are not in the result; `droppedLocations` lists them);
 * - `manual`: M is `input.presence` as given (0/1); RCA is still computed from the values.
 * Proximity: discrete symmetric (default), `asymmetric`, or `continuous` (Pearson on RCA/RPOP,
 * and then density weighs by RCA/RPOP instead of M).
 * With `knn` (discrete proximities), density and so COI use each product's k nearest products
 * only (density-knn.ts); COG keeps the whole proximity, as Stata's does.
 *
 * Locations with diversity 0 and products with ubiquity 0 get NaN ECI/PCI/COI/COG (empty cells)
 * and a warning listing them; every other value is still computed (Stata leaves the whole year
 * empty instead).
 * Source: docs/complexity.md; docs/methods/complexity.md.
 */
import { MetricInputError } from '../errors.ts';
import { resolveComplexity, type ComplexityOptions } from './complexity-options.ts';
import { _cog, _cogFromSums, _cogWeights, cogDiscrete } from './cog.ts';
import { coi } from './coi.ts';
import { _columnSumsFromTotals, _density, _densityDiscrete, _densityFromSums, columnSums } from './density.ts';
import { _knnDensityInPlace, checkNeighbours } from './density-knn.ts';
import { _proximitySums, _proximityTotals } from './proximity-sums.ts';
import { diversity } from './diversity.ts';
import { _complexityVectors, standardise } from './eci.ts';
import { checkBinary, checkCount, checkNonNegative, checkShape } from './matrix.ts';
import { mcp } from './mcp.ts';
import { continuousProximity, proximity } from './proximity.ts';
import { _rca } from './rca.ts';
import { rpop } from './rpop.ts';
import { ubiquity } from './ubiquity.ts';

export { complexityDefaults, presenceTests, resolveComplexity } from './complexity-options.ts';
export type { ComplexityOptions, PresenceTest, ResolvedComplexityOptions } from './complexity-options.ts';

/** One rectangular year. */
export interface ComplexityYearInput {
  locations: number;
  products: number;
  /** Exports, locations × products, row-major, finite and >= 0; missing pairs 0. */
  valuesUsd: Float64Array;
  /** Population per location, for `rpop`; NaN (or <= 0) = unknown, and the location is dropped. */
  population?: Float64Array;
  /** M for `manual`, locations × products, 0/1. */
  presence?: Uint8Array;
  /**
   * 1 for the locations that take part (a country filter such as the Atlas's, metrics/country-filter.ts), 0 for
   * those dropped before anything is computed, as `rpop` drops locations without population. @default all
   */
  locationsKept?: Uint8Array;
  /** Named in messages and warnings ("year 2017"). */
  label?: string;
}

/** All measures of one year. Matrices are rows × products with rows = `locationIndex.length`. */
export interface ComplexityYearResult {
  /** Input location of each result row (all of them, except locations dropped by `rpop` or `locationsKept`). */
  locationIndex: Int32Array;
  rows: number;
  products: number;
  /** `rca` or `rpop`: which advantage `advantage` holds. */
  advantageKind: 'rca' | 'rpop';
  /** RCA, or RPOP with `presence: 'rpop'`. */
  advantage: Float64Array;
  mcp: Uint8Array;
  diversity: Int32Array;
  ubiquity: Int32Array;
  /** NaN where the proximity column sums to 0. */
  density: Float64Array;
  /** Per row; NaN where diversity is 0. */
  eci: Float64Array;
  /** Per product; NaN where ubiquity is 0. */
  pci: Float64Array;
  /** Per row; NaN where diversity is 0. */
  coi: Float64Array;
  /** 0 where M = 1; NaN where diversity or ubiquity is 0. */
  cog: Float64Array;
  /** Raw eigenvector values and scale (for product-space and checks). */
  kc: Float64Array;
  kp: Float64Array;
  mean: number;
  sd: number;
  eigenvalue: number;
  /** Input locations dropped for lack of population (`rpop`). */
  droppedLocations: Int32Array;
  /** Result rows with diversity 0 / products with ubiquity 0. */
  zeroDiversityRows: Int32Array;
  zeroUbiquityProducts: Int32Array;
  /** Human-readable warnings (dropped locations, zero diversity/ubiquity, a disconnected network). */
  warnings: string[];
}

/**
 * Computes all measures of one year.
 * @throws MetricInputError for unusable input: wrong shapes, negative or non-finite values, a
 *   year with fewer than 2 locations or products, an all-zero year, no presence at all.
 */
export function complexity(input: ComplexityYearInput, options: ComplexityOptions = {}): ComplexityYearResult {
  const o = resolveComplexity(options);
  const label = input.label ?? 'this year';
  const { locations, products, valuesUsd } = input;
  checkCount('complexity', 'locations', locations);
  checkCount('complexity', 'products', products);
  checkShape('complexity', 'valuesUsd', valuesUsd, locations, products);
  checkNonNegative('complexity', 'valuesUsd', valuesUsd, products);

  // Rows kept: all, or those the caller keeps (locationsKept), and of those the ones with a population (rpop).
  if (input.locationsKept !== undefined) {
    checkShape('complexity', 'locationsKept', input.locationsKept, locations, 1);
    checkBinary('complexity', 'locationsKept', input.locationsKept, 1);
  }
  if (o.presence === 'rpop') {
    if (input.population === undefined)
      throw new MetricInputError(`${label}: the rpop presence test needs a population per location`);
    checkShape('complexity', 'population', input.population, locations, 1);
  }
  const keep: number[] = [];
  const lost: number[] = [];
  for (let c = 0; c < locations; c++) {
    if (input.locationsKept !== undefined && input.locationsKept[c] === 0) continue;
    const pop = o.presence === 'rpop' ? input.population![c]! : 1;
    (pop > 0 && pop !== Infinity ? keep : lost).push(c);
  }
  const locationIndex = Int32Array.from(keep);
  const dropped = Int32Array.from(lost);
  const rows = locationIndex.length;
  const values = rows === locations ? valuesUsd : gatherRows(valuesUsd, locationIndex, products);
  let presenceGiven: Uint8Array | undefined;
  if (o.presence === 'manual') {
    if (input.presence === undefined)
      throw new MetricInputError(`${label}: the manual presence test needs a presence matrix`);
    checkShape('complexity', 'presence', input.presence, locations, products);
    checkBinary('complexity', 'presence', input.presence, products);
    presenceGiven = input.presence;
  }
  if (rows < 2) {
    throw new MetricInputError(`${label}: complexity needs at least 2 locations, got ${rows}`, {
      hint: o.presence === 'rpop' ? 'check that the population file covers the locations of this year' : undefined,
    });
  }
  if (products < 2) throw new MetricInputError(`${label}: complexity needs at least 2 products, got ${products}`);
  if (o.knn !== null) checkNeighbours(o.knn, products, ` (${label} has ${products} products)`);
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i]!;
  if (total === 0 && o.presence !== 'manual') throw new MetricInputError(`${label}: all values are zero`);

  const rcaValues = _rca(values, rows, products);
  const advantage =
    o.presence === 'rpop' ? rpop(values, rows, products, gatherRows(input.population!, locationIndex, 1)) : rcaValues;
  const m = presenceGiven ?? mcp(advantage, rows, products, o.rcaThreshold);
  const div = diversity(m, rows, products);
  const ubi = ubiquity(m, rows, products);

  const warnings: string[] = [];
  if (dropped.length > 0) warnings.push(`${label}: ${dropped.length} location(s) without population dropped (rpop)`);
  const zeroDiversityRows: number[] = [];
  for (let r = 0; r < rows; r++) if (div[r] === 0) zeroDiversityRows.push(r);
  const zeroUbiquityProducts: number[] = [];
  for (let p = 0; p < products; p++) if (ubi[p] === 0) zeroUbiquityProducts.push(p);
  if (zeroDiversityRows.length > 0) {
    warnings.push(`${label}: ${zeroDiversityRows.length} location(s) with diversity 0 get empty ECI/COI/COG`);
  }
  if (zeroUbiquityProducts.length > 0) {
    warnings.push(`${label}: ${zeroUbiquityProducts.length} product(s) with ubiquity 0 get empty PCI/COG`);
  }

  const vectors = _complexityVectors(m, rows, products, div, ubi);
  if (vectors.eigenvalue > 1 - 1e-9) {
    warnings.push(
      `${label}: the second eigenvalue is 1 (the location-product network is disconnected), so ECI/PCI are not unique`,
    );
  }

  let densityValues: Float64Array;
  let cogValues: Float64Array;
  if (o.continuous) {
    // Continuous proximity is dense: form φ (P × P) and use the dense products.
    const phi = continuousProximity(advantage, rows, products);
    const phiSums = columnSums(phi, products);
    densityValues = _density(advantage, rows, products, phi, phiSums);
    cogValues = _cog(m, rows, products, phi, phiSums, vectors.kp, vectors.sd, div, phi);
  } else if (o.asymmetric) {
    // Discrete proximity is never formed (proximity-sums.ts): O(C · nnz(M)) per year. Density
    // and COG read the asymmetric φ with different weightings, so they run one after the other.
    const d = _densityDiscrete(m, rows, products, ubi, true);
    densityValues = d.density;
    cogValues = cogDiscrete(m, rows, products, vectors.kp, vectors.sd, div, ubi, d.proximityColumnSums, {
      asymmetric: true,
    });
  } else {
    // Symmetric: the column sums first (cheap, diagonal only), then density's and COG's sums in
    // one sweep.
    const columnSumsOfPhi = _columnSumsFromTotals(_proximityTotals(m, rows, products, ubi, 'max'), ubi);
    const a = _cogWeights(vectors.kp, vectors.sd, columnSumsOfPhi);
    const [forDensity, forCog] = _proximitySums(m, rows, products, ubi, [new Float64Array(products).fill(1), a], 'max');
    densityValues = _densityFromSums(forDensity!.perLocation, columnSumsOfPhi, m, rows, products);
    cogValues = _cogFromSums(forCog!.perLocation, forCog!.total, a, m, rows, products, vectors.kp, div);
  }
  if (o.knn !== null) {
    // Discrete proximities only (resolveComplexity refuses knn with continuous). The k nearest
    // neighbours need φ itself (P × P), which the discrete paths above never form.
    const phi = proximity(m, rows, products, { asymmetric: o.asymmetric });
    densityValues = _knnDensityInPlace(m, rows, products, phi, o.knn);
  }
  const coiValues = coi(densityValues, m, rows, products, vectors.kp, vectors.sd, div);

  return {
    locationIndex,
    rows,
    products,
    advantageKind: o.presence === 'rpop' ? 'rpop' : 'rca',
    advantage,
    mcp: m,
    diversity: div,
    ubiquity: ubi,
    density: densityValues,
    eci: standardise(vectors.kc, vectors.mean, vectors.sd),
    pci: standardise(vectors.kp, vectors.mean, vectors.sd),
    coi: coiValues,
    cog: cogValues,
    kc: vectors.kc,
    kp: vectors.kp,
    mean: vectors.mean,
    sd: vectors.sd,
    eigenvalue: vectors.eigenvalue,
    droppedLocations: dropped,
    zeroDiversityRows: Int32Array.from(zeroDiversityRows),
    zeroUbiquityProducts: Int32Array.from(zeroUbiquityProducts),
    warnings,
  };
}

function gatherRows<T extends Float64Array | Uint8Array>(matrix: T, rowIndex: Int32Array, cols: number): T {
  const out = new (matrix.constructor as new (n: number) => T)(rowIndex.length * cols);
  for (let r = 0; r < rowIndex.length; r++) {
    const from = rowIndex[r]! * cols;
    out.set(matrix.subarray(from, from + cols) as never, r * cols);
  }
  return out;
}
