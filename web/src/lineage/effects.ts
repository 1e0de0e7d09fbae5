/** The lineage view's API calls. */
import { fetchAuthorities, fetchLineage } from '../api/queries.ts';
import type { AuthorityRef, Lineage } from '../api/types.ts';
import type { Direction } from './codec.ts';

/** The lineage of one authority, or null when there is no such authority. */
export function loadLineage(id: string, direction: Direction, signal?: AbortSignal): Promise<Lineage | null> {
  return fetchLineage(id, direction, signal);
}

/** Every authority, for the list under the picker. */
export function loadAuthorities(signal?: AbortSignal): Promise<AuthorityRef[]> {
  return fetchAuthorities(signal);
}
