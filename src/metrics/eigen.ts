/**
 * Symmetric eigen-solvers for the complexity eigenproblem.
 *
 * ECI and PCI need the eigenvector of M̃ = Kp⁻¹ Mᵀ Kc⁻¹ M for its second largest eigenvalue.
 * M̃ is not symmetric, but it is similar to S = Kp^-½ Mᵀ Kc⁻¹ M Kp^-½ (S = Kp^½ M̃ Kp^-½), which is
 * symmetric positive semi-definite with largest eigenvalue 1 and known eigenvector √k_p. So:
 *
 * - `lanczosLargest` runs Lanczos on S with that eigenvector deflated (every Lanczos vector is
 *   kept orthogonal to it and, by full reorthogonalisation, to all previous Lanczos vectors). The
 *   largest Ritz value of what remains is λ₂. S is applied as a product of sparse factors
 *   (2 · nnz(M) operations), never formed, so a year of HS6 (P ≈ 5,200) costs a few dozen
 *   sparse products plus O(k² P) reorthogonalisation, against O(P³) for a dense solver or
 *   O(P²) memory for a dense S. Full reorthogonalisation keeps the basis orthogonal to machine
 *   precision, so no spurious copies of converged Ritz values appear; convergence for an extreme
 *   eigenvalue is governed by the gap λ₂ − λ₃ relative to the spread of the spectrum, much faster
 *   than the ratio λ₃/λ₂ that deflated power iteration would need.
 * - `symmetricTridiagonalEigen` (implicit QL with Wilkinson shifts) solves the small tridiagonal
 *   Lanczos matrix T_k.
 *
 * A Ritz pair (θ, y = V s) has residual ‖S y − θ y‖ = |β_k s_k| (β_k the last off-diagonal); the
 * iteration stops when that is below `tolerance`.
 * Source: docs/complexity.md §6.
 */
import { MetricInputError } from '../errors.ts';

export interface SymmetricEigen {
  /** Eigenvalues, ascending. */
  values: Float64Array;
  /** Eigenvectors as columns of an n × n row-major matrix: vector j is (vectors[i * n + j])_i. */
  vectors: Float64Array;
}

/**
 * All eigenpairs of the symmetric tridiagonal matrix with diagonal `diagonal` (n) and
 * off-diagonal `offDiagonal` (n − 1; T[i,i+1] = T[i+1,i] = offDiagonal[i]).
 */
export function symmetricTridiagonalEigen(diagonal: ArrayLike<number>, offDiagonal: ArrayLike<number>): SymmetricEigen {
  const n = diagonal.length;
  if (offDiagonal.length !== Math.max(0, n - 1)) {
    throw new MetricInputError(
      `symmetricTridiagonalEigen: off-diagonal has ${offDiagonal.length} entries, expected ${n - 1}`,
    );
  }
  const d = Float64Array.from(diagonal);
  const e = new Float64Array(n);
  for (let i = 0; i < n - 1; i++) e[i] = offDiagonal[i]!;
  const z = new Float64Array(n * n);
  for (let i = 0; i < n; i++) z[i * n + i] = 1;
  for (let l = 0; l < n; l++) {
    let iterations = 0;
    let m: number;
    do {
      for (m = l; m < n - 1; m++) {
        const dd = Math.abs(d[m]!) + Math.abs(d[m + 1]!);
        if (Math.abs(e[m]!) <= Number.EPSILON * dd) break;
      }
      if (m !== l) {
        if (iterations++ === 60)
          throw new MetricInputError('symmetricTridiagonalEigen: no convergence after 60 iterations');
        let g = (d[l + 1]! - d[l]!) / (2 * e[l]!);
        let r = Math.hypot(g, 1);
        g = d[m]! - d[l]! + e[l]! / (g + (g >= 0 ? Math.abs(r) : -Math.abs(r)));
        let s = 1;
        let c = 1;
        let p = 0;
        let i: number;
        for (i = m - 1; i >= l; i--) {
          let f = s * e[i]!;
          const b = c * e[i]!;
          r = Math.hypot(f, g);
          e[i + 1] = r;
          if (r === 0) {
            d[i + 1]! -= p;
            e[m] = 0;
            break;
          }
          s = f / r;
          c = g / r;
          g = d[i + 1]! - p;
          r = (d[i]! - g) * s + 2 * c * b;
          p = s * r;
          d[i + 1] = g + p;
          g = c * r - b;
          for (let k = 0; k < n; k++) {
            const row = k * n;
            f = z[row + i + 1]!;
            z[row + i + 1] = s * z[row + i]! + c * f;
            z[row + i] = c * z[row + i]! - s * f;
          }
        }
        if (r === 0 && i >= l) continue;
        d[l]! -= p;
        e[l] = g;
        e[m] = 0;
      }
    } while (m !== l);
  }
  // Sort ascending, permuting the eigenvector columns with the values.
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => d[a]! - d[b]!);
  const values = new Float64Array(n);
  const vectors = new Float64Array(n * n);
  order.forEach((from, to) => {
    values[to] = d[from]!;
    for (let k = 0; k < n; k++) vectors[k * n + to] = z[k * n + from]!;
  });
  return { values, vectors };
}

