/**
 * Citation schema: where a fact comes from. YAML records list them under `cite`; any record may
 * instead (or also) give one citation in the flat fields `source`, `section`, `paragraph`,
 * `footnotes` (the CSV columns).
 */
import { z } from 'zod';
import { describe, idField, intListField } from './fields.ts';

/** A citation as written: `source` may be left to the data set's default source. */
export interface CitationInput {
  source: string | null;
  section: string | null;
  paragraphs: number[];
  footnotes: number[];
}

/** A citation as written (the `cite` items, or the flat CSV columns). */
export const citationSchema = z.strictObject(
  {
    source: idField.optional(),
    section: idField.optional(),
    paragraph: intListField('paragraph numbers').optional(),
    footnotes: intListField('footnote numbers').optional(),
  },
  { error: (iss) => (iss.code === 'invalid_type' ? `expected a citation mapping {section, paragraph, footnotes}, got ${describe(iss.input)}` : undefined) },
);

/** The normalised form of a parsed citation; null when it names nothing at all. */
export function toCitation(c: z.output<typeof citationSchema>): CitationInput | null {
  if (c.source === undefined && c.section === undefined && c.paragraph === undefined && c.footnotes === undefined) return null;
  return { source: c.source ?? null, section: c.section ?? null, paragraphs: c.paragraph ?? [], footnotes: c.footnotes ?? [] };
}

/** Message for a citation that names nothing. */
export const EMPTY_CITATION = 'an empty citation: give at least a source or a section';

/** `cite`: a list of citations (a single mapping was made a list of one by coercion). */
export const citeField = z.array(citationSchema, { error: (iss) => `expected a list of citations, got ${describe(iss.input)}` });
