/** The path finder's API call. */
import { fetchPathResult, fetchRelationshipTypes } from '../api/queries.ts';
import type { PathResult } from '../api/types.ts';
import { PATH_LIMIT, type PathQuery } from './state.ts';

/** The shortest paths between two entities, shortest first, and whether the search was complete. */
export function loadPaths(query: PathQuery, signal?: AbortSignal): Promise<PathResult> {
  return fetchPathResult({ ...query, limit: PATH_LIMIT }, signal);
}

/** The relationship types a path may follow (the API's list, FUNDED included). */
export function loadTypes(signal?: AbortSignal): Promise<string[]> {
  return fetchRelationshipTypes(signal);
}