export interface LanczosOptions {
  /** Orthonormal vectors whose span is excluded (deflated eigenvectors). @default [] */
  deflation?: readonly Float64Array[];
  /** Stop when the Ritz residual |β_k s_k| is at most this. @default 1e-13 */
  tolerance?: number;
  /** Lanczos steps per cycle before a restart from the best Ritz vector. @default 600 */
  maxIterations?: number;
  /** Restarts allowed before giving up. @default 4 */
  maxRestarts?: number;
}

export interface LargestEigenpair {
  value: number;
  /** Unit-norm eigenvector. */
  vector: Float64Array;
  /** Lanczos steps taken, summed over restarts. */
  iterations: number;
  /** |β_k s_k| at the stop. */
  residual: number;
}

/** A deterministic pseudo-random generator (LCG), so runs are reproducible. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296 - 0.5;
  };
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

function subtractProjection(w: Float64Array, v: Float64Array): void {
  const h = dot(w, v);
  if (h === 0) return;
  for (let i = 0; i < w.length; i++) w[i]! -= h * v[i]!;
}

/**
 * The largest eigenvalue and its eigenvector of a symmetric operator, excluding the span of
 * `options.deflation`.
 * @param apply writes A·x into `out` (which arrives zero-filled)
 * @param n the operator's dimension
 */
export function lanczosLargest(
  apply: (x: Float64Array, out: Float64Array) => void,
  n: number,
  options: LanczosOptions = {},
): LargestEigenpair {
  const deflation = options.deflation ?? [];
  const tolerance = options.tolerance ?? 1e-13;
  const dimension = n - deflation.length;
  if (!Number.isInteger(n) || dimension < 1) {
    throw new MetricInputError(`lanczosLargest: nothing left to solve (dimension ${n}, ${deflation.length} deflated)`);
  }
  const maxIterations = Math.min(options.maxIterations ?? 600, dimension);
  const maxRestarts = options.maxRestarts ?? 4;
  const random = lcg(0x9e3779b9);
  const orthogonalise = (w: Float64Array, basis: readonly Float64Array[]) => {
    // Twice is enough (Kahan / Parlett) for full reorthogonalisation.
    for (let pass = 0; pass < 2; pass++) {
      for (const u of deflation) subtractProjection(w, u);
      for (const u of basis) subtractProjection(w, u);
    }
  };
  const freshVector = (basis: readonly Float64Array[]): Float64Array | undefined => {
    for (let attempt = 0; attempt < 5; attempt++) {
      const v = new Float64Array(n);
      for (let i = 0; i < n; i++) v[i] = random();
      orthogonalise(v, basis);
      const norm = Math.sqrt(dot(v, v));
      if (norm > 1e-8) {
        for (let i = 0; i < n; i++) v[i]! /= norm;
        return v;
      }
    }
    return undefined;
  };

  let start = freshVector([]);
  let totalIterations = 0;
  for (let cycle = 0; cycle <= maxRestarts; cycle++) {
    const basis: Float64Array[] = [];
    const alpha: number[] = [];
    const beta: number[] = [];
    let v = start!;
    for (let j = 0; j < maxIterations; j++) {
      basis.push(v);
      const w = new Float64Array(n);
      apply(v, w);
      totalIterations++;
      const a = dot(v, w);
      alpha.push(a);
      for (let i = 0; i < n; i++) w[i]! -= a * v[i]!;
      if (j > 0) {
        const previous = basis[j - 1]!;
        const b = beta[j - 1]!;
        for (let i = 0; i < n; i++) w[i]! -= b * previous[i]!;
      }
      orthogonalise(w, basis);
      const b = Math.sqrt(dot(w, w));
      const last = j + 1 === maxIterations || j + 1 === dimension;
      const breakdown = b <= 1e-12;
      if (last || breakdown || (j + 1) % 5 === 0) {
        const t = symmetricTridiagonalEigen(alpha, beta);
        const k = j + 1;
        const top = k - 1;
        const residual = Math.abs(b * t.vectors[(k - 1) * k + top]!);
        const value = t.values[top]!;
        if (residual <= tolerance * Math.max(1, Math.abs(value)) || j + 1 === dimension || last) {
          const vector = new Float64Array(n);
          for (let i = 0; i < k; i++) {
            const s = t.vectors[i * k + top]!;
            const u = basis[i]!;
            for (let r = 0; r < n; r++) vector[r]! += s * u[r]!;
          }
          const norm = Math.sqrt(dot(vector, vector));
          for (let r = 0; r < n; r++) vector[r]! /= norm;
          if (residual <= tolerance * Math.max(1, Math.abs(value)) || j + 1 === dimension) {
            return { value, vector, iterations: totalIterations, residual };
          }
          start = vector; // restart from the best Ritz vector
          break;
        }
      }
      if (breakdown) {
        // An invariant subspace: continue in a fresh direction orthogonal to everything so far.
        const fresh = freshVector(basis);
        if (fresh === undefined) break;
        beta.push(0);
        v = fresh;
      } else {
        beta.push(b);
        for (let i = 0; i < n; i++) w[i]! /= b;
        v = w;
      }
    }
  }
  throw new MetricInputError(`lanczosLargest: no convergence after ${totalIterations} iterations`);
}
