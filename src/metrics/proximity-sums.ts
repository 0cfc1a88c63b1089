/**
 * Products with the discrete proximity without forming it (the kernel behind densityDiscrete()
 * and cogDiscrete()). For the presence matrix M (C locations × P products), C = MᵀM, ubiquity
 * k = diag(C) and weights a[q] per product, it returns for every location c and product p
 *
 *   R[c,p] = Σ_q M[c,q] · a[q] · C[q,p] · w(q,p)        and        S[p] = Σ_q a[q] · C[q,p] · w(q,p)
 *
 * (q = p included) for one of three weightings w:
 *   'max':  1 / max(k_q, k_p)   (symmetric proximity)
 *   'row':  1 / k_p             (asymmetric proximity, as density reads it)
 *   'col':  1 / k_q             (asymmetric proximity, as COG reads it)
 *
 * Why: C[q,p] = Σ_c' M[c',q] M[c',p], so R[c,p] = Σ_{c' ∈ locs(p)} G[c,c'] with
 * G[c,c'] = Σ_q M[c,q] M[c',q] a[q] w(q,p). For 'max', w depends on p only through k_p, so with
 * products grouped by ubiquity, G = Hi + Lo / k_p where Hi sums a[q]/k_q over products with
 * k_q >= k_p and Lo sums a[q] over products with k_q < k_p; both are C × C matrices built
 * incrementally (a descending and an ascending pass over ubiquity levels, each only adding, so
 * no cancellation). The cost per year is O(Σ_q k_q² + C · nnz(M)) instead of O(nnz(M) · P) for
 * M·φ with a dense φ, and no P × P matrix is held: at HS6 (P ≈ 5,200) that is ~15× less work
 * and 216 MB less memory. S[p] is the same sum with G's diagonal. Several weight vectors can be
 * run in one sweep (they share the loop and index work).
 * Source: docs/complexity.md §5, §8.
 */
import { sparseColumns, type SparseColumns } from './matrix.ts';

export type ProximityWeighting = 'max' | 'row' | 'col';

export interface ProximitySums {
  /** R, locations × products. */
  perLocation: Float64Array;
  /** S, one per product. */
  total: Float64Array;
}

/** Products grouped by ubiquity level 0..L: level k's products are byLevel[start[k] .. start[k+1]). */
interface Levels {
  start: Int32Array;
  byLevel: Int32Array;
}

function levels(ubiquityCounts: Int32Array, locations: number, products: number): Levels {
  const start = new Int32Array(locations + 2);
  for (let p = 0; p < products; p++) start[ubiquityCounts[p]! + 1]!++;
  for (let k = 0; k <= locations; k++) start[k + 1]! += start[k]!;
  const fill = start.slice(0, locations + 1);
  const byLevel = new Int32Array(products);
  for (let p = 0; p < products; p++) byLevel[fill[ubiquityCounts[p]!]!++] = p;
  return { start, byLevel };
}

/** The passes of a weighting: over levels descending building Hi, or ascending building Lo. */
function passesOf(weighting: ProximityWeighting): { hi: boolean }[] {
  return weighting === 'max' ? [{ hi: true }, { hi: false }] : weighting === 'col' ? [{ hi: true }] : [{ hi: false }];
}

/**
 * S[p] for the weights a = 1 only: Σ_q C[q,p] w(q,p). Only G's diagonal is needed, so this is
 * O(nnz(M)) per pass (a location's diagonal entry counts its own products).
 */
export function _proximityTotals(
  m: Uint8Array,
  locations: number,
  products: number,
  ubiquityCounts: Int32Array,
  weighting: ProximityWeighting,
): Float64Array {
  const byProduct = sparseColumns(m, locations, products);
  const { start, byLevel } = levels(ubiquityCounts, locations, products);
  const total = new Float64Array(products);
  const diagonal = new Float64Array(locations);
  const all = weighting !== 'max';
  for (const pass of passesOf(weighting)) {
    diagonal.fill(0);
    if (all) {
      for (let q = 0; q < products; q++) {
        const k = ubiquityCounts[q]!;
        if (k === 0) continue;
        const value = pass.hi ? 1 / k : 1;
        for (let i = byProduct.start[q]!; i < byProduct.start[q + 1]!; i++) diagonal[byProduct.rows[i]!]! += value;
      }
    }
    for (let step = 1; step <= locations; step++) {
      const k = pass.hi ? locations + 1 - step : step;
      if (start[k] === start[k + 1]) continue;
      const scale = pass.hi ? 1 : 1 / k;
      const add = () => {
        const value = pass.hi ? 1 / k : 1;
        for (let t = start[k]!; t < start[k + 1]!; t++) {
          const q = byLevel[t]!;
          for (let i = byProduct.start[q]!; i < byProduct.start[q + 1]!; i++) diagonal[byProduct.rows[i]!]! += value;
        }
      };
      if (!all && pass.hi) add();
      for (let t = start[k]!; t < start[k + 1]!; t++) {
        const p = byLevel[t]!;
        let s = 0;
        for (let i = byProduct.start[p]!; i < byProduct.start[p + 1]!; i++) s += diagonal[byProduct.rows[i]!]!;
        total[p]! += scale * s;
      }
      if (!all && !pass.hi) add();
    }
  }
  return total;
}

/** g[c,c'] += value for every pair of locations present in product q. */
function addPairs(g: Float64Array, L: number, columns: SparseColumns, q: number, value: number): void {
  const from = columns.start[q]!;
  const to = columns.start[q + 1]!;
  for (let i = from; i < to; i++) {
    const row = columns.rows[i]! * L;
    for (let j = from; j < to; j++) g[row + columns.rows[j]!]! += value;
  }
}

