/**
 * The edge tests that subgraphs and paths share: which typed relationships and which funding
 * flows a walk may follow. A filter that is not set adds no condition.
 */
import { RELATIONSHIP_TYPES } from '../../domain/relationship-types.ts';
import { all, flowOverlaps, overlaps, windowRefs, type Statement, type WindowRefs } from './cypher.ts';
import type { EdgeFilter } from './plan.ts';
import { inWindow } from './timing.ts';
import type { NodeKind } from '../../domain/kinds.ts';

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
  /** Every part bound, tested for null in the statement (one plan for every filter: paths). */
  fixedText: boolean;
  /** Node kinds the other end must have (null = any). */
  kinds: string | null;
  /**
   * Whether typed relationships reach new nodes. They carry no amount, so under a minimum amount
   * only flows of that amount reach nodes; typed relationships are then shown between nodes
   * reached, never used to reach one.
   */
  typedReach: boolean;
}

/** Binds the parts of the filter that are set. */
export function edgeRefs(st: Statement, f: EdgeFilter, kinds: readonly NodeKind[] | null = null): EdgeRefs {
  return {
    types: f.relTypes === null ? null : st.param(f.relTypes),
    funded: f.funded,
    window: windowRefs(st, f),
    min: f.minAmountUsd === null ? null : st.param(f.minAmountUsd),
    filtered: f.relTypes !== null || !f.funded || f.yearFrom !== null || f.yearTo !== null || f.minAmountUsd !== null || kinds !== null,
    fixedText: false,
    kinds: kinds === null ? null : st.param(kinds),
    typedReach: f.minAmountUsd === null,
  };
}

/** True when node `n` has one of the kinds bound as `ref` (an actor by its kind property). */
export function kindOk(n: string, ref: string | null): string {
  if (ref === null) return 'true';
  return `((${n}:Actor AND ${n}.kind IN ${ref}) OR (${n}:Authority AND 'Authority' IN ${ref}) OR (${n}:Event AND 'Event' IN ${ref}))`;
}

/** `test`, or true when parameter `ref` is null (fixed text only). */
const unlessNull = (p: EdgeRefs, ref: string | null, test: string): string | null =>
  ref === null ? null : p.fixedText ? `(${ref} IS NULL OR ${test})` : test;

function windowOk(x: string, p: EdgeRefs, startProp: string, endProp: string): string {
  if (!p.fixedText) return overlaps(x, p.window, startProp, endProp);
  const { from, to } = p.window;
  return all([
    to && `(${to} IS NULL OR ${x}.${startProp} IS NULL OR ${x}.${startProp} <= ${to})`,
    from && `(${from} IS NULL OR ${x}.${endProp} IS NULL OR ${x}.${endProp} >= ${from})`,
  ]);
}

/** True when typed relationship `r` passes the filter; its timing decides what the window means. */
export function relOk(r: string, p: EdgeRefs): string {
  return all([p.types && unlessNull(p, p.types, `type(${r}) IN ${p.types}`), inWindow(r, p.window, p.fixedText)]);
}

/** True when flow `f` passes the filter (never when flows are not followed). */
export function flowOk(f: string, p: EdgeRefs): string {
  if (!p.funded) return 'false';
  return all([p.fixedText ? windowOk(f, p, 'fyStart', 'fyEnd') : flowOverlaps(f, p.window), unlessNull(p, p.min, `${f}.amountUsd >= ${p.min}`)]);
}
