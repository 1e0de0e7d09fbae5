/**
 * Every GraphQL operation the page sends, in one place, with typed wrappers.
 * Subgraph-shaped answers go through graph/to-elements.ts and nowhere else.
 * Page sizes (`first`) travel as variables: graphql-armor's cost check multiplies a literal
 * `first` into the cost, while the server's own list budget reads variables.
 *
 * Each document is a plain template literal marked with a GraphQL comment and without
 * interpolation, so that `npm run codegen` can read it: web/src/api/generated/operations.ts then
 * holds the type of every answer and of its variables. Shared selections are fragments; a
 * document is sent with the fragments it spreads (see `withFragments`).
 */
import { gql } from './client.ts';
import type * as Op from './generated/operations.ts';
import type { AuthorityRef, DataSummary, Dependencies, FundingCounting, FundingFilter, FundingFlow, FundingGraph, FundingTotals, GraphEdge, GraphFilter, Lineage, NodeDetails, NodeKind, Path, PathResult, RelationshipType, SearchHit, Subgraph } from './types.ts';

/** A document whose answer and variables are typed by the generated operation types. */
interface Operation<TData, TVariables> {
  readonly text: string;
  /** Types only: never read at run time. */
  readonly types?: { data: TData; variables: TVariables };
}

const FRAGMENTS: Record<string, string> = {
  CitationFields: /* GraphQL */ `
    fragment CitationFields on Citation {
      source sourceTitle sourceUrl section sectionHeading paragraphs footnotes works { id title author publisher date url footnotes }
    }`,
  NodeFields: /* GraphQL */ `
    fragment NodeFields on GraphNode { id labels name kind description citation year amountUsd }`,
  // Edges without citations: the overview and expansions stay light (citations load on click).
  EdgeLiteFields: /* GraphQL */ `
    fragment EdgeLiteFields on GraphEdge { id source target type start end timing evidence note amountUsd authority fundingId }`,
  EdgeFields: /* GraphQL */ `
    fragment EdgeFields on GraphEdge { ...EdgeLiteFields sources { ...CitationFields } }`,
  SubgraphFields: /* GraphQL */ `
    fragment SubgraphFields on Subgraph { nodes { ...NodeFields } edges { ...EdgeFields } truncated omittedNodes omittedEdges }`,
  SubgraphLiteFields: /* GraphQL */ `
    fragment SubgraphLiteFields on Subgraph { nodes { ...NodeFields } edges { ...EdgeLiteFields } truncated omittedNodes omittedEdges }`,
  ActorRefFields: /* GraphQL */ `
    fragment ActorRefFields on Actor { id name kind }`,
  AuthorityRefFields: /* GraphQL */ `
    fragment AuthorityRefFields on Authority { id name kind citation enacted title }`,
  FlowFields: /* GraphQL */ `
    fragment FlowFields on FundingFlow {
      id donor { ...ActorRefFields } recipient { ...ActorRefFields } authority { ...AuthorityRefFields }
      amountUsd fyStart fyEnd precision basis partOf purpose note evidence sources { ...CitationFields }
    }`,
  TotalsFields: /* GraphQL */ `
    fragment TotalsFields on FundingTotals { groups { key label amountUsd flowCount lowerBound approximate } amountUsd lowerBound approximate }`,
  // Which matched flows a total did not sum in full, and why: the "how this was counted" panel.
  CountingFields: /* GraphQL */ `
    fragment CountingFields on FundingTotals { flowCount excludedCount exclusions { reason countedUsd flow { id } } }`,
  DependencyEdgeFields: /* GraphQL */ `
    fragment DependencyEdgeFields on DependencyEdge { from { ...ActorRefFields } to { ...ActorRefFields } start end note }`,
};

// `... on Type` is an inline fragment, not a spread: `on` cannot name a fragment.
const SPREAD = /\.\.\.\s*(?!on\b)([_A-Za-z]\w*)/g;

/** `text` followed by every fragment it spreads, directly or through other fragments, once each. */
export function withFragments(text: string): string {
  const needed = new Set<string>();
  const visit = (source: string) => {
    for (const [, name] of source.matchAll(SPREAD)) {
      if (!name || needed.has(name)) continue;
      const fragment = FRAGMENTS[name];
      if (fragment === undefined) throw new Error(`unknown fragment ${name}`);
      needed.add(name);
      visit(fragment);
    }
  };
  visit(text);
  return [text, ...[...needed].map((name) => FRAGMENTS[name])].join('\n');
}

function operation<TData, TVariables>(text: string): Operation<TData, TVariables> {
  return { text: withFragments(text) };
}

function request<TData, TVariables extends Record<string, unknown>>(op: Operation<TData, TVariables>, variables: TVariables, signal?: AbortSignal): Promise<TData> {
  return gql<TData>(op.text, variables, signal);
}

