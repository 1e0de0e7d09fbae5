/**
 * graphComparison: the network in two year windows side by side, in one statement. A typed
 * relationship is one edge, in a window when it holds there (timing.ts). Funding is one edge per
 * donor and recipient, its amount in each window what the counting rules (counting.ts) count
 * there, so it agrees with fundingTotals for the same donor, recipient and years.
 */
import type { Database } from '../db/database.ts';
import { all, Statement, windowRefs, type CypherStatement } from './cypher.ts';
import { TYPED, kindOk } from './edge-filter.ts';
import { filterRefs, NO_FILTER } from './flow-filter.ts';
import { countedRows } from './counting.ts';
import { inWindow } from './timing.ts';
import { graphNodeProjection } from './projection.ts';
import { readRows } from './read.ts';
import type { ComparisonPlan } from './plan.ts';
import type { GraphNodeRow } from './rows.ts';

export type ComparisonStatus = 'ADDED' | 'REMOVED' | 'CHANGED' | 'SAME';

/** One compared edge. */
export interface ComparedEdgeRow {
  id: string;
  source: string;
  target: string;
  type: string;
  status: ComparisonStatus;
  countA: number;
  countB: number;
  amountA: number | null;
  amountB: number | null;
}

export interface ComparisonCountsRow {
  added: number;
  removed: number;
  changed: number;
  same: number;
}

export interface ComparisonRow {
  a: { from: number; to: number };
  b: { from: number; to: number };
  nodes: GraphNodeRow[];
  edges: ComparedEdgeRow[];
  counts: ComparisonCountsRow;
  truncated: boolean;
  omittedNodes: number;
  omittedEdges: number;
}

/**
 * Counted amounts are sums of the same flows in another order, so they may differ by rounding:
 * a change smaller than this (in US dollars) is no change.
 */
const SAME_AMOUNT = 0.5;

/** Binds `rels`: the typed relationships that hold in window A or B, with both ends' kinds allowed. */
function typedEdges(st: Statement, plan: ComparisonPlan, kinds: string | null): string {
  if (plan.relTypes !== null && plan.relTypes.length === 0) return 'CALL () { RETURN [] AS rels }';
  const a = windowRefs(st, plan.a);
  const b = windowRefs(st, plan.b);
  // Under a minimum amount, typed relationships (no amount) join only entities such flows reach.
  const reached = (n: string) => {
    if (plan.minAmountUsd === null) return null;
    const min = st.param(plan.minAmountUsd);
    const w = (x: string) => `(${x}.fyStart <= ${a.to} AND ${x}.fyEnd >= ${a.from}) OR (${x}.fyStart <= ${b.to} AND ${x}.fyEnd >= ${b.from})`;
    return plan.funded ? `EXISTS { (${n})-[:PROVIDED|TO]-(fr:Funding) WHERE fr.amountUsd >= ${min} AND (${w('fr')}) }` : 'false';
  };
  const where = all([plan.relTypes && `type(r) IN ${st.param(plan.relTypes)}`, kindOk('s', kinds), kindOk('t', kinds), reached('s'), reached('t')]);
  return `CALL () {
      MATCH (s:Entity)-[r:${TYPED}]->(t:Entity)
      WHERE ${where}
      WITH r, s, t, ${inWindow('r', a)} AS inA, ${inWindow('r', b)} AS inB
      WHERE inA OR inB
      RETURN collect({ id: coalesce(r.key, elementId(r)), source: s.id, target: t.id, type: type(r),
        countA: CASE WHEN inA THEN 1 ELSE 0 END, countB: CASE WHEN inB THEN 1 ELSE 0 END, amountA: null, amountB: null }) AS rels
    }`;
}

