/**
 * Dependencies: who funds an actor and how much (donor shares come from the same counting as
 * totals), its explicit DEPENDS_ON edges both ways, and the dependency network.
 */
import type { Database } from '../db/database.ts';
import { Statement, type CypherStatement } from './cypher.ts';
import { inWindow } from './timing.ts';
import { entityProjection, graphNodeProjection, relationshipEdgeProjection } from './projection.ts';
import { filterRefs, NO_FILTER } from './flow-filter.ts';
import { countedRows, groups, SUMMARY_MAP } from './counting.ts';
import { concentration, donorShares, type DonorShare } from './shares.ts';
import { readRows } from './read.ts';
import type { DependenciesPlan, DependencyNetworkPlan, EntityPlan } from './plan.ts';
import type { Cited, EntityRow, SubgraphRow } from './rows.ts';
import { NO_AUTHORITY_KEY } from '../../domain/counting.ts';

/** A DEPENDS_ON edge with its two ends. */
export interface DependencyEdgeRow extends Cited {
  id: string;
  start: number | null;
  end: number | null;
  note: string | null;
  from: EntityRow;
  to: EntityRow;
}

/** The dependencies of one actor. */
export interface DependenciesRow {
  actor: EntityRow;
  totalReceivedUsd: number;
  donors: DonorShare<EntityRow>[];
  concentration: number | null;
  dependsOn: DependencyEdgeRow[];
  dependents: DependencyEdgeRow[];
}

/** The statement of dependencies; no row when there is no such actor. */
export function dependenciesStatement(plan: DependenciesPlan): CypherStatement {
  const st = new Statement();
  const window = { yearFrom: plan.yearFrom, yearTo: plan.yearTo };
  // The actor is the recipient (or, with includeUnits, the State and its units).
  const f = filterRefs(st, { ...NO_FILTER, ...window, ...(plan.includeUnits ? { recipientCountry: plan.actorId } : { recipient: plan.actorId }) });
  const id = st.param(plan.actorId);
  const edge = (r: string, a: string, b: string, ends: { from: EntityPlan; to: EntityPlan }) =>
    `{ id: ${r}.key, start: ${r}.start, end: ${r}.end, note: ${r}.note, citations: ${r}.citations,
       from: ${entityProjection(st, a, ends.from)}, to: ${entityProjection(st, b, ends.to)} }`;
  const donorTail = plan.donor ? `, entity: head(COLLECT { MATCH (ge2:Entity:Actor {id: key}) RETURN ${entityProjection(st, 'ge2', plan.donor)} })` : '';
  const cypher = `
    MATCH (me:Entity:Actor {id: ${id}})
    CALL () {
      ${countedRows(f)}
      ${groups('DONOR', f, st.param(NO_AUTHORITY_KEY), donorTail)}
      RETURN { groups: groups, ${SUMMARY_MAP} } AS totals
    }
    RETURN ${entityProjection(st, 'me', plan.actor)} AS actor, totals,
      COLLECT { MATCH (me)-[dr:DEPENDS_ON]->(dt:Actor) WHERE ${inWindow('dr', f.window)} RETURN ${edge('dr', 'me', 'dt', plan.dependsOn)} } AS dependsOn,
      COLLECT { MATCH (me)<-[dr2:DEPENDS_ON]-(ds:Actor) WHERE ${inWindow('dr2', f.window)} RETURN ${edge('dr2', 'ds', 'me', plan.dependents)} } AS dependents`;
  return st.build(cypher, plan.provenance);
}

interface RawDependencies {
  actor: EntityRow;
  totals: { amountUsd: number; groups: { key: string; label: string | null; amountUsd: number; lowerBound: boolean; entity?: EntityRow | null }[] };
  dependsOn: DependencyEdgeRow[];
  dependents: DependencyEdgeRow[];
}

/** A donor known only by its id (its entity was not asked for, so its evidence is never read). */
function bareActor(id: string, name: string): EntityRow {
  return { id, name, labels: ['Entity', 'Actor'], kind: null, aliases: null, description: null, note: null, citation: null, country: null, title: null, enacted: null, year: null, month: null, day: null, yearEnd: null, evidence: 'STATED', sources: [] };
}

