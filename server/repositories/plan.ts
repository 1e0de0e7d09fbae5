/**
 * What a read can ask of the repositories: one typed, validated plan per GraphQL root field,
 * built by the GraphQL layer (server/graphql/plans) and turned into one Cypher statement here.
 * Plans carry only checked values: ids, bounded page sizes, allow-listed types, year windows.
 */
import type { ActorKind, AuthorityKind, Evidence, NodeKind } from '../../domain/kinds.ts';
import type { RelationshipType } from '../../domain/relationship-types.ts';
import type { FundingGroupBy } from '../../domain/counting.ts';

/** Which provenance extras the citations below a root field ask for. */
export interface ProvenancePlan {
  headings: boolean;
  works: boolean;
  /** The cited documents' titles and links (Citation.sourceTitle, sourceUrl). */
  documents: boolean;
}

/** A year window; null bounds are open. */
export interface YearWindow {
  yearFrom: number | null;
  yearTo: number | null;
}

/** One Actor.relationships position: `key` tells the field resolver which list is its own. */
export interface RelationshipListPlan extends YearWindow {
  key: string;
  /** Allow-listed types to follow; null = all. */
  types: RelationshipType[] | null;
  first: number;
}

/** One Actor.fundingIn / fundingOut position. */
export interface FlowListPlan extends YearWindow {
  key: string;
  first: number;
  flow: FlowPlan;
}

/** What is asked below an entity (Actor, Authority or Event). */
export interface EntityPlan {
  /** Actor.countryName: the name of the actor's State, read in the same statement. */
  countryName: boolean;
  relationships: RelationshipListPlan[];
  fundingIn: FlowListPlan[];
  fundingOut: FlowListPlan[];
}

/** What is asked below a funding flow: its ends and authority, when asked. */
export interface FlowPlan {
  donor: EntityPlan | null;
  recipient: EntityPlan | null;
  authority: EntityPlan | null;
}

/** node, actor, authority. */
export interface EntityLookupPlan {
  label: 'Entity' | 'Actor' | 'Authority';
  id: string;
  entity: EntityPlan;
  provenance: ProvenancePlan;
}

/** Keyset cursor: the (name, id) of the last row of the previous page. */
export interface NameCursor {
  name: string;
  id: string;
}

/** actors. */
export interface ActorListPlan {
  filter: { kinds: ActorKind[] | null; country: string | null; text: string | null };
  first: number;
  after: NameCursor | null;
  entity: EntityPlan;
  provenance: ProvenancePlan;
}

/** authorities. */
export interface AuthorityListPlan {
  filter: { kinds: AuthorityKind[] | null; title: number | null; text: string | null };
  first: number;
  after: NameCursor | null;
  entity: EntityPlan;
  provenance: ProvenancePlan;
}

/** search: the Lucene query already built from the text. */
export interface SearchPlan {
  text: string;
  lucene: string;
  first: number;
  kinds: NodeKind[] | null;
}

/** Which edges a subgraph or path follows. */
export interface EdgeFilter extends YearWindow {
  /** Typed relationship types to follow; null = all of the allow-list. */
  relTypes: RelationshipType[] | null;
  /** Whether funding flows (FUNDED edges) are followed. */
  funded: boolean;
  minAmountUsd: number | null;
}

/** neighborhood. */
export interface NeighborhoodPlan {
  id: string;
  depth: number;
  limit: number;
  maxEdges: number;
  filter: EdgeFilter;
  /** Kinds the nodes reached must have (the start node is always shown); null = any. */
  kinds: NodeKind[] | null;
  provenance: ProvenancePlan;
}

/** graph (the overview). */
export interface OverviewPlan {
  filter: EdgeFilter & { kinds: NodeKind[] | null };
  limit: number;
  maxEdges: number;
  provenance: ProvenancePlan;
}

/** graphComparison: two closed year windows under one edge filter. */
export interface ComparisonPlan {
  a: { yearFrom: number; yearTo: number };
  b: { yearFrom: number; yearTo: number };
  /** Typed relationship types compared; null = all of the allow-list. */
  relTypes: RelationshipType[] | null;
  /** Whether funding (FUNDED edges) is compared. */
  funded: boolean;
  minAmountUsd: number | null;
  kinds: NodeKind[] | null;
  limit: number;
  maxEdges: number;
  provenance: ProvenancePlan;
}