/** Binds `pairs`: one FUNDED edge per donor and recipient with a flow in window A or B. */
function fundedEdges(st: Statement, plan: ComparisonPlan, kinds: string | null): string {
  if (!plan.funded) return 'CALL () { RETURN [] AS pairs }';
  const counted = (w: ComparisonPlan['a'], name: string) =>
    `CALL () {
      ${countedRows(filterRefs(st, { ...NO_FILTER, ...w, minAmountUsd: plan.minAmountUsd }))}
      RETURN rows AS ${name}
    }`;
  return `${counted(plan.a, 'rowsA')}
    ${counted(plan.b, 'rowsB')}
    CALL (rowsA, rowsB) {
      UNWIND [x IN rowsA | { f: x.f, counted: x.counted, inA: true }] + [x IN rowsB | { f: x.f, counted: x.counted, inA: false }] AS y
      WITH y.f.donorId AS source, y.f.recipientId AS target,
        sum(CASE WHEN y.inA THEN y.counted ELSE 0.0 END) AS amountA, sum(CASE WHEN y.inA THEN 0.0 ELSE y.counted END) AS amountB,
        count(CASE WHEN y.inA THEN 1 END) AS countA, count(CASE WHEN y.inA THEN null ELSE 1 END) AS countB
      MATCH (s:Entity {id: source}), (t:Entity {id: target})
      WHERE ${all([kindOk('s', kinds), kindOk('t', kinds)])}
      RETURN collect({ id: 'FUNDED:' + source + '>' + target, source: source, target: target, type: 'FUNDED',
        countA: countA, countB: countB, amountA: amountA, amountB: amountB }) AS pairs
    }`;
}

/** The statement of graphComparison. */
export function comparisonStatement(plan: ComparisonPlan): CypherStatement {
  const st = new Statement();
  const kinds = plan.kinds === null ? null : st.param(plan.kinds);
  const same = st.param(SAME_AMOUNT);
  const limit = st.param(plan.limit);
  const maxEdges = st.param(plan.maxEdges);
  const count = (status: ComparisonStatus) => `size([e IN shown WHERE e.status = '${status}'])`;
  const cypher = `
    ${typedEdges(st, plan, kinds)}
    ${fundedEdges(st, plan, kinds)}
    WITH [e IN rels + pairs | e { .*, status: CASE
        WHEN e.countA = 0 THEN 'ADDED' WHEN e.countB = 0 THEN 'REMOVED'
        WHEN e.type = 'FUNDED' AND abs(e.amountA - e.amountB) >= ${same} THEN 'CHANGED' ELSE 'SAME' END }] AS compared
    CALL (compared) {
      UNWIND compared AS e
      UNWIND [e.source, e.target] AS id
      WITH id, sum(CASE WHEN e.status = 'SAME' THEN 0 ELSE 1 END) AS changes, count(*) AS degree
      ORDER BY changes DESC, degree DESC, id
      WITH collect(id) AS ranked
      RETURN ranked[0..${limit}] AS keptIds, size(ranked) AS total
    }
    CALL (compared, keptIds) {
      UNWIND compared AS e
      WITH e WHERE e.source IN keptIds AND e.target IN keptIds
      ORDER BY CASE e.status WHEN 'SAME' THEN 1 ELSE 0 END, e.id
      RETURN collect(e)[0..${maxEdges}] AS shown
    }
    RETURN COLLECT { UNWIND keptIds AS id MATCH (n:Entity {id: id}) RETURN ${graphNodeProjection('n')} } AS nodes,
      shown AS edges,
      { added: ${count('ADDED')}, removed: ${count('REMOVED')}, changed: ${count('CHANGED')}, same: ${count('SAME')} } AS counts,
      total - size(keptIds) AS omittedNodes, size(compared) - size(shown) AS omittedEdges`;
  return st.build(cypher, plan.provenance);
}

/** The comparison of the plan's two windows. */
export async function graphComparison(db: Database, plan: ComparisonPlan): Promise<ComparisonRow> {
  const [row] = await readRows<Omit<ComparisonRow, 'a' | 'b' | 'truncated'>>(db, comparisonStatement(plan));
  if (!row) throw new Error('graphComparison returned no row');
  const span = (w: ComparisonPlan['a']) => ({ from: w.yearFrom, to: w.yearTo });
  return { ...row, a: span(plan.a), b: span(plan.b), truncated: row.omittedNodes > 0 || row.omittedEdges > 0 };
}
