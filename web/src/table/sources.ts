/**
 * The sources of the canvas elements whose data carries none (light overviews and expansions),
 * asked of the API by id: entities through nodes(ids), edges through edges(ids), 200 ids a call.
 */
import { fetchEdges, fetchNodeSources } from '../api/queries.ts';
import type { Citation } from '../api/types.ts';
import type { SourceLookup } from './rows.ts';

/** The API's bound on ids per call. */
const CHUNK = 200;

function chunks(ids: string[]): string[][] {
  const unique = [...new Set(ids)];
  const out: string[][] = [];
  for (let i = 0; i < unique.length; i += CHUNK) out.push(unique.slice(i, i + CHUNK));
  return out;
}

/** Sources by canvas id; `entityOf` maps a canvas node id to its entity's id. */
export async function loadSources(missing: { nodes: string[]; edges: string[] }, entityOf: (canvasId: string) => string): Promise<SourceLookup> {
  const [nodes, edges] = await Promise.all([
    Promise.all(chunks(missing.nodes).map((ids) => fetchNodeSources(ids))),
    Promise.all(chunks(missing.edges).map((ids) => fetchEdges(ids))),
  ]);
  const byEntity = new Map<string, Citation[]>(nodes.flat().map((n) => [n.id, n.sources]));
  const byEdge = new Map<string, Citation[]>(edges.flat().map((e) => [e.id, e.sources ?? []]));
  return { node: (id) => byEntity.get(entityOf(id)), edge: (id) => byEdge.get(id) };
}
