/**
 * The network view's pure logic: what a state asks of the API, when a state change needs a reload,
 * the expansion set algebra (what an expansion added, what a collapse may remove), the patches of
 * hide / show / focus mode, and the placement of expanded neighbours.
 */
import type { ElementDefinition, Position } from 'cytoscape';
import type { GraphFilter, Subgraph } from '../api/types.ts';
import type { NeighborhoodArgs } from '../api/queries.ts';
import { NO_FILTERS, yearWindow, type FiltersState } from '../filters/codec.ts';
import type { StatePatch } from '../app/state.ts';
import { DEFAULT_OVERVIEW, type ExploreUrlState } from './codec.ts';

/** Neighbours fetched by one double-click; "+N more" fetches four times as many. */
export const EXPAND_LIMIT = 40;
export const MAX_LIMIT = 2000;

/** What the network view reads from the page state. */
export interface ExploreInputs {
  explore: ExploreUrlState;
  filters: FiltersState;
}

/** What one expansion put on the canvas. */
export interface Expansion {
  /** Ids of the nodes and edges this expansion added. */
  added: ReadonlySet<string>;
  limit: number;
}

export type Expansions = ReadonlyMap<string, Expansion>;

/** The overview request for a state. */
export function overviewFilter(s: ExploreInputs): GraphFilter {
  const { explore: e, filters: f } = s;
  return { kinds: apiKinds(e), types: apiTypes(e), ...yearWindow(f), minAmountUsd: f.minAmount, limit: e.limit };
}

/**
 * The neighbourhood request of one expansion: the same kinds, types, years and minimum amount as
 * the overview, so the API answers exactly what the panel asks and the page filters nothing.
 */
export function expansionArgs(id: string, limit: number, s: ExploreInputs): NeighborhoodArgs {
  return { id, depth: 1, kinds: apiKinds(s.explore), types: apiTypes(s.explore), ...yearWindow(s.filters), minAmountUsd: s.filters.minAmount, limit };
}

// The panel's kinds and types come from the API's own lists (FUNDED included), so they are sent as they are.
function apiKinds(e: ExploreUrlState): GraphFilter['kinds'] {
  return e.kinds.length ? ([...e.kinds] as GraphFilter['kinds']) : undefined;
}

function apiTypes(e: ExploreUrlState): GraphFilter['types'] {
  return e.types.length ? ([...e.types] as GraphFilter['types']) : undefined;
}

/** Fields whose change means a fresh overview (everything else is applied to the canvas). */
export function reloadKey(s: ExploreInputs): string {
  const { explore: e, filters: f } = s;
  return JSON.stringify([e.kinds, e.types, f.minAmount, e.limit, f.yearMode, f.yearFrom, f.yearTo, e.expanded, e.expandedBy, e.hidden, e.compareA, e.compareB]);
}

/** Any filter narrows the overview (so an empty canvas is the filters' doing). */
export function hasFilters(s: ExploreInputs): boolean {
  return s.explore.kinds.length > 0 || s.explore.types.length > 0 || !!s.filters.minAmount || s.filters.yearMode !== 'all';
}

/** Back to every kind, type, year and amount. */
export const RESET_FILTERS: StatePatch = { explore: { kinds: [], types: [] }, filters: NO_FILTERS };

/** The overview size after "Show more". */
export function largerOverview(limit: number | undefined): number {
  return Math.min(MAX_LIMIT, (limit ?? DEFAULT_OVERVIEW) * 3);
}

/** The neighbour limit of an expansion: "+N more" asks four times the previous one. */
export function expansionLimit(more: boolean, previous: Expansion | undefined): number {
  return more ? Math.min(MAX_LIMIT, (previous?.limit ?? EXPAND_LIMIT) * 4) : EXPAND_LIMIT;
}

/** `list` with `id` at the end, unless it is there already. */
export function withId(list: readonly string[], id: string): string[] {
  return list.includes(id) ? [...list] : [...list, id];
}

/** `list` without `ids`. */
export function withoutIds(list: readonly string[], ids: readonly string[]): string[] {
  return list.filter((x) => !ids.includes(x));
}

/** The record of an expansion after it (again) added `fresh` with `limit`. */
export function grow(previous: Expansion | undefined, fresh: readonly string[], limit: number): Expansion {
  return { added: new Set([...(previous?.added ?? []), ...fresh]), limit };
}

/**
 * What collapsing `rootId` may remove: what its expansion added, less what the overview, the other
 * expansions (and their roots) hold, the focused node and the root itself.
 */
