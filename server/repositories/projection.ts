/**
 * Map projections of the graph's items, shared by every read statement. Entity and flow
 * projections follow their plans: nested lists with arguments (an actor's relationships and
 * funding) become COLLECT subqueries of the same statement, so an operation stays one round trip.
 */
import { all, flowOverlaps, windowRefs, type Statement } from './cypher.ts';
import { inWindow, timingOf } from './timing.ts';
import type { EntityPlan, FlowListPlan, FlowPlan, RelationshipListPlan } from './plan.ts';

/**
 * The stored properties every node projection returns (see GraphNodeRow); a record stored
 * without evidence is STATED, the default of the data format.
 */
const nodeProps = (v: string) =>
  `.id, .name, .kind, .description, .citation, .country, .title, .enacted, .year, .month, .day, .yearEnd, .citations, evidence: coalesce(${v}.evidence, 'STATED')`;

/** A node as the canvas needs it (GraphNodeRow): flat, no nested lists. */
export function graphNodeProjection(v: string): string {
  return `${v} { ${nodeProps(v)}, labels: labels(${v}) }`;
}

/** A typed relationship as an edge (EdgeRow), plus `extra` entries. */
export function relationshipEdgeProjection(r: string, extra = ''): string {
  return `{ id: coalesce(${r}.key, elementId(${r})), source: startNode(${r}).id, target: endNode(${r}).id, type: type(${r}),
    start: ${r}.start, end: ${r}.end, timing: ${timingOf(r)}, evidence: coalesce(${r}.evidence, 'STATED'), note: ${r}.note, citations: ${r}.citations${extra} }`;
}

/** A funding flow as a FUNDED edge donor -> recipient (EdgeRow). */
export function fundedEdgeProjection(f: string): string {
  return `{ id: 'FUNDED:' + ${f}.id, source: ${f}.donorId, target: ${f}.recipientId, type: 'FUNDED',
    start: ${f}.fyStart, end: ${f}.fyEnd, note: ${f}.note, amountUsd: ${f}.amountUsd, authority: ${f}.authorityId,
    fundingId: ${f}.id, precision: ${f}.precision, basis: ${f}.basis, partOf: ${f}.partOf, evidence: coalesce(${f}.evidence, 'STATED'), citations: ${f}.citations }`;
}

function relationshipsOf(st: Statement, v: string, plan: RelationshipListPlan): string {
  const r = st.variable('r');
  const o = st.variable('o');
  const where = all([plan.types && `type(${r}) IN ${st.param(plan.types)}`, inWindow(r, windowRefs(st, plan))]);
  return `{ key: ${st.param(plan.key)}, rows: COLLECT { MATCH (${v})-[${r}]-(${o}:Entity)
      WHERE ${where}
      WITH ${r}, ${o} ORDER BY ${r}.start IS NULL, ${r}.start, type(${r}), ${r}.key LIMIT ${st.param(plan.first)}
      RETURN ${relationshipEdgeProjection(r, `, outgoing: startNode(${r}) = ${v}, other: ${graphNodeProjection(o)}`)} } }`;
}

function flowsOf(st: Statement, v: string, plan: FlowListPlan, direction: 'in' | 'out'): string {
  const f = st.variable('f');
  const pattern = direction === 'in' ? `(${v})<-[:TO]-(${f}:Funding)` : `(${v})-[:PROVIDED]->(${f}:Funding)`;
  return `{ key: ${st.param(plan.key)}, rows: COLLECT { MATCH ${pattern} WHERE ${flowOverlaps(f, windowRefs(st, plan))}
      WITH ${f} ORDER BY ${f}.amountUsd DESC, ${f}.id LIMIT ${st.param(plan.first)}
      RETURN ${flowProjection(st, f, plan.flow)} } }`;
}

/** An entity (EntityRow): Actor, Authority or Event, with the nested lists its plan asks for. */
export function entityProjection(st: Statement, v: string, plan: EntityPlan): string {
  const parts = [nodeProps(v), '.aliases', '.note', `labels: labels(${v})`];
  if (plan.countryName) {
    const c = st.variable('ct');
    parts.push(`countryName: head(COLLECT { MATCH (${c}:Entity) WHERE ${c}.id = ${v}.country RETURN ${c}.name })`);
  }
  if (plan.relationships.length > 0) parts.push(`relationships: [${plan.relationships.map((p) => relationshipsOf(st, v, p)).join(', ')}]`);
  if (plan.fundingIn.length > 0) parts.push(`fundingIn: [${plan.fundingIn.map((p) => flowsOf(st, v, p, 'in')).join(', ')}]`);
  if (plan.fundingOut.length > 0) parts.push(`fundingOut: [${plan.fundingOut.map((p) => flowsOf(st, v, p, 'out')).join(', ')}]`);
  return `${v} { ${parts.join(', ')} }`;
}

/** The stored properties of a flow (see FlowRow). */
const flowProps = (f: string) =>
  `.id, .amountUsd, .fyStart, .fyEnd, .precision, .basis, .partOf, .purpose, .note, .donorId, .recipientId, .authorityId, .citations, evidence: coalesce(${f}.evidence, 'STATED')`;

/** A funding flow (FlowRow) with the donor, recipient and authority its plan asks for. */
export function flowProjection(st: Statement, f: string, plan: FlowPlan): string {
  const parts = [flowProps(f)];
  if (plan.donor) {
    const d = st.variable('d');
    parts.push(`donor: head(COLLECT { MATCH (${f})<-[:PROVIDED]-(${d}:Actor) RETURN ${entityProjection(st, d, plan.donor)} })`);
  }
  if (plan.recipient) {
    const r = st.variable('rc');
    parts.push(`recipient: head(COLLECT { MATCH (${f})-[:TO]->(${r}:Actor) RETURN ${entityProjection(st, r, plan.recipient)} })`);
  }
  if (plan.authority) {
    const a = st.variable('au');
    parts.push(`authority: head(COLLECT { MATCH (${f})-[:UNDER]->(${a}:Authority) RETURN ${entityProjection(st, a, plan.authority)} })`);
  }
  return `${f} { ${parts.join(', ')} }`;
}

