/**
 * A synthetic Subgraph (the API's Cytoscape contract) of an exact element count, shaped like the
 * data: preferential attachment gives a few hubs and many leaves; kinds and relationship types
 * follow the generator's mix; about a third of the edges are funding flows (FUNDED, with amounts).
 */
import { Rng, weighted } from '../lib/prng.ts';
import { word } from '../lib/names.ts';
import { ACTOR_RELATIONSHIP_TYPES } from '../../domain/relationship-types.ts';
import type { GraphEdge, GraphNode, Subgraph } from '../../web/src/api/types.ts';

const KINDS = [
  ['Person', 25], ['State', 6], ['GovernmentBody', 15], ['InternationalOrg', 3], ['Mission', 3],
  ['MilitaryUnit', 18], ['ArmedGroup', 8], ['Company', 12], ['Authority', 7], ['Event', 3],
] as const;

/** `elements` nodes + edges, with about 1.5 edges per node. */
export function syntheticSubgraph(elements: number, seed = 42): Pick<Subgraph, 'nodes' | 'edges'> {
  const rng = new Rng(seed, `subgraph-${elements}`);
  const nodeCount = Math.max(2, Math.round(elements / 2.5));
  const edgeCount = elements - nodeCount;
  const nodes: GraphNode[] = [];
  for (let i = 0; i < nodeCount; i++) {
    const kind = weighted(rng, KINDS);
    const labels = kind === 'Authority' ? ['Entity', 'Authority'] : kind === 'Event' ? ['Entity', 'Event'] : ['Entity', 'Actor', kind];
    nodes.push({
      id: `n${i}`,
      labels,
      name: kind === 'Person' ? `${word(rng)} ${word(rng)}` : `${word(rng)} ${kind}`,
      kind,
      description: null,
      citation: kind === 'Authority' ? `10 U.S.C. ${100 + i}` : null,
      year: kind === 'Event' ? rng.int(1961, 2024) : null,
      amountUsd: null,
      sources: [],
    });
  }
  // Preferential attachment: an endpoint list where each node appears once per edge it has.
  const ends: number[] = [0, 1];
  const edges: GraphEdge[] = [];
  const seen = new Set<string>();
  for (let e = 0; edges.length < edgeCount && e < edgeCount * 5; e++) {
    const a = e < nodeCount - 1 ? e + 1 : rng.int(0, nodeCount - 1); // every node gets at least one edge
    const b = rng.chance(0.8) ? ends[rng.int(0, ends.length - 1)] : rng.int(0, nodeCount - 1);
    if (a === b || seen.has(`${a}-${b}`)) continue;
    seen.add(`${a}-${b}`);
    ends.push(a, b);
    const money = rng.chance(0.35);
    const start = rng.int(1990, 2024);
    edges.push({
      id: `e${edges.length}`,
      source: `n${b}`,
      target: `n${a}`,
      type: money ? 'FUNDED' : rng.pick(ACTOR_RELATIONSHIP_TYPES),
      start,
      end: rng.chance(0.5) ? start + rng.int(0, 6) : null,
      note: null,
      amountUsd: money ? Math.round(rng.pareto(1e5, 1.1)) : null,
      authority: null,
      fundingId: money ? `f${edges.length}` : null,
      sources: [],
    });
  }
  return { nodes, edges };
}
