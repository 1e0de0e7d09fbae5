/** Schema of a relationship record (relationships.csv): one typed edge with years. */
import { z } from 'zod';
import { RELATIONSHIP_TYPES, isRelationshipType, type RelationshipType } from '../relationship-types.ts';
import type { RelationshipRecord } from '../records.ts';
import { citeField, type CitationInput } from './citation.ts';
import { describe, idField, textField, yearField } from './fields.ts';
import type { WithCitations } from './entity.ts';

/** The key of a relationship without an id: `TYPE:from:to:start` (start empty when unknown). */
export function derivedRelationshipKey(type: string, from: string, to: string, start: number | null): string {
  return `${type}:${from}:${to}:${start ?? ''}`;
}

const typeField = z.string({ error: (iss) => `expected a relationship type, got ${describe(iss.input)}` }).refine((t) => isRelationshipType(t), {
  error: (iss) => `${describe(iss.input)} is not an allowed relationship type: use one of ${RELATIONSHIP_TYPES.join(', ')}`,
});

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
  .refine((r) => r.from !== r.to, { error: 'from and to are the same record', path: ['to'] });

/** A relationship as validated; `id` is kept for the uniqueness check, then dropped. */
export type ParsedRelationship = WithCitations<RelationshipRecord> & { id: string | null };

export function toRelationshipRecord(r: z.output<typeof relationshipSchema>, cite: CitationInput[]): ParsedRelationship {
  const start = r.start ?? null;
  return {
    id: r.id ?? null,
    key: r.id ?? derivedRelationshipKey(r.type, r.from, r.to, start),
    type: r.type as RelationshipType,
    from: r.from,
    to: r.to,
    start,
    end: r.end ?? null,
    note: r.note ?? null,
    cite,
  };
}
