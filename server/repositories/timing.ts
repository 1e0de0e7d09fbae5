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
 * reference is an open bound and adds no condition. Written as a disjunction over the timings
 * (an edge stored without one takes the default by its years), never a CASE, so that it reads
 * like the other edge tests wherever a walk places it.
 */
export function inWindow(r: string, w: WindowRefs, nullable = false): string {
  const { from, to } = w;
  if (from === null && to === null) return 'true';
  const bound = (ref: string | null, test: string) => (ref === null ? null : nullable ? `(${ref} IS NULL OR ${test})` : test);
  const dated = `(${r}.start IS NOT NULL OR ${r}.end IS NOT NULL)`;
  const is = (timing: string, byDefault: string | null) =>
    byDefault === null ? `${r}.timing = '${timing}'` : `(${r}.timing = '${timing}' OR (${r}.timing IS NULL AND ${byDefault}))`;
  const point = all([is('POINT', null), `${r}.start IS NOT NULL`, bound(to, `${r}.start <= ${to}`), bound(from, `${r}.start >= ${from}`)]);
  const period = all([is('PERIOD', dated), bound(to, `(${r}.start IS NULL OR ${r}.start <= ${to})`), bound(from, `(${r}.end IS NULL OR ${r}.end >= ${from})`)]);
  const cases = [is('ALWAYS', null), `(${point})`, `(${period})`];
  // An undated edge answers no window; in the fixed text, only the one whose bounds are both null.
  if (nullable) cases.push(`(${all([is('UNDATED', `NOT ${dated}`), from && `${from} IS NULL`, to && `${to} IS NULL`])})`);
  return `(${cases.join(' OR ')})`;
}
