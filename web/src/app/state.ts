/**
 * The page's state, one slice per view plus the filters two views share; the URL carries all of
 * it (see app/url.ts), so a copied link reopens every view as it was.
 */
import type { FiltersState } from '../filters/codec.ts';
import type { ExploreUrlState } from '../explore/codec.ts';
import type { LineageUrlState } from '../lineage/codec.ts';
import type { FundingUrlState } from '../funding/codec.ts';
import type { PathsUrlState } from '../paths/codec.ts';

export type ViewName = 'explore' | 'lineage' | 'funding' | 'paths';

export interface AppState {
  /** The active view. */
  view: ViewName;
  filters: FiltersState;
  explore: ExploreUrlState;
  lineage: LineageUrlState;
  funding: FundingUrlState;
  paths: PathsUrlState;
}

export type SliceName = Exclude<keyof AppState, 'view'>;

/** A change: the view to switch to and, per slice, the fields that change. */
export type StatePatch = { view?: ViewName } & { [K in SliceName]?: Partial<AppState[K]> };

/** The state after `patch`; slices it does not name are kept as they are (same objects). */
export function applyPatch(state: AppState, patch: StatePatch): AppState {
  const next = { ...state } as Record<string, unknown>;
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    next[key] = key === 'view' ? value : { ...(state[key as SliceName] as object), ...(value as object) };
  }
  return next as unknown as AppState;
}
