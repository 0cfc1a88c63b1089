import { describe, expect, it } from 'vitest';
import { lanczosLargest, symmetricTridiagonalEigen } from '../../src/metrics/index.ts';

describe('symmetricTridiagonalEigen', () => {
  it('solves the second-difference matrix: λ_k = 2 − 2 cos(kπ/(n+1))', () => {
    const n = 12;
    const { values, vectors } = symmetricTridiagonalEigen(new Array(n).fill(2), new Array(n - 1).fill(-1));
    for (let k = 1; k <= n; k++) expect(values[k - 1]).toBeCloseTo(2 - 2 * Math.cos((k * Math.PI) / (n + 1)), 12);
    // T v = λ v for each column.
    for (let j = 0; j < n; j++) {
      for (let i = 0; i < n; i++) {
        const tv =
          2 * vectors[i * n + j]! -
          (i > 0 ? vectors[(i - 1) * n + j]! : 0) -
          (i < n - 1 ? vectors[(i + 1) * n + j]! : 0);
        expect(tv).toBeCloseTo(values[j]! * vectors[i * n + j]!, 10);
      }
    }
  });
});

describe('lanczosLargest', () => {
  it('finds the largest eigenpair of a symmetric operator, and the next one with the first deflated', () => {
    // A = Q diag(d) Qᵀ with a known orthonormal Q (Householder reflection).
    const n = 40;
    const d = Array.from({ length: n }, (_, i) => 1 / (1 + i)); // 1, 1/2, 1/3, ...
    const v = Float64Array.from({ length: n }, (_, i) => Math.sin(i + 1));
    const norm = Math.sqrt(v.reduce((s, x) => s + x * x, 0));
    for (let i = 0; i < n; i++) v[i]! /= norm;
    const q = (i: number, j: number) => (i === j ? 1 : 0) - 2 * v[i]! * v[j]!; // Householder: symmetric, orthogonal
    const a = new Float64Array(n * n);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) for (let k = 0; k < n; k++) a[i * n + j]! += q(i, k) * d[k]! * q(j, k);
    const apply = (x: Float64Array, out: Float64Array) => {
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) out[i]! += a[i * n + j]! * x[j]!;
    };
    const first = lanczosLargest(apply, n);
    expect(first.value).toBeCloseTo(1, 12);
    const column0 = Float64Array.from({ length: n }, (_, i) => q(i, 0));
    const second = lanczosLargest(apply, n, { deflation: [column0] });
    expect(second.value).toBeCloseTo(0.5, 12);
    const column1 = Float64Array.from({ length: n }, (_, i) => q(i, 1));
    const overlap = second.vector.reduce((s, x, i) => s + x * column1[i]!, 0);
    expect(Math.abs(overlap)).toBeCloseTo(1, 10);
  });
});
