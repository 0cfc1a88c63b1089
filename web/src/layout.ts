/**
 * A force-directed layout (Fruchterman-Reingold with a grid for repulsion) for the product space:
 * about 1,200 nodes and a few thousand edges in well under a second, deterministic (seeded), so
 * the page does not spend seconds animating a layout. Nodes start on a ring by HS section, so
 * products of a section begin near each other.
 */
export interface LayoutNode {
  id: string;
  group: string | null;
}

export interface LayoutEdge {
  source: string;
  target: string;
}

function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let x = s;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

export function forceLayout(
  nodes: readonly LayoutNode[],
  edges: readonly LayoutEdge[],
  iterations = 150,
): Map<string, [number, number]> {
  const n = nodes.length;
  const index = new Map(nodes.map((node, i) => [node.id, i]));
  const random = seeded(7);
  const groups = [...new Set(nodes.map((node) => node.group ?? ''))].sort();
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const size = 1000;
  nodes.forEach((node, i) => {
    const angle =
      (2 * Math.PI * groups.indexOf(node.group ?? '')) / Math.max(1, groups.length) + (random() - 0.5) * 0.6;
    const radius = size * (0.25 + 0.2 * random());
    x[i] = Math.cos(angle) * radius;
    y[i] = Math.sin(angle) * radius;
  });
  const links = edges
    .map((e) => [index.get(e.source), index.get(e.target)] as const)
    .filter((l): l is readonly [number, number] => l[0] !== undefined && l[1] !== undefined);
  const k = Math.sqrt((size * size) / Math.max(1, n)) * 0.9;
  const dx = new Float64Array(n);
  const dy = new Float64Array(n);
  const cell = 2 * k;
  let temperature = size / 8;
  for (let iteration = 0; iteration < iterations; iteration++) {
    dx.fill(0);
    dy.fill(0);
    // Cells keyed by one number (not a "x,y" string): the map is built and read n times an iteration.
    const grid = new Map<number, number[]>();
    const cellKey = (cx: number, cy: number) => cx * 65536 + cy;
    for (let i = 0; i < n; i++) {
      const key = cellKey(Math.floor(x[i]! / cell), Math.floor(y[i]! / cell));
      const bucket = grid.get(key);
      if (bucket) bucket.push(i);
      else grid.set(key, [i]);
    }
    for (let i = 0; i < n; i++) {
      const cx = Math.floor(x[i]! / cell);
      const cy = Math.floor(y[i]! / cell);
      const xi = x[i]!;
      const yi = y[i]!;
      let fx = 0;
      let fy = 0;
      for (let gx = cx - 1; gx <= cx + 1; gx++) {
        for (let gy = cy - 1; gy <= cy + 1; gy++) {
          const bucket = grid.get(cellKey(gx, gy));
          if (bucket === undefined) continue;
          for (const j of bucket) {
            if (j === i) continue;
            const ex = xi - x[j]!;
            const ey = yi - y[j]!;
            const d2 = Math.max(ex * ex + ey * ey, 0.01);
            if (d2 > cell * cell) continue;
            const force = (k * k) / d2;
            fx += ex * force;
            fy += ey * force;
          }
        }
      }
      dx[i] = fx;
      dy[i] = fy;
    }
    for (const [a, b] of links) {
      const ex = x[a]! - x[b]!;
      const ey = y[a]! - y[b]!;
      const d = Math.max(Math.sqrt(ex * ex + ey * ey), 0.01);
      const force = d / k;
      dx[a]! -= ex * force;
      dy[a]! -= ey * force;
      dx[b]! += ex * force;
      dy[b]! += ey * force;
    }
    for (let i = 0; i < n; i++) {
      // A weak pull to the centre keeps separate components on the page.
      dx[i]! -= x[i]! * 0.02;
      dy[i]! -= y[i]! * 0.02;
      const d = Math.sqrt(dx[i]! * dx[i]! + dy[i]! * dy[i]!);
      if (d > 0) {
        const step = Math.min(d, temperature);
        x[i]! += (dx[i]! / d) * step;
        y[i]! += (dy[i]! / d) * step;
      }
    }
    temperature = Math.max(1, temperature * 0.97);
  }
  return new Map(nodes.map((node, i) => [node.id, [x[i]!, y[i]!]]));
}

/** A phone-width screen: charts there shorten their labels and give the plot the width. */
export function narrowScreen(): boolean {
  return window.matchMedia('(max-width: 640px)').matches;
}

/** FNV-1a (32 bits) of a graph's node ids, groups and edges: the same graph gives the same layout. */
export function graphKey(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[]): string {
  let hash = 0x811c9dc5;
  const add = (text: string) => {
    for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
    hash = Math.imul(hash ^ 0x1f, 0x01000193);
  };
  for (const node of nodes) add(`${node.id}|${node.group ?? ''}`);
  for (const edge of edges) add(`${edge.source}>${edge.target}`);
  return `${nodes.length}-${edges.length}-${(hash >>> 0).toString(36)}`;
}

/** Where the last layout is kept: one graph only, so storage stays small (about 30 KB). */
const layoutStorageKey = 'karavan.layout';

/**
 * forceLayout, remembered in the browser's storage for the last graph drawn: the layout is
 * deterministic and takes most of the product space's first draw (about 1 s of 2 on our machine),
 * so a page opened again draws from the stored positions. Storage that is off or full is skipped.
 */
export function rememberedLayout(
  nodes: readonly LayoutNode[],
  edges: readonly LayoutEdge[],
  storage: Pick<Storage, 'getItem' | 'setItem'> | null,
): Map<string, [number, number]> {
  const key = graphKey(nodes, edges);
  try {
    const stored = JSON.parse(storage?.getItem(layoutStorageKey) ?? 'null') as { key: string; xy: number[] } | null;
    if (stored?.key === key && stored.xy.length === nodes.length * 2)
      return new Map(nodes.map((node, i) => [node.id, [stored.xy[2 * i]!, stored.xy[2 * i + 1]!]]));
  } catch {
    // An unreadable entry is computed again and overwritten below.
  }
  const computed = forceLayout(nodes, edges);
  // Rounded to a tenth of a unit on a 1,000-unit canvas (below a pixel), as stored: the first draw and
  // the ones from storage are the same picture.
  const positions = new Map(
    nodes.map((node) => {
      const [x, y] = computed.get(node.id)!;
      return [node.id, [Math.round(x * 10) / 10, Math.round(y * 10) / 10] as [number, number]];
    }),
  );
  try {
    storage?.setItem(layoutStorageKey, JSON.stringify({ key, xy: nodes.flatMap((node) => positions.get(node.id)!) }));
  } catch {
    // Storage full or off: the layout is simply computed next time.
  }
  return positions;
}
