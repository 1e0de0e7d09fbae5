/**
 * Checks one raw record against the schema of its kind and turns zod's issues into problems
 * that name the field as the file spells it. Valid records are normalised (absent = null).
 */
import type { z } from 'zod';
import { problemAt, type Problem } from '../problems.ts';
import type { RawRecord, SourceRecord, ActorRecord, AuthorityRecord, EventRecord, FundingRecord } from '../records.ts';
import type { RecordKind } from '../kinds.ts';
import { EMPTY_CITATION, toCitation, type CitationInput } from '../schemas/citation.ts';
import { actorSchema, authoritySchema, eventSchema, toActorRecord, toAuthorityRecord, toEventRecord, type WithCitations } from '../schemas/entity.ts';
import { fundingSchema, toFundingRecord } from '../schemas/funding.ts';
import { relationshipSchema, toRelationshipRecord, type ParsedRelationship } from '../schemas/relationship.ts';
import { sourceSchema, toSourceRecord } from '../schemas/source.ts';
import { describe } from '../schemas/fields.ts';
import { ALLOWED_FIELDS, CITATION_TYPES, FIELD_TYPES, FLAT_CITATION, coerce, coerceFields } from './fields-by-kind.ts';

/** The schema of each record kind. */
export const RECORD_SCHEMAS = {
  sources: sourceSchema,
  actors: actorSchema,
  authorities: authoritySchema,
  events: eventSchema,
  relationships: relationshipSchema,
  funding: fundingSchema,
} as const;

/** What parseRecord gives for each kind: normalised, citations as written. */
export interface ParsedRecords {
  sources: SourceRecord;
  actors: WithCitations<ActorRecord>;
  authorities: WithCitations<AuthorityRecord>;
  events: WithCitations<EventRecord>;
  relationships: ParsedRelationship;
  funding: WithCitations<FundingRecord>;
}
export type ParsedRecordOf<K extends RecordKind> = ParsedRecords[K];

type Parsed = Record<string, unknown> & { cite?: z.output<typeof actorSchema>['cite'] };
const NORMALISE: { [K in RecordKind]: (value: never, cite: CitationInput[]) => ParsedRecords[K] } = {
  sources: (v) => toSourceRecord(v),
  actors: toActorRecord,
  authorities: toAuthorityRecord,
  events: toEventRecord,
  relationships: toRelationshipRecord,
  funding: toFundingRecord,
};

/**
 * The record's fields, coerced to their types, with the flat citation fields (CSV columns)
 * moved into `cite` (after any `cite` entries). Sources keep `footnotes` as their own field.
 */
function prepare(raw: RawRecord): { fields: Record<string, unknown>; flatIndex: number } {
  const types = FIELD_TYPES[raw.kind];
  if (raw.kind === 'sources') return { fields: coerceFields(raw.fields, types), flatIndex: -1 };
  const fields: Record<string, unknown> = {};
  let flat: Record<string, unknown> | undefined;
  for (const key in raw.fields) {
    const value = raw.fields[key];
    if (key in CITATION_TYPES) (flat ??= {})[key] = coerce(value, CITATION_TYPES[key]);
    else fields[key] = types[key] ? coerce(value, types[key]) : value;
  }
  if (!flat) return { fields, flatIndex: -1 };
  const cite = fields.cite;
  if (cite === undefined) {
    fields.cite = [flat];
    return { fields, flatIndex: 0 };
  }
  const list = Array.isArray(cite) ? cite : [cite];
  fields.cite = [...list, flat];
  return { fields, flatIndex: list.length };
}

/** Parses a raw record; returns the normalised record, or the problems that stop it. */
export function parseRecord<K extends RecordKind>(raw: RawRecord & { kind: K }): { value?: ParsedRecordOf<K>; problems: Problem[] } {
  const { fields, flatIndex } = prepare(raw);
  const schema = RECORD_SCHEMAS[raw.kind] as z.ZodType;
  const result = schema.safeParse(fields);
  const id = typeof raw.fields.id === 'string' ? raw.fields.id : undefined;

  const spell = (key: string): string => raw.spelling?.[key] ?? key;
  /** `footnotes[2]`, `cite[1].section`: 1-based list positions, names as the file spells them. */
  const joinPath = (path: PropertyKey[]): string =>
    path.reduce<string>((out, p) => (typeof p === 'number' ? `${out}[${p + 1}]` : `${out}${out ? '.' : ''}${spell(String(p))}`), '');
  const fieldName = (path: PropertyKey[]): string => {
    if (path[0] === 'cite' && typeof path[1] === 'number' && path[1] === flatIndex) return joinPath(path.slice(2)) || 'citation';
    return joinPath(path);
  };

  if (result.success) {
    const parsed = result.data as Parsed;
    const cite: CitationInput[] = [];
    const problems: Problem[] = [];
    (parsed.cite ?? []).forEach((c, i) => {
      const citation = toCitation(c);
      if (citation) cite.push(citation);
      else problems.push(problemAt(raw.loc, `${fieldName(['cite', i])}: ${EMPTY_CITATION}`, id));
    });
    if (problems.length > 0) return { problems };
    return { value: NORMALISE[raw.kind](parsed as never, cite) as ParsedRecordOf<K>, problems };
  }

  // Parse again with the offending values in the issues, for the messages.
  const issues = (schema.safeParse(fields, { reportInput: true }).error ?? result.error).issues;
  const allowed = [...ALLOWED_FIELDS[raw.kind], ...(raw.kind === 'sources' ? [] : FLAT_CITATION)].map(spell);
  const problems: Problem[] = [];
  for (const issue of issues) {
    let message: string;
    if (issue.code === 'unrecognized_keys') {
      const where = issue.path.length ? ` in ${fieldName(issue.path)}` : '';
      const keys = issue.keys.map((k) => `'${spell(k)}'`).join(', ');
      const list = issue.path.length ? FLAT_CITATION.join(', ') : allowed.join(', ');
      message = `unknown field${issue.keys.length > 1 ? 's' : ''} ${keys}${where} (allowed: ${list})`;
    } else if (issue.code === 'invalid_type' && issue.input === undefined) {
      message = `missing required field '${fieldName(issue.path)}'`;
    } else if (issue.path.length > 0) {
      message = `${fieldName(issue.path)}: ${issue.message}`;
    } else {
      message = issue.message || `invalid record ${describe(issue.input)}`;
    }
    problems.push(problemAt(raw.loc, message, id));
  }
  return { problems };
}
