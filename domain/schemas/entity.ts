/** Schemas of the entity records: actors, authorities and events (YAML or CSV). */
import { z } from 'zod';
import { ACTOR_KINDS, AUTHORITY_KINDS } from '../kinds.ts';
import { citationFields, citeField, gatherCitations } from './citation.ts';
import { enumField, idField, intField, nameField, orNull, textField, textListField, yearField } from './fields.ts';

/** Fields every entity has (the order is the documentation's, shown in "allowed:" lists). */
const entityFields = {
  id: idField,
  name: nameField,
  aliases: textListField.default([]),
  description: orNull(textField),
  note: orNull(textField),
  cite: citeField,
};

export const actorSchema = z
  .strictObject({
    id: idField,
    kind: enumField(ACTOR_KINDS, 'actor kind'),
    name: nameField,
    aliases: entityFields.aliases,
    country: orNull(idField),
    description: entityFields.description,
    note: entityFields.note,
    cite: citeField,
    ...citationFields,
  })
  .transform(gatherCitations);

export const authoritySchema = z
  .strictObject({
    ...entityFields,
    kind: enumField(AUTHORITY_KINDS, 'authority kind'),
    citation: orNull(nameField),
    title: orNull(intField(1, 54, 'a US Code title number')),
    enacted: orNull(yearField),
    ...citationFields,
  })
  .transform(gatherCitations);

export const eventSchema = z
  .strictObject({
    ...entityFields,
    year: yearField,
    yearEnd: orNull(yearField),
    ...citationFields,
  })
  .refine((e) => e.yearEnd === null || e.yearEnd >= e.year, {
    error: (iss) => `yearEnd ${(iss.input as { yearEnd: number }).yearEnd} is before year ${(iss.input as { year: number }).year}`,
    path: ['yearEnd'],
  })
  .transform(gatherCitations);