/** The dependencies of an actor; null when there is no such actor. */
export async function dependencies(db: Database, plan: DependenciesPlan): Promise<DependenciesRow | null> {
  const [row] = await readRows<RawDependencies>(db, dependenciesStatement(plan));
  if (!row?.actor) return null;
  const total = row.totals.amountUsd;
  const donors = donorShares(
    row.totals.groups.map((g) => ({ donor: g.entity ?? bareActor(g.key, g.label ?? g.key), amountUsd: g.amountUsd, lowerBound: g.lowerBound })),
    total,
  );
  return { actor: row.actor, totalReceivedUsd: total, donors, concentration: concentration(donors, total), dependsOn: row.dependsOn, dependents: row.dependents };
}

/**
 * The statement of dependencyNetwork: explicit DEPENDS_ON edges plus one FUNDED edge per
 * donor -> recipient pair, weighted by the counted amount and the donor's share of the
 * recipient's known assistance; the `limit` heaviest nodes and the edges among them.
 */
export function dependencyNetworkStatement(plan: DependencyNetworkPlan): CypherStatement {
  const st = new Statement();
  const f = filterRefs(st, { ...NO_FILTER, yearFrom: plan.yearFrom, yearTo: plan.yearTo });
  const cap = st.param(plan.maxEdges);
  const cypher = `
    ${countedRows(f)}
    CALL (rows) {
      UNWIND rows AS x
      WITH x WHERE x.counted > 0
      WITH x.f.donorId AS d, x.f.recipientId AS r, sum(x.counted) AS amount, collect(x.f.precision) AS precisions
      RETURN collect({ d: d, r: r, amount: amount, lowerBound: 'LOWER_BOUND' IN precisions, approximate: 'APPROXIMATE' IN precisions }) AS pairs
    }
    CALL (pairs) {
      UNWIND pairs AS p
      WITH p.r AS r, sum(p.amount) AS received
      RETURN collect({ r: r, received: received }) AS received
    }
    CALL () {
      MATCH (:Actor)-[dr:DEPENDS_ON]->(:Actor) WHERE ${inWindow('dr', f.window)}
      RETURN collect(dr) AS deps
    }
    CALL (pairs, deps) {
      UNWIND ([p IN pairs | { id: p.d, w: p.amount }] + [p IN pairs | { id: p.r, w: p.amount }]
        + [x IN deps | { id: startNode(x).id, w: 1.0e15 }] + [x IN deps | { id: endNode(x).id, w: 1.0e15 }]) AS nw
      WITH nw.id AS id, sum(nw.w) AS weight ORDER BY weight DESC, id
      RETURN collect(id) AS ranked
    }
    WITH pairs, received, deps, ranked, ranked[0..${st.param(plan.limit)}] AS keptIds
    CALL (keptIds) { MATCH (n:Entity) WHERE n.id IN keptIds RETURN collect(n) AS kept }
    WITH pairs, received, deps, ranked, kept,
      [x IN deps WHERE startNode(x).id IN keptIds AND endNode(x).id IN keptIds] AS depEdges,
      [p IN pairs WHERE p.d IN keptIds AND p.r IN keptIds] AS pairEdges
    RETURN [n IN kept | ${graphNodeProjection('n')}] AS nodes,
      ([x IN depEdges | ${relationshipEdgeProjection('x')}] +
       [p IN pairEdges | { id: 'FUNDED:' + p.d + ':' + p.r, source: p.d, target: p.r, type: 'FUNDED', amountUsd: p.amount,
          precision: CASE WHEN p.lowerBound THEN 'LOWER_BOUND' WHEN p.approximate THEN 'APPROXIMATE' ELSE 'EXACT' END,
          share: p.amount / head([q IN received WHERE q.r = p.r | q.received]), citations: null }])[0..${cap}] AS edges,
      size(ranked) - size(kept) AS omittedNodes,
      size(deps) + size(pairs) - size(depEdges) - size(pairEdges) AS omittedEdges`;
  return st.build(cypher, plan.provenance);
}

/** The dependency network. */
export async function dependencyNetwork(db: Database, plan: DependencyNetworkPlan): Promise<SubgraphRow> {
  const [row] = await readRows<SubgraphRow>(db, dependencyNetworkStatement(plan));
  return row ?? { nodes: [], edges: [], omittedNodes: 0, omittedEdges: 0 };
}
