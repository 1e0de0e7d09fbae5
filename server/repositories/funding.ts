/**
 * Funding flows and their totals. Totals never double count: an AVERAGE flow is never summed; a
 * wider flow whose parts are in the result adds only what its parts leave unexplained (its
 * remainder, never less than 0); a TOTAL over years reaching outside the year window is not
 * summed (it cannot be split by year) and makes the total a lower bound; an ANNUAL flow counts
 * once per year inside the window.
 */
import type { Database } from '../db/database.ts';
import { readWithProvenance, Statement, flowOverlaps, provenance, type ProvenanceWants } from './cypher.ts';
import { flowProjection, entityProjection, mergedWant } from './projection.ts';
import { downStep, lineageRefs } from './lineage.ts';
import type { Want } from '../graphql/selection.ts';

/** Funding filter (validated). */
export interface FlowFilter {
  donor: string | null;
  donors: string[] | null;
  recipient: string | null;
  recipients: string[] | null;
  /** Flows to this State or to any actor of it. */
  recipientCountry: string | null;
  authority: string | null;
  includeDescendants: boolean;
  yearFrom: number | null;
  yearTo: number | null;
  minAmountUsd: number | null;
}

/** An empty filter (everything). */
export const NO_FILTER: FlowFilter = {
  donor: null, donors: null, recipient: null, recipients: null, recipientCountry: null,
  authority: null, includeDescendants: false, yearFrom: null, yearTo: null, minAmountUsd: null,
};

export interface FilterRefs {
  from: string;
  to: string;
  /** Statement text that binds `authIds` (null when no authority filter). */
  prelude: string;
  where: (f: string) => string;
}

/** Binds the filter; the conditions included are chosen by code from which fields are set. */
export function filterRefs(st: Statement, filter: FlowFilter): FilterRefs {
  const from = st.param(filter.yearFrom);
  const to = st.param(filter.yearTo);
  const conds: ((f: string) => string)[] = [(f) => flowOverlaps(f, from, to)];
  if (filter.donor) { const r = st.param(filter.donor); conds.push((f) => `${f}.donorId = ${r}`); }
  if (filter.donors) { const r = st.param(filter.donors); conds.push((f) => `${f}.donorId IN ${r}`); }
  if (filter.recipient) { const r = st.param(filter.recipient); conds.push((f) => `${f}.recipientId = ${r}`); }
  if (filter.recipients) { const r = st.param(filter.recipients); conds.push((f) => `${f}.recipientId IN ${r}`); }
  if (filter.recipientCountry) {
    const r = st.param(filter.recipientCountry);
    conds.push((f) => `(${f}.recipientId = ${r} OR EXISTS { MATCH (${f})-[:TO]->(rcx:Actor) WHERE rcx.country = ${r} })`);
  }
  if (filter.minAmountUsd !== null) { const r = st.param(filter.minAmountUsd); conds.push((f) => `${f}.amountUsd >= ${r}`); }
  let prelude = 'WITH null AS authIds';
  if (filter.authority) {
    const a = st.param(filter.authority);
    conds.push((f) => `${f}.authorityId IN authIds`);
    prelude = filter.includeDescendants
      ? `CALL () {
          OPTIONAL MATCH (aroot:Entity:Authority {id: ${a}})
          OPTIONAL MATCH (aroot) ((x)-[r]-(y:Authority) WHERE ${downStep(lineageRefs(st), 'x', 'r')}){1,10} (adesc)
          RETURN [${a}] + collect(DISTINCT adesc.id) AS authIds
        }`
      : `WITH [${a}] AS authIds`;
  }
  return { from, to, prelude, where: (f) => conds.map((c) => c(f)).join(' AND ') };
}

/** Keyset cursor of the flow list: (amount, id) of the last row. */
export interface FlowCursor {
  amountUsd: number;
  id: string;
}

