/** The path finder's API call. */
import { fetchPaths } from '../api/queries.ts';
import type { Path } from '../api/types.ts';
import { PATH_LIMIT } from './state.ts';

/** The shortest paths between two entities, shortest first. */
export function loadPaths(query: { from: string; to: string; maxHops: number }, signal?: AbortSignal): Promise<Path[]> {
  return fetchPaths({ ...query, limit: PATH_LIMIT }, signal);
}
