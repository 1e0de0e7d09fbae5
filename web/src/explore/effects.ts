/** The network view's API calls. */
import { fetchNeighborhood, fetchOverview, fetchRelationshipTypes } from '../api/queries.ts';
import { isAbort } from '../api/client.ts';
import type { Subgraph } from '../api/types.ts';
import { EXPAND_LIMIT, expansionArgs, overviewFilter, type ExploreInputs } from './state.ts';

/** The overview graph under the state's filters; `withLayout`: with the server's positions. */
export function loadOverview(s: ExploreInputs, signal?: AbortSignal, withLayout = false): Promise<Subgraph> {
  return fetchOverview(overviewFilter(s), withLayout, signal);
}

/**
 * The neighbours of `id` (at most `limit`) under the state's filters; `types` (the context menu's
 * "expand by relationship type") replaces the panel's types, the API's own `types` argument.
 */
export function loadExpansion(id: string, limit: number, s: ExploreInputs, signal?: AbortSignal, types?: readonly string[]): Promise<Subgraph> {
  const args = expansionArgs(id, limit, s);
  return fetchNeighborhood(types ? { ...args, types: [...types] as typeof args.types } : args, signal);
}

/** The allow-listed relationship types, for the filter panel. */
export function loadRelationshipTypes(signal?: AbortSignal): Promise<string[]> {
  return fetchRelationshipTypes(signal);
}

/**
 * The overview and, alongside it, every expansion the state names, plain and by type (one that
 * fails comes back as null and is left out; a cancelled load still rejects).
 */
export async function loadNetwork(s: ExploreInputs, signal: AbortSignal, withLayout: boolean): Promise<{ overview: Subgraph; expansions: (Subgraph | null)[]; typed: (Subgraph | null)[] }> {
  const one = (id: string, types?: readonly string[]) => loadExpansion(id, EXPAND_LIMIT, s, signal, types).catch((err) => (isAbort(err) ? Promise.reject(err) : null));
  const { expanded, expandedBy } = s.explore;
  const [overview, ...rest] = await Promise.all([loadOverview(s, signal, withLayout), ...expanded.map((id) => one(id)), ...expandedBy.map((x) => one(x.id, x.types))]);
  return { overview, expansions: rest.slice(0, expanded.length), typed: rest.slice(expanded.length) };
}
