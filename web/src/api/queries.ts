/**
 * Every GraphQL operation the page sends, in one place, with typed wrappers.
 * Subgraph-shaped answers go through graph/to-elements.ts and nowhere else.
 * Page sizes (`first`) travel as variables: graphql-armor's cost check multiplies a literal
 * `first` into the cost, while the server's own list budget reads variables.
 */
import { gql } from './client.ts';
import type {
  Dependencies,
  FundingFilter,
  FundingFlow,
  FundingTotals,
  GraphFilter,
  Lineage,
  NodeDetails,
  NodeKind,
  Path,
  SearchHit,
  Subgraph,
  AuthorityRef,
  GraphEdge,
} from './types.ts';

const CITATION = `source section sectionHeading paragraphs footnotes works { id title author publisher date footnotes }`;
const NODE = `id labels name kind description citation year amountUsd`;
const EDGE = `id source target type start end note amountUsd authority fundingId sources { ${CITATION} }`;
/** Edges without citations: the overview and expansions stay light (citations load on click). */
const EDGE_LITE = `id source target type start end note amountUsd authority fundingId`;
const SUBGRAPH = `nodes { ${NODE} } edges { ${EDGE} } truncated omittedNodes omittedEdges`;
const SUBGRAPH_LITE = `nodes { ${NODE} } edges { ${EDGE_LITE} } truncated omittedNodes omittedEdges`;
const ACTOR_REF = `id name kind`;
const FLOW = `id donor { ${ACTOR_REF} } recipient { ${ACTOR_REF} } authority { id name kind citation }
  amountUsd fyStart fyEnd precision basis partOf purpose note sources { ${CITATION} }`;

/** The overview graph. */
export async function fetchOverview(filter: GraphFilter, signal?: AbortSignal): Promise<Subgraph> {
  const data = await gql<{ graph: Subgraph }>(`query Overview($filter: GraphFilter) { graph(filter: $filter) { ${SUBGRAPH_LITE} } }`, { filter }, signal);
  return data.graph;
}

export interface NeighborhoodArgs {
  id: string;
  depth?: number;
  types?: string[];
  yearFrom?: number;
  yearTo?: number;
  limit?: number;
}

/** Everything within `depth` of a node. */
export async function fetchNeighborhood(args: NeighborhoodArgs, signal?: AbortSignal): Promise<Subgraph> {
  const data = await gql<{ neighborhood: Subgraph }>(
    `query Neighborhood($id: ID!, $depth: Int, $types: [String!], $yearFrom: Int, $yearTo: Int, $limit: Int) {
      neighborhood(id: $id, depth: $depth, types: $types, yearFrom: $yearFrom, yearTo: $yearTo, limit: $limit) { ${SUBGRAPH_LITE} } }`,
    { depth: 1, ...args },
    signal,
  );
  return data.neighborhood;
}

/** Full-text search for suggestions. */
export async function fetchSearch(text: string, kinds: NodeKind[] | undefined, first: number, signal?: AbortSignal): Promise<SearchHit[]> {
  const data = await gql<{ search: SearchHit[] }>(
    `query Search($text: String!, $first: Int, $kinds: [NodeKind!]) { search(text: $text, first: $first, kinds: $kinds) { id name kind score matched } }`,
    { text, first, kinds: kinds?.length ? kinds : undefined },
    signal,
  );
  return data.search;
}

/** The allow-list of relationship types, for the filters. */
export async function fetchRelationshipTypes(signal?: AbortSignal): Promise<string[]> {
  const data = await gql<{ relationshipTypes: string[] }>(`query Types { relationshipTypes }`, {}, signal);
  return data.relationshipTypes;
}

/** An authority's ancestors and descendants. */
export async function fetchLineage(id: string, direction: 'ANCESTORS' | 'DESCENDANTS' | 'BOTH', signal?: AbortSignal): Promise<Lineage | null> {
  const data = await gql<{ lineage: Lineage | null }>(
    `query Lineage($id: ID!, $direction: LineageDirection) { lineage(id: $id, direction: $direction) {
      root { id name kind citation enacted title }
      entries { generation authority { id name kind citation enacted title }
        establishedBy { id name kind citation enacted } administeredBy { ${ACTOR_REF} } implementedBy { ${ACTOR_REF} } }
      subgraph { ${SUBGRAPH} } } }`,
    { id, direction },
    signal,
  );
  return data.lineage;
}

/** Authorities for the lineage picker. */
export async function fetchAuthorities(signal?: AbortSignal): Promise<AuthorityRef[]> {
  const data = await gql<{ authorities: { nodes: AuthorityRef[] } }>(
    `query Authorities($first: Int) { authorities(first: $first) { nodes { id name kind citation enacted title } } }`,
    { first: 500 },
    signal,
  );
  return data.authorities.nodes;
}