/** Flows largest first, keyset-paginated, with the count of all matches. */
export async function listFlows(db: Database, filter: FlowFilter, first: number, after: FlowCursor | null, want: Want, prov: ProvenanceWants) {
  const st = new Statement(prov);
  const f = filterRefs(st, filter);
  const ca = st.param(after?.amountUsd ?? null);
  const cid = st.param(after?.id ?? null);
  const cypher = `
    ${f.prelude}
    CALL (authIds) { MATCH (f:Funding) WHERE ${f.where('f')} RETURN count(f) AS total }
    CALL (authIds) {
      MATCH (f:Funding) WHERE ${f.where('f')} AND (${ca} IS NULL OR f.amountUsd < ${ca} OR (f.amountUsd = ${ca} AND f.id > ${cid}))
      WITH f ORDER BY f.amountUsd DESC, f.id LIMIT ${st.param(first + 1)}
      RETURN collect(${flowProjection(st, 'f', want)}) AS rows
    }
    RETURN total, rows`;
  const [row] = await readWithProvenance<{ total: number; rows: Record<string, unknown>[] }>(db, st, cypher);
  const rows = row?.rows ?? [];
  return { rows: rows.slice(0, first), totalCount: row?.total ?? 0, hasNextPage: rows.length > first };
}

/** Group keys of the totals. */
export type GroupBy = 'DONOR' | 'RECIPIENT' | 'AUTHORITY' | 'YEAR' | 'PAIR';

/** The key for flows without an authority. */
export const NO_AUTHORITY_KEY = '-';

/**
 * Cypher for the per-flow amounts: binds `rows` = [{f, reason, counted}] where `counted` is what
 * the flow adds to totals and `reason` why it adds less than its amount (AVERAGE,
 * OUTSIDE_WINDOW, PARTS_COUNTED) or null.
 */
export function countedRows(f: FilterRefs): string {
  const { from, to } = f;
  const inside = (x: string) => `(${x}.basis <> 'TOTAL' OR ((${from} IS NULL OR ${x}.fyStart >= ${from}) AND (${to} IS NULL OR ${x}.fyEnd <= ${to})))`;
  const amount = (x: string) => `CASE WHEN ${x}.basis = 'ANNUAL'
      THEN ${x}.amountUsd * ((CASE WHEN ${to} IS NULL OR ${x}.fyEnd < ${to} THEN ${x}.fyEnd ELSE ${to} END)
        - (CASE WHEN ${from} IS NULL OR ${x}.fyStart > ${from} THEN ${x}.fyStart ELSE ${from} END) + 1)
      ELSE ${x}.amountUsd END`;
  return `
    ${f.prelude}
    MATCH (f:Funding) WHERE ${f.where('f')}
    CALL (f, authIds) {
      OPTIONAL MATCH (f)<-[:PART_OF]-(p:Funding) WHERE ${f.where('p')} AND p.basis <> 'AVERAGE' AND ${inside('p')}
      RETURN count(p) AS nParts, coalesce(sum(${amount('p')}), 0.0) AS partsSum
    }
    WITH f, nParts, partsSum, ${inside('f')} AS inside, toFloat(${amount('f')}) AS full
    WITH f, CASE WHEN f.basis = 'AVERAGE' THEN 'AVERAGE' WHEN NOT inside THEN 'OUTSIDE_WINDOW' WHEN nParts > 0 THEN 'PARTS_COUNTED' END AS reason,
      CASE WHEN f.basis = 'AVERAGE' OR NOT inside THEN 0.0 WHEN nParts > 0 THEN (CASE WHEN full > partsSum THEN full - partsSum ELSE 0.0 END) ELSE full END AS counted
    WITH collect({ f: f, reason: reason, counted: counted }) AS rows`;
}

