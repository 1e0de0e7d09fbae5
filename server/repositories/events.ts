/** The event list in date order, for "what happened in these years". */
import type { Database } from '../db/database.ts';
import { all, Statement, windowRefs, type CypherStatement } from './cypher.ts';
import { entityProjection } from './projection.ts';
import { readRows } from './read.ts';
import type { EventListPlan } from './plan.ts';
import type { EntityRow, Page } from './rows.ts';

/** Events without a year sort after every dated one. */
const NO_YEAR = 9999;

/**
 * One number ordering events by year, month, day (an unknown month or day first in its year),
 * so that the keyset cursor is a single comparison. The statement computes the same key.
 */
export function eventDateKey(e: { year: number | null; month: number | null; day: number | null }): number {
  return (e.year ?? NO_YEAR) * 10000 + (e.month ?? 0) * 100 + (e.day ?? 0);
}

/** The statement of events. */
export function eventsStatement(plan: EventListPlan): CypherStatement {
  const st = new Statement();
  const w = windowRefs(st, plan);
  const key = `(coalesce(n.year, ${st.param(NO_YEAR)}) * 10000 + coalesce(n.month, 0) * 100 + coalesce(n.day, 0))`;
  // An event without a year fails both comparisons (null), so a window leaves it out.
  const conds = [w.to && `n.year <= ${w.to}`, w.from && `coalesce(n.yearEnd, n.year) >= ${w.from}`];
  const after = plan.after && `(${key} > ${st.param(plan.after.at)} OR (${key} = ${st.param(plan.after.at)} AND n.id > ${st.param(plan.after.id)}))`;
  const cypher = `
    CALL () { MATCH (n:Event) WHERE ${all(conds)} RETURN count(n) AS total }
    CALL () {
      MATCH (n:Event) WHERE ${all([...conds, after])}
      WITH n ORDER BY ${key}, n.id LIMIT ${st.param(plan.first + 1)}
      RETURN collect(${entityProjection(st, 'n', plan.entity)}) AS rows
    }
    RETURN total, rows`;
  return st.build(cypher, plan.provenance);
}

/** One page of events. */
export async function listEvents(db: Database, plan: EventListPlan): Promise<Page<EntityRow>> {
  const [row] = await readRows<{ total: number; rows: EntityRow[] }>(db, eventsStatement(plan));
  const rows = row?.rows ?? [];
  return { rows: rows.slice(0, plan.first), totalCount: row?.total ?? 0, hasNextPage: rows.length > plan.first };
}
