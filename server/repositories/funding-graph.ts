/**
 * The funding graph: donor -> authority -> recipient, each node and edge with the amount the
 * counting rules (counting.ts) add for the whole filter, so that every figure agrees with
 * fundingTotals for the same filter. Each edge lists its flows, counted or not, with the reason
 * and what each adds, so that a "how this was counted" panel needs no other request.
 */
import type { Database } from '../db/database.ts';
import { NO_AUTHORITY_KEY, type ExclusionReason } from '../../domain/counting.ts';
import { Statement, type CypherStatement } from './cypher.ts';
import { flowProjection } from './projection.ts';
import { filterRefs } from './flow-filter.ts';
import { countedRows, groupLabel, SUMMARY_COLUMNS } from './counting.ts';
import { readRows } from './read.ts';
import type { FundingGraphPlan } from './plan.ts';
import type { FlowRow } from './rows.ts';

/** The column a node stands in. */
export type FundingRole = 'DONOR' | 'AUTHORITY' | 'RECIPIENT';

/** A donor, authority or recipient with what the counted flows through it add up to. */
export interface FundingNodeRow {
  id: string;
  entityId: string;
  role: FundingRole;
  label: string;
  amountUsd: number;
  flowCount: number;
  lowerBound: boolean;
  approximate: boolean;
}

/** A flow of an edge: what it adds, and why less than its amount when it does. */
export interface FundingEdgeFlowRow {
  flow: FlowRow;
  countedUsd: number;
  reason: ExclusionReason | null;
}

/** donor -> authority or authority -> recipient. */
export interface FundingEdgeRow {
  id: string;
  source: string;
  target: string;
  leg: 'DONOR_AUTHORITY' | 'AUTHORITY_RECIPIENT';
  amountUsd: number;
  flowCount: number;
  excludedCount: number;
  matchedCount: number;
  lowerBound: boolean;
  approximate: boolean;
  flows: FundingEdgeFlowRow[];
}

/** The whole graph and its summary (the figures of fundingTotals). */
export interface FundingGraphRow {
  nodes: FundingNodeRow[];
  edges: FundingEdgeRow[];
  omittedEdges: number;
  amountUsd: number;
  flowCount: number;
  lowerBound: boolean;
  approximate: boolean;
  excludedCount: number;
}

/** The statement of fundingGraph. */
export function fundingGraphStatement(plan: FundingGraphPlan): CypherStatement {
  const st = new Statement();
  const f = filterRefs(st, plan.filter);
  const noAuthority = st.param(NO_AUTHORITY_KEY);
  const authority = `coalesce(x.f.authorityId, ${noAuthority})`;
  const perEdge = st.param(plan.flowsPerEdge);
  // Precisions of counted flows only: a node or edge is a lower bound or approximate as a group
  // of fundingTotals is.
  const figures = `sum(x.counted) AS amountUsd, count(CASE WHEN x.counted > 0 THEN 1 END) AS flowCount,
        collect(CASE WHEN x.counted > 0 THEN x.f.precision END) AS precisions`;
  const cypher = `
    ${countedRows(f)}
    CALL (rows) {
      UNWIND rows AS x
      UNWIND [['DONOR', x.f.donorId], ['AUTHORITY', ${authority}], ['RECIPIENT', x.f.recipientId]] AS rk
      WITH rk[0] AS role, rk[1] AS key, x
      WITH role, key, ${figures}
      RETURN collect({ id: role + ':' + key, entityId: key, role: role, amountUsd: amountUsd, flowCount: flowCount,
        lowerBound: 'LOWER_BOUND' IN precisions, approximate: 'APPROXIMATE' IN precisions,
        label: head(COLLECT { MATCH (ge:Entity {id: key}) RETURN ge.name }) }) AS nodes
    }
    CALL (rows) {
      UNWIND rows AS x
      UNWIND [['DONOR_AUTHORITY', 'DONOR:' + x.f.donorId, 'AUTHORITY:' + ${authority}],
              ['AUTHORITY_RECIPIENT', 'AUTHORITY:' + ${authority}, 'RECIPIENT:' + x.f.recipientId]] AS leg
      WITH leg[0] AS leg, leg[1] AS source, leg[2] AS target, x
      ORDER BY x.f.amountUsd DESC, x.f.id
      WITH leg, source, target, collect(x) AS xs, ${figures}
      WITH leg, source, target, xs, amountUsd, flowCount, precisions
      ORDER BY amountUsd DESC, leg, source, target
      WITH collect({ leg: leg, source: source, target: target, xs: xs, amountUsd: amountUsd, flowCount: flowCount, precisions: precisions }) AS ranked
      RETURN ranked[0..${st.param(plan.maxEdges)}] AS kept, size(ranked) AS edgeCount
    }
    CALL (kept) {
      UNWIND kept AS e
      CALL (e) {
        UNWIND e.xs[0..${perEdge}] AS y
        WITH y, y.f AS ef
        RETURN collect({ flow: ${flowProjection(st, 'ef', plan.flow)}, countedUsd: y.counted, reason: y.reason }) AS flows
      }
      RETURN collect({ id: e.leg + ':' + e.source + '>' + e.target, leg: e.leg, source: e.source, target: e.target,
        amountUsd: e.amountUsd, flowCount: e.flowCount, matchedCount: size(e.xs),
        excludedCount: size([y IN e.xs WHERE y.reason IS NOT NULL]),
        lowerBound: 'LOWER_BOUND' IN e.precisions, approximate: 'APPROXIMATE' IN e.precisions, flows: flows }) AS edges
    }
    RETURN nodes, edges, edgeCount - size(edges) AS omittedEdges, ${SUMMARY_COLUMNS}`;
  return st.build(cypher, plan.provenance);
}

const ROLE_ORDER: Record<FundingRole, number> = { DONOR: 0, AUTHORITY: 1, RECIPIENT: 2 };

/** The funding graph: nodes by column, then largest first; edges largest first. */
export async function fundingGraph(db: Database, plan: FundingGraphPlan): Promise<FundingGraphRow> {
  const [row] = await readRows<Omit<FundingGraphRow, 'nodes'> & { nodes: (Omit<FundingNodeRow, 'label'> & { label: string | null })[] }>(db, fundingGraphStatement(plan));
  if (!row) throw new Error('fundingGraph returned no row');
  const nodes = row.nodes
    .map((n) => ({ ...n, label: groupLabel(n.role === 'AUTHORITY' ? 'AUTHORITY' : 'DONOR', n.entityId, n.label) }))
    .sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || b.amountUsd - a.amountUsd || a.id.localeCompare(b.id));
  return { ...row, nodes };
}
