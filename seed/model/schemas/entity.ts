/** Schemas of the entity records: actors, authorities and events (YAML or CSV). */
import { z } from 'zod';
import { ACTOR_KINDS, AUTHORITY_KINDS } from '../relationship-types.ts';
import { citeField, type CitationInput } from './citation.ts';
import { enumField, idField, intField, textField, textListField, yearField } from './fields.ts';

/** Fields every entity has. */
const entityFields = {
  id: idField,
  name: textField,
  aliases: textListField.optional(),
  description: textField.optional(),
  note: textField.optional(),
  cite: citeField.optional(),
};

/** Entity records before cross-file checks: citations still as written. */
export type WithCitations<T> = Omit<T, 'cite'> & { cite: CitationInput[] };

export const actorSchema = z
  .strictObject({
    ...entityFields,
    kind: enumField(ACTOR_KINDS, 'actor kind'),
    country: idField.optional(),
  })
  .transform((a) => ({
    id: a.id,
    kind: a.kind,
    name: a.name,
    aliases: a.aliases ?? [],
    country: a.country ?? null,
    description: a.description ?? null,
    note: a.note ?? null,
    cite: a.cite ?? [],
  }));

export const authoritySchema = z
  .strictObject({
    ...entityFields,
    kind: enumField(AUTHORITY_KINDS, 'authority kind'),
    citation: textField.optional(),
    title: intField(1, 54, 'a US Code title number').optional(),
    enacted: yearField.optional(),
  })
  .transform((a) => ({
    id: a.id,
    kind: a.kind,
    name: a.name,
    aliases: a.aliases ?? [],
    citation: a.citation ?? null,
    title: a.title ?? null,
    enacted: a.enacted ?? null,
    description: a.description ?? null,
    note: a.note ?? null,
    cite: a.cite ?? [],
  }));

export const eventSchema = z
  .strictObject({
    ...entityFields,
    year: yearField,
    yearEnd: yearField.optional(),
  })
  .refine((e) => e.yearEnd === undefined || e.yearEnd >= e.year, {
    error: (iss) => `yearEnd ${(iss.input as { yearEnd: number }).yearEnd} is before year ${(iss.input as { year: number }).year}`,
    path: ['yearEnd'],
  })
  .transform((e) => ({
    id: e.id,
    name: e.name,
    aliases: e.aliases ?? [],
    year: e.year,
    yearEnd: e.yearEnd ?? null,
    description: e.description ?? null,
    note: e.note ?? null,
    cite: e.cite ?? [],
  }));
