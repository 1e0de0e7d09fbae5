/** The network view's API calls. */
import { fetchNeighborhood, fetchOverview, fetchRelationshipTypes } from '../api/queries.ts';
import type { Subgraph } from '../api/types.ts';
import { expansionArgs, overviewFilter, type ExploreInputs } from './state.ts';

/** The overview graph under the state's filters. */
export function loadOverview(s: ExploreInputs, signal?: AbortSignal): Promise<Subgraph> {
  return fetchOverview(overviewFilter(s), signal);
}

/** The neighbours of `id` (at most `limit`) under the state's filters. */
export function loadExpansion(id: string, limit: number, s: ExploreInputs, signal?: AbortSignal): Promise<Subgraph> {
  return fetchNeighborhood(expansionArgs(id, limit, s), signal);
}

/** The allow-listed relationship types, for the filter panel. */
export function loadRelationshipTypes(signal?: AbortSignal): Promise<string[]> {
  return fetchRelationshipTypes(signal);
}
