/**
 * The counting rules in Cypher. Totals never double count: an AVERAGE flow is never summed; a
 * wider flow whose parts are in the result adds only what its parts leave unexplained (its
 * remainder, never less than 0); a TOTAL over years reaching outside the year window is not
 * summed (it cannot be split by year) and makes the total a lower bound; an ANNUAL flow counts
 * once per year inside the window.
 */
import { NO_AUTHORITY_KEY, type FundingGroupBy } from '../../domain/counting.ts';
import { all, type WindowRefs } from './cypher.ts';
import type { FilterRefs } from './flow-filter.ts';

/** The first and last fiscal year of flow `x` inside the window. */
function span(x: string, w: WindowRefs): { lo: string; hi: string } {
  return {
    lo: w.from ? `CASE WHEN ${x}.fyStart > ${w.from} THEN ${x}.fyStart ELSE ${w.from} END` : `${x}.fyStart`,
    hi: w.to ? `CASE WHEN ${x}.fyEnd < ${w.to} THEN ${x}.fyEnd ELSE ${w.to} END` : `${x}.fyEnd`,
  };
}

/**
 * Binds `rows` = [{f, reason, counted}] where `counted` is what the flow adds to totals and
 * `reason` why it adds less than its amount (AVERAGE, OUTSIDE_WINDOW, PARTS_COUNTED) or null.
 */
export function countedRows(f: FilterRefs): string {
  const w = f.window;
  const within = (x: string) => all([w.from && `${x}.fyStart >= ${w.from}`, w.to && `${x}.fyEnd <= ${w.to}`]);
  const inside = (x: string) => (w.from || w.to ? `(${x}.basis <> 'TOTAL' OR (${within(x)}))` : 'true');
  const amount = (x: string) => {
    const { lo, hi } = span(x, w);
    return `CASE WHEN ${x}.basis = 'ANNUAL' THEN ${x}.amountUsd * ((${hi}) - (${lo}) + 1) ELSE ${x}.amountUsd END`;
  };
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

/** The keys and amounts a counted row `x` adds to, per grouping (code-chosen, never from input). */
function keysOf(groupBy: FundingGroupBy, w: WindowRefs, noAuthority: string): string {
  const { lo, hi } = span('x.f', w);
  const map: Record<FundingGroupBy, string> = {
    DONOR: `[{ key: x.f.donorId, amount: x.counted }]`,
    RECIPIENT: `[{ key: x.f.recipientId, amount: x.counted }]`,
    AUTHORITY: `[{ key: coalesce(x.f.authorityId, ${noAuthority}), amount: x.counted }]`,
    YEAR: `CASE WHEN x.f.basis = 'ANNUAL'
        THEN [y IN range(toInteger(${lo}), toInteger(${hi})) | { key: toString(y), amount: x.counted / ((${hi}) - (${lo}) + 1) }]
        ELSE [{ key: CASE WHEN x.f.fyStart = x.f.fyEnd THEN toString(toInteger(x.f.fyStart)) ELSE toString(toInteger(x.f.fyStart)) + '-' + toString(toInteger(x.f.fyEnd)) END, amount: x.counted }] END`,
  };
  return map[groupBy];
}

/** Binds `groups` from `rows`; `entityTail` adds entries to each group's map. */
export function groups(groupBy: FundingGroupBy, f: FilterRefs, noAuthority: string, entityTail = ''): string {
  return `
    CALL (rows) {
      UNWIND rows AS x
      WITH x WHERE x.counted > 0
      UNWIND ${keysOf(groupBy, f.window, noAuthority)} AS kv
      WITH kv.key AS key, sum(kv.amount) AS amountUsd, count(DISTINCT x.f) AS flowCount, collect(x.f.precision) AS precisions
      RETURN collect({ key: key, amountUsd: amountUsd, flowCount: flowCount,
        lowerBound: 'LOWER_BOUND' IN precisions, approximate: 'APPROXIMATE' IN precisions,
        label: head(COLLECT { MATCH (ge:Entity {id: key}) RETURN ge.name })${entityTail} }) AS groups
    }`;
}

/** The summary of `rows`: name and expression of each figure. */
const SUMMARY_FIELDS: [string, string][] = [
  ['amountUsd', 'reduce(s = 0.0, x IN rows | s + x.counted)'],
  ['flowCount', 'size([x IN rows WHERE x.counted > 0])'],
  ['lowerBound', "any(x IN rows WHERE (x.counted > 0 AND x.f.precision = 'LOWER_BOUND') OR coalesce(x.reason, '') = 'OUTSIDE_WINDOW')"],
  ['approximate', "any(x IN rows WHERE x.counted > 0 AND x.f.precision = 'APPROXIMATE')"],
  ['excludedCount', 'size([x IN rows WHERE x.reason IS NOT NULL])'],
];
/** As RETURN columns. */
export const SUMMARY_COLUMNS = SUMMARY_FIELDS.map(([k, e]) => `${e} AS ${k}`).join(', ');
/** As map entries. */
export const SUMMARY_MAP = SUMMARY_FIELDS.map(([k, e]) => `${k}: ${e}`).join(', ');

/** The label of a group whose entity has no name: the key, or a phrase for flows without authority. */
export function groupLabel(groupBy: FundingGroupBy, key: string, name: string | null): string {
  return name ?? (groupBy === 'AUTHORITY' && key === NO_AUTHORITY_KEY ? 'No authority recorded' : key);
}
