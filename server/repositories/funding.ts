/** Funding flows, keyset-paginated, and their totals by the counting rules (counting.ts). */
import type { Database } from '../db/database.ts';
import { NO_AUTHORITY_KEY, type ExclusionReason } from '../../domain/counting.ts';
import { Statement, type CypherStatement } from './cypher.ts';
import { flowProjection } from './projection.ts';
import { filterRefs } from './flow-filter.ts';
import { countedRows, groupLabel, groups, SUMMARY_COLUMNS } from './counting.ts';
import { readRows } from './read.ts';
import type { FlowPagePlan, FlowPlan, TotalsPlan } from './plan.ts';
import type { FlowRow, Page } from './rows.ts';

/** The statement of fundingFlows: largest first, with the count of all matches. */
export function flowsStatement(plan: FlowPagePlan): CypherStatement {
  const st = new Statement();
  const f = filterRefs(st, plan.filter);
  let after = '';
  if (plan.after) {
    const amount = st.param(plan.after.amountUsd);
    after = ` AND (f.amountUsd < ${amount} OR (f.amountUsd = ${amount} AND f.id > ${st.param(plan.after.id)}))`;
  }
  const cypher = `
    ${f.prelude}
    CALL (authIds) { MATCH (f:Funding) WHERE ${f.where('f')} RETURN count(f) AS total }
    CALL (authIds) {
      MATCH (f:Funding) WHERE ${f.where('f')}${after}
      WITH f ORDER BY f.amountUsd DESC, f.id LIMIT ${st.param(plan.first + 1)}
      RETURN collect(${flowProjection(st, 'f', plan.flow)}) AS rows
    }
    RETURN total, rows`;
  return st.build(cypher, plan.provenance);
}

/** Flows largest first, keyset-paginated. */
export async function listFlows(db: Database, plan: FlowPagePlan): Promise<Page<FlowRow>> {
  const [row] = await readRows<{ total: number; rows: FlowRow[] }>(db, flowsStatement(plan));
  const rows = row?.rows ?? [];
  return { rows: rows.slice(0, plan.first), totalCount: row?.total ?? 0, hasNextPage: rows.length > plan.first };
}

/** One group of a total. */
export interface TotalGroupRow {
  key: string;
  label: string;
  amountUsd: number;
  flowCount: number;
  lowerBound: boolean;
  approximate: boolean;
}

/** A matched flow not summed in full, with why and what it still adds. */
export interface ExclusionRow {
  flow: FlowRow;
  reason: ExclusionReason;
  countedUsd: number;
}

/** Totals, groups in their display order. */
export interface TotalsRow {
  groups: TotalGroupRow[];
  amountUsd: number;
  flowCount: number;
  lowerBound: boolean;
  approximate: boolean;
  excluded: FlowRow[];
  exclusions: ExclusionRow[];
  excludedCount: number;
}

function excludedList(st: Statement, flow: FlowPlan | null, cap: number): string {
  if (!flow) return 'WITH rows, groups, [] AS excluded';
  return `
    CALL (rows) {
      UNWIND rows AS x
      WITH x WHERE x.reason IS NOT NULL
      WITH x ORDER BY x.f.amountUsd DESC, x.f.id LIMIT ${st.param(cap)}
      WITH x, x.f AS ef
      RETURN collect({ flow: ${flowProjection(st, 'ef', flow)}, reason: x.reason, countedUsd: x.counted }) AS excluded
    }`;
}

/** The statement of fundingTotals. */
export function totalsStatement(plan: TotalsPlan): CypherStatement {
  const st = new Statement();
  const f = filterRefs(st, plan.filter);
  const cypher = `
    ${countedRows(f)}
    ${groups(plan.groupBy, f, st.param(NO_AUTHORITY_KEY))}
    ${excludedList(st, plan.excluded, plan.excludedCap)}
    RETURN groups, excluded, ${SUMMARY_COLUMNS}`;
  return st.build(cypher, plan.provenance);
}

type RawTotals = Omit<TotalsRow, 'groups' | 'excluded' | 'exclusions'> & {
  groups: (Omit<TotalGroupRow, 'label'> & { label: string | null })[];
  excluded: ExclusionRow[];
};

/** Sums grouped by donor, recipient, authority or year: largest group first, years in order. */
export async function totals(db: Database, plan: TotalsPlan): Promise<TotalsRow> {
  const [row] = await readRows<RawTotals>(db, totalsStatement(plan));
  if (!row) throw new Error('fundingTotals returned no row');
  const labelled = row.groups.map((g) => ({ ...g, label: groupLabel(plan.groupBy, g.key, g.label) }));
  if (plan.groupBy === 'YEAR') labelled.sort((a, b) => a.key.localeCompare(b.key));
  else labelled.sort((a, b) => b.amountUsd - a.amountUsd || a.key.localeCompare(b.key));
  return { ...row, groups: labelled, excluded: row.excluded.map((x) => x.flow), exclusions: row.excluded };
}
