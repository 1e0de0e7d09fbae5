/** Schema of a relationship record (relationships.csv): one typed edge with years. */
import { z } from 'zod';
import { RELATIONSHIP_TYPES, isRelationshipType, type RelationshipType } from '../relationship-types.ts';
import { citeField } from './citation.ts';
import { describe, idField, textField, yearField } from './fields.ts';

/** The key of a relationship without an id: `TYPE:from:to:start` (start empty when unknown). */
export function derivedRelationshipKey(type: string, from: string, to: string, start: number | null): string {
  return `${type}:${from}:${to}:${start ?? ''}`;
}

const typeField = z.string({ error: (iss) => `expected a relationship type, got ${describe(iss.input)}` }).refine(
  (t) => isRelationshipType(t),
  { error: (iss) => `${describe(iss.input)} is not an allowed relationship type (see seed/model/relationship-types.ts): use one of ${RELATIONSHIP_TYPES.join(', ')}` },
);

export const relationshipSchema = z
  .strictObject({
    id: idField.optional(),
    type: typeField,
    from: idField,
    to: idField,
    start: yearField.optional(),
    end: yearField.optional(),
    note: textField.optional(),
    cite: citeField.optional(),
  })
  .refine((r) => r.start === undefined || r.end === undefined || r.start <= r.end, {
    error: (iss) => `end ${(iss.input as { end: number }).end} is before start ${(iss.input as { start: number }).start}`,
    path: ['end'],
  })
  .refine((r) => r.from !== r.to, { error: 'from and to are the same record', path: ['to'] })
  .transform((r) => ({
    id: r.id ?? null,
    key: r.id ?? derivedRelationshipKey(r.type, r.from, r.to, r.start ?? null),
    type: r.type as RelationshipType,
    from: r.from,
    to: r.to,
    start: r.start ?? null,
    end: r.end ?? null,
    note: r.note ?? null,
    cite: r.cite ?? [],
  }));
