/** The enumerations of record kinds and their sub-kinds: the vocabulary every room shares. */

/** The record kinds of a data set, in loading order; also the file name stems. */
export const RECORD_KINDS = ['sources', 'actors', 'authorities', 'events', 'relationships', 'funding'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export const SOURCE_KINDS = ['ARTICLE', 'SECTION', 'WORK', 'DOCUMENT'] as const;

/** Actor kinds; each is also the node's second label beside `:Actor`. */
export const ACTOR_KINDS = [
  'Person',
  'State',
  'GovernmentBody',
  'InternationalOrg',
  'Mission',
  'MilitaryUnit',
  'ArmedGroup',
  'Company',
  'Organization',
] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

export const AUTHORITY_KINDS = ['STATUTE', 'ACCOUNT', 'PROGRAM', 'LAW', 'POLICY', 'AGREEMENT', 'SANCTION'] as const;
export type AuthorityKind = (typeof AUTHORITY_KINDS)[number];

/** What a node on the canvas is: an actor kind, or an authority, event or funding flow. */
export const NODE_KINDS = [...ACTOR_KINDS, 'Authority', 'Event', 'Funding'] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

/** How exact a funding figure is ("roughly", "over"). */
export const PRECISIONS = ['EXACT', 'APPROXIMATE', 'LOWER_BOUND'] as const;

/** What a funding amount measures: the whole span, each year, or a yearly average. */
export const FUNDING_BASES = ['TOTAL', 'ANNUAL', 'AVERAGE'] as const;

/**
 * How a record stands to its source: the text states it, it was inferred from the text (a year
 * taken from the act that made a change, a fiscal-year range read from "since"), or it is an
 * assumption of the curators (a breakdown placed inside a total). Records default to STATED.
 */
export const EVIDENCE_LEVELS = ['STATED', 'INFERRED', 'ASSUMED'] as const;
export type Evidence = (typeof EVIDENCE_LEVELS)[number];

/**
 * What a relationship's years mean: PERIOD holds from `start` to `end` (either may be open),
 * POINT happened in the year `start`, ALWAYS holds whenever both ends exist, UNDATED held at a
 * time the source does not give. Default: PERIOD when a year is given, else UNDATED.
 */
export const TIMINGS = ['PERIOD', 'POINT', 'ALWAYS', 'UNDATED'] as const;
