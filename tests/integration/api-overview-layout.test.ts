/**
 * The overview's positions (Subgraph.layout) against the seeded graph: one finite place per node
 * shown, the same answer twice, the picture the page's own force layout draws for those elements
 * (computed here in-process with Cytoscape), and no positions outside the overview.
 */
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { describe, expect, it } from 'vitest';
import { layoutSeed, networkLayoutOptions, withSeededRandom } from '../../domain/network-layout.ts';
import { dataOf, useApi } from './api-harness.ts';

cytoscape.use(fcose);

const api = useApi();

interface Drawn {
  nodes: { id: string }[];
  edges: { source: string; target: string }[];
  layout: { id: string; x: number; y: number }[] | null;
}

const OVERVIEW = `query($filter: GraphFilter) { graph(filter: $filter) { nodes { id } edges { source target } layout { id x y } } }`;

/** The page's force layout of these elements, run here. */
function drawnHere({ nodes, edges }: Drawn): Map<string, { x: number; y: number }> {
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    elements: [
      ...nodes.map((n) => ({ group: 'nodes' as const, data: { id: n.id } })),
      ...edges.map((e, i) => ({ group: 'edges' as const, data: { id: `edge-${i}`, source: e.source, target: e.target } })),
    ],
  });
  const layout = cy.layout({ ...networkLayoutOptions(nodes.length), animate: false, fit: false } as unknown as cytoscape.LayoutOptions);
  withSeededRandom(layoutSeed(nodes.map((n) => n.id)), () => layout.run());
  const out = new Map(cy.nodes().map((n) => [n.id(), { ...n.position() }] as const));
  cy.destroy();
  return out;
}

describe('overview positions', () => {
  it.each([{ limit: 40 }, { limit: 120, types: ['FUNDED', 'TRAINED'] }])('place every node of graph(%o) where the page would, the same each time', async (filter) => {
    const first = dataOf(await api.gql<{ graph: Drawn }>(OVERVIEW, { filter })).graph;
    expect(first.nodes.length).toBeGreaterThan(10);
    expect(first.layout).not.toBeNull();
    const placed = new Map(first.layout!.map((p) => [p.id, p]));
    expect(placed.size).toBe(first.layout!.length);
    expect([...placed.keys()].sort()).toEqual(first.nodes.map((n) => n.id).sort());
    for (const p of first.layout!) expect(Number.isFinite(p.x) && Number.isFinite(p.y), p.id).toBe(true);
    // A drawing, not a heap: no two nodes share a place.
    expect(new Set(first.layout!.map((p) => `${p.x},${p.y}`)).size).toBe(first.layout!.length);

    const here = drawnHere(first);
    for (const p of first.layout!) {
      const q = here.get(p.id)!;
      expect(Math.abs(p.x - q.x), p.id).toBeLessThanOrEqual(0.05);
      expect(Math.abs(p.y - q.y), p.id).toBeLessThanOrEqual(0.05);
    }

    const again = dataOf(await api.gql<{ graph: Drawn }>(OVERVIEW, { filter })).graph;
    expect(again.layout).toEqual(first.layout);
  });

  it('are not computed outside the overview', async () => {
    const data = dataOf(await api.gql<{ neighborhood: Drawn }>(`{ neighborhood(id: "danab") { nodes { id } edges { source target } layout { id } } }`));
    expect(data.neighborhood.nodes.length).toBeGreaterThan(1);
    expect(data.neighborhood.layout).toBeNull();
  });
});
