/**
 * The search's loop (the algorithm is described in paths/search.ts): grow the cheaper ball, or
 * meet the other one when a single step is missing, until the length looked for is covered; walk the paths of that length, and go on to the next
 * length until `limit` paths are found, maxHops is covered or a bound is reached. Layers are read
 * through `readLayer`, so the loop runs the same against Neo4j and against a graph in memory.
 */
import { PathSearch, type FoundPath, type LayerRead, type LayerRow } from './search.ts';

/** Stored relationships the breadth-first layers may read (the sum of the degrees of the nodes expanded). */
export const SEARCH_BUDGET = 200_000;
/** Partial paths the in-memory walk may visit, over all lengths. */
export const VISIT_CAP = 500_000;

/** What the search covered (PathSearch of the API). */
export interface SearchCoverage {
  maxHops: number;
  exhaustiveTo: number;
  expandedNodes: number;
  work: number;
  budget: number;
  stoppedBy: 'WORK_BUDGET' | 'PREFIX_CAP' | null;
}

/** The question: the ends, their stored degrees, and the bounds. */
export interface SearchQuestion {
  from: string;
  to: string;
  degrees: { from: number; to: number };
  maxHops: number;
  limit: number;
  excludeIds: readonly string[];
  budget?: number;
  visitCap?: number;
}

/** Runs the search; the paths are ids and edge ids, shortest first. */
export async function runSearch(q: SearchQuestion, readLayer: (read: LayerRead) => Promise<LayerRow[]>): Promise<{ found: FoundPath[]; complete: boolean; coverage: SearchCoverage }> {
  const budget = q.budget ?? SEARCH_BUDGET;
  const search = new PathSearch(q.from, q.to, new Set(q.excludeIds), q.degrees);
  const found: FoundPath[] = [];
  let work = 0;
  let expandedNodes = 0;
  let visits = q.visitCap ?? VISIT_CAP;
  let stoppedBy: SearchCoverage['stoppedBy'] = null;
  let exhaustiveTo = 0;
  lengths: for (let length = 1; length <= q.maxHops; length++) {
    while (search.coverage() < length) {
      const read = search.nextRead(length);
      if (read === null) break;
      if (work + read.cost > budget) {
        stoppedBy = 'WORK_BUDGET';
        break lengths;
      }
      search.take(read, await readLayer(read));
      work += read.cost;
      expandedNodes += read.ids.length;
    }
    const walk = search.enumerate(length, q.limit - found.length, visits);
    found.push(...walk.paths);
    visits -= walk.visited;
    if (walk.capped) {
      stoppedBy = 'PREFIX_CAP';
      break;
    }
    exhaustiveTo = length;
    if (found.length >= q.limit) break;
  }
  return {
    found,
    complete: exhaustiveTo >= q.maxHops || found.length >= q.limit,
    coverage: { maxHops: q.maxHops, exhaustiveTo, expandedNodes, work, budget, stoppedBy },
  };
}
