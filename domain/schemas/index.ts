/**
 * The schema of each record kind: the one definition of its fields, how file values are coerced,
 * what is checked and the normalised record it gives (records.ts takes the types from here).
 */
import type { RecordKind } from '../kinds.ts';
import { citationFields } from './citation.ts';
import { actorSchema, authoritySchema, eventSchema } from './entity.ts';
import { fundingSchema } from './funding.ts';
import { relationshipSchema } from './relationship.ts';
import { sourceSchema } from './source.ts';

export const RECORD_SCHEMAS = {
  sources: sourceSchema,
  actors: actorSchema,
  authorities: authoritySchema,
  events: eventSchema,
  relationships: relationshipSchema,
  funding: fundingSchema,
} as const;

/** The object schema under a record schema's refinements and final transform. */
const objectOf = (kind: RecordKind) => (kind === 'sources' ? sourceSchema.in : RECORD_SCHEMAS[kind].in);

/** The fields of a citation, as a `cite` item accepts them (and as flat fields). */
export const CITATION_FIELD_NAMES: readonly string[] = Object.keys(citationFields);

const ACCEPTED = Object.fromEntries(
  (Object.keys(RECORD_SCHEMAS) as RecordKind[]).map((kind) => [kind, Object.freeze(Object.keys(objectOf(kind).shape))]),
) as Record<RecordKind, readonly string[]>;

/** Every field a record of `kind` may have (normalised names, in documentation order). */
export function acceptedFields(kind: RecordKind): readonly string[] {
  return ACCEPTED[kind];
}
