/** The path finder's pure logic: what to ask, the graph of every path, and each hop's wording. */
import type { GraphEdge, GraphNode, Path, PathResult, PathStep, RelationshipType } from '../api/types.ts';
import { formatUsd, humanType } from '../ui/format.ts';
import { DEFAULT_HOPS, MAX_HOPS, type PathsUrlState } from './codec.ts';

/** Paths asked for at once. */
export const PATH_LIMIT = 5;
export const HOP_CHOICES = Array.from({ length: MAX_HOPS }, (_, i) => i + 1);

/** What the page asks the API: both ends, the hop limit, and the types and years it may follow. */
export interface PathQuery {
  from: string;
  to: string;
  maxHops: number;
  types?: RelationshipType[];
  yearFrom?: number;
  yearTo?: number;
  excludeIds?: string[];
}

/** The request a state makes, or null until both ends are chosen. */
export function pathQuery(s: PathsUrlState): PathQuery | null {
  if (!s.from || !s.to) return null;
  const q: PathQuery = { from: s.from, to: s.to, maxHops: s.maxHops ?? DEFAULT_HOPS };
  if (s.types.length) q.types = [...s.types] as RelationshipType[];
  // The ends themselves cannot be avoided; the rest go in a fixed order so equal sets ask alike.
  const avoid = s.exclude.filter((id) => id !== s.from && id !== s.to);
  if (avoid.length) q.excludeIds = [...new Set(avoid)].sort();
  // One year given bounds the search on that side only; both in the wrong order are put right.
  const [lo, hi] = s.yearFrom != null && s.yearTo != null && s.yearFrom > s.yearTo ? [s.yearTo, s.yearFrom] : [s.yearFrom, s.yearTo];
  if (lo != null) q.yearFrom = lo;
  if (hi != null) q.yearTo = hi;
  return q;
}

/** What identifies the drawing of a state (the same key draws nothing new). */
export function pathsKey(s: PathsUrlState): string {
  return JSON.stringify(pathQuery(s) ?? [s.from, s.to]);
}

/** What the search followed, in words, for the list's heading. */
export function searchedText(q: PathQuery): string {
  const types = q.types?.length ? `only ${q.types.map((t) => humanType(t)).join(', ')}` : 'any relationship or funding flow';
  const years = q.yearFrom != null && q.yearTo != null ? `, ${q.yearFrom}–${q.yearTo}` : q.yearFrom != null ? `, from ${q.yearFrom}` : q.yearTo != null ? `, up to ${q.yearTo}` : '';
  const avoided = q.excludeIds?.length ? `, avoiding ${q.excludeIds.length} entit${q.excludeIds.length === 1 ? 'y' : 'ies'}` : '';
  return `within ${hopsText(q.maxHops)}, over ${types}${years}${avoided}`;
}

/**
 * The heading of an answer: how many paths, and whether they are the shortest ones. Only a
 * complete search may claim "shortest"; a search stopped early says how far it got.
 */
export function resultText(r: Pick<PathResult, 'complete' | 'search'>, count: number): { title: string; caveat: string | null } {
  const paths = `${count} path${count === 1 ? '' : 's'}`;
  if (r.complete) return { title: `${paths}, shortest first`, caveat: null };
  const why = r.search.stoppedBy === 'WORK_BUDGET' ? 'its work limit' : r.search.stoppedBy === 'PREFIX_CAP' ? 'its limit on partial paths' : 'a limit';
  const upTo = r.search.exhaustiveTo > 0 ? `every path of at most ${hopsText(r.search.exhaustiveTo)} was found, ` : '';
  return {
    title: `${paths} found; the search was cut short`,
    caveat: `The search stopped at ${why} (${r.search.work} of ${r.search.budget} relationships read): ${upTo}but shorter or other paths of up to ${hopsText(r.search.maxHops)} may be missing. Avoid a hub or choose fewer relationship types to search further.`,
  };
}

/** "n hop(s)". */
export function hopsText(n: number): string {
  return `${n} hop${n > 1 ? 's' : ''}`;
}

/** Every node (once) and every edge of a set of paths. */
export function pathsGraph(paths: Path[]): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const nodes = new Map<string, GraphNode>();
  for (const p of paths) for (const n of p.nodes) nodes.set(n.id, n);
  return { nodes: [...nodes.values()], edges: paths.flatMap((p) => p.steps.map((s) => s.edge)) };
}

/** The ids of a path's nodes and edges, for highlighting. */
export function pathIds(path: Path): string[] {
  return [...path.nodes.map((n) => n.id), ...path.steps.map((s) => s.edge.id)];
}

/** One hop in reading order: from, the relationship as an arrow, to. */
export function hopParts(step: PathStep): { from: string; to: string; arrow: string } {
  const e = step.edge;
  const [from, to] = step.forward ? [e.source, e.target] : [e.target, e.source];
  const what = e.amountUsd ? `${humanType(e.type)} ${formatUsd(e.amountUsd)}` : humanType(e.type);
  return { from, to, arrow: step.forward ? ` —${what}→ ` : ` ←${what}— ` };
}
