/**
 * What the repositories return: typed rows with declared keys. Stored citations (JSON) arrive
 * decoded as `sources`, with section headings and works, when the plan asked for those; otherwise
 * as stored, for the resolvers to decode when `sources` is selected (citations.ts sourcesOf).
 */

/** A cited work, with the footnotes of the citation that cite it. */
export interface WorkRow {
  id: string;
  title: string | null;
  author: string | null;
  publisher: string | null;
  date: string | null;
  url: string | null;
  footnotes: number[];
}

/** One citation of an item. */
export interface CitationRow {
  source: string;
  /** The cited document's title and link, when asked for and recorded. */
  sourceTitle: string | null;
  sourceUrl: string | null;
  section: string | null;
  sectionHeading: string | null;
  paragraphs: number[];
  footnotes: number[];
  works: WorkRow[];
}

/** Anything that carries provenance: decoded `sources`, or the stored `citations` (JSON). */
export interface Cited {
  sources?: CitationRow[];
  citations?: unknown;
}

/** The data of one nested list position (see RelationshipListPlan.key). */
export interface NestedList<T> {
  key: string;
  rows: T[];
}

/** A node as the canvas needs it: flat, no nested lists. */
export interface GraphNodeRow extends Cited {
  id: string;
  name: string;
  labels: string[];
  kind: string | null;
  description: string | null;
  citation: string | null;
  country: string | null;
  title: number | null;
  enacted: number | null;
  year: number | null;
  /** Event month (1-12) and day, where the source gives them. */
  month: number | null;
  day: number | null;
  yearEnd: number | null;
  /** STATED, INFERRED or ASSUMED (domain/kinds.ts EVIDENCE_LEVELS). */
  evidence: string;
}

/** An Actor, Authority or Event, with the nested lists its plan asked for. */
export interface EntityRow extends GraphNodeRow {
  aliases: string[] | null;
  note: string | null;
  /** Name of the actor's State, when the plan asked for it. */
  countryName?: string | null;
  relationships?: NestedList<ActorEdgeRow>[];
  fundingIn?: NestedList<FlowRow>[];
  fundingOut?: NestedList<FlowRow>[];
}

/** An edge of a subgraph: a typed relationship, or a flow drawn as FUNDED. */
export interface EdgeRow extends Cited {
  id: string;
  source: string;
  target: string;
  type: string;
  start: number | null;
  end: number | null;
  note: string | null;
  /** For typed relationships: PERIOD, POINT, ALWAYS or UNDATED (FUNDED edges have none). */
  timing?: string | null;
  /** Absent on edges derived by the API (dependency shares). */
  evidence?: string | null;
  amountUsd?: number | null;
  authority?: string | null;
  fundingId?: string | null;
  precision?: string | null;
  basis?: string | null;
  partOf?: string | null;
  share?: number | null;
}

/** A typed relationship seen from one of its ends (Actor.relationships). */
export interface ActorEdgeRow extends EdgeRow {
  outgoing: boolean;
  other: GraphNodeRow;
}

/** A funding flow, with its ends and authority when the plan asked for them. */
export interface FlowRow extends Cited {
  id: string;
  amountUsd: number;
  fyStart: number;
  fyEnd: number;
  precision: string;
  basis: string;
  partOf: string | null;
  purpose: string | null;
  note: string | null;
  evidence: string;
  donorId: string;
  recipientId: string;
  authorityId: string | null;
  donor?: EntityRow | null;
  recipient?: EntityRow | null;
  authority?: EntityRow | null;
}

/** One page of a list and the count of all matches. */
export interface Page<T> {
  rows: T[];
  totalCount: number;
  hasNextPage: boolean;
}

/** A subgraph and what its limits left out. */
export interface SubgraphRow {
  nodes: GraphNodeRow[];
  edges: EdgeRow[];
  omittedNodes: number;
  omittedEdges: number;
}