export interface FundingAnswer {
  flows: { nodes: FundingFlow[]; totalCount: number };
  byDonor: FundingTotals;
  byAuthority: FundingTotals;
  byRecipient: FundingTotals;
}

/** Flows and totals for the funding view, in one request. */
export async function fetchFunding(filter: FundingFilter, signal?: AbortSignal): Promise<FundingAnswer> {
  const totals = `groups { key label amountUsd flowCount lowerBound approximate } amountUsd lowerBound approximate`;
  return gql<FundingAnswer>(
    `query Funding($filter: FundingFilter, $first: Int) {
      flows: fundingFlows(filter: $filter, first: $first) { nodes { ${FLOW} } totalCount }
      byDonor: fundingTotals(groupBy: DONOR, filter: $filter) { ${totals} }
      byAuthority: fundingTotals(groupBy: AUTHORITY, filter: $filter) { ${totals} }
      byRecipient: fundingTotals(groupBy: RECIPIENT, filter: $filter) { ${totals} } }`,
    { filter, first: 500 },
    signal,
  );
}

/** Donor shares and concentration for one recipient. */
export async function fetchDependencies(actorId: string, yearFrom: number | undefined, yearTo: number | undefined, signal?: AbortSignal): Promise<Dependencies | null> {
  const edge = `from { ${ACTOR_REF} } to { ${ACTOR_REF} } start end note`;
  const data = await gql<{ dependencies: Dependencies | null }>(
    `query Deps($id: ID!, $yearFrom: Int, $yearTo: Int) { dependencies(actorId: $id, yearFrom: $yearFrom, yearTo: $yearTo) {
      actor { ${ACTOR_REF} } totalReceivedUsd concentration
      donors { donor { ${ACTOR_REF} } amountUsd share lowerBound }
      dependsOn { ${edge} } dependents { ${edge} } } }`,
    { id: actorId, yearFrom, yearTo },
    signal,
  );
  return data.dependencies;
}

/** Shortest paths between two entities. */
export async function fetchPaths(
  args: { from: string; to: string; maxHops?: number; types?: string[]; yearFrom?: number; yearTo?: number; limit?: number },
  signal?: AbortSignal,
): Promise<Path[]> {
  const data = await gql<{ paths: Path[] }>(
    `query Paths($from: ID!, $to: ID!, $maxHops: Int, $types: [String!], $yearFrom: Int, $yearTo: Int, $limit: Int) {
      paths(from: $from, to: $to, maxHops: $maxHops, types: $types, yearFrom: $yearFrom, yearTo: $yearTo, limit: $limit) {
        length nodes { ${NODE} } steps { forward edge { ${EDGE} } } } }`,
    { limit: 5, ...args },
    signal,
  );
  return data.paths;
}

export interface DetailsAnswer {
  node: NodeDetails | null;
  around: Subgraph;
}

/** Everything the details panel shows for a node: properties, sources, relationships, funding. */
export async function fetchDetails(id: string, signal?: AbortSignal): Promise<DetailsAnswer> {
  return gql<DetailsAnswer>(
    `query Details($id: ID!, $first: Int) {
      node(id: $id) { __typename id name kind aliases description sources { ${CITATION} }
        ... on Actor { actorKind country fundingIn(first: $first) { ${FLOW} } fundingOut(first: $first) { ${FLOW} } }
        ... on Authority { authorityKind citation title enacted }
        ... on Event { year yearEnd } }
      around: neighborhood(id: $id, depth: 1, limit: 300) { ${SUBGRAPH} } }`,
    { id, first: 100 },
    signal,
  );
}

/** Flows under one authority (details panel of an authority). */
export async function fetchFlowsUnder(authority: string, signal?: AbortSignal): Promise<FundingFlow[]> {
  const data = await gql<{ fundingFlows: { nodes: FundingFlow[] } }>(
    `query Under($filter: FundingFilter, $first: Int) { fundingFlows(filter: $filter, first: $first) { nodes { ${FLOW} } } }`,
    { filter: { authority }, first: 100 },
    signal,
  );
  return data.fundingFlows.nodes;
}

/**
 * Citations of one edge that came without them (overview, expansions). There is no `edge(id)`
 * root field, so they are read from the neighbourhood of the edge's source.
 */
export async function fetchEdgeSources(edgeId: string, sourceNodeId: string, signal?: AbortSignal): Promise<GraphEdge['sources'] | null> {
  const data = await gql<{ neighborhood: { edges: { id: string; sources: GraphEdge['sources'] }[] } }>(
    `query EdgeSources($id: ID!) { neighborhood(id: $id, depth: 1, limit: 2000) { edges { id sources { ${CITATION} } } } }`,
    { id: sourceNodeId },
    signal,
  );
  return data.neighborhood.edges.find((e) => e.id === edgeId)?.sources ?? null;
}