/** The keys and amounts a counted row `x` adds to, per grouping (constant map, never from input). */
function keysOf(groupBy: GroupBy, from: string, to: string): string {
  const lo = `CASE WHEN ${from} IS NULL OR x.f.fyStart > ${from} THEN x.f.fyStart ELSE ${from} END`;
  const hi = `CASE WHEN ${to} IS NULL OR x.f.fyEnd < ${to} THEN x.f.fyEnd ELSE ${to} END`;
  const map: Record<GroupBy, string> = {
    DONOR: `[{ key: x.f.donorId, amount: x.counted }]`,
    RECIPIENT: `[{ key: x.f.recipientId, amount: x.counted }]`,
    AUTHORITY: `[{ key: coalesce(x.f.authorityId, '${NO_AUTHORITY_KEY}'), amount: x.counted }]`,
    PAIR: `[{ key: x.f.donorId + '>' + x.f.recipientId, amount: x.counted }]`,
    YEAR: `CASE WHEN x.f.basis = 'ANNUAL'
        THEN [y IN range(toInteger(${lo}), toInteger(${hi})) | { key: toString(y), amount: x.counted / (${hi} - ${lo} + 1) }]
        ELSE [{ key: CASE WHEN x.f.fyStart = x.f.fyEnd THEN toString(toInteger(x.f.fyStart)) ELSE toString(toInteger(x.f.fyStart)) + '-' + toString(toInteger(x.f.fyEnd)) END, amount: x.counted }] END`,
  };
  return map[groupBy];
}

function groups(groupBy: GroupBy, f: FilterRefs, entityTail = ''): string {
  return `
    CALL (rows) {
      UNWIND rows AS x
      WITH x WHERE x.counted > 0
      UNWIND ${keysOf(groupBy, f.from, f.to)} AS kv
      WITH kv.key AS key, sum(kv.amount) AS amountUsd, count(DISTINCT x.f) AS flowCount, collect(x.f.precision) AS precisions
      RETURN collect({ key: key, amountUsd: amountUsd, flowCount: flowCount,
        lowerBound: 'LOWER_BOUND' IN precisions, approximate: 'APPROXIMATE' IN precisions,
        label: head(COLLECT { MATCH (ge:Entity {id: key}) RETURN ge.name })${entityTail} }) AS groups
    }`;
}

/** Raw totals. */
export interface TotalsRow {
  groups: { key: string; label: string | null; amountUsd: number; flowCount: number; lowerBound: boolean; approximate: boolean; entity?: Record<string, unknown> }[];
  amountUsd: number;
  flowCount: number;
  lowerBound: boolean;
  approximate: boolean;
  excluded: { flow: Record<string, unknown>; reason: string; countedUsd: number }[];
  excludedCount: number;
}

const SUMMARY_FIELDS: [string, string][] = [
  ['amountUsd', 'reduce(s = 0.0, x IN rows | s + x.counted)'],
  ['flowCount', 'size([x IN rows WHERE x.counted > 0])'],
  ['lowerBound', "any(x IN rows WHERE (x.counted > 0 AND x.f.precision = 'LOWER_BOUND') OR coalesce(x.reason, '') = 'OUTSIDE_WINDOW')"],
  ['approximate', "any(x IN rows WHERE x.counted > 0 AND x.f.precision = 'APPROXIMATE')"],
  ['excludedCount', 'size([x IN rows WHERE x.reason IS NOT NULL])'],
];
const SUMMARY_COLUMNS = SUMMARY_FIELDS.map(([k, e]) => `${e} AS ${k}`).join(', ');
const SUMMARY_MAP = SUMMARY_FIELDS.map(([k, e]) => `${k}: ${e}`).join(', ');

function excludedList(st: Statement, want: Want | undefined, cap: number): string {
  return `
    CALL (rows) {
      UNWIND rows AS x
      WITH x WHERE x.reason IS NOT NULL
      WITH x ORDER BY x.f.amountUsd DESC, x.f.id LIMIT ${st.param(cap)}
      WITH x, x.f AS ef
      RETURN collect({ flow: ${flowProjection(st, 'ef', want)}, reason: x.reason, countedUsd: x.counted }) AS excluded
    }`;
}