// The hot loops are small top-level functions: V8 optimises them far better than the same loops
// inlined in _proximitySums (measured: ~4× on an HS4 year).

/** column = Σ_{c' ∈ rows[from..to)} g[c',·]. */
function collectOne(
  g: Float64Array,
  column: Float64Array,
  rows: Int32Array,
  from: number,
  to: number,
  L: number,
): void {
  column.fill(0);
  for (let i = from; i < to; i++) {
    const row = rows[i]! * L;
    for (let c = 0; c < L; c++) column[c]! += g[row + c]!;
  }
}

/** Both columns at once (density and COG share the sweep). */
function collectTwo(
  g0: Float64Array,
  g1: Float64Array,
  column0: Float64Array,
  column1: Float64Array,
  rows: Int32Array,
  from: number,
  to: number,
  L: number,
): void {
  column0.fill(0);
  column1.fill(0);
  for (let i = from; i < to; i++) {
    const row = rows[i]! * L;
    for (let c = 0; c < L; c++) {
      column0[c]! += g0[row + c]!;
      column1[c]! += g1[row + c]!;
    }
  }
}

/** perLocation[·,p] += scale · column; total[p] += scale · Σ_{c' ∈ locs(p)} g[c',c']. */
function scatterColumn(
  out: ProximitySums,
  column: Float64Array,
  rows: Int32Array,
  from: number,
  to: number,
  g: Float64Array,
  p: number,
  L: number,
  scale: number,
): void {
  // Accumulated product-major (P × L, contiguous here); transposed to locations × products at the end.
  const perLocation = out.perLocation;
  const base = p * L;
  for (let c = 0; c < L; c++) perLocation[base + c]! += scale * column[c]!;
  let diagonal = 0;
  for (let i = from; i < to; i++) {
    const c2 = rows[i]!;
    diagonal += g[c2 * L + c2]!;
  }
  out.total[p]! += scale * diagonal;
}

/**
 * R and S for each weight vector (one sweep for all of them).
 * @param m presence, locations × products, 0/1 (not checked here)
 * @param ubiquityCounts k_p per product
 * @param weights one or more vectors a[q] (a 0 skips the product)
 */
export function _proximitySums(
  m: Uint8Array,
  locations: number,
  products: number,
  ubiquityCounts: Int32Array,
  weights: readonly Float64Array[],
  weighting: ProximityWeighting,
): ProximitySums[] {
  const L = locations;
  const byProduct = sparseColumns(m, locations, products);
  const { start, byLevel } = levels(ubiquityCounts, locations, products);
  const n = weights.length;
  const out = weights.map(() => ({
    perLocation: new Float64Array(locations * products),
    total: new Float64Array(products),
  }));
  const g = weights.map(() => new Float64Array(L * L));
  const column = weights.map(() => new Float64Array(L));
  const colStart = byProduct.start;
  const colRows = byProduct.rows;
  const all = weighting !== 'max'; // 'row' / 'col': every product counts, whatever its level
  for (const pass of passesOf(weighting)) {
    for (const gw of g) gw.fill(0);
    const add = (q: number, k: number) => {
      for (let w = 0; w < n; w++) {
        const a = weights[w]![q]!;
        if (a !== 0) addPairs(g[w]!, L, byProduct, q, pass.hi ? a / k : a);
      }
    };
    if (all) for (let q = 0; q < products; q++) if (ubiquityCounts[q]! > 0) add(q, ubiquityCounts[q]!);
    for (let step = 1; step <= L; step++) {
      // 'max': Hi (descending) includes the level itself, Lo (ascending) only lower levels.
      const k = pass.hi ? L + 1 - step : step;
      const levelFrom = start[k]!;
      const levelTo = start[k + 1]!;
      if (levelFrom === levelTo) continue;
      if (!all && pass.hi) for (let t = levelFrom; t < levelTo; t++) add(byLevel[t]!, k);
      const scale = pass.hi ? 1 : 1 / k;
      for (let t = levelFrom; t < levelTo; t++) {
        const p = byLevel[t]!;
        if (n === 2) {
          collectTwo(g[0]!, g[1]!, column[0]!, column[1]!, colRows, colStart[p]!, colStart[p + 1]!, L);
          scatterColumn(out[0]!, column[0]!, colRows, colStart[p]!, colStart[p + 1]!, g[0]!, p, L, scale);
          scatterColumn(out[1]!, column[1]!, colRows, colStart[p]!, colStart[p + 1]!, g[1]!, p, L, scale);
        } else {
          for (let w = 0; w < n; w++) {
            collectOne(g[w]!, column[w]!, colRows, colStart[p]!, colStart[p + 1]!, L);
            scatterColumn(out[w]!, column[w]!, colRows, colStart[p]!, colStart[p + 1]!, g[w]!, p, L, scale);
          }
        }
      }
      if (!all && !pass.hi) for (let t = levelFrom; t < levelTo; t++) add(byLevel[t]!, k);
    }
  }
  return out.map(({ perLocation, total }) => ({ perLocation: transposeTo(perLocation, products, L), total }));
}

/** The transpose of a rows × cols matrix (a new array). */
function transposeTo(matrix: Float64Array, rows: number, cols: number): Float64Array {
  const out = new Float64Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    const base = r * cols;
    for (let c = 0; c < cols; c++) out[c * rows + r] = matrix[base + c]!;
  }
  return out;
}
