/** The product space's layout: deterministic, and remembered in storage for the last graph. */
import { describe, expect, it } from 'vitest';
import { forceLayout, graphKey, rememberedLayout } from '../../web/src/layout.ts';

const nodes = Array.from({ length: 60 }, (_, i) => ({ id: `p${i}`, group: String(i % 5) }));
const edges = Array.from({ length: 80 }, (_, i) => ({ source: `p${i % 60}`, target: `p${(i * 7 + 3) % 60}` }));

function memoryStorage() {
  const items = new Map<string, string>();
  let writes = 0;
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => {
      writes++;
      items.set(key, value);
    },
    writes: () => writes,
  };
}

describe('forceLayout', () => {
  it('gives the same positions for the same graph, and a different layout for another', () => {
    expect(forceLayout(nodes, edges, 40)).toEqual(forceLayout(nodes, edges, 40));
    const other = forceLayout(nodes, edges.slice(1), 40);
    expect(other.get('p0')).not.toEqual(forceLayout(nodes, edges, 40).get('p0'));
  });
});

describe('graphKey', () => {
  it('changes with a node, a group or an edge', () => {
    const key = graphKey(nodes, edges);
    expect(graphKey(nodes, edges)).toBe(key);
    expect(graphKey(nodes.slice(1), edges)).not.toBe(key);
    expect(graphKey([{ ...nodes[0]!, group: 'x' }, ...nodes.slice(1)], edges)).not.toBe(key);
    expect(graphKey(nodes, [...edges.slice(0, -1), { source: 'p1', target: 'p2' }])).not.toBe(key);
  });
});

describe('rememberedLayout', () => {
  it('computes once, then answers the same graph from storage; another graph is computed again', () => {
    const storage = memoryStorage();
    const first = rememberedLayout(nodes, edges, storage);
    expect(storage.writes()).toBe(1);
    const again = rememberedLayout(nodes, edges, storage);
    expect(storage.writes()).toBe(1);
    expect(again).toEqual(first);
    // Rounded to a tenth, as stored, so a stored and a fresh layout draw the same picture.
    for (const [x, y] of first.values()) {
      expect(Math.round(x * 10) / 10).toBe(x);
      expect(Math.round(y * 10) / 10).toBe(y);
    }
    const exact = forceLayout(nodes, edges);
    expect(Math.abs(first.get('p7')![0] - exact.get('p7')![0])).toBeLessThanOrEqual(0.05);
    rememberedLayout(nodes.slice(1), edges, storage);
    expect(storage.writes()).toBe(2);
  });

  it('computes when storage is off, full or holds something unreadable', () => {
    expect(rememberedLayout(nodes, edges, null).size).toBe(nodes.length);
    const full = {
      getItem: () => '{not json',
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(rememberedLayout(nodes, edges, full)).toEqual(rememberedLayout(nodes, edges, null));
  });
});