/** Sums grouped by donor, recipient, authority or year, without double counting. */
export async function totals(db: Database, groupBy: GroupBy, filter: FlowFilter, excludedWant: Want | undefined, excludedCap: number, prov: ProvenanceWants): Promise<TotalsRow> {
  const st = new Statement(prov);
  const f = filterRefs(st, filter);
  const cypher = `
    ${countedRows(f)}
    ${groups(groupBy, f)}
    ${excludedList(st, excludedWant, excludedCap)}
    RETURN groups, excluded, ${SUMMARY_COLUMNS}`;
  const [row] = await readWithProvenance<TotalsRow & Record<string, unknown>>(db, st, cypher);
  return row as TotalsRow;
}

/** Raw dependencies of one actor. */
export interface DependenciesRow {
  actor: Record<string, unknown> | null;
  totals: TotalsRow;
  dependsOn: Record<string, unknown>[];
  dependents: Record<string, unknown>[];
}

/**
 * Who funds `actorId` and how much (donor shares come from the same counting as totals), plus
 * its explicit DEPENDS_ON edges both ways. Null when there is no such actor.
 */
export async function dependencies(db: Database, actorId: string, filter: FlowFilter, want: Want, prov: ProvenanceWants): Promise<DependenciesRow | null> {
  const st = new Statement(prov);
  // The actor is the recipient (or, with recipientCountry set to it, the State and its units).
  const f = filterRefs(st, { ...filter, recipient: filter.recipientCountry ? null : actorId });
  const donorWant = mergedWant(mergedWant(want, 'donors'), 'donor');
  const edgeWant = (dir: string) => mergedWant(want, dir);
  const id = st.param(actorId);
  const depEdge = (r: string, a: string, b: string, w: Want | undefined) =>
    `{ id: ${r}.key, start: ${r}.start, end: ${r}.end, note: ${r}.note, citations: ${r}.citations, footnotes: ${r}.footnotes, sections: ${r}.sections,
       ${provenance(st, r)},
       from: ${entityProjection(st, a, mergedWant(w, 'from'))}, to: ${entityProjection(st, b, mergedWant(w, 'to'))} }`;
  const donorTail = donorWant ? `, entity: head(COLLECT { MATCH (ge2:Entity:Actor {id: key}) RETURN ${entityProjection(st, 'ge2', donorWant)} })` : '';
  const cypher = `
    MATCH (me:Entity:Actor {id: ${id}})
    CALL () {
      ${countedRows(f)}
      ${groups('DONOR', f, donorTail)}
      RETURN { groups: groups, excluded: [], ${SUMMARY_MAP} } AS totals
    }
    RETURN ${entityProjection(st, 'me', mergedWant(want, 'actor'))} AS actor, totals,
      COLLECT { MATCH (me)-[dr:DEPENDS_ON]->(dt:Actor) WHERE ${overlapsEdge('dr', f)} RETURN ${depEdge('dr', 'me', 'dt', edgeWant('dependsOn'))} } AS dependsOn,
      COLLECT { MATCH (me)<-[dr2:DEPENDS_ON]-(ds:Actor) WHERE ${overlapsEdge('dr2', f)} RETURN ${depEdge('dr2', 'ds', 'me', edgeWant('dependents'))} } AS dependents`;
  const [row] = await readWithProvenance<DependenciesRow & Record<string, unknown>>(db, st, cypher);
  if (!row?.actor) return null;
  return row;
}

function overlapsEdge(r: string, f: FilterRefs): string {
  return `(${f.to} IS NULL OR ${r}.start IS NULL OR ${r}.start <= ${f.to}) AND (${f.from} IS NULL OR ${r}.end IS NULL OR ${r}.end >= ${f.from})`;
}
