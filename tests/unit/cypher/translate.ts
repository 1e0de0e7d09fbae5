/**
 * Request -> plan -> statement, as the API does it but without a database: every read root
 * field maps to its plan builder and its repository's statement builder.
 */
import neo4j from 'neo4j-driver';
import type { CypherStatement } from '../../../server/repositories/cypher.ts';
import { entityStatement, actorsStatement, authoritiesStatement } from '../../../server/repositories/entities.ts';
import { searchStatement } from '../../../server/repositories/search.ts';
import { changesStatement } from '../../../server/repositories/changes.ts';
import { neighborhoodStatement, overviewStatement } from '../../../server/repositories/subgraph.ts';
import { endsStatement, layerStatement, pathItemsStatement } from '../../../server/repositories/paths/statements.ts';
import { lineageStatement } from '../../../server/repositories/lineage.ts';
import { flowsStatement, totalsStatement } from '../../../server/repositories/funding.ts';
import { dependenciesStatement, dependencyNetworkStatement } from '../../../server/repositories/dependencies.ts';
import { actorsPlan, authoritiesPlan, changesPlan, lookupPlan, searchPlan } from '../../../server/graphql/plans/entities.ts';
import { edgesPlan, lineagePlan, neighborhoodPlan, overviewPlan, pathsPlan } from '../../../server/graphql/plans/subgraph.ts';
import { edgesStatement, flowStatement } from '../../../server/repositories/lookups.ts';
import { fundingGraphStatement } from '../../../server/repositories/funding-graph.ts';
import { dependenciesPlan, dependencyNetworkPlan, flowLookupPlan, flowsPlan, fundingGraphPlan, totalsPlan } from '../../../server/graphql/plans/funding.ts';
import type { Selected } from '../../../server/graphql/plans/selection.ts';
import { eventsStatement } from '../../../server/repositories/events.ts';
import { eventsPlan } from '../../../server/graphql/plans/events.ts';
import { citedByStatement } from '../../../server/repositories/cited-by.ts';
import { citedByPlan } from '../../../server/graphql/plans/cited-by.ts';
import { summaryStatement } from '../../../server/repositories/summary.ts';
import { summaryPlan } from '../../../server/graphql/plans/summary.ts';
import { nodesStatement } from '../../../server/repositories/nodes-by-id.ts';
import { nodesByIdPlan } from '../../../server/graphql/plans/nodes-by-id.ts';
import { comparisonStatement } from '../../../server/repositories/comparison.ts';
import { comparisonPlan } from '../../../server/graphql/plans/comparison.ts';
import { rootOf } from '../plans/support.ts';

const ROOTS: Record<string, (root: Selected) => CypherStatement[]> = {
  node: (r) => [entityStatement(lookupPlan('Entity', r))],
  actor: (r) => [entityStatement(lookupPlan('Actor', r))],
  authority: (r) => [entityStatement(lookupPlan('Authority', r))],
  actors: (r) => [actorsStatement(actorsPlan(r))],
  authorities: (r) => [authoritiesStatement(authoritiesPlan(r))],
  search: (r) => [searchStatement(searchPlan(r))],
  changes: (r) => [changesStatement(changesPlan(r))],
  neighborhood: (r) => [neighborhoodStatement(neighborhoodPlan(r))],
  graph: (r) => [overviewStatement(overviewPlan(r))],
  graphComparison: (r) => [comparisonStatement(comparisonPlan(r))],
  // The search's statements: the ends, a layer from `from`, and a path's items (one made-up step).
  paths: (r) => {
    const q = pathsPlan(r);
    return [
      endsStatement(q.from, q.to),
      layerStatement({ ids: [q.from], into: null }, q.filter, q.excludeIds),
      pathItemsStatement([q.from, q.to], [{ x: q.from, y: q.to, edgeId: `FUNDED:${q.from}` }], q.provenance),
    ];
  },
  edges: (r) => [edgesStatement(edgesPlan(r))],
  fundingFlow: (r) => [flowStatement(flowLookupPlan(r))],
  fundingGraph: (r) => [fundingGraphStatement(fundingGraphPlan(r))],
  lineage: (r) => [lineageStatement(lineagePlan(r))],
  fundingFlows: (r) => [flowsStatement(flowsPlan(r))],
  fundingTotals: (r) => [totalsStatement(totalsPlan(r))],
  dependencies: (r) => [dependenciesStatement(dependenciesPlan(r))],
  dependencyNetwork: (r) => [dependencyNetworkStatement(dependencyNetworkPlan(r))],
  events: (r) => [eventsStatement(eventsPlan(r))],
  citedBy: (r) => [citedByStatement(citedByPlan(r))],
  dataSummary: (r) => [summaryStatement(summaryPlan(r))],
  nodes: (r) => [nodesStatement(nodesByIdPlan(r))],
};

/** The read root fields that run Cypher. */
export const READ_ROOTS = Object.keys(ROOTS);

function plain(value: unknown): unknown {
  if (neo4j.isInt(value)) return value.toNumber();
  if (Array.isArray(value)) return value.map(plain);
  return value;
}

/** The statements of a one-root-field document, with integer parameters as plain numbers. */
export function translate(document: string, variables: Record<string, unknown> = {}): { cypher: string; params: Record<string, unknown> }[] {
  const root = rootOf(document, variables);
  const build = ROOTS[root.name];
  if (!build) throw new Error(`${root.name} runs no Cypher`);
  return build(root).map((s) => ({ cypher: s.cypher.replace(/[ \t]+$/gm, ''), params: Object.fromEntries(Object.entries(s.params).map(([k, v]) => [k, plain(v)])) }));
}
