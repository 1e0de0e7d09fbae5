/**
 * The overview positions' cache and process: a network's key ignores order and changes with any
 * node or edge; positions are computed once per network, the same each time, and a failed layout
 * is an error, not a picture.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { NetworkLayouts, networkKey } from '../../server/layout/network-layouts.ts';

const nodes = ['a', 'b', 'c', 'd'].map((id) => ({ id }));
const edges = [
  { source: 'a', target: 'b' },
  { source: 'b', target: 'c' },
  { source: 'c', target: 'a' },
  { source: 'c', target: 'd' },
];

describe('networkKey', () => {
  it('is the same for the same network in any order', () => {
    expect(networkKey({ nodes: [...nodes].reverse(), edges: [...edges].reverse() })).toBe(networkKey({ nodes, edges }));
  });

  it('changes with a node, an edge or an edge direction', () => {
    const key = networkKey({ nodes, edges });
    expect(networkKey({ nodes: [...nodes, { id: 'e' }], edges })).not.toBe(key);
    expect(networkKey({ nodes, edges: [...edges, { source: 'a', target: 'b' }] })).not.toBe(key);
    expect(networkKey({ nodes, edges: [{ source: 'b', target: 'a' }, ...edges.slice(1)] })).not.toBe(key);
  });
});

describe('NetworkLayouts', () => {
  const layouts = new NetworkLayouts();
  afterAll(() => layouts.close());

  it('places every node once, at distinct finite places, and answers a second ask from what it kept', async () => {
    const first = await layouts.positions({ nodes, edges });
    expect(first.map((p) => p.id).sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(first.every((p) => Number.isFinite(p.x) && Number.isFinite(p.y))).toBe(true);
    expect(new Set(first.map((p) => `${p.x},${p.y}`)).size).toBe(4);
    const again = layouts.positions({ nodes: [...nodes].reverse(), edges });
    expect(await again).toBe(first);
  });

  it('starts its process again after it stopped', async () => {
    layouts.close();
    const positions = await layouts.positions({ nodes: [...nodes, { id: 'e' }], edges });
    expect(positions.map((p) => p.id).sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('fails for an edge to a node that is not there', async () => {
    await expect(layouts.positions({ nodes, edges: [{ source: 'a', target: 'nowhere' }] })).rejects.toThrow(/layout failed/);
  });
});
