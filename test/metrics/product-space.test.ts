import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidOptionError } from '../../src/errors.ts';
import {
  hsSection,
  maximumSpanningForest,
  productSpace,
  productSpaceDefaults,
  proximity,
  resolveProductSpace,
} from '../../src/metrics/index.ts';
import { presenceMatrix } from './helpers.ts';

/** Brute-force maximum spanning forest weight (Kruskal with union-find). */
function kruskalWeight(w: Float64Array, n: number): number {
  const edges: [number, number, number][] = [];
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (w[i * n + j]! > 0) edges.push([w[i * n + j]!, i, j]);
  edges.sort((a, b) => b[0] - a[0]);
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x]!)));
  let total = 0;
  for (const [weight, i, j] of edges) {
    const a = find(i);
    const b = find(j);
    if (a !== b) {
      parent[a] = b;
      total += weight;
    }
  }
  return total;
}

describe('productSpace', () => {
  it('defaults to the Atlas threshold 0.55', () => {
    expect(productSpaceDefaults).toEqual({ minProximity: 0.55 });
    expect(resolveProductSpace()).toEqual({ minProximity: 0.55 });
    expect(() => resolveProductSpace({ minProximity: 1.5 })).toThrow('invalid minProximity: 1.5');
    expect(() => resolveProductSpace({ minProximity: Number.NaN })).toThrow(InvalidOptionError);
  });

  it('maps HS2 chapters to the 21 HS sections', () => {
    expect(hsSection('0101')).toBe('I');
    expect(hsSection('0602')).toBe('II');
    expect(hsSection('1501')).toBe('III');
    expect(hsSection('2709')).toBe('V');
    expect(hsSection('3004')).toBe('VI');
    expect(hsSection('7208')).toBe('XV');
    expect(hsSection('8471')).toBe('XVI');
    expect(hsSection('8703')).toBe('XVII');
    expect(hsSection('9403')).toBe('XX');
    expect(hsSection('9701')).toBe('XXI');
    expect(hsSection('7701')).toBeNull();
    expect(hsSection('9999')).toBeNull();
    expect(hsSection('x1')).toBeNull();
  });

  it('keeps a maximum spanning tree plus every edge at or above the threshold', () => {
    fc.assert(
      fc.property(presenceMatrix(3, 9, 3, 12, 0.5), ({ locations, products, m }) => {
        const phi = proximity(m, locations, products);
        const codes = Array.from({ length: products }, (_, p) => String(101 + p).padStart(4, '0'));
        const g = productSpace({
          productCodes: codes,
          proximity: phi,
          worldTradeUsd: new Float64Array(products).fill(1),
          pci: new Float64Array(products),
        });
        const tree = g.edges.filter((e) => e.spanningTree);
        const weight = tree.reduce((s, e) => s + e.proximity, 0);
        expect(weight).toBeCloseTo(kruskalWeight(phi, products), 12);
        expect(tree.length).toBe(maximumSpanningForest(phi, products).length);
        for (const e of g.edges.filter((x) => !x.spanningTree)) expect(e.proximity).toBeGreaterThanOrEqual(0.55);
        for (let p = 0; p < products; p++) {
          for (let q = p + 1; q < products; q++) {
            if (phi[p * products + q]! >= 0.55) {
              expect(g.edges.some((e) => e.source === codes[p] && e.target === codes[q])).toBe(true);
            }
          }
        }
      }),
    );
  });

  it("describes nodes and a country's position", () => {
    const m = Uint8Array.from([1, 1, 0, 1, 0, 1, 1, 1, 1]);
    const g = productSpace({
      productCodes: ['0101', '8471', '9999'],
      proximity: proximity(m, 3, 3),
      worldTradeUsd: Float64Array.from([10, 20, 30]),
      pci: Float64Array.from([0.5, Number.NaN, -1]),
      country: { code: 'blr', mcp: Uint8Array.from([1, 0, 1]), density: Float64Array.from([0.2, 0.4, Number.NaN]) },
    });
    expect(g.nodes).toEqual([
      { product: '0101', section: 'I', worldTradeUsd: 10, pci: 0.5 },
      { product: '8471', section: 'XVI', worldTradeUsd: 20, pci: null },
      { product: '9999', section: null, worldTradeUsd: 30, pci: -1 },
    ]);
    expect(g.country).toEqual({
      code: 'blr',
      positions: [
        { product: '0101', mcp: 1, density: 0.2 },
        { product: '8471', mcp: 0, density: 0.4 },
        { product: '9999', mcp: 1, density: null },
      ],
    });
    expect(g.edges.filter((e) => e.spanningTree).length).toBe(2);
  });
});
