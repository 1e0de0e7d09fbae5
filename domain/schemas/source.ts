/** Schema of a source record (sources.yaml): an article, one of its sections, a cited work. */
import { z } from 'zod';
import { SOURCE_KINDS } from '../kinds.ts';
import { boolField, enumField, idField, intField, intListField, nameField, orNull, textField, urlField } from './fields.ts';

export const sourceSchema = z
  .strictObject({
    id: idField,
    kind: enumField(SOURCE_KINDS, 'source kind'),
    title: orNull(nameField),
    author: orNull(nameField),
    publisher: orNull(nameField),
    date: orNull(nameField),
    url: orNull(urlField),
    partOf: orNull(idField),
    essay: orNull(intField(0, 1000, 'an essay number')),
    heading: orNull(nameField),
    paragraphs: orNull(intField(0, 100000, 'a paragraph count')),
    footnotes: intListField('footnote numbers').default([]),
    footnoteCount: orNull(intField(0, 100000, 'a footnote count')),
    default: boolField.default(false),
    /** Curator's remark (ambiguities, typos kept from the source). */
    note: orNull(textField),
  })
  .refine((s) => s.kind !== 'SECTION' || s.partOf !== null, {
    error: 'a SECTION needs partOf: the id of the document it belongs to',
    path: ['partOf'],
  })
  // `default` is a word of the file format; in code and in the graph it is `isDefault`.
  .transform(({ default: isDefault, ...rest }) => ({ ...rest, isDefault }));
