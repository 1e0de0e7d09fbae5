/** The network view's API calls. */
import { fetchNeighborhood, fetchOverview, fetchRelationshipTypes } from '../api/queries.ts';
import { isAbort } from '../api/client.ts';
import type { Subgraph } from '../api/types.ts';
import { EXPAND_LIMIT, expansionArgs, overviewFilter, type ExploreInputs } from './state.ts';

/** The overview graph under the state's filters. */
export function loadOverview(s: ExploreInputs, signal?: AbortSignal): Promise<Subgraph> {
  return fetchOverview(overviewFilter(s), signal);
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
 * The overview and, alongside it, every expansion the state names (one that fails comes back as
 * null and is left out; a cancelled load still rejects).
 */
export async function loadNetwork(s: ExploreInputs & { explore: { expanded: string[] } }, signal: AbortSignal): Promise<{ overview: Subgraph; expansions: (Subgraph | null)[] }> {
  const [overview, ...expansions] = await Promise.all([
    loadOverview(s, signal),
    ...s.explore.expanded.map((id) => loadExpansion(id, EXPAND_LIMIT, s, signal).catch((err) => (isAbort(err) ? Promise.reject(err) : null))),
  ]);
  return { overview, expansions };
}
