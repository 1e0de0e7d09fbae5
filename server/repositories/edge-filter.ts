/**
 * The edge tests that subgraphs and paths share: which typed relationships and which funding
 * flows a walk may follow. A filter that is not set adds no condition.
 */
import { RELATIONSHIP_TYPES } from '../../domain/relationship-types.ts';
import { all, flowOverlaps, overlaps, windowRefs, type Statement, type WindowRefs } from './cypher.ts';
import type { EdgeFilter } from './plan.ts';

/**
 * The typed relationship types as a pattern (from the allow-list, never request text): naming
 * them lets Neo4j skip a dense node's funding relationships instead of reading and discarding them.
 */
export const TYPED = RELATIONSHIP_TYPES.join('|');

/** An edge filter bound to one statement. */
export interface EdgeRefs {
  types: string | null;
  funded: boolean;
  window: WindowRefs;
  min: string | null;
  /** False when every edge counts, so that degrees can be read from the degree store. */
  filtered: boolean;
}

/** Binds the parts of the filter that are set. */
export function edgeRefs(st: Statement, f: EdgeFilter): EdgeRefs {
  return {
    types: f.relTypes === null ? null : st.param(f.relTypes),
    funded: f.funded,
    window: windowRefs(st, f),
    min: f.minAmountUsd === null ? null : st.param(f.minAmountUsd),
    filtered: f.relTypes !== null || !f.funded || f.yearFrom !== null || f.yearTo !== null || f.minAmountUsd !== null,
  };
}

/** True when typed relationship `r` passes the filter. */
export function relOk(r: string, p: EdgeRefs): string {
  return all([p.types && `type(${r}) IN ${p.types}`, overlaps(r, p.window)]);
}

/** True when flow `f` passes the filter (never when flows are not followed). */
export function flowOk(f: string, p: EdgeRefs): string {
  if (!p.funded) return 'false';
  return all([flowOverlaps(f, p.window), p.min && `${f}.amountUsd >= ${p.min}`]);
}
