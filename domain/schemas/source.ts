/** Schema of a source record (sources.yaml): an article, one of its sections, a cited work. */
import { z } from 'zod';
import { SOURCE_KINDS } from '../kinds.ts';
import { type SourceRecord } from '../records.ts';
import { boolField, describe, enumField, idField, intField, intListField, nameField, textField } from './fields.ts';

export const sourceSchema = z
  .strictObject({
    id: idField,
    kind: enumField(SOURCE_KINDS, 'source kind'),
    title: nameField.optional(),
    author: nameField.optional(),
    publisher: nameField.optional(),
    date: nameField.optional(),
    url: z.url({ protocol: /^https?$/, error: (iss) => `expected a URL (http://... or https://...), got ${describe(iss.input)}` }).max(2_000, { error: 'a URL has at most 2000 characters' }).optional(),
    partOf: idField.optional(),
    essay: intField(0, 1000, 'an essay number').optional(),
    heading: nameField.optional(),
    paragraphs: intField(0, 100000, 'a paragraph count').optional(),
    footnotes: intListField('footnote numbers').optional(),
    footnoteCount: intField(0, 100000, 'a footnote count').optional(),
    default: boolField.optional(),
    note: textField.optional(),
  })
  .refine((s) => s.kind !== 'SECTION' || s.partOf !== undefined, {
    error: 'a SECTION needs partOf: the id of the document it belongs to',
    path: ['partOf'],
  });

/** The normalised record of a parsed source. */
export function toSourceRecord(s: z.output<typeof sourceSchema>): SourceRecord {
  return {
      id: s.id,
      kind: s.kind,
      title: s.title ?? null,
      author: s.author ?? null,
      publisher: s.publisher ?? null,
      date: s.date ?? null,
      url: s.url ?? null,
      partOf: s.partOf ?? null,
      essay: s.essay ?? null,
      heading: s.heading ?? null,
      paragraphs: s.paragraphs ?? null,
      footnotes: s.footnotes ?? [],
      footnoteCount: s.footnoteCount ?? null,
      isDefault: s.default ?? false,
      note: s.note ?? null,
  };
}
