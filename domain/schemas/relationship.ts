/** Schema of a relationship record (relationships.csv): one typed edge with years. */
import { z } from 'zod';
import { RELATIONSHIP_TYPES } from '../relationship-types.ts';
import { citationFields, citeField, gatherCitations } from './citation.ts';
import { describe, idField, orNull, textField, toText, yearField } from './fields.ts';

/** The key of a relationship without an id: `TYPE:from:to:start` (start empty when unknown). */
export function derivedRelationshipKey(type: string, from: string, to: string, start: number | null): string {
  return `${type}:${from}:${to}:${start ?? ''}`;
}

const typeField = z.preprocess(
  toText,
  z.enum(RELATIONSHIP_TYPES, {
    error: (iss) =>
      typeof iss.input === 'string'
        ? `${describe(iss.input)} is not an allowed relationship type: use one of ${RELATIONSHIP_TYPES.join(', ')}`
        : `expected a relationship type, got ${describe(iss.input)}`,
  }),
);

/** A relationship, normalised; `id` is kept for the uniqueness check (the loader keys on `key`). */
export const relationshipSchema = z
  .strictObject({
    id: orNull(idField),
    type: typeField,
    from: idField,
    to: idField,
    start: orNull(yearField),
    end: orNull(yearField),
    note: orNull(textField),
    cite: citeField,
    ...citationFields,
  })
  .refine((r) => r.start === null || r.end === null || r.start <= r.end, {
    error: (iss) => `end ${(iss.input as { end: number }).end} is before start ${(iss.input as { start: number }).start}`,
    path: ['end'],
  })
  .refine((r) => r.from !== r.to, { error: 'from and to are the same record', path: ['to'] })
  .transform((r) => {
    const { id, ...rest } = gatherCitations(r);
    return { id, key: id ?? derivedRelationshipKey(r.type, r.from, r.to, r.start), ...rest };
  });
