/**
 * Bounds on every list argument, checked before any Cypher runs: a value out of range is a
 * BAD_USER_INPUT naming the argument, never silently clamped.
 */
import { badInput } from './errors.ts';
import { FUNDED, isRelationshipType, type RelationshipType } from '../../domain/relationship-types.ts';

/** Default and maximum of each bounded argument. */
export const LIMITS = {
  pageSize: { default: 50, max: 500 },
  nestedList: { default: 50, max: 200 },
  search: { default: 10, max: 50 },
  neighborhoodNodes: { default: 200, max: 2000 },
  graphNodes: { default: 300, max: 2000 },
  /** Edges returned with a subgraph, at most; the rest is counted in omittedEdges. */
  subgraphEdges: 5000,
  /**
   * ... and at most this many per node shown: around hubs, parallel funding flows would otherwise
   * fill the answer with thousands of edges that cost most of the time and draw as a hairball.
   */
  subgraphEdgesPerNode: 10,
  pathsLimit: { default: 5, max: 25 },
  pathsHops: { default: 4, max: 6 },
  lineageDepth: { default: 10, max: 10 },
  neighborhoodDepth: { default: 1, max: 3 },
  changes: { default: 50, max: 500 },
  excludedFlows: 100,
  /** Flows listed per funding-graph edge (the counts cover all). */
  flowsPerEdge: { default: 20, max: 200 },
  /** Edges of a funding graph, largest first; the rest is counted in omittedEdges. */
  fundingGraphEdges: 5000,
  dependencyNodes: { default: 300, max: 2000 },
  /** Source documents listed by dataSummary (all are counted). */
  summarySources: { default: 100, max: 500 },
  searchText: 200,
  filterList: 200,
} as const;

/** `value ?? fallback`, checked to lie in [min, max]. */
export function intArg(name: string, value: number | null | undefined, fallback: number, min: number, max: number): number {
  const v = value ?? fallback;
  if (!Number.isInteger(v) || v < min || v > max) throw badInput(name, `must be a whole number from ${min} to ${max}, got ${v}`);
  return v;
}

/** An optional year (1800..2100). */
export function yearArg(name: string, value: number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  return intArg(name, value, value, 1800, 2100);
}

/** A year window; yearFrom after yearTo is an error. */
export function yearWindow(from: number | null | undefined, to: number | null | undefined): { yearFrom: number | null; yearTo: number | null } {
  const yearFrom = yearArg('yearFrom', from);
  const yearTo = yearArg('yearTo', to);
  if (yearFrom !== null && yearTo !== null && yearFrom > yearTo) throw badInput('yearFrom', `${yearFrom} is after yearTo ${yearTo}`);
  return { yearFrom, yearTo };
}

/**
 * Relationship-type filter: every entry must be on the allow-list (or FUNDED). Returns the typed
 * relationship types to follow and whether funding flows are included; null = all.
 */
export function typesArg(name: string, types: readonly string[] | null | undefined): { relTypes: RelationshipType[] | null; funded: boolean } {
  if (types === null || types === undefined) return { relTypes: null, funded: true };
  if (types.length > LIMITS.filterList) throw badInput(name, `at most ${LIMITS.filterList} types`);
  const relTypes: RelationshipType[] = [];
  const bad: string[] = [];
  for (const t of types) {
    if (isRelationshipType(t)) relTypes.push(t);
    else if (t !== FUNDED) bad.push(t);
  }
  if (bad.length > 0) throw badInput(name, `unknown relationship type ${bad.map((b) => `"${b.slice(0, 40)}"`).join(', ')}; see the relationshipTypes query`);
  return { relTypes, funded: types.includes(FUNDED) };
}

/** An id argument: a short slug-like string. */
export function idArg(name: string, value: string): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 200) throw badInput(name, 'must be an id of 1 to 200 characters');
  return value;
}

/** A list of ids, bounded. */
export function idListArg(name: string, values: readonly string[] | null | undefined): string[] | null {
  if (values === null || values === undefined) return null;
  if (values.length > LIMITS.filterList) throw badInput(name, `at most ${LIMITS.filterList} ids`);
  return values.map((v) => idArg(name, v));
}

/** The edge cap of a subgraph of `nodes` nodes. */
export const subgraphEdgeCap = (nodes: number): number => Math.min(LIMITS.subgraphEdges, LIMITS.subgraphEdgesPerNode * nodes);
