/**
 * What a year window means for a typed relationship, by its `timing` (domain/kinds.ts TIMINGS):
 * a POINT edge happened in its start year, so it answers only a window holding that year; a
 * PERIOD edge holds over [start, end], an open bound reaching on ("since 2010", "until 2016");
 * an ALWAYS edge holds at every year; an UNDATED edge is shown only when no window is set, since
 * nothing says when it held. Funding flows keep their own fiscal-year test (cypher.ts).
 */
import { all, type WindowRefs } from './cypher.ts';

/** The stored timing of `r`, or the default of the data format for an edge stored without one. */
export function timingOf(r: string): string {
  return `coalesce(${r}.timing, CASE WHEN ${r}.start IS NULL AND ${r}.end IS NULL THEN 'UNDATED' ELSE 'PERIOD' END)`;
}

/**
 * True when relationship `r` holds in the window. With `nullable`, the bounds are parameters
 * that may hold null (a statement whose text must not depend on the filter); otherwise a null
 * reference is an open bound and adds no condition. One CASE on the timing, not a disjunction of
 * conjunctions: the planner normalises boolean predicates, and an OR of ANDs grows there into a
 * product of clauses that made the path search's planning time out.
 */
export function inWindow(r: string, w: WindowRefs, nullable = false): string {
  const { from, to } = w;
  if (from === null && to === null) return 'true';
  const bound = (ref: string | null, test: string) => (ref === null ? null : nullable ? `(${ref} IS NULL OR ${test})` : test);
  const point = all([`${r}.start IS NOT NULL`, bound(to, `${r}.start <= ${to}`), bound(from, `${r}.start >= ${from}`)]);
  const period = all([bound(to, `(${r}.start IS NULL OR ${r}.start <= ${to})`), bound(from, `(${r}.end IS NULL OR ${r}.end >= ${from})`)]);
  const undated = nullable ? all([from && `${from} IS NULL`, to && `${to} IS NULL`]) : 'false';
  return `(CASE ${timingOf(r)} WHEN 'ALWAYS' THEN true WHEN 'UNDATED' THEN ${undated} WHEN 'POINT' THEN ${point} ELSE ${period} END)`;
}
