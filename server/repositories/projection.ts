/**
 * Map projections of the graph's items, shared by every read query. Entity and flow projections
 * follow the look-ahead tree (`Want`): nested fields with arguments (an actor's relationships and
 * funding) become COLLECT subqueries of the same statement, so an operation stays one round trip.
 */
import { overlaps, flowOverlaps, provenance, type Statement } from './cypher.ts';
import type { Want, FieldWant } from '../graphql/selection.ts';

/** Normalised arguments of Actor.relationships (validated by the GraphQL layer). */
export interface RelationshipsArgs {
  types: string[] | null;
  yearFrom: number | null;
  yearTo: number | null;
  first: number;
}

/** Normalised arguments of Actor.fundingIn / fundingOut. */
export interface FlowListArgs {
  yearFrom: number | null;
  yearTo: number | null;
  first: number;
}

function merged(want: Want | undefined, name: string): Want | undefined {
  if (!want) return undefined;
  let out: Want | undefined;
  for (const f of want.values()) {
    if (f.name !== name) continue;
    out ??= new Map();
    for (const [k, v] of f.want) if (!out.has(k)) out.set(k, v);
  }
  return out;
}

/** A node as the canvas needs it (GraphNode): flat, no nested lists. */
export function graphNodeProjection(st: Statement, v: string): string {
  return `${v} { .id, .name, .kind, .description, .citation, .country, .title, .enacted, .year, .yearEnd, .citations,
    labels: labels(${v}), ${provenance(st, v)} }`;
}

/** A typed relationship as an edge (GraphEdge). */
export function relationshipEdgeProjection(st: Statement, r: string): string {
  return `{ id: coalesce(${r}.key, elementId(${r})), source: startNode(${r}).id, target: endNode(${r}).id, type: type(${r}),
    start: ${r}.start, end: ${r}.end, note: ${r}.note, citations: ${r}.citations, footnotes: ${r}.footnotes, sections: ${r}.sections,
    ${provenance(st, r)} }`;
}

/** A funding flow as a FUNDED edge donor -> recipient (GraphEdge). */
export function fundedEdgeProjection(st: Statement, f: string): string {
  return `{ id: 'FUNDED:' + ${f}.id, source: ${f}.donorId, target: ${f}.recipientId, type: 'FUNDED',
    start: ${f}.fyStart, end: ${f}.fyEnd, note: ${f}.note, amountUsd: ${f}.amountUsd, authority: ${f}.authorityId,
    fundingId: ${f}.id, precision: ${f}.precision, basis: ${f}.basis, partOf: ${f}.partOf, citations: ${f}.citations,
    ${provenance(st, f)} }`;
}

function relationshipsOf(st: Statement, v: string, field: FieldWant): string {
  const a = field.args as unknown as RelationshipsArgs;
  const r = st.variable('r');
  const o = st.variable('o');
  const types = st.param(a.types);
  const from = st.param(a.yearFrom);
  const to = st.param(a.yearTo);
  return `COLLECT { MATCH (${v})-[${r}]-(${o}:Entity)
      WHERE (${types} IS NULL OR type(${r}) IN ${types}) AND ${overlaps(r, from, to)}
      WITH ${r}, ${o} ORDER BY ${r}.start IS NULL, ${r}.start, type(${r}), ${r}.key LIMIT ${st.param(a.first)}
      RETURN { edge: ${relationshipEdgeProjection(st, r)}, outgoing: startNode(${r}) = ${v}, other: ${graphNodeProjection(st, o)} } }`;
}

function flowsOf(st: Statement, v: string, field: FieldWant, direction: 'in' | 'out'): string {
  const a = field.args as unknown as FlowListArgs;
  const f = st.variable('f');
  const pattern = direction === 'in' ? `(${v})<-[:TO]-(${f}:Funding)` : `(${v})-[:PROVIDED]->(${f}:Funding)`;
  return `COLLECT { MATCH ${pattern} WHERE ${flowOverlaps(f, st.param(a.yearFrom), st.param(a.yearTo))}
      WITH ${f} ORDER BY ${f}.amountUsd DESC, ${f}.id LIMIT ${st.param(a.first)}
      RETURN ${flowProjection(st, f, field.want)} }`;
}

/**
 * An entity (Actor, Authority or Event) with everything `want` asks below it. Nested lists are
 * returned as `__nested: [{k: wantKey, v: [...]}]`, read by the resolvers of those fields.
 */
export function entityProjection(st: Statement, v: string, want: Want | undefined): string {
  const nested: string[] = [];
  for (const [key, field] of want ?? []) {
    if (field.name === 'relationships') nested.push(`{ k: ${st.param(key)}, v: ${relationshipsOf(st, v, field)} }`);
    else if (field.name === 'fundingIn') nested.push(`{ k: ${st.param(key)}, v: ${flowsOf(st, v, field, 'in')} }`);
    else if (field.name === 'fundingOut') nested.push(`{ k: ${st.param(key)}, v: ${flowsOf(st, v, field, 'out')} }`);
  }
  return `${v} { .*, labels: labels(${v}), ${provenance(st, v)}${nested.length > 0 ? `, __nested: [${nested.join(', ')}]` : ''} }`;
}

/** A funding flow with the donor, recipient and authority `want` asks for. */
export function flowProjection(st: Statement, f: string, want: Want | undefined): string {
  const parts = [`.*`, provenance(st, f)];
  const donor = merged(want, 'donor');
  if (donor) {
    const d = st.variable('d');
    parts.push(`donor: head(COLLECT { MATCH (${f})<-[:PROVIDED]-(${d}:Actor) RETURN ${entityProjection(st, d, donor)} })`);
  }
  const recipient = merged(want, 'recipient');
  if (recipient) {
    const r = st.variable('rc');
    parts.push(`recipient: head(COLLECT { MATCH (${f})-[:TO]->(${r}:Actor) RETURN ${entityProjection(st, r, recipient)} })`);
  }
  const authority = merged(want, 'authority');
  if (authority) {
    const a = st.variable('au');
    parts.push(`authority: head(COLLECT { MATCH (${f})-[:UNDER]->(${a}:Authority) RETURN ${entityProjection(st, a, authority)} })`);
  }
  return `${f} { ${parts.join(', ')} }`;
}

/** Re-export for callers that merge sub-selections the same way. */
export { merged as mergedWant };
