/**
 * The benchmarked operations: aidgraph's GraphQL operations (the same selections the page sends,
 * web/src/api/queries.ts) and, where the Neo4j GraphQL Library can express the question, its
 * closest equivalent over the same graph. Variables rotate over the generator's targets.
 */
import type { BenchTargets } from '../generate.ts';
import { ACTOR_ACTOR_TYPES, relationshipField } from './neo4j-graphql-typedefs.ts';

/** One benchmarked question. */
export interface BenchOperation {
  name: string;
  /** aidgraph's operation. */
  query: string;
  /** Variable sets, used round-robin. */
  variables: Record<string, unknown>[];
  /** The @neo4j/graphql equivalent, when it can express the question. */
  neo4jGraphql?: { query: string; variables: Record<string, unknown>[]; note: string };
  /** Why @neo4j/graphql is not compared, when it is not. */
  neo4jGraphqlMissing?: string;
}

// Selections copied in spirit from the page (web/src/api/queries.ts): what a user's click costs.
const CITATION = 'source section sectionHeading paragraphs footnotes works { id title author publisher date footnotes }';
const NODE = 'id labels name kind description citation year amountUsd';
const EDGE = `id source target type start end note amountUsd authority fundingId sources { ${CITATION} }`;
const EDGE_LITE = 'id source target type start end note amountUsd authority fundingId';
const SUBGRAPH = `nodes { ${NODE} } edges { ${EDGE} } truncated omittedNodes omittedEdges`;
// The overview and the neighbourhood leave citations out (the page loads an edge's on click).
const SUBGRAPH_LITE = `nodes { ${NODE} } edges { ${EDGE_LITE} } truncated omittedNodes omittedEdges`;
const ACTOR_REF = 'id name kind';

const NEIGHBORHOOD = `query Neighborhood($id: ID!, $depth: Int, $limit: Int) {
  neighborhood(id: $id, depth: $depth, limit: $limit) { ${SUBGRAPH_LITE} } }`;

const OVERVIEW = `query Overview($filter: GraphFilter) { graph(filter: $filter) { ${SUBGRAPH_LITE} } }`;

const PATHS = `query Paths($from: ID!, $to: ID!, $maxHops: Int, $limit: Int) {
  paths(from: $from, to: $to, maxHops: $maxHops, limit: $limit) {
    complete paths { length nodes { ${NODE} } steps { forward edge { ${EDGE} } } } } }`;

const LINEAGE = `query Lineage($id: ID!, $direction: LineageDirection) { lineage(id: $id, direction: $direction) {
  root { id name kind citation enacted title }
  entries { generation authority { id name kind citation enacted title }
    establishedBy { id name kind citation enacted } administeredBy { ${ACTOR_REF} } implementedBy { ${ACTOR_REF} } }
  subgraph { ${SUBGRAPH} } } }`;

const TOTALS = 'groups { key label amountUsd flowCount lowerBound approximate } amountUsd lowerBound approximate';
const FUNDING_TOTALS = `query Totals($groupBy: FundingGroupBy!, $filter: FundingFilter) {
  fundingTotals(groupBy: $groupBy, filter: $filter) { ${TOTALS} } }`;

const SEARCH = `query Search($text: String!, $first: Int) { search(text: $text, first: $first) { id name kind score matched } }`;

// ---- @neo4j/graphql equivalents (same graph, its generated Cypher).

const SPAN_EDGE = (inner: string) => `edges { properties { key start end note } node { ${inner} } }`;
const NGQL_ACTOR = 'id name kind description';

/** Every relationship of an actor, one field per type and direction (the library has no "any type"). */
function ngqlActorNeighbours(inner: string, first: number): string {
  const typed = ACTOR_ACTOR_TYPES.flatMap((t) => [relationshipField(t, 'OUT'), relationshipField(t, 'IN')])
    .map((f) => `${f}Connection(first: ${first}) { ${SPAN_EDGE(inner)} }`)
    .join('\n    ');
  return `${typed}
    perpetratedConnection(first: ${first}) { ${SPAN_EDGE('id name year')} }
    participatedInConnection(first: ${first}) { ${SPAN_EDGE('id name year')} }
    targetedByConnection(first: ${first}) { ${SPAN_EDGE('id name year')} }
    provided(limit: ${first}) { id amountUsd fyStart fyEnd authorityId purpose recipient { ${inner} } }
    received(limit: ${first}) { id amountUsd fyStart fyEnd authorityId donor { ${inner} } }`;
}

const NGQL_NEIGHBORHOOD_1 = `query N1($id: ID!) { actors(where: { id: { eq: $id } }) { ${NGQL_ACTOR} citations
    ${ngqlActorNeighbours(`${NGQL_ACTOR} citations`, 200)} } }`;

const NGQL_NEIGHBORHOOD_2 = `query N2($id: ID!) { actors(where: { id: { eq: $id } }) { ${NGQL_ACTOR} citations
    ${ngqlActorNeighbours(`${NGQL_ACTOR} citations ${ngqlActorNeighbours(NGQL_ACTOR, 20)}`, 20)} } }`;

