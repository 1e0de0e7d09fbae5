/**
 * The validated, normalised records of a data set: what the loader writes. Their types come from
 * the schemas (schemas/index.ts). Optional facts are `null` (never `undefined`) so that records
 * hash and compare canonically.
 */
import type { z } from 'zod';
import type { RecordKind } from './kinds.ts';
import type { Location, Problem } from './problems.ts';
import type { RECORD_SCHEMAS } from './schemas/index.ts';
import type { Citation, CitationInput } from './schemas/citation.ts';

/** A record as its schema gives it: normalised, citations as written (source not yet resolved). */
export type ParsedRecord<K extends RecordKind> = z.output<(typeof RECORD_SCHEMAS)[K]>;

/** A record whose citations are resolved (the cross-checks fill in each default source). */
type Resolved<T extends { cite: CitationInput[] }> = Omit<T, 'cite'> & { cite: Citation[] };

export type SourceRecord = ParsedRecord<'sources'>;
export type ActorRecord = Resolved<ParsedRecord<'actors'>>;
export type AuthorityRecord = Resolved<ParsedRecord<'authorities'>>;
export type EventRecord = Resolved<ParsedRecord<'events'>>;
/** `key` is the record id, or `TYPE:from:to:start` when the record has none. */
export type RelationshipRecord = Omit<Resolved<ParsedRecord<'relationships'>>, 'id'>;
export type FundingRecord = Resolved<ParsedRecord<'funding'>>;
export type { Citation };

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
  /** Field values as the format gives them: YAML values as parsed; CSV cells as strings (empty cells left out). */
  fields: Record<string, unknown>;
  /** Not read: the schemas coerce values whatever their format. */
  format?: string;
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
