/** Schemas of the entity records: actors, authorities and events (YAML or CSV). */
import { z } from 'zod';
import { ACTOR_KINDS, AUTHORITY_KINDS } from '../kinds.ts';
import type { ActorRecord, AuthorityRecord, EventRecord } from '../records.ts';
import { citeField, type CitationInput } from './citation.ts';
import { enumField, idField, intField, nameField, textField, textListField, yearField } from './fields.ts';

/** Fields every entity has. */
const entityFields = {
  id: idField,
  name: nameField,
  aliases: textListField.optional(),
  description: textField.optional(),
  note: textField.optional(),
  cite: citeField.optional(),
};

/** A record whose citations are as written (their source not yet resolved). */
export type WithCitations<T> = Omit<T, 'cite'> & { cite: CitationInput[] };

export const actorSchema = z.strictObject({
  ...entityFields,
  kind: enumField(ACTOR_KINDS, 'actor kind'),
  country: idField.optional(),
});

export const authoritySchema = z.strictObject({
  ...entityFields,
  kind: enumField(AUTHORITY_KINDS, 'authority kind'),
  citation: nameField.optional(),
  title: intField(1, 54, 'a US Code title number').optional(),
  enacted: yearField.optional(),
});

export const eventSchema = z
  .strictObject({
    ...entityFields,
    year: yearField,
    yearEnd: yearField.optional(),
  })
  .refine((e) => e.yearEnd === undefined || e.yearEnd >= e.year, {
    error: (iss) => `yearEnd ${(iss.input as { yearEnd: number }).yearEnd} is before year ${(iss.input as { year: number }).year}`,
    path: ['yearEnd'],
  });

export function toActorRecord(a: z.output<typeof actorSchema>, cite: CitationInput[]): WithCitations<ActorRecord> {
  return {
    id: a.id,
    kind: a.kind,
    name: a.name,
    aliases: a.aliases ?? [],
    country: a.country ?? null,
    description: a.description ?? null,
    note: a.note ?? null,
    cite,
  };
}

export function toAuthorityRecord(a: z.output<typeof authoritySchema>, cite: CitationInput[]): WithCitations<AuthorityRecord> {
  return {
    id: a.id,
    kind: a.kind,
    name: a.name,
    aliases: a.aliases ?? [],
    citation: a.citation ?? null,
    title: a.title ?? null,
    enacted: a.enacted ?? null,
    description: a.description ?? null,
    note: a.note ?? null,
    cite,
  };
}

export function toEventRecord(e: z.output<typeof eventSchema>, cite: CitationInput[]): WithCitations<EventRecord> {
  return {
    id: e.id,
    name: e.name,
    aliases: e.aliases ?? [],
    year: e.year,
    yearEnd: e.yearEnd ?? null,
    description: e.description ?? null,
    note: e.note ?? null,
    cite,
  };
}