const OVERVIEW = operation<Op.OverviewQuery, Op.OverviewQueryVariables>(/* GraphQL */ `
  query Overview($filter: GraphFilter, $withLayout: Boolean! = false) {
    graph(filter: $filter) { ...SubgraphLiteFields layout @include(if: $withLayout) { id x y } }
  }`);

/** The overview graph; with `withLayout`, also where the server's layout draws each node. */
export async function fetchOverview(filter: GraphFilter, withLayout: boolean, signal?: AbortSignal): Promise<Subgraph> {
  const data = await request(OVERVIEW, { filter, withLayout }, signal);
  return data.graph;
}

export type NeighborhoodArgs = Op.NeighborhoodQueryVariables;

const NEIGHBORHOOD = operation<Op.NeighborhoodQuery, Op.NeighborhoodQueryVariables>(/* GraphQL */ `
  query Neighborhood($id: ID!, $depth: Int, $types: [RelationshipType!], $yearFrom: Int, $yearTo: Int, $limit: Int, $kinds: [NodeKind!], $minAmountUsd: Float) {
    neighborhood(id: $id, depth: $depth, types: $types, yearFrom: $yearFrom, yearTo: $yearTo, limit: $limit, kinds: $kinds, minAmountUsd: $minAmountUsd) { ...SubgraphLiteFields }
  }`);

/** Everything within `depth` of a node. */
export async function fetchNeighborhood(args: NeighborhoodArgs, signal?: AbortSignal): Promise<Subgraph> {
  const data = await request(NEIGHBORHOOD, { depth: 1, ...args }, signal);
  return data.neighborhood;
}

const SEARCH = operation<Op.SearchQuery, Op.SearchQueryVariables>(/* GraphQL */ `
  query Search($text: String!, $first: Int, $kinds: [NodeKind!]) { search(text: $text, first: $first, kinds: $kinds) { id name kind score matched } }`);

/** Full-text search for suggestions. */
export async function fetchSearch(text: string, kinds: NodeKind[] | undefined, first: number, signal?: AbortSignal): Promise<SearchHit[]> {
  const data = await request(SEARCH, { text, first, kinds: kinds?.length ? kinds : undefined }, signal);
  return data.search;
}

const TYPES = operation<Op.TypesQuery, Op.TypesQueryVariables>(/* GraphQL */ `
  query Types { relationshipTypes }`);

/** The allow-list of relationship types, for the filters. */
export async function fetchRelationshipTypes(signal?: AbortSignal): Promise<RelationshipType[]> {
  const data = await request(TYPES, {}, signal);
  return data.relationshipTypes;
}

const LINEAGE = operation<Op.LineageQuery, Op.LineageQueryVariables>(/* GraphQL */ `
  query Lineage($id: ID!, $direction: LineageDirection) {
    lineage(id: $id, direction: $direction) {
      root { ...AuthorityRefFields }
      entries {
        generation authority { ...AuthorityRefFields }
        establishedBy { ...AuthorityRefFields } administeredBy { ...ActorRefFields } implementedBy { ...ActorRefFields }
      }
      subgraph { ...SubgraphFields }
    }
  }`);

/** An authority's ancestors and descendants. */
export async function fetchLineage(id: string, direction: Op.LineageDirection, signal?: AbortSignal): Promise<Lineage | null> {
  const data = await request(LINEAGE, { id, direction }, signal);
  return data.lineage ?? null;
}

const AUTHORITIES = operation<Op.AuthoritiesQuery, Op.AuthoritiesQueryVariables>(/* GraphQL */ `
  query Authorities($first: Int) { authorities(first: $first) { nodes { ...AuthorityRefFields } } }`);

/** Authorities for the lineage picker. */
export async function fetchAuthorities(signal?: AbortSignal): Promise<AuthorityRef[]> {
  const data = await request(AUTHORITIES, { first: 500 }, signal);
  return data.authorities.nodes;
}

export interface FundingAnswer {
  flows: { nodes: FundingFlow[]; totalCount: number };
  byDonor: FundingTotals & FundingCounting;
  byAuthority: FundingTotals;
  byRecipient: FundingTotals;
  /** Counted amounts per fiscal year (a multi-year total keeps its span as key). */
  byYear: FundingTotals;
}

const FUNDING = operation<Op.FundingQuery, Op.FundingQueryVariables>(/* GraphQL */ `
  query Funding($filter: FundingFilter, $first: Int) {
    flows: fundingFlows(filter: $filter, first: $first) { nodes { ...FlowFields } totalCount }
    byDonor: fundingTotals(groupBy: DONOR, filter: $filter) { ...TotalsFields ...CountingFields }
    byAuthority: fundingTotals(groupBy: AUTHORITY, filter: $filter) { ...TotalsFields }
    byRecipient: fundingTotals(groupBy: RECIPIENT, filter: $filter) { ...TotalsFields }
    byYear: fundingTotals(groupBy: YEAR, filter: $filter) { ...TotalsFields }
  }`);

