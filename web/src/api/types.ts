/**
 * TypeScript shapes of the GraphQL answers the page asks for (see server/graphql/schema/*.graphql).
 * Only the fields the page selects are listed.
 */

export type NodeKind =
  | 'Person'
  | 'State'
  | 'GovernmentBody'
  | 'InternationalOrg'
  | 'Mission'
  | 'MilitaryUnit'
  | 'ArmedGroup'
  | 'Company'
  | 'Organization'
  | 'Authority'
  | 'Event'
  | 'Funding';

/** A work cited in a footnote. */
export interface SourceWork {
  id: string;
  title: string | null;
  author: string | null;
  publisher: string | null;
  date: string | null;
  footnotes: number[];
}

/** A place in a source document. */
export interface Citation {
  source: string;
  section: string | null;
  sectionHeading: string | null;
  paragraphs: number[];
  footnotes: number[];
  works: SourceWork[];
}

/** GraphQL `GraphNode`. */
export interface GraphNode {
  id: string;
  labels: string[];
  name: string;
  kind: NodeKind;
  description?: string | null;
  citation?: string | null;
  year?: number | null;
  amountUsd?: number | null;
  sources?: Citation[];
}

/** GraphQL `GraphEdge`. */
export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  type: string;
  start?: number | null;
  end?: number | null;
  note?: string | null;
  amountUsd?: number | null;
  authority?: string | null;
  fundingId?: string | null;
  sources?: Citation[];
}

/** GraphQL `Subgraph`. */
export interface Subgraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  truncated: boolean;
  omittedNodes: number;
  omittedEdges: number;
}

export interface SearchHit {
  id: string;
  name: string;
  kind: NodeKind;
  score: number;
  matched: string | null;
}

export interface PathStep {
  edge: GraphEdge;
  forward: boolean;
}

export interface Path {
  length: number;
  nodes: GraphNode[];
  steps: PathStep[];
}

export interface ActorRef {
  id: string;
  name: string;
  kind: NodeKind;
}

export interface AuthorityRef {
  id: string;
  name: string;
  kind: NodeKind;
  citation?: string | null;
  enacted?: number | null;
  title?: number | null;
}

export type Precision = 'EXACT' | 'APPROXIMATE' | 'LOWER_BOUND';
export type FundingBasis = 'TOTAL' | 'ANNUAL' | 'AVERAGE';

export interface FundingFlow {
  id: string;
  donor: ActorRef;
  recipient: ActorRef;
  authority: AuthorityRef | null;
  amountUsd: number;
  fyStart: number;
  fyEnd: number;
  precision: Precision;
  basis: FundingBasis;
  partOf: string | null;
  purpose: string | null;
  note: string | null;
  sources?: Citation[];
}

export interface FundingTotal {
  key: string;
  label: string;
  amountUsd: number;
  flowCount: number;
  lowerBound: boolean;
  approximate: boolean;
}

export interface FundingTotals {
  groups: FundingTotal[];
  amountUsd: number;
  lowerBound: boolean;
  approximate: boolean;
}

export interface FundingFilter {
  donor?: string;
  recipient?: string;
  authority?: string;
  includeDescendants?: boolean;
  yearFrom?: number;
  yearTo?: number;
  minAmountUsd?: number;
}

export interface DonorShare {
  donor: ActorRef;
  amountUsd: number;
  share: number;
  lowerBound: boolean;
}

export interface DependencyEdge {
  from: ActorRef;
  to: ActorRef;
  start: number | null;
  end: number | null;
  note: string | null;
}

export interface Dependencies {
  actor: ActorRef;
  totalReceivedUsd: number;
  donors: DonorShare[];
  concentration: number | null;
  dependsOn: DependencyEdge[];
  dependents: DependencyEdge[];
}

export interface LineageEntry {
  authority: AuthorityRef;
  generation: number;
  establishedBy: AuthorityRef[];
  administeredBy: ActorRef[];
  implementedBy: ActorRef[];
}

export interface Lineage {
  root: AuthorityRef;
  entries: LineageEntry[];
  subgraph: Subgraph;
}

/** `node(id)` answer, with the fields of whichever concrete type it is. */
export interface NodeDetails {
  __typename: 'Actor' | 'Authority' | 'Event';
  id: string;
  name: string;
  kind: NodeKind;
  aliases: string[];
  description: string | null;
  sources: Citation[];
  actorKind?: string;
  country?: string | null;
  authorityKind?: string;
  citation?: string | null;
  title?: number | null;
  enacted?: number | null;
  year?: number | null;
  yearEnd?: number | null;
  fundingIn?: FundingFlow[];
  fundingOut?: FundingFlow[];
}

/** Filter of the overview graph (GraphQL `GraphFilter`). */
export interface GraphFilter {
  kinds?: NodeKind[];
  types?: string[];
  yearFrom?: number;
  yearTo?: number;
  minAmountUsd?: number;
  limit?: number;
}
