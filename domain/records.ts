/**
 * The validated, normalised records of a data set: what the loader writes.
 * Optional facts are `null` (never `undefined`) so that records hash and compare canonically.
 */
import type { ActorKind, AuthorityKind, FundingBasis, Precision, RecordKind, SourceKind } from './kinds.ts';
import type { RelationshipType } from './relationship-types.ts';
import type { Location, Problem } from './problems.ts';

/** A place in a source document (resolved: `source` is always set). */
export interface Citation {
  source: string;
  section: string | null;
  paragraphs: number[];
  footnotes: number[];
}

export interface SourceRecord {
  id: string;
  kind: SourceKind;
  title: string | null;
  author: string | null;
  publisher: string | null;
  date: string | null;
  url: string | null;
  partOf: string | null;
  essay: number | null;
  heading: string | null;
  paragraphs: number | null;
  footnotes: number[];
  footnoteCount: number | null;
  isDefault: boolean;
  /** Curator's remark (ambiguities, typos kept from the source). */
  note: string | null;
}

interface EntityBase {
  id: string;
  name: string;
  aliases: string[];
  description: string | null;
  note: string | null;
  cite: Citation[];
}

export interface ActorRecord extends EntityBase {
  kind: ActorKind;
  country: string | null;
}

export interface AuthorityRecord extends EntityBase {
  kind: AuthorityKind;
  citation: string | null;
  title: number | null;
  enacted: number | null;
}

export interface EventRecord extends EntityBase {
  year: number;
  yearEnd: number | null;
}

export interface RelationshipRecord {
  /** The record id, or `TYPE:from:to:start` when the record has none. */
  key: string;
  type: RelationshipType;
  from: string;
  to: string;
  start: number | null;
  end: number | null;
  note: string | null;
  cite: Citation[];
}

export interface FundingRecord {
  id: string;
  donor: string;
  recipient: string;
  authority: string | null;
  amountUsd: number;
  fyStart: number;
  fyEnd: number;
  precision: Precision;
  basis: FundingBasis;
  partOf: string | null;
  purpose: string | null;
  note: string | null;
  cite: Citation[];
}

/** A whole validated data set. Every list keeps file order (files sorted by name). */
export interface Dataset {
  sources: SourceRecord[];
  actors: ActorRecord[];
  authorities: AuthorityRecord[];
  events: EventRecord[];
  relationships: RelationshipRecord[];
  funding: FundingRecord[];
}

/** A record as read from a file, before validation: its raw fields and where it came from. */
export interface RawRecord {
  kind: RecordKind;
  loc: Location;
  /** Field values: YAML values as parsed; CSV cells as strings (empty cells left out). */
  fields: Record<string, unknown>;
  /** CSV rows carry strings to be typed by the schema; YAML values are already typed. */
  format: 'yaml' | 'csv';
  /** Field names as the file spells them (`amount_usd`), by normalised name (`amountUsd`). */
  spelling?: Record<string, string>;
  /** Set when the record could not be read whole (its problem is already reported). */
  unusable?: boolean;
}

/** Everything read from a folder: the records and the problems found while reading. */
export interface RawDataset {
  dir: string;
  records: RawRecord[];
  problems: Problem[];
  /** Kinds with a file that could not be read at all (or no sources.yaml): their ids are unknown. */
  unreadableKinds: RecordKind[];
}

/** An empty data set. */
export function emptyDataset(): Dataset {
  return { sources: [], actors: [], authorities: [], events: [], relationships: [], funding: [] };
}
