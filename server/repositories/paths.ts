/**
 * The k shortest simple paths between two entities over typed relationships and funding flows
 * (a flow is one FUNDED step donor - recipient), within a bounded amount of work.
 *
 * The search grows a breadth-first ball around each end, one read per round trip, always the
 * cheaper one (fewer stored relationships to read), until the radii add up to the length looked
 * for (the last read may be a meet: only the steps from one frontier into the other); then it
 * walks the paths of that length in memory (paths/search.ts), shortest lengths first, until
 * `limit` paths are found or maxHops is covered. A last round trip reads the found paths'
 * entities and edges. The work budget bounds the relationships read; the walk's visits are
 * bounded too. When a bound stops the search, every path of at most `exhaustiveTo` steps is still
 * known and the answer says `complete: false`.
 *
 * This is the one read root field of more than one round trip (at most 2 * maxHops + 1: the ends,
 * a layer and a meet per length but the first, the paths' items): in a single statement the set
 * of visited nodes is a Cypher list, whose look-ups made the search quadratic (seconds to minutes
 * between well-connected nodes of a 100k-flow graph).
 */
import type { Database } from '../db/database.ts';
import { readRows } from './read.ts';
import type { PathsPlan } from './plan.ts';
import type { EdgeRow, GraphNodeRow } from './rows.ts';
import type { FoundPath } from './paths/search.ts';
import { runSearch, type SearchCoverage } from './paths/run.ts';
import { endsStatement, layerStatement, pathItemsStatement, type PathEdgeRef } from './paths/statements.ts';

/** A path: its entities in walking order and its steps. */
export interface PathRow {
  length: number;
  nodes: GraphNodeRow[];
  steps: { edge: EdgeRow; forward: boolean }[];
}

/** The answer of paths. */
export interface PathResultRow {
  paths: PathRow[];
  complete: boolean;
  search: SearchCoverage;
}

/** Up to `limit` shortest paths, shortest first, and what the search covered; null when an end does not exist. */
export async function shortestPaths(db: Database, plan: PathsPlan): Promise<PathResultRow | null> {
  const [ends] = await readRows<{ found: boolean; fromDegree: number; toDegree: number }>(db, endsStatement(plan.from, plan.to));
  if (!ends?.found) return null;
  const question = { ...plan, degrees: { from: ends.fromDegree, to: ends.toDegree } };
  const { found, complete, coverage } = await runSearch(question, async (read) => {
    const rows = await readRows<{ x: string; steps: [string, string, string, number][] }>(db, layerStatement(read, plan.filter, plan.excludeIds));
    return rows.flatMap(({ x, steps }) => steps.map(([y, ty, edgeId, degree]) => ({ x, y, ty, edgeId, degree })));
  });
  return { paths: await pathItems(db, plan, found), complete, search: coverage };
}

/** The found paths with their entities and edges read in one round trip (none when there is no path). */
async function pathItems(db: Database, plan: PathsPlan, found: FoundPath[]): Promise<PathRow[]> {
  if (found.length === 0) return [];
  const nodeIds = [...new Set(found.flatMap((p) => p.nodes))];
  const edges = new Map<string, PathEdgeRef>();
  for (const p of found) p.steps.forEach((s, i) => edges.set(s.edgeId, { x: p.nodes[i]!, y: s.y, edgeId: s.edgeId }));
  const [row] = await readRows<{ nodes: GraphNodeRow[]; edges: EdgeRow[] }>(db, pathItemsStatement(nodeIds, [...edges.values()], plan.provenance));
  const nodeById = new Map((row?.nodes ?? []).map((n) => [n.id, n]));
  const edgeById = new Map((row?.edges ?? []).map((e) => [e.id, e]));
  return found.map((p) => ({
    length: p.steps.length,
    nodes: p.nodes.map((id) => nodeById.get(id)!),
    steps: p.steps.map((s, i) => {
      const edge = edgeById.get(s.edgeId)!;
      return { edge, forward: edge.source === p.nodes[i] };
    }),
  }));
}