/** Flows and totals for the funding view, in one request. */
export async function fetchFunding(filter: FundingFilter, signal?: AbortSignal): Promise<FundingAnswer> {
  return request(FUNDING, { filter, first: 500 }, signal);
}

const DEPENDENCIES = operation<Op.DepsQuery, Op.DepsQueryVariables>(/* GraphQL */ `
  query Deps($id: ID!, $yearFrom: Int, $yearTo: Int) {
    dependencies(actorId: $id, yearFrom: $yearFrom, yearTo: $yearTo) {
      actor { ...ActorRefFields } totalReceivedUsd concentration
      donors { donor { ...ActorRefFields } amountUsd share lowerBound }
      dependsOn { ...DependencyEdgeFields } dependents { ...DependencyEdgeFields }
    }
  }`);

/** Donor shares and concentration for one recipient. */
export async function fetchDependencies(actorId: string, yearFrom: number | undefined, yearTo: number | undefined, signal?: AbortSignal): Promise<Dependencies | null> {
  const data = await request(DEPENDENCIES, { id: actorId, yearFrom, yearTo }, signal);
  return data.dependencies ?? null;
}

const PATHS = operation<Op.PathsQuery, Op.PathsQueryVariables>(/* GraphQL */ `
  query Paths($from: ID!, $to: ID!, $maxHops: Int, $types: [RelationshipType!], $yearFrom: Int, $yearTo: Int, $limit: Int, $excludeIds: [ID!]) {
    paths(from: $from, to: $to, maxHops: $maxHops, types: $types, yearFrom: $yearFrom, yearTo: $yearTo, limit: $limit, excludeIds: $excludeIds) {
      paths { length nodes { ...NodeFields } steps { forward edge { ...EdgeFields } } }
      complete
      search { maxHops exhaustiveTo expandedNodes work budget stoppedBy }
    }
  }`);

/** Shortest paths between two entities, whether they are complete, and what was searched. */
export async function fetchPathResult(args: Op.PathsQueryVariables, signal?: AbortSignal): Promise<PathResult> {
  const data = await request(PATHS, { limit: 5, ...args }, signal);
  return data.paths;
}

/** Shortest paths between two entities (see fetchPathResult for their completeness). */
export async function fetchPaths(args: Op.PathsQueryVariables, signal?: AbortSignal): Promise<Path[]> {
  return (await fetchPathResult(args, signal)).paths;
}

export interface DetailsAnswer {
  node: NodeDetails | null;
  around: Subgraph;
}

const DETAILS = operation<Op.DetailsQuery, Op.DetailsQueryVariables>(/* GraphQL */ `
  query Details($id: ID!, $first: Int) {
    node(id: $id) {
      __typename id name kind aliases description evidence sources { ...CitationFields }
      ... on Actor { actorKind country countryName fundingIn(first: $first) { ...FlowFields } fundingOut(first: $first) { ...FlowFields } }
      ... on Authority { authorityKind citation title enacted }
      ... on Event { year yearEnd }
    }
    around: neighborhood(id: $id, depth: 1, limit: 300) { ...SubgraphFields }
  }`);

/** Everything the details panel shows for a node: properties, sources, relationships, funding. */
export async function fetchDetails(id: string, signal?: AbortSignal): Promise<DetailsAnswer> {
  const data = await request(DETAILS, { id, first: 100 }, signal);
  return { node: data.node ?? null, around: data.around };
}

/** The place of a source asked about: parts left out match anything (see the API's citedBy). */
export type CitedPlace = Op.CitedByQueryVariables;

const CITED_BY = operation<Op.CitedByQuery, Op.CitedByQueryVariables>(/* GraphQL */ `
  query CitedBy($source: ID, $section: ID, $paragraph: Int, $footnote: Int, $first: Int) {
    citedBy(source: $source, section: $section, paragraph: $paragraph, footnote: $footnote, first: $first) {
      entities { id name kind } entityCount
      edges { id type source target start end } edgeCount edgeEnds { id name kind }
      flows { id donor { ...ActorRefFields } recipient { ...ActorRefFields } amountUsd precision basis fyStart fyEnd } flowCount
    }
  }`);

/** Everything citing one place of a source: the details panel's "other facts from this footnote". */
export async function fetchCitedBy(place: CitedPlace, signal?: AbortSignal): Promise<Op.CitedByQuery['citedBy']> {
  const data = await request(CITED_BY, { first: 100, ...place }, signal);
  return data.citedBy;
}

const UNDER = operation<Op.UnderQuery, Op.UnderQueryVariables>(/* GraphQL */ `
  query Under($filter: FundingFilter, $first: Int) { fundingFlows(filter: $filter, first: $first) { nodes { ...FlowFields } } }`);