/** The arguments of a path search. */
export interface PathQuery {
  from: string;
  to: string;
  maxHops: number;
  limit: number;
  filter: EdgeFilter;
  /** Entities no path may pass through (the ends excepted). */
  excludeIds: string[];
}

/** paths. */
export interface PathsPlan extends PathQuery {
  provenance: ProvenancePlan;
}

/** lineage: what is asked of the root and of each entry. */
export interface LineagePlan extends YearWindow {
  id: string;
  ancestors: boolean;
  descendants: boolean;
  maxDepth: number;
  root: EntityPlan;
  entry: { authority: EntityPlan; establishedBy: EntityPlan; administeredBy: EntityPlan; implementedBy: EntityPlan };
  provenance: ProvenancePlan;
}

/** A funding filter. */
export interface FlowFilter extends YearWindow {
  donor: string | null;
  donors: string[] | null;
  recipient: string | null;
  recipients: string[] | null;
  /** Flows to this State or to any actor of it. */
  recipientCountry: string | null;
  authority: string | null;
  includeDescendants: boolean;
  minAmountUsd: number | null;
  /** Only flows of these evidence levels (e.g. STATED figures only); null = all. */
  evidence: Evidence[] | null;
}

/** Keyset cursor of the flow list: (amount, id) of the last row. */
export interface FlowCursor {
  amountUsd: number;
  id: string;
}

/** fundingFlows. */
export interface FlowPagePlan {
  filter: FlowFilter;
  first: number;
  after: FlowCursor | null;
  flow: FlowPlan;
  provenance: ProvenancePlan;
}

/** fundingTotals: `excluded` is null when no excluded flow is asked for. */
export interface TotalsPlan {
  groupBy: FundingGroupBy;
  filter: FlowFilter;
  excludedCap: number;
  excluded: FlowPlan | null;
  provenance: ProvenancePlan;
}

/** dependencies: `donor` is null when no donor entity is asked for. */
export interface DependenciesPlan extends YearWindow {
  actorId: string;
  includeUnits: boolean;
  actor: EntityPlan;
  donor: EntityPlan | null;
  dependsOn: { from: EntityPlan; to: EntityPlan };
  dependents: { from: EntityPlan; to: EntityPlan };
  provenance: ProvenancePlan;
}

/** dependencyNetwork. */
export interface DependencyNetworkPlan extends YearWindow {
  limit: number;
  maxEdges: number;
  provenance: ProvenancePlan;
}

/** changes. */
export interface ChangesPlan {
  targetId: string | null;
  first: number;
}

/** edges(ids). */
export interface EdgesByIdPlan {
  ids: string[];
  provenance: ProvenancePlan;
}

/** fundingFlow(id). */
export interface FlowLookupPlan {
  id: string;
  flow: FlowPlan;
  provenance: ProvenancePlan;
}

/** fundingGraph: `flow` is what is asked of each edge's flows. */
export interface FundingGraphPlan {
  filter: FlowFilter;
  flowsPerEdge: number;
  maxEdges: number;
  flow: FlowPlan;
  provenance: ProvenancePlan;
}

/** Keyset cursor of the event list: the date key (see eventDateKey) and id of the last row. */
export interface EventCursor {
  at: number;
  id: string;
}

/** events. */
export interface EventListPlan extends YearWindow {
  first: number;
  after: EventCursor | null;
  entity: EntityPlan;
  provenance: ProvenancePlan;
}

/** citedBy: the citation parts to match (null = any); at least one is set. */
export interface CitedByPlan {
  source: string | null;
  section: string | null;
  paragraph: number | null;
  footnote: number | null;
  first: number;
  entity: EntityPlan;
  /** Whether the ends of the listed edges are asked for (CitedBy.edgeEnds). */
  edgeEnds: boolean;
  flow: FlowPlan;
  provenance: ProvenancePlan;
}

/** dataSummary: how many source documents to list. */
export interface SummaryPlan {
  sourcesFirst: number;
}

/** nodes(ids): entities in the order asked. */
export interface NodesByIdPlan {
  ids: string[];
  entity: EntityPlan;
  provenance: ProvenancePlan;
}