export function collapsible(rootId: string, expansions: Expansions, baseIds: ReadonlySet<string>, focus: string | undefined): string[] {
  const expansion = expansions.get(rootId);
  if (!expansion) return [];
  const held = new Set<string>(baseIds);
  for (const [id, other] of expansions) {
    held.add(id);
    if (id !== rootId) for (const x of other.added) held.add(x);
  }
  return [...expansion.added].filter((id) => !held.has(id) && id !== focus && id !== rootId);
}

/** Hiding `ids`: the ones not hidden yet and the patch (the focus goes when it is hidden). */
export function hiding(s: ExploreUrlState, ids: readonly string[]): { fresh: string[]; patch: Partial<ExploreUrlState> } {
  const fresh = ids.filter((id) => !s.hidden.includes(id));
  return { fresh, patch: { hidden: [...s.hidden, ...fresh], focus: fresh.includes(s.focus ?? '') ? undefined : s.focus } };
}

/** Id of the "+N more" placeholder of an expansion, and of its link. */
export const moreId = (rootId: string) => `more:${rootId}`;
const moreLinkId = (rootId: string) => `more-link:${rootId}`;

/** Positions on a ring around `center` for `count` new neighbours, and the ring's radius. */
export function ring(center: Position, count: number): { radius: number; positions: Position[] } {
  const radius = Math.max(90, count * 9);
  const positions = Array.from({ length: count }, (_, i) => {
    const a = (2 * Math.PI * i) / Math.max(count, 1);
    return { x: center.x + radius * Math.cos(a), y: center.y + radius * Math.sin(a) };
  });
  return { radius, positions };
}

/** The "+N more" node and its link above an expansion, or nothing when nothing was left out. */
export function moreElements(rootId: string, sub: Pick<Subgraph, 'truncated' | 'omittedNodes'>, limit: number, center: Position, radius: number): ElementDefinition[] {
  const omitted = sub.truncated ? sub.omittedNodes : 0;
  if (omitted <= 0 || limit >= MAX_LIMIT) return [];
  const label = `+${omitted} more`;
  return [
    { group: 'nodes', data: { id: moreId(rootId), label, name: label, kind: 'more', root: rootId }, classes: 'more', position: { x: center.x, y: center.y - radius - 30 } },
    { group: 'edges', data: { id: moreLinkId(rootId), source: rootId, target: moreId(rootId) }, classes: 'more-link' },
  ];
}

/** Dated events of an overview, for the timeline's marks (its span is the API's dataSummary). */
export function timelineEvents(overview: Pick<Subgraph, 'nodes'>): { id: string; name: string; year: number }[] {
  return overview.nodes.filter((n) => n.kind === 'Event' && n.year != null).map((n) => ({ id: n.id, name: n.name, year: n.year as number }));
}

/**
 * The banner's sentence when the API says something was left out, else null: `truncated` alone
 * is not enough, the counts must say what (a cut that left out nothing is not worth a banner).
 */
export function truncationNote(overview: Pick<Subgraph, 'nodes' | 'truncated' | 'omittedNodes' | 'omittedEdges'>): string | null {
  const { omittedNodes: n, omittedEdges: e } = overview;
  if (!overview.truncated || (n <= 0 && e <= 0)) return null;
  const relationships = `${e} relationship${e === 1 ? '' : 's'}`;
  if (n <= 0) return `All ${overview.nodes.length} entities are shown; ${relationships} among them are left out. `;
  const entities = `${n} more entit${n === 1 ? 'y' : 'ies'}`;
  return `Showing the ${overview.nodes.length} best-connected entities; ${entities}${e > 0 ? ` and ${relationships}` : ''} are left out. `;
}

/** "Show more" is offered only when a larger overview can bring more entities. */
export function canShowMore(overview: Pick<Subgraph, 'truncated' | 'omittedNodes'>, limit: number | undefined): boolean {
  return overview.truncated && overview.omittedNodes > 0 && (limit ?? DEFAULT_OVERVIEW) < MAX_LIMIT;
}

/** What an empty canvas says. */
export function emptyMessage(s: ExploreInputs): string {
  return hasFilters(s) ? 'No entities match these filters.' : 'The database holds no entities yet. Load a data set with `npm run seed`.';
}

/** Timings of an overview load, for the bench and the report. */
export interface OverviewTiming {
  fetchMs: number;
  renderMs: number;
  layoutMs: number;
  totalMs: number;
  nodes: number;
  edges: number;
}

/** The timing from the load's marks: start, fetched, rendered, laid out, done. */
export function overviewTiming([start, fetched, rendered, laidOut, done]: number[], nodes: number, edges: number): OverviewTiming {
  const ms = (a: number, b: number) => Math.round(b - a);
  return { fetchMs: ms(start, fetched), renderMs: ms(fetched, rendered), layoutMs: ms(rendered, laidOut), totalMs: ms(start, done), nodes, edges };
}