const AUTH = 'id name kind citation enacted title';
function ngqlLineage(depth: number, fields: string[]): string {
  if (depth === 0) return AUTH;
  const inner = ngqlLineage(depth - 1, fields);
  return `${AUTH} ${fields.map((f) => `${f}Connection { edges { properties { start } node { ${inner} } } }`).join(' ')}`;
}
const NGQL_LINEAGE = `query L($id: ID!) { authorities(where: { id: { eq: $id } }) {
  ${AUTH}
  establishedBy { id name kind citation enacted } administeredBy { ${ACTOR_REF} } implementedBy { ${ACTOR_REF} }
  down: ${'evolvedInto'} { ${ngqlLineage(3, ['evolvedInto', 'consolidatedInto', 'reauthorizedBy'])} }
  downC: consolidatedInto { ${ngqlLineage(3, ['evolvedInto', 'consolidatedInto', 'reauthorizedBy'])} }
  up: evolvedFrom { ${ngqlLineage(3, ['evolvedFrom', 'consolidatedFrom', 'reauthorizes'])} }
  upC: consolidatedFrom { ${ngqlLineage(3, ['evolvedFrom', 'consolidatedFrom', 'reauthorizes'])} } } }`;

const NGQL_TOTALS = `query T($id: String!) { fundingsConnection(where: { recipientId: { eq: $id } }) {
  aggregate { count { nodes } node { amountUsd { sum } } } } }`;

const NGQL_SEARCH = `query S($text: String!) { searchActors(phrase: $text, first: 10) { edges { score node { id name kind } } } }`;

/** Builds the benchmark operations from the generator's targets, with at most `maxSets` variable sets each. */
export function benchOperations(targets: BenchTargets, maxSets = 20): BenchOperation[] {
  const cut = <T>(list: T[]) => list.slice(0, maxSets);
  const t: BenchTargets = {
    ...targets,
    hubActors: cut(targets.hubActors),
    typicalActors: cut(targets.typicalActors),
    pathPairs: cut(targets.pathPairs),
    lineageRoots: cut(targets.lineageRoots),
    fundingAuthorities: cut(targets.fundingAuthorities),
    searchTerms: cut(targets.searchTerms),
  };
  const typical = t.typicalActors.length ? t.typicalActors : t.hubActors;
  const ids = (list: string[]) => list.map((id) => ({ id }));
  return [
    {
      name: 'neighborhood d1',
      query: NEIGHBORHOOD,
      variables: typical.map((id) => ({ id, depth: 1, limit: 200 })),
      neo4jGraphql: { query: NGQL_NEIGHBORHOOD_1, variables: ids(typical), note: 'one Connection field per type and direction (68), 200 per field' },
    },
    {
      name: 'neighborhood d1 hub',
      query: NEIGHBORHOOD,
      variables: t.hubActors.map((id) => ({ id, depth: 1, limit: 200 })),
      neo4jGraphql: { query: NGQL_NEIGHBORHOOD_1, variables: ids(t.hubActors), note: 'as above, on the busiest donors and recipients' },
    },
    {
      name: 'neighborhood d2',
      query: NEIGHBORHOOD,
      variables: typical.map((id) => ({ id, depth: 2, limit: 200 })),
      neo4jGraphql: { query: NGQL_NEIGHBORHOOD_2, variables: ids(typical), note: 'every field nested once more, 20 per field' },
    },
    {
      name: 'overview',
      query: OVERVIEW,
      variables: [{ filter: { limit: 300 } }],
      neo4jGraphqlMissing: 'cannot rank nodes by degree',
    },
    {
      name: 'paths',
      query: PATHS,
      variables: t.pathPairs.map(([from, to]) => ({ from, to, maxHops: 4, limit: 5 })),
      neo4jGraphqlMissing: 'no shortest-path or variable-length traversal in the generated API',
    },
    {
      name: 'lineage',
      query: LINEAGE,
      variables: t.lineageRoots.map((id) => ({ id, direction: 'BOTH' })),
      neo4jGraphql: { query: NGQL_LINEAGE, variables: ids(t.lineageRoots), note: 'fixed nesting, 4 generations each way (no variable-length paths)' },
    },
    {
      name: 'fundingTotals',
      query: FUNDING_TOTALS,
      variables: typical.map((id) => ({ groupBy: 'DONOR', filter: { recipient: id } })),
      neo4jGraphql: { query: NGQL_TOTALS, variables: ids(typical), note: 'one sum and count (no group-by, no part_of de-duplication)' },
    },
    {
      name: 'fundingTotals lineage',
      query: FUNDING_TOTALS,
      variables: (t.fundingAuthorities.length ? t.fundingAuthorities : t.lineageRoots).map((id) => ({
        groupBy: 'RECIPIENT',
        filter: { authority: id, includeDescendants: true },
      })),
      neo4jGraphqlMissing: 'cannot follow lineage to any depth before aggregating',
    },
    {
      name: 'search',
      query: SEARCH,
      variables: t.searchTerms.map((text) => ({ text, first: 10 })),
      neo4jGraphql: { query: NGQL_SEARCH, variables: t.searchTerms.map((text) => ({ text })), note: '@fulltext over the same index, actors only' },
    },
  ];
}
