/**
 * The product space as the Atlas of Economic Complexity draws it (Hidalgo et al. 2007):
 * nodes are products (coloured by HS section, sized by world trade, labelled with PCI), edges
 * are the maximum spanning tree of the proximity network plus every other edge with
 * proximity >= `minProximity` (0.55 in the Atlas). A country's position is its M and density
 * on every node.
 *
 * Edge weights are the symmetric proximity; an asymmetric φ is symmetrised with
 * max(φ[p,q], φ[q,p]) first. The spanning tree is built with Prim's algorithm on the dense
 * matrix (O(P²)); products with no positive proximity are isolated nodes, so the "tree" is a
 * maximum spanning forest.
 * Source: docs/complexity.md §Product space.
 */
import { InvalidOptionError, MetricInputError } from '../errors.ts';
import { checkCount, checkShape } from './matrix.ts';

export interface ProductSpaceOptions {
  /** Edges outside the spanning tree are kept when proximity >= this. @default 0.55 */
  minProximity?: number;
}

export type ResolvedProductSpaceOptions = Required<ProductSpaceOptions>;

export const productSpaceDefaults: Readonly<ResolvedProductSpaceOptions> = Object.freeze({ minProximity: 0.55 });

export function resolveProductSpace(options: ProductSpaceOptions = {}): ResolvedProductSpaceOptions {
  const o = { ...productSpaceDefaults, ...options };
  if (typeof o.minProximity !== 'number' || !(o.minProximity >= 0 && o.minProximity <= 1)) {
    throw new InvalidOptionError(`invalid minProximity: ${String(o.minProximity)}`, { value: String(o.minProximity) });
  }
  return o;
}

export interface ProductSpaceInput {
  /** HS codes, zero-padded strings, one per product. */
  productCodes: readonly string[];
  /** Proximity φ, products × products. */
  proximity: Float64Array;
  /** World exports per product (Σ over locations). */
  worldTradeUsd: Float64Array;
  /** PCI per product (NaN where undefined). */
  pci: Float64Array;
  /** A country's row: its M and density per product. */
  country?: { code: string; mcp: Uint8Array; density: Float64Array };
}

export interface ProductSpaceNode {
  product: string;
  /** HS section (Roman numeral, I–XXI) from the HS2 chapter; null for chapters outside the table (77, 98, 99). */
  section: string | null;
  worldTradeUsd: number;
  /** null where undefined. */
  pci: number | null;
}

export interface ProductSpaceEdge {
  source: string;
  target: string;
  proximity: number;
  /** Part of the maximum spanning tree (else kept for proximity >= minProximity). */
  spanningTree: boolean;
}

export interface ProductSpace {
  nodes: ProductSpaceNode[];
  edges: ProductSpaceEdge[];
  minProximity: number;
  country?: { code: string; positions: { product: string; mcp: 0 | 1; density: number | null }[] };
}

/** HS sections by chapter range (WCO, HS nomenclature; chapter 77 is reserved, 98–99 national use). */
const sectionRanges: readonly (readonly [number, number, string])[] = [
  [1, 5, 'I'],
  [6, 14, 'II'],
  [15, 15, 'III'],
  [16, 24, 'IV'],
  [25, 27, 'V'],
  [28, 38, 'VI'],
  [39, 40, 'VII'],
  [41, 43, 'VIII'],
  [44, 46, 'IX'],
  [47, 49, 'X'],
  [50, 63, 'XI'],
  [64, 67, 'XII'],
  [68, 70, 'XIII'],
  [71, 71, 'XIV'],
  [72, 76, 'XV'],
  [78, 83, 'XV'],
  [84, 85, 'XVI'],
  [86, 89, 'XVII'],
  [90, 92, 'XVIII'],
  [93, 93, 'XIX'],
  [94, 96, 'XX'],
  [97, 97, 'XXI'],
];

