/** Schema of a relationship record (relationships.csv): one typed edge with years. */
import { z } from 'zod';
import { TIMINGS } from '../kinds.ts';
import { RELATIONSHIP_TYPES } from '../relationship-types.ts';
import { citationFields, citeField, gatherCitations } from './citation.ts';
import { evidenceField } from './entity.ts';
import { describe, enumField, idField, orNull, textField, toText, yearField } from './fields.ts';

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
    /** What start and end mean (kinds.ts TIMINGS); left out: PERIOD when a year is given, else UNDATED. */
    timing: orNull(enumField(TIMINGS, 'timing')),
    note: orNull(textField),
    evidence: evidenceField,
    cite: citeField,
    ...citationFields,
  })
  .refine((r) => r.start === null || r.end === null || r.start <= r.end, {
    error: (iss) => `end ${(iss.input as { end: number }).end} is before start ${(iss.input as { start: number }).start}`,
    path: ['end'],
  })
  .refine((r) => r.from !== r.to, { error: 'from and to are the same record', path: ['to'] })
  .refine((r) => r.timing !== 'POINT' || (r.start !== null && (r.end === null || r.end === r.start)), {
    error: 'timing POINT needs start (the year it happened) and no other end year',
    path: ['timing'],
  })
  .refine((r) => r.timing !== 'ALWAYS' || (r.start === null && r.end === null), {
    error: 'timing ALWAYS takes no start or end',
    path: ['timing'],
  })
  .refine((r) => r.timing !== 'UNDATED' || (r.start === null && r.end === null), {
    error: 'timing UNDATED takes no start or end (give PERIOD or POINT with the years)',
    path: ['timing'],
  })
  .transform((r) => {
    const { id, ...rest } = gatherCitations(r);
    const timing = r.timing ?? (r.start !== null || r.end !== null ? 'PERIOD' : 'UNDATED');
    return { id, key: id ?? derivedRelationshipKey(r.type, r.from, r.to, r.start), ...rest, timing };
  });
