import { describe, expect, it } from 'vitest';
import type { GraphEdge } from '../../../web/src/api/types.ts';
import { mergeParallel, placeLineage } from '../../../web/src/lineage/placement.ts';
import { tableRows, treeOf } from '../../../web/src/lineage/state.ts';
import { authority, edge } from './fixtures.ts';

const link = (source: string, target: string, type: GraphEdge['type'], start: number | null = null): GraphEdge => ({ ...edge(`${source}-${type}-${target}`, source, target, { type, start }), sources: [] });

// Section 1206 -> 10 U.S.C. 2282 -> 10 U.S.C. 333, a law that established 1206 and a program funded through it.
const edges = [
  link('s1206', 's2282', 'EVOLVED_INTO', 2014),
  link('s2282', 's333', 'EVOLVED_INTO', 2016),
  link('s2282', 's333', 'CONSOLIDATED_INTO', 2016),
  link('s1206', 'ndaa06', 'ESTABLISHED_BY'),
  link('gte', 's1206', 'FUNDED_THROUGH'),
];
const ids = ['s333', 'gte', 's1206', 'ndaa06', 's2282'];

describe('lineage placement', () => {
  it('draws the chain top-down in one column, predecessors above', () => {
    const at = placeLineage(ids, edges);
    const [a, b, c] = ['s1206', 's2282', 's333'].map((id) => at.get(id)!);
    expect(a.x).toBe(b.x);
    expect(b.x).toBe(c.x);
    expect(a.y).toBeLessThan(b.y);
    expect(b.y).toBeLessThan(c.y);
  });

  it('puts the establishing law to the left and the program to the right of their authority', () => {
    const at = placeLineage(ids, edges);
    const s1206 = at.get('s1206')!;
    expect(at.get('ndaa06')!.x).toBeLessThan(s1206.x);
    expect(at.get('gte')!.x).toBeGreaterThan(s1206.x);
    expect(at.get('gte')!.y).toBe(s1206.y);
  });

  it('gives the same places whatever the input order', () => {
    const once = placeLineage(ids, edges);
    const again = placeLineage([...ids].reverse(), [...edges].reverse());
    for (const id of ids) expect(again.get(id), id).toEqual(once.get(id));
  });

  it('places every node, also one linked to nothing', () => {
    const at = placeLineage([...ids, 'alone'], edges);
    expect(at.size).toBe(ids.length + 1);
    const taken = new Set([...at.values()].map((p) => `${p.x},${p.y}`));
    expect(taken.size).toBe(at.size);
  });

  it('merges parallel edges into one with a combined label', () => {
    const merged = mergeParallel(edges);
    expect(merged).toHaveLength(4);
    const pair = merged.find((m) => m.ids.length === 2)!;
    expect(pair.label).toBe('consolidated into / evolved into · 2016');
    expect(pair.ids.sort()).toEqual(['s2282-CONSOLIDATED_INTO-s333', 's2282-EVOLVED_INTO-s333']);
  });

  it('the table names each predecessor once, with every relation', () => {
    const entry = (id: string, generation: number) => ({ authority: authority(id), generation, establishedBy: [], administeredBy: [], implementedBy: [] });
    const lineage = { root: authority('s1206'), entries: [entry('s1206', 0), entry('s2282', 1), entry('s333', 2)], subgraph: { nodes: [], edges, truncated: false, omittedNodes: 0, omittedEdges: 0 } };
    const rows = tableRows(lineage, treeOf(lineage).entries.values());
    expect(rows[2]!.cameFrom).toEqual(['s2282 (consolidated into / evolved into, 2016)']);
  });
});