/** The HS section of a product code (its first two digits are the chapter); null when none. */
export function hsSection(code: string): string | null {
  if (!/^\d{2}/.test(code)) return null;
  const chapter = Number(code.slice(0, 2));
  for (const [from, to, section] of sectionRanges) if (chapter >= from && chapter <= to) return section;
  return null;
}

/** Maximum spanning forest of a dense symmetric weight matrix (weights > 0 are edges). */
export function maximumSpanningForest(weights: Float64Array, n: number): [number, number][] {
  const inTree = new Uint8Array(n);
  const best = new Float64Array(n).fill(-Infinity);
  const parent = new Int32Array(n).fill(-1);
  const edges: [number, number][] = [];
  for (let root = 0; root < n; root++) {
    if (inTree[root]) continue;
    best[root] = Infinity;
    for (;;) {
      // The outside node with the strongest link to the tree (or the root to start).
      let u = -1;
      let strongest = 0;
      for (let v = 0; v < n; v++) {
        if (!inTree[v] && best[v]! > strongest) {
          strongest = best[v]!;
          u = v;
        }
      }
      if (u === -1) break;
      inTree[u] = 1;
      if (parent[u]! >= 0) edges.push([parent[u]!, u]);
      const row = u * n;
      for (let v = 0; v < n; v++) {
        const w = weights[row + v]!;
        if (!inTree[v] && w > 0 && w > best[v]!) {
          best[v] = w;
          parent[v] = u;
        }
      }
    }
  }
  return edges;
}

/** Builds the product-space graph. */
export function productSpace(input: ProductSpaceInput, options: ProductSpaceOptions = {}): ProductSpace {
  const o = resolveProductSpace(options);
  const n = input.productCodes.length;
  checkCount('productSpace', 'products', n);
  checkShape('productSpace', 'proximity', input.proximity, n, n);
  checkShape('productSpace', 'worldTradeUsd', input.worldTradeUsd, n, 1);
  checkShape('productSpace', 'pci', input.pci, n, 1);
  const sym = new Float64Array(n * n);
  for (let p = 0; p < n; p++) {
    for (let q = 0; q < n; q++) {
      if (p === q) continue;
      const a = input.proximity[p * n + q]!;
      const b = input.proximity[q * n + p]!;
      const w = a > b ? a : b;
      if (!(w >= 0)) throw new MetricInputError(`productSpace: proximity between products ${p} and ${q} is ${w}`);
      sym[p * n + q] = w;
    }
  }
  const codes = input.productCodes;
  const tree = maximumSpanningForest(sym, n);
  const inTree = new Set(tree.map(([a, b]) => (a < b ? a * n + b : b * n + a)));
  const edges: ProductSpaceEdge[] = [];
  for (const [a, b] of tree) {
    const [p, q] = a < b ? [a, b] : [b, a];
    edges.push({ source: codes[p]!, target: codes[q]!, proximity: sym[p * n + q]!, spanningTree: true });
  }
  for (let p = 0; p < n; p++) {
    for (let q = p + 1; q < n; q++) {
      const w = sym[p * n + q]!;
      if (w >= o.minProximity && w > 0 && !inTree.has(p * n + q)) {
        edges.push({ source: codes[p]!, target: codes[q]!, proximity: w, spanningTree: false });
      }
    }
  }
  const finite = (x: number) => (Number.isFinite(x) ? x : null);
  const nodes = codes.map((product, p) => ({
    product,
    section: hsSection(product),
    worldTradeUsd: input.worldTradeUsd[p]!,
    pci: finite(input.pci[p]!),
  }));
  const result: ProductSpace = { nodes, edges, minProximity: o.minProximity };
  if (input.country !== undefined) {
    const { code, mcp, density } = input.country;
    checkShape('productSpace', 'country.mcp', mcp, n, 1);
    checkShape('productSpace', 'country.density', density, n, 1);
    result.country = {
      code,
      positions: codes.map((product, p) => ({
        product,
        mcp: (mcp[p] === 1 ? 1 : 0) as 0 | 1,
        density: finite(density[p]!),
      })),
    };
  }
  return result;
}