/** Flows under one authority (details panel of an authority). */
export async function fetchFlowsUnder(authority: string, signal?: AbortSignal): Promise<FundingFlow[]> {
  const data = await request(UNDER, { filter: { authority }, first: 100 }, signal);
  return data.fundingFlows.nodes;
}

const EDGES = operation<Op.EdgesQuery, Op.EdgesQueryVariables>(/* GraphQL */ `
  query Edges($ids: [ID!]!) { edges(ids: $ids) { ...EdgeFields } }`);

/** Edges by id with their citations (the details panel of an edge), in the order asked. */
export async function fetchEdges(ids: string[], signal?: AbortSignal): Promise<GraphEdge[]> {
  const data = await request(EDGES, { ids }, signal);
  return data.edges;
}

const FLOW = operation<Op.FlowQuery, Op.FlowQueryVariables>(/* GraphQL */ `
  query Flow($id: ID!) { fundingFlow(id: $id) { ...FlowFields } }`);

/** One funding flow by id; null when there is none. */
export async function fetchFlow(id: string, signal?: AbortSignal): Promise<FundingFlow | null> {
  const data = await request(FLOW, { id }, signal);
  return data.fundingFlow ?? null;
}

const FUNDING_GRAPH = operation<Op.FundingGraphQuery, Op.FundingGraphQueryVariables>(/* GraphQL */ `
  query FundingGraph($filter: FundingFilter, $flowsPerEdge: Int) {
    fundingGraph(filter: $filter, flowsPerEdge: $flowsPerEdge) {
      nodes { id entityId role label amountUsd flowCount lowerBound approximate }
      edges {
        id source target leg amountUsd flowCount excludedCount matchedCount lowerBound approximate
        flows { countedUsd reason flow { ...FlowFields } }
      }
      omittedEdges amountUsd flowCount lowerBound approximate excludedCount
    }
  }`);

/** Donor -> authority -> recipient with the API's counted amounts and each edge's flows. */
export async function fetchFundingGraph(filter: FundingFilter, flowsPerEdge = 20, signal?: AbortSignal): Promise<FundingGraph> {
  const data = await request(FUNDING_GRAPH, { filter, flowsPerEdge }, signal);
  return data.fundingGraph;
}

const DATA_SUMMARY = operation<Op.DataSummaryQuery, Op.DataSummaryQueryVariables>(/* GraphQL */ `
  query DataSummary($sourcesFirst: Int) {
    dataSummary(sourcesFirst: $sourcesFirst) {
      sources { id kind title author publisher date url } sourceCount sourcesByKind { kind count } sourceRecordCount
      actorCount actorsByKind { kind count } authorityCount authoritiesByKind { kind count } eventCount
      relationshipCount relationshipsByType { kind count } flowCount
      flowYears { from to } relationshipYears { from to } eventYears { from to } years { from to }
      countingRules { reason text }
    }
  }`);

/** What the graph holds, its sources, the years it covers and the counting rules. */
export async function fetchDataSummary(signal?: AbortSignal): Promise<DataSummary> {
  const data = await request(DATA_SUMMARY, { sourcesFirst: 500 }, signal);
  return data.dataSummary;
}

const NODE_SOURCES = operation<Op.NodeSourcesQuery, Op.NodeSourcesQueryVariables>(/* GraphQL */ `
  query NodeSources($ids: [ID!]!) { nodes(ids: $ids) { id sources { ...CitationFields } } }`);

/** The citations of entities by id (at most 200 per call), for lists of what a canvas shows. */
export async function fetchNodeSources(ids: string[], signal?: AbortSignal): Promise<Op.NodeSourcesQuery['nodes']> {
  const data = await request(NODE_SOURCES, { ids }, signal);
  return data.nodes;
}

const GRAPH_COMPARISON = operation<Op.GraphComparisonQuery, Op.GraphComparisonQueryVariables>(/* GraphQL */ `
  query GraphComparison($a: YearSpanInput!, $b: YearSpanInput!, $types: [RelationshipType!], $kinds: [NodeKind!], $minAmountUsd: Float, $limit: Int) {
    graphComparison(a: $a, b: $b, types: $types, kinds: $kinds, minAmountUsd: $minAmountUsd, limit: $limit) {
      a { from to } b { from to } nodes { ...NodeFields }
      edges { id source target type status countA countB amountA amountB }
      counts { added removed changed same } truncated omittedNodes omittedEdges
    }
  }`);

/** What changed between two year windows (the API marks each edge). */
export async function fetchGraphComparison(args: Op.GraphComparisonQueryVariables, signal?: AbortSignal): Promise<Op.GraphComparisonQuery['graphComparison']> {
  const data = await request(GRAPH_COMPARISON, args, signal);
  return data.graphComparison;
}
