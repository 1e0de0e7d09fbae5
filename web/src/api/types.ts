/**
 * The page's names for the GraphQL answers it uses, each derived from the generated operation
 * types (generated/operations.ts, written by `npm run codegen` from the documents of queries.ts):
 * a field the schema drops or retypes fails the type check here or where the page reads it.
 * Only the fields the page selects exist.
 */
import type * as Op from './generated/operations.ts';

export type { FundingFilter, GraphFilter, NodeKind, RelationshipType } from './generated/operations.ts';

export type Citation = Op.CitationFieldsFragment;
export type SourceWork = Citation['works'][number];

/**
 * Nullable fields made optional: the page also builds canvas nodes and edges itself (funding
 * columns, lineage roots) and leaves out the facts it does not have.
 */
type NullableOptional<T> = { [K in keyof T as null extends T[K] ? never : K]: T[K] } & { [K in keyof T as null extends T[K] ? K : never]?: T[K] };

/** A canvas node. */
export type GraphNode = NullableOptional<Op.NodeFieldsFragment> & { sources?: Citation[] };

/** A canvas edge; `sources` only when the query asked for it (lite subgraphs leave it out). */
export type GraphEdge = NullableOptional<Op.EdgeLiteFieldsFragment> & { sources?: Citation[] };

/** A subgraph, light or with citations. */
export interface Subgraph extends Omit<Op.SubgraphLiteFieldsFragment, 'nodes' | 'edges'> {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** The overview's positions, when asked for and the server could draw them. */
  layout?: NodePosition[] | null;
}

export type NodePosition = NonNullable<Op.OverviewQuery['graph']['layout']>[number];

export type SearchHit = Op.SearchQuery['search'][number];

type PathAnswer = Op.PathsQuery['paths']['paths'][number];
export type PathStep = Omit<PathAnswer['steps'][number], 'edge'> & { edge: GraphEdge };
export type Path = Omit<PathAnswer, 'nodes' | 'steps'> & { nodes: GraphNode[]; steps: PathStep[] };
/** Paths, whether they are the k shortest, and what the search covered. */
export type PathResult = Omit<Op.PathsQuery['paths'], 'paths'> & { paths: Path[] };

export type FundingGraph = Op.FundingGraphQuery['fundingGraph'];

export type AuthorityRef = Op.AuthorityRefFieldsFragment;

export type FundingFlow = Op.FlowFieldsFragment;
export type FundingTotals = Op.TotalsFieldsFragment;
export type FundingCounting = Op.CountingFieldsFragment;
export type ExclusionReason = FundingCounting['exclusions'][number]['reason'];

export type Dependencies = NonNullable<Op.DepsQuery['dependencies']>;
export type DependencyEdge = Op.DependencyEdgeFieldsFragment;

type LineageAnswer = NonNullable<Op.LineageQuery['lineage']>;
export type Lineage = Omit<LineageAnswer, 'subgraph'> & { subgraph: Subgraph };
export type LineageEntry = Lineage['entries'][number];

type DetailsNode = NonNullable<Op.DetailsQuery['node']>;
type KeysOfAny<U> = U extends unknown ? keyof U : never;
type ValueIn<U, K extends PropertyKey> = U extends unknown ? (K extends keyof U ? U[K] : never) : never;

/**
 * `node(id)` answer as one flat object: the fields every node type has, and those of Actor,
 * Authority or Event as optional (`__typename` says which are present).
 */
export type NodeDetails = { [K in keyof DetailsNode]: DetailsNode[K] } & { [K in Exclude<KeysOfAny<DetailsNode>, keyof DetailsNode>]?: ValueIn<DetailsNode, K> };

/** "About this data": counts, years, sources and counting rules, as the API gives them. */
export type DataSummary = Op.DataSummaryQuery['dataSummary'];
