/** Schemas of the entity records: actors, authorities and events (YAML or CSV). */
import { z } from 'zod';
import { ACTOR_KINDS, AUTHORITY_KINDS, EVIDENCE_LEVELS } from '../kinds.ts';
import { citationFields, citeField, gatherCitations } from './citation.ts';
import { enumField, idField, intField, nameField, orNull, textField, textListField, yearField } from './fields.ts';

/** Whether the source states a record, or it was inferred or assumed (kinds.ts); default STATED. */
export const evidenceField = enumField(EVIDENCE_LEVELS, 'evidence').default('STATED');

/** Fields every entity has (the order is the documentation's, shown in "allowed:" lists). */
const entityFields = {
  id: idField,
  name: nameField,
  aliases: textListField.default([]),
  description: orNull(textField),
  note: orNull(textField),
  evidence: evidenceField,
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
    evidence: evidenceField,
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
    /** Month (1-12) and day (1-31) of `year`, where the source gives them. */
    month: orNull(intField(1, 12, 'a month (1-12)')),
    day: orNull(intField(1, 31, 'a day of the month (1-31)')),
    yearEnd: orNull(yearField),
    ...citationFields,
  })
  .refine((e) => e.yearEnd === null || e.yearEnd >= e.year, {
    error: (iss) => `yearEnd ${(iss.input as { yearEnd: number }).yearEnd} is before year ${(iss.input as { year: number }).year}`,
    path: ['yearEnd'],
  })
  .refine((e) => e.day === null || e.month !== null, { error: 'day needs month', path: ['day'] })
  .refine((e) => e.day === null || e.month === null || e.day <= new Date(Date.UTC(e.year, e.month, 0)).getUTCDate(), {
    error: (iss) => {
      const e = iss.input as { year: number; month: number; day: number };
      return `${e.year}-${String(e.month).padStart(2, '0')}-${String(e.day).padStart(2, '0')} is not a date`;
    },
    path: ['day'],
  })
  .transform(gatherCitations);
