/**
 * The filters applied in the page to elements the API returned without them (neighbourhood
 * expansions take no kind or amount filter), so the canvas obeys the panel everywhere.
 */
import type { ElementDefinition } from 'cytoscape';
import { FUNDED } from './filter-panel.ts';

/** The filter values the page applies itself. */
export interface ClientFilterState {
  kinds: readonly string[];
  types: readonly string[];
  minAmount?: number;
}

/** Keep the elements that pass the kind, type and minimum-amount filters of `state`. */
export function applyClientFilters(elements: ElementDefinition[], state: ClientFilterState, keepIds: Set<string> = new Set()): ElementDefinition[] {
  const kinds = new Set<string>(state.kinds);
  const types = new Set(state.types);
  const dropped = new Set<string>();
  const nodes = elements.filter((el) => {
    if (el.group !== 'nodes') return false;
    const id = el.data.id as string;
    const ok = keepIds.has(id) || kinds.size === 0 || kinds.has(el.data.kind as string);
    if (!ok) dropped.add(id);
    return ok;
  });
  const edges = elements.filter((el) => {
    if (el.group !== 'edges') return false;
    const d = el.data;
    if (dropped.has(d.source as string) || dropped.has(d.target as string)) return false;
    const money = d.amountUsd != null && (d.amountUsd as number) > 0;
    const type = money ? FUNDED : (d.type as string);
    if (types.size && !types.has(type) && !types.has(d.type as string)) return false;
    if (money && state.minAmount && (d.amountUsd as number) < state.minAmount) return false;
    return true;
  });
  return [...nodes, ...edges];
}

/**
 * The `types` argument for the API, or nothing. FUNDED is not an allow-listed type (flows are
 * reified nodes), so when funding is among the chosen types the API gets no type filter and the
 * page filters the answer itself.
 */
export function apiTypes(state: { types: readonly string[] }): string[] | undefined {
  if (!state.types.length || state.types.includes(FUNDED)) return undefined;
  return [...state.types];
}
