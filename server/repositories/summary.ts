/**
 * "About this data": counts of every record kind, the years each kind covers and the source
 * documents, read in one statement. Relationship types come from the domain's allow-list as a
 * parameter, so a funding flow's own edges (PROVIDED, TO, UNDER, PART_OF between flows) are not
 * counted as relationships.
 */
import type { Database } from '../db/database.ts';
import { RELATIONSHIP_TYPES } from '../../domain/relationship-types.ts';
import { Statement, type CypherStatement } from './cypher.ts';
import { readRows } from './read.ts';
import type { SummaryPlan } from './plan.ts';

/** How many records of one kind. */
export interface KindCountRow {
  kind: string;
  count: number;
}

/** First and last year; null when no record of the kind has a year. */
export type YearSpanRow = { from: number; to: number } | null;

/** A listed source document. */
export interface SummarySourceRow {
  id: string;
  kind: string;
  title: string | null;
  author: string | null;
  publisher: string | null;
  date: string | null;
  url: string | null;
}

/** The statement's one row. */
export interface SummaryRow {
  sources: SummarySourceRow[];
  sourceCount: number;
  sourcesByKind: KindCountRow[];
  sourceRecordCount: number;
  actorCount: number;
  actorsByKind: KindCountRow[];
  authorityCount: number;
  authoritiesByKind: KindCountRow[];
  eventCount: number;
  relationshipCount: number;
  relationshipsByType: KindCountRow[];
  flowCount: number;
  flowYears: YearSpanRow;
  relationshipYears: YearSpanRow;
  eventYears: YearSpanRow;
}

/** Counts of `label` nodes by their `kind` property, largest first (then by name). */
const byKind = (label: 'Actor' | 'Authority' | 'Source', alias: string) => `
    CALL () {
      MATCH (n:${label}) WITH n.kind AS kind, count(*) AS count ORDER BY count DESC, kind
      RETURN collect({ kind: kind, count: count }) AS ${alias}
    }`;

/** A span from two aggregated bounds, null when there is none. */
const span = (lo: string, hi: string) => `CASE WHEN ${lo} IS NULL THEN null ELSE { from: ${lo}, to: ${hi} } END`;

/** The statement of dataSummary. */
export function summaryStatement(plan: SummaryPlan): CypherStatement {
  const st = new Statement();
  const cypher = `
    ${byKind('Actor', 'actorsByKind')}
    ${byKind('Authority', 'authoritiesByKind')}
    ${byKind('Source', 'sourcesByKind')}
    CALL () {
      MATCH (s:Source) WHERE s.kind <> 'SECTION'
      WITH s ORDER BY CASE WHEN s.kind = 'WORK' THEN 1 ELSE 0 END, coalesce(s.title, s.id), s.id
      WITH collect({ id: s.id, kind: s.kind, title: s.title, author: s.author, publisher: s.publisher, date: s.date, url: s.url }) AS docs
      RETURN docs[..${st.param(plan.sourcesFirst)}] AS sources, size(docs) AS sourceCount
    }
    CALL () {
      MATCH (:Entity)-[r]->(:Entity) WHERE type(r) IN ${st.param(RELATIONSHIP_TYPES)}
      WITH type(r) AS kind, count(*) AS count,
        min(coalesce(r.start, r.end)) AS lo, max(coalesce(r.end, r.start)) AS hi
      ORDER BY count DESC, kind
      RETURN collect({ kind: kind, count: count }) AS relationshipsByType, min(lo) AS relLo, max(hi) AS relHi
    }
    CALL () { MATCH (e:Event) RETURN count(e) AS eventCount, min(e.year) AS evLo, max(coalesce(e.yearEnd, e.year)) AS evHi }
    CALL () { MATCH (f:Funding) RETURN count(f) AS flowCount, min(f.fyStart) AS fLo, max(f.fyEnd) AS fHi }
    RETURN sources, sourceCount, sourcesByKind, actorsByKind, authoritiesByKind, relationshipsByType, eventCount, flowCount,
      reduce(s = 0, x IN sourcesByKind | s + x.count) AS sourceRecordCount,
      reduce(s = 0, x IN actorsByKind | s + x.count) AS actorCount,
      reduce(s = 0, x IN authoritiesByKind | s + x.count) AS authorityCount,
      reduce(s = 0, x IN relationshipsByType | s + x.count) AS relationshipCount,
      ${span('fLo', 'fHi')} AS flowYears, ${span('relLo', 'relHi')} AS relationshipYears, ${span('evLo', 'evHi')} AS eventYears`;
  return st.build(cypher);
}

/** The span covering every span given; null when all are null. */
export function unionSpan(spans: YearSpanRow[]): YearSpanRow {
  const set = spans.filter((s): s is NonNullable<YearSpanRow> => s !== null);
  if (set.length === 0) return null;
  return { from: Math.min(...set.map((s) => s.from)), to: Math.max(...set.map((s) => s.to)) };
}

/** The summary of the whole graph. */
export async function dataSummary(db: Database, plan: SummaryPlan): Promise<SummaryRow> {
  const [row] = await readRows<SummaryRow>(db, summaryStatement(plan));
  if (!row) throw new Error('dataSummary: the statement returned no row');
  return row;
}
